"""Set-based reads for the views across many regions (dashboard, comparison, index): the
region tree, the plans with their latest version, those versions' evaluation rows, and the
actuals — each one query however many regions are asked for (no query per region or per plan).

The values are the ones the one-plan reads give: :func:`version_rows` are the rows
:func:`planwatch.evaluate.rows.evaluation_rows` derives from the version's document with its
target revisions applied (as :func:`planwatch.storage.plans.latest_plan` does; stored with the
version, re-derived on each revision); :func:`latest_actuals` picks per plan and stored
indicator name the row :func:`planwatch.storage.actuals.best_actuals` followed by
``evaluate.status.latest_actual`` picks (final before provisional in a year)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    func,
    select,
    tuple_,
)
from sqlalchemy.dialects.postgresql import distinct_on

from planwatch.evaluate.rows import EvaluationRow, load_rows
from planwatch.model.actual import Actual
from planwatch.storage.engine import Storage
from planwatch.storage.regions import RegionRecord
from planwatch.storage.schema import (
    actuals,
    actuals_latest,
    evaluation_rows,
    plan_versions,
    plans,
    regions,
)
from planwatch.storage.schema_web import plan_archive, plan_visibility

CHUNK = 5000
"""Ids per IN list (SQLite allows 32,766 bound values; PostgreSQL far more)."""


@dataclass(frozen=True)
class PlanHead:
    """A plan's list entry with the id of its latest version."""

    id: int
    region_id: int | None
    title: str
    doc_type: str | None
    period_start: int | None
    period_end: int | None
    latest_version: int | None
    version_id: int | None
    is_public: bool


