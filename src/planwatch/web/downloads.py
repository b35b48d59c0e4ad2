"""File downloads: a Chinese file name in ``Content-Disposition`` (RFC 6266 / RFC 5987)."""

from __future__ import annotations

import re
from urllib.parse import quote

_NOT_ASCII_SAFE = re.compile(r'[^A-Za-z0-9._-]+')


def attachment(name: str, fallback: str) -> str:
    """``attachment; filename="fallback"; filename*=UTF-8''…``: browsers that read RFC 5987
    save ``name`` (Chinese), the others the ASCII ``fallback``."""
    ascii_name = _NOT_ASCII_SAFE.sub("-", fallback).strip("-") or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
