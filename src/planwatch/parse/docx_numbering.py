"""Rebuild Word's automatic numbering (numbering.xml), which is not part of the paragraph text.

Headings such as 一、 （一） 1. produced by ``w:numPr`` are computed here: counters per numId and
level, deeper levels reset when a level advances, ``w:lvlText`` patterns (``%1、``, ``（%2）``)
filled with the level's ``w:numFmt`` (chineseCounting, decimal, letters, roman…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "零一二三四五六七八九"
_CN_DIGITS_TRAD = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def chinese_counting(n: int) -> str:
    """1→一, 10→十, 11→十一, 20→二十, 105→一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CN_DIGITS[rest] if rest < 10 else
                                     (_CN_DIGITS[1] if rest < 20 else "") + chinese_counting(rest))
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("A") + r) + out
    return out or "A"


def _roman(n: int) -> str:
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """Format counter ``n`` in Word's numFmt ``fmt``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographTraditional", "japaneseCounting", "taiwaneseCounting"):
        return chinese_counting(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS_TRAD[int(d)] for d in str(n))
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Numbering definitions and the running counters of one document."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    starts: dict[tuple[str, int], int] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the printed label, e.g. ``（二）``."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        lvl = levels[ilvl]
        if lvl.fmt in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(num_id, {})
        start = self.starts.get((num_id, ilvl), lvl.start)
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = lvl.text
        for k in range(9):
            if f"%{k + 1}" in text:
                other = levels.get(k, Level())
                value = counts.get(k, self.starts.get((num_id, k), other.start))
                text = text.replace(f"%{k + 1}", format_number(value, other.fmt))
        return text


def _val(el: Any, tag: str) -> str | None:
    child = el.find(f"{W}{tag}")
    return None if child is None else child.get(f"{W}val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def parse_numbering(root: Any) -> Numbering:
    """Read ``word/numbering.xml`` (its lxml root) into a :class:`Numbering`."""
    abstract: dict[str, dict[int, Level]] = {}
    for an in root.iter(f"{W}abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in an.iter(f"{W}lvl"):
            levels[_int(lvl.get(f"{W}ilvl"), 0)] = Level(
                fmt=_val(lvl, "numFmt") or "decimal",
                text=_val(lvl, "lvlText") or "",
                start=_int(_val(lvl, "start"), 1),
            )
        abstract[an.get(f"{W}abstractNumId") or ""] = levels
    numbering = Numbering()
    for num in root.iter(f"{W}num"):
        num_id = num.get(f"{W}numId") or ""
        abs_id = _val(num, "abstractNumId") or ""
        numbering.levels[num_id] = abstract.get(abs_id, {})
        for override in num.iter(f"{W}lvlOverride"):
            start = _val(override, "startOverride")
            if start is not None:
                numbering.starts[(num_id, _int(override.get(f"{W}ilvl"), 0))] = _int(start, 1)
    return numbering
