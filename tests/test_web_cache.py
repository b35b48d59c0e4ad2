"""The plan overview cache (planwatch.workflow.overview_cache): a cached overview is reused only
while the data is unchanged — approving a submission, recording actuals, revising a target,
reporting task progress, assigning owners and (un)publishing show up at once — on SQLite and
PostgreSQL, through the workflow verbs and through the JSON API."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine

from planwatch import actions
from planwatch.model.actual import Actual
from planwatch.storage import (
    Storage,
    import_plan,
    list_targets,
    list_versions,
    open_storage,
    record_actuals,
    revise_target,
)
from planwatch.storage.audit_log import write_audit
from planwatch.workflow.overview import cached_overview, compute_overview
from planwatch.workflow.overview_cache import LruCache, data_revision
from planwatch.workflow.views import PlanOverview
from tests.storage_fixtures import backend_url
from tests.web_fixtures import (
    DEPT_A,
    Web,
    add_account,
    dept as dept_actor,
    pg_database_url,
    sample_plan,
    web,
)

__all__ = ["pg_database_url", "web"]  # fixtures used by name

SEED = "weihai-2022-plan.txt"
TASKS = "yantai-2024-opinion.txt"  # tasks with lead departments, no indicator table
RD_SHARE = 1  # indicators[1]: 全社会R&D经费支出占GDP比重 2.36 (2020) → 2.8 (2025)
REVIEWER = actions.Actor("reviewer", "reviewer")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Iterator[Storage]:
    s = open_storage(backend_url(request, request.param))
    try:
        yield s
    finally:
        s.close()


def _plan(store: Storage) -> tuple[int, str]:
    plan_id = import_plan(store, sample_plan(SEED), SEED, None, "test").plan_id
    name = actions.plan_overview(store, REVIEWER, plan_id).indicators[RD_SHARE].name
    return plan_id, name


def _row(store: Storage, plan_id: int, actor: actions.Actor | None = REVIEWER,
         year: int | None = 2023) -> PlanOverview:
    return actions.plan_overview(store, actor, plan_id, year)


def test_unchanged_data_is_served_from_the_cache(store: Storage) -> None:
    plan_id, _ = _plan(store)
    first = cached_overview(store, REVIEWER, plan_id, 2023)
    assert cached_overview(store, REVIEWER, plan_id, 2023) is first
    full = compute_overview(store, REVIEWER, plan_id, 2023)
    assert first.view == full.model_copy(update={"pending_submissions": None})
    assert cached_overview(store, REVIEWER, plan_id, 2022) is not first  # year is in the key


def _department_account(store: Storage) -> None:
    """Owners are existing departments: the department of an account."""
    add_account(store, "dept_a")


def test_approving_a_submission_shows_the_new_verdict_at_once(store: Storage) -> None:
    _department_account(store)
    plan_id, name = _plan(store)
    actions.set_indicator_owner(store, REVIEWER, plan_id, name, DEPT_A)
    before = _row(store, plan_id)
    assert before.indicators[RD_SHARE].verdict == "暂无数据"
    assert before.indicators[RD_SHARE].owner == DEPT_A
    assert before.pending_submissions == 0
    cached = cached_overview(store, REVIEWER, plan_id, 2023)
    sub = actions.submit_actual(store, dept_actor(store), plan_id, name, 2023, 2.75)
    assert _row(store, plan_id).pending_submissions == 1  # counted per request
    mine = _row(store, plan_id, actor=dept_actor(store))
    assert mine.pending_submissions is None  # reviewers only
    assert cached_overview(store, REVIEWER, plan_id, 2023) is cached  # nothing else changed
    actions.approve_submission(store, REVIEWER, sub.id)
    after = _row(store, plan_id)
    assert after.pending_submissions == 0
    assert (after.indicators[RD_SHARE].actual_year, after.indicators[RD_SHARE].actual) == (
        2023, 2.75)
    assert after.indicators[RD_SHARE].verdict != "暂无数据"
    assert after == compute_overview(store, REVIEWER, plan_id, 2023)
    detail = actions.indicator_detail(store, REVIEWER, plan_id, RD_SHARE, 2023)
    assert (detail.status.actual, detail.status.owner) == (2.75, DEPT_A)
    assert [a.value for a in detail.actuals if a.year == 2023] == [2.75]


def test_recorded_actuals_and_the_default_year_follow_at_once(store: Storage) -> None:
    plan_id, name = _plan(store)
    record_actuals(store, plan_id, [Actual(indicator=name, year=2021, value=2.4)], user="t")
    assert _row(store, plan_id, year=None).year == 2021
    record_actuals(store, plan_id, [Actual(indicator=name, year=2022, value=2.5)], user="t")
    latest = _row(store, plan_id, year=None)
    assert latest.year == 2022
    assert latest.indicators[RD_SHARE].actual == 2.5
    record_actuals(store, plan_id, [Actual(indicator=name, year=2022, value=2.6)], user="t")
    assert _row(store, plan_id, year=None).indicators[RD_SHARE].actual == 2.6


def test_a_revised_target_shows_at_once(store: Storage) -> None:
    plan_id, _ = _plan(store)
    assert _row(store, plan_id).indicators[RD_SHARE].target == 2.8
    version = list_versions(store, plan_id)[-1]
    target = next(t for t in list_targets(store, version.id)
                  if t.origin == "indicator" and t.position == RD_SHARE)
    revise_target(store, target.id, 3.1, user="reviewer", reason="中期调整")
    assert _row(store, plan_id).indicators[RD_SHARE].target == 3.1


def test_owners_and_visibility_show_at_once(store: Storage) -> None:
    _department_account(store)
    plan_id, name = _plan(store)
    with pytest.raises(actions.NotFound):
        _row(store, plan_id, actor=None)
    actions.set_plan_public(store, REVIEWER, plan_id, True)
    public = _row(store, plan_id, actor=None)
    assert public.plan.is_public and public.indicators[RD_SHARE].owner is None
    assert public.pending_submissions is None
    actions.set_indicator_owner(store, REVIEWER, plan_id, name, DEPT_A)
    assert _row(store, plan_id).indicators[RD_SHARE].owner == DEPT_A
    assert _row(store, plan_id, actor=None).indicators[RD_SHARE].owner is None  # audience
    actions.set_plan_public(store, REVIEWER, plan_id, False)
    with pytest.raises(actions.NotFound):
        _row(store, plan_id, actor=None)


def test_task_progress_shows_at_once(store: Storage) -> None:
    plan_id = import_plan(store, sample_plan(TASKS), TASKS, None, "test").plan_id
    this_year = date.today().year  # task states of an earlier year are read at its end
    task = _row(store, plan_id, year=this_year).departments[0].tasks[0]
    assert task.percent is None and task.last_report is None
    before = date.today()
    actions.report_progress(store, REVIEWER, plan_id, task.number, report="已完成",
                            percent=100, status="done")
    states = {t.number: t for g in _row(store, plan_id, year=this_year).departments
              for t in g.tasks}
    assert states[task.number].percent == 100
    assert states[task.number].last_report in {before.isoformat(), date.today().isoformat()}


def test_callers_get_copies_they_may_change(store: Storage) -> None:
    plan_id = import_plan(store, sample_plan(TASKS), TASKS, None, "test").plan_id
    view = _row(store, plan_id)
    assert view.departments
    view.departments = []  # what the public page does
    assert _row(store, plan_id).departments


def test_postgresql_revision_changes_when_an_older_writer_commits_last(
        pg_database_url: str) -> None:
    """Two writers: the one holding the lower audit id commits after the other. ``max(id)``
    alone would not move; the revision must, or the cache would keep the older overview."""
    store = open_storage(pg_database_url)
    engine = create_engine(pg_database_url)
    try:
        with engine.connect() as slow, engine.connect() as fast:
            slow.begin()
            write_audit(slow, user="t", entity="plan", entity_id=1, field="x", new=1)
            with fast.begin():
                write_audit(fast, user="t", entity="plan", entity_id=1, field="y", new=2)
            seen = data_revision(store)
            slow.commit()
        assert data_revision(store) != seen
    finally:
        engine.dispose()
        store.close()


def test_lru_cache_computes_a_missing_value_once_and_stays_bounded() -> None:
    cache: LruCache[int] = LruCache(size=3)
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.05)
        return 42

    threads = [threading.Thread(target=cache.get_or_compute, args=("k", slow))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and cache.get("k") == 42
    for k in range(5):
        cache.put(k, k)
    assert len(cache) == 3 and cache.get("k") is None and cache.get(0) is None
    assert cache.get(4) == 4


def test_api_serves_the_cached_bytes_and_sees_an_approval_at_once(web: Web) -> None:
    plan_id = web.store_plan(SEED)
    name = sample_plan(SEED).indicators[RD_SHARE].name
    actions.set_indicator_owner(web.store, REVIEWER, plan_id, name, DEPT_A)
    reviewer = web.bearer("reviewer")
    url = f"/api/v1/plans/{plan_id}/overview?year=2023"
    r = web.client.get(url, headers=reviewer)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    expected = compute_overview(web.store, REVIEWER, plan_id, 2023).model_dump(mode="json")
    assert r.json() == expected
    assert r.json()["indicators"][RD_SHARE]["verdict"] == "暂无数据"
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=web.bearer("dept_a"),
                        json={"indicator": name, "year": 2023, "value": 2.75})
    assert r.status_code == 201, r.text
    pending = web.client.get(url, headers=reviewer).json()
    assert pending == {**expected, "pending_submissions": 1}
    r = web.client.post(f"/api/v1/submissions/{r.json()['id']}/approve", headers=reviewer,
                        json={})
    assert r.status_code == 200, r.text
    after = web.client.get(url, headers=reviewer).json()
    assert after["indicators"][RD_SHARE]["actual"] == 2.75
    assert after["indicators"][RD_SHARE]["verdict"] != "暂无数据"
    assert web.client.get(f"/api/v1/public/plans/{plan_id}").status_code == 404
