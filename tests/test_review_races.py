"""Withdraw and batch approve under concurrency, on a SQLite file and on the local PostgreSQL:
a withdrawal racing an approval, a batch racing a return of one of its items — exactly one
outcome, never half a batch."""

from __future__ import annotations

from typing import Any

from planwatch import actions
from planwatch.errors import Conflict
from planwatch.storage import Storage, get_actuals
from planwatch.storage.submissions import get_submission
from tests.test_write_races import RD, REVIEWERS, _plan, _race, store
from tests.web_fixtures import dept as dept_actor, pg_database_url

__all__ = ["pg_database_url", "store"]

ROUNDS = 4


def _outcome(results: list[Any]) -> tuple[list[Any], list[Exception]]:
    losers = [r for r in results if isinstance(r, Exception)]
    winners = [r for r in results if not isinstance(r, Exception)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert isinstance(losers[0], Conflict), repr(losers[0])
    return winners, losers


def test_withdraw_against_approve_one_wins(store: Storage) -> None:
    plan_id = _plan(store)
    dept = dept_actor(store)
    for k in range(ROUNDS):
        sub = actions.submit_actual(store, dept, plan_id, RD, 2010 + k, 2.0 + k / 10)
        _outcome(_race(lambda s=sub.id: actions.withdraw_submission(store, dept, s),
                       lambda s=sub.id: actions.approve_submission(store, REVIEWERS[0], s)))
        final = get_submission(store, sub.id).status
        stored = [a for a in get_actuals(store, plan_id) if a.year == 2010 + k]
        assert (final, len(stored)) in {("draft", 0), ("approved", 1)}


def test_batch_against_return_is_all_or_nothing(store: Storage) -> None:
    plan_id = _plan(store)
    dept = dept_actor(store)
    for k in range(ROUNDS):
        year = 2010 + 2 * k
        ids = [actions.submit_actual(store, dept, plan_id, RD, y, 2.5).id
               for y in (year, year + 1)]
        _outcome(_race(
            lambda ids=ids: actions.approve_submissions(store, REVIEWERS[0], ids),
            lambda ids=ids: actions.return_submission(store, REVIEWERS[1], ids[1], "请核实")))
        states = [get_submission(store, i).status for i in ids]
        stored = sorted(a.year for a in get_actuals(store, plan_id) if a.year in (year, year + 1))
        assert (states, stored) in (
            (["approved", "approved"], [year, year + 1]),  # the batch came first
            (["submitted", "returned"], []))  # the return came first: none of the batch
