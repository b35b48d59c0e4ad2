"""A plan's history (变更记录): the audit rows about a plan — its versions, corrections, target
revisions, actuals, submissions, task reports, owners, visibility and archive — filtered by
indicator, kind of change, time and account, newest first, one page at a time (counted and cut
in SQL). Each row carries the indicator it is about and, for a target revision, the reason
and authorising document of the revision it belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, RowMapping, Select, and_, case, false, func, or_, select

from planwatch.model.codes import HistoryKind
from planwatch.storage.audit_log import AuditEntry, audit_fields
from planwatch.storage.engine import Storage
from planwatch.storage.schema import actuals, audit_log, plan_versions, target_revisions, targets
from planwatch.storage.schema_web import submissions, task_progress

SYSTEM_WHO = "system"
"""The ``who`` filter of the changes made without an account (CLI, demo, imports)."""


class HistoryRow(AuditEntry):
    """One audit row of a plan with what it is about."""

    indicator: str | None
    """The indicator (or target subject) the row is about, when it is about one."""
    task_number: int | None
    reason: str | None
    """A target revision's reason (动态调整理由)."""
    document: str | None
    """A target revision's authorising document (批准文号/文件名)."""


@dataclass(frozen=True)
class HistoryFilter:
    """What to keep: rows about ``indicator``, of ``kind``, at or after ``since`` and before
    ``until``, by the account ``who`` (an account id as text, or ``system``)."""

    indicator: str | None = None
    kind: HistoryKind | None = None
    since: datetime | None = None
    until: datetime | None = None
    who: str | None = None


_PLAN = audit_log.c.entity == "plan"
_FIELD = audit_log.c.field
KIND_WHERE: dict[HistoryKind, ColumnElement[bool]] = {
    HistoryKind.PLAN_VERSION: and_(_PLAN, _FIELD.in_(("created", "version"))),
    HistoryKind.PLAN_CONTENT: and_(_PLAN, or_(_FIELD.startswith("meta."),
                                              _FIELD.startswith("indicator["),
                                              _FIELD == "targets.count")),
    HistoryKind.EXTRACTION_CORRECTION: and_(_PLAN, _FIELD.startswith("correction:")),
    HistoryKind.TARGET_REVISION: audit_log.c.entity == "target",
    HistoryKind.ACTUAL_VALUE: audit_log.c.entity == "actual",
    HistoryKind.SUBMISSION_REVIEW: audit_log.c.entity == "submission",
    HistoryKind.TASK_PROGRESS: audit_log.c.entity == "task_progress",
    HistoryKind.INDICATOR_OWNER: and_(_PLAN, _FIELD.startswith("owner[")),
    HistoryKind.PLAN_VISIBILITY: and_(_PLAN, _FIELD == "public"),
    HistoryKind.PLAN_ARCHIVE: and_(_PLAN, _FIELD.in_(("archived", "unarchived"))),
}
"""The audit rows of each kind (:func:`history_kind` says the same of one row)."""


def history_kind(entity: str, field: str | None) -> HistoryKind | None:
    """The kind of one audit row (None for a row of no known kind)."""
    f = field or ""
    by_entity = {"target": HistoryKind.TARGET_REVISION, "actual": HistoryKind.ACTUAL_VALUE,
                 "submission": HistoryKind.SUBMISSION_REVIEW,
                 "task_progress": HistoryKind.TASK_PROGRESS}
    if entity != "plan":
        return by_entity.get(entity)
    if f in ("created", "version"):
        return HistoryKind.PLAN_VERSION
    if f.startswith(("meta.", "indicator[")) or f == "targets.count":
        return HistoryKind.PLAN_CONTENT
    if f.startswith("correction:"):
        return HistoryKind.EXTRACTION_CORRECTION
    if f.startswith("owner["):
        return HistoryKind.INDICATOR_OWNER
    return {"public": HistoryKind.PLAN_VISIBILITY, "archived": HistoryKind.PLAN_ARCHIVE,
            "unarchived": HistoryKind.PLAN_ARCHIVE}.get(f)


_target_plan = plan_versions.alias("target_version")
_INDICATOR = case(
    (audit_log.c.entity == "target", targets.c.subject),
    (audit_log.c.entity == "actual", actuals.c.indicator),
    (audit_log.c.entity == "submission", submissions.c.indicator),
    else_=None,
)


