"""Find tables laid out one cell (or one row) per paragraph in a text's lines and rebuild them.

A run starts at a header: at least three short fragments that name columns (序号, 指标名称, 单位,
属性, 2025年, 目标值 …) with a name column and a value, unit or 属性 column among them. It ends
at a footnote (注：), a heading, a caption of the next table or a prose paragraph. The header
fragments are grouped into columns in every plausible way (``2025年`` + ``现状值``, ``指标`` +
``属性``, ``“十五五”目标`` + ``2030年``) and the grouping whose rows align best wins
(:mod:`planwatch.parse.cellgrid`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from planwatch.parse.cell_tasks import DUTY_COLUMN, GROUP_COLUMN, numbered_cells, task_grid
from planwatch.parse.cellgrid import ColType, Fragment, Grid, align, build_rows, kind_of, squash
from planwatch.parse.layout import Item, heading_level, is_caption, numbering_level
from planwatch.parse.normalize import normalize_line
from planwatch.parse.task_list import task_list, task_list_header

MAX_FRAGMENTS = 1200
MIN_QUALITY = 0.3
MAX_PARTITIONS = 48
GLUE_SPLIT = 0.3
UNKNOWN_MARGIN = 1.0
_YEAR_ONLY = re.compile(r"^[(（]?(?:19|20)\d{2}年?(?:[-—–至~](?:19|20)\d{2}年?)?[)）]?$")
_PERIOD_ONLY = re.compile(r"^[“\"”]?十[一二三四五六七八九]五[”\"“]?(?:时期|期间|末)?$")
_PERIOD = re.compile(r"十[一二三四五六七八九]五")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_STOP_PREFIX = ("注：", "注:", "注 ", "备注：", "说明：", "资料来源", "数据来源", "#")
_HEADER_RULES: tuple[tuple[ColType, tuple[str, ...]], ...] = (
    ("seq", ("序号", "编号")),
    ("attr", ("属性", "性质")),
    ("status", ("完成情况", "进展情况", "进展", "评价", "是否完成")),
    ("value", ("基期", "基准", "基数", "基础值", "基线", "现状", "现值", "目标", "规划值", "预期",
               "期末", "年均", "累计", "增速", "增长率", "指标值", "完成", "实际", "实现",
               "数值", "水平", "预计", "当前", "起始", "平均")),
    ("name", ("指标", "名称", "项目", "任务", "事项")),
    ("text", ("类别", "分类", "类目", "板块", "领域", "维度", "方面", "内容", "备注", "说明",
              "地点", "单位名称", "责任单位", "牵头单位", "承担单位", "实施单位", "时限", "期限")),
)
_HEADER_PATTERNS: tuple[tuple[ColType, re.Pattern[str]], ...] = tuple(
    (col, re.compile("|".join(map(re.escape, words)))) for col, words in _HEADER_RULES)
# a task table (重点任务分工表): a name column and who answers for it, no values
_DUTY_HEADER = re.compile(r"^(?:牵头|责任|配合|协同|推进)(?:单位|部门)")
# more columns of a task table; in an indicator table such a column is read as it comes
_DUTY_WORDS = re.compile(r"^(?:(?:配合|协同|参与|协办|推进)(?:单位|部门)|(?:责任|牵头)部门|责任主体"
                         r"|完成时间|时间节点|进度安排|(?:工作|主要|具体)?(?:举措|措施)"
                         # 2024年工作任务 ‖ 2025年工作计划: a task table's work for each year
                         r"|(?:19|20)\d{2}年度?工作(?:任务|计划|安排))$")
_GROUP_WORDS = re.compile(r"(?:类别|分类|类目|板块|领域|维度)$")
_NAME_CELL = re.compile(r"(?:目标|指标)(?:内容|名称|项)$")
_SPAN_WORDS = frozenset({"指标值", "数值", "指标数值"})
_CAPTION_WORDS = re.compile(r"主要指标|指标.{0,4}(?:完成情况|一览|汇总)|规划指标|发展指标")
_EXPLICIT_UNIT = re.compile(r"^(?:计量|指标)?单位$")
_UNIT_NOTE = re.compile(r"^[(（](?:单位[:：])?(?:%|‰|[万亿千百]?元|[万亿]?人|[万]?[个家件项]"
                        r"|[万]?平方(?:公里|米)|公里|公顷|吨|万吨|km|m3|m²)[)）]$")


@lru_cache(maxsize=8192)
def header_type(text: str) -> str | None:
    """Column type a header fragment names; ``"mod"`` for a year, 十X五 or place modifier, and
    for a word that spans several value columns above their own headers (``指标值`` over
    ``现状`` ‖ ``近期规划``)."""
    s = squash(text).strip("“”\"")
    if not s or len(s) > 16 or s.endswith("表") or (_CAPTION_WORDS.search(s) and len(s) > 6) \
            or is_caption(s) \
            or heading_level(s) is not None:
        return None
    if _YEAR_ONLY.match(s) or _PERIOD_ONLY.match(s) or _UNIT_NOTE.match(s) or s in _SPAN_WORDS:
        return "mod"  # 2025年, “十四五”, （%）: a line qualifying the column header above
    if _EXPLICIT_UNIT.match(s):
        return "unit"
    if _DUTY_WORDS.match(s):
        return "unknown"  # 配合单位, 完成时间: a column of a task table, read as it comes
    if s.startswith("一级"):
        return "text"  # 一级指标 groups rows; the 二级指标 column names them
    if s == "类型" or s == "指标类型":
        return "any"
    if _GROUP_WORDS.search(s):
        return "text"  # 指标类别, 目标类别: the group column, whatever word qualifies it
    if _NAME_CELL.search(s) and not (_YEAR.search(s) or _PERIOD.search(s)):
        return "name"  # 具体目标内容, 目标名称: the column naming the rows
    for col, pattern in _HEADER_PATTERNS:
        if pattern.search(s):
            if col == "name" and (_YEAR.search(s) or _PERIOD.search(s)):
                return "value"  # 2025年指标 / “十五五”指标
            return col
    return None



def _dated(text: str) -> bool:
    """A header fragment that names a year or a five-year plan (``“十四五”``, ``2025年目标``)."""
    s = squash(text)
    return bool(_YEAR.search(s) or _PERIOD.search(s))


def _is_modifier(text: str) -> bool:
    """A short place name before a period header (``松江区`` ‖ ``“十四五”`` ‖ ``指标``)."""
    s = squash(text)
    return 1 < len(s) <= 6 and not re.search(r"[\d%。，：:、]|表$|指标", s)


def _second_name_ends(prev: str, frags: list[Fragment], n: int) -> bool:
    """Whether a second name-like fragment starts the data: it does unless it completes a
    column header (``2030年`` ‖ ``指标``, ``指标`` ‖ ``属性``)."""
    if prev in ("mod", "place"):
        return squash(frags[n].text) not in ("指标", "指标值")
    return n + 1 >= len(frags) or header_type(frags[n + 1].text) is None


def _header(frags: list[Fragment]) -> int:
    """Number of leading fragments that form a header (0 when they do not)."""
    n = 0
    types: list[str] = []
    while n < len(frags) and n < 24:
        t = header_type(frags[n].text)
        if t is None and _is_modifier(frags[n].text) and n + 1 < len(frags) \
                and header_type(frags[n + 1].text) is not None \
                and _dated(frags[n + 1].text):
            t = "place"
        if t is None:
            break
        if t == "name" and "name" in types and _second_name_ends(types[-1], frags, n):
            break  # a second name column: the first row's name (…指标) or category
        if t == "text" and "name" in types and n + 1 < len(frags) \
                and re.match(r"^\d{1,3}$", squash(frags[n + 1].text)) \
                and not _DUTY_HEADER.search(squash(frags[n].text)):
            break  # a category cell right before the first row's 序号
        types.append(t)
        n += 1
    kinds = set(types)
    duty = any(_DUTY_HEADER.search(squash(f.text)) for f in frags[:n])
    named = "name" in kinds or (duty and "text" in kinds)  # 序号 ‖ 内容 ‖ 牵头部门: a task table
    if n < 3 or not named or not (kinds & {"value", "mod", "attr", "unit"} or duty):
        return 0
    return n


# --- header grouping -----------------------------------------------------------------------

def _group_type(types: list[str]) -> ColType | None:
    """Type of a column whose header broke into several fragments, None when they cannot be one."""
    places = sum(1 for t in types if t == "place")
    if places and (types[-1] == "place" or any(t != "place" for t in types[:places])):
        return None  # a place name opens a column header, never ends one
    if len(types) == 1:
        t = types[0]
        if t == "unknown":
            return "any"  # a column whose header names nothing known: read as it comes
        return "value" if t == "mod" else t  # type: ignore[return-value]
    core = [t for t in types if t not in ("mod", "place")]
    if not core:
        return None if len(types) > 2 else "value"
    if core == ["name", "attr"]:
        return "attr"
    if len(core) == 1 and core[0] in ("value", "name", "status"):
        return "status" if core[0] == "status" else "value"
    if len(core) == 1 and len(types) == 2 and core[0] == "value":
        return "value"
    return None


def _glued_type(types: list[str]) -> ColType | None:
    """Type of a header cell printed as several lines of one paragraph (``年均增长`` /
    ``［累计］``, ``指标`` / ``名称``): lines of the same kind, or value and status words."""
    core = {t for t in types if t not in ("mod", "place")}
    if not core or core <= {"value", "status"}:
        return "value"
    if len(core) == 1 and (t := core.pop()) in ("name", "text", "attr", "unit", "seq"):
        return t  # type: ignore[return-value]
    return None


def _column_type(types: list[str], glued: list[bool], a: int, b: int) -> ColType | None:
    """Type of header fragments ``a..b`` read as one column; fragments glued together (lines of
    one paragraph in a table laid out one cell per paragraph) may form any one-kind cell."""
    found = _group_type(types[a:b])
    if found is None and b - a > 1 and all(glued[a + 1:b]):
        found = _glued_type(types[a:b])
    return found


def _partitions(types: list[str], glued: list[bool] | None = None,
                start: int = 0) -> Iterator[list[tuple[int, int]]]:
    """Every split of the header fragments into columns that :func:`_column_type` accepts."""
    glued = glued if glued is not None else [False] * len(types)
    if start == len(types):
        yield []
        return
    for end in range(start + 1, min(start + 4, len(types)) + 1):
        if _column_type(types, glued, start, end) is None:
            continue
        for rest in _partitions(types, glued, end):
            yield [(start, end), *rest]


_GROWTH_WORDS = ("年均", "累计", "增速", "增长")


def _merge_penalty(group: list[Fragment]) -> float:
    """A year belongs to the column that has none: ``“十五五”目标`` ‖ ``2030年`` ‖ ``年均［累计］``
    reads 2030年 as the target's year, not the growth column's; and a column's header holds
    one year, which ends it (or starts it) but does not sit between two of its words."""
    if len(group) < 2:
        return 0.0
    texts = [squash(f.text) for f in group]
    years = [_is_year(t) for t in texts]
    penalty = 0.4 if any(years) and any(w in t for t in texts for w in _GROWTH_WORDS) else 0.0
    if sum(years) > 1 or any(years[k] and not years[k - 1] and not years[k + 1]
                             for k in range(1, len(years) - 1)):
        penalty += 0.4  # 现状 ‖ （2025年） ‖ 近期规划: a year closes its column's header
    return penalty


def rebuild(frags: list[Fragment]) -> Grid | None:
    """The grid of a cell run starting with its header, or None when it does not align."""
    h = _header(frags)
    if h == 0 or len(frags) - h < 4:
        return None
    tasks = _task_table(frags, h)
    if tasks is not None:
        return tasks
    slashed = _join_slashed(frags[:h])
    frags, h = [*pair_header_rows(slashed), *frags[h:]], len(slashed)
    head = frags[:h]
    types = [header_type(f.text) or "mod" for f in head]
    if types[0] == "name" and types.count("name") > 1 and types[1] != "attr":
        return None  # a title (主要指标) before the header: the header starts on the next line
    best = _best_alignment(head, types, frags[h:])
    moved = spanned_first(head)
    if moved is not None:
        moved_types = [header_type(f.text) or "mod" for f in moved]
        alt = _best_alignment(moved, moved_types, frags[h:])
        if alt is not None and (best is None or alt[0] > best[0] + UNKNOWN_MARGIN):
            head, types, best = moved, moved_types, alt  # 属性 printed beside 指标值, not under it
            frags = [*moved, *frags[h:]]
    shorter = _best_alignment(head[:-1], types[:-1], frags[h - 1:]) if _may_be_data(types) \
        else None
    if shorter is not None and (best is None or shorter[0] > best[0]):
        h, head, best = h - 1, head[:-1], shorter  # 年均土地储备规模 was the first row's name
        types = types[:-1]
    elif h < len(frags) - 4 and _unknown_header(frags[h].text):
        wider = _best_alignment(frags[:h + 1], [*types, "unknown"], frags[h + 1:])
        if wider is not None and (best is None or wider[0] > best[0] + UNKNOWN_MARGIN) \
                and not _group_cell_left_empty(types, wider):
            h, head, best = h + 1, frags[:h + 1], wider  # a last column named by an unknown word
            types = [*types, "unknown"]
    data = frags[h:]
    if best is None or best[0] / len(data) < MIN_QUALITY:
        return None
    spanned = _spanned_name(head, types, data, best)
    if spanned is not None:
        head, best = spanned
    score, parts, path = best
    header = tuple("".join(squash(f.text) for f in head[a:b]) for a, b in parts)
    rows, lines = build_rows(len(parts), data, path)
    if len(rows) < 2:
        return None
    return Grid(header, tuple(rows), tuple(lines), score)


_Alignment = tuple[float, list[tuple[int, int]], list[int]]


def _task_header(head: list[Fragment]) -> list[str] | None:
    """The column names of a task table's header (a task column and who answers for it, no
    value, unit or 属性 column), one per paragraph; None for any other header."""
    types = {header_type(f.text) for f in head}
    if types & {"value", "mod", "attr", "unit"} or not any(f.para for f in head[1:]):
        return None
    if not any(_DUTY_HEADER.search(squash(f.text)) for f in head):
        return None
    names: list[str] = []
    for f in head:
        if f.para or not names:
            names.append(squash(f.text))
        else:
            names[-1] += squash(f.text)
    return names


def _task_table(frags: list[Fragment], h: int) -> Grid | None:
    names = _task_header(frags[:h])
    if names is None or _row_mode(frags[h:]):
        return None
    names, data = numbered_cells(names, frags[h:])
    if len(names) >= 4 and GROUP_COLUMN.match(names[0]) and _SEQ_HEAD.match(names[1]):
        names = names[1:]  # 任务类型 ‖ 序号 ‖ …: the type, merged down its rows, names a group
    if not _SEQ_HEAD.match(names[0]):
        return None
    duty = {j for j, n in enumerate(names) if DUTY_COLUMN.search(n)}
    return task_grid(names, data, duty)


_SEQ_HEAD = re.compile(r"^(?:序号|编号)$")


def _spanned_name(head: list[Fragment], types: list[str], data: list[Fragment],
                  best: _Alignment) -> tuple[list[Fragment], _Alignment] | None:
    """``指标名称`` spanning two columns: a 类别 column merged down its group and the names
    beside it, under one header cell. The header is read again with the name fragment standing
    for both columns; that reading wins when it aligns clearly better and the first column
    behaves as a merged group column (filled on the first row, empty on some later rows, fewer
    groups than rows)."""
    if types.count("name") != 1 or "text" in types:
        return None
    n = types.index("name")
    wide = [*head[:n + 1], head[n], *head[n + 1:]]
    alt = _best_alignment(wide, [*types[:n], "text", *types[n:]], data)
    if alt is None or alt[0] <= best[0] + UNKNOWN_MARGIN:
        return None
    _, parts, path = alt
    col = next((c for c, (a, _) in enumerate(parts) if a == n), None)
    if col is None or parts[col] != (n, n + 1):
        return None
    rows, _ = build_rows(len(parts), data, path)
    groups = [r[col] for r in rows if r[col]]
    if not rows[0][col] or len(groups) * 3 > len(rows) * 2 \
            or not all(_group_name(g) for g in groups):
        return None
    return wide, alt


_GROUP_END = re.compile(r"(?:发展|保障|更新|投入|产出|环境|建设|服务|安全|民生|福祉|生态|绿色|低碳"
                        r"|创新|开放|治理|质量|效益|结构|能力|领域|方面|类|指标)$")


def _group_name(text: str) -> bool:
    """A 类别 cell (``城市更新``, ``民生福祉``, ``生态环境建设``), not the first half of a name
    broken over two paragraphs (``规模以上工业企业研发`` ‖ ``机构覆盖率``)."""
    s = squash(text)
    return kind_of(s) == "text" and ((len(s) <= 6 and not s.endswith(("的", "和", "及", "与")))
                                     or (len(s) <= 10 and _GROUP_END.search(s) is not None))


def _is_year(text: str) -> bool:
    s = squash(text).strip("“”\"")
    return bool(_YEAR_ONLY.match(s) or _PERIOD_ONLY.match(s))


def _join_slashed(head: list[Fragment]) -> list[Fragment]:
    """``年均/`` ‖ ``累计``: a header cell broken after its slash is one cell."""
    out: list[Fragment] = []
    for f in head:
        if out and out[-1].text.rstrip().endswith(("/", "／")):
            out[-1] = Fragment(out[-1].text.rstrip() + f.text.strip(), out[-1].para, out[-1].line)
        else:
            out.append(f)
    return out


def pair_header_rows(head: list[Fragment]) -> list[Fragment]:
    """A header of several printed rows, read row by row: ``现状`` ‖ ``近期规划`` ‖ ``（2025年）`` ‖
    ``（2030年）`` is the second header row (two column names) followed by the third (their
    years). A run of ``m >= 2`` years right after ``m`` paragraphs that are not years is put
    back in column order (``现状`` ‖ ``（2025年）`` ‖ ``近期规划`` ‖ ``（2030年）``) so that each
    column's fragments are adjacent."""
    n = len(head)
    i = n
    while i > 0 and _is_year(head[i - 1].text) and head[i - 1].para:
        i -= 1
    m = n - i
    if m < 2 or i < m:
        return head
    names = head[i - m:i]
    if any(_is_year(f.text) or not f.para or header_type(f.text) in ("name", "seq", "attr", "unit")
           for f in names):
        return head
    paired = [f for pair in zip(names, head[i:], strict=True) for f in pair]
    return [*head[:i - m], *paired]


