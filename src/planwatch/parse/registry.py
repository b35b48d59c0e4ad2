"""Dispatch a file to its reader by suffix, with the common guards (size, emptiness)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planwatch.errors import DocumentError
from planwatch.parse.document import Document

MAX_BYTES = 50 * 1024 * 1024

Reader = Callable[[bytes, str], Document]


def _readers() -> dict[str, Reader]:
    from planwatch.parse import text

    table: dict[str, Reader] = {".txt": text.read_text, ".md": text.read_text}
    try:
        from planwatch.parse import html

        table.update({".html": html.read_html, ".htm": html.read_html})
    except ImportError:  # pragma: no cover - readers land one by one
        pass
    try:
        from planwatch.parse import docx

        table[".docx"] = docx.read_docx
    except ImportError:  # pragma: no cover
        pass
    try:
        from planwatch.parse import pdf

        table[".pdf"] = pdf.read_pdf
    except ImportError:  # pragma: no cover
        pass
    return table


SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def read_document(path: Path) -> Document:
    """Read any supported file into a Document; raise DocumentError for anything unreadable."""
    suffix = path.suffix.lower()
    reader = _readers().get(suffix)
    if reader is None:
        raise DocumentError(
            "unsupported-format",
            f"不支持的文件类型：{suffix or '(无扩展名)'}",
            f"unsupported file type: {suffix or '(no extension)'}",
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(
            "unreadable", f"无法读取文件：{exc}", f"cannot read file: {exc}"
        ) from exc
    if size > MAX_BYTES:
        raise DocumentError(
            "too-large",
            f"文件过大（{size // 1048576} MB，上限 50 MB）",
            f"file too large ({size // 1048576} MB, limit 50 MB)",
        )
    if size == 0:
        raise DocumentError("empty", "文件为空", "file is empty")
    data = path.read_bytes()
    doc = reader(data, path.name)
    if not any(b.text.strip() for b in doc.blocks):
        raise DocumentError("empty", "文件中没有可读的文字", "no readable text in the file")
    return doc
