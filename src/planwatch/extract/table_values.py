"""Value cells of indicator tables as real plans print them.

Besides plain numbers (handled by :func:`planwatch.extract.numbers.parse_cell`) a cell may say
``力争达到5%左右``, ``累计完成 3250``, ``＞4500``, ``〔3000—4000〕``, ``38万乘次``, ``21km``,
``36（2021年-2025年）``, ``25（2025年较2020年下降）``, ``（2024年）12.5``, ``35%1`` (a footnote
mark), ``增加20`` — or no number at all: ``完成市下达指标``, ``基本消除``, ``与经济增长同步``
(a qualitative target, kept as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.extract.numbers import Cell, parse_cell
from planwatch.parse.cellgrid import is_unit

_FULL = str.maketrans({"＞": ">", "＜": "<", "＝": "=", "～": "~", "％": "%", "［": "[", "］": "]",
                       "【": "[", "】": "]", "＋": "+", "－": "-", "，": ","})
_LEAD = ("力争达到", "力争实现", "力争", "累计完成", "累计达到", "累计", "达到", "实现", "保持",
         "完成")
_COMPARATOR_WORDS = (("不低于", ">="), ("不少于", ">="), ("超过", ">="), ("高于", ">="),
                     ("突破", ">="), ("不超过", "<="), ("不高于", "<="), ("控制在", "<="),
                     ("低于", "<="), ("小于", "<="), ("大于", ">="))
_INCREASE = ("增加", "新增", "净增")
# 下降15% in a target column: the period's cumulative fall (生产安全事故死亡人数 下降15%)
_DECREASE = ("下降", "降低", "减少")
_PAREN_NOTE = re.compile(r"[(（]([^()（）]*(?:19|20)\d{2}[^()（）]*)[)）]")
_SINGLE_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年?(?:底|末)?\s*$")
_FOOTNOTE = re.compile(r"^(\d+(?:\.\d+)?%)\d$")
_NUM_THEN_UNIT = re.compile(
    r"^([<>≥≤~约]?=?\d+(?:\.\d+)?(?:[-—–~]\d+(?:\.\d+)?)?)"
    r"([A-Za-z²³/\u4e00-\u9fff·]{1,8}?[23]?)(以上|以下|以内|左右)?$")
_DATED = re.compile(r"^((?:19|20)\d{2})年(?:底|末)?(?:前)?(?:达到)?(\d+(?:\.\d+)?)(%?)")
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)\s*[-—–~至]+\s*(\d+(?:\.\d+)?)$")
_UNIT_LIKE = re.compile(r"^(?:万|亿|千|百)?(?:[A-Za-z²³/·]+[23]?|"
                        r"[个家件项座处条块株台张套间户人名次起吨米公里平方顷亩立元瓦度天小时分钟"
                        r"秒级辆床所栋段乘标箱微克毫升倍岁/·]+)$")


@dataclass(frozen=True)
class TableValue:
    """A value cell read: the number (or None), its comparator, whether it is a five-year
    cumulative change, the year a bracket note gives, a unit printed in the cell, and the
    text when the cell states a qualitative target."""

    cell: Cell | None
    year: int | None = None
    unit: str | None = None
    text: str | None = None
    increase: bool = False
    value_max: float | None = None
    note: str | None = None

    @property
    def missing(self) -> bool:
        return self.cell is None and self.text is None and self.unit is None


_WS = re.compile(r"\s+")


def read_value(raw: str) -> TableValue:
    """Read one value cell; never raises. ``TableValue.cell`` is None for a text target."""
    s = _WS.sub("", raw.translate(_FULL))
    cell = parse_cell(s)
    if cell.missing:
        return TableValue(None)
    if cell.value is not None:
        return TableValue(cell, unit=_percent(s))
    if is_unit(s):
        return TableValue(None, unit=s)  # the number was lost: 张
    same = _same_values(s)
    if same is not None:
        return same
    inner = _bracketed_words(s)
    if inner is not None:
        return inner
    noted = _word_note(s)
    if noted is not None:
        return noted
    s, year = _strip_year_note(s)
    s = _FOOTNOTE.sub(r"\1", s)
    percent = _percent(s)
    increase, sign = False, 1.0
    for word in _INCREASE + _DECREASE:
        if s.startswith(word) and len(s) > len(word) and s[len(word)].isdigit():
            s, increase = s[len(word):], True
            sign = -1.0 if word in _DECREASE else 1.0
    cumulative = s.startswith("累计")
    s = _strip_lead(s)
    s, comparator = _strip_comparator_word(s)
    value = _number(s)
    if value is not None:
        num, unit, vmax = value
        value_of = num.value * sign if num.value is not None else None
        num = Cell(value_of, comparator or num.comparator, num.cumulative or cumulative, False,
                   num.raw, num.starred)
        return TableValue(num, year, unit or percent, None, increase,
                          vmax * sign if vmax is not None else None)
    dated = _DATED.match(s)
    if dated:  # 2027年60%，2028年进一步优化布局: the first dated number, the whole text kept
        return TableValue(Cell(float(dated.group(2))), int(dated.group(1)),
                          "%" if dated.group(3) else None, raw.strip())
    return TableValue(None, year, None, _unwrap(raw.strip()) if _has_words(raw) else None)


_BRACKETED = re.compile(r"^[〔\[]([^〔〕\[\]]+)[〕\]]$")
_WORD_NOTE = re.compile(r"^(.*\d.*?)[(（]([^()（）\d]{2,30})[)）]$")


def _bracketed_words(s: str) -> TableValue | None:
    """``【累计15】``, ``〔新增300〕``: a five-year cumulative whose bracket also holds a lead word;
    the number inside is the cumulative change."""
    m = _BRACKETED.match(s)
    if m is None or not _has_words(m.group(1)):
        return None
    inner = read_value(m.group(1))
    if inner.cell is None or inner.cell.value is None:
        return None
    c = inner.cell
    cell = Cell(c.value, c.comparator, True, False, s, c.starred)
    return TableValue(cell, inner.year, inner.unit, None, False, inner.value_max)


def _word_note(s: str) -> TableValue | None:
    """``25000（确保完成市下达目标）``, ``≥98%（除危废外）``: a number with a qualifying remark
    in brackets after it; the number is the value and the remark its note (a unit in brackets,
    ``（间）``, and a dated note, ``（2024年）``, are read elsewhere)."""
    m = _WORD_NOTE.match(s)
    if m is None or is_unit(m.group(2)) or not _has_words(m.group(2)):
        return None
    head = read_value(m.group(1))
    if head.cell is None or head.cell.value is None or head.text is not None:
        return None
    return TableValue(head.cell, head.year, head.unit, None, head.increase, head.value_max,
                      m.group(2))


def _unwrap(text: str) -> str:
    """``［完成国家审核衔接后确定的目标］``: a text target in a 〔累计〕 column keeps its words, not
    the brackets that mark the column's cumulative values."""
    if len(text) > 2 and text[0] in "〔[［【" and text[-1] in "〕]］】":
        inner = text[1:-1].strip()
        if not re.search(r"[〔〕\[\]［］【】]", inner):
            return inner
    return text