def _group_cell_left_empty(types: list[str],
                           found: tuple[float, list[tuple[int, int]], list[int]]) -> bool:
    """Whether an alignment leaves the first row's group cell empty in a table whose first
    column groups the rows (类别): a merged group cell prints on its group's first row, so the
    word after the header (``生态``) is that cell, not the header of one more column."""
    _, parts, path = found
    first = types[parts[0][0]] if parts else None
    return first == "text" and bool(path) and path[0] != 1000


_SUB_TYPES = frozenset({"value", "mod"})
_BESIDE_TYPES = frozenset({"attr", "unit", "any", "text"})


def spanned_first(head: list[Fragment]) -> list[Fragment] | None:
    """A header of two printed rows whose first row has a value word spanning the columns
    below it (``指标值``, ``“十五五”目标``) and, right of it, cells spanning both rows (``属性``):
    read row by row, the sub-headers (``2025年`` ‖ ``2030年``) come after ``属性`` though their
    columns come before it. The header with the sub-headers moved right after the spanning word,
    or None when the header is not laid out so."""
    types = [header_type(f.text) or "mod" for f in head]
    n = len(types)
    q = n
    while q > 0 and types[q - 1] in _SUB_TYPES:
        q -= 1
    p = q
    while p > 0 and types[p - 1] in _BESIDE_TYPES:
        p -= 1
    if n - q < 2 or p == q or p == 0 or types[p - 1] not in _SUB_TYPES:
        return None
    return [*head[:p], *head[q:], *head[p:q]]


