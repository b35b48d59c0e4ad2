"""Plain text and Markdown reader.

Handles what Word/PDF→text conversions leave behind: markdown markup (``#`` headings, ``**bold**``,
pipe tables), tab-separated table rows, "flattened" tables (every cell on its own line starting
with a tab, a blank line between rows, a cell's overflow on a following line without a tab, a
space before the tab marking an empty cell), tables of contents (``title<TAB>page``), page
furniture and paragraphs broken in mid-sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, overload

from planwatch.parse.cellrun import collect, grid_item, rebuild, starts_header
from planwatch.parse.document import Document
from planwatch.parse.front_matter import rewrite_front_matter
from planwatch.parse.layout import Item, ends_sentence, finish, numbering_level
from planwatch.parse.normalize import decode_bytes, normalize_line, strip_markdown_inline
from planwatch.parse.spaced_table import header_cells, may_head, take_spaced_table
from planwatch.parse.task_list import task_list, task_list_header
from planwatch.parse.unflatten import LONG_LINE, unflatten
from planwatch.parse.unwrap import unwrap

LineKind = Literal["blank", "cell", "row", "text", "pipe", "rule"]

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$|^(#{1,6})([^#\s].*)$")
_MD_LIST = re.compile(r"^(?:[-*+]\s+|>\s*)")
_BR = re.compile(r"\s*<br\s*/?>\s*", re.I)  # a line break inside a Markdown table's cell
_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_TOC_ENTRY = re.compile(r"^(.+?)[\s.…·]*\t[\s.…·]*(\d{1,3})\s*$")
MIN_TOC_RUN = 3


@dataclass
class Line:
    """One source line with its kind and (for table lines) its cells."""

    no: int
    kind: LineKind
    raw: str
    cells: tuple[str, ...] = ()


def _cell_line_cells(raw: str) -> tuple[str, ...]:
    """Cells of a flattened-table line: ``\\tX`` → (X,); `` \\tX`` → ("", X) (empty cell)."""
    head, *rest = raw.split("\t")
    cells = [] if head == "" else [head.strip()]
    return (*cells, *(c.strip() for c in rest))


# a page's breadcrumb (当前位置：[首页](…) \> [政策资讯](…) \> …): the site's frame, not text
_BREADCRUMB = re.compile(r"^\s*(?:当前位置[:：]\s*)?\[?\s*首页\s*(?:\]\([^)]*\))?\s*"
                         r"(?:\\?>|»|›|＞|/|／)")


# a menu entry of the site (- [政策解读](https://…)): a line that is one short link and nothing else
# (> [政务公开](…) on the next line of a breadcrumb, [首页](…)/ with its separator)
_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+|\\?>\s*)?\[[^\[\]]{1,20}\]\([^()\s]*(?:\s+\"[^\"]*\")?\)"
                        r"\s*(?:/|／|\\?>)?\s*$")


def classify(no: int, raw: str) -> Line:
    """Classify one source line."""
    line = raw.rstrip("\r\n")
    if not line.strip() or ("首页" in line and _BREADCRUMB.match(line)) \
            or ("](" in line and _LINK_ONLY.match(line)):
        return Line(no, "blank", line)
    if "\t" not in line and "|" not in line:
        return Line(no, "text", line)
    stripped = line.strip(" \u3000\r")
    if "\t" in stripped.strip("\t") or (line.lstrip(" \u3000").startswith("\t")
                                        and stripped.strip("\t")):
        if line.lstrip(" \u3000").startswith("\t") and line.count("\t") == 1:
            return Line(no, "cell", line, _cell_line_cells(line))
        return Line(no, "row", line, tuple(c.strip() for c in stripped.split("\t")))
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _PIPE_RULE.match(stripped):
            return Line(no, "rule", line)
        cells = stripped.strip("|").split("|")  # **电力方面**: a cell's markup is no text
        return Line(no, "pipe", line, tuple(strip_markdown_inline(_BR.sub("\n", c).strip())
                                            for c in cells))
    return Line(no, "text", line)


def drop_toc(lines: list[Line]) -> list[Line]:
    """Remove runs of table-of-contents entries (numbered title, tab, page number)."""
    keep = [True] * len(lines)
    run: list[int] = []
    for i, ln in enumerate([*lines, Line(0, "text", "")]):
        if ln.kind == "blank":
            continue
        m = _TOC_ENTRY.match(ln.raw.strip(" ")) if ln.kind == "row" else None
        if m and numbering_level(normalize_line(m.group(1))) is not None:
            run.append(i)
            continue
        if len(run) >= MIN_TOC_RUN:
            for j in run:
                keep[j] = False
        run = []
    return [ln for ln, k in zip(lines, keep, strict=True) if k]


def _next_nonblank(lines: list[Line], i: int) -> Line | None:
    while i < len(lines) and lines[i].kind == "blank":
        i += 1
    return lines[i] if i < len(lines) else None


def take_flat_table(lines: list[Line], i: int) -> tuple[list[Item], int]:
    """Reassemble a flattened table starting at ``lines[i]``; return it and the next index.

    A table of one column is a text box (专栏): its lines come back as text items.
    """
    rows: list[list[str]] = []
    row: list[str] = []
    start = lines[i].no
    texts: list[Item] = []
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "cell":
            row.extend(ln.cells)
            texts.extend(Item("text", c, line=ln.no) for c in ln.cells)
        elif ln.kind == "text" and row:
            row[-1] = f"{row[-1]}\n{ln.raw.strip()}"
            texts.append(Item("text", ln.raw.strip(), line=ln.no))
        elif ln.kind == "blank":
            if row:
                rows.append(row)
                row = []
            nxt = _next_nonblank(lines, i)
            if nxt is None or nxt.kind != "cell":
                break
        else:
            break
        i += 1
    if row:
        rows.append(row)
    if max((len(r) for r in rows), default=0) <= 1 or len(rows) < 2 or _is_prose(rows):
        return texts, i
    return [Item("table", rows=rows, line=start)], i


def _is_prose(rows: list[list[str]]) -> bool:
    """Tab-indented paragraphs, not a table: most cells end a sentence."""
    cells = [c for r in rows for c in r if c.strip()]
    ends = sum(1 for c in cells if ends_sentence(c))
    return bool(cells) and ends * 2 > len(cells)


def take_row_table(lines: list[Line], i: int) -> tuple[Item, int]:
    """Tab- or pipe-separated rows (single blank lines inside the table are allowed)."""
    kind = "pipe" if lines[i].kind == "pipe" else "row"
    rows: list[list[str]] = []
    row_lines: list[int] = []  # the source line of each row (a rule or blank line skipped)
    start = lines[i].no
    while i < len(lines):
        ln = lines[i]
        if ln.kind == kind or (ln.kind == "cell" and kind == "row"):
            rows.append(list(ln.cells))
            row_lines.append(ln.no)
        elif ln.kind == "rule" and kind == "pipe":
            pass
        elif ln.kind == "blank":
            nxt = _next_nonblank(lines, i)
            if nxt is None or nxt.kind != kind or nxt.no - ln.no > 1:
                break
        else:
            break
        i += 1
    return Item("table", rows=rows, line=start, row_lines=row_lines), i


def text_item(ln: Line) -> Item:
    """A text line: markdown headings and list markers handled, inline markup stripped."""
    text = ln.raw.strip()
    m = _MD_HEADING.match(text)
    if m:
        hashes, body = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return Item("heading", strip_markdown_inline(body), level=len(hashes), line=ln.no)
    if not _looks_like_furniture_dash(text):
        text = _MD_LIST.sub("", text)
    return Item("text", strip_markdown_inline(text), line=ln.no)


_FURNITURE_DASH = re.compile(r"^[-—–]\s*\d+\s*[-—–]$")


def _looks_like_furniture_dash(text: str) -> bool:
    return _FURNITURE_DASH.match(text) is not None


def take_cell_table(lines: list[Line], i: int,
                    simple: Sequence[tuple[int, str | None]]) -> tuple[Item, int] | None:
    """A table laid out one cell (or one row) per paragraph, starting with its header at
    ``lines[i]`` (see :mod:`planwatch.parse.cellrun`), or None."""
    frags, end = collect(simple, i)
    grid = rebuild(frags)
    return (grid_item(grid, lines[i].no), end) if grid is not None else None


_TASK_LIST_LINES = 3000
_TASK_LIST_HEAD_LINES = 60


def take_task_list(lines: list[Line], i: int) -> tuple[Item, int] | None:
    """A 任务清单 laid out one cell per paragraph, its tasks numbered inside their cells
    (see :mod:`planwatch.parse.task_list`), starting with its header at ``lines[i]``."""
    cells: list[tuple[str, int]] = []
    ends: list[int] = []  # the line index after each cell
    j = i
    limit = _TASK_LIST_HEAD_LINES  # look at the header first: most lines open no task list
    while j < len(lines) and j - i < limit:
        if limit == _TASK_LIST_HEAD_LINES and j - i == limit - 1:
            if not task_list_header([c for c, _ in cells]):
                return None
            limit = _TASK_LIST_LINES
        ln = lines[j]
        if ln.kind == "text":
            text = strip_markdown_inline(normalize_line(ln.raw.strip()))
            if cells and ends[-1] == j:
                cells[-1] = (cells[-1][0] + text, cells[-1][1])
            else:
                cells.append((text, ln.no))
                ends.append(j)
            ends[-1] = j + 1
        elif ln.kind != "blank":
            break
        j += 1
    found = task_list(cells)
    if found is None:
        return None
    return grid_item(found[0], lines[i].no), ends[found[1] - 1]


def _simple_line(ln: Line) -> tuple[int, str | None]:
    if ln.kind == "blank":
        return ln.no, None
    if ln.kind == "text":
        return ln.no, strip_markdown_inline(normalize_line(ln.raw.strip()))
    return ln.no, "\0"


class _Simple(Sequence[tuple[int, str | None]]):
    """The lines as :func:`planwatch.parse.cellrun.collect` reads them (``None`` = blank,
    ``"\\0"`` = not text), each normalised only when a table run looks at it."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._done: dict[int, tuple[int, str | None]] = {}

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> tuple[int, str | None]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, str | None]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[int, str | None] | list[tuple[int, str | None]]:
        if isinstance(index, slice):
            return [self[j] for j in range(*index.indices(len(self._lines)))]
        if index < 0:
            index += len(self._lines)
        found = self._done.get(index)
        if found is None:
            found = self._done[index] = _simple_line(self._lines[index])
        return found


