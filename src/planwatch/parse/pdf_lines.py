"""Per-page geometry for the PDF reader: lines outside tables, tables, furniture, paragraphs."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from planwatch.parse.layout import (
    MAX_HEADING_CHARS,
    Item,
    ends_sentence,
    is_furniture,
    starts_block,
)
from planwatch.parse.normalize import join_parts, normalize_line

_CJK_GAP = re.compile(
    r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uff0f\uff1a-\uff20“”‘’])\s+"
    r"(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uff0f\uff1a-\uff20“”‘’])")
_DIGITS = re.compile(r"\d+")
FURNITURE_ZONE = 0.12
GAP_FACTOR = 1.4
HEADING_SIZE = 1.15
MAX_TABLE_CELLS = 20000


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


@dataclass
class Table:
    top: float
    rows: list[list[str]]


@dataclass
class PageLines:
    no: int
    height: float
    width: float
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    ocr: bool = False  # lines recognised from the page image: sizes are estimates


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (float(obj.get("x0", 0)) + float(obj.get("x1", 0))) / 2
    cy = (float(obj.get("top", 0)) + float(obj.get("bottom", 0))) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def page_lines(page: Any, no: int) -> PageLines:
    """Text lines (outside tables) and tables of one pdfplumber page."""
    out = PageLines(no, float(page.height), float(page.width))
    boxes: list[tuple[float, float, float, float]] = []
    for table in page.find_tables():
        rows = fill_merged(table)
        if rows and sum(len(r) for r in rows) <= MAX_TABLE_CELLS:
            boxes.append(tuple(float(v) for v in table.bbox))  # type: ignore[arg-type]
            out.tables.append(Table(float(table.bbox[1]), rows))
    body = page.filter(lambda o: not _inside(o, boxes)) if boxes else page
    for ln in body.extract_text_lines(return_chars=False):
        text = _CJK_GAP.sub("", normalize_line(str(ln.get("text", ""))))
        if text:
            out.lines.append(Line(text, float(ln["x0"]), float(ln["x1"]),
                                  float(ln["top"]), float(ln["bottom"])))
    return out


def fill_merged(table: Any) -> list[list[str]]:
    """Cell texts with merged cells repeated: a cell spanning right is copied to the right,
    otherwise an empty grid position takes the value above it."""
    raw = table.extract()
    geometry = [list(r.cells) for r in table.rows]
    rows: list[list[str]] = []
    for r, row in enumerate(raw):
        out: list[str] = []
        for c, cell in enumerate(row):
            if cell is not None:
                out.append(str(cell))
            elif c > 0 and _spans_right(geometry, r, c):
                out.append(out[c - 1])
            elif rows and c < len(rows[-1]):
                out.append(rows[-1][c])
            else:
                out.append("")
        rows.append(out)
    return rows


def _spans_right(geometry: list[list[Any]], r: int, c: int) -> bool:
    """True when the nearest real cell left of (r, c) extends over column c."""
    row = geometry[r] if r < len(geometry) else []
    left = next((row[k] for k in range(min(c, len(row)) - 1, -1, -1) if row[k] is not None),
                None)
    starts = [float(rr[c][0]) for rr in geometry if c < len(rr) and rr[c] is not None]
    if left is None or not starts:
        return False
    return float(left[2]) > statistics.median(starts) + 1


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.replace(" ", ""))


def strip_furniture(pages: list[PageLines]) -> None:
    """Drop page numbers and running headers/footers (repeating at the top/bottom of pages)."""
    def zone(page: PageLines, ln: Line) -> bool:
        return (ln.bottom < page.height * FURNITURE_ZONE
                or ln.top > page.height * (1 - FURNITURE_ZONE))

    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(ln.text) for ln in page.lines if zone(page, ln)})
    need = max(2, len(pages) // 2)
    for page in pages:
        page.lines = [ln for ln in page.lines if not (
            zone(page, ln) and (is_furniture(ln.text) or seen[_key(ln.text)] >= need))]


@dataclass
class _State:
    """Running state of the paragraph builder across pages."""

    body_size: float
    items: list[Item] = field(default_factory=list)
    prev: Line | None = None
    new_page: bool = False
    sizes: dict[int, float] = field(default_factory=dict)
    left: float = 0.0
    right: float = 0.0


def _margins(lines: list[Line]) -> tuple[float, float]:
    """The body's left edge (most common line start) and right edge (90th percentile end)."""
    if not lines:
        return 0.0, 0.0
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    ends = sorted(ln.x1 for ln in lines)
    return float(left), ends[min(len(ends) - 1, int(len(ends) * 0.9))]


