"""Departments (部门): rows belonging to a region (region → departments, by id).

A plan names its responsible departments in its own words (``市科技局``); within the plan's
region that is the region's department (``日照市科技局`` of 日照市). :func:`qualify` gives the
full name, :func:`ensure_department` the row (created when new), :func:`find_department` the
row without creating it. Access checks compare department ids, never names.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping, select

from planwatch.catalog.names import squash_name
from planwatch.storage.engine import Storage, inserted_id
from planwatch.storage.errors import StorageError
from planwatch.storage.schema import plans, regions
from planwatch.storage.schema_web import departments
from planwatch.storage.types import utcnow

LEVEL_CHARS = "省市县区"


class DepartmentRecord(BaseModel):
    id: int
    region_id: int | None
    name: str
    region: str | None = None
    created_at: datetime


def qualify(name: str, region: str | None) -> str:
    """The full name of department ``name`` of ``region``: ``市科技局`` of 日照市 is
    ``日照市科技局``; a name that already opens with the region (or its short form, 日照) and a
    name without a leading level word (科技局, 国家统计局) are kept; spaces are dropped."""
    text = squash_name(name)
    place = squash_name(region)
    if not place or not text:
        return text
    short = place[:-1] if len(place) > 2 and place[-1] in LEVEL_CHARS else place
    if text.startswith((place, short)):
        return text
    if text[0] == place[-1] and text[0] in LEVEL_CHARS and len(text) > 1:
        return place + text[1:]
    return text


def key(name: str) -> str:
    """The compared form of a full department name (squashed, case-folded)."""
    return squash_name(name).casefold()


def _region_name(conn: Connection, region_id: int | None) -> str | None:
    if region_id is None:
        return None
    return conn.execute(select(regions.c.name).where(regions.c.id == region_id)).scalar()


def plan_region_id(conn: Connection, plan_id: int) -> int | None:
    return conn.execute(select(plans.c.region_id).where(plans.c.id == plan_id)).scalar()


def find_department(conn: Connection, region_id: int | None, name: str) -> int | None:
    """Id of the department ``name`` (qualified within the region), or None."""
    full = qualify(name, _region_name(conn, region_id))
    region_cond = (departments.c.region_id.is_(None) if region_id is None
                   else departments.c.region_id == region_id)
    query = select(departments.c.id).where(region_cond, departments.c.name_key == key(full))
    found = conn.execute(query).scalar()
    return None if found is None else int(found)


def ensure_department(conn: Connection, region_id: int | None, name: str) -> int:
    """Id of the department ``name`` of the region, created when new."""
    found = find_department(conn, region_id, name)
    if found is not None:
        return found
    full = qualify(name, _region_name(conn, region_id))
    if not full:
        raise StorageError("department-required", "部门名称为空", "empty department name")
    return inserted_id(conn.execute(departments.insert().values(
        region_id=region_id, name=full, name_key=key(full), created_at=utcnow())))


def ensure_plan_departments(conn: Connection, region_id: int | None,
                            names: list[str]) -> dict[str, int]:
    """Name in the plan → department id of the plan's region (rows created when new)."""
    return {name: ensure_department(conn, region_id, name) for name in names if squash_name(name)}


def resolve_plan_departments(storage: Storage, plan_id: int, names: list[str]) -> dict[str, int]:
    """Name in the plan → id of the existing department of the plan's region (names without a
    department row are left out)."""
    out: dict[str, int] = {}
    with storage.reading() as conn:
        region_id = plan_region_id(conn, plan_id)
        for name in names:
            found = find_department(conn, region_id, name)
            if found is not None:
                out[name] = found
    return out


def _record(row: RowMapping) -> DepartmentRecord:
    return DepartmentRecord.model_validate(dict(row))


_QUERY = select(departments.c.id, departments.c.region_id, departments.c.name,
                departments.c.created_at, regions.c.name.label("region")).outerjoin(
    regions, regions.c.id == departments.c.region_id)


def get_department(storage: Storage, department_id: int) -> DepartmentRecord | None:
    with storage.reading() as conn:
        row = conn.execute(_QUERY.where(departments.c.id == department_id)).mappings().first()
    return None if row is None else _record(row)


def list_departments(storage: Storage, region_id: int | None = None) -> list[DepartmentRecord]:
    """Every department (or those of one region), by region and name."""
    query = _QUERY if region_id is None else _QUERY.where(departments.c.region_id == region_id)
    with storage.reading() as conn:
        rows = conn.execute(query.order_by(departments.c.region_id, departments.c.name))
        return [_record(r) for r in rows.mappings()]


def departments_named(storage: Storage, name: str) -> list[DepartmentRecord]:
    """Departments whose full name is ``name``, or whose name within their region is
    (``市科技局`` names 日照市科技局 and 烟台市科技局)."""
    with storage.reading() as conn:
        rows = list(conn.execute(_QUERY).mappings())
    return [_record(r) for r in rows
            if key(r["name"]) in (key(name), key(qualify(name, r["region"])))]


def region_by_name(storage: Storage, name: str) -> int | None:
    """Id of the region called ``name`` (or, failing that, the one whose name opens ``name``,
    longest first: 烟台市科技局 → 烟台市); None when none."""
    text = squash_name(name)
    with storage.reading() as conn:
        rows = [(int(r.id), str(r.name)) for r in conn.execute(select(regions.c.id,
                                                                        regions.c.name))]
    exact = [rid for rid, rname in rows if rname == text]
    if exact:
        return exact[0]
    prefixed = sorted(((len(rname), rid) for rid, rname in rows if text.startswith(rname)),
                      reverse=True)
    return prefixed[0][1] if prefixed else None


def add_department(storage: Storage, region_id: int | None, name: str) -> int:
    with storage.atomic() as conn:
        return ensure_department(conn, region_id, name)
