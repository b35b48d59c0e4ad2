"""Migration 0010 (frozen — never edit once applied): what the views over many plans read
without parsing documents.

* ``evaluation_rows``: per plan version, the rows the evaluation judges (its indicator table,
  then its evaluable prose targets) with the targets its target rows hold now (动态调整 applied),
  as one JSON array. Existing versions are filled from their stored document by the derivation
  the product uses (:func:`planwatch.evaluate.rows.evaluation_rows`: these rows are derived
  data, written from then on with each version and re-derived on each revision).
* ``actuals_latest``: per plan and stored indicator name its latest actual (the latest year,
  the final before the provisional), filled from the stored actuals and kept from then on with
  every write of actuals.
* ``ix_actuals_latest`` (PostgreSQL): actuals by plan, name, year descending and status, with
  value and unit included — the latest actual at or before an earlier year read by an
  index-only scan.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
)

from planwatch.evaluate.rows import dump_rows, evaluation_rows
from planwatch.model.plan import Plan
from planwatch.storage.metadata import NAMING_CONVENTION

BATCH = 500
"""Versions parsed per round (a large database is filled without holding every document)."""


def _tables(md: MetaData) -> dict[str, Table]:
    Table("plan_versions", md, Column("id", Integer, primary_key=True),
          Column("plan_json", Text))
    Table("targets", md, Column("id", Integer, primary_key=True), Column("version_id", Integer),
          Column("origin", String(16)), Column("position", Integer), Column("year", Integer),
          Column("value", Float), Column("original_year", Integer),
          Column("original_value", Float))
    Table("evaluation_rows", md,
          Column("version_id", Integer, ForeignKey("plan_versions.id"), primary_key=True),
          Column("rows_json", Text, nullable=False))
    Table("plans", md, Column("id", Integer, primary_key=True))
    Table("actuals", md, Column("id", Integer, primary_key=True), Column("plan_id", Integer),
          Column("indicator", String(300)), Column("year", Integer), Column("value", Float),
          Column("unit", String(50)), Column("status", String(12)))
    Table("actuals_latest", md,
          Column("plan_id", Integer, ForeignKey("plans.id"), primary_key=True),
          Column("indicator", String(300), primary_key=True),
          Column("year", Integer, nullable=False),
          Column("value", Float, nullable=False),
          Column("unit", String(50), nullable=True),
          Column("status", String(12), nullable=False))
    return dict(md.tables)


def _fill_latest(conn: Connection, t: dict[str, Table]) -> None:
    """Per plan and name its latest year's row, the final before the provisional."""
    a = t["actuals"]
    rank = func.row_number().over(partition_by=(a.c.plan_id, a.c.indicator),
                                  order_by=(a.c.year.desc(), a.c.status)).label("rank")
    ranked = select(a.c.plan_id, a.c.indicator, a.c.year, a.c.value, a.c.unit, a.c.status,
                    rank).subquery()
    columns = ["plan_id", "indicator", "year", "value", "unit", "status"]
    conn.execute(insert(t["actuals_latest"]).from_select(
        columns, select(*(ranked.c[c] for c in columns)).where(ranked.c.rank == 1)))


def _revised(plan: Plan, rows: list[Any]) -> Plan:
    """The targets the version's target rows hold now (as ``plans.latest_plan`` applies them)."""
    for row in rows:
        if row.value == row.original_value and row.year == row.original_year:
            continue
        if row.origin == "indicator" and row.position < len(plan.indicators):
            ind = plan.indicators[row.position]
            ind.target, ind.target_year = row.value, row.year
        elif row.origin == "prose" and row.position < len(plan.targets):
            target = plan.targets[row.position]
            target.value, target.year = row.value, row.year
    return plan


def _fill(conn: Connection, t: dict[str, Table]) -> None:
    versions, targets, out = t["plan_versions"], t["targets"], t["evaluation_rows"]
    ids = [int(i) for i in conn.execute(select(versions.c.id).order_by(versions.c.id)).scalars()]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        revised: dict[int, list[Any]] = {}
        for row in conn.execute(select(targets).where(targets.c.version_id.in_(chunk))
                                .order_by(targets.c.id)):
            revised.setdefault(int(row.version_id), []).append(row)
        rows: list[dict[str, Any]] = []
        for vid, doc in conn.execute(select(versions.c.id, versions.c.plan_json)
                                     .where(versions.c.id.in_(chunk))):
            plan = _revised(Plan.model_validate_json(doc), revised.get(int(vid), []))
            rows.append({"version_id": int(vid),
                         "rows_json": dump_rows(evaluation_rows(plan))})
        if rows:
            conn.execute(out.insert(), rows)


def apply_0010(conn: Connection) -> None:
    md = MetaData(naming_convention=NAMING_CONVENTION)
    t = _tables(md)
    t["evaluation_rows"].create(conn)
    _fill(conn, t)
    t["actuals_latest"].create(conn)
    _fill_latest(conn, t)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("CREATE INDEX ix_actuals_latest ON actuals "
                             "(plan_id, indicator, year DESC, status) INCLUDE (value, unit)")
