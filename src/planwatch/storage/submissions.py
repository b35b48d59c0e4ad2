"""Submissions of actual values (填报) and indicator responsibility (指标责任部门).

A submission moves draft → submitted → approved | returned. Approved submissions are locked:
they never change again; a stored (live) value is changed only by a correction request (kind
``correction``, with a reason), approved by a reviewer. Every status change is a
:func:`transition`: the row is read ``FOR UPDATE`` (PostgreSQL; SQLite writers are serialised by
``BEGIN IMMEDIATE``) and changed by a conditional ``UPDATE … WHERE status IN (expected)`` whose
row count is checked, inside the caller's transaction — of two concurrent reviews exactly one
wins, the other gets :class:`~planwatch.errors.Conflict`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from pydantic import BaseModel
from sqlalchemy import Connection, bindparam, func, select

from planwatch.errors import Conflict
from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage
from planwatch.storage.errors import StorageError
from planwatch.storage.schema import actuals, plan_versions
from planwatch.storage.schema_web import departments, indicator_owners, submissions
from planwatch.storage.types import Author, utcnow


class SubmissionRecord(BaseModel):
    id: int
    plan_id: int
    indicator: str
    year: int
    value: float
    unit: str | None
    source: str | None
    actual_status: str
    status: str
    department: str | None
    submitted_by: str
    submitted_at: datetime | None
    reviewer: str | None
    reviewed_at: datetime | None
    comment: str | None
    created_at: datetime
    updated_at: datetime
    kind: str = "value"
    reason: str | None = None
    old_value: float | None = None
    department_id: int | None = None
    submitted_by_id: int | None = None
    """The submitting account (``submitted_by`` is its name, a display snapshot)."""


def _get(conn: Connection, submission_id: int, *, lock: bool = False) -> SubmissionRecord:
    query = select(submissions).where(submissions.c.id == submission_id)
    found = conn.execute(query.with_for_update() if lock else query).mappings().first()
    if found is None:
        raise StorageError("unknown-submission", f"填报{submission_id}不存在",
                           f"no submission {submission_id}")  # fmt: skip
    return SubmissionRecord.model_validate(dict(found))


def get_submission(storage: Storage, submission_id: int) -> SubmissionRecord:
    with storage.reading() as conn:
        return _get(conn, submission_id)


# Statements of the submission write path, built once (building a statement per request costs
# more than executing it); the values are passed as parameters.
_INSERT = submissions.insert().returning(*submissions.c)
_LATEST_VERSION = (select(plan_versions.c.id, plan_versions.c.content_sha256)
                   .where(plan_versions.c.plan_id == bindparam("plan_id"))
                   .order_by(plan_versions.c.version_no.desc()).limit(1))
_VERSION_JSON = select(plan_versions.c.plan_json).where(plan_versions.c.id == bindparam("vid"))
_DEPARTMENT_NAME = select(departments.c.name).where(departments.c.id == bindparam("id"))
_OWNER = select(indicator_owners.c.department, indicator_owners.c.department_id).where(
    indicator_owners.c.plan_id == bindparam("plan_id"),
    indicator_owners.c.indicator == bindparam("indicator"))


def create_submission(storage: Storage, *, plan_id: int, indicator: str, year: int,
                      value: float, unit: str | None, source: str | None, actual_status: str,
                      department_id: int | None, by: Author, draft: bool, kind: str = "value",
                      reason: str | None = None) -> SubmissionRecord:
    """Store a new submission (status draft, or submitted) of department ``department_id`` by
    account ``by`` (names kept as display snapshots) and its audit row: one short transaction
    (the row comes back through RETURNING)."""
    now = utcnow()
    status = "draft" if draft else "submitted"
    with storage.atomic() as conn:
        department = None if department_id is None else conn.execute(
            _DEPARTMENT_NAME, {"id": department_id}).scalar()
        row = conn.execute(_INSERT, {"kind": kind, "reason": reason, "old_value": None,
            "plan_id": plan_id, "indicator": indicator, "year": year, "value": value,
            "unit": unit, "source": source, "actual_status": actual_status, "status": status,
            "department": department, "department_id": department_id,
            "submitted_by": by.name, "submitted_by_id": by.user_id,
            "submitted_at": None if draft else now, "reviewer": None, "reviewed_at": None,
            "comment": None, "created_at": now, "updated_at": now}).mappings().one()
        write_audit(conn, user=by, entity="submission", entity_id=row["id"],
                    field="created", new={"indicator": indicator, "year": year,
                                          "value": value, "status": status, "kind": kind,
                                          "reason": reason}, source=source)
    return SubmissionRecord.model_validate(dict(row))


def latest_version_key(conn: Connection, plan_id: int) -> tuple[int, str] | None:
    """(id, content SHA-256) of the latest version of a plan; None for an unknown plan."""
    row = conn.execute(_LATEST_VERSION, {"plan_id": plan_id}).first()
    return None if row is None else (int(row.id), str(row.content_sha256))


def version_json(conn: Connection, version_id: int) -> str:
    """The stored plan JSON of one plan version."""
    return str(conn.execute(_VERSION_JSON, {"vid": version_id}).scalar_one())


class Owner(NamedTuple):
    """The department responsible for an indicator: its name and its id."""

    name: str
    department_id: int | None


def indicator_owner(conn: Connection, plan_id: int, indicator: str) -> Owner | None:
    """The department responsible for one indicator of a plan (one indexed lookup)."""
    found = conn.execute(_OWNER, {"plan_id": plan_id, "indicator": indicator}).first()
    return None if found is None else Owner(str(found.department), found.department_id)


_LIVE = select(actuals.c.value).where(
    actuals.c.plan_id == bindparam("plan_id"), actuals.c.indicator == bindparam("indicator"),
    actuals.c.year == bindparam("year"), actuals.c.status == bindparam("status"))


def live_value(conn: Connection, plan_id: int, indicator: str, year: int,
               status: str) -> float | None:
    """The stored (locked) value of one cell — plan, indicator, year and 口径 — or None."""
    found = conn.execute(_LIVE, {"plan_id": plan_id, "indicator": indicator, "year": year,
                                 "status": status}).scalar()
    return None if found is None else float(found)


def lock_submission(conn: Connection, submission_id: int) -> SubmissionRecord:
    """Read a submission for a state change: ``SELECT … FOR UPDATE`` on PostgreSQL (SQLite
    writers already hold the database write lock); inside the caller's transaction."""
    return _get(conn, submission_id, lock=True)


