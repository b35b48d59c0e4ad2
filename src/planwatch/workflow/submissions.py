"""Actuals submissions (实际值填报与审核): a department submits, a reviewer approves or returns.

Approval writes the value to ``actuals`` (via :func:`planwatch.storage.record_actuals`, which
audits it) in the same transaction as the status change, checked by a conditional update.
Approved values are locked: a new value for the same plan, indicator, year and 口径 only through
a correction request (:func:`request_correction`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from planwatch.evaluate.status import indicator_key
from planwatch.model.actual import Actual
from planwatch.model.labels import label
from planwatch.model.plan import Plan
from planwatch.storage import Storage, record_actuals, submissions as subs
from planwatch.storage.actuals import lock_cells
from planwatch.storage.departments import (
    DepartmentRecord,
    find_department,
    get_department,
    plan_region_id,
)
from planwatch.storage.submissions import SubmissionRecord
from planwatch.storage.types import utcnow
from planwatch.workflow.errors import Conflict, Forbidden, Invalid, NotFound
from planwatch.workflow.plans import indicator_names, load_plan
from planwatch.workflow.plausibility import DEFAULT_POLICY, ReviewPolicy
from planwatch.workflow.principal import (
    Actor,
    require_indicator,
    require_reviewer,
    require_writer,
)
from planwatch.workflow.validation import check_text, check_value, check_year

EDITABLE = ("value", "unit", "source", "year", "actual_status")
MAX_CACHED_VERSIONS = 32


class _Named(NamedTuple):
    """An indicator of a plan version: its name and its unit."""

    name: str
    unit: str | None


class _NameCache:
    """Indicator names of stored plan versions, keyed by the version's content SHA-256 (a
    version's JSON never changes; names do not depend on 动态调整 revisions), so that a
    submission does not parse and validate the whole plan JSON again. Bounded, thread-safe."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, dict[str, _Named]] = OrderedDict()
        self._lock = threading.Lock()

    def names(self, conn: Connection, version_id: int, sha: str) -> dict[str, _Named]:
        """Whitespace-free name → indicator name and unit (first one wins, in reporting
        order)."""
        with self._lock:
            found = self._entries.get(sha)
            if found is not None:
                self._entries.move_to_end(sha)
                return found
        plan = Plan.model_validate_json(subs.version_json(conn, version_id))
        units = {r.name: r.unit for r in plan.prior_results} | {
            i.name: i.unit for i in plan.indicators}
        table: dict[str, _Named] = {}
        for name in indicator_names(plan):
            table.setdefault(indicator_key(name), _Named(name, units.get(name)))
        with self._lock:
            self._entries[sha] = table
            while len(self._entries) > MAX_CACHED_VERSIONS:
                self._entries.popitem(last=False)
        return table


_NAMES = _NameCache()


def _named(conn: Connection, plan_id: int, indicator: str) -> _Named:
    """The indicator as in the plan's latest version (name and unit)."""
    version = subs.latest_version_key(conn, plan_id)
    if version is None:
        raise NotFound(f"规划{plan_id}不存在", f"no plan {plan_id}")
    named = _NAMES.names(conn, *version).get(indicator_key(indicator))
    if named is None:
        raise NotFound(f"规划中没有指标“{indicator}”", f"no indicator {indicator!r} in plan")
    return named


def _resolve(conn: Connection, plan_id: int, indicator: str
             ) -> tuple[_Named, subs.Owner | None]:
    """(indicator as in the plan, its responsible department) in one read transaction."""
    named = _named(conn, plan_id, indicator)
    return named, subs.indicator_owner(conn, plan_id, named.name)


def _known_indicator(store: Storage, plan_id: int, indicator: str) -> str:
    with store.reading() as conn:
        return _named(conn, plan_id, indicator).name


def _check_entry(year: int, value: float | str, unit: str | None, source: str | None,
                 plan_unit: str | None) -> float:
    """The entry's fields checked; the value read (typed text as in :func:`check_value`,
    against the indicator's unit in the plan, else the one given)."""
    check_year(year)
    check_text(unit, "unit")
    check_text(source, "source")
    return check_value(value, plan_unit or unit)


