"""The composite index laid out (综合指数报告): one set of tables (ranking, dimensions, what moves
the ranks, notes) written as Markdown or .xlsx. The numbers come from
:mod:`planwatch.evaluate.index` / :mod:`planwatch.evaluate.index_uncertainty` unchanged."""

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


def indicator_name(code: str) -> str:
    entry = load_catalog().get(code)
    return entry.name_zh if entry is not None else code


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


def ranking_table(report: IndexReport) -> Table:
    res = report.result
    headers = ["排名", "地区", "综合得分", "相对参照平均(%)", "分组"]
    if res.base_year is not None:
        headers.append(f"较{res.base_year}年变化")
    headers += ["数据覆盖(%)", "排名区间(5%–95%)"]
    rows: list[list[Cell]] = []
    for s in res.scores:
        name = report.names.get(s.region, s.region)
        if s.region in report.simulated:
            name += "（含模拟数据）"
        row: list[Cell] = [s.rank, name, _round(s.score), _round(s.relative),
                           label("performance_group", s.group) if s.group else "无得分"]
        if res.base_year is not None:
            row.append(_round(s.change))
        rows.append([*row, _round(s.coverage * 100, 0), _interval(report, s.region)])
    return Table("综合得分与排名", headers, rows)


def dimension_table(report: IndexReport) -> Table:
    dims = report.framework.dimensions
    headers = ["地区", *(d.name_zh for d in dims)]
    rows: list[list[Cell]] = [
        [report.names.get(s.region, s.region),
         *(_round(s.dimensions.get(d.code)) for d in dims)]
        for s in report.result.scores]
    return Table("各维度得分", headers, rows)


def effects_table(report: IndexReport) -> Table | None:
    if report.uncertainty is None:
        return None
    rows: list[list[Cell]] = [
        [label("index_factor", e.factor), _round(e.mean_shift, 2),
         None if e.first_order is None else _round(e.first_order * 100)]
        for e in sorted(report.uncertainty.effects, key=lambda e: -e.mean_shift)]
    return Table("方法选择对排名的影响",
                 ["方法选择", "平均排名变动（位）", "一阶方差贡献(%)"], rows)


Note = tuple[str, dict[str, str | list[str]]]
"""A note as a sentence with ``{fields}`` and their values (a list is joined with "、"): the
pages show it in their language, the reports in Chinese."""


def note_parts(report: IndexReport) -> list[Note]:
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
                    {"names": [indicator_name(c) for c in res.transformed]}))
    for code, why in res.excluded.items():
        out.append(("未计入指标“{name}”：{why}。",
                    {"name": indicator_name(code), "why": label("index_exclusion", why)}))
    if report.simulated:
        out.append(("标注“含模拟数据”的地区使用了演示用模拟数据，不代表真实水平。", {}))
    out.append(("方法说明见 docs/index-method.md（欧洲创新记分牌方法；"
                "不确定性分析按欧盟联合研究中心综合指数审计做法）。", {}))
    return out


def notes(report: IndexReport) -> list[str]:
    return [text.format(**{k: v if isinstance(v, str) else "、".join(v)
                           for k, v in values.items()})
            for text, values in note_parts(report)]


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


def tables(report: IndexReport) -> list[Table]:
    effects = effects_table(report)
    return [ranking_table(report), dimension_table(report), *([effects] if effects else [])]


def cell_text(value: Cell) -> str:
    """A cell as printed in the .md and .docx: — for none, floats without trailing zeros."""
    if value is None:
        return DASH
    return f"{value:g}" if isinstance(value, float) else str(value)


def _text_rows(table: Table) -> list[list[str]]:
    return [[cell_text(v) for v in row] for row in table.rows]


def render_md(report: IndexReport) -> str:
    lines = [f"# {report.region_name}{report.framework.name_zh}（{report.result.year}年）", ""]
    for table in tables(report):
        lines += [f"## {table.title}", "", *md_table(table.headers, _text_rows(table))]
    lines += ["## 说明", "", *(f"- {n}" for n in notes(report)), ""]
    return "\n".join(lines)


def build_workbook(report: IndexReport) -> Workbook:
    from planwatch.reports.xlsx import write_sheet

    wb = Workbook()
    for sheet in list(wb.worksheets):  # the empty default sheet
        wb.remove(sheet)
    for table in tables(report):
        ws = wb.create_sheet(table.title[:31].replace("/", "-"))
        write_sheet(ws, table.headers, table.rows, _widths(table.headers))
    ws = wb.create_sheet("说明")
    write_sheet(ws, ["说明"], [[n] for n in notes(report)], [100])
    text_cells_as_text(wb)
    return wb


def _widths(headers: Sequence[str]) -> list[float]:
    return [max(8.0, min(30.0, len(h) * 2.2)) for h in headers]


def build_docx(report: IndexReport) -> DocxDocument:
    """公文-style Word document: one numbered section per table, then the notes."""
    from planwatch.reports.docx import add_table, add_text, gongwen_document, heading1

    doc = gongwen_document(f"{report.region_name}{report.framework.name_zh}"
                           f"（{report.result.year}年）")
    number = 0
    for number, table in enumerate(tables(report), start=1):
        heading1(doc, number, table.title)
        add_table(doc, table.headers, _text_rows(table))
    heading1(doc, number + 1, "说明")
    for note in notes(report):
        add_text(doc, note)
    return doc


def write_index(report: IndexReport, fmt: str, path: Path) -> Path:
    """Write ``report`` as ``md``, ``xlsx`` or ``docx`` to ``path``."""
    if fmt == "md":
        path.write_text(render_md(report), encoding="utf-8")
    elif fmt == "xlsx":
        build_workbook(report).save(path)
    elif fmt == "docx":
        build_docx(report).save(str(path))
    else:
        raise ValueError(f"unsupported index format: {fmt}")
    return path
