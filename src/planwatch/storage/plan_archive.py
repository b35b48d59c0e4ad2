"""Archived plans (归档): never deleted, only set aside — who archived a plan, when and why;
unarchiving deletes the row. Both are audited (entity ``plan``, field ``archived`` /
``unarchived``, the reason as the new value)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import select

from planwatch.errors import Conflict
from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage
from planwatch.storage.schema_web import plan_archive
from planwatch.storage.types import Author, utcnow


class ArchiveRecord(BaseModel):
    plan_id: int
    archived_by: str
    archived_at: datetime
    reason: str


def archived_plan_ids(storage: Storage) -> set[int]:
    with storage.reading() as conn:
        return {int(i) for i in conn.execute(select(plan_archive.c.plan_id)).scalars()}


def archive_record(storage: Storage, plan_id: int) -> ArchiveRecord | None:
    query = select(plan_archive).where(plan_archive.c.plan_id == plan_id)
    with storage.reading() as conn:
        row = conn.execute(query).mappings().first()
    return None if row is None else ArchiveRecord.model_validate(dict(row))


def archive_plan(storage: Storage, plan_id: int, *, by: Author, reason: str) -> ArchiveRecord:
    """Archive a plan (409 when it already is); audited with the reason."""
    with storage.atomic() as conn:
        query = select(plan_archive.c.archived_by).where(plan_archive.c.plan_id == plan_id)
        if conn.execute(query.with_for_update()).first() is not None:
            raise Conflict(f"规划{plan_id}已归档", f"plan {plan_id} is already archived")
        record = ArchiveRecord(plan_id=plan_id, archived_by=by.name, archived_at=utcnow(),
                               reason=reason)
        conn.execute(plan_archive.insert().values(**record.model_dump()))
        write_audit(conn, user=by, entity="plan", entity_id=plan_id, field="archived",
                    new=reason)
    return record


def unarchive_plan(storage: Storage, plan_id: int, *, by: Author, reason: str) -> None:
    """Bring an archived plan back (409 when it is not archived); audited with the reason."""
    with storage.atomic() as conn:
        result = conn.execute(plan_archive.delete().where(plan_archive.c.plan_id == plan_id))
        if result.rowcount != 1:
            raise Conflict(f"规划{plan_id}未归档", f"plan {plan_id} is not archived")
        write_audit(conn, user=by, entity="plan", entity_id=plan_id, field="unarchived",
                    new=reason)