def to_items(lines: list[Line]) -> list[Item]:
    """Group classified lines into items (tables and text lines)."""
    items: list[Item] = []
    simple: _Simple | None = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "text" and starts_header(ln.raw):
            simple = simple if simple is not None else _Simple(lines)
            found = take_task_list(lines, i) or take_cell_table(lines, i, simple)
            if found is not None:
                items.append(found[0])
                i = found[1]
                continue
        if ln.kind == "text" and may_head(ln.raw) and header_cells(ln.raw) is not None:
            spaced = take_spaced_table([(x.no, x.raw) for x in lines], i)
            if spaced is not None:  # 序号 指 标 2030 年目标 属性: a PDF's cells split by spaces
                items.append(spaced[0])
                i = spaced[1]
                continue
        if ln.kind == "cell":
            flat, i = take_flat_table(lines, i)
            items.extend(flat)
            continue
        if ln.kind in ("row", "pipe"):
            item, i = take_row_table(lines, i)
        elif ln.kind == "text":
            item, i = text_item(ln), i + 1
        else:
            i += 1
            continue
        items.append(item)
    return items


_WRAPPED_PAGE = 150  # characters: a line shorter than this is no page of wrapped lines


def _paragraphs(raw: str) -> list[str]:
    """A page flattened into one line cut back into its paragraphs (a blank line between them,
    all on the line's number): by its wraps when they were kept as spaces, else by its marks."""
    paras = unwrap(raw)  # (the caller passes lines of at least _WRAPPED_PAGE characters)
    if paras is None:
        if len(raw) <= LONG_LINE:
            return [raw]
        paras = unflatten(raw)
    out: list[str] = []
    for para in paras:
        out.extend([para, ""])
    return out


