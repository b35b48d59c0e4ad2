"""Target revisions (目标动态调整): a target's value or year changed mid-period on a documented
basis. The original stays in ``targets.original_*``; each revision records who, when, why and
old → new, and writes the audit log."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import select

from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.errors import StorageError
from planwatch.storage.schema import plan_versions, target_revisions, targets
from planwatch.storage.types import Author, as_author, utcnow


class TargetRecord(BaseModel):
    id: int
    version_id: int
    indicator_id: int | None
    origin: str
    position: int
    subject: str
    catalog_code: str | None
    unit: str | None
    comparator: str | None
    kind: str | None
    period: str | None
    year: int | None
    value: float
    value_max: float | None
    original_year: int | None
    original_value: float
    quote: str | None


class TargetRevision(BaseModel):
    id: int
    target_id: int
    old_year: int | None
    new_year: int | None
    old_value: float
    new_value: float
    reason: str
    document: str | None
    revised_by: str
    revised_at: datetime


def list_targets(storage: Storage, version_id: int) -> list[TargetRecord]:
    """Targets of one plan version: indicator-table targets first, then prose targets."""
    query = (
        select(targets)
        .where(targets.c.version_id == version_id)
        .order_by(targets.c.origin, targets.c.position)
    )
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [TargetRecord.model_validate(dict(row)) for row in rows]


def revise_target(
    storage: Storage,
    target_id: int,
    new_value: float,
    *,
    user: Author | str,
    reason: str,
    new_year: int | None = None,
    document: str | None = None,
) -> TargetRevision:
    """Change a target's current value (and optionally its year); ``reason`` is required."""
    if not reason.strip():
        raise StorageError("revision-needs-reason", "调整目标须说明理由", "a reason is required")
    by = as_author(user)
    with storage.atomic() as conn:
        row = conn.execute(select(targets).where(targets.c.id == target_id)).mappings().first()
        if row is None:
            raise StorageError("unknown-target", f"目标{target_id}不存在", f"no target {target_id}")
        year = row["year"] if new_year is None else new_year
        revision_id = inserted_id(conn.execute(target_revisions.insert().values(
            target_id=target_id, old_year=row["year"], new_year=year, old_value=row["value"],
            new_value=new_value, reason=reason, document=document, revised_by=by.name,
            revised_at=utcnow())))  # fmt: skip
        conn.execute(targets.update().where(targets.c.id == target_id).values(
            value=new_value, year=year))  # fmt: skip
        for field, old, new in (("value", row["value"], new_value), ("year", row["year"], year)):
            if old != new:
                write_audit(conn, user=by, entity="target", entity_id=target_id, field=field,
                            old=old, new=new, source=document or reason)  # fmt: skip
        saved = (
            conn.execute(select(target_revisions).where(target_revisions.c.id == revision_id))
            .mappings()
            .one()
        )
    return TargetRevision.model_validate(dict(saved))


def list_revisions(
    storage: Storage, *, target_id: int | None = None, plan_id: int | None = None
) -> list[TargetRevision]:
    """Revisions of one target, or of every target of a plan, oldest first."""
    query = select(target_revisions).order_by(target_revisions.c.id)
    if target_id is not None:
        query = query.where(target_revisions.c.target_id == target_id)
    if plan_id is not None:
        query = (
            query.join(targets, targets.c.id == target_revisions.c.target_id)
            .join(plan_versions, plan_versions.c.id == targets.c.version_id)
            .where(plan_versions.c.plan_id == plan_id)
        )
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [TargetRevision.model_validate(dict(row)) for row in rows]
