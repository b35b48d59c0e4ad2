"""English evaluation reports: every fixed word English, data as written, Chinese unchanged.

An English report of a sample plan (with task progress, alerts, the previous plan's results)
and of every plan of the filled demo, in every format, holds Chinese only where it prints data:
the plan title, indicator names and units, departments, task texts, progress notes, the region
and what finding messages quote from the plan. The text of a format is
read back the way a reader sees it (Markdown text, HTML text nodes, Word paragraphs, tables and
footer, workbook cells, sheet names, headers and footers)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from lxml import html as lxml_html
from openpyxl import load_workbook

from planwatch import actions
from planwatch.model.actual import TaskProgress
from planwatch.model.codes import ReportKind
from planwatch.model.finding_messages import finding_parts
from planwatch.model.plan import Plan
from planwatch.reports import FORMATS, Report, build_report, compose, render_document
from planwatch.reports.document import ReportDocument, ReportOptions
from planwatch.storage import latest_plan, list_plans, open_storage
from tests.page_fixtures import filled_demo
from tests.reports_helpers import PLAN_TITLE, synthetic_actuals, zibo_plan_with_tasks

HAN = re.compile(r"[\u3400-\u9fff]")
ISSUED = date(2024, 3, 1)


def _progress() -> list[TaskProgress]:
    return [TaskProgress(task_number=1, reported_on=date(2023, 5, 1), percent=100, done=True,
                         note="实验室体系建设方案印发"),
            TaskProgress(task_number=2, reported_on=date(2023, 6, 1), percent=30, blocked=True,
                         note="用地指标尚未落实")]


def _sample() -> tuple[Plan, Report]:
    plan = zibo_plan_with_tasks()
    plan.tasks[2].deadline = "2022年底前"  # overdue by the report date
    report = build_report(plan, synthetic_actuals(), 2023, progress=_progress(),
                          tasks_as_of=date(2023, 12, 31))
    return plan, report


def plan_data(plan: Plan, report: Report) -> set[str]:
    """The data a report of ``plan`` prints: what the plan says, also inside finding messages."""
    m = plan.meta
    out = {m.title or "", m.region or "", plan.doc or "", report.plan_title, report.region or ""}
    for i in plan.indicators:
        out.update((i.name, i.unit or "", i.attribute or ""))
    for r in report.indicators:
        out.update((r.name, r.unit or "", r.attribute or ""))
    for p in plan.prior_results:
        out.update((p.name, p.unit or ""))
    for t in report.tasks:
        out.update((t.title, t.deadline or "", t.section or "", t.latest or "", *t.lead,
                    *t.support))
    for f in [*report.monitoring_alerts, *report.findings]:  # a message's quotes and names
        out.update(text for text, data in finding_parts(f, "en") if data)
    return {s for s in out if s and HAN.search(s)}


def _docx_texts(data: bytes) -> Iterator[str]:
    doc = Document(io.BytesIO(data))
    yield from (p.text for p in doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            yield from (c.text for c in row.cells)
    for section in doc.sections:
        yield from (p.text for p in section.footer.paragraphs)
    yield doc.core_properties.title or ""


def _xlsx_texts(data: bytes) -> Iterator[str]:
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        yield ws.title
        for part in (ws.oddHeader.center, ws.oddFooter.center):
            yield part.text or ""
        for row in ws.iter_rows(values_only=True):
            yield from (str(v) for v in row if v is not None)


def _html_texts(data: bytes) -> Iterator[str]:
    doc = lxml_html.fromstring(data.decode("utf-8"))
    assert doc.get("lang") == "en"
    for el in doc.xpath("//style"):
        el.drop_tree()
    for el in doc.iter():
        yield from (t for t in (el.text, el.tail, el.get("alt")) if t)


def texts(fmt: str, data: bytes) -> list[str]:
    """The text a reader sees in a report file."""
    if fmt == "docx":
        return list(_docx_texts(data))
    if fmt == "xlsx":
        return list(_xlsx_texts(data))
    if fmt == "html":
        return list(_html_texts(data))
    return data.decode("utf-8").splitlines()


def chinese_left(found: Iterable[str], data: set[str]) -> list[str]:
    """The Chinese fragments of ``found`` that are no data (a one-character unit counts as data
    after a number or alone)."""
    items = sorted(data, key=len, reverse=True)
    left = []
    for text in found:
        if not HAN.search(text) or text.strip() in data:
            continue
        for item in items:
            if len(item) > 1:
                text = text.replace(item, " ")
            else:
                text = re.sub(rf"(?<=[\d.%\s])\s*{re.escape(item)}(?![\u3400-\u9fff])", " ",
                              text)
        if HAN.search(text):
            left.append(text.strip())
    return left


def _render(doc: ReportDocument, fmt: str, tmp: Path) -> bytes:
    return render_document(doc, fmt, tmp / f"report.{fmt}").read_bytes()


@pytest.fixture(scope="module")
def sample() -> tuple[Plan, Report]:
    return _sample()


@pytest.mark.parametrize("kind", [None, ReportKind.FINAL])
@pytest.mark.parametrize("fmt", FORMATS)
def test_english_report_holds_no_chinese_except_data(
        sample: tuple[Plan, Report], fmt: str, kind: ReportKind | None, tmp_path: Path) -> None:
    plan, report = sample
    doc = compose(report, ReportOptions(kind=kind, issued_on=ISSUED, lang="en"))
    found = texts(fmt, _render(doc, fmt, tmp_path))
    assert chinese_left(found, plan_data(plan, report)) == []
    joined = "\n".join(found)
    for words in ("I. Overview", "II. Main indicators", "III. Key tasks", "IV. Main problems",
                  "V. Next steps", "1 March 2024", "Behind", "Table 1"):
        assert words in joined, (fmt, words)
    assert PLAN_TITLE in joined  # data stays as written
    assert "高新技术企业" in joined and "用地指标尚未落实" in joined


def test_the_check_finds_chinese_words(sample: tuple[Plan, Report], tmp_path: Path) -> None:
    """The same report in Chinese: its fixed words are found (the check can fail)."""
    plan, report = sample
    doc = compose(report, ReportOptions(issued_on=ISSUED))
    left = chinese_left(texts("md", _render(doc, "md", tmp_path)), plan_data(plan, report))
    assert "## 一、总体情况" in left and "2024年3月1日" in left


def test_english_wording(sample: tuple[Plan, Report]) -> None:
    _, report = sample
    doc = compose(report, ReportOptions(issued_on=ISSUED, lang="en"))
    assert doc.title == f"{PLAN_TITLE}: Mid-term evaluation report"
    assert doc.file_stem == doc.title.replace(":", "")
    assert doc.date_text == "1 March 2024" and doc.issuer == "淄博市 Science and Technology Bureau"
    assert [p.topic for p in doc.problems] == [
        p.topic for p in compose(report, ReportOptions()).problems]
    problems = "\n".join(doc.problem_text)
    assert "(1) Some indicators lag behind. 1 indicator progresses more slowly" in problems
    assert "“谋划布局重大科技基础设施” (lead: 市发展改革委, 市科技局" in problems
    assert doc.suggestions[0].startswith("(1) Speed up the lagging indicators.")
    annual = compose(build_report(zibo_plan_with_tasks(), synthetic_actuals(), 2022),
                     ReportOptions(lang="en"))
    assert annual.title == f"{PLAN_TITLE}: 2022 annual monitoring report"


def test_user_suggestions_stay_as_written(sample: tuple[Plan, Report]) -> None:
    _, report = sample
    doc = compose(report, ReportOptions(lang="en", suggestions="（一）加强调度。\n(2) More."))
    assert doc.suggestions == ["（一）加强调度。", "(2) More."]


def test_chinese_report_unchanged_by_the_language_option(sample: tuple[Plan, Report],
                                                         tmp_path: Path) -> None:
    _, report = sample
    for fmt in ("md", "html"):
        default = _render(compose(report, ReportOptions(issued_on=ISSUED)), fmt, tmp_path)
        zh = _render(compose(report, ReportOptions(issued_on=ISSUED, lang="zh")), fmt, tmp_path)
        assert default == zh
    md = _render(compose(report, ReportOptions(issued_on=ISSUED)), "md", tmp_path).decode()
    assert "## 一、总体情况" in md and "表1  主要指标完成情况" in md and "Overview" not in md


def _zip_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_filled_demo_reports_in_english(tmp_path: Path) -> None:
    """Every plan of the filled demo, every format: no Chinese except data."""
    store = open_storage(f"sqlite:///{tmp_path / 'demo.db'}")
    try:
        filled_demo(store, progress_text="按计划推进")
        checked = 0
        for record in list_plans(store):
            plan = latest_plan(store, record.id)
            assert plan is not None
            draft = actions.report_draft(store, actions.SYSTEM, record.id, lang="en")
            data = plan_data(plan, draft.report) | {"按计划推进"}
            year = draft.report.year
            for fmt in FORMATS:
                file = actions.report_file(store, actions.SYSTEM, record.id, year, fmt,
                                           ReportOptions(lang="en"))
                assert file.name.endswith(f".{fmt}") and "报告" not in file.name
                left = chinese_left(texts(fmt, file.data), data)
                assert left == [], (record.id, fmt, left[:10])
                checked += 1
            zh = actions.report_file(store, actions.SYSTEM, record.id, year, "docx")
            assert "一、总体情况" in _zip_text(zh.data) and zh.name.endswith("报告.docx")
        assert checked >= 4 * 3
    finally:
        store.close()
