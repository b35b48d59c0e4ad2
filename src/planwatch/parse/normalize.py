"""Text normalisation shared by every reader.

Contract (other modules rely on it): full-width digits and Latin letters become ASCII, but
Chinese punctuation (，。（）：；“”《》、) is kept as printed; conversion debris ([bookmark: _Toc…],
markdown emphasis, stray tabs) is removed; runs of whitespace become one space; spaces inside
numbers are only closed up where it is unambiguous (a year spelled ``2 0 2 5``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from planwatch.errors import DocumentError

_FULLWIDTH: dict[int, int | None] = {i: i - 0xFEE0 for i in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({i: i - 0xFEE0 for i in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({i: i - 0xFEE0 for i in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({
    0xFF05: ord("%"), 0xFF0E: ord("."), 0xFE52: ord("."), 0x3000: ord(" "), 0xFF0B: ord("+"),
    0xFF06: ord("&"), 0xFF0F: ord("/"), 0x00A0: ord(" "), 0xFEFF: None, 0x200B: None,
    0x0000: None,
})
_NEEDS_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FULLWIDTH)) + "]")
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]|\{#_[A-Za-z]+\d*\}|\[\]\{#[^}]*\}")
_SPACED_YEAR = re.compile(r"(?<![\d.])([12]) ([0-9]) ([0-9]) ([0-9])(?![\d.])")
_MD_STRONG = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_MD_EM = re.compile(r"(?<![*\w])\*([^*\s][^*]*?)\*(?![*\w])")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_CONTENT = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes) -> str:
    """Decode text bytes: BOM (UTF-8/16/32), UTF-8, GB18030 (covers GBK/GB2312), detection."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        return data.decode("utf-16-le" if data[1::2].count(0) > data[0::2].count(0)
                           else "utf-16-be", errors="replace")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError("undecodable", "无法识别文件编码", "cannot detect the text encoding")
    return str(best)


def _looks_utf16(data: bytes) -> bool:
    """BOM-less UTF-16: many zero bytes on one side of the byte pairs."""
    if len(data) < 4 or len(data) % 2:
        return False
    zeros = max(data[0::2].count(0), data[1::2].count(0))
    return zeros > len(data) // 4


@lru_cache(maxsize=16384)
def normalize_line(line: str) -> str:
    """Full-width digits/letters to ASCII, debris removed, whitespace collapsed (cached: the
    readers normalise most lines twice, once to find tables and once to make blocks)."""
    if _NEEDS_TRANSLATE.search(line):
        line = line.translate(_FULLWIDTH)
    if "[" in line or "{" in line:
        line = _BOOKMARK.sub("", line)
    line = " ".join(line.split())
    return _SPACED_YEAR.sub(r"\1\2\3\4", line) if " " in line else line


def strip_markdown_inline(line: str) -> str:
    """Remove inline markdown markup: **bold**, *em*, links/images, backslash escapes."""
    if "[" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "**" in line or "__" in line:
        line = _MD_STRONG.sub(lambda m: m.group(1) or m.group(2) or "", line)
    if "*" in line:
        line = _MD_EM.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line) if "\\" in line else line


def has_content(text: str) -> bool:
    """True when the text holds at least one letter, digit or Chinese character."""
    return _CONTENT.search(text) is not None


def join_parts(left: str, right: str) -> str:
    """Join two pieces of one broken sentence: no space between Chinese, one between words."""
    if not left:
        return right
    if not right:
        return left
    a, b = left[-1], right[0]
    if a.isascii() and b.isascii() and a.isalpha() and b.isalpha():
        return f"{left} {right}"
    return left + right


_PLACEHOLDER = re.compile(r"[\s\-—–－/／]+|\s*无\s*")


def is_placeholder(text: str) -> bool:
    """A table cell that names nobody and nothing: dashes (``——``, ``-``), a slash or ``无``."""
    return _PLACEHOLDER.fullmatch(text) is not None