def transition(conn: Connection, submission_id: int, *, expected: tuple[str, ...],
               by: Author, **values: Any) -> SubmissionRecord:
    """Change a submission whose status is one of ``expected`` (checked by the UPDATE itself,
    row count verified) inside the caller's transaction; each changed field audited. Raises
    :class:`Conflict` when another transaction changed its status first."""
    old = lock_submission(conn, submission_id)
    changed = {k: v for k, v in values.items() if getattr(old, k) != v}
    result = conn.execute(submissions.update().where(
        submissions.c.id == submission_id, submissions.c.status.in_(expected)).values(
        updated_at=utcnow(), **changed))
    if result.rowcount != 1:
        raise Conflict(f"填报{submission_id}的状态已变为“{old.status}”，本次操作未执行",
                       f"submission {submission_id} is {old.status} now: nothing changed")
    return _audited(conn, old, changed, by)


def _audited(conn: Connection, old: SubmissionRecord, changed: dict[str, Any],
             user: Author) -> SubmissionRecord:
    submission_id = old.id
    for field, new in changed.items():
        if field.endswith("_at"):
            continue
        write_audit(conn, user=user, entity="submission", entity_id=submission_id,
                    field=field, old=getattr(old, field), new=new)
    return _get(conn, submission_id) if changed else old


def list_submissions(storage: Storage, plan_id: int | None = None, *,
                     status: str | None = None,
                     department_id: int | None = None) -> list[SubmissionRecord]:
    """Submissions (of one plan, status or department — by id), oldest first."""
    query = select(submissions).order_by(submissions.c.id)
    if plan_id is not None:
        query = query.where(submissions.c.plan_id == plan_id)
    if status is not None:
        query = query.where(submissions.c.status == status)
    if department_id is not None:
        query = query.where(submissions.c.department_id == department_id)
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [SubmissionRecord.model_validate(dict(r)) for r in rows]


def page_submissions(storage: Storage, plan_id: int | None = None, *, status: str | None = None,
                     department_id: int | None = None, search: str | None = None,
                     offset: int = 0, limit: int = 100) -> tuple[list[SubmissionRecord], int]:
    """One page of submissions (oldest first) and how many there are in all; ``search``: words
    the indicator name contains (case-insensitive, ``%``/``_`` literal)."""
    conds = [c for c in (
        submissions.c.plan_id == plan_id if plan_id is not None else None,
        submissions.c.status == status if status is not None else None,
        submissions.c.department_id == department_id if department_id is not None else None,
        func.lower(submissions.c.indicator).contains(search.lower(), autoescape=True)
        if search else None,
    ) if c is not None]
    query = select(submissions).where(*conds).order_by(submissions.c.id)
    with storage.reading() as conn:
        total = int(conn.execute(select(func.count()).select_from(submissions).where(
            *conds)).scalar_one())
        rows = conn.execute(query.offset(offset).limit(limit)).mappings().all()
    return [SubmissionRecord.model_validate(dict(r)) for r in rows], total


def indicator_owner_map(storage: Storage, plan_id: int) -> dict[str, str]:
    """Indicator name → responsible department (name) of a plan."""
    return {name: owner.name for name, owner in indicator_owners_of(storage, plan_id).items()}


def indicator_owners_of(storage: Storage, plan_id: int) -> dict[str, Owner]:
    """Indicator name → responsible department (name and id) of a plan."""
    query = select(indicator_owners.c.indicator, indicator_owners.c.department,
                   indicator_owners.c.department_id).where(indicator_owners.c.plan_id == plan_id)
    with storage.reading() as conn:
        return {r.indicator: Owner(r.department, r.department_id) for r in conn.execute(query)}


def set_indicator_owner(storage: Storage, plan_id: int, indicator: str,
                        department_id: int | None, *, by: Author) -> None:
    """Set (or with ``None`` clear) the department responsible for an indicator, by id (its
    name kept as a display snapshot); audited (with the names)."""
    key = (indicator_owners.c.plan_id == plan_id, indicator_owners.c.indicator == indicator)
    with storage.atomic() as conn:
        old = conn.execute(select(indicator_owners.c.department_id,
                                  indicator_owners.c.department).where(*key)).first()
        current = None if old is None else old.department_id
        if (old is None and department_id is None) or (
                department_id is not None and current == department_id):
            return
        name = None if department_id is None else conn.execute(
            _DEPARTMENT_NAME, {"id": department_id}).scalar()
        conn.execute(indicator_owners.delete().where(*key))
        if department_id is not None:
            conn.execute(indicator_owners.insert().values(
                plan_id=plan_id, indicator=indicator, department=name, set_by=by.name,
                set_at=utcnow(), department_id=department_id))  # fmt: skip
        write_audit(conn, user=by, entity="plan", entity_id=plan_id,
                    field=f"owner[{indicator}]", old=old.department if old else None, new=name)
