"""Two indicators printed in one table row: ``A/B`` in the name column and ``x/y`` in the value
columns (``5G基站数量/千兆宽带用户数`` ‖ ``万个/万户`` ‖ ``1.2/25`` ‖ ``2/40``).

The row is read as two rows, one per part, when the name splits into two names at its one
slash and every value cell that holds anything either splits into two values the same way or
prints no value at all (``—``, read for both parts). A unit printed as ``U1/U2`` is split with
the name, unless it is one unit of a rate (``万元/人``, ``件/万人``): a name part that says 每 or
人均, or a right-hand part that counts people, households or area, keeps the unit whole.
"""

from __future__ import annotations

import re

from planwatch.extract.numbers import parse_cell
from planwatch.extract.table_values import read_value
from planwatch.parse.cellgrid import is_unit

_SLASH = re.compile(r"[/／]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PER = ("每", "人均", "万人", "千人", "百人")
_DENOMINATORS = frozenset({"人", "万人", "千人", "百人", "户", "万户", "人口", "万人口",
                           "平方公里", "km²", "公顷", "亩", "年", "万元", "亿元"})


def _halves(text: str) -> tuple[str, str] | None:
    parts = _SLASH.split(text)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return None
    return parts[0].strip(), parts[1].strip()


def pair_names(name: str) -> tuple[str, str] | None:
    """``A/B`` → (A, B) when both parts are names (two Chinese characters or more)."""
    halves = _halves(name)
    if halves is None or any(len(_CJK.findall(h)) < 2 for h in halves):
        return None
    return halves


def pair_unit(unit: str | None, names: tuple[str, str]) -> tuple[str | None, str | None]:
    """The unit of each of the two indicators."""
    if unit is None:
        return None, None
    halves = _halves(unit)
    if halves is None or not all(is_unit(h) for h in halves) \
            or (halves[1] in _DENOMINATORS and any(w in n for n in names for w in _PER)):
        return unit, unit
    return halves


def _value_halves(raw: str) -> tuple[str, str] | None:
    """``1.2/25`` → (``1.2``, ``25``); ``—`` → (``—``, ``—``); None when the cell is not two
    values (or no value) side by side."""
    if not raw.strip() or parse_cell(raw).missing:
        return raw, raw
    halves = _halves(raw)
    if halves is None:
        return None
    if all(read_value(h).cell is not None or parse_cell(h).missing for h in halves):
        return halves
    return None


def pair_cells(cells: tuple[str, ...], value_columns: list[int]
               ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The row's cells for each of the two indicators: every value column split, the other
    columns shared; None when a value column does not split (or none of them holds a pair)."""
    first, second = list(cells), list(cells)
    split = False
    for i in value_columns:
        if i >= len(cells):
            continue
        halves = _value_halves(cells[i])
        if halves is None:
            return None
        split = split or halves[0] != halves[1] or _SLASH.search(cells[i]) is not None
        first[i], second[i] = halves
    return (tuple(first), tuple(second)) if split else None