def build_items(pages: list[PageLines]) -> list[Item]:
    """Paragraph, heading and table items of all pages in reading order."""
    sizes = [ln.size for p in pages for ln in p.lines]
    state = _State(body_size=statistics.median(sizes) if sizes else 10.0)
    state.left, state.right = _margins([ln for p in pages for ln in p.lines])
    for page in pages:
        _page_items(page, state)
    _mark_headings(state)
    return state.items


def _page_items(page: PageLines, st: _State) -> None:
    lines = sorted(page.lines, key=lambda ln: (round(ln.top), ln.x0))
    gaps = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
    gap = statistics.median(gaps) if gaps else 0.0
    left, right = st.left, st.right
    tables = sorted(page.tables, key=lambda t: t.top)
    st.new_page = True
    for ln in lines:
        while tables and tables[0].top < ln.top:
            _add_table(st, tables.pop(0), page.no)
        last = st.items[-1] if st.items else None
        if (st.prev is not None and last is not None and last.kind == "text"
                and not (page.ocr and starts_block(ln.text))
                and _continues(st, ln, 0.0 if st.new_page else gap, left, right)):
            last.text = join_parts(last.text, ln.text)
        else:
            st.sizes[len(st.items)] = ln.size
            st.items.append(Item("text", ln.text, page=page.no))
        st.prev, st.new_page = ln, False
    for table in tables:
        _add_table(st, table, page.no)


def _add_table(st: _State, table: Table, page: int) -> None:
    """Append a table; a table continuing at the top of the next page is merged into it."""
    last = st.items[-1] if st.items else None
    width = max((len(r) for r in table.rows), default=0)
    if (st.new_page and last is not None and last.kind == "table"
            and max((len(r) for r in last.rows), default=0) == width):
        rows = table.rows
        if rows and last.rows and rows[0] == last.rows[0]:
            rows = rows[1:]  # header row repeated on the new page
        if rows and last.rows and _is_row_continuation(last.rows[-1], rows[0]):
            last.rows[-1] = [join_parts(a, b) for a, b in zip(last.rows[-1], rows[0], strict=True)]
            rows = rows[1:]
        last.rows.extend(rows)
    else:
        st.items.append(Item("table", rows=[list(r) for r in table.rows], page=page))
    st.prev = None


def _is_row_continuation(prev_row: list[str], row: list[str]) -> bool:
    """A row broken by the page break: the new part has empty cells, the old part has none."""
    return all(c.strip() for c in prev_row) and any(not c.strip() for c in row) and any(
        c.strip() for c in row)


def _mark_headings(st: _State) -> None:
    """Short paragraphs set in a clearly larger font than the body are headings."""
    for index, size in st.sizes.items():
        item = st.items[index]
        text = item.text.strip()
        if (size > HEADING_SIZE * st.body_size and len(text) <= MAX_HEADING_CHARS
                and not re.search(r"[。；;]", text.rstrip("。"))):
            item.kind = "heading"


def _continues(st: _State, ln: Line, gap: float, left: float, right: float) -> bool:
    """``ln`` continues the paragraph of the previous line: similar font, no big gap, no indent,
    and the previous line ran to the right margin."""
    prev = st.prev
    if prev is None:
        return False
    size = prev.size
    if abs(ln.size - size) > 0.2 * size:
        return False
    if ends_sentence(prev.text) and starts_block(ln.text):
        return False
    if gap and ln.top - prev.top > gap * GAP_FACTOR:
        return False
    if ln.x0 > left + 1.5 * size:
        return False
    return prev.x1 >= right - 2.2 * size
