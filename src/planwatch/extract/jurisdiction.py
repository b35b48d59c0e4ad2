"""Which jurisdiction a document is for (region, level, parent, province).

The region comes from the title (or the issuing government, or the region's own 国民经济和社会发展
plan the preface cites); its level, parent and province from the region catalogue (every division of
China, with the names in use since 2015). A name the catalogue does not know stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.catalog import regions
from planwatch.catalog.regions import Level, RegionInfo

_NAME = r"([\u4e00-\u9fff]{2,12}?(?:省|自治区|市|区|县|自治州|盟|旗))"
_ISSUER = re.compile("^" + _NAME + "(?:人民政府|委员会|政府)")
_OWN_MASTER_PLAN = re.compile("《" + _NAME + "国民经济和社会发展")


@dataclass(frozen=True)
class Jurisdiction:
    region: str | None = None
    level: Level | None = None
    parent: str | None = None
    province: str | None = None


def issuer_region(lines: list[str]) -> str | None:
    """The government that signs or issues: a line like '烟台市人民政府' (a known division)."""
    for line in lines:
        line = line.replace(" ", "")
        m = _ISSUER.match(line)
        rest = line[m.end():] if m else ""
        if len(rest) > 24 and not rest.startswith(("关于", "办公")):
            continue  # a sentence of the text ('深圳市人民政府可以按照…'), not a signature
        found = regions.known_tail(m.group(1)) if m else None
        if found:
            return found
    return None


def master_plan_region(text: str) -> str | None:
    """The region whose own 国民经济和社会发展 plan the preface cites."""
    m = _OWN_MASTER_PLAN.search(text)
    return regions.known_tail(m.group(1)) if m else None


def resolve(region: str, text: str) -> Jurisdiction:
    """Level, parent and province of ``region`` from the catalogue; a place the catalogue does not
    know keeps its name with level, parent and province unknown (``None``) — never guessed."""
    info = _pick_info(regions.lookup(region), text)
    if info is None:
        return Jurisdiction(region)
    up = info.parent if info.level != "province" else None
    return Jurisdiction(region, info.level, up, info.province or None)


def _pick_info(infos: list[RegionInfo], text: str) -> RegionInfo | None:
    """The one division meant: the only one, else the one whose prefecture (or province) the text
    names most; several equally likely ones give only what they share."""
    if len(infos) <= 1:
        return infos[0] if infos else None
    for key in ("parent", "province"):
        counts = {i: _mentions(getattr(i, key) or "", text) for i in infos}
        best = max(counts.values())
        if best:
            infos = [i for i in infos if counts[i] == best]
            if len(infos) == 1:
                return infos[0]
    current = [i for i in infos if not i.former] or infos
    first = current[0]
    if all(i.level == first.level for i in current):
        same = all(i.parent == first.parent for i in current)
        province = first.province if all(i.province == first.province for i in current) else ""
        return RegionInfo(first.name, first.level, first.parent if same else None, province)
    return None


def _mentions(name: str, text: str) -> int:
    if not name:
        return 0
    short = regions.short_name(name)
    return text.count(name) + (text.count(short) if short != name else 0)


