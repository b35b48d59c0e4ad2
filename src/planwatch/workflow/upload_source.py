"""The source pane of the import review (原文对照): the uploaded document as rows — one per
heading or paragraph, one per table row — and, for every extracted row, the source row it came
from (在原文中定位).

Extractors give each item the ``line`` of its source: a text line for text formats, the index
of the paragraph or table in the body for .docx, where a table's row *i* is counted as
``table line + i`` and so shares its number with the paragraphs after the table. A line alone
is therefore ambiguous; :func:`anchors` resolves it with the item's own text (an indicator's
name is in its table row, a target's quote in its paragraph) and its kind (indicators come
from tables, prose targets from paragraphs).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from planwatch.model.plan import Plan
from planwatch.parse import read_document
from planwatch.parse.document import Block

MAX_SOURCE_ROWS = 8000
RowKind = Literal["heading", "paragraph", "table"]


class SourceRow(BaseModel):
    """One row of the source pane. ``key`` is unique (an HTML id); ``line`` is the line the
    extractors count (not unique in .docx); ``cells`` are a table row's cells."""

    key: str
    line: int | None
    kind: RowKind
    text: str
    cells: list[str] = []
    table: int | None = None
    """The table's number (0-based, in document order) for a table row."""
    first: bool = False
    """The first row of its table (the pane draws a gap above it)."""


def _table_rows(block: Block, n: int, table: int) -> list[SourceRow]:
    row_lines = getattr(block, "row_lines", ()) or ()
    out = []
    for i, cells in enumerate(block.rows):
        if i < len(row_lines):
            line: int | None = int(row_lines[i])
        else:
            line = None if block.line is None else block.line + i
        out.append(SourceRow(key=f"s{n}-{i}", line=line, kind="table", text="\t".join(cells),
                             cells=list(cells), table=table, first=i == 0))
    return out


def source_rows(path: Path) -> list[SourceRow]:
    """The document's rows in reading order (at most :data:`MAX_SOURCE_ROWS`)."""
    doc = read_document(path)
    out: list[SourceRow] = []
    tables = 0
    for n, block in enumerate(doc.blocks):
        if block.kind == "table":
            out.extend(_table_rows(block, n, tables))
            tables += 1
        else:
            out.append(SourceRow(key=f"s{n}", line=block.line, kind=block.kind,
                                 text=block.text))
        if len(out) >= MAX_SOURCE_ROWS:
            return out[:MAX_SOURCE_ROWS]
    return out


def _squash(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split()).lower()


def _hint_in(hint: str, row: SourceRow) -> bool:
    return bool(hint) and hint in _squash(row.text)


def locate(rows: list[SourceRow], line: int | None, hint: str | None,
           kind: RowKind | None = None) -> str | None:
    """The key of the source row of an item at ``line`` whose text contains ``hint``:
    a row at that line with the hint, else a row of a table spanning that line with the hint,
    else a row at that line of ``kind``, else any row at that line, else the nearest row
    before it."""
    if line is None:
        return None
    probe = _squash(hint)[:12]
    same = [r for r in rows if r.line == line]
    tables = {r.table for r in same if r.table is not None}
    spanning = [r for r in rows if r.table is not None and r.table in tables]
    for group in (same, spanning):
        found = next((r for r in group if _hint_in(probe, r)), None)
        if found is not None:
            return found.key
    typed = next((r for r in same if kind is None or r.kind == kind), None)
    if typed is not None:
        return typed.key
    before = [r for r in rows if r.line is not None and r.line <= line]
    return before[-1].key if before else None


def _items(plan: Plan) -> Iterable[tuple[str, int | None, str | None, RowKind | None]]:
    for i, ind in enumerate(plan.indicators):
        yield f"indicators.{i}", ind.line, ind.name, "table"
    for i, tgt in enumerate(plan.targets):
        yield f"targets.{i}", tgt.line, tgt.quote, "paragraph"
    for i, task in enumerate(plan.tasks):
        yield f"tasks.{i}", task.line, task.title, None
    for i, prior in enumerate(plan.prior_results):
        yield f"prior_results.{i}", prior.line, prior.name, "table"
    for i, project in enumerate(plan.projects):
        yield f"projects.{i}", project.line, project.name, "table"


def anchors(plan: Plan, rows: list[SourceRow]) -> dict[str, str]:
    """Row path (``indicators.3``) → key of its source row, for every row that has one."""
    out = {}
    for path, line, hint, kind in _items(plan):
        key = locate(rows, line, hint, kind)
        if key is not None:
            out[path] = key
    return out
