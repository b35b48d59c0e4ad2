"""A Markdown file's YAML front matter (``---`` … ``---`` at the top, as web clippers write it:
``title: "…"``, ``published: 2026-05-28``, ``tags:`` with ``- "clippings"`` items).

The fields the extractor reads keep their Chinese labels (``标题: …``, ``发布日期: …``, the front
matter of the portals' Markdown); English keys are put in those terms, and the clipper's other
fields (source, author, tags and their items, description) are blanked so no line of them is
read as the document's title or text. Line numbers are kept: a blanked line stays, empty."""

from __future__ import annotations

import re

_FENCE = "---"
_MAX_LINES = 40  # a front matter longer than this is not one
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_ITEM = re.compile(r"^\s*-\s")
_AS_CHINESE = {"title": "标题", "published": "发布日期", "date": "发布日期"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _value(raw: str) -> str:
    return raw.strip().strip("\"'").strip()


def _line(line: str) -> str:
    m = _FIELD.match(line)
    if m is None:
        return "" if _ITEM.match(line) else line
    key, value = m.group(1).lower(), _value(m.group(2))
    label = _AS_CHINESE.get(key)
    if label is None or not value or (label == "发布日期" and not _DATE.match(value)):
        return ""
    return f"{label}: {value}"


def rewrite_front_matter(lines: list[str]) -> list[str]:
    """``lines`` with a leading YAML front matter put in the extractor's terms (see the module)."""
    if not lines or lines[0].strip() != _FENCE:
        return lines
    end = next((i for i in range(1, min(len(lines), _MAX_LINES + 1))
                if lines[i].strip() == _FENCE), None)
    if end is None:
        return lines
    return [lines[0], *(_line(x) for x in lines[1:end]), *lines[end:]]