def _unknown_header(text: str) -> bool:
    """A short word after the header that names no known column (``考核口径``): it may be the
    header of a last column planwatch does not know, or the first row's first cell; the
    alignment decides (see :func:`rebuild`)."""
    s = squash(text)
    return 2 <= len(s) <= 8 and header_type(s) is None and kind_of(s) == "text" \
        and not re.search(r"\d", s) and numbering_level(s) is None


def _may_be_data(types: list[str]) -> bool:
    """Whether the last header fragment may be the first row's name instead (a name that holds
    a header word: ``年均土地储备规模``, ``累计新增绿地``), leaving a header that still names a
    name column and a value, unit or 属性 column."""
    rest = set(types[:-1])
    return len(types) > 3 and types[-1] in ("value", "name", "text") and "name" in rest \
        and bool(rest & {"value", "mod", "attr", "unit"})


def _best_alignment(head: list[Fragment], types: list[str], data: list[Fragment]
                    ) -> tuple[float, list[tuple[int, int]], list[int]] | None:
    """The best-scoring header grouping and its alignment of the data fragments."""
    row_mode = _row_mode(data)
    h = len(head)
    # lines of one paragraph in a cell-per-paragraph header are usually one cell
    glued = [k > 0 and not f.para and not row_mode for k, f in enumerate(head)]
    best: tuple[float, list[tuple[int, int]], list[int]] | None = None
    for i, parts in enumerate(_partitions(types, glued)):
        if i >= MAX_PARTITIONS:
            break
        cols: list[ColType] = [_column_type(types, glued, a, b) or "any" for a, b in parts]
        score, path = align(cols, data, row_mode)
        split = sum(1 for a, _ in parts if glued[a])
        score -= 0.2 * (h - len(parts)) + sum(_merge_penalty(head[a:b]) for a, b in parts) \
            + GLUE_SPLIT * split
        if best is None or score > best[0]:
            best = (score, parts, path)
    return best


