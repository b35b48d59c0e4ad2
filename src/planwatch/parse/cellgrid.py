"""Tables laid out one cell per paragraph (or one row per paragraph, cells on single lines).

Word tables copied into text or Markdown often lose their grid: every cell becomes its own
paragraph (blank lines between cells), or every row a paragraph with its cells on single lines.
A cell can itself break over several lines or paragraphs (``基准值`` / ``（2020年）``), and a
merged cell (类别) appears only on the first row of its group, so neither a line break nor a
paragraph break reliably means a new cell and rows have different cell counts.

The grid is rebuilt in two steps:

1. the header: the fragments that name columns (序号, 指标名称, 单位, 属性, 2025年, 目标值 …),
   grouped into columns (``2025年`` + ``现状值`` is one column, ``指标`` + ``属性`` another);
2. the rows: every data fragment is aligned to a column by dynamic programming (a Viterbi path)
   that scores how well the fragment fits the column's type (a sequence number, a unit, 预期性/
   约束性, a value, a name) and charges for skipped columns (merged cells), for cells broken
   over several fragments and for breaks that go against the layout's own line breaks.

Each header grouping is tried and the best-scoring alignment wins, so the number of columns is
decided by the data as much as by the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from planwatch.parse.layout import numbering_level
from planwatch.parse.normalize import join_parts

ColType = Literal["seq", "text", "name", "unit", "attr", "value", "status", "any"]


@dataclass(frozen=True)
class Fragment:
    """One line of a cell run; ``para`` is True where a blank line comes before it."""

    text: str
    para: bool
    line: int


@dataclass(frozen=True)
class Grid:
    """A rebuilt table: header cells, data rows (all of the header's width) and source lines."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]
    score: float


# --- fragment features ---------------------------------------------------------------------

_SQUASH = re.compile(r"\s+")
_FOOTNOTE = re.compile(r"(?:\[\d{1,2}\]|［\d{1,2}］)$")
_INT = re.compile(r"^\d{1,3}[.、．]?$")
_CN_SEQ = re.compile(r"^[一二三四五六七八九十]{1,3}$")
_ATTR = re.compile(r"^(?:预期|约束)性?$")
_NUM = re.compile(
    r"^[〔\[［【(（]?(?:[≥≤<>＜＞~≈约]|>=|<=|力争|达到|不低于|不少于|不超过|超过|累计|累计完成|达)?"
    r"\d+(?:[,，]\d{3})*(?:\.\d+)?(?:[-—–~～至](?:\d+(?:\.\d+)?))?"
    r"(?:万|亿)?(?:%|％|‰|个百分点|百分点)?(?:以上|以下|以内|左右|及以上)?"
    r"[〕\]］】)）]?\*?$"
)
_NUM_UNIT = re.compile(r"^(?:[≥≤<>＜＞~≈约]|不低于|不超过|达到|超过)?"
                       r"\d+(?:\.\d+)?(?:[-—–~～]\d+(?:\.\d+)?)?"
                       r"(.{1,8}?)(?:以上|以下|以内|左右)?$")
_MISSING = frozenset({"/", "-", "—", "——", "--", "－", "–", "―", "─", "\\", "无", "—/—", "/ /"})
_UNIT_CHARS = frozenset(
    "%％‰个家件项座处条块株台张套间户人名次起吨米里千平方顷亩立元万亿美瓦兆吉度年天小时分钟秒级辆床"
    "所栋段乘标箱准微克毫升倍岁百点/·・kmgtKMGWhLl²³23㎡㎞每卫量孔公斤只头幢宗栋根片轮场"
)
_UNIT_WORDS = ("百分点", "个百分点")
# 定性 in a 单位 column: the row has no measure (its target is words), like ``—`` there
NO_MEASURE = frozenset({"定性", "定性指标"})
_SUFFIXES = frozenset({"左右", "以上", "以下", "以内", "及以上", "及以下", "上下"})
_QUAL = ("完成", "达到", "高于", "低于", "同步", "持平", "力争", "基本", "全面", "稳步", "持续",
         "保持", "消除", "提升", "下降", "控制", "确保", "要求", "水平", "目标", "增加", "累计",
         "推进", "以上", "以内", "左右", "不低于", "不超过", "实现", "覆盖", "建成", "启动",
         "调整", "优化")


def squash(text: str) -> str:
    return _SQUASH.sub("", text)


@lru_cache(maxsize=16384)
def kind_of(text: str) -> str:
    """A coarse kind of a fragment: int, cnseq, attr, missing, num, unit, qual or text. A
    footnote mark at the end (``预期性[1]``, ``100［2］``) does not change it."""
    s = _FOOTNOTE.sub("", squash(text)) or squash(text)
    if _INT.match(s):
        return "int"
    if _CN_SEQ.match(s):
        return "cnseq"
    if _ATTR.match(s):
        return "attr"
    if s in _SUFFIXES:
        return "suffix"
    if s in _MISSING or s in NO_MEASURE:
        return "missing"
    if _NUM.match(s):
        return "num"
    m = _NUM_UNIT.match(s)
    if m and is_unit(m.group(1)):
        return "num"  # 38万乘次, 4.65km/km², 5000个
    if is_unit(s):
        return "unit"
    if any(w in s for w in _QUAL) and len(s) <= 40:
        return "qual"
    return "textnum" if re.search(r"\d", s) else "text"


_BRACKET_TAIL = re.compile(r"[(（][^()（）]{1,3}[)）]$")


def is_unit(text: str) -> bool:
    """``%``, ``万平方米``, ``人/亿元``, ``（平方公里）``, ``万套（间）``: a unit on its own."""
    s = squash(text)
    inner = s[1:-1] if len(s) > 2 and s[0] in "(（" and s[-1] in ")）" else s
    inner = _BRACKET_TAIL.sub("", inner)
    if not inner or len(inner) > 10 or inner.isdigit() or inner in _MISSING:
        return False
    return inner in _UNIT_WORDS or all(ch in _UNIT_CHARS for ch in inner)


# Emission scores: how well a fragment of a kind fits a column of a type.
_EMIT: dict[ColType, dict[str, float]] = {
    "seq": {"int": 3.0, "cnseq": 1.0, "intval": 0.5},
    "attr": {"attr": 4.0, "missing": -1.0},
    "unit": {"unit": 2.5, "missing": 0.5, "int": -4.0, "intval": -4.0, "num": -4.0,
             "attr": -6.0, "text": -2.5, "qual": -3.0, "cnseq": -3.0},
    "value": {"num": 2.5, "int": 1.5, "intval": 2.5, "missing": 1.5, "qual": 0.5,
              "attr": -6.0, "unit": -2.5, "text": -1.5, "cnseq": -3.0},
    "text": {"text": 1.0, "qual": 0.8, "unit": -1.5, "missing": -2.0, "int": -4.0,
             "intval": -4.0, "num": -3.0, "attr": -6.0, "cnseq": -2.0},
    "name": {"text": 1.0, "qual": 0.8, "unit": -1.5, "missing": -3.0, "int": -4.0,
             "intval": -4.0, "num": -3.0, "attr": -6.0, "cnseq": -2.0},
    "status": {"text": 0.5, "qual": 1.5, "attr": -6.0, "int": 1.0, "intval": 2.0, "num": 2.0,
               "missing": 1.0},
    "any": {"attr": -2.0},
}
_DEFAULT_EMIT: dict[ColType, float] = {"seq": -6.0, "attr": -6.0}
# Continuing a cell with another fragment.
_CONT: dict[ColType, dict[str, float]] = {
    "seq": {},
    "attr": {},
    "unit": {"unit": 0.0, "text": -0.5},
    "value": {"text": -0.5, "qual": -0.3, "num": -1.5, "int": -2.0, "intval": -2.0, "unit": -0.5},
    "text": {"text": 0.0, "qual": 0.0, "unit": 0.0, "num": -1.0},
    "name": {"text": 0.0, "qual": 0.0, "unit": 0.0, "num": -1.0},
    "status": {"text": 0.0, "qual": 0.0, "num": -1.0},
    "any": {"text": 0.0, "qual": 0.0, "unit": 0.0, "num": -0.5, "missing": -0.5, "int": -1.0},
}
_SKIP: dict[ColType, float] = {"seq": 1.5, "text": 0.3, "name": 5.0, "unit": 1.5, "attr": 2.0,
                               "value": 2.0, "status": 1.5, "any": 1.0}


_TARGET_LEAD = re.compile(r"^(?:完成|达到|高于|低于|不低于|不高于|不超过|不少于|力争|确保|保持|"
                          r"与[^\d]{0,6}(?:同步|持平))")
_JOINERS = ("/", "、", "，", ",", "-", "（", "(", "—")


def _open(text: str) -> bool:
    """A fragment that cannot end a cell: a joiner at its end or an unclosed bracket."""
    return text.endswith(_JOINERS) or text.count("（") + text.count("(") > text.count(
        "）") + text.count(")")


_CN_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]"
                         r"|[（(][一二三四五六七八九十]{1,3}[)）])\S")
