"""Which jurisdiction a document is for (region, level, parent, province).

The region comes from the title (or the issuing government, or the region's own 国民经济和社会发展
plan the preface cites); its level, parent and province from the region catalogue (every division of
China, with the names in use since 2015). A name the catalogue does not know stays unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from planwatch.catalog import regions
from planwatch.catalog.regions import RegionInfo
from planwatch.model.plan import RegionLevel

_NAME = r"([\u4e00-\u9fff]{2,12}?(?:省|自治区|市|区|县|自治州|盟|旗))"
_ISSUER = re.compile("^" + _NAME + "(?:人民政府|委员会|政府)")
_OWN_MASTER_PLAN = re.compile("《" + _NAME + "国民经济和社会发展")

NATIONAL = "全国"
# The central bodies that issue national documents: the Party centre and the State Council with
# their offices, the NPC, the ministries and commissions (full and short names), and the 国家…局/
# 委/署 agencies. A document issued (or explained) by one of them is for the whole country.
_CENTRAL = re.compile(
    r"(?:中共中央|国务院|全国人民代表大会|全国人大|最高人民(?:法院|检察院)|中央军委)"
    r"(?:办公厅|常务委员会|常委会)?"
    r"|中央(?:组织部|宣传部|统战部|网信办|编办|机构编制委员会办公室|财经委员会办公室)"
    r"|(?:科学技术|科技|教育|工业和信息化|财政|人力资源(?:和)?社会保障|农业(?:农村)?|水利|商务"
    r"|自然资源|生态环境|住房(?:和)?城乡建设|交通运输|文化(?:和旅游)?|民政|司法|公安|外交"
    r"|国防|退役军人事务|应急管理|国土资源|环境保护|卫生)部"
    r"|(?:审计|海关总)署|(?:中国)?人民银行|国资委|(?:国家)?发展(?:和)?改革委(?:员会)?"
    r"|中国(?:科学院|工程院|科协|证监会|银保监会|社会科学院)"
    r"|(?:税务|市场监管|体育|食品药品监管|质检|广电|新闻出版广电)总局"
    r"|国家(?!级)[\u4e00-\u9fff]{1,10}?(?:委员会|总局|局|委|署|办公室)"
)
_CENTRAL_LINE = re.compile(
    r"^((?:中华人民共和国)?(?:" + _CENTRAL.pattern + r")[\u4e00-\u9fff、]{0,80}?)"
    r"(?:关于|印发|转发|联合印发|令(?:第|$)|\d{4}年|[〇○零一二三四五六七八九]{4}年|$)")
_EXPLAINED_BY = re.compile(r"由((?:" + _CENTRAL.pattern + r")[\u4e00-\u9fff、]{0,40}?)负责解释")
# 国发/国办发/国科发…, and a central department's own prefix without a place before it
# (发改能源〔2026〕884号 of the NDRC; 粤发改… is Guangdong's)
_NATIONAL_NUMBER = re.compile(
    r"^(?:国|发改|工信部|财|教|人社部|自然资|环)[\u4e00-\u9fff]{0,4}[〔\[［(（【]\s*\d{4}")


@dataclass(frozen=True)
class Jurisdiction:
    region: str | None = None
    level: RegionLevel | None = None
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


def _central_issuer(line: str) -> bool:
    """'国务院', '科技部 农业部 …关于印发…', '科 技 部2019年8月5日': a line that opens with a
    central body and continues only with more issuers, then 关于/印发, a date or its end."""
    s = "".join(line.split())
    m = _CENTRAL_LINE.match(s)
    if not m or regions.leading_region(s) is not None:
        return False
    return not any(short in m.group(1) for short in _province_short_names())  # 海关总署广东分署


@lru_cache(maxsize=1)
def _province_short_names() -> tuple[str, ...]:
    return tuple(regions.short_name(p) for p in regions.provinces())


def issuer(lines: list[str]) -> str | None:
    """The issuing government of the first issuer line: a local division ('烟台市人民政府') or
    :data:`NATIONAL` for a central body ('国务院', '科技部 发展改革委…关于印发…的通知')."""
    for line in lines:
        head = line[:200]  # an issuer line is short; a long block is read only at its start
        local = issuer_region([head])
        if local:
            return local
        if _central_issuer(head):
            return NATIONAL
    return None


_NATIONAL_CONGRESS = re.compile(r"在第?[^。，]{0,12}届全国人民代表大会[^。，]{0,12}会议上")


def national_by_text(text: str, number: str | None) -> bool:
    """A document without an issuer line that is still national: its 文号 is the State Council's
    or a central department's (国发/国办发/国科发…), or a central body explains it
    (本办法由中央组织部、科技部负责解释)."""
    if number and _NATIONAL_NUMBER.match(number):
        return True
    if _NATIONAL_CONGRESS.search(text[:600]):
        return True  # a report delivered to the National People's Congress
    at = text.find("负责解释")
    while at >= 0:  # only the clause before each 负责解释 is read
        if _EXPLAINED_BY.search(text, max(0, at - 60), at + 4):
            return True
        at = text.find("负责解释", at + 4)
    return False


_OWN_PROVINCE = re.compile(r"我省|全省|省委|省政府|省人民政府|省科技厅|省财政厅|省发展改革委")


def own_province(text: str) -> str | None:
    """A page that speaks of 我省/全省/省政府 without naming its issuer (a 政策解读 of
    '《…若干措施》'): the province it names far more often than any other (at least twice, twice
    as often as the next one); else unknown."""
    if not _OWN_PROVINCE.search(text):
        return None
    names = _province_names()
    counts = Counter(names[m.group(0)] for m in _province_pattern().finditer(text))
    counts.update(_numbered_provinces(text))
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (name, best), (_, second) = ranked[0], ranked[1]
    return name if best >= 2 and best >= 2 * second else None


# a provincial document number: 粤科规范字〔2021〕3号 (the abbreviation opens the issuer's code)
_PROVINCE_NUMBER = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[\u4e00-\u9fff]{1,8}[〔\[［]\s*\d{4}")


def _numbered_provinces(text: str) -> list[str]:
    """The provinces whose document numbers the text cites (粤府办〔2022〕14号 → 广东省)."""
    found = (regions.province_of_abbreviation(m.group(1)) for m in _PROVINCE_NUMBER.finditer(text))
    return [p for p in found if p]


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    """Every province by its full and its short name (广东省, 广东 → 广东省)."""
    out = {p: p for p in regions.provinces()}
    out.update({regions.short_name(p): p for p in regions.provinces()})
    return out


@lru_cache(maxsize=1)
def _province_pattern() -> re.Pattern[str]:
    return re.compile("|".join(sorted(_province_names(), key=len, reverse=True)))


def master_plan_region(text: str) -> str | None:
    """The region whose own 国民经济和社会发展 plan the preface cites."""
    m = _OWN_MASTER_PLAN.search(text)
    return regions.known_tail(m.group(1)) if m else None


def resolve(region: str, text: str) -> Jurisdiction:
    """Level, parent and province of ``region`` from the catalogue; a place the catalogue does not
    know keeps its name with level, parent and province unknown (``None``) — never guessed.
    :data:`NATIONAL` is the whole country: level ``national``, no parent, no province."""
    if region == NATIONAL:
        return Jurisdiction(region, "national")
    info = _pick_info(regions.lookup(region), text)
    if info is None:
        return Jurisdiction(region)
    up = info.parent if info.level != "province" else None
    name = info.name if regions.zone(region) is not None else region  # a zone's alias: its name
    return Jurisdiction(name, info.level, up, info.province or None)


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


