"""The living demo: every plan shows verdicts in the last full year; simulated values and plans
say so wherever they appear; published values keep their source; submissions wait for review
(one returned); tasks report progress, one is blocked, some are overdue; the province has a plan
of its own and all 16 cities one each (simulated where no real one is bundled)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from planwatch import actions
from planwatch.model.plan import Indicator
from planwatch.settings import Settings
from planwatch.storage import Storage, best_actuals, list_plans, open_storage
from planwatch.storage.plans import latest_plan
from planwatch.web import create_app
from planwatch.workflow.demo_activity import RETURN_COMMENT, LivingDemo, build_living_demo
from planwatch.workflow.demo_life import (
    PUBLISHED_PREFIX,
    SIMULATED_SOURCE,
    SIMULATED_TITLE,
    published_values,
    simulated_series,
)
from planwatch.workflow.review_queue import review_queue

TODAY = date(2026, 12, 6)
PASSWORD = "correct-horse-1"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Storage, LivingDemo]]:
    store = open_storage(f"sqlite:///{tmp_path_factory.mktemp('life') / 'd.db'}")
    living = build_living_demo(store, TODAY)
    actions.add_user(store, actions.SYSTEM, "lifeviewer", PASSWORD, "viewer", None)
    try:
        yield store, living
    finally:
        store.close()


def test_simulated_series_follows_its_pace_and_stops_at_the_target_year() -> None:
    ind = Indicator(name="高新技术企业数", unit="家", baseline_year=2020, baseline=100.0,
                    target_year=2025, target=200.0)
    on_pace = simulated_series(ind, 1, 2030)            # pace 1.0, ±3 %
    assert [a.year for a in on_pace] == [2021, 2022, 2023, 2024, 2025]
    assert all(a.source == SIMULATED_SOURCE and a.value == round(a.value) for a in on_pace)
    assert 190 <= on_pace[-1].value <= 210
    falling = simulated_series(ind, 4, 2023)            # pace −0.15: below the baseline
    assert [a.year for a in falling] == [2021, 2022, 2023] and falling[-1].value < 100
    rate = Indicator(name="研发经费投入增长", unit="%", baseline_year=2020, target_year=2025,
                     annual_growth_pct=10.0, target=10.0)
    assert all(5 < a.value < 13 for a in simulated_series(rate, 0, 2025))


def test_published_values_are_full_year_and_keep_their_source() -> None:
    values = published_values()
    assert values and all(v.source_url.startswith("http") and v.quote for v in values)
    assert not any("非年末" in v.unit or "上半年" in v.unit for v in values)


def test_every_plan_has_verdicts_and_simulated_data_says_so(
        demo: tuple[Storage, LivingDemo]) -> None:
    store, living = demo
    assert living.life.simulated_plans >= 10 and living.life.published >= 1
    client = TestClient(create_app(Settings(database_url="sqlite://"), store))
    client.post("/api/v1/auth/login", json={"username": "lifeviewer", "password": PASSWORD})
    for summary in list_plans(store):
        plan = latest_plan(store, summary.id)
        assert plan is not None
        actuals = best_actuals(store, summary.id)
        simulated_plan = SIMULATED_TITLE in summary.title
        for a in actuals:
            if simulated_plan:
                assert a.source == SIMULATED_SOURCE, (summary.title, a)
            else:
                assert a.source is not None
        if not plan.indicators:
            continue
        o = client.get(f"/api/v1/plans/{summary.id}/overview",
                       params={"year": TODAY.year - 1}).json()
        judged = [s for s in o["indicators"]
                  if s["verdict_code"] not in ("no_data", "not_evaluable")]
        assert judged, summary.title
    sources = {a.source for s in list_plans(store) for a in best_actuals(store, s.id)}
    assert any(src and src.startswith(PUBLISHED_PREFIX) for src in sources)
    client.close()


def test_submissions_waiting_and_one_returned(demo: tuple[Storage, LivingDemo]) -> None:
    store, living = demo
    assert living.life.pending >= 2 and living.life.returned == 1
    reviewer = next(u for u in actions.list_users(store, actions.SYSTEM)
                    if u.role == "reviewer")
    actor = actions.Actor.from_user(reviewer)
    queue = review_queue(store, actor)
    assert len(queue.items) == living.life.pending - living.life.returned
    returned = [s for p in list_plans(store) for s in actions.list_submissions(store, actor, p.id)
                if s.status == "returned"]
    assert [s.comment for s in returned] == [RETURN_COMMENT]


def test_tasks_report_progress_one_blocked_some_overdue(demo: tuple[Storage, LivingDemo]) -> None:
    store, _ = demo
    states: list[str] = []
    for summary in list_plans(store):
        for task in actions.plan_tasks(store, actions.SYSTEM, summary.id):
            states.append(str(task.evaluation.state))
    assert states.count("blocked") == 1
    assert states.count("overdue") >= 3 and "done" in states and "in_progress" in states


def test_province_dashboard_has_every_city(demo: tuple[Storage, LivingDemo]) -> None:
    store, _ = demo
    province = actions.find_region(store, "山东省")
    d = actions.region_dashboard(store, actions.SYSTEM, province)
    assert d.year == TODAY.year - 1
    assert len(d.subregions) == 16 and all(s.plan is not None for s in d.subregions)
    cascade = actions.region_cascade(store, actions.SYSTEM, province)
    assert len(cascade.rows) >= 5
    yantai = str(actions.find_region(store, "烟台市").id)
    # 烟台's own document is a 2024 opinion with 2027 targets: no 2025 target to add up
    assert all(yantai in r.missing for r in cascade.rows)
    smes = next(r for r in cascade.rows if r.code == "tech_smes")
    assert smes.total is not None and smes.parent > smes.total    # set above the cities' sum


def test_one_target_revision_with_its_document_on_a_simulated_plan(
        demo: tuple[Storage, LivingDemo]) -> None:
    from planwatch.workflow.demo_activity import REVISION_DOCUMENT, REVISION_REASON
    from planwatch.workflow.revisions import revised_targets

    store, living = demo
    assert living.life.revisions == 1
    revised = {p.id: revised_targets(store, actions.SYSTEM, p.id) for p in list_plans(store)}
    hits = [(pid, r) for pid, rows in revised.items() for r in rows.values()]
    assert len(hits) == 1
    pid, row = hits[0]
    plan = latest_plan(store, pid)
    assert plan is not None and SIMULATED_TITLE in (plan.meta.title or "")
    assert row.value != row.original_value and plan.indicators[row.index].target == row.value
    history = actions.plan_history(store, actions.SYSTEM, pid)
    texts = " ".join(str(e) for e in history.entries)
    assert REVISION_DOCUMENT in texts and REVISION_REASON in texts


def test_a_department_with_tasks_due_has_an_account(demo: tuple[Storage, LivingDemo]) -> None:
    from planwatch.storage.users import get_user

    store, living = demo
    account = living.demo.accounts[-1]
    assert account.role == "department" and account.department
    user = get_user(store, username=account.username)
    assert user is not None and user.department_id is not None
    home = actions.home_summary(store, actions.Actor.from_user(user), today=TODAY)
    assert home.tasks_due, "the simulated city's 科技局 has tasks due or overdue"
