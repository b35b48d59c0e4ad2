"""Indicator tables whose cells a PDF's text export separated by single spaces.

``序号 指 标 2030 年目标 属性`` ‖ ``一、经济强（12 项）`` ‖
``1 地区生产总值年均增长（%） 5 左右 预期性`` ‖ ``8 规上数字经济核心产业营业收入占规上企业营业`` ‖
``收入比重（%） 32.5 预期性`` ‖ ``— 13 —``: one line per row (a long name may wrap onto the next
line), group lines between the rows, the header printed again on every page. The rows come back
as a table the indicator reader maps like any other. A row whose values cannot be told apart
(more tokens than value columns that no rule joins) keeps empty value cells rather than guessed
ones.
"""

from __future__ import annotations

import re

from planwatch.parse.layout import Item, is_furniture

_ATTRIBUTES = ("预期性", "约束性")
# spaces a PDF export puts between the characters of a header (指 标) or after a year (2030 年)
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_NAME_WORDS = re.compile(r"^(?:指标(?:名称|内容)?|主要指标)$")
_VALUE_HEAD = re.compile(r"(?:19|20)\d{2}年|目标|基期|现状|预期|规划值|目标值|年均|累计")
_SEQ = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s+(?=\S)")  # 1 / 2.1.1 风电、太阳能…
_AMONG = re.compile(r"^其中[：:]\s*(?=\S)")  # 其中：光热发电 万千瓦 182 1500 预期性
_DOT_GROUP = re.compile(r"^\d{1,2}\.\s*[\u4e00-\u9fff][^\d\s]{1,20}$")  # 1. 总量目标
_GROUP = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
                    r"\S.{0,30}$")
# the unit bracket that ends a name (…年均增长（%）, …浓度（微克/立方米）)
_UNIT_END = re.compile(r"[（(][^（）()\s]{1,12}[)）](?=\s)")
# a space inside one value: 5 左右, 提高 1 个百分点以上, 3 岁以下
_VALUE_SPACE = re.compile(r"(?<=[\d%％])\s+(?=[年岁个项万亿千百左以倍次人家所座件元户])"
                          r"|(?<=[\u4e00-\u9fff])\s+(?=\d)")
_PLACEHOLDER = re.compile(r"[—\-－–]{1,2}|/")
_JOIN_BACK = re.compile(r"^(?:左右|以上|以内|以下|及以上|\[|〔)")
_JOIN_ON = re.compile(r"^(?:[<>＜＞≤≥]|不低于|不高于|大于|小于|高于|低于|约)$")


def _header_tokens(raw: str) -> list[str]:
    """Header cells: letter-spaced characters (指 标) and a year and its 年 (2030 年目标) joined."""
    cells: list[str] = []
    for token in raw.split():
        single = len(token) == 1 and "\u4e00" <= token <= "\u9fff"
        year = token.startswith("年") and cells and re.fullmatch(r"\d{4}", cells[-1])
        if cells and ((single and len(cells[-1]) == 1) or year):
            cells[-1] += token
        else:
            cells.append(token)
    return cells


_NAME_COLUMN_FIRST = ("类别", "项目")  # a first column that can hold the names


def may_head(raw: str) -> bool:
    """A cheap look before :func:`header_cells`: the line names an 指标 column or opens with a
    column that can hold the names."""
    return "指" in raw or raw.lstrip().startswith(_NAME_COLUMN_FIRST)


def header_cells(raw: str) -> list[str] | None:
    """The cells of a space-separated indicator table header, or ``None``. A table without an
    指标 column whose first column (类别/项目) holds the names and that has a 属性 column
    (类别 单位 2025 年 2030 年 属性) names its indicators in that first column."""
    cells = _header_tokens(raw.strip())
    if not any(_NAME_WORDS.match(c) for c in cells) and cells[:1] \
            and cells[0] in _NAME_COLUMN_FIRST and "属性" in cells:
        cells[0] = "指标"
    if not 3 <= len(cells) <= 9 or not any(_NAME_WORDS.match(c) for c in cells):
        return None
    if not any(_VALUE_HEAD.search(c) for c in cells):
        return None
    if not ("属性" in cells or "单位" in cells or sum(bool(re.match(r"\d{4}年", c))
                                                       for c in cells) >= 1):
        return None
    return cells


