"""Walk an HTML element into layout items: lines of text, headings and expanded tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planwatch.parse.layout import Item

_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "center", "address", "figure", "figcaption", "caption", "hr", "tr", "body", "html",
    "h1", "h2", "h3", "h4", "h5", "h6",
})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
MAX_SPAN = 50


@dataclass
class _Walker:
    items: list[Item] = field(default_factory=list)
    buf: list[str] = field(default_factory=list)
    line: int | None = None

    def flush(self, kind: str = "text", level: int | None = None) -> None:
        text = "".join(self.buf)
        if text.strip():
            self.items.append(Item("heading" if kind == "heading" else "text", text,
                                   level=level, line=self.line))
        self.buf = []
        self.line = None

    def add(self, text: str, line: int | None) -> None:
        if not self.buf:
            self.line = line
        self.buf.append(text)


def walk(root: Any) -> list[Item]:
    """Items for the element's content in reading order."""
    w = _Walker()
    _visit(root, w)
    w.flush()
    return w.items


def _visit(node: Any, w: _Walker) -> None:
    from bs4.element import (
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    for child in list(node.children):
        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            w.add(str(child), getattr(node, "sourceline", None))
        elif isinstance(child, Tag):
            _visit_tag(child, w)


def _visit_tag(tag: Any, w: _Walker) -> None:
    name = tag.name
    if name == "br":
        w.flush()
    elif name == "table":
        w.flush()
        _visit_table(tag, w)
    elif name in _HEADINGS:
        w.flush()
        _visit(tag, w)
        w.flush("heading", _HEADINGS[name])
    elif name in _BLOCK:
        w.flush()
        _visit(tag, w)
        w.flush()
    else:
        _visit(tag, w)


def _visit_table(table: Any, w: _Walker) -> None:
    """A data table becomes a table item; a layout table (nested tables) is walked through."""
    if table.find("table") is not None:
        _visit(table, w)
        w.flush()
        return
    rows = expand_spans(_raw_rows(table))
    if rows:
        w.items.append(Item("table", rows=rows, line=getattr(table, "sourceline", None)))


def _raw_rows(table: Any) -> list[list[tuple[str, int, int]]]:
    """(text, rowspan, colspan) for every cell of every row of the table (not nested ones)."""
    out: list[list[tuple[str, int, int]]] = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = [(cell_text(td), _span(td, "rowspan"), _span(td, "colspan"))
                 for td in tr.find_all(["td", "th"], recursive=False)]
        out.append(cells)
    return out


def _span(td: Any, attr: str) -> int:
    try:
        value = int(str(td.get(attr, "1")).strip() or "1")
    except ValueError:
        return 1
    return max(1, min(value, MAX_SPAN))


def cell_text(td: Any) -> str:
    """A cell's text with its paragraphs and line breaks as newlines."""
    lines = [it.text.strip() for it in walk(td) if it.kind != "table"]
    return "\n".join(x for x in lines if x)


def expand_spans(raw: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Expand rowspan/colspan into a full grid, repeating a merged cell in every position."""
    grid: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(raw):
        c = 0
        for text, rowspan, colspan in cells:
            while (r, c) in grid:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), text)
            c += colspan
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(min(height, len(raw)))]