# A Chinese-numbered heading (``（二）城市建设``) names a group of rows or a category; it is never
# a value, a unit or a 属性.
_HEADING_EMIT: dict[ColType, float] = {"text": 0.5, "name": -1.0, "any": 0.0, "status": -2.0}


_TARGET_END = re.compile(r"(?:目标|要求|水平|任务|同步|持平|标准|\d%?)$")


_MEASURE_END = re.compile(r"(?:率|量|数|面积|额|比例|占比|规模|长度|总量|指数|密度|强度)$")


def target_words(text: str) -> bool:
    """Words that state a target (``完成市级下达目标``, ``达到全市平均水平``, ``与全市同步``),
    not an indicator's name that starts alike (``完成造林面积``, ``保持率``)."""
    s = squash(text)
    return bool(_TARGET_LEAD.match(s)) and not _MEASURE_END.search(s)


def _unfinished_target(text: str) -> bool:
    """A text target's first words without the object they lead to (``完成市级``, ``达到全市``)."""
    s = squash(text)
    return target_words(s) and not _TARGET_END.search(s) and len(s) <= 12


def _emit(col: ColType, kind: str, text: str = "") -> float:
    if kind == "qual" and col in ("name", "text") and target_words(text):
        return -1.5  # 完成市级下达目标, 达到全市平均水平: a text target, not a name
    if kind == "heading":
        return _HEADING_EMIT.get(col, -4.0)
    if kind == "suffix":
        return -4.0  # 左右 on a line of its own ends the value before it
    if kind == "textnum":
        if col == "value":
            return 0.0  # a target stated as a sentence with numbers (震后20分钟内提供…)
        kind = "text"
    return _EMIT[col].get(kind, _DEFAULT_EMIT.get(col, 0.0))