def _row_mode(data: list[Fragment]) -> bool:
    """Rows are paragraphs (cells on single lines) when most paragraphs hold several lines."""
    paras = sum(1 for f in data if f.para) or 1
    return len(data) / paras >= 2.5


# --- runs ----------------------------------------------------------------------------------

_ANNEX = re.compile(r"^附件\s*(?:[\d一二三四五六七八九十]|[:：]|$)")


def is_stop(text: str) -> bool:
    """A line that cannot be a table cell: footnote, heading, next caption, prose."""
    s = text.strip()
    if s.startswith(_STOP_PREFIX) or len(s) > 100 or is_caption(s) or _ANNEX.match(s):
        return True
    if len(s) >= 8 and _CAPTION_WORDS.search(s):
        return True  # the caption of the next table (or of this one, printed below it)
    if s.endswith(("。", "；", "：", ":")) and len(s) > 60:
        return True
    return _is_heading(s)


def _task_group(lines: Sequence[tuple[int, str | None]], i: int) -> bool:
    """A numbered heading inside a task table (``一、做好政策保障`` ‖ ``1.做好规划配套`` …, or
    ``一、…`` ‖ ``1`` ‖ its task): the group of the tasks below, not the next chapter."""
    text = (lines[i][1] or "").strip()
    nxt = next((t for _, t in lines[i + 1:i + 4] if t is not None), "").strip()
    return len(text) <= 24 and ((re.match(r"^\d{1,3}[.．、]\s*\S", nxt) is not None
                                 and len(nxt) <= 30) or re.fullmatch(r"\d{1,3}", nxt) is not None)


