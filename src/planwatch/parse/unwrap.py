"""Paragraphs back out of a PDF page whose wrapped lines were joined by spaces.

Some conversions of a PDF put each page on one line and keep the page's line breaks as spaces
(``…建成超充桩 4000 个。〔责任 单位：各区县政府，…重庆高速集 团〕 （二）合理选址布点 在…``).
A space there is either a wrap inside a paragraph (the line before it ran to the page's full
width) or a paragraph's end (the line before it stopped short), the way a reader of the page
tells them apart. Such a line is recognised by its spaces between Chinese characters falling at
a steady width: most pieces run to the same width, none much beyond it.
"""

from __future__ import annotations

import re

# a space between two non-ASCII characters: a wrapped line's end (spaces next to digits and
# Latin letters are the converter's word spacing, 到 2025 年, and stay)
_WRAP = re.compile(r"(?<=[^\x00-\x7f])[ \u3000]+(?=[^\x00-\x7f])")
_MARK = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                   r"|\d{1,2}[.．、](?!\d))")
_MIN_PIECES = 6
_MIN_FULL_SHARE = 0.4
_SLACK = 4  # display units (two Chinese characters) a full line may fall short of the width
_MIN_WIDTH, _MAX_WIDTH = 30, 100  # a page line: 15 to 50 Chinese characters


def _width(text: str) -> int:
    """Display width: a Chinese character 2, an ASCII character 1 (from the UTF-8 length: three
    bytes for a Chinese character, one for ASCII)."""
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def _page_width(widths: list[int]) -> int | None:
    """The width most pieces run to, when the pieces look like a page's wrapped lines."""
    if len(widths) < _MIN_PIECES:
        return None
    inner = sorted(widths[1:-1])  # the first and last piece are cut by the page's ends
    width = inner[(len(inner) * 3) // 4]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    full = sum(1 for w in inner if w >= width - _SLACK)
    too_long = sum(1 for w in inner if w > width + _SLACK)
    if full < _MIN_FULL_SHARE * len(inner) or too_long > len(inner) // 10:
        return None
    return width


def unwrap(line: str) -> list[str] | None:
    """The paragraphs of a page line whose wraps became spaces, or ``None`` when the line is not
    one (most lines hold no space between Chinese characters at all)."""
    if line.count(" ") + line.count("\u3000") < _MIN_PIECES - 1:
        return None  # most lines hold no space at all
    pieces = _WRAP.split(line)
    widths = [_width(p) for p in pieces]
    width = _page_width(widths)
    if width is None:
        return None
    out: list[str] = []
    current = ""
    for k, piece in enumerate(pieces):
        current += piece
        if k + 1 == len(pieces) or _MARK.match(pieces[k + 1]) \
                or (widths[k] < width - _SLACK and _ends(piece, k)
                    and widths[k] + 1 + widths[k + 1] > width + _SLACK):
            out.append(current.strip())
            current = ""
    return [p for p in out if p]


_FINAL = tuple("。；！？：）〕」”】")


def _ends(piece: str, k: int) -> bool:
    """A short piece ends its paragraph where it closes a sentence or a note, heads the page (the
    office's running header) or is a numbered heading; elsewhere it shared its line with the piece
    before (创新创业载体建设成绩显著。 高端研发机构实现了从零到 ‖ 有的突破…: a wrap follows)."""
    return k == 0 or piece.rstrip().endswith(_FINAL) or _MARK.match(piece) is not None
