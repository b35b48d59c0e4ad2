"""Migration 0006 (frozen — never edit once applied): departments are rows of a region.

* table ``departments`` (id, region_id → regions, name, name_key, created_at; unique per region
  and name_key);
* ``users.department_id``, ``indicator_owners.department_id`` and
  ``submissions.department_id`` (department ids; written only through
  :mod:`planwatch.storage.departments` and the workflow).

Existing data: every plan's responsible departments (task lead / support) become departments of
the plan's region (``市科技局`` of 日照市 is ``日照市科技局``); an indicator owner and a
submission's department become the department of its plan's region; an account's department
name goes to the region it names (``烟台市科技局`` → 烟台市), else to the one region whose plans
name it, else to no region.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
    select,
)

from planwatch.storage.schema import NAMING_CONVENTION
from planwatch.storage.types import UTCDateTime, utcnow

_LEVELS = "省市县区"


def _squash(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _qualify(name: str, region: str | None) -> str:
    text, place = _squash(name), _squash(region)
    if not place or not text:
        return text
    short = place[:-1] if len(place) > 2 and place[-1] in _LEVELS else place
    if text.startswith((place, short)):
        return text
    if text[0] == place[-1] and text[0] in _LEVELS and len(text) > 1:
        return place + text[1:]
    return text


def _tables(md: MetaData) -> dict[str, Table]:
    Table("regions", md, Column("id", Integer, primary_key=True), Column("name", String(100)))
    Table("plans", md, Column("id", Integer, primary_key=True),
          Column("region_id", Integer))
    Table("plan_versions", md, Column("id", Integer, primary_key=True),
          Column("plan_id", Integer), Column("version_no", Integer), Column("plan_json", String))
    Table("users", md, Column("id", Integer, primary_key=True), Column("role", String(16)),
          Column("department", String(200)), Column("department_id", Integer))
    for table in ("indicator_owners", "submissions"):
        Table(table, md, Column("id", Integer, primary_key=True),
              Column("plan_id", Integer), Column("department", String(200)),
              Column("department_id", Integer))
    Table(
        "departments", md,
        Column("id", Integer, primary_key=True),
        Column("region_id", Integer, ForeignKey("regions.id"), nullable=True),
        Column("name", String(200), nullable=False),
        Column("name_key", String(200), nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
        UniqueConstraint("region_id", "name_key"),
    )  # fmt: skip
    return dict(md.tables)


def _add_fk_column(conn: Connection, table: str) -> None:
    """``department_id`` (ids of departments; SQLite cannot add a named foreign key to an
    existing table, so the reference is kept by the code that writes it)."""
    column = Integer().compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN department_id {column}")


class _Departments:
    def __init__(self, conn: Connection, table: Table, region_names: dict[int, str]) -> None:
        self.conn, self.table, self.region_names = conn, table, region_names
        self.known: dict[tuple[int | None, str], int] = {}

    def ensure(self, region_id: int | None, name: str) -> int | None:
        full = _qualify(name, self.region_names.get(region_id) if region_id else None)
        if not full:
            return None
        slot = (region_id, full.casefold())
        if slot not in self.known:
            result = self.conn.execute(self.table.insert().values(
                region_id=region_id, name=full, name_key=full.casefold(), created_at=utcnow()))
            self.known[slot] = int(result.inserted_primary_key[0])  # type: ignore[index]
        return self.known[slot]


def _plan_names(conn: Connection, t: dict[str, Table]) -> dict[int, tuple[int | None, list[str]]]:
    """plan id → (region id, responsible department names of its latest version)."""
    pv = t["plan_versions"]
    latest = select(pv.c.plan_id, func.max(pv.c.version_no).label("v")).group_by(
        pv.c.plan_id).subquery()
    query = select(pv.c.plan_id, pv.c.plan_json, t["plans"].c.region_id).join(
        latest, (latest.c.plan_id == pv.c.plan_id) & (latest.c.v == pv.c.version_no)).join(
        t["plans"], t["plans"].c.id == pv.c.plan_id)
    out: dict[int, tuple[int | None, list[str]]] = {}
    for row in conn.execute(query):
        data: dict[str, Any] = json.loads(row.plan_json)
        names = [str(n) for task in data.get("tasks") or []
                 for n in (*(task.get("lead") or []), *(task.get("support") or []))]
        out[int(row.plan_id)] = (row.region_id, names)
    return out


def apply_0006(conn: Connection) -> None:
    t = _tables(MetaData(naming_convention=NAMING_CONVENTION))
    t["departments"].create(conn)
    _add_fk_column(conn, "users")
    _add_fk_column(conn, "indicator_owners")
    _add_fk_column(conn, "submissions")
    region_names = {int(r.id): str(r.name) for r in conn.execute(select(t["regions"]))}
    depts = _Departments(conn, t["departments"], region_names)
    plan_names = _plan_names(conn, t)
    for region_id, names in plan_names.values():
        for name in names:
            depts.ensure(region_id, name)
    for owners in (t["indicator_owners"], t["submissions"]):
        rows = conn.execute(select(owners).where(owners.c.department.is_not(None))).all()
        for row in rows:
            region_id = plan_names.get(int(row.plan_id), (None, []))[0]
            dept_id = depts.ensure(region_id, row.department)
            conn.execute(owners.update().where(owners.c.id == row.id).values(
                department_id=dept_id))
    users = t["users"]
    for row in conn.execute(select(users).where(users.c.department.is_not(None))).all():
        region_id = _account_region(row.department, region_names, plan_names)
        dept_id = depts.ensure(region_id, row.department)
        conn.execute(users.update().where(users.c.id == row.id).values(department_id=dept_id))


def _account_region(name: str, region_names: dict[int, str],
                    plan_names: dict[int, tuple[int | None, list[str]]]) -> int | None:
    """The region an account's department name can be told to belong to, else None."""
    text = _squash(name)
    named = sorted(((len(rname), rid) for rid, rname in region_names.items()
                    if text.startswith(rname)), reverse=True)
    if named:
        return named[0][1]
    regions_naming = {region for region, names in plan_names.values()
                      if region is not None and any(_squash(n) == text for n in names)}
    return regions_naming.pop() if len(regions_naming) == 1 else None

