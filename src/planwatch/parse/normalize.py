"""Text normalisation shared by every reader."""

from __future__ import annotations

import re

from planwatch.errors import DocumentError

_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({i: i - 0xFEE0 for i in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({i: i - 0xFEE0 for i in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({0xFF05: ord("%"), 0xFF0E: ord("."), 0x3000: ord(" ")})
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


def decode_bytes(data: bytes) -> str:
    """Decode text bytes: BOM, UTF-8, then GB18030 or whatever charset-normalizer detects."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError("undecodable", "无法识别文件编码", "cannot detect the text encoding")
    return str(best)


def normalize_line(line: str) -> str:
    """Full-width digits/letters to ASCII, debris removed, whitespace collapsed."""
    line = _BOOKMARK.sub("", line.translate(_FULLWIDTH))
    return " ".join(line.split())