def _chunks(ids: Collection[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def _among(store: Storage, column: ColumnElement[Any], ids: Collection[int]
           ) -> list[ColumnElement[bool]]:
    """``column`` in ``ids``: on PostgreSQL one array parameter (``= ANY``: a statement of
    3,200 placeholders costs more to send than to run), elsewhere IN lists of CHUNK ids."""
    if store.dialect == "postgresql":
        return [column == any_(bindparam("ids", sorted(set(ids)), type_=ARRAY(Integer)))]
    return [column.in_(chunk) for chunk in _chunks(ids)]


def all_regions(store: Storage) -> list[RegionRecord]:
    """Every region, by name (the order of :func:`planwatch.storage.regions.list_regions`)."""
    with store.reading() as conn:
        rows = conn.execute(select(regions).order_by(regions.c.name)).mappings().all()
    return [RegionRecord.model_validate(dict(r)) for r in rows]


def _heads_query() -> Select[Any]:
    latest = (select(plan_versions.c.plan_id, func.max(plan_versions.c.version_no).label("no"))
              .group_by(plan_versions.c.plan_id).subquery())
    return (
        select(plans.c.id, plans.c.region_id, plans.c.title, plans.c.doc_type,
               plans.c.period_start, plans.c.period_end, latest.c.no,
               plan_versions.c.id.label("version_id"),
               func.coalesce(plan_visibility.c.is_public, False).label("is_public"))
        .outerjoin(latest, latest.c.plan_id == plans.c.id)
        .outerjoin(plan_versions, and_(plan_versions.c.plan_id == plans.c.id,
                                       plan_versions.c.version_no == latest.c.no))
        .outerjoin(plan_visibility, plan_visibility.c.plan_id == plans.c.id)
        .where(~select(plan_archive.c.plan_id).where(plan_archive.c.plan_id == plans.c.id)
               .exists())
        .order_by(plans.c.id))


def plan_heads(store: Storage, region_ids: Collection[int] | None, *,
               public_only: bool) -> list[PlanHead]:
    """The plans (not archived; ``public_only``: public ones) of ``region_ids`` (None: of
    every region), by id."""
    query = _heads_query()
    if public_only:
        query = query.where(plan_visibility.c.is_public.is_(True))
    batches = [None] if region_ids is None else list(_chunks(region_ids))
    out: list[PlanHead] = []
    with store.reading() as conn:
        for ids in batches:
            q = query if ids is None else query.where(plans.c.region_id.in_(ids))
            out += [PlanHead(int(r.id), r.region_id, r.title, r.doc_type, r.period_start,
                             r.period_end, r.no, r.version_id, bool(r.is_public))
                    for r in conn.execute(q)]
    return sorted(out, key=lambda h: h.id)


def version_rows(store: Storage, version_ids: Collection[int]
                 ) -> dict[int, list[EvaluationRow]]:
    """Version id → the rows the evaluation judges of it, in order (stored with the version,
    its current targets; what :func:`planwatch.evaluate.rows.evaluation_rows` gives of
    ``latest_plan``) — no document parsed."""
    out: dict[int, list[EvaluationRow]] = {}
    with store.reading() as conn:
        for cond in _among(store, evaluation_rows.c.version_id, version_ids):
            for vid, text in conn.execute(select(evaluation_rows.c.version_id,
                                                 evaluation_rows.c.rows_json).where(cond)):
                out[int(vid)] = load_rows(text)
    return out


class Observed(NamedTuple):
    """A stored actual as the batch reads it (the fields ``evaluate.batch_plans`` uses)."""

    plan_id: int
    indicator: str
    year: int
    value: float
    unit: str | None
    status: str


def _actual(row: Any) -> Actual:
    return Actual.model_construct(indicator=row.indicator, year=int(row.year),
                                  value=float(row.value), unit=row.unit, status=row.status,
                                  source=row.source, reported_on=None)


_LATEST = (actuals.c.plan_id, actuals.c.indicator, actuals.c.year, actuals.c.value,
           actuals.c.unit, actuals.c.status)


def _latest_query(store: Storage, among: ColumnElement[bool], year: int) -> Select[Any]:
    """Per (plan, name) its latest row at or before ``year``, final before provisional
    ('final' < 'provisional'), by plan and name. PostgreSQL: DISTINCT ON along the index
    ``ix_actuals_latest`` (an index-only scan: no sort, no heap); elsewhere the rows of the
    latest year by one hash aggregate and a join (the caller prefers the final)."""
    if store.dialect == "postgresql":
        return (select(*_LATEST).where(among, actuals.c.year <= year)
                .ext(distinct_on(actuals.c.plan_id, actuals.c.indicator))
                .order_by(actuals.c.plan_id, actuals.c.indicator, actuals.c.year.desc(),
                          actuals.c.status))
    last = (select(actuals.c.plan_id, actuals.c.indicator, func.max(actuals.c.year).label("y"))
            .where(among, actuals.c.year <= year)
            .group_by(actuals.c.plan_id, actuals.c.indicator).subquery())
    return (select(*_LATEST)
            .join(last, and_(actuals.c.plan_id == last.c.plan_id,
                             actuals.c.indicator == last.c.indicator,
                             actuals.c.year == last.c.y))
            .order_by(actuals.c.plan_id, actuals.c.indicator, actuals.c.status))


def latest_actuals(store: Storage, plan_ids: Collection[int], year: int) -> list[Observed]:
    """Per plan and stored indicator name, its latest row at or before ``year`` (final before
    provisional; SQLite: the latest year's final and provisional rows), by plan and name: the
    kept latest values (``actuals_latest``, in the key's order) — and for a plan with one of a
    later year than ``year``, its values read again from every value."""
    columns = [actuals_latest.c[c.name] for c in _LATEST]
    with store.reading() as conn:
        kept: list[Any] = []
        for cond in _among(store, actuals_latest.c.plan_id, plan_ids):
            kept += conn.execute(select(*columns).where(cond).order_by(
                actuals_latest.c.plan_id, actuals_latest.c.indicator)).all()
        later = {row[0] for row in kept if row[2] > year}
        again: dict[int, list[Any]] = {}
        for cond in _among(store, actuals.c.plan_id, later) if later else ():
            for plan_id, rows in groupby(conn.execute(_latest_query(store, cond, year)).all(),
                                         key=itemgetter(0)):
                again[plan_id] = list(rows)
    if not later:
        return [Observed(*row) for row in kept]
    out: list[Observed] = []
    for plan_id, rows in groupby(kept, key=itemgetter(0)):
        out += [Observed(*row) for row in (again.get(plan_id, ()) if plan_id in later else rows)]
    return out


def best_actuals_of(store: Storage, plan_ids: Collection[int], *, up_to: int | None = None,
                    names: Collection[tuple[int, str]] | None = None) -> dict[int, list[Actual]]:
    """Plan id → its actuals as ``best_actuals`` lists them (one per indicator and year, the
    final where reported, in its order); ``up_to``: years up to it only; ``names``: only
    these (plan id, stored indicator name) pairs."""
    base = select(actuals.c.plan_id, actuals.c.indicator, actuals.c.year, actuals.c.value,
                  actuals.c.unit, actuals.c.status, actuals.c.source)
    if up_to is not None:
        base = base.where(actuals.c.year <= up_to)
    base = base.order_by(actuals.c.plan_id, actuals.c.indicator, actuals.c.year,
                         actuals.c.status)
    if names is not None:
        pairs = sorted(set(names))
        conds = [tuple_(actuals.c.plan_id, actuals.c.indicator).in_(pairs[i:i + CHUNK // 2])
                 for i in range(0, len(pairs), CHUNK // 2)]
        queries = [base.where(c) for c in conds]
    else:
        queries = [base.where(cond) for cond in _among(store, actuals.c.plan_id, plan_ids)]
    best: dict[int, dict[tuple[str, int], Any]] = {}
    with store.reading() as conn:
        for query in queries:
            for row in conn.execute(query):
                mine = best.setdefault(int(row.plan_id), {})
                key = (row.indicator, row.year)
                if key not in mine or row.status == "final":
                    mine[key] = row
    return {pid: [_actual(r) for r in rows.values()] for pid, rows in best.items()}