def _cont(col: ColType, kind: str, text: str) -> float:
    if kind == "suffix":
        return 1.0 if col == "value" else -1.0
    kind = "text" if kind == "textnum" else kind
    if col == "value" and text[:1] in "(（":
        return 0.0  # 36 / （2021年-2025年）
    if col in ("name", "text") and kind == "qual" and target_words(text):
        return -1.0  # 完成市级 ‖ 下达目标 opens a text target; it does not go on with the name
    return _CONT[col].get(kind, -5.0)


# --- alignment -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Costs:
    """Break costs of a layout: where a line break usually is a cell or a row boundary."""

    cell_in_para: float
    cont_across_para: float
    cont_in_para: float
    row_in_para: float
    cell_across_para: float


_CELL_MODE = _Costs(cell_in_para=2.5, cont_across_para=1.5, cont_in_para=0.0, row_in_para=2.5,
                    cell_across_para=0.0)
_ROW_MODE = _Costs(cell_in_para=0.0, cont_across_para=2.5, cont_in_para=1.0, row_in_para=3.0,
                   cell_across_para=1.5)


GROUP_COST = 1.5


def _group_emit(kind: str, text: str) -> float:
    """How well a fragment fits a row of its own naming a group (``一、经济发展``, ``一`` ‖
    ``水安全``): numbered headings fit, plain words hardly, numbers not at all."""
    if kind in ("cnseq", "heading") or (kind in ("text", "qual")
                                        and numbering_level(text) is not None):
        return 1.0
    return -1.0 if kind in ("text", "qual") else -6.0


def align(types: list[ColType], frags: list[Fragment], row_mode: bool) -> tuple[float, list[int]]:
    """Best alignment of fragments to columns (Viterbi). State ``k`` is a group row of its own.
    Returns the score and, per fragment, 1000 + column where it starts a row, the column where
    it starts a cell, -1 where it continues the cell before it."""
    k = len(types)
    costs = _ROW_MODE if row_mode else _CELL_MODE
    lead, trail = _skip_costs(types)
    kinds = _seq_chain([_heading_kind(f.text) or kind_of(f.text) for f in frags], frags)
    score = [-lead[j] + _emit(types[j], kinds[0]) for j in range(k)]
    score.append(_group_emit(kinds[0], frags[0].text) - GROUP_COST)
    back: list[list[int]] = [[k * 1000 + j for j in range(k + 1)]]
    for i in range(1, len(frags)):
        f, kind = frags[i], kinds[i]
        row_break = 0.0 if f.para else costs.row_in_para
        cell_break = costs.cell_across_para if f.para else costs.cell_in_para
        cont = costs.cont_across_para if f.para else costs.cont_in_para
        if kinds[i - 1] == "missing":
            cont += 1.5  # ``/`` or ``—`` is a whole cell: no value, not a joiner
        elif _open(frags[i - 1].text):
            cont = -1.5  # 微克/ ‖ 立方米, （微克/ ‖ 立方米）: the cell goes on
        elif _unfinished_target(frags[i - 1].text):
            cont = min(cont, 0.5)  # 完成市级 ‖ 下达目标, 达到全市 ‖ 平均水平
        elif len(f.text) <= 2:
            cont = max(0.0, cont - 0.5)  # 主要经济 ‖ 指标
        best_end = max(range(k + 1), key=lambda j: score[j] - trail[j + 1])
        end_score = score[best_end] - trail[best_end + 1] - row_break
        new, ptr = _column_step(types, score, lead, kind, f.text, (cont, cell_break, end_score),
                                best_end)
        group = end_score + _group_emit(kind, f.text) - GROUP_COST
        grow = score[k] - cont + (0.0 if kind in ("text", "qual") else -5.0)
        new.append(max(group, grow))
        ptr.append(k * 1000 + best_end if group >= grow else -1 - k)
        score = new
        back.append(ptr)
    last = max(range(k + 1), key=lambda j: score[j] - trail[j + 1])
    total = score[last] - trail[last + 1]
    return total, _trace(back, last, k)


