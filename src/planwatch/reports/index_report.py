"""The composite index laid out (综合指数报告): one set of tables (ranking, dimensions, what moves
the ranks, notes) written as Markdown or .xlsx, in Chinese or English (``lang``; region names are
data). The numbers come from :mod:`planwatch.evaluate.index` /
:mod:`planwatch.evaluate.index_uncertainty` unchanged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as DocxDocument
from openpyxl import Workbook

from planwatch.catalog.indicators import load_catalog
from planwatch.evaluate.index import IndexResult, RegionScore
from planwatch.evaluate.index_framework import IndexFramework
from planwatch.evaluate.index_uncertainty import UncertaintyResult
from planwatch.excel import text_cells_as_text
from planwatch.model.labels import label
from planwatch.reports.md import md_table
from planwatch.reports.text import DASH

Cell = str | int | float | None
INDEX_EN: dict[str, str] = {
    "综合得分与排名": "Scores and ranks", "各维度得分": "Dimension scores",
    "方法选择对排名的影响": "What moves the ranks", "排名": "Rank", "地区": "Region",
    "综合得分": "Score", "说明": "Notes", "相对参照平均(%)": "% of reference average",
    "分组": "Group", "数据覆盖(%)": "Data coverage (%)",
    "排名区间(5%–95%)": "Rank interval (5–95 %)", "方法选择": "Choice",
    "平均排名变动（位）": "Mean rank shift", "一阶方差贡献(%)": "First-order share (%)",
    "无得分": "No score", "较{year}年变化": "change since {year}",
    "（含模拟数据）": " (simulated data)",
    "参照组：{n}个下级地区（{scored}个有得分），参照平均得分 {average}；"
    "分组阈值为参照平均的{g1}%、{g2}%、{g3}%。":
        "Reference group: {n} sub-regions ({scored} with a score), average score {average}; "
        "groups at {g1}%, {g2}% and {g3}% of the reference average.",
    "数据覆盖不足{share}%权重的地区不计得分。":
        "Regions with data for less than {share}% of the weight get no score.",
    "偏态指标先取平方根：{names}。": "Skewed indicators are square-rooted first: {names}.",
    "未计入指标“{name}”：{why}。": "Indicator left out, “{name}”: {why}.",
    "标注“含模拟数据”的地区使用了演示用模拟数据，不代表真实水平。":
        "Regions marked “simulated data” use made-up demo values, not real levels.",
    "方法说明见 docs/index-method.md（欧洲创新记分牌方法；"
    "不确定性分析按欧盟联合研究中心综合指数审计做法）。":
        "The method is described in docs/index-method.md (European Innovation Scoreboard "
        "method; uncertainty analysis after the JRC composite-indicator audit practice).",
}
"""English of the index report's fixed words (the web catalogue holds the same, see
tests/test_report_english.py)."""


def _t(zh: str, lang: str) -> str:
    return INDEX_EN.get(zh, zh) if lang == "en" else zh


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]]


@dataclass(frozen=True)
class IndexReport:
    """Everything an index report shows; ``names`` maps region keys to region names."""

    region_name: str
    framework: IndexFramework
    result: IndexResult
    uncertainty: UncertaintyResult | None
    names: dict[str, str]
    simulated: frozenset[str] = frozenset()
    """Regions whose values include simulated (demo) data."""
    years: tuple[int, ...] = ()
    """Years with values (for choosing another year)."""


def indicator_name(code: str, lang: str = "zh") -> str:
    entry = load_catalog().get(code)
    if entry is None:
        return code
    return entry.name_en if lang == "en" and entry.name_en else entry.name_zh


def _round(x: float | None, digits: int = 1) -> float | None:
    return None if x is None else round(x, digits)


def _interval(report: IndexReport, region: str) -> str | None:
    if report.uncertainty is None:
        return None
    found = next((i for i in report.uncertainty.intervals if i.region == region), None)
    if found is None or found.low is None or found.high is None:
        return None
    low, high = round(found.low), round(found.high)
    return f"{low}" if low == high else f"{low}–{high}"


def ranking_table(report: IndexReport, lang: str = "zh") -> Table:
    res = report.result
    headers = [_t(h, lang) for h in ("排名", "地区", "综合得分", "相对参照平均(%)", "分组")]
    if res.base_year is not None:
        headers.append(_t("较{year}年变化", lang).format(year=res.base_year))
    headers += [_t("数据覆盖(%)", lang), _t("排名区间(5%–95%)", lang)]
    rows: list[list[Cell]] = []
    for s in res.scores:
        name = report.names.get(s.region, s.region)
        if s.region in report.simulated:
            name += _t("（含模拟数据）", lang)
        row: list[Cell] = [s.rank, name, _round(s.score), _round(s.relative),
                           label("performance_group", s.group, lang) if s.group
                           else _t("无得分", lang)]
        if res.base_year is not None:
            row.append(_round(s.change))
        rows.append([*row, _round(s.coverage * 100, 0), _interval(report, s.region)])
    return Table(_t("综合得分与排名", lang), headers, rows)


def dimension_table(report: IndexReport, lang: str = "zh") -> Table:
    dims = report.framework.dimensions
    headers = [_t("地区", lang), *(d.name_en if lang == "en" else d.name_zh for d in dims)]
    rows: list[list[Cell]] = [
        [report.names.get(s.region, s.region),
         *(_round(s.dimensions.get(d.code)) for d in dims)]
        for s in report.result.scores]
    return Table(_t("各维度得分", lang), headers, rows)


def effects_table(report: IndexReport, lang: str = "zh") -> Table | None:
    if report.uncertainty is None:
        return None
    rows: list[list[Cell]] = [
        [label("index_factor", e.factor, lang), _round(e.mean_shift, 2),
         None if e.first_order is None else _round(e.first_order * 100)]
        for e in sorted(report.uncertainty.effects, key=lambda e: -e.mean_shift)]
    return Table(_t("方法选择对排名的影响", lang),
                 [_t(h, lang) for h in ("方法选择", "平均排名变动（位）", "一阶方差贡献(%)")],
                 rows)


Note = tuple[str, dict[str, str | list[str]]]
"""A note as a sentence with ``{fields}`` and their values (a list is joined with "、"): the
pages show it in their language, the reports in Chinese."""


def note_parts(report: IndexReport, lang: str = "zh") -> list[Note]:
    """The notes as sentences with fields; ``lang`` en: indicator names and labels in English
    (the sentences stay Chinese keys: :func:`notes` and the pages translate them)."""
    res, fw = report.result, report.framework
    scored = sum(1 for s in res.scores if s.score is not None)
    average = "—" if res.reference_average is None else f"{res.reference_average:.1f}"
    out: list[Note] = [
        ("参照组：{n}个下级地区（{scored}个有得分），参照平均得分 {average}；"
         "分组阈值为参照平均的{g1}%、{g2}%、{g3}%。",
         {"n": str(len(res.scores)), "scored": str(scored), "average": average,
          "g1": f"{fw.groups[0]:g}", "g2": f"{fw.groups[1]:g}", "g3": f"{fw.groups[2]:g}"}),
        ("数据覆盖不足{share}%权重的地区不计得分。", {"share": f"{fw.min_coverage * 100:g}"})]
    if res.transformed:
        out.append(("偏态指标先取平方根：{names}。",
                    {"names": [indicator_name(c, lang) for c in res.transformed]}))
    for code, why in res.excluded.items():
        out.append(("未计入指标“{name}”：{why}。",
                    {"name": indicator_name(code, lang),
                     "why": label("index_exclusion", why, lang)}))
    if report.simulated:
        out.append(("标注“含模拟数据”的地区使用了演示用模拟数据，不代表真实水平。", {}))
    out.append(("方法说明见 docs/index-method.md（欧洲创新记分牌方法；"
                "不确定性分析按欧盟联合研究中心综合指数审计做法）。", {}))
    return out


def notes(report: IndexReport, lang: str = "zh") -> list[str]:
    sep = ", " if lang == "en" else "、"
    return [_t(text, lang).format(**{k: v if isinstance(v, str) else sep.join(v)
                                     for k, v in values.items()})
            for text, values in note_parts(report, lang)]


def index_json(report: IndexReport, ids: dict[str, int] | None = None) -> dict[str, object]:
    """The index as JSON (API): codes for groups and factors, labels beside them; region keys
    as ids where ``ids`` maps them."""
    res, spread = report.result, report.uncertainty
    intervals = {i.region: i for i in spread.intervals} if spread else {}

    def region(s: RegionScore) -> dict[str, object]:
        i = intervals.get(s.region)
        return {
            "region_id": (ids or {}).get(s.region, s.region), "name": report.names.get(s.region),
            "rank": s.rank, "score": s.score, "relative": s.relative,
            "group_code": s.group.value if s.group else None,
            "group": label("performance_group", s.group) if s.group else None,
            "coverage": s.coverage, "change": s.change, "dimensions": s.dimensions,
            "simulated": s.region in report.simulated,
            "rank_interval": None if i is None or i.median is None else
            {"median": i.median, "low": i.low, "high": i.high},
        }

    return {
        "region": report.region_name, "year": res.year, "base_year": res.base_year,
        "years": list(report.years), "reference_average": res.reference_average,
        "scores": [region(s) for s in res.scores], "weights": res.weights,
        "transformed": list(res.transformed), "excluded": res.excluded,
        "effects": [] if spread is None else [
            {"factor": e.factor, "label": label("index_factor", e.factor),
             "mean_shift": e.mean_shift, "first_order": e.first_order}
            for e in spread.effects],
        "draws": spread.draws if spread else 0, "seed": spread.seed if spread else None,
        "framework": res.params, "notes": notes(report),
    }


def rank_chart(report: IndexReport) -> dict[str, object]:
    """ECharts data of the rank intervals (static/js/index-chart.js), best first."""
    spread = report.uncertainty
    if spread is None:
        return {}
    rows = [i for i in spread.intervals if i.median is not None]
    return {"names": [report.names.get(i.region, i.region) for i in rows],
            "low": [i.low for i in rows], "high": [i.high for i in rows],
            "median": [i.median for i in rows], "nominal": [i.nominal for i in rows],
            "count": len(rows)}


def tables(report: IndexReport, lang: str = "zh") -> list[Table]:
    effects = effects_table(report, lang)
    return [ranking_table(report, lang), dimension_table(report, lang),
            *([effects] if effects else [])]


def index_title(report: IndexReport, lang: str = "zh") -> str:
    """淄博市科技创新综合指数（2023年） / 淄博市 Composite innovation index (2023)."""
    fw, year = report.framework, report.result.year
    if lang == "en":
        return f"{report.region_name} {fw.name_en} ({year})"
    return f"{report.region_name}{fw.name_zh}（{year}年）"


def cell_text(value: Cell) -> str:
    """A cell as printed in the .md and .docx: — for none, floats without trailing zeros."""
    if value is None:
        return DASH
    return f"{value:g}" if isinstance(value, float) else str(value)


def _text_rows(table: Table) -> list[list[str]]:
    return [[cell_text(v) for v in row] for row in table.rows]


def render_md(report: IndexReport, lang: str = "zh") -> str:
    lines = [f"# {index_title(report, lang)}", ""]
    for table in tables(report, lang):
        lines += [f"## {table.title}", "", *md_table(table.headers, _text_rows(table))]
    lines += [f"## {_t('说明', lang)}", "", *(f"- {n}" for n in notes(report, lang)), ""]
    return "\n".join(lines)


def build_workbook(report: IndexReport, lang: str = "zh") -> Workbook:
    from planwatch.reports.xlsx import write_sheet

    wb = Workbook()
    for sheet in list(wb.worksheets):  # the empty default sheet
        wb.remove(sheet)
    for table in tables(report, lang):
        ws = wb.create_sheet(table.title[:31].replace("/", "-"))
        write_sheet(ws, table.headers, table.rows, _widths(table.headers), lang=lang)
    ws = wb.create_sheet(_t("说明", lang))
    write_sheet(ws, [_t("说明", lang)], [[n] for n in notes(report, lang)], [100], lang=lang)
    text_cells_as_text(wb)
    return wb


def _widths(headers: Sequence[str]) -> list[float]:
    return [max(8.0, min(30.0, len(h) * 2.2)) for h in headers]


def build_docx(report: IndexReport, lang: str = "zh") -> DocxDocument:
    """公文-style Word document: one numbered section per table, then the notes."""
    from planwatch.reports.docx import add_table, add_text, gongwen_document, heading1

    doc = gongwen_document(index_title(report, lang))
    number = 0
    for number, table in enumerate(tables(report, lang), start=1):
        heading1(doc, number, table.title, lang)
        add_table(doc, table.headers, _text_rows(table))
    heading1(doc, number + 1, _t("说明", lang), lang)
    for note in notes(report, lang):
        add_text(doc, note)
    return doc


def write_index(report: IndexReport, fmt: str, path: Path, lang: str = "zh") -> Path:
    """Write ``report`` as ``md``, ``xlsx`` or ``docx`` to ``path`` in ``lang``."""
    if fmt == "md":
        path.write_text(render_md(report, lang), encoding="utf-8")
    elif fmt == "xlsx":
        build_workbook(report, lang).save(path)
    elif fmt == "docx":
        build_docx(report, lang).save(str(path))
    else:
        raise ValueError(f"unsupported index format: {fmt}")
    return path
