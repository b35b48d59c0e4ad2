"""Every .xlsx planwatch writes keeps plan text as text: nothing from a plan becomes a formula."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from planwatch.actuals.template import make_template
from planwatch.model.actual import Actual
from planwatch.model.findings import Finding
from planwatch.model.plan import Plan, Task
from planwatch.reports import build_report, render_report
from tests.reports_helpers import gold_plan

HOSTILE = ("=1+2", "+SUM(A1:A3)", "-2+3", "@HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0")


def _hostile_plan() -> Plan:
    plan = gold_plan()
    for ind, name in zip(plan.indicators, HOSTILE, strict=False):
        ind.name = name
    plan.indicators[0].unit = "=A1"
    plan.meta.title = "=HYPERLINK(\"http://evil\")"
    plan.tasks = [Task(number=1, title="=2*3", lead=["@部门"], support=["+配合单位"])]
    plan.findings = [Finding(code="=x", message="-1+1 提示")]
    return plan


def _cells(path: Path) -> list[tuple[str, str, object, str]]:
    wb = load_workbook(path)
    return [(ws.title, c.coordinate, c.value, c.data_type)
            for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def test_report_xlsx_writes_plan_text_as_text(tmp_path: Path) -> None:
    plan = _hostile_plan()
    actuals = [Actual(indicator=HOSTILE[1], year=2022, value=10.0)]
    out = render_report(build_report(plan, actuals, 2022), "xlsx", tmp_path / "r.xlsx")
    cells = _cells(out)
    assert [c for c in cells if c[3] == "f"] == []
    values = {c[2] for c in cells if isinstance(c[2], str)}
    for text in (*HOSTILE, "=2*3", "@部门", "+配合单位", "-1+1 提示"):
        assert text in values, text
    assert any(isinstance(c[2], str) and c[2].startswith("=HYPERLINK") for c in cells)


def test_template_writes_plan_text_as_text(tmp_path: Path) -> None:
    out = make_template(_hostile_plan(), tmp_path / "t.xlsx", include_targets=True)
    cells = _cells(out)
    assert [c for c in cells if c[3] == "f"] == []
    values = {c[2] for c in cells if isinstance(c[2], str)}
    assert set(HOSTILE) <= values
    wb = load_workbook(out)
    hits = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value in HOSTILE]
    assert hits and all(c.quotePrefix for c in hits)
