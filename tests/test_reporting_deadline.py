"""报送期限: a year's values are not called missing before they are due, and the plan page's
预警 count is the number of warnings in its 预警 panel (data notes are counted apart)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch import actions
from planwatch.evaluate.reporting import data_due, reporting_deadline
from planwatch.model.actual import Actual
from planwatch.model.evaluation import EvaluationParams
from planwatch.model.plan import Indicator, Meta, Plan
from planwatch.reports.build import build_report
from planwatch.settings import Settings
from planwatch.storage import Storage, import_plan, open_storage, record_actuals
from planwatch.web import create_app
from planwatch.workflow.errors import Invalid
from planwatch.workflow.settings import REPORTING_DEADLINE_ENV, evaluation_params

PASSWORD = "correct-horse-1"


def _plan() -> Plan:
    meta = Meta(title="某区“十五五”科技创新规划", region="某区", period_start=2026,
                    period_end=2030)
    return Plan(meta=meta, indicators=[
        Indicator(name="高新技术企业数", unit="家", baseline=100.0, baseline_year=2025,
                  target=200.0, target_year=2030, attribute="预期性"),
        Indicator(name="研发经费投入强度", unit="%", baseline=2.0, baseline_year=2025,
                  target=3.0, target_year=2030, attribute="预期性"),
    ])


def _actuals() -> list[Actual]:
    return [Actual(indicator="高新技术企业数", year=2026, value=130.0, unit="家", source="t"),
            Actual(indicator="研发经费投入强度", year=2026, value=2.2, unit="%", source="t")]


def test_deadline_is_30_june_of_the_next_year_by_default() -> None:
    assert reporting_deadline(2026) == date(2027, 6, 30)
    assert not data_due(2026, date(2027, 6, 30))
    assert data_due(2026, date(2027, 7, 1))
    later = EvaluationParams(reporting_deadline="03-31")
    assert reporting_deadline(2026, later) == date(2027, 3, 31)


@pytest.mark.parametrize("bad", ["13-01", "02-29", "0630", "6/30", "", "06-31"])
def test_a_deadline_that_is_not_a_day_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="MM-DD"):
        EvaluationParams(reporting_deadline=bad)


def test_setting_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REPORTING_DEADLINE_ENV, raising=False)
    assert evaluation_params().reporting_deadline == "06-30"
    monkeypatch.setenv(REPORTING_DEADLINE_ENV, "04-15")
    assert evaluation_params().reporting_deadline == "04-15"
    monkeypatch.setenv(REPORTING_DEADLINE_ENV, "15-04")
    with pytest.raises(Invalid) as err:
        evaluation_params()
    assert "月-日" in err.value.zh and "MM-DD" in err.value.en


def _notes(as_of: date | None, year: int = 2027) -> list[str]:
    report = build_report(_plan(), _actuals(), year, findings=[], as_of=as_of)
    return [w for row in report.indicators for w in row.warnings]


def test_no_missing_note_before_the_year_is_due() -> None:
    # December 2027: the 2027 values are due only on 30 June 2028
    assert not any("缺少2027年实际值" in w for w in _notes(date(2027, 12, 6)))
    # after the deadline the gap is a gap
    after = _notes(date(2028, 7, 1))
    assert after.count("缺少2027年实际值，采用2026年数据") == 2
    # a report without a date (a past year, long after its deadline) keeps the note
    assert len([w for w in _notes(None) if "缺少2027年" in w]) == 2


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Storage]:
    s = open_storage(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        yield s
    finally:
        s.close()


def test_plan_page_warning_count_is_the_panel(store: Storage) -> None:
    plan = _plan()
    plan.indicators[0].attribute = "约束性"  # a binding indicator behind schedule → 预警
    plan_id = import_plan(store, plan, "p.txt", None, "test").plan_id
    record_actuals(store, plan_id, [
        Actual(indicator="高新技术企业数", year=2026, value=90.0, unit="家", source="t"),
        Actual(indicator="研发经费投入强度", year=2026, value=2.2, unit="%", source="t")], "test")
    actions.add_user(store, actions.SYSTEM, "rev", PASSWORD, "reviewer", None)
    year = date.today().year + 1  # a year whose values cannot be due yet
    with TestClient(create_app(Settings(database_url="sqlite://"), store)) as client:
        r = client.post("/api/v1/auth/login", json={"username": "rev", "password": PASSWORD})
        assert r.status_code == 200
        o = client.get(f"/api/v1/plans/{plan_id}/overview", params={"year": year}).json()
        assert o["alert_count"] == len(o["alerts"]) + len(o["task_alerts"]) >= 1
        assert not any(f"缺少{year}年" in w for s in o["indicators"] for w in s["warnings"])
        page = client.get(f"/plans/{plan_id}", params={"year": year}).text
        shown = re.search(r"预警\s*<b>(?:<a[^>]*>)?(\d+)", page)
        assert shown is not None and int(shown.group(1)) == o["alert_count"]
        panel = page.split('id="alerts"', 1)[1].split("</section>", 1)[0]
        assert panel.count("<li") == o["alert_count"]
