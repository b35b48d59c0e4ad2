"""One page of a list and how many rows there are in all, counted and cut in SQL (``COUNT``,
``LIMIT``/``OFFSET``, ``ROW_NUMBER``): submissions newest first, API tokens, accounts, archived
plans and the plans of a region — the lists of the HTML pages that grow with use."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, Table, func, select

from planwatch.storage.engine import Storage
from planwatch.storage.plan_archive import ArchiveRecord
from planwatch.storage.plans import PlanSummary
from planwatch.storage.schema import plan_versions, plans
from planwatch.storage.schema_web import (
    api_tokens,
    plan_archive,
    plan_visibility,
    submissions,
    users,
)
from planwatch.storage.submissions import SubmissionRecord
from planwatch.storage.users import TokenRecord, UserRecord


class ArchivedPlan(BaseModel):
    """An archived plan's title with who archived it, when and why."""

    title: str
    archive: ArchiveRecord


def _page(storage: Storage, table: Table, order: list[ColumnElement[Any]],
          conds: list[ColumnElement[bool]], *, offset: int,
          limit: int) -> tuple[list[dict[str, Any]], int]:
    """The rows of ``table`` matching ``conds`` in ``order`` from ``offset``, at most
    ``limit``, and how many match in all."""
    query = select(table).order_by(*order)
    count = select(func.count()).select_from(table).where(*conds)
    with storage.reading() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = conn.execute(query.where(*conds).offset(offset).limit(limit)).mappings().all()
    return [dict(r) for r in rows], total


def page_submissions_newest(storage: Storage, plan_id: int, *, department_id: int | None = None,
                            indicator: str | None = None, offset: int = 0,
                            limit: int = 50) -> tuple[list[SubmissionRecord], int]:
    """Submissions of a plan (of one department and indicator), newest first, and the total."""
    conds = [submissions.c.plan_id == plan_id]
    if department_id is not None:
        conds.append(submissions.c.department_id == department_id)
    if indicator is not None:
        conds.append(submissions.c.indicator == indicator)
    rows, total = _page(storage, submissions, [submissions.c.id.desc()], conds, offset=offset,
                        limit=limit)
    return [SubmissionRecord.model_validate(r) for r in rows], total


def page_tokens(storage: Storage, user_id: int, *, offset: int = 0,
                limit: int = 50) -> tuple[list[TokenRecord], int]:
    """API tokens of an account, newest first, and the total."""
    rows, total = _page(storage, api_tokens, [api_tokens.c.id.desc()],
                        [api_tokens.c.user_id == user_id], offset=offset, limit=limit)
    return [TokenRecord.model_validate(r) for r in rows], total


def page_users(storage: Storage, *, offset: int = 0,
               limit: int = 50) -> tuple[list[UserRecord], int]:
    """Accounts by id, and the total."""
    rows, total = _page(storage, users, [users.c.id], [], offset=offset, limit=limit)
    return [UserRecord.model_validate(r) for r in rows], total


def page_archived_plans(storage: Storage, *, offset: int = 0,
                        limit: int = 50) -> tuple[list[ArchivedPlan], int]:
    """Archived plans, most recently archived first, and the total."""
    query = (select(plan_archive, plans.c.title.label("title"))
             .select_from(plan_archive.join(plans, plans.c.id == plan_archive.c.plan_id))
             .order_by(plan_archive.c.archived_at.desc(), plan_archive.c.plan_id.desc()))
    with storage.reading() as conn:
        total = int(conn.execute(select(func.count()).select_from(plan_archive)).scalar_one())
        rows = conn.execute(query.offset(offset).limit(limit)).mappings().all()
    out = []
    for r in rows:
        row = dict(r)
        title = str(row.pop("title"))
        out.append(ArchivedPlan(title=title, archive=ArchiveRecord.model_validate(row)))
    return out, total


def _listed(public_only: bool) -> list[ColumnElement[bool]]:
    """Plans on the lists: not archived (and public, for anonymous visitors)."""
    conds: list[ColumnElement[bool]] = [plans.c.id.not_in(select(plan_archive.c.plan_id))]
    if public_only:
        conds.append(plans.c.id.in_(select(plan_visibility.c.plan_id).where(
            plan_visibility.c.is_public.is_(True))))
    return conds


def _summaries(conds: list[ColumnElement[bool]]) -> Select[Any]:
    latest = (select(plan_versions.c.plan_id,
                     func.max(plan_versions.c.version_no).label("latest_version"))
              .group_by(plan_versions.c.plan_id).subquery())
    return (select(plans.c.id, plans.c.region_id, plans.c.title, plans.c.doc_type,
                   plans.c.period_start, plans.c.period_end, latest.c.latest_version)
            .outerjoin(latest, latest.c.plan_id == plans.c.id).where(*conds)
            .order_by(plans.c.id))


