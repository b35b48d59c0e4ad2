"""Which jurisdiction a document is for (region, level, parent, province).

The region comes from the title (or the issuing government, or the region's own 国民经济和社会发展
plan the preface cites); its level and parent from the region catalogue, falling back to the name's
suffix and to text cues (县（市）, 县级市, a prefecture city printed before the region's name).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from planwatch.catalog import regions
from planwatch.catalog.regions import Level, RegionInfo

_NAME = r"([\u4e00-\u9fff]{2,12}?(?:省|自治区|市|区|县|自治州|盟|旗))"
_ISSUER = re.compile("^" + _NAME + "(?:人民政府|委员会|政府)")
_OWN_MASTER_PLAN = re.compile("《" + _NAME + "国民经济和社会发展")
_COUNTY_CUES = ("县级市", "创新型县（市）", "百强县（市）", "县（市）", "全国百强县")
_PREFECTURE_CUES = ("各区县", "各区市", "各县（市、区）", "各县市区", "各县区", "区县（市）")


@dataclass(frozen=True)
class Jurisdiction:
    region: str | None = None
    level: Level | None = None
    parent: str | None = None
    province: str | None = None


def issuer_region(lines: list[str]) -> str | None:
    """The government that signs or issues: a line like '烟台市人民政府'."""
    for line in lines:
        m = _ISSUER.match(line.replace(" ", ""))
        if m:
            return m.group(1)
    return None


def master_plan_region(text: str) -> str | None:
    """The region whose own 国民经济和社会发展 plan the preface cites."""
    m = _OWN_MASTER_PLAN.search(text)
    return m.group(1) if m else None


def resolve(region: str, text: str) -> Jurisdiction:
    """Level, parent and province of ``region``, using the catalogue and the document text."""
    info = _pick_info(regions.lookup(region), text)
    if info is not None:
        up = info.parent if info.level != "province" else None
        return Jurisdiction(region, info.level, up, info.province)
    level = _level_from_name(region, text)
    parent = _parent_from_text(region, level, text)
    province = _province_of(parent, text) if level != "province" else region
    if level == "city" and parent is None:
        parent = province
    return Jurisdiction(region, level, parent, province)


def _pick_info(infos: list[RegionInfo], text: str) -> RegionInfo | None:
    if not infos:
        return None
    if len(infos) == 1:
        return infos[0]
    mentioned = [i for i in infos if i.parent and i.parent in text]
    if mentioned:
        return max(mentioned, key=lambda i: text.count(i.parent or ""))
    return infos[0]


def _level_from_name(region: str, text: str) -> Level:
    if region.endswith(("省", "自治区")):
        return "province"
    if region.endswith(("自治州", "地区", "盟")):
        return "city"
    if region.endswith("区"):
        return "district"
    if region.endswith(("县", "旗")):
        return "county"
    county = sum(text.count(c) for c in _COUNTY_CUES)
    prefecture = sum(text.count(c) for c in _PREFECTURE_CUES)
    return "county" if county > prefecture else "city"


def _parent_from_text(region: str, level: Level, text: str) -> str | None:
    if level == "province":
        return None
    if level == "city":
        return None
    before: list[str] = re.findall(
        r"([\u4e00-\u9fff]{2,8}?(?:市|自治州|地区|盟))" + re.escape(region), text)
    if before:
        return Counter(before).most_common(1)[0][0]
    counts = Counter[str]()
    for pref in regions.prefectures():
        if pref.name == region:
            continue
        n = text.count(pref.name) + text.count(regions.short_name(pref.name) + "“")
        if n:
            counts[pref.name] = n
    return counts.most_common(1)[0][0] if counts else None


def _province_of(parent: str | None, text: str) -> str | None:
    if parent:
        for info in regions.lookup(parent):
            return info.province
    counts = Counter({p: text.count(p) for p in regions.provinces() if p in text})
    return str(counts.most_common(1)[0][0]) if counts else None
