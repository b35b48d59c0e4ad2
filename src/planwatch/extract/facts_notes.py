"""Table footnotes that define a marker (``注：*代表2019年完成数``, ``[] 内为5年累计数``).

Each definition becomes a ``table_note`` fact: ``subject`` is the marker, ``value`` the number of
cells of the table carrying it, so the audit can tell a note that refers to nothing.
"""

from __future__ import annotations

import re

from planwatch.extract.tables import TableGroup, group_tables
from planwatch.model.plan import Fact
from planwatch.parse.document import Document

_NOTE_START = ("注：", "注:", "注 ", "备注", "说明：", "说明:")
_SYMBOL = re.compile(
    r"(?:^|[：:，,；;。\s])(?P<m>[*＊#＃※△▲☆★†]+)\s*号?\s*(?:代表|表示|为|系|是|指|标注|标记)"
)
_BRACKET = re.compile(
    r"(?P<m>\[\s*\]|〔\s*〕|［\s*］|【\s*】)\s*(?:内|中)?\s*(?:为|代表|表示|是|指)"
)
_OPEN = {"[": "[", "〔": "〔", "［": "［", "【": "【"}


def _is_note(text: str) -> bool:
    return text.lstrip().startswith(_NOTE_START)


def _notes(doc: Document, group: TableGroup) -> list[tuple[str, int | None]]:
    """Note rows inside the table and note paragraphs right after it, with their lines."""
    out: list[tuple[str, int | None]] = []
    for i, row in enumerate(group.rows):
        first = next((c for c in row if c.strip()), "")
        if _is_note(first):
            out.append((first, group.row_line(i)))
    end = group.index + 1
    while end < len(doc.blocks) and doc.blocks[end] in group.blocks:
        end += 1
    for block in doc.blocks[end:end + 2]:
        if block.kind == "table":
            break
        if _is_note(block.text):
            out.append((block.text.strip(), block.line))
    return out


def _data_cells(group: TableGroup) -> list[str]:
    cells: list[str] = []
    for row in group.rows:
        first = next((c for c in row if c.strip()), "")
        if not _is_note(first):
            cells.extend(c.strip() for c in row)
    return cells


def _marker_count(marker: str, cells: list[str]) -> int:
    if marker[0] in _OPEN:
        return sum(1 for c in cells if c.startswith(_OPEN[marker[0]]))
    symbol = marker.replace("＊", "*").replace("＃", "#")
    return sum(1 for c in cells if symbol in c.replace("＊", "*").replace("＃", "#"))


def table_notes(doc: Document) -> list[Fact]:
    """One fact per marker a table's footnote defines."""
    out: list[Fact] = []
    for group in group_tables(doc):
        cells = _data_cells(group)
        for text, line in _notes(doc, group):
            markers = [m.group("m") for m in _SYMBOL.finditer(text)]
            markers += [re.sub(r"\s+", "", m.group("m")) for m in _BRACKET.finditer(text)]
            for marker in markers:
                out.append(Fact(
                    kind="table_note", subject=marker, value=_marker_count(marker, cells),
                    quote=text, line=line,
                ))
    return out