def _task_stop(text: str) -> bool:
    """What ends a task table: a footnote, caption, annex or heading, or a whole page of prose;
    its cells themselves may be sentences (主要工作内容)."""
    s = text.strip()
    return s.startswith(_STOP_PREFIX) or len(s) > 400 or is_caption(s) or bool(_ANNEX.match(s)) \
        or _is_heading(s)


def _is_heading(s: str) -> bool:
    level = heading_level(s)
    return level is not None and level <= 2 and not _BARE_NUMERAL.match(s)


_BARE_NUMERAL = re.compile(r"^[（(]?[一二三四五六七八九十]+[)）]?$")  # 二 / （一）: a 序号 cell


def _group_row(lines: Sequence[tuple[int, str | None]], i: int) -> bool:
    """A numbered heading inside a table (``一、经济发展`` as a row of its own naming the group
    below): the lines after it are short cells, among them a number, 属性 or a unit."""
    text = lines[i][1] or ""
    if not _is_heading(text.strip()) or len(text.strip()) > 20:
        return False
    nxt = [t for _, t in lines[i + 1:i + 12] if t is not None][:4]
    return len(nxt) == 4 and all(t != "\0" and len(t) <= 40 and not is_stop(t) for t in nxt) \
        and any(kind_of(t) in ("int", "num", "attr", "unit", "missing") for t in nxt)