def _locked_message(name: str, year: int, status: str, live: float) -> tuple[str, str]:
    kind = label("actual_status", status)
    return (f"“{name}”{year}年{kind}已审核锁定（{live:g}），不能再次填报；如需更正，请提交更正申请"
            f"（须说明理由，经审核通过，原值保留在历史中）",
            f"{name} {year} ({status}) is locked at {live:g}: file a correction request "
            f"(with a reason, approved by a reviewer; the old value is kept)")


def submit_actual(store: Storage, actor: Actor, plan_id: int, indicator: str, year: int,
                  value: float | str, *, unit: str | None = None, source: str | None = None,
                  actual_status: str = "final", draft: bool = False) -> SubmissionRecord:
    """A department reports a value of one of its indicators (or a reviewer of any): one read
    transaction (plan version, name, owner, lock) and one short write transaction. A cell that
    already holds an approved value is locked: refused here (409), see
    :func:`request_correction`. A typed ``value`` (``2.95%``, ``1,500``) is read against the
    indicator's unit."""
    require_writer(actor)
    check_year(year)
    with store.reading() as conn:
        (name, plan_unit), owner = _resolve(conn, plan_id, indicator)
        live = subs.live_value(conn, plan_id, name, year, actual_status)
    value = _check_entry(year, value, unit, source, plan_unit)
    require_indicator(actor, name, owner.department_id if owner else None)
    if live is not None:
        raise Conflict(*_locked_message(name, year, actual_status, live))
    return subs.create_submission(
        store, plan_id=plan_id, indicator=name, year=year, value=value, unit=unit,
        source=source, actual_status=actual_status,
        department_id=owner.department_id if owner else actor.department_id,
        by=actor.author, draft=draft)


def request_correction(store: Storage, actor: Actor, plan_id: int, indicator: str, year: int,
                       value: float | str, *, reason: str, unit: str | None = None,
                       source: str | None = None,
                       actual_status: str = "final") -> SubmissionRecord:
    """Ask to change a locked (approved) value: a correction request with a reason, reviewed
    like any submission; on approval the old value is kept in the request and the audit log."""
    require_writer(actor)
    check_year(year)
    check_text(reason, "reason", required=True)
    with store.reading() as conn:
        (name, plan_unit), owner = _resolve(conn, plan_id, indicator)
        live = subs.live_value(conn, plan_id, name, year, actual_status)
    value = _check_entry(year, value, unit, source, plan_unit)
    require_indicator(actor, name, owner.department_id if owner else None)
    if live is None:
        raise Conflict(f"“{name}”{year}年尚无已锁定的数值，请直接填报",
                       f"{name} {year} holds no locked value: submit it directly")
    return subs.create_submission(
        store, plan_id=plan_id, indicator=name, year=year, value=value, unit=unit,
        source=source, actual_status=actual_status,
        department_id=owner.department_id if owner else actor.department_id,
        by=actor.author, draft=False, kind="correction", reason=reason.strip())


def _owned(store: Storage, actor: Actor, sub: SubmissionRecord) -> None:
    owner = subs.indicator_owners_of(store, sub.plan_id).get(sub.indicator)
    require_indicator(actor, sub.indicator, owner.department_id if owner else None)
    if sub.status == "approved":
        raise Forbidden("已审核通过的数值已锁定，修改须提交更正申请",
                        "approved values are locked: file a correction request")


def edit_submission(store: Storage, actor: Actor, submission_id: int, *, submit: bool = False,
                    **changes: Any) -> SubmissionRecord:
    """Change a draft or returned submission (and optionally submit it for review); the
    status is checked again inside the write transaction."""
    sub = subs.get_submission(store, submission_id)
    _owned(store, actor, sub)
    if sub.status == "submitted":
        raise Conflict("填报正在审核中，不能修改", "submission is under review")
    values = {k: v for k, v in changes.items() if k in EDITABLE and v is not None}
    with store.reading() as conn:
        plan_unit = _named(conn, sub.plan_id, sub.indicator).unit
    values["value"] = _check_entry(values.get("year", sub.year), values.get("value", sub.value),
                                   values.get("unit"), values.get("source"), plan_unit)
    if submit:
        values |= {"status": "submitted", "submitted_at": utcnow()}
    with store.atomic() as conn:
        return subs.transition(conn, submission_id, expected=("draft", "returned"),
                               by=actor.author, **values)