def _column_step(types: list[ColType], score: list[float], lead: list[float], kind: str,
                 text: str, costs: tuple[float, float, float],
                 best_end: int) -> tuple[list[float], list[int]]:
    """Scores and back pointers of the column states for one fragment: continue the cell, start
    a later cell of the same row (columns between skipped), or start a new row."""
    cont, cell_break, end_score = costs
    k = len(types)
    new: list[float] = []
    ptr: list[int] = []
    for j in range(k):
        e = _emit(types[j], kind, text)
        cand = score[j] - cont + _cont(types[j], kind, text)
        how = -1 - j  # continuation of column j
        for p in range(j):
            s = score[p] - (lead[j] - lead[p + 1]) - cell_break + e
            if s > cand:
                cand, how = s, p
        s = end_score - lead[j] + e
        if s > cand:
            cand, how = s, k * 1000 + best_end
        new.append(cand)
        ptr.append(how)
    return new, ptr


def _skip_costs(types: list[ColType]) -> tuple[list[float], list[float]]:
    """Cost of skipping columns 0..j-1 (``lead[j]``) and j..k-1 (``trail[j]``); ``trail[k + 1]``
    is 0 so that a group row (state k) ends without skipping anything."""
    k = len(types)
    skip = [_SKIP[t] for t in types]
    values = [j for j, t in enumerate(types) if t == "value"]
    if len(values) > 1:
        skip[values[-1]] += 0.2  # a row with one value gives its target, not its baseline
    lead = [0.0] * (k + 1)
    for j in range(k):
        lead[j + 1] = lead[j] + skip[j]
    trail = [0.0] * (k + 2)
    for j in range(k - 1, -1, -1):
        trail[j] = trail[j + 1] + skip[j]
    return lead, trail


def _heading_kind(text: str) -> str | None:
    return "heading" if _CN_HEADING.match(squash(text)) else None


def _seq_chain(kinds: list[str], frags: list[Fragment]) -> list[str]:
    """Sequence numbers 1, 2, 3 … in reading order stay ``int``; other small integers (values
    such as ``35`` between rows 1 and 2) become ``intval``."""
    expected = 1
    out = list(kinds)
    for i, kind in enumerate(kinds):
        if kind != "int":
            continue
        if int(squash(frags[i].text).rstrip(".、．")) == expected:
            expected += 1
        else:
            out[i] = "intval"
    return out


def _trace(back: list[list[int]], last: int, k: int) -> list[int]:
    """Per fragment: column + 1000 when it starts a row, column when it starts a cell, -1 when
    it continues the cell before it."""
    out = [0] * len(back)
    j = last
    for i in range(len(back) - 1, -1, -1):
        how = back[i][j]
        if i == 0 or how >= k * 1000:
            out[i] = 1000 + j
            j = how - k * 1000 if i > 0 else j
        elif how < 0:
            out[i] = -1
            j = -1 - how
        else:
            out[i] = j
            j = how
    return out


def build_rows(k: int, frags: list[Fragment], path: list[int]) -> tuple[list[tuple[str, ...]],
                                                                          list[int]]:
    """Rows of cells from an alignment path."""
    rows: list[list[str]] = []
    lines: list[int] = []
    col = 0
    for f, how in zip(frags, path, strict=True):
        text = f.text.strip()
        if how >= 1000:
            rows.append([""] * k)
            lines.append(f.line)
            col = how - 1000
            col = 0 if col == k else col  # a group row: its text in the first cell
            rows[-1][col] = text
        elif how >= 0:
            col = how
            rows[-1][col] = text
        elif _CN_SEQ.match(rows[-1][col]):
            rows[-1][col] = f"{rows[-1][col]}、{text}"  # 一 ‖ 水安全 → 一、水安全
        else:
            rows[-1][col] = join_parts(rows[-1][col], text)
    return [tuple(r) for r in rows], lines
