"""The neutral document model every reader produces and every extractor reads.

A Document is a flat list of blocks in reading order: headings, paragraphs and tables. Readers
normalise text (NFKC digits/letters, conversion debris removed, sentences joined across broken
lines and pages), so extractors never see format-specific noise.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "table"]


@dataclass(frozen=True)
class Block:
    """One unit of a document.

    ``text`` holds the text of a heading or paragraph; a table keeps its cells in ``rows`` (one
    tuple of cell strings per row, merged cells repeated into every position they span) and its
    ``text`` is the rows joined by tabs and newlines. ``line`` is the 1-based line of the source
    where the block starts (text formats), ``page`` the 1-based page (PDF).
    """

    kind: BlockKind
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    level: int | None = None
    line: int | None = None
    page: int | None = None

    @property
    def location(self) -> str:
        if self.page is not None:
            return f"p.{self.page}"
        if self.line is not None:
            return f"line {self.line}"
        return "?"


def table_block(
    rows: list[list[str]], *, line: int | None = None, page: int | None = None
) -> Block:
    """Build a table block, cleaning cell whitespace and dropping wholly empty rows."""
    clean = tuple(
        tuple(" ".join(c.split()) for c in row) for row in rows if any(c.strip() for c in row)
    )
    text = "\n".join("\t".join(r) for r in clean)
    return Block(kind="table", text=text, rows=clean, line=line, page=page)


@dataclass
class Document:
    """A parsed document: blocks in reading order plus where it came from."""

    blocks: list[Block] = field(default_factory=list)
    source: str = ""
    format: str = ""

    def paragraphs(self) -> Iterator[Block]:
        """Headings and paragraphs in order (tables skipped)."""
        return (b for b in self.blocks if b.kind != "table")

    def tables(self) -> Iterator[tuple[int, Block]]:
        """(index, block) of every table, so callers can look at the caption before it."""
        return ((i, b) for i, b in enumerate(self.blocks) if b.kind == "table")

    def full_text(self) -> str:
        """All text, one block per line (tables as tab-separated rows)."""
        return "\n".join(b.text for b in self.blocks)
