"""Search and filter parameters of the HTML lists, checked at the door: a value that is not
what the list accepts gives a Chinese 400 page (as :mod:`planwatch.web.pages.paging` does for
``page`` / ``size``), never a 500 or an ignored filter. The filtering itself happens in SQL or
in the workflow list functions.

Every parameter is read as text (``None`` or blank: no filter) and turned into its value here.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from fastapi import HTTPException

MAX_SEARCH = 100
"""Longest search text accepted (characters)."""
_PERIOD = re.compile(r"^(\d{4})-(\d{4})$", re.ASCII)


def _refuse(name: str, zh: str, en: str) -> HTTPException:
    return HTTPException(400, f"筛选条件无效：{name} {zh} / invalid filter: {name} {en}")


def _blank(raw: str | None) -> bool:
    return raw is None or raw.strip() == ""


def search_text(raw: str | None, name: str = "q") -> str | None:
    """Words to search for (at most :data:`MAX_SEARCH` characters, no control characters)."""
    if _blank(raw):
        return None
    text = " ".join(str(raw).split())
    if len(text) > MAX_SEARCH or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise _refuse(name, f"须为不超过{MAX_SEARCH}个字符的文字",
                      f"must be text of at most {MAX_SEARCH} characters")
    return text


def whole(raw: str | None, name: str, low: int = 1, high: int = 2_000_000_000) -> int | None:
    """A whole number from ``low`` to ``high``."""
    if _blank(raw):
        return None
    text = str(raw).strip()
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise _refuse(name, f"须为 {low}—{high} 的整数", f"must be a whole number from {low} "
                      f"to {high}")
    return int(text)


def choice(raw: str | None, name: str, allowed: Collection[str]) -> str | None:
    """One of ``allowed`` (codes; the page shows their labels)."""
    if _blank(raw):
        return None
    text = str(raw).strip()
    if text not in allowed:
        raise _refuse(name, "不是可选的值", "is not one of the choices")
    return text


def period(raw: str | None, name: str = "period") -> tuple[int, int] | None:
    """A plan period ``2021-2025`` (start ≤ end)."""
    if _blank(raw):
        return None
    m = _PERIOD.match(str(raw).strip())
    if m is None or int(m.group(1)) > int(m.group(2)):
        raise _refuse(name, "须为“起始年-结束年”，如 2021-2025",
                      "must be start-end years, e.g. 2021-2025")
    return int(m.group(1)), int(m.group(2))


def flag(raw: str | None, name: str) -> bool:
    """A check box: ``1`` (on) or ``0`` / blank (off)."""
    if _blank(raw):
        return False
    text = str(raw).strip()
    if text not in ("0", "1"):
        raise _refuse(name, "须为 0 或 1", "must be 0 or 1")
    return text == "1"
