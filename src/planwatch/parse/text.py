"""Plain text and Markdown reader (first cut: encodings, tab tables, markdown headings)."""

from __future__ import annotations

import re

from planwatch.parse.document import Block, Document, table_block
from planwatch.parse.normalize import decode_bytes, normalize_line

_MD_HEADING = re.compile(r"^(#{1,6})\s*(.*)$")


def read_text(data: bytes, name: str) -> Document:
    text = decode_bytes(data)
    lines = text.splitlines()
    blocks: list[Block] = []
    table: list[list[str]] = []
    table_line = 0
    for no, raw in enumerate(lines, start=1):
        if "\t" in raw.strip("\n") and raw.strip():
            if not table:
                table_line = no
            table.append([normalize_line(c) for c in raw.split("\t")])
            continue
        if table:
            blocks.append(table_block(table, line=table_line))
            table = []
        line = normalize_line(raw)
        if not line:
            continue
        m = _MD_HEADING.match(line)
        if m:
            blocks.append(Block("heading", m.group(2).strip("* "), level=len(m.group(1)), line=no))
        else:
            blocks.append(Block("paragraph", line.replace("**", ""), line=no))
    if table:
        blocks.append(table_block(table, line=table_line))
    return Document(blocks=blocks, source=name, format="txt")