def _region(region_id: int | None) -> ColumnElement[bool]:
    return plans.c.region_id.is_(None) if region_id is None else plans.c.region_id == region_id


def region_plan_counts(storage: Storage, *, public_only: bool) -> dict[int | None, int]:
    """How many listed plans each region has (``None``: plans without a region)."""
    query = (select(plans.c.region_id, func.count()).where(*_listed(public_only))
             .group_by(plans.c.region_id))
    with storage.reading() as conn:
        return {r: int(n) for r, n in conn.execute(query).all()}


def first_plans_by_region(storage: Storage, *, public_only: bool,
                          per_region: int) -> list[PlanSummary]:
    """The first ``per_region`` listed plans (by id) of every region."""
    rank = func.row_number().over(partition_by=plans.c.region_id, order_by=plans.c.id)
    ranked = select(plans.c.id, rank.label("rank")).where(*_listed(public_only)).subquery()
    chosen = select(ranked.c.id).where(ranked.c.rank <= per_region)
    with storage.reading() as conn:
        rows = conn.execute(_summaries([plans.c.id.in_(chosen)])).mappings().all()
    return [PlanSummary.model_validate(dict(r)) for r in rows]


def page_region_plans(storage: Storage, region_id: int | None, *, public_only: bool,
                      offset: int = 0, limit: int = 50) -> tuple[list[PlanSummary], int]:
    """The listed plans of one region (``None``: without a region) by id, and the total."""
    conds = [*_listed(public_only), _region(region_id)]
    count = select(func.count()).select_from(plans).where(*conds)
    with storage.reading() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = conn.execute(_summaries(conds).offset(offset).limit(limit)).mappings().all()
    return [PlanSummary.model_validate(dict(r)) for r in rows], total


class PlanFilter(BaseModel):
    """What the plan list (规划列表) is narrowed to; None: no condition. ``status``:
    ``public`` (公开), ``internal`` (未公开) or ``archived`` (已归档; otherwise archived plans are
    left out)."""

    search: str | None = None
    """Words the title contains (case-insensitive, ``%``/``_`` taken literally)."""
    region_ids: list[int] | None = None
    """The plan's region is one of these (a region and the regions below it)."""
    period: tuple[int, int] | None = None
    """The plan's period is exactly this (start, end)."""
    status: str | None = None


def _public_ids() -> Select[Any]:
    return select(plan_visibility.c.plan_id).where(plan_visibility.c.is_public.is_(True))


def _filtered(f: PlanFilter, public_only: bool) -> list[ColumnElement[bool]]:
    archived = select(plan_archive.c.plan_id)
    conds: list[ColumnElement[bool]] = [
        plans.c.id.in_(archived) if f.status == "archived" else plans.c.id.not_in(archived)]
    if public_only or f.status == "public":
        conds.append(plans.c.id.in_(_public_ids()))
    if f.status == "internal":
        conds.append(plans.c.id.not_in(_public_ids()))
    if f.search:
        conds.append(func.lower(plans.c.title).contains(f.search.lower(), autoescape=True))
    if f.region_ids is not None:
        conds.append(plans.c.region_id.in_(f.region_ids))
    if f.period is not None:
        conds += [plans.c.period_start == f.period[0], plans.c.period_end == f.period[1]]
    return conds


def page_plans(storage: Storage, f: PlanFilter, *, public_only: bool, offset: int = 0,
               limit: int = 50) -> tuple[list[PlanSummary], int]:
    """The plans matching ``f`` by id (anonymous visitors: public ones only), and the total."""
    conds = _filtered(f, public_only)
    count = select(func.count()).select_from(plans).where(*conds)
    with storage.reading() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = conn.execute(_summaries(conds).offset(offset).limit(limit)).mappings().all()
    return [PlanSummary.model_validate(dict(r)) for r in rows], total


def plan_periods(storage: Storage, *, public_only: bool) -> list[tuple[int, int]]:
    """The distinct (start, end) periods of the listed plans, newest first."""
    query = (select(plans.c.period_start, plans.c.period_end).distinct()
             .where(*_listed(public_only), plans.c.period_start.is_not(None),
                    plans.c.period_end.is_not(None)))
    with storage.reading() as conn:
        rows = conn.execute(query).all()
    return sorted(((int(a), int(b)) for a, b in rows), reverse=True)
