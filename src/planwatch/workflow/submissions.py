"""Actuals submissions (实际值填报与审核): a department submits, a reviewer approves or returns.

Approval writes the value to ``actuals`` (via :func:`planwatch.storage.record_actuals`, which
audits it) in the same transaction as the status change. Approved submissions are locked.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from planwatch.evaluate.status import indicator_key
from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.storage import Storage, record_actuals
from planwatch.storage import submissions as subs
from planwatch.storage.submissions import SubmissionRecord
from planwatch.storage.types import utcnow
from planwatch.workflow.errors import Conflict, Forbidden, Invalid, NotFound
from planwatch.workflow.plans import indicator_names, load_plan
from planwatch.workflow.principal import (
    Actor,
    require_indicator,
    require_reviewer,
    require_writer,
)

EDITABLE = ("value", "unit", "source", "year", "actual_status")
MAX_CACHED_VERSIONS = 32


class _NameCache:
    """Indicator names of stored plan versions, keyed by the version's content SHA-256 (a
    version's JSON never changes; names do not depend on 动态调整 revisions), so that a
    submission does not parse and validate the whole plan JSON again. Bounded, thread-safe."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, dict[str, str]] = OrderedDict()
        self._lock = threading.Lock()

    def names(self, conn: Connection, version_id: int, sha: str) -> dict[str, str]:
        """Whitespace-free name → indicator name (first one wins, in reporting order)."""
        with self._lock:
            found = self._entries.get(sha)
            if found is not None:
                self._entries.move_to_end(sha)
                return found
        plan = Plan.model_validate_json(subs.version_json(conn, version_id))
        table: dict[str, str] = {}
        for name in indicator_names(plan):
            table.setdefault(indicator_key(name), name)
        with self._lock:
            self._entries[sha] = table
            while len(self._entries) > MAX_CACHED_VERSIONS:
                self._entries.popitem(last=False)
        return table


_NAMES = _NameCache()


def _resolve(conn: Connection, plan_id: int, indicator: str) -> tuple[str, str | None]:
    """(indicator name as in the plan, its responsible department) in one read transaction."""
    version = subs.latest_version_key(conn, plan_id)
    if version is None:
        raise NotFound(f"规划{plan_id}不存在", f"no plan {plan_id}")
    name = _NAMES.names(conn, *version).get(indicator_key(indicator))
    if name is None:
        raise NotFound(f"规划中没有指标“{indicator}”", f"no indicator {indicator!r} in plan")
    return name, subs.indicator_owner(conn, plan_id, name)


def _known_indicator(store: Storage, plan_id: int, indicator: str) -> str:
    with store.reading() as conn:
        return _resolve(conn, plan_id, indicator)[0]


def submit_actual(store: Storage, actor: Actor, plan_id: int, indicator: str, year: int,
                  value: float, *, unit: str | None = None, source: str | None = None,
                  actual_status: str = "final", draft: bool = False) -> SubmissionRecord:
    """A department reports a value of one of its indicators (or a reviewer of any): one read
    transaction (plan version, name, owner) and one short write transaction."""
    require_writer(actor)
    with store.reading() as conn:
        name, owner = _resolve(conn, plan_id, indicator)
    require_indicator(actor, name, owner)
    return subs.create_submission(
        store, plan_id=plan_id, indicator=name, year=year, value=value, unit=unit,
        source=source, actual_status=actual_status, department=owner or actor.department,
        user=actor.username, draft=draft)


def _owned(store: Storage, actor: Actor, sub: SubmissionRecord) -> None:
    owner = subs.indicator_owner_map(store, sub.plan_id).get(sub.indicator)
    require_indicator(actor, sub.indicator, owner)
    if sub.status == "approved":
        raise Forbidden("已审核通过的数值已锁定，修改须重新填报",
                        "approved values are locked: submit a new value")


def edit_submission(store: Storage, actor: Actor, submission_id: int, *, submit: bool = False,
                    **changes: Any) -> SubmissionRecord:
    """Change a draft or returned submission (and optionally submit it for review)."""
    sub = subs.get_submission(store, submission_id)
    _owned(store, actor, sub)
    if sub.status == "submitted":
        raise Conflict("填报正在审核中，不能修改", "submission is under review")
    values = {k: v for k, v in changes.items() if k in EDITABLE and v is not None}
    if submit:
        values |= {"status": "submitted", "submitted_at": utcnow()}
    with store.atomic() as conn:
        return subs.update_submission(conn, submission_id, user=actor.username, **values)


def _pending(store: Storage, actor: Actor, submission_id: int) -> SubmissionRecord:
    require_reviewer(actor)
    sub = subs.get_submission(store, submission_id)
    if sub.status == "approved":
        raise Forbidden("已审核通过的数值已锁定", "approved values are locked")
    if sub.status != "submitted":
        raise Conflict(f"填报状态为{sub.status}，不能审核", f"submission is {sub.status}")
    return sub


def approve_submission(store: Storage, actor: Actor, submission_id: int,
                       comment: str | None = None) -> SubmissionRecord:
    """Approve: the value becomes an actual (raises RowsRejected when it cannot be stored)."""
    sub = _pending(store, actor, submission_id)
    row = Actual(indicator=sub.indicator, year=sub.year, value=sub.value, unit=sub.unit,
                 status="provisional" if sub.actual_status == "provisional" else "final",
                 source=sub.source or f"填报#{sub.id}（{sub.submitted_by}）")
    with store.atomic() as conn:
        record_actuals(store, sub.plan_id, [row], user=actor.username)
        return subs.update_submission(conn, submission_id, user=actor.username,
                                      status="approved", reviewer=actor.username,
                                      reviewed_at=utcnow(), comment=comment)


def return_submission(store: Storage, actor: Actor, submission_id: int,
                      comment: str) -> SubmissionRecord:
    """Send a submission back to its department with a comment (required)."""
    if not comment.strip():
        raise Conflict("退回须填写意见", "a comment is required to return a submission")
    _pending(store, actor, submission_id)
    with store.atomic() as conn:
        return subs.update_submission(conn, submission_id, user=actor.username,
                                      status="returned", reviewer=actor.username,
                                      reviewed_at=utcnow(), comment=comment)


def list_submissions(store: Storage, actor: Actor, plan_id: int | None = None,
                     status: str | None = None) -> list[SubmissionRecord]:
    """Departments see their own submissions; everyone else sees all."""
    if actor.is_department:
        return subs.list_submissions(store, plan_id, status=status, department=actor.department)
    return subs.list_submissions(store, plan_id, status=status)


def set_indicator_owner(store: Storage, actor: Actor, plan_id: int, indicator: str,
                        department: str | None) -> None:
    """Assign the department responsible for an indicator (admin / reviewer)."""
    require_reviewer(actor)
    name = _known_indicator(store, plan_id, indicator)
    subs.set_indicator_owner(store, plan_id, name, department or None, user=actor.username)


def submit_actuals_file(store: Storage, actor: Actor, plan_id: int, path: Path,
                        draft: bool = False) -> list[SubmissionRecord]:
    """Submit every row of a filled template (.xlsx / .csv): all rows or none."""
    from planwatch.actuals import read_actuals

    result = read_actuals(path, load_plan(store, plan_id))
    if not result.ok:
        raise Invalid("数据未提交：文件有错误", "nothing submitted: the file has errors",
                      [f"第{e.row}行 {e.column or ''} {e.message_zh}" for e in result.errors])
    with store.atomic():
        return [submit_actual(store, actor, plan_id, row.indicator, row.year, row.value,
                              unit=row.unit, source=row.source or path.name,
                              actual_status=row.status, draft=draft) for row in result.rows]
