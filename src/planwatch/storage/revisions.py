"""Target revisions (目标动态调整): a target's value or year changed mid-period on a documented
basis. The original stays in ``targets.original_*``; each revision records who, when, why and
old → new, and writes the audit log; the version's evaluation rows (``evaluation_rows``) are
re-derived in the same transaction."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping, func, or_, select

from planwatch.errors import Conflict
from planwatch.storage.audit_log import write_audit
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.errors import StorageError
from planwatch.storage.plan_details import refresh_evaluation_rows
from planwatch.storage.schema import plan_versions, target_revisions, targets
from planwatch.storage.schema_web import plan_archive
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
        return _revise_row(conn, row, new_value, new_year, reason=reason, document=document,
                           by=by)


def revise_latest_target(
    storage: Storage,
    plan_id: int,
    *,
    origin: str,
    position: int,
    new_value: float,
    new_year: int | None,
    reason: str,
    document: str,
    by: Author,
    expected_value: float | None = None,
) -> TargetRevision | None:
    """动态调整 of the ``position``-th target of ``origin`` (``indicator``: the main table's
    row; ``prose``: a prose target) in the plan's latest version, in one transaction: the
    target row is read ``FOR UPDATE``, the revision recorded, the current value changed (the
    original stays in ``original_*``) and each changed field audited. None when that target
    does not exist. :class:`~planwatch.errors.Conflict` (nothing changed) when the plan is
    archived, or ``expected_value`` (the value the form showed) is no longer current."""
    with storage.atomic() as conn:
        if conn.execute(select(plan_archive.c.plan_id).where(
                plan_archive.c.plan_id == plan_id)).first() is not None:
            raise Conflict("规划已归档，不能调整目标", "the plan is archived: no revision")
        latest = (select(plan_versions.c.id).where(plan_versions.c.plan_id == plan_id)
                  .order_by(plan_versions.c.version_no.desc()).limit(1).scalar_subquery())
        query = select(targets).where(targets.c.version_id == latest, targets.c.origin == origin,
                                      targets.c.position == position).with_for_update()
        row = conn.execute(query).mappings().first()
        if row is None:
            return None
        if expected_value is not None and row["value"] != expected_value:
            raise Conflict(f"目标已被他人调整为{row['value']:g}，请刷新后重试",
                           f"the target was changed to {row['value']:g} meanwhile; reload")
        return _revise_row(conn, row, new_value, new_year, reason=reason, document=document,
                           by=by)


def _revise_row(conn: Connection, row: RowMapping, new_value: float, new_year: int | None, *,
                reason: str, document: str | None, by: Author) -> TargetRevision:
    """Record one revision of target ``row`` inside the caller's transaction; the revision and
    its audit rows share one timestamp (the history joins them on it)."""
    target_id = int(row["id"])
    year = row["year"] if new_year is None else new_year
    now = utcnow()
    revision_id = inserted_id(conn.execute(target_revisions.insert().values(
        target_id=target_id, old_year=row["year"], new_year=year, old_value=row["value"],
        new_value=new_value, reason=reason, document=document, revised_by=by.name,
        revised_at=now)))  # fmt: skip
    conn.execute(targets.update().where(targets.c.id == target_id).values(
        value=new_value, year=year))  # fmt: skip
    refresh_evaluation_rows(conn, int(row["version_id"]))
    for field, old, new in (("value", row["value"], new_value), ("year", row["year"], year)):
        if old != new:
            write_audit(conn, user=by, entity="target", entity_id=target_id, field=field,
                        old=old, new=new, source=document or reason, at=now)  # fmt: skip
    saved = conn.execute(select(target_revisions).where(
        target_revisions.c.id == revision_id)).mappings().one()
    return TargetRevision.model_validate(dict(saved))


def revised_latest_targets(storage: Storage, plan_id: int) -> list[tuple[TargetRecord, int]]:
    """The targets of the plan's latest version whose value or year differs from the original,
    each with how many revisions it has had (one query)."""
    latest = (select(plan_versions.c.id).where(plan_versions.c.plan_id == plan_id)
              .order_by(plan_versions.c.version_no.desc()).limit(1).scalar_subquery())
    count = (select(func.count()).where(target_revisions.c.target_id == targets.c.id)
             .scalar_subquery())
    query = (select(targets, count.label("revision_count"))
             .where(targets.c.version_id == latest,
                    or_(targets.c.value != targets.c.original_value,
                        targets.c.year.is_distinct_from(targets.c.original_year)))
             .order_by(targets.c.origin, targets.c.position))
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [(TargetRecord.model_validate({k: v for k, v in r.items() if k != "revision_count"}),
             int(r["revision_count"])) for r in rows]


def list_revisions(
    storage: Storage, *, target_id: int | None = None, plan_id: int | None = None,
    version_id: int | None = None,
) -> list[TargetRevision]:
    """Revisions of one target, or of every target of a plan (or of one plan version), oldest
    first."""
    query = select(target_revisions).order_by(target_revisions.c.id)
    if target_id is not None:
        query = query.where(target_revisions.c.target_id == target_id)
    if version_id is not None:
        query = query.where(target_revisions.c.target_id.in_(
            select(targets.c.id).where(targets.c.version_id == version_id)))
    if plan_id is not None:
        query = (
            query.join(targets, targets.c.id == target_revisions.c.target_id)
            .join(plan_versions, plan_versions.c.id == targets.c.version_id)
            .where(plan_versions.c.plan_id == plan_id)
        )
    with storage.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [TargetRevision.model_validate(dict(row)) for row in rows]


def carry_revisions(conn: Connection, old_version_id: int, new_version_id: int, *,
                    by: Author, version_no: int) -> int:
    """A new version of a plan keeps the 动态调整 of the version before it, inside the caller's
    transaction: a revised target whose document value and year are unchanged in the new version
    (same origin and subject) is revised there too, with the last revision's reason and
    authorising document; where the new document states another value, the document prevails.
    Returns how many revisions were carried."""
    revised = conn.execute(select(targets).where(
        targets.c.version_id == old_version_id,
        or_(targets.c.value != targets.c.original_value,
            targets.c.year.is_distinct_from(targets.c.original_year)),
    ).order_by(targets.c.origin, targets.c.position)).mappings().all()
    carried = 0
    for old in revised:
        new = _same_target(conn, new_version_id, old)
        if new is None or new["original_value"] != old["original_value"] \
                or new["original_year"] != old["original_year"]:
            continue  # gone, or the new document states its own target: it prevails
        last = conn.execute(select(target_revisions).where(
            target_revisions.c.target_id == old["id"]).order_by(
            target_revisions.c.id.desc()).limit(1)).mappings().first()
        reason = last["reason"] if last else ""
        _revise_row(conn, new, float(old["value"]), old["year"],
                    reason=f"沿用第{version_no - 1}版的动态调整：{reason}".rstrip("："),
                    document=last["document"] if last else None, by=by)
        carried += 1
    return carried


def _same_target(conn: Connection, version_id: int, old: RowMapping) -> RowMapping | None:
    """The target of ``version_id`` that is ``old`` again: same origin and subject (the nearest
    position when the subject repeats)."""
    rows = conn.execute(select(targets).where(
        targets.c.version_id == version_id, targets.c.origin == old["origin"],
        targets.c.subject == old["subject"]).with_for_update()).mappings().all()
    if not rows:
        return None
    return min(rows, key=lambda r: abs(int(r["position"]) - int(old["position"])))
