"""Units of measure (计量单位): one canonical spelling, one compatibility rule, one conversion.

Every layer that compares or converts units (extraction, actuals import, evaluation, storage,
the indicator catalogue) goes through this module; it imports nothing from planwatch.

Spelling (:func:`normalize_unit`): NFKC (``％`` → ``%``, full-width brackets → ASCII), no
whitespace, outer brackets dropped (``（亿元）`` → ``亿元``), middle-dot variants unified
(``人•年``, ``人.年`` → ``人·年``), ``人年`` written ``人·年`` and the aliases in :data:`ALIASES`
applied (``个百分点`` → ``百分点``, ``百分比`` → ``%``). A bare scale word (``亿``, ``万``) stays
as it is, except that :func:`complete_unit` reads it as money (``亿元``) after a money quantity.

Meaning (:func:`parse_unit`): a unit is a scale times a base, ``万亿元`` = 10¹² × ``元``; a
``A/B`` unit is the ratio of two such units (``件/万人`` = 10⁻⁴ × ``件/人``). ``%`` and ``‰``
are shares (‰ = 0.1 %); ``百分点`` is a difference of shares and is *not* ``%``. Two units are
convertible when they have the same base (:func:`convertible`), interchangeable when they also
have the same scale (:func:`interchangeable`); ``名`` and ``人`` are one base. A bare scale word
(``亿``) takes the base of the unit it is compared with (a column headed ``亿`` under a money
indicator is 亿元). Counting words (家, 个, 项 …) are different bases; both functions accept
them as one only when asked (``counts=True``).

Conversion (:func:`convert`, :func:`factor`) multiplies by the ratio of scales and raises
:class:`UnitMismatch` (Chinese + English message) for incompatible units.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ALIASES: dict[str, str] = {
    "百分比": "%",
    "百分数": "%",
    "个百分点": "百分点",
}
"""Spellings of one unit; keys and values are already NFKC, without spaces or dots."""

SCALES: dict[str, float] = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
    "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2, "十": 1e1,
}
"""Chinese scale words that may precede a base unit (longest first)."""

WHOLE_UNITS: dict[str, tuple[str, float]] = {
    "%": ("%", 1.0),
    "‰": ("%", 0.1),
    "百分点": ("百分点", 1.0),
    "千克": ("克", 1e3),
    "千米": ("米", 1e3),
    "千瓦": ("瓦", 1e3),
    "千瓦时": ("瓦时", 1e3),
    "兆瓦": ("瓦", 1e6),
    "吉瓦": ("瓦", 1e9),
}
"""Units that start like a scale word but are read whole: base and factor."""

BASE_SYNONYMS: dict[str, str] = {"名": "人", "位": "人", "人民币": "元", "元人民币": "元"}
"""Bases that count the same thing under another word."""

COUNT_UNITS = frozenset({"家", "个", "项", "件", "人", "名", "处", "所", "座", "条", "台", "套",
                         "只", "支", "户", "位", "篇", "部", "本", "种"})
"""Counting words (量词): interchangeable only where a caller says so."""

TALLY_UNITS = frozenset({"次", "人次"})
"""Counts of events: counts (never negative), but not interchangeable with 家/个."""

MONEY_WORDS = ("额", "产值", "收入", "投入", "经费", "资金", "支出", "规模", "营收", "投资",
               "效益")
"""Words of an indicator name that make a bare ``亿``/``万`` a sum of money."""

_DOTS = re.compile(r"[．.•・‧⋅∙]")
_OPEN, _CLOSE = "([【〔", ")]】〕"


class UnitMismatch(ValueError):
    """Two units that do not measure the same thing (亿元 vs %)."""

    def __init__(self, given: str | None, wanted: str | None) -> None:
        self.given, self.wanted = given, wanted
        self.message_zh = f"单位“{given}”与“{wanted}”不一致，无法换算"
        self.message_en = f"unit {given!r} cannot be converted to {wanted!r}"
        super().__init__(f"{self.message_zh} / {self.message_en}")


@dataclass(frozen=True)
class Unit:
    """A parsed unit: ``scale`` × ``base`` (``base`` may be ``a/b``; empty for a bare 亿)."""

    spelling: str
    base: str
    scale: float

    @property
    def bare(self) -> bool:
        """A scale word with no base (``亿``, ``万``)."""
        return self.base == ""


@lru_cache(maxsize=4096)
def normalize_unit(unit: str) -> str:
    """Canonical spelling of a unit (see the module docstring); ``""`` stays ``""``."""
    text = "".join(unicodedata.normalize("NFKC", unit).split())
    while len(text) > 1 and text[0] in _OPEN and text[-1] in _CLOSE:
        text = text[1:-1]
    text = _DOTS.sub("·", text)
    return ALIASES.get(text, text).replace("人年", "人·年")


def complete_unit(unit: str, name: str) -> str:
    """A bare ``亿``/``万``/``万亿`` after a money quantity (``研发经费投入``) is 亿元/万元/万亿元;
    any other unit is returned unchanged."""
    if unit in ("亿", "万", "万亿") and any(w in name for w in MONEY_WORDS):
        return unit + "元"
    return unit


def _simple(text: str) -> tuple[str, float]:
    """Base and scale of a unit without ``/``."""
    if text in WHOLE_UNITS:
        return WHOLE_UNITS[text]
    if text in BASE_SYNONYMS:
        return BASE_SYNONYMS[text], 1.0
    for word, scale in SCALES.items():
        if text.startswith(word) and text != word:
            base, inner = _simple(text[len(word):])
            return base, scale * inner
    if text in SCALES:
        return "", SCALES[text]
    return text, 1.0


@lru_cache(maxsize=4096)
def parse_unit(unit: str) -> Unit:
    """The scale and base of a unit as printed (``万亿元`` → 10¹² × 元)."""
    spelling = normalize_unit(unit)
    if "/" in spelling:
        top, _, bottom = spelling.partition("/")
        (tb, ts), (bb, bs) = _simple(top), _simple(bottom)
        return Unit(spelling, f"{tb}/{bb}", ts / bs)
    base, scale = _simple(spelling)
    return Unit(spelling, base, scale)


def _shares(base: str) -> bool:
    return base in ("%", "百分点")


def _bases_match(a: Unit, b: Unit, counts: bool) -> bool:
    if a.base == b.base:
        return True
    if a.bare or b.bare:  # 亿 beside 亿元: the bare scale takes the other's base
        return not (_shares(a.base) or _shares(b.base) or "/" in a.base + b.base)
    return counts and a.base in COUNT_UNITS and b.base in COUNT_UNITS


def convertible(a: str | None, b: str | None, *, counts: bool = False) -> bool:
    """Do ``a`` and ``b`` measure the same thing (万元 and 亿元 do)? A missing unit conflicts
    with nothing; ``counts=True`` lets counting words (家/个/项…) stand for one another."""
    if not a or not b:
        return True
    return _bases_match(parse_unit(a), parse_unit(b), counts)


def interchangeable(a: str | None, b: str | None, *, counts: bool = False) -> bool:
    """Can values in ``a`` and ``b`` be compared as they are (same thing, same scale: 亿 and 亿元
    can, 万元 and 亿元 cannot)? A missing unit conflicts with nothing."""
    if not a or not b:
        return True
    ua, ub = parse_unit(a), parse_unit(b)
    return _bases_match(ua, ub, counts) and math.isclose(ua.scale, ub.scale)


def same_unit(a: str | None, b: str | None) -> bool:
    """The same unit, spelled alike after :func:`normalize_unit` (both missing counts too)."""
    return normalize_unit(a or "") == normalize_unit(b or "")


def factor(given: str, wanted: str, *, counts: bool = False) -> float:
    """Multiply a value in ``given`` by this to express it in ``wanted``; raises
    :class:`UnitMismatch` when the units are incompatible."""
    a, b = parse_unit(given), parse_unit(wanted)
    if not _bases_match(a, b, counts):
        raise UnitMismatch(given, wanted)
    return a.scale / b.scale


def convert(value: float, given: str | None, wanted: str | None) -> float:
    """``value`` (in ``given``) expressed in ``wanted``; a missing unit on either side means the
    value is taken as it is. Raises :class:`UnitMismatch` for incompatible units."""
    if not given or not wanted:
        return value
    return value * factor(given, wanted)


def is_percent(unit: str | None) -> bool:
    """``%`` or ``‰`` (a share), not ``百分点``."""
    return bool(unit) and parse_unit(unit or "").base == "%"


def is_points(unit: str | None) -> bool:
    """``百分点`` / ``个百分点``: a difference of two shares."""
    return bool(unit) and parse_unit(unit or "").base == "百分点"


def is_count(unit: str | None) -> bool:
    """A counting word or a tally (家, 个, 项, 人, 人次 …), with or without a scale (万人)."""
    return bool(unit) and parse_unit(unit or "").base in COUNT_UNITS | TALLY_UNITS


def known_unit(text: str) -> bool:
    """Does ``text`` (a bracket's content, a column) read as a unit rather than a word?

    True for shares, scales with a base, counting words and ratios of those; conservative
    (``高新区`` is not a unit)."""
    spelling = normalize_unit(text)
    if not spelling or len(spelling) > 10:
        return False
    u = parse_unit(spelling)
    parts = u.base.split("/") if "/" in u.base else [u.base]
    return all(p in _KNOWN_BASES for p in parts) or (u.bare and "/" not in u.base)


_KNOWN_BASES = frozenset({*COUNT_UNITS, "%", "百分点", "元", "人·年", "人次", "次", "吨", "克",
                          "米", "平方米", "平方公里", "公里", "公顷", "亩", "瓦", "瓦时", "千瓦时",
                          "美元", "GDP", "年", "天", "小时", "倍", "册", "篇", "种", "标准箱",
                          "辆", "门", "栋", "间", "张", "株", "床"})
