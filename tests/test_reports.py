"""Evaluation reports: the report model and the four formats, checked by reading them back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from planwatch.errors import PlanwatchError
from planwatch.reports import FORMATS, Report, build_report, compose, render_report
from planwatch.reports.build import NO_DATA, group_tasks
from planwatch.reports.charts import chart_image, cjk_family, planned_path
from planwatch.reports.html import render_html
from planwatch.reports.md import render_md
from planwatch.reports.text import numeral
from tests.reports_helpers import PLAN_TITLE, gold_plan, synthetic_actuals, zibo_plan_with_tasks

TITLE = f"{PLAN_TITLE}中期评估报告"  # 2023 is the middle year of 2021–2025
SECTIONS = ["一、总体情况", "二、主要指标完成情况", "三、重点任务推进情况", "四、存在的主要问题",
            "五、下一步工作建议"]


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(zibo_plan_with_tasks(), synthetic_actuals(), 2023)


@pytest.fixture(scope="module")
def rendered(report: Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reports")
    return {fmt: render_report(report, fmt, out / f"report.{fmt}") for fmt in FORMATS}


def _row(report: Report, name: str):  # type: ignore[no-untyped-def]
    return next(r for r in report.indicators if r.name == name)


def test_report_model(report: Report) -> None:
    assert report.title == TITLE
    # 8 table rows + the prose target 有研发活动企业占比 ≥55 % (baseline 41.41 % stated in the text)
    assert report.summary.indicator_count == 9
    assert report.indicators[-1].attribute == "文字目标"
    assert report.summary.with_actual == 4
    assert report.summary.verdict_counts == {
        "achieved_early": 1, "ahead": 1, "behind": 1, "regressing": 1, "no_data": 5}
    assert list(report.summary.verdict_counts) == [
        "achieved_early", "ahead", "behind", "regressing", "no_data"]
    assert report.summary.alert_count == len(report.alerts) == 2
    row = _row(report, "科技型中小企业")
    assert (row.baseline, row.target, row.actual_year, row.actual) == (900, 2700, 2023, 1900)
    assert row.completion_plain == pytest.approx(1900 / 2700)
    assert row.completion_change == pytest.approx((1900 - 900) / (2700 - 900))
    assert row.time_progress == pytest.approx(0.6)
    assert row.path == "compound"
    assert row.series == [(2020, 900), (2021, 1200), (2022, 1500), (2023, 1900)]
    assert row.projection is not None and row.projection.method == "年均增速外推"
    assert row.projection.value == pytest.approx(1900 * (1900 / 900) ** (2 / 3))


def test_missing_actuals_are_warned_not_guessed(report: Report) -> None:
    row = _row(report, "省级以上创新平台")
    assert (row.actual, row.completion_plain, row.verdict) == (None, None, NO_DATA)
    assert row.warnings == ["缺少实际值"]
    assert report.summary.warning_count == 5  # 4 table rows and the prose target lack actuals


def test_prior_results(report: Report) -> None:
    assert [(p.name, p.met) for p in report.prior][:3] == [
        ("R&D经费支出占GDP比重", True), ("万人有效发明专利拥有量", True),
        ("PCT国际专利申请量", False)]
    assert report.prior[2].completion_plain == pytest.approx(71 / 80)


def test_tasks_grouped_by_lead(report: Report) -> None:
    by_dept = {g.department: [t.number for t in g.tasks] for g in report.departments}
    assert report.departments[0].department == "市科技局"
    assert 3 in by_dept["市科技局"] and 3 in by_dept["市发展改革委"]  # shared task under both
    assert group_tasks([]) == []


def test_compound_path_ends_at_target(report: Report) -> None:
    path = planned_path(_row(report, "高新技术企业"))
    assert path[0] == (2020, 703) and path[-1][0] == 2025
    assert path[-1][1] == pytest.approx(1800)
    assert path[1][1] == pytest.approx(703 * (1800 / 703) ** 0.2)  # not the straight line
    linear = planned_path(_row(report, "R&D经费支出占GDP的比重"))
    assert linear[1][1] == pytest.approx(2.79 + 0.21 / 5)


def test_chart_png_uses_cjk_font(report: Report) -> None:
    assert cjk_family() == "Noto Sans CJK SC"
    png = chart_image(_row(report, "科技型中小企业"))
    assert png is not None and png.startswith(b"\x89PNG")
    assert 5_000 < len(png) < 200_000


def test_numeral() -> None:
    assert [numeral(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]


def _east_asia(run) -> str | None:  # type: ignore[no-untyped-def]
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_docx_gongwen_layout(rendered: dict[str, Path]) -> None:
    doc = Document(str(rendered["docx"]))
    title = doc.paragraphs[0]
    assert title.text == TITLE
    assert title.alignment == 1  # centred
    assert _east_asia(title.runs[0]) == "方正小标宋简体"
    assert title.runs[0].font.size == Pt(22)
    by_text = {p.text: p for p in doc.paragraphs}
    assert _east_asia(by_text["一、总体情况"].runs[0]) == "黑体"
    assert _east_asia(by_text["（一）市科技局（牵头7项）"].runs[0]) == "楷体_GB2312"
    body = next(p for p in doc.paragraphs if p.text.startswith("依据《"))
    assert _east_asia(body.runs[0]) == "仿宋_GB2312"
    assert body.runs[0].font.size == Pt(16)
    section = doc.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin,
             section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(s.cm, 2) for s in sizes] == [21, 29.7, 3.7, 3.5, 2.8, 2.6]
    headings = [p.text for p in doc.paragraphs if re.match(r"^[一二三四五六七]、", p.text)]
    assert headings == SECTIONS
    texts = [p.text for p in doc.paragraphs]
    assert texts.index("淄博市科技局") < texts.index("附件1")  # 落款 before the annexes
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", texts[texts.index("淄博市科技局") + 1])


def test_docx_tables_and_charts(rendered: dict[str, Path]) -> None:
    doc = Document(str(rendered["docx"]))
    table = doc.tables[0]
    assert table.style.name == "Table Grid"
    assert table.cell(0, 6).text == "目标完成率\n(A/T)"
    row = [c.text for c in table.rows[3].cells]
    assert row[:3] == ["3", "科技型中小企业", "家"]
    # 进度完成率 on the basis the verdict uses: compound for a 年均增速 row (the page shows it too)
    assert row[3:9] == ["900\n2020年", "2,700\n2025年", "1,900\n2023年", "70.4%",
                        "68.0%\n复合增长口径", "60.0%"]
    assert row[9] == "快于预期" and len(row) == 10  # the projection is in 附件1
    assert _east_asia(table.cell(1, 1).paragraphs[0].runs[0]) == "仿宋_GB2312"
    assert len(doc.inline_shapes) == 9  # one chart per indicator (8) and prose target (1)
    charts = doc.tables[1]
    assert len(charts.columns) == 2 and len(charts.rows) == 5  # two to a row
    prior = next(t for t in doc.tables if t.cell(0, 5).text == "完成值")
    assert any("PCT国际专利申请量" in c.text for c in prior.columns[1].cells)


def test_xlsx_reloads(rendered: dict[str, Path]) -> None:
    wb = load_workbook(rendered["xlsx"])
    assert wb.sheetnames == ["概要", "指标监测", "重点任务", "监测预警", "审查发现", "上期完成情况"]
    ws = wb["指标监测"]
    assert ws.freeze_panes == "C2"
    assert ws["A1"].font.bold and ws["B1"].value == "指标"
    headers = [c.value for c in ws[1]]
    row = dict(zip(headers, ws[4], strict=True))
    assert row["指标"].value == "科技型中小企业"
    assert row["实际值"].value == 1900 and row["实际值"].number_format == "#,##0"
    assert row["基期值"].number_format == "#,##0" and ws["F2"].number_format == "#,##0.00"
    assert row["目标完成率(A/T)"].value == pytest.approx(1900 / 2700)
    assert row["目标完成率(A/T)"].number_format == "0.0%"
    assert row["评价"].value == "快于预期"
    assert ws.column_dimensions["B"].width == 30
    assert wb["重点任务"]["A2"].value == "市科技局"
    assert wb["概要"]["A1"].value == TITLE
    summary = [c.value for c in wb["概要"]["A"] if c.value]
    assert [v for v in summary if v in SECTIONS] == SECTIONS
    for sheet in wb.worksheets:  # print setup: A4, one page wide
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
    assert wb["概要"].page_setup.orientation == "portrait"


def test_html_is_self_contained(rendered: dict[str, Path]) -> None:
    html = rendered["html"].read_text(encoding="utf-8")
    assert f"<h1>{TITLE}</h1>" in html
    assert html.count("data:image/png;base64,") == 9
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "<td>科技型中小企业</td>" in html and "快于预期" in html
    assert "@media print" in html and '<div class="charts">' in html
    heads = re.findall(r'<h2 class="section">(.*?)</h2>', html)
    assert heads == SECTIONS


def test_html_escapes_plan_text() -> None:
    plan = gold_plan()
    plan.meta.title = "<script>alert(1)</script>规划"
    plan.indicators[0].name = "A<b>&B"
    html = render_html(compose(build_report(plan, [], 2023)), charts=False)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;规划中期评估报告" in html
    assert "A&lt;b&gt;&amp;B" in html


def test_markdown_tables(rendered: dict[str, Path]) -> None:
    md = rendered["md"].read_text(encoding="utf-8")
    assert md.startswith(f"# {TITLE}\n")
    assert ("| 3 | 科技型中小企业 | 家 | 900（2020年） | 2,700（2025年） | 1,900（2023年） "
            "| 70.4% |") in md
    assert [ln for ln in md.splitlines() if ln.startswith("## ") and "、" in ln] == [
        f"## {h}" for h in SECTIONS]
    assert "## 附件3　上期规划主要指标完成情况" in md
    assert "| 1 | 建立健全实验室体系 | — | — |" in md  # no progress data: 配合单位, 时限


def test_markdown_escapes_pipes() -> None:
    plan = gold_plan()
    plan.indicators[0].name = "a|b"
    assert "| a\\|b |" in render_md(compose(build_report(plan, [], 2023)))


def test_unknown_format_is_an_error(report: Report, tmp_path: Path) -> None:
    with pytest.raises(PlanwatchError, match="pdf"):
        render_report(report, "pdf", tmp_path / "x.pdf")


def test_empty_plan_renders_every_format(tmp_path: Path) -> None:
    from planwatch.model.plan import Plan

    report = build_report(Plan(), [], 2024)
    assert report.title == "规划2024年度监测报告"
    for fmt in FORMATS:
        assert render_report(report, fmt, tmp_path / f"empty.{fmt}").stat().st_size > 0


def test_alerts_listed_with_chinese_labels(report: Report, rendered: dict[str, Path]) -> None:
    assert [f.code for f in report.alerts] == ["behind-schedule", "behind-schedule"]
    wb = load_workbook(rendered["xlsx"])
    ws = wb["监测预警"]
    assert [c.value for c in ws[1]] == ["序号", "类型", "级别", "说明"]   # no code, no line
    assert ws["B2"].value == "进度滞后"
    assert "高新技术企业" in ws["D2"].value
    assert not any(c.value == "behind-schedule" for row in ws.iter_rows() for c in row)
    md = rendered["md"].read_text(encoding="utf-8")
    assert "| 1 | 进度滞后 | 提示 |" in md