def _own_entry(sub: SubmissionRecord, actor: Actor) -> bool:
    """The actor's account submitted ``sub`` (by account id; the system, which has none, by
    the absence of one)."""
    if actor.user_id is not None:
        return sub.submitted_by_id == actor.user_id
    return sub.submitted_by_id is None and sub.submitted_by == actor.username


def _claim(conn: Connection, actor: Actor, submission_id: int,
           policy: ReviewPolicy) -> SubmissionRecord:
    """The submission, locked for review inside the caller's transaction."""
    require_reviewer(actor)
    sub = subs.lock_submission(conn, submission_id)
    if sub.status != "submitted":
        state = "已审核通过并锁定" if sub.status == "approved" else f"状态为{sub.status}"
        raise Conflict(f"填报{submission_id}{state}，不能再次审核",
                       f"submission {submission_id} is {sub.status}: not reviewable")
    if policy.four_eyes and _own_entry(sub, actor):
        raise Forbidden("四眼原则：不能审核本人填报的数值", "four-eyes: you cannot review your "
                        "own entry")
    return sub


def approve_submission(store: Storage, actor: Actor, submission_id: int,
                       comment: str | None = None, *,
                       policy: ReviewPolicy = DEFAULT_POLICY) -> SubmissionRecord:
    """Approve: the value becomes the live actual of its cell, in one transaction with the
    status change (of two concurrent reviews one wins, the other gets 409). A plain submission
    for a cell locked meanwhile is refused (409); a correction replaces the live value and
    keeps the old one (``old_value`` and the audit log). Raises RowsRejected when the value
    cannot be stored."""
    check_text(comment, "comment")
    try:
        return approve_step(store, actor, submission_id, comment, policy)
    except IntegrityError as exc:  # PostgreSQL: a concurrent approval stored the cell first
        sub = subs.get_submission(store, submission_id)
        raise Conflict(f"“{sub.indicator}”{sub.year}年的数值刚由他人审核锁定，本次未执行；"
                       f"如需更正，请提交更正申请",
                       f"{sub.indicator} {sub.year} was locked meanwhile by another "
                       f"approval: file a correction request") from exc


def approve_step(store: Storage, actor: Actor, submission_id: int, comment: str | None,
                 policy: ReviewPolicy) -> SubmissionRecord:
    """One approval (claim, cell lock, stored value, status) in one transaction — a
    savepoint of the caller's when inside one (a batch)."""
    with store.atomic() as conn:
        sub = _claim(conn, actor, submission_id, policy)
        lock_cells(conn, sub.plan_id, [(sub.indicator, sub.year, sub.actual_status)])
        live = subs.live_value(conn, sub.plan_id, sub.indicator, sub.year, sub.actual_status)
        if sub.kind != "correction" and live is not None:
            raise Conflict(*_locked_message(sub.indicator, sub.year, sub.actual_status, live))
        row = Actual(indicator=sub.indicator, year=sub.year, value=sub.value, unit=sub.unit,
                     status="provisional" if sub.actual_status == "provisional" else "final",
                     source=sub.source or f"填报#{sub.id}（{sub.submitted_by}）")
        record_actuals(store, sub.plan_id, [row], user=actor.author)
        extra = {"old_value": live} if sub.kind == "correction" else {}
        return subs.transition(conn, submission_id, expected=("submitted",),
                               by=actor.author, status="approved", reviewer=actor.username,
                               reviewed_at=utcnow(), comment=comment, **extra)