def starts_header(text: str) -> bool:
    """Cheap test whether a line can open a table header."""
    return (len(text) <= 40 and header_type(text) is not None) or bool(spaced_header(text))


def spaced_header(text: str) -> list[str]:
    """A whole header written on one line with spaces between its cells (``序号 指标名称 单位
    属性 2025年 2030年``): its cells, or ``[]`` when the line is not such a header. Every part
    must name a column (or be a year/十X五 modifier), there must be a name column and at least
    three parts."""
    if len(text) > 120 or len(text.split(maxsplit=2)) < 3:
        return []  # most lines hold no space at all: nothing to normalise
    parts = normalize_line(text).split(" ")
    if len(parts) < 3:
        return []
    types = [header_type(p) for p in parts]
    if None in types or "name" not in types or not set(types) & {"value", "mod", "attr", "unit"}:
        return []
    return parts


def collect(lines: Sequence[tuple[int, str | None]], start: int) -> tuple[list[Fragment], int]:
    """Fragments of the run beginning at ``lines[start]`` (``None`` = blank line) and the index
    where the run ends."""
    frags: list[Fragment] = []
    para = True
    i = start
    spaced = bool(spaced_header(lines[start][1] or "")) if start < len(lines) else False
    task: list[str] | None = None  # a task table's column names: its cells may be sentences
    decided = False
    while i < len(lines) and len(frags) < MAX_FRAGMENTS:
        no, text = lines[i]
        if text is None:
            para = True
            i += 1
            continue
        if not decided and frags and header_type(text.strip()) is None:
            # the header is complete at its first line that names no column
            decided, h = True, _header(frags)
            task = _task_header(frags[:h]) if h > 0 else None
        stop = _task_stop(text) and not _task_group(lines, i) if task else is_stop(text)
        if text == "\0" or (frags and stop and not _group_row(lines, i)):
            break
        if para and frags and starts_header(text) and 0 < _header(frags) < len(frags) \
                and not _place_pending(frags, text) and _header_again(lines, i) \
                and not (task and _same_task_header(task, frags, lines, i)):
            break  # the next table's header (or this one's, repeated after a page break)
        frags.extend(_line_fragments(text.strip(), para, no, spaced))
        para = False
        i += 1
    while i > start and lines[i - 1][1] is None:
        i -= 1
    return frags, i