def _same_values(s: str) -> TableValue | None:
    """``98%、98%``: one value printed for two parts of the indicator."""
    parts = s.split("、")
    if len(parts) < 2:
        return None
    cells = [parse_cell(p) for p in parts]
    values = {c.value for c in cells}
    if len(values) != 1 or None in values:
        return None
    return TableValue(cells[0], unit=_percent(parts[0]))


_PCT_AFTER_DIGIT = re.compile(r"\d%")


def _percent(s: str) -> str | None:
    """A value printed with its percent sign (``74.2%``) tells the unit where no column does."""
    return "%" if _PCT_AFTER_DIGIT.search(s) else None


def _strip_year_note(s: str) -> tuple[str, int | None]:
    """``36（2021年-2025年）`` → ``36``; ``12.5（2024年）`` → (``12.5``, 2024)."""
    year = None
    m = _PAREN_NOTE.search(s)
    while m is not None and (m.start() == 0 or m.end() == len(s)):
        single = _SINGLE_YEAR.match(m.group(1))
        if single:
            year = int(single.group(1))
        s = (s[:m.start()] + s[m.end():]).strip()
        m = _PAREN_NOTE.search(s)
    return s, year


def _strip_lead(s: str) -> str:
    for word in _LEAD:
        if s.startswith(word) and len(s) > len(word):
            rest = s[len(word):]
            if rest[0].isdigit() or rest[0] in "<>≥≤~约":
                return rest
    return s


def _strip_comparator_word(s: str) -> tuple[str, str | None]:
    for word, comparator in _COMPARATOR_WORDS:
        if s.startswith(word) and len(s) > len(word) and s[len(word)].isdigit():
            return s[len(word):], comparator
    return s, None


def _number(s: str) -> tuple[Cell, str | None, float | None] | None:
    """The cell as a number, a number with a unit after it, or a range; None otherwise."""
    cell = parse_cell(s)
    if cell.value is not None:
        return cell, None, None
    m = _NUM_THEN_UNIT.match(s)
    if m and _UNIT_LIKE.match(m.group(2)):
        inner = parse_cell(m.group(1) + (m.group(3) or ""))
        if inner.value is not None:
            return inner, m.group(2), None
        ranged = _range(m.group(1), inner)
        if ranged is not None:
            return ranged[0], m.group(2), ranged[1]
    body = s[1:-1] if len(s) > 2 and s[0] in "〔[(（" and s[-1] in "〕])）" else s
    ranged = _range(body, None)
    if ranged is not None:
        c, vmax = ranged
        return Cell(c.value, "=", cumulative=body != s, raw=s), None, vmax
    return None


def _range(s: str, _: Cell | None) -> tuple[Cell, float] | None:
    m = _RANGE.match(s)
    if not m:
        return None
    return Cell(float(m.group(1)), "=", raw=s), float(m.group(2))


def _has_words(text: str) -> bool:
    return re.search(r"[\u4e00-\u9fff]", text) is not None