_LONE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*([.．、])?\s*$")
_LONE_MARK = re.compile(r"^\s*[.．、]\s*$")
_LONE_STOP = re.compile(r"^\s*。\s*$")
_TITLE_RUN = 40  # the longest title a broken item number is put back in front of


def rejoin_numbers(lines: list[str]) -> list[str]:
    """A PDF's item number set apart from its title (``1`` ‖ ``.`` ‖ ``加强`` ‖ ``油气供应保障。``,
    ``4.`` ‖ ``促进`` ‖ ``新型储能`` ‖ ``发展。``, ``3. 加快…电站`` ‖ ``。``): the number, its
    mark and the title's pieces up to its 。 on one line, the lines they came from left blank
    (so every line keeps its number)."""
    if not any(_may_be_lone(x) and (_LONE_MARK.match(x) or _LONE_STOP.match(x)
                                     or _LONE_NUMBER.match(x)) for x in lines):
        return lines
    out = list(lines)
    i = 0
    while i < len(out):
        first = _item_start(out, i)
        if first is None:
            i += 1
            continue
        head, at = first
        title, end = out[at].strip(), at
        while not title.endswith("。") and end + 1 < len(out) and out[end + 1].strip() \
                and len(title + out[end + 1].strip()) <= _TITLE_RUN:
            end += 1
            title += out[end].strip()
        last = end if title.endswith("。") else at
        out[i] = head + (title if title.endswith("。") else out[at].strip())
        for k in range(i + 1, last + 1):
            out[k] = ""
        i = last + 1
    return out