def _same_task_header(names: list[str], frags: list[Fragment],
                      lines: Sequence[tuple[int, str | None]], i: int) -> bool:
    """A task table's own header (``names``) printed again after a page break: the run goes on."""
    ahead = [squash(t) for _, t in lines[i:i + 3 * len(names)] if t is not None and t != "\0"]
    tail = [squash(f.text) for f in frags[-len(names):]]
    # the line may open the repeated header or continue it (序号 ‖ 工作任务 ‖ …)
    return any(tail[len(tail) - k:] == names[:k] and ahead[:len(names) - k] == names[k:]
               for k in range(len(names)) if k <= len(tail))


def _place_pending(frags: list[Fragment], text: str) -> bool:
    """Whether the run's last fragment is a place name that this dated header line completes
    (``松江`` ‖ ``“十四五”`` ‖ ``现状``): the header goes on, no new table starts."""
    return len(frags) == _header(frags) + 1 and _is_modifier(frags[-1].text) and _dated(text)


def _header_again(lines: Sequence[tuple[int, str | None]], i: int) -> bool:
    """Whether a full table header starts at ``lines[i]`` (not a data cell such as ``预期性``
    that happens to hold a header word)."""
    if spaced_header(lines[i][1] or ""):
        return True
    if kind_of(lines[i][1] or "") in ("attr", "num", "int", "unit", "missing", "qual"):
        return False
    look: list[Fragment] = []
    for no, text in lines[i:i + 40]:
        if text == "\0" or len(look) >= 14:
            break
        if text is not None:
            look.append(Fragment(text.strip(), True, no))
    return _header(look) >= 3


def _line_fragments(text: str, para: bool, no: int, spaced: bool) -> list[Fragment]:
    """One fragment per line; in a table whose header was written on one line with spaces
    between its cells, every space-separated part is a fragment and a line of several parts
    starts a new paragraph (rows written one per line: ``1 地区生产总值 亿元 5000 6000 预期性``);
    a line of one part keeps its own paragraph mark (rows as paragraphs, cells on lines). A cell
    with a space inside (``AI 应用普及率``, ``累计完成 3250``) is joined again by the alignment,
    as any cell broken over several fragments."""
    if not spaced or " " not in text:
        return [Fragment(text, para, no)]
    parts = _rejoin(text.split(" "))
    return [Fragment(p, k == 0, no) for k, p in enumerate(parts)]


