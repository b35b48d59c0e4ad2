"""Atomic state changes under concurrency, on a SQLite file and on the local PostgreSQL: two
threads review one submission (approve vs return, approve vs approve) or confirm one upload —
exactly one wins, the other gets a Conflict (HTTP 409), and the database shows one outcome."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from planwatch import actions
from planwatch.errors import Conflict, http_status
from planwatch.storage import Storage, get_actuals, import_plan, list_versions, open_storage
from planwatch.storage.audit_log import query_audit
from planwatch.storage.plan_access import PendingUpload, add_pending
from planwatch.storage.schema import plan_versions
from planwatch.storage.submissions import get_submission
from planwatch.storage.types import utcnow
from tests.storage_fixtures import backend_url, pg_database_url
from tests.web_fixtures import DEPT_A, add_account, dept as dept_actor, sample_plan

__all__ = ["pg_database_url"]

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"
ROUNDS = 6
REVIEWERS = (actions.Actor("rev1", "reviewer"), actions.Actor("rev2", "reviewer"))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    url = (f"sqlite:///{tmp_path / 'race.db'}" if request.param == "sqlite"
           else backend_url(request, request.param))
    opened = open_storage(url)
    try:
        yield opened
    finally:
        opened.close()


def _race(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released together; each result is a value or the exception."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(k: int) -> None:
        barrier.wait()
        try:
            results[k] = calls[k]()
        except Exception as exc:
            results[k] = exc

    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _plan(store: Storage) -> int:
    add_account(store, "dept_a")  # owners are existing departments (威海市科技局)
    plan_id = import_plan(store, sample_plan(SEED), SEED, None, "test").plan_id
    actions.set_indicator_owner(store, actions.SYSTEM, plan_id, RD, DEPT_A)
    return plan_id


def _one_winner(results: list[Any]) -> tuple[Any, Conflict]:
    losers = [r for r in results if isinstance(r, Exception)]
    winners = [r for r in results if not isinstance(r, Exception)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert isinstance(losers[0], Conflict), repr(losers[0])
    assert http_status(losers[0]) == 409
    return winners[0], losers[0]


def test_approve_against_return_one_wins(store: Storage) -> None:
    plan_id = _plan(store)
    for k in range(ROUNDS):
        sub = actions.submit_actual(store, dept_actor(store), plan_id, RD, 2010 + k, 2.0 + k / 10)
        winner, _ = _one_winner(_race(
            lambda s=sub.id: actions.approve_submission(store, REVIEWERS[0], s),
            lambda s=sub.id: actions.return_submission(store, REVIEWERS[1], s, "请核实")))
        final = get_submission(store, sub.id)
        assert final.status == winner.status
        stored = [a for a in get_actuals(store, plan_id) if a.year == 2010 + k]
        assert len(stored) == (1 if final.status == "approved" else 0)
        changes = [e for e in query_audit(store, entity="submission", entity_id=sub.id)
                   if e.field == "status"]
        assert [e.new for e in changes] == [final.status]  # one status change, not two


def test_double_approve_one_wins(store: Storage) -> None:
    plan_id = _plan(store)
    for k in range(ROUNDS):
        sub = actions.submit_actual(store, dept_actor(store), plan_id, RD, 2010 + k, 3.0 + k / 10)
        _one_winner(_race(*(lambda r=r, s=sub.id: actions.approve_submission(store, r, s)
                             for r in REVIEWERS)))
        assert get_submission(store, sub.id).status == "approved"
        assert len([a for a in get_actuals(store, plan_id) if a.year == 2010 + k]) == 1


def test_two_submissions_of_one_cell_only_one_becomes_live(store: Storage) -> None:
    plan_id = _plan(store)
    first = actions.submit_actual(store, dept_actor(store), plan_id, RD, 2023, 2.9)
    second = actions.submit_actual(store, dept_actor(store), plan_id, RD, 2023, 5.9)
    winner, loser = _one_winner(_race(
        lambda: actions.approve_submission(store, REVIEWERS[0], first.id),
        lambda: actions.approve_submission(store, REVIEWERS[1], second.id)))
    assert "更正申请" in loser.zh
    [live] = [a for a in get_actuals(store, plan_id) if a.year == 2023]
    assert live.value == winner.value


def _pending(store: Storage, upload_id: str) -> None:
    add_pending(store, PendingUpload(
        id=upload_id, user_name="rev1", source_name=SEED, source_sha256="0" * 64,
        plan_json=sample_plan(SEED).model_dump_json(), created_at=utcnow()))


def test_double_confirm_of_one_upload_stores_one_version(store: Storage) -> None:
    for k in range(3):
        upload_id = f"{k:032x}"
        _pending(store, upload_id)
        winner, loser = _one_winner(_race(
            *(lambda r=r, u=upload_id: actions.confirm_upload(store, r, u) for r in REVIEWERS)))
        assert "已" in loser.zh and "确认" in loser.zh
    plan_id = winner.plan_id
    assert [v.version_no for v in list_versions(store, plan_id)] == [1]  # same content: 1
    with store.reading() as conn:
        assert conn.execute(select(func.count()).select_from(plan_versions)).scalar_one() == 1


def test_confirm_after_confirm_is_a_conflict_and_unknown_is_not_found(store: Storage) -> None:
    _pending(store, "a" * 32)
    actions.confirm_upload(store, REVIEWERS[0], "a" * 32)
    with pytest.raises(Conflict):
        actions.confirm_upload(store, REVIEWERS[1], "a" * 32)
    with pytest.raises(actions.NotFound):
        actions.confirm_upload(store, REVIEWERS[1], "b" * 32)