def take_spaced_table(raws: list[tuple[int, str]], i: int) -> tuple[Item, int] | None:
    """The table whose header is ``raws[i]`` (line number, text) and the index after it."""
    header = header_cells(raws[i][1])
    if header is None:
        return None
    start = raws[i][0]
    rows: list[list[str]] = [header]
    row_lines = [start]
    # a row whose cells wrap onto the next lines: its line number and its pieces
    pending: tuple[int, list[str]] | None = None
    end = j = i + 1
    last_row_end = end
    categorised = _has_category(header)  # groups are a column's cells
    while j < len(raws) and (j - end < 2 or (pending is not None and j - end < 8)):
        no, raw = raws[j]
        text = raw.strip()
        j += 1
        numbered = bool(_LONE_SEQ.fullmatch(text)) and int(text) == _next_seq(rows)
        if not text or (is_furniture(text) and not numbered) or header_cells(text) == header:
            # (furniture right after the table's last line: still the table's; after a line the
            # table did not take, the text has gone on)
            end = j if pending is None and end == j - 1 else end
            continue
        if pending is not None and numbered:  # the row before never closed: not a row
            pending = None
        if pending is not None:
            if not _FOOTNOTE_MARK.fullmatch(text):  # ① on its own: a note's mark
                pending[1].append(text)
            if _complete(_joined(pending[1]), header):
                rows.append(_row(pending[1], header))
                row_lines.append(pending[0])
                pending, end = None, j
        elif _SEQ.match(text) or numbered or _AMONG.match(text):
            if _complete(text, header):
                rows.append(_row([text], header))
                row_lines.append(no)
                end = j
            else:
                pending = (no, [text])
        elif (_GROUP.match(text) or _DOT_GROUP.match(text)) and not _complete(text, header) \
                and not categorised:
            # a group's name across the row (as a merged cell reads)
            rows.append([_CJK_SPACE.sub("", text)] + [""] * (len(header) - 1))
            row_lines.append(no)
            end = j
        if any(rows[-1][1:]) or len(rows) == 1:
            last_row_end = end
    if sum(1 for r in rows[1:] if any(r[1:])) < 3:
        return None
    while not any(rows[-1][1:]):  # 二、加快形成… after the last row: the text's next heading
        rows.pop()
        row_lines.pop()
        end = last_row_end
    return Item("table", rows=rows, line=start, row_lines=row_lines), end


def _complete(text: str, header: list[str]) -> bool:
    """A row that ends the way the header does: with its 属性, else with a value."""
    if header[-1] == "属性":
        return text.rstrip().endswith(_ATTRIBUTES)
    return _UNIT_END.search(text + " ") is not None and not text.rstrip().endswith("）")


# 平均置信出力2 ‖ %: a footnote's number printed after the name
_NOTE_DIGIT = re.compile(r"(?<=[\u4e00-\u9fff）)][\u4e00-\u9fff）)][\u4e00-\u9fff）)])[1-9]$")
_LONE_SEQ = re.compile(r"\d{1,2}")  # 1 ‖ 综合 ‖ 电能占…比重 30% 35% 预期性: the number alone
_FOOTNOTE_MARK = re.compile(r"[①-⑳]+")
_CATEGORY_HEADS = ("类别", "领域", "分类", "类型", "维度")
_CATEGORY_PIECE = re.compile(r"[\u4e00-\u9fff]{1,5}")  # 绿色 ‖ 低碳: a narrow cell's lines
_VALUE_START = re.compile(r"[%％\d<>＜＞≤≥]")
_NUMBER_START = re.compile(r"[<>＜＞≤≥]?\d")
_LETTER_SPACED = re.compile(r"(?:[\u4e00-\u9fff] )+[\u4e00-\u9fff]")


def _has_category(header: list[str]) -> bool:
    return any(h in _CATEGORY_HEADS for h in header)


def _next_seq(rows: list[list[str]]) -> int:
    """The number the next row should carry (1 after the header)."""
    for row in reversed(rows[1:]):
        if row and row[0].isdigit():
            return int(row[0]) + 1
    return 1