def _item_start(lines: list[str], i: int) -> tuple[str, int] | None:
    """The number and mark an item starts with at line ``i`` and the line its title starts on:
    ``1`` ‖ ``.`` ‖ title, ``4.`` ‖ title, or ``3. title`` ‖ ``。``."""
    if not lines[i].lstrip()[:1].isdigit():
        return None  # (every form starts with its number: a cheap test first)
    number = _LONE_NUMBER.match(lines[i])
    if number and number.group(2) and i + 1 < len(lines) and lines[i + 1].strip():
        return number.group(1) + number.group(2), i + 1
    if number and i + 2 < len(lines) and _LONE_MARK.match(lines[i + 1]) and lines[i + 2].strip():
        return number.group(1) + lines[i + 1].strip(), i + 2
    if i + 1 < len(lines) and _LONE_STOP.match(lines[i + 1]) and _NUMBERED_TITLE.match(lines[i]):
        return "", i
    return None


def _may_be_lone(line: str) -> bool:
    """Whether a line can be a lone number, mark or stop (what it starts with: a cheap test)."""
    first = line.lstrip()[:1]
    return first.isdigit() or (first != "" and first in ".．、。")


_NUMBERED_TITLE = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*[^。]{2,38}$")


_BARE_NUMBER = re.compile(r"^[ \u3000]*(\d+(?:\.\d+)?%?)[ \u3000]*$")  # (not a \t cell)


def _bare_number(line: str) -> re.Match[str] | None:
    """A line that is one number and nothing else (a cheap test of its first character first)."""
    return _BARE_NUMBER.match(line) if line.lstrip(" \u3000")[:1].isdigit() else None


