"""The section tree of a document from its printed numbering.

Heading styles, outer to inner as official documents use them: ``第一章``/``第一部分``,
``第一节``, ``一、``, ``（一）``, ``1.``/``1、``, ``（1）``; boxes ``专栏1`` are leaf sections.
Nesting follows the order in which styles appear: a style seen before is a sibling of its
earlier use, a new style nests under the current one, so documents that skip or reorder
levels still give a sensible tree. A numbered paragraph counts as a heading when the text
before its first 。 is short (run-in headings like ``（一）建立健全实验室体系。深入…``).
Table-of-contents lines (ending in a page number) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwatch.parse.document import Block, Document

_CN = "一二三四五六七八九十百零〇两"
MAX_TITLE = 40

_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chapter", re.compile(rf"^(第[{_CN}\d]+(?:章|部分|篇))\s*(.*)$", re.S)),
    ("section", re.compile(rf"^(第[{_CN}\d]+节)\s*(.*)$", re.S)),
    ("cn", re.compile(rf"^([{_CN}]+、)\s*(.*)$", re.S)),
    ("cn_paren", re.compile(rf"^([（(]\s*[{_CN}]+\s*[)）])\s*(.*)$", re.S)),
    ("arabic", re.compile(r"^(\d{1,3}\s*[.．、](?!\d))\s*(.*)$", re.S)),
    ("arabic_paren", re.compile(r"^([（(]\s*\d{1,3}\s*[)）])\s*(.*)$", re.S)),
    ("box", re.compile(r"^(专栏\s*[\d一二三四五六七八九十]*)\s*[：:\s]?\s*(.*)$", re.S)),
)
_TOC_LINE = re.compile(r"(?:\.{3,}|…{2,}|\s)\d{1,3}$")


@dataclass
class Section:
    """One heading: its printed number, nesting level (1 = outermost), title and location."""

    number_text: str
    style: str
    level: int
    title: str
    block_index: int
    line: int | None
    children: list[Section] = field(default_factory=list)


def heading_of(block: Block) -> tuple[str, str, str] | None:
    """(style, number_text, title) if the block starts a numbered section, else None."""
    if block.kind == "table":
        return None
    text = block.text.strip()
    if _TOC_LINE.search(text):
        return None
    for style, pattern in _STYLES:
        m = pattern.match(text)
        if m:
            title = _heading_title(m.group(2), block.kind == "heading" or style == "box")
            if title is None:
                return None
            return style, re.sub(r"\s+", "", m.group(1)), title
    return None


def _heading_title(rest: str, is_heading: bool) -> str | None:
    rest = rest.strip()
    head = re.split(r"[。；;]", rest, maxsplit=1)[0].strip()
    if is_heading:
        return head or rest
    if not head or len(head) > MAX_TITLE or (re.search(r"[，,：:]", head) and len(head) > 25):
        return None
    return head


def outline(doc: Document) -> list[Section]:
    """The tree of numbered sections (top-level list; children nested)."""
    roots: list[Section] = []
    stack: list[Section] = []
    for i, block in enumerate(doc.blocks):
        found = heading_of(block)
        if found is None:
            continue
        style, number, title = found
        if style == "box":
            section = Section(number, style, len(stack) + 1, title, i, block.line)
            (stack[-1].children if stack else roots).append(section)
            continue
        styles = [s.style for s in stack]
        if style in styles:
            del stack[styles.index(style):]
        section = Section(number, style, len(stack) + 1, title, i, block.line)
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return roots


def walk(sections: list[Section]) -> list[Section]:
    """All sections in document order (depth first)."""
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(walk(s.children))
    return out


def section_path(doc: Document) -> list[tuple[str, ...]]:
    """For each block index, the titles of its enclosing sections, outermost first.

    A heading block belongs to its own section. Boxes (专栏) enclose nothing here.
    """
    starts = {s.block_index: s for s in walk(outline(doc)) if s.style != "box"}
    paths: list[tuple[str, ...]] = []
    stack: list[Section] = []
    for i in range(len(doc.blocks)):
        section = starts.get(i)
        if section is not None:
            del stack[section.level - 1:]
            stack.append(section)
        paths.append(tuple(s.title for s in stack))
    return paths
