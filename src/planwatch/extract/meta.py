"""Document metadata: title, region, level, type, period, issue date, number. Stub."""

from __future__ import annotations

from planwatch.model.plan import Meta
from planwatch.parse.document import Document


def extract_meta(doc: Document) -> Meta:
    return Meta()
