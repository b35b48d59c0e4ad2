"""Submissions of actual values (填报) and indicator responsibility (指标责任部门).

A submission moves draft → submitted → approved | returned. Approved submissions are locked:
they never change again; a corrected value needs a new submission. Approval itself (writing to
``actuals``) is done by the workflow layer inside the same transaction as :func:`set_review`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, bindparam, select

from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage
from planwatch.storage.errors import StorageError
from planwatch.storage.schema import plan_versions
from planwatch.storage.schema_web import indicator_owners, submissions
from planwatch.storage.types import utcnow


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


def _get(conn: Connection, submission_id: int) -> SubmissionRecord:
    row = conn.execute(select(submissions).where(submissions.c.id == submission_id)).mappings()
    found = row.first()
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
_OWNER = select(indicator_owners.c.department).where(
    indicator_owners.c.plan_id == bindparam("plan_id"),
    indicator_owners.c.indicator == bindparam("indicator"))


def create_submission(storage: Storage, *, plan_id: int, indicator: str, year: int,
                      value: float, unit: str | None, source: str | None, actual_status: str,
                      department: str | None, user: str, draft: bool) -> SubmissionRecord:
    """Store a new submission (status draft, or submitted) and its audit row: one short
    transaction of two statements (the row comes back through RETURNING)."""
    now = utcnow()
    status = "draft" if draft else "submitted"
    with storage.atomic() as conn:
        row = conn.execute(_INSERT, {
            "plan_id": plan_id, "indicator": indicator, "year": year, "value": value,
            "unit": unit, "source": source, "actual_status": actual_status, "status": status,
            "department": department, "submitted_by": user,
            "submitted_at": None if draft else now, "reviewer": None, "reviewed_at": None,
            "comment": None, "created_at": now, "updated_at": now}).mappings().one()
        write_audit(conn, user=user, entity="submission", entity_id=row["id"],
                    field="created", new={"indicator": indicator, "year": year,
                                          "value": value, "status": status}, source=source)
    return SubmissionRecord.model_validate(dict(row))


def latest_version_key(conn: Connection, plan_id: int) -> tuple[int, str] | None:
    """(id, content SHA-256) of the latest version of a plan; None for an unknown plan."""
    row = conn.execute(_LATEST_VERSION, {"plan_id": plan_id}).first()
    return None if row is None else (int(row.id), str(row.content_sha256))


def version_json(conn: Connection, version_id: int) -> str:
    """The stored plan JSON of one plan version."""
    return str(conn.execute(_VERSION_JSON, {"vid": version_id}).scalar_one())


def indicator_owner(conn: Connection, plan_id: int, indicator: str) -> str | None:
    """The department responsible for one indicator of a plan (one indexed lookup)."""
    found = conn.execute(_OWNER, {"plan_id": plan_id, "indicator": indicator}).scalar()
    return None if found is None else str(found)


def update_submission(conn: Connection, submission_id: int, *, user: str,
                      **values: Any) -> SubmissionRecord:
    """Change fields of a submission inside the caller's transaction; each change audited."""
    old = _get(conn, submission_id)
    changed = {k: v for k, v in values.items() if getattr(old, k) != v}
    if not changed:
        return old
    conn.execute(submissions.update().where(submissions.c.id == submission_id).values(
        updated_at=utcnow(), **changed))
    for field, new in changed.items():
        if field.endswith("_at"):
            continue
        write_audit(conn, user=user, entity="submission", entity_id=submission_id,
                    field=field, old=getattr(old, field), new=new)
    return _get(conn, submission_id)


def list_submissions(storage: Storage, plan_id: int | None = None, *,
                     status: str | None = None,
                     department: str | None = None) -> list[SubmissionRecord]:
    query = select(submissions).order_by(submissions.c.id)
    if plan_id is not None:
        query = query.where(submissions.c.plan_id == plan_id)
    if status is not None:
        query = query.where(submissions.c.status == status)
    if department is not None:
        query = query.where(submissions.c.department == department)
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [SubmissionRecord.model_validate(dict(r)) for r in rows]


def indicator_owner_map(storage: Storage, plan_id: int) -> dict[str, str]:
    """Indicator name → responsible department of a plan."""
    query = select(indicator_owners.c.indicator, indicator_owners.c.department).where(
        indicator_owners.c.plan_id == plan_id)
    with storage.reading() as conn:
        return {r.indicator: r.department for r in conn.execute(query)}


def set_indicator_owner(storage: Storage, plan_id: int, indicator: str,
                        department: str | None, *, user: str) -> None:
    """Set (or with ``None`` clear) the department responsible for an indicator; audited."""
    key = (indicator_owners.c.plan_id == plan_id, indicator_owners.c.indicator == indicator)
    with storage.atomic() as conn:
        old = conn.execute(select(indicator_owners.c.department).where(*key)).scalar()
        if old == department:
            return
        conn.execute(indicator_owners.delete().where(*key))
        if department is not None:
            conn.execute(indicator_owners.insert().values(
                plan_id=plan_id, indicator=indicator, department=department, set_by=user,
                set_at=utcnow()))  # fmt: skip
        write_audit(conn, user=user, entity="plan", entity_id=plan_id,
                    field=f"owner[{indicator}]", old=old, new=department)
