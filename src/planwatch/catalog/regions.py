"""A small catalogue of Chinese administrative divisions (行政区划).

``regions.yaml`` (shipped package data) lists every provincial-level division, its
prefecture-level divisions (地级市、地区、自治州、盟) and, where known, their county-level
divisions (市辖区、县、县级市). Municipalities (直辖市) list their districts under ``_``.
The file is a two-level YAML mapping read with a tiny parser (no YAML dependency).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

Level = Literal["province", "city", "county", "district"]

MUNICIPALITY_KEY = "_"
_SUFFIXES = ("自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "州", "盟", "旗")


@dataclass(frozen=True)
class RegionInfo:
    """One known division: its level, the division one level up and its province."""

    name: str
    level: Level
    parent: str | None
    province: str


def county_level(name: str) -> Level:
    """Level of a county-level division from its name: 区 → district, 县/市/旗 → county."""
    return "district" if name.endswith("区") else "county"


@dataclass
class _Catalog:
    by_name: dict[str, list[RegionInfo]]


def _parse(text: str) -> _Catalog:
    by_name: dict[str, list[RegionInfo]] = {}

    def add(info: RegionInfo) -> None:
        by_name.setdefault(info.name, []).append(info)

    province = ""
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        key, _, rest = raw.strip().partition(":")
        if not raw.startswith(" "):
            province = key
            add(RegionInfo(province, "province", None, province))
            continue
        children = rest.split()
        if key == MUNICIPALITY_KEY:
            for child in children:
                add(RegionInfo(child, "district", province, province))
            continue
        add(RegionInfo(key, "city", province, province))
        for child in children:
            add(RegionInfo(child, county_level(child), key, province))
    return _Catalog(by_name)


@lru_cache(maxsize=1)
def _catalog() -> _Catalog:
    text = resources.files("planwatch.catalog").joinpath("regions.yaml").read_text("utf-8")
    return _parse(text)


def lookup(name: str) -> list[RegionInfo]:
    """Every known division printed as ``name`` (市中区 exists in two cities)."""
    return list(_catalog().by_name.get(name, ()))


def is_province(name: str) -> bool:
    return any(r.level == "province" for r in lookup(name))


def is_prefecture(name: str) -> bool:
    """True for a prefecture-level division (地级市 etc.), e.g. 淄博市; False for 青州市."""
    return any(r.level == "city" for r in lookup(name))


def prefectures() -> list[RegionInfo]:
    """All prefecture-level divisions in the catalogue."""
    return [r for infos in _catalog().by_name.values() for r in infos if r.level == "city"]


def provinces() -> list[str]:
    return [n for n, infos in _catalog().by_name.items()
            if any(r.level == "province" for r in infos)]


def short_name(name: str) -> str:
    """Name without its administrative suffix: 淄博市 → 淄博, 山东省 → 山东 (≥2 chars kept)."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


_NAME_AT_START = re.compile(
    r"^([\u4e00-\u9fff]{2,12}?(?:自治区|自治州|自治县|地区|省|市|区|县|盟|旗))"
)


def leading_region(text: str) -> str | None:
    """The division a title or heading starts with: the longest known name, else by suffix.

    '烟台市人民政府关于…' → 烟台市; '芝罘区“十四五”…' → 芝罘区; '山东省…' → 山东省.
    """
    for size in range(min(len(text), 14), 1, -1):
        if lookup(text[:size]):
            return text[:size]
    m = _NAME_AT_START.match(text)
    return m.group(1) if m else None
