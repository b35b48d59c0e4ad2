"""PDF reader (pdfplumber): text layer, ruled tables, page furniture removed, paragraphs rebuilt.

Lines are grouped into paragraphs by layout (a larger vertical gap, a first-line indent, or a
short last line ends a paragraph); paragraphs continue across page breaks; running headers and
footers (lines repeating at the top/bottom of many pages) and page numbers are dropped; tables
found by ``page.find_tables`` become table blocks and their text is not repeated as paragraphs.
A PDF without any text layer is a scan: its pages are recognised by OCR
(:mod:`planwatch.parse.ocr`) and go through the same pipeline; a scan in which OCR finds no
text is DocumentError ``scanned-pdf``.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any

from planwatch.errors import DocumentError
from planwatch.parse.document import Document
from planwatch.parse.layout import finish
from planwatch.parse.ocr import Progress, ocr_pages
from planwatch.parse.ocr_text import clean_paragraph
from planwatch.parse.pdf_lines import PageLines, build_items, page_lines, strip_furniture

MAX_PAGES = 3000


def _open(data: bytes) -> Any:
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _classify(exc) from exc


def _classify(exc: BaseException) -> DocumentError:
    name = type(exc).__name__
    inner = " ".join(type(a).__name__ for a in exc.args if isinstance(a, BaseException))
    text = f"{name} {inner} {exc}".lower()
    if "password" in text or "encrypt" in text:
        return DocumentError("encrypted", "PDF 文件已加密，无法读取；请提供未加密的文件",
                             "the PDF is encrypted; please provide an unencrypted file")
    return DocumentError("damaged", f"无法读取 PDF 文件：{name}", f"cannot read the PDF: {exc}")


def read_pdf(data: bytes, name: str, progress: Progress | None = None) -> Document:
    """Read a .pdf file into a Document; a scan is OCRed page by page (``progress(done, total)``
    is called after each page, else the hook of :func:`planwatch.parse.ocr.progress_hook`)."""
    if not data.lstrip()[:1024].count(b"%PDF"):
        raise DocumentError("not-pdf", "不是有效的 PDF 文件", "not a valid PDF file")
    pdf = _open(data)
    try:
        pages = _read_pages(pdf)
    except DocumentError:
        raise
    except RecursionError as exc:
        raise DocumentError("too-deep", "PDF 结构嵌套过深", "PDF nesting too deep") from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise _classify(exc) from exc
    finally:
        with contextlib.suppress(Exception):
            pdf.close()
    scanned = not any(p.lines or p.tables for p in pages)
    if scanned:
        pages = _ocr(data, progress)
    strip_furniture(pages)
    items = build_items(pages)
    if scanned:
        for item in items:
            item.text = clean_paragraph(item.text)
    return Document(blocks=finish(items), source=name, format="pdf")


def _ocr(data: bytes, progress: Progress | None) -> list[PageLines]:
    try:
        pages = ocr_pages(data, progress)
    except DocumentError:
        raise
    except Exception as exc:  # pdfium on a damaged scan
        raise _classify(exc) from exc
    if not any(p.lines or p.tables for p in pages):
        raise DocumentError(
            "scanned-pdf",
            "这是没有文字层的扫描版 PDF，文字识别（OCR）也未识别出文字；请提供 Word 或文字版 PDF",
            "this is a scanned PDF without a text layer and OCR found no text in it — "
            "please provide a Word file or a PDF with text",
        )
    return pages


def _read_pages(pdf: Any) -> list[PageLines]:
    if len(pdf.pages) > MAX_PAGES:
        raise DocumentError("too-large", f"PDF 页数过多（超过 {MAX_PAGES} 页）",
                            f"too many pages (more than {MAX_PAGES})")
    return [page_lines(page, no) for no, page in enumerate(pdf.pages, start=1)]
