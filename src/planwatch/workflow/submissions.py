"""Actuals submissions (实际值填报与审核): a department submits, a reviewer approves or returns.

Approval writes the value to ``actuals`` (via :func:`planwatch.storage.record_actuals`, which
audits it) in the same transaction as the status change. Approved submissions are locked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwatch.model.actual import Actual
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


def _known_indicator(store: Storage, plan_id: int, indicator: str) -> str:
    names = indicator_names(load_plan(store, plan_id))
    key = "".join(indicator.split())
    for name in names:
        if "".join(name.split()) == key:
            return name
    raise NotFound(f"规划中没有指标“{indicator}”", f"no indicator {indicator!r} in plan")


def submit_actual(store: Storage, actor: Actor, plan_id: int, indicator: str, year: int,
                  value: float, *, unit: str | None = None, source: str | None = None,
                  actual_status: str = "final", draft: bool = False) -> SubmissionRecord:
    """A department reports a value of one of its indicators (or a reviewer of any)."""
    require_writer(actor)
    name = _known_indicator(store, plan_id, indicator)
    owner = subs.indicator_owner_map(store, plan_id).get(name)
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
