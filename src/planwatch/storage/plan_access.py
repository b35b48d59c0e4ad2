"""Plan visibility (公开), pending uploads awaiting confirmation, extraction corrections and the
audit trail of one plan."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping, and_, or_, select

from planwatch.errors import Conflict
from planwatch.storage.audit_log import AuditEntry, write_audit
from planwatch.storage.engine import Storage
from planwatch.storage.schema import actuals, audit_log, plan_versions, targets
from planwatch.storage.schema_web import (
    extraction_corrections,
    pending_uploads,
    plan_visibility,
    submissions,
    task_progress,
)
from planwatch.storage.types import Author, utcnow


class PendingUpload(BaseModel):
    id: str
    user_name: str
    source_name: str
    source_sha256: str
    plan_json: str
    created_at: datetime
    confirmed_at: datetime | None = None
    confirmed_by: str | None = None


class CorrectionRecord(BaseModel):
    id: int
    plan_id: int
    version_id: int
    field: str
    old_value: str | None
    new_value: str | None
    corrected_by: str
    corrected_at: datetime


def is_public(storage: Storage, plan_id: int) -> bool:
    query = select(plan_visibility.c.is_public).where(plan_visibility.c.plan_id == plan_id)
    with storage.atomic() as conn:
        return bool(conn.execute(query).scalar())


def public_plan_ids(storage: Storage) -> set[int]:
    query = select(plan_visibility.c.plan_id).where(plan_visibility.c.is_public.is_(True))
    with storage.atomic() as conn:
        return {int(i) for i in conn.execute(query).scalars()}


def set_public(storage: Storage, plan_id: int, public: bool, *, by: Author) -> None:
    """Mark a plan public (or internal again); audited."""
    with storage.atomic() as conn:
        old = conn.execute(select(plan_visibility.c.is_public).where(
            plan_visibility.c.plan_id == plan_id)).scalar()
        if old is not None and bool(old) == public:
            return
        conn.execute(plan_visibility.delete().where(plan_visibility.c.plan_id == plan_id))
        conn.execute(plan_visibility.insert().values(
            plan_id=plan_id, is_public=public, changed_by=by.name, changed_at=utcnow()))
        write_audit(conn, user=by, entity="plan", entity_id=plan_id, field="public",
                    old=bool(old) if old is not None else False, new=public)


STALE_UPLOAD = timedelta(days=1)


def add_pending(storage: Storage, upload: PendingUpload) -> None:
    """Keep an extracted upload until it is confirmed (uploads older than a day are purged,
    see :func:`purge_uploads`)."""
    with storage.atomic() as conn:
        _purge_uploads(conn, utcnow() - STALE_UPLOAD)
        conn.execute(pending_uploads.insert().values(**upload.model_dump()))


def _purge_uploads(conn: Connection, before: datetime) -> int:
    result = conn.execute(pending_uploads.delete().where(pending_uploads.c.created_at < before))
    return int(result.rowcount or 0)


def purge_uploads(storage: Storage, before: datetime | None = None) -> int:
    """Delete pending (and confirmed) uploads created before ``before`` (default: a day ago);
    returns how many were deleted."""
    with storage.atomic() as conn:
        return _purge_uploads(conn, before or utcnow() - STALE_UPLOAD)


def claim_pending(conn: Connection, upload_id: str, by: Author) -> PendingUpload | None:
    """Mark a pending upload confirmed and return it, inside the caller's transaction (None
    when there is no such upload). The row is read ``FOR UPDATE`` and changed by a conditional
    update whose row count is checked: of two concurrent confirms one wins, the other gets
    :class:`~planwatch.errors.Conflict`; the confirmed row stays as a tombstone."""
    query = select(pending_uploads).where(pending_uploads.c.id == upload_id).with_for_update()
    row = conn.execute(query).mappings().first()
    if row is None:
        return None
    result = conn.execute(pending_uploads.update().where(
        pending_uploads.c.id == upload_id, pending_uploads.c.confirmed_at.is_(None)).values(
        confirmed_at=utcnow(), confirmed_by=by.name))
    if result.rowcount != 1:
        raise Conflict(f"该上传已由{row['confirmed_by']}确认入库，不能再次确认",
                       f"upload already confirmed by {row['confirmed_by']}")
    return PendingUpload.model_validate(dict(row))


class PendingSummary(BaseModel):
    """A pending upload as listed for its uploader: id, file name and when it was uploaded."""

    id: str
    source_name: str
    created_at: datetime


def get_pending(storage: Storage, upload_id: str) -> PendingUpload | None:
    """One upload (pending or already confirmed), or None."""
    query = select(pending_uploads).where(pending_uploads.c.id == upload_id)
    with storage.reading() as conn:
        row = conn.execute(query).mappings().first()
    return None if row is None else PendingUpload.model_validate(dict(row))


def list_pending(storage: Storage, user_name: str) -> list[PendingSummary]:
    """The unconfirmed uploads of one user that are not yet stale, newest first."""
    query = select(pending_uploads.c.id, pending_uploads.c.source_name,
                   pending_uploads.c.created_at).where(
        pending_uploads.c.user_name == user_name, pending_uploads.c.confirmed_at.is_(None),
        pending_uploads.c.created_at >= utcnow() - STALE_UPLOAD).order_by(
        pending_uploads.c.created_at.desc(), pending_uploads.c.id)
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [PendingSummary.model_validate(dict(r)) for r in rows]


def discard_pending(storage: Storage, upload_id: str) -> bool:
    """Delete one unconfirmed upload (a confirmed one stays as a tombstone); True when one
    was deleted."""
    with storage.atomic() as conn:
        result = conn.execute(pending_uploads.delete().where(
            pending_uploads.c.id == upload_id, pending_uploads.c.confirmed_at.is_(None)))
    return int(result.rowcount or 0) == 1


def add_correction(conn: Connection, *, plan_id: int, version_id: int, field: str,
                   old: Any, new: Any, by: Author, source: str | None) -> None:
    """Record one corrected extraction field (values as JSON text) and its audit row."""
    def text(value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    conn.execute(extraction_corrections.insert().values(
        plan_id=plan_id, version_id=version_id, field=field, old_value=text(old),
        new_value=text(new), corrected_by=by.name, corrected_at=utcnow()))  # fmt: skip
    write_audit(conn, user=by, entity="plan", entity_id=plan_id,
                field=f"correction:{field}", old=old, new=new, source=source)


def list_corrections(storage: Storage, plan_id: int) -> list[CorrectionRecord]:
    query = select(extraction_corrections).where(
        extraction_corrections.c.plan_id == plan_id).order_by(extraction_corrections.c.id)
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [CorrectionRecord.model_validate(dict(r)) for r in rows]


def plan_audit(storage: Storage, plan_id: int, limit: int = 2000) -> list[AuditEntry]:
    """Audit rows about a plan: the plan itself, its actuals, targets, submissions and task
    progress reports; oldest first."""
    def ids(column: Any, where: Any) -> Any:
        return select(column).where(where)

    target_ids = select(targets.c.id).join(
        plan_versions, plan_versions.c.id == targets.c.version_id).where(
        plan_versions.c.plan_id == plan_id)
    cond = or_(
        and_(audit_log.c.entity == "plan", audit_log.c.entity_id == plan_id),
        and_(audit_log.c.entity == "actual", audit_log.c.entity_id.in_(
            ids(actuals.c.id, actuals.c.plan_id == plan_id))),
        and_(audit_log.c.entity == "submission", audit_log.c.entity_id.in_(
            ids(submissions.c.id, submissions.c.plan_id == plan_id))),
        and_(audit_log.c.entity == "task_progress", audit_log.c.entity_id.in_(
            ids(task_progress.c.id, task_progress.c.plan_id == plan_id))),
        and_(audit_log.c.entity == "target", audit_log.c.entity_id.in_(target_ids)),
    )
    query = select(audit_log).where(cond).order_by(audit_log.c.id).limit(limit)
    with storage.atomic() as conn:
        rows = conn.execute(query).mappings().all()
    return [_entry(row) for row in rows]


def _entry(row: RowMapping) -> AuditEntry:
    def load(text: str | None) -> object:
        return None if text is None else json.loads(text)

    return AuditEntry(id=row["id"], at=row["at"], user=row["user_name"], entity=row["entity"],
                      entity_id=row["entity_id"], field=row["field"], old=load(row["old_value"]),
                      new=load(row["new_value"]), source=row["source"])