def return_submission(store: Storage, actor: Actor, submission_id: int, comment: str, *,
                      policy: ReviewPolicy = DEFAULT_POLICY) -> SubmissionRecord:
    """Send a submission back to its department with a comment (required)."""
    if not comment.strip():
        raise Conflict("退回须填写意见", "a comment is required to return a submission")
    check_text(comment, "comment")
    with store.atomic() as conn:
        _claim(conn, actor, submission_id, policy)
        return subs.transition(conn, submission_id, expected=("submitted",),
                               by=actor.author, status="returned", reviewer=actor.username,
                               reviewed_at=utcnow(), comment=comment)


def list_submissions(store: Storage, actor: Actor, plan_id: int | None = None,
                     status: str | None = None) -> list[SubmissionRecord]:
    """Departments see their own submissions (by department id); everyone else sees all."""
    if actor.is_department:
        return subs.list_submissions(store, plan_id, status=status,
                                     department_id=actor.department_id or 0)
    return subs.list_submissions(store, plan_id, status=status)


def page_submissions(store: Storage, actor: Actor, plan_id: int | None = None,
                     status: str | None = None, *, offset: int = 0,
                     limit: int = 500) -> tuple[list[SubmissionRecord], int]:
    """One page of what :func:`list_submissions` returns, and the total."""
    department_id = (actor.department_id or 0) if actor.is_department else None
    return subs.page_submissions(store, plan_id, status=status, department_id=department_id,
                                 offset=offset, limit=limit)


def set_indicator_owner(store: Storage, actor: Actor, plan_id: int, indicator: str,
                        department: str | int | None) -> None:
    """Assign the department responsible for an indicator (admin / reviewer): an existing
    department of the plan's region, given by id or by name (``市科技局`` in a 日照 plan is
    日照市科技局; spaces are ignored); ``None`` clears it."""
    require_reviewer(actor)
    if isinstance(department, str):
        check_text(department, "department")
    name = _known_indicator(store, plan_id, indicator)
    if department is None or department == "":
        subs.set_indicator_owner(store, plan_id, name, None, by=actor.author)
        return
    dept = _existing_department(store, plan_id, department)
    subs.set_indicator_owner(store, plan_id, name, dept.id, by=actor.author)


def _existing_department(store: Storage, plan_id: int,
                         department: str | int) -> DepartmentRecord:
    with store.reading() as conn:
        region_id = plan_region_id(conn, plan_id)
        found = (int(department) if isinstance(department, int)
                 else find_department(conn, region_id, department))
    record = get_department(store, found) if found is not None else None
    if record is None or record.region_id != region_id:
        raise Invalid(f"部门“{department}”不是本规划所属地区的已有部门：请从已有部门中选择",
                      f"no department {department!r} in the plan's region: choose an existing "
                      "one")
    return record


def submit_actuals_file(store: Storage, actor: Actor, plan_id: int, path: Path,
                        draft: bool = False) -> list[SubmissionRecord]:
    """Submit every row of a filled template (.xlsx / .csv): all rows or none."""
    from planwatch.actuals import read_actuals

    result = read_actuals(path, load_plan(store, plan_id))
    if not result.ok:
        raise Invalid("数据未提交：文件有错误", "nothing submitted: the file has errors",
                      [f"第{e.row}行 {e.column or ''} {e.message_zh}" for e in result.errors],
                      [f"row {e.row} {e.column or ''} {e.message_en}" for e in result.errors])
    done: list[SubmissionRecord] = []
    refused: list[tuple[str, str]] = []
    with store.atomic():
        for pos, row in enumerate(result.rows, start=1):
            try:
                done.append(submit_actual(
                    store, actor, plan_id, row.indicator, row.year, row.value, unit=row.unit,
                    source=row.source or path.name, actual_status=row.status, draft=draft))
            except (Conflict, Invalid) as exc:
                refused.append((f"第{pos}条（{row.indicator} {row.year}）：{exc.zh}",
                                f"entry {pos} ({row.indicator}, {row.year}): {exc.en}"))
        if refused:
            raise Conflict("数据未提交：有的数值已锁定或无效（已锁定的数值须提交更正申请）",
                           "nothing submitted: some cells are locked or invalid "
                           "(locked values need a correction request)",
                           [zh for zh, _ in refused], [en for _, en in refused])
    return done