_VALUE_LEAD = re.compile(r"^(?:[≥≤<>＜＞~≈约]|>=|<=|力争|达到|力争达到|累计|累计完成|新增|"
                         r"不低于|不少于|不超过|超过|高于|低于|控制在)$")
_VALUE_TAIL = frozenset({"左右", "以上", "以下", "以内", "及以上", "及以下"})
_LATIN_END = re.compile(r"[A-Za-z&]$")
_CJK_START = re.compile(r"^[\u4e00-\u9fff]")


def _rejoin(parts: list[str]) -> list[str]:
    """Space-separated parts that belong to one cell: a comparator or lead word and its number
    (``≥ 90``, ``累计完成 3250``), a number and its tail (``100 左右``), and a Latin word and the
    Chinese after it inside a name (``AI 应用普及率``, ``R&D 经费支出``)."""
    out: list[str] = []
    for part in parts:
        if out and _binds(out[-1], part):
            out[-1] = out[-1] + part
        else:
            out.append(part)
    return out


def _binds(left: str, right: str) -> bool:
    if _VALUE_LEAD.match(left) and right[:1].isdigit():
        return True
    if right in _VALUE_TAIL and left[-1:].isdigit():
        return True
    return bool(_LATIN_END.search(left) and _CJK_START.match(right)
                and kind_of(left) in ("text", "qual") and kind_of(right) in ("text", "qual"))


# --- readers' items ------------------------------------------------------------------------

def cell_tables(items: list[Item]) -> list[Item]:
    """Replace runs of paragraph items that form a table (one cell per paragraph, as HTML pages
    and Word files pasted from text carry them) by table items."""
    out: list[Item] = []
    lines: list[tuple[int, str | None]] | None = None
    first: list[int] = []
    owner: list[int] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind == "text" and starts_header(normalize_line(item.text)):
            listed = _task_list_items(items, i)
            if listed is not None:
                out.append(listed[0])
                i = listed[1]
                continue
            if lines is None:
                lines, first, owner = _item_lines(items)
            frags, end = collect(lines, first[i])
            grid = rebuild(frags)
            if grid is not None:
                rows = [list(grid.header), *(list(r) for r in grid.rows)]
                row_lines = [item.line, *grid.row_lines] if item.line else []
                out.append(Item("table", rows=rows, line=item.line, page=item.page,
                                row_lines=row_lines))
                i = owner[end] if end < len(lines) else len(items)
                continue
        out.append(item)
        i += 1
    return out


_TASK_LIST_ITEMS = 1500


def _task_list_items(items: list[Item], i: int) -> tuple[Item, int] | None:
    """A 任务清单 whose tasks carry their numbers inside their cells (see
    :mod:`planwatch.parse.task_list`), one text item per cell, starting at ``items[i]``."""
    cells: list[tuple[str, int]] = []
    for item in items[i:i + _TASK_LIST_ITEMS]:
        if item.kind != "text":
            break
        cells.append((normalize_line(item.text), item.line or 0))
        if len(cells) == 24 and not task_list_header([c for c, _ in cells]):
            return None
    found = task_list(cells)
    if found is None:
        return None
    return grid_item(found[0], items[i].line, items[i].page), i + found[1]


def grid_item(grid: Grid, line: int | None, page: int | None = None) -> Item:
    """A rebuilt table as a table item whose header row stands at ``line``."""
    rows = [list(grid.header), *(list(r) for r in grid.rows)]
    return Item("table", rows=rows, line=line, page=page, row_lines=[line or 0, *grid.row_lines])


def _item_lines(items: list[Item]) -> tuple[list[tuple[int, str | None]], list[int], list[int]]:
    """Items as lines for :func:`collect` (a blank line before every item, ``"\\0"`` for what
    ends a run), the first line of each item and the item owning each line."""
    lines: list[tuple[int, str | None]] = []
    first: list[int] = []
    owner: list[int] = []
    for k, item in enumerate(items):
        no = item.line or 0
        lines.append((no, None))
        owner.append(k)
        first.append(len(lines))
        parts = item.text.split("\n") if item.kind == "text" else ["\0"]
        for part in parts:
            lines.append((no, normalize_line(part) if part != "\0" else part))
            owner.append(k)
    return lines, first, owner