# what follows a number in its sentence: 年, 月, a unit, the end of a document number
_NUMBER_TAIL = re.compile(r"^[ \u3000]*(?:[年月日号〕%％万亿千百个家项座条倍台套名人所次元米吨亩"
                          r"周天期级。，；、]|以[上下内])")
_DATE_PART = re.compile(r"\d{4}年(?:\d{1,2}月)?|\d{1,2}月")
_BRACKET_OPEN = ("〔", "〕", "[", "（")


def glue_numbers(lines: list[str]) -> list[str]:
    """A PDF whose digits were set in another font puts every number on a line of its own
    (``到`` ‖ ``2025`` ‖ ``年，…比`` ‖ ``2020`` ‖ ``年下降`` ‖ ``10%`` ‖ ``以上``, a date as
    ``20`` ‖ ``23`` ‖ ``年`` ‖ ``10`` ‖ ``月``): each such number goes back in front of the words
    that follow it. A row number of a table laid out one cell per line (``保障`` ‖ ``4`` ‖
    ``人均住房面积``) stays apart: a count is glued only inside a sentence broken off."""
    if not any(_bare_number(x) for x in lines):
        return lines
    out = list(lines)
    glued: set[int] = set()  # lines emptied here (an empty line of the source is a break)
    i = 0
    while i + 1 < len(out):
        number = _bare_number(out[i])
        if number is None:
            i += 1
            continue
        digits, j = number.group(1), i + 1
        second = _bare_number(out[j])
        if second and digits in ("19", "20") and len(second.group(1)) == 2 \
                and j + 1 < len(out) and out[j + 1].lstrip().startswith("年"):
            digits, j = digits + second.group(1), j + 1  # 20 ‖ 23 ‖ 年: a year cut in two
        prev = next((k for k in range(i - 1, -1, -1) if k not in glued), None)
        before = out[prev].strip() if prev is not None else ""
        if not _NUMBER_TAIL.match(out[j]) or not _in_sentence(digits, out[j], before):
            i += 1
            continue
        text = digits + out[j].strip()
        for k in range(i, j + 1):
            out[k] = ""
            glued.add(k)
        if prev is not None and _continues_number(before):
            out[prev] = before + text  # 晋能源规发〔 ‖ 2023 ‖ 〕 / 2023年 ‖ 10 ‖ 月: one number
        else:
            out[i] = text
            glued.discard(i)
        i = j + 1
    return out


_SENTENCE_LEAD = tuple("，、：:（(到至为达于比约近超共计第低高少多成建有")


def _in_sentence(digits: str, after: str, before: str) -> bool:
    """Whether a number on a line of its own belongs to the sentence around it: a year before
    年, a percentage, a piece of a document number or date, or a count after a sentence's words."""
    if digits.endswith("%") or (len(digits) == 4 and digits[:2] in ("19", "20")
                                and after.lstrip().startswith("年")):
        return True
    return _continues_number(before) or len(before) >= 12 or before.endswith(_SENTENCE_LEAD)


def _continues_number(before: str) -> bool:
    """The line before is the start of the same number: a 文号's bracket or a date's 年/月."""
    return before.endswith(_BRACKET_OPEN) or _DATE_PART.fullmatch(before) is not None


def read_text(data: bytes, name: str) -> Document:
    """Read a .txt/.md file into a Document."""
    text = decode_bytes(data)
    raw_lines = rejoin_numbers(glue_numbers(rewrite_front_matter(text.splitlines())))
    lines = [classify(no, part) for no, raw in enumerate(raw_lines, start=1)
             for part in (_paragraphs(raw) if len(raw) >= _WRAPPED_PAGE else (raw,))]
    items = to_items(drop_toc(lines))
    fmt = "md" if name.lower().endswith(".md") else "txt"
    return Document(blocks=finish(items), source=name, format=fmt)