def _joined(pieces: list[str]) -> str:
    """The lines of a wrapped row as one: a name runs on without a gap, a unit or value that
    opens a line (单位发电量碳排放下降 ‖ % >10 约束性) stays a cell of its own."""
    out = ""
    for piece in pieces:
        if _LETTER_SPACED.fullmatch(piece):  # 能 源 领 域 专 利: a name spread over its cell
            piece = piece.replace(" ", "")
        gap = " " if out and (_VALUE_START.match(piece) or out[-1].isdigit()) else ""
        out += gap + piece
    return out


def _row(pieces: list[str], header: list[str]) -> list[str]:
    """The cells of one row (its lines), as many as the header's."""
    text = _joined(pieces)
    m = _SEQ.match(text) or _LONE_SEQ.fullmatch(pieces[0]) or _AMONG.match(text)
    seq, rest = (m.group(0).strip(), text[m.end():]) if m else ("", text)
    seq = "" if seq.startswith("其中") else seq
    category = ""
    if _has_category(header):
        category, rest = _category(pieces, rest)
    attr = ""
    if header[-1] == "属性" and rest.rstrip().endswith(_ATTRIBUTES):
        rest, attr = rest.rstrip()[:-3], rest.rstrip()[-3:]
    units = list(_UNIT_END.finditer(rest + " "))
    if units:
        name, values = rest[:units[-1].end()], rest[units[-1].end():]
    else:
        name, _, values = rest.strip().partition(" ")
    name = _NOTE_DIGIT.sub("", re.sub(r"\s+", "", name))
    unit = ""
    if "单位" in header:  # 能源综合生产能力 亿吨标准煤 51.3 58: the unit is a cell of its own
        first, _, after = values.strip().partition(" ")
        if first and not _NUMBER_START.match(first):
            unit, values = first, after
    columns = [c for c in header if c not in ("序号", "属性", "单位", *_CATEGORY_HEADS)
               and not _NAME_WORDS.match(c)]
    cells = _values(values, len(columns))
    if len(columns) == 2 and all(_YEAR_COLUMN.search(c) for c in columns) and not any(cells):
        lone = _values(values, 1)  # 单位发电量碳排放下降 % >10: one cell across both years;
        if lone[0] and " " not in lone[0]:  # it states what the plan is to reach
            cells = ["", lone[0]]
    out = []
    for h in header:
        if h == "序号":
            out.append(seq)
        elif h == "属性":
            out.append(attr)
        elif h == "单位":
            out.append(unit)
        elif h in _CATEGORY_HEADS:
            out.append(category)
        elif _NAME_WORDS.match(h):
            out.append(name)
        else:
            out.append(cells.pop(0) if cells else "")
    return out


_YEAR_COLUMN = re.compile(r"(?:19|20)\d{2}\s*年")


def _category(pieces: list[str], rest: str) -> tuple[str, str]:
    """A 类别 cell printed on lines of its own before the row's name (3 绿色 ‖ 低碳 ‖ 非化石…):
    the leading short pieces; the rest of the row after them."""
    lines = [_SEQ.sub("", pieces[0]).strip(), *pieces[1:]]
    if _LONE_SEQ.fullmatch(lines[0]):
        lines = lines[1:]
    taken: list[str] = []
    for line in lines[:-1]:
        if not _CATEGORY_PIECE.fullmatch(line):
            break
        taken.append(line)
    if not taken:
        return "", rest
    category = "".join(taken)
    return category, rest.strip()[len(category):]


def _values(text: str, count: int) -> list[str]:
    """Split the values part of a row into ``count`` cells; empty cells when it cannot."""
    text = _VALUE_SPACE.sub("", text.strip())
    if count == 1:
        return [text]
    tokens: list[str] = []
    for token in text.split():
        if tokens and (_JOIN_BACK.match(token) or _JOIN_ON.match(tokens[-1])) \
                and not _PLACEHOLDER.fullmatch(tokens[-1]):  # — 〔3〕: no base, a 5-year sum
            tokens[-1] += token
        else:
            tokens.append(token)
    if len(tokens) > count:  # 稳中 有升: the words of one text cell
        words: list[str] = []
        for token in tokens:
            if words and _WORDS.fullmatch(token) and _WORDS.fullmatch(words[-1]):
                words[-1] += token
            else:
                words.append(token)
        tokens = words
    return tokens if len(tokens) == count else [""] * count


_WORDS = re.compile(r"[\u4e00-\u9fff]+")