def _joined() -> Any:
    """audit_log with the row each entry is about (and a target revision's record)."""
    return (audit_log
            .outerjoin(targets, and_(audit_log.c.entity == "target",
                                     targets.c.id == audit_log.c.entity_id))
            .outerjoin(_target_plan, _target_plan.c.id == targets.c.version_id)
            .outerjoin(target_revisions, and_(audit_log.c.entity == "target",
                                              target_revisions.c.target_id == targets.c.id,
                                              target_revisions.c.revised_at == audit_log.c.at))
            .outerjoin(actuals, and_(audit_log.c.entity == "actual",
                                     actuals.c.id == audit_log.c.entity_id))
            .outerjoin(submissions, and_(audit_log.c.entity == "submission",
                                         submissions.c.id == audit_log.c.entity_id))
            .outerjoin(task_progress, and_(audit_log.c.entity == "task_progress",
                                           task_progress.c.id == audit_log.c.entity_id)))


def _of_plan(plan_id: int) -> ColumnElement[bool]:
    return or_(and_(_PLAN, audit_log.c.entity_id == plan_id),
               _target_plan.c.plan_id == plan_id, actuals.c.plan_id == plan_id,
               submissions.c.plan_id == plan_id, task_progress.c.plan_id == plan_id)


def _about(indicator: str) -> ColumnElement[bool]:
    return or_(_INDICATOR.in_((indicator,)), and_(_PLAN, or_(
        _FIELD.in_((f"owner[{indicator}]", f"indicator[{indicator}]")),
        _FIELD.startswith(f"indicator[{indicator}].", autoescape=True))))


def _who(who: str) -> ColumnElement[bool]:
    if who == SYSTEM_WHO:
        return audit_log.c.user_id.is_(None)
    if who.isascii() and who.isdigit():
        return audit_log.c.user_id == int(who)
    return false()


def _conditions(plan_id: int, f: HistoryFilter) -> list[ColumnElement[bool]]:
    conds = [_of_plan(plan_id)]
    if f.indicator:
        conds.append(_about(f.indicator))
    if f.kind is not None:
        conds.append(KIND_WHERE[f.kind])
    if f.since is not None:
        conds.append(audit_log.c.at >= f.since)
    if f.until is not None:
        conds.append(audit_log.c.at < f.until)
    if f.who:
        conds.append(_who(f.who))
    return conds


def _rows(conds: list[ColumnElement[bool]]) -> Select[Any]:
    return (select(audit_log, _INDICATOR.label("indicator"),
                   task_progress.c.task_number.label("task_number"),
                   target_revisions.c.reason.label("reason"),
                   target_revisions.c.document.label("document"))
            .select_from(_joined()).where(*conds))


def page_history(storage: Storage, plan_id: int, f: HistoryFilter | None = None, *,
                 offset: int = 0, limit: int = 50) -> tuple[list[HistoryRow], int]:
    """The plan's history rows matching ``f``, newest first, from ``offset`` (at most
    ``limit``), and how many match in all."""
    conds = _conditions(plan_id, f or HistoryFilter())
    count = select(func.count()).select_from(_joined()).where(*conds)
    query = _rows(conds).order_by(audit_log.c.id.desc()).offset(offset).limit(limit)
    with storage.reading() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = conn.execute(query).mappings().all()
    return [_row(r) for r in rows], total


def history_people(storage: Storage, plan_id: int) -> list[tuple[int | None, str]]:
    """Who changed the plan: (account id or None for the system, latest name), by name."""
    query = (select(audit_log.c.user_id, func.max(audit_log.c.user_name))
             .select_from(_joined()).where(_of_plan(plan_id))
             .group_by(audit_log.c.user_id))
    with storage.reading() as conn:
        found = [(None if uid is None else int(uid), str(name))
                 for uid, name in conn.execute(query).all()]
    return sorted(found, key=lambda p: (p[0] is None, p[1]))


def _row(row: RowMapping) -> HistoryRow:
    return HistoryRow(**audit_fields(row), indicator=row["indicator"],
                      task_number=row["task_number"], reason=row["reason"],
                      document=row["document"])
