"""动态调整 under concurrency, on a SQLite file and on the local PostgreSQL: two reviewers revise
the same target from the value both saw — exactly one revision is stored, the other gets a
Conflict (HTTP 409), and the target, its revisions and the audit log show one outcome."""

from __future__ import annotations

import pytest

from planwatch import actions
from planwatch.errors import Conflict, http_status
from planwatch.storage import Storage, import_plan, list_revisions, list_targets, list_versions
from planwatch.storage.audit_log import query_audit
from tests.storage_fixtures import pg_database_url
from tests.test_write_races import REVIEWERS, _race, store
from tests.web_fixtures import sample_plan

__all__ = ["pg_database_url", "store"]  # fixtures used by name

HTE_ROW = 3  # 淄博: 高新技术企业 1800 (2025)
ROUNDS = 4


def _revise(store: Storage, plan_id: int, who: actions.Actor, value: float,
            expected: float) -> actions.RevisionResult:
    return actions.revise_indicator_target(store, who, plan_id, HTE_ROW, value=value,
                                           reason="调整", document="科字〔2024〕1号",
                                           expected=expected)


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_reviewers_revising_one_target_one_wins(store: Storage, round_: int) -> None:
    plan_id = import_plan(store, sample_plan("zibo-2022-plan.txt"), "zibo.txt", None,
                          "test").plan_id
    results = _race(lambda: _revise(store, plan_id, REVIEWERS[0], 2000, 1800),
                    lambda: _revise(store, plan_id, REVIEWERS[1], 2500, 1800))
    won = [r for r in results if isinstance(r, actions.RevisionResult)]
    lost = [r for r in results if isinstance(r, Exception)]
    assert len(won) == 1 and len(lost) == 1, results
    assert isinstance(lost[0], Conflict) and http_status(lost[0]) == 409
    (target,) = [t for t in list_targets(store, list_versions(store, plan_id)[-1].id)
                 if t.origin == "indicator" and t.position == HTE_ROW]
    assert (target.original_value, target.value) == (1800, won[0].revision.new_value)
    assert [r.new_value for r in list_revisions(store, plan_id=plan_id)] == [target.value]
    audited = [e for e in query_audit(store, entity="target") if e.entity_id == target.id]
    assert [(e.old, e.new) for e in audited] == [(1800, target.value)]
