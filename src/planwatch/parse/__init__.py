"""Readers: one per format, all producing the neutral Document."""

from __future__ import annotations

from pathlib import Path

from planwatch.parse.document import Block, Document, table_block
from planwatch.parse.registry import MAX_BYTES, SUPPORTED_SUFFIXES, read_document

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "Block",
    "Document",
    "Path",
    "read_document",
    "table_block",
]
