"""Migration 0008 (frozen — never edit once applied): who and which department by id.

* ``task_progress.department_id``: the department (of the plan's region) a progress report was
  filed for; existing rows resolve their department *name* within the plan's region (``市科技局``
  of a 日照 plan is ``日照市科技局``; a department row is created when none exists yet). The name
  stays as a display snapshot.
* ``submissions.submitted_by_id`` and ``audit_log.user_id``: the account that submitted / acted;
  existing rows take the id of the account with that username (none for ``cli`` and names no
  account has). The names stay as display snapshots.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, select

from planwatch.storage.migration_0006 import _qualify  # frozen with that migration
from planwatch.storage.types import UTCDateTime, utcnow


def _tables(md: MetaData) -> dict[str, Table]:
    Table("regions", md, Column("id", Integer, primary_key=True), Column("name", String(100)))
    Table("plans", md, Column("id", Integer, primary_key=True), Column("region_id", Integer))
    Table("users", md, Column("id", Integer, primary_key=True), Column("username", String(100)))
    Table("departments", md, Column("id", Integer, primary_key=True),
          Column("region_id", Integer), Column("name", String(200)),
          Column("name_key", String(200)), Column("created_at", UTCDateTime()))
    Table("task_progress", md, Column("id", Integer, primary_key=True),
          Column("plan_id", Integer), Column("department", String(200)),
          Column("department_id", Integer))
    Table("submissions", md, Column("id", Integer, primary_key=True),
          Column("submitted_by", String(100)), Column("submitted_by_id", Integer))
    Table("audit_log", md, Column("id", Integer, primary_key=True),
          Column("user_name", String(100)), Column("user_id", Integer))
    return dict(md.tables)


def _add_column(conn: Connection, table: str, column: str) -> None:
    """An integer id column (SQLite cannot add a named foreign key to an existing table, so the
    reference is kept by the code that writes it)."""
    kind = Integer().compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


def _department_id(conn: Connection, t: dict[str, Table], region_id: int | None,
                   region: str | None, name: str) -> int | None:
    full = _qualify(name, region)
    if not full:
        return None
    depts = t["departments"]
    where = (depts.c.region_id.is_(None) if region_id is None
             else depts.c.region_id == region_id)
    found = conn.execute(select(depts.c.id).where(where, depts.c.name_key == full.casefold()))
    existing = found.scalar()
    if existing is not None:
        return int(existing)
    result = conn.execute(depts.insert().values(
        region_id=region_id, name=full, name_key=full.casefold(), created_at=utcnow()))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _backfill_progress(conn: Connection, t: dict[str, Table]) -> None:
    progress, plans, regions = t["task_progress"], t["plans"], t["regions"]
    rows = conn.execute(
        select(progress.c.id, progress.c.department, plans.c.region_id, regions.c.name)
        .join(plans, plans.c.id == progress.c.plan_id)
        .outerjoin(regions, regions.c.id == plans.c.region_id)
        .where(progress.c.department.is_not(None))).all()
    for row in rows:
        dept_id = _department_id(conn, t, row.region_id, row.name, row.department)
        conn.execute(progress.update().where(progress.c.id == row.id).values(
            department_id=dept_id))


def _backfill_user_ids(conn: Connection, t: dict[str, Table]) -> None:
    users = t["users"]
    for table, name, id_column in (("submissions", "submitted_by", "submitted_by_id"),
                                   ("audit_log", "user_name", "user_id")):
        target = t[table]
        account = (select(users.c.id).where(users.c.username == target.c[name])
                   .scalar_subquery())
        conn.execute(target.update().values({id_column: account}))


def apply_0008(conn: Connection) -> None:
    t = _tables(MetaData())
    _add_column(conn, "task_progress", "department_id")
    _add_column(conn, "submissions", "submitted_by_id")
    _add_column(conn, "audit_log", "user_id")
    _backfill_progress(conn, t)
    _backfill_user_ids(conn, t)
