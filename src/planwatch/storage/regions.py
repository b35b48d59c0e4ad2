"""Administrative regions (行政区划): province → city → county / district, with codes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping, select

from planwatch.storage.engine import Storage
from planwatch.storage.errors import StorageError
from planwatch.storage.schema import regions

Level = Literal["province", "city", "county", "district"]
RANK: dict[str, int] = {"province": 0, "city": 1, "county": 2, "district": 2}


class RegionRecord(BaseModel):
    id: int
    code: str | None
    name: str
    level: Level
    parent_id: int | None


def _record(row: RowMapping) -> RegionRecord:
    return RegionRecord.model_validate(dict(row))


def guess_level(name: str) -> Level:
    """Level from the name's suffix: 省/自治区 → province, 区 → district, 县/旗 → county,
    else city."""
    if name.endswith(("省", "自治区")) or name in ("北京市", "天津市", "上海市", "重庆市"):
        return "province"
    if name.endswith("区"):
        return "district"
    if name.endswith(("县", "旗")):
        return "county"
    return "city"


def _check_hierarchy(conn: Connection, level: str, parent_id: int | None) -> None:
    if level not in RANK:
        raise StorageError("bad-region-level", f"未知的行政级别：{level}", f"unknown level {level}")
    if parent_id is None:
        return
    parent = conn.execute(select(regions.c.level).where(regions.c.id == parent_id)).first()
    if parent is None:
        raise StorageError("unknown-region", "上级行政区不存在", f"no region {parent_id}")
    if RANK[parent.level] >= RANK[level]:
        raise StorageError(
            "bad-region-hierarchy",
            f"上级行政区级别（{parent.level}）须高于{level}",
            f"parent level {parent.level} must be above {level}",
        )


def ensure_region_in(
    conn: Connection, name: str, level: str, parent_id: int | None = None, code: str | None = None
) -> int:
    """Id of the region ``name`` at ``level`` under ``parent_id``; created when missing.

    A region known without a parent gets the parent (and code) filled in on a later call.
    """
    _check_hierarchy(conn, level, parent_id)
    found = (
        conn.execute(select(regions).where(regions.c.name == name, regions.c.level == level))
        .mappings()
        .all()
    )
    same: list[RowMapping] = [r for r in found if r["parent_id"] == parent_id]
    orphan = [r for r in found if r["parent_id"] is None]
    if parent_id is None and len(found) == 1:
        same = list(found)
    chosen = same[0] if same else (orphan[0] if orphan else None)
    if chosen is None:
        result = conn.execute(
            regions.insert().values(name=name, level=level, parent_id=parent_id, code=code)
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])
    updates: dict[str, object] = {}
    if parent_id is not None and chosen["parent_id"] is None:
        updates["parent_id"] = parent_id
    if code is not None and chosen["code"] is None:
        updates["code"] = code
    if updates:
        conn.execute(regions.update().where(regions.c.id == chosen["id"]).values(**updates))
    return int(chosen["id"])


def ensure_region(
    storage: Storage, name: str, level: str, parent: int | None = None, code: str | None = None
) -> int:
    """Id of region ``name`` (created when missing); ``parent`` is the id one level up."""
    with storage.atomic() as conn:
        return ensure_region_in(conn, name, level, parent, code)


def get_region(storage: Storage, region_id: int) -> RegionRecord | None:
    with storage.reading() as conn:
        row = conn.execute(select(regions).where(regions.c.id == region_id)).mappings().first()
    return None if row is None else _record(row)


def region_path(storage: Storage, region_id: int) -> list[RegionRecord]:
    """The region and its ancestors, top (province) first."""
    path: list[RegionRecord] = []
    current: int | None = region_id
    while current is not None and len(path) < 10:
        record = get_region(storage, current)
        if record is None:
            break
        path.append(record)
        current = record.parent_id
    return path[::-1]


def list_regions(storage: Storage, parent: int | None = None) -> list[RegionRecord]:
    """Regions directly under ``parent`` (top-level regions when ``None``), by name."""
    cond = regions.c.parent_id.is_(None) if parent is None else regions.c.parent_id == parent
    with storage.reading() as conn:
        rows = conn.execute(select(regions).where(cond).order_by(regions.c.name)).mappings().all()
    return [_record(r) for r in rows]
