"""OCR for PDF pages without a text layer (scans): tesseract, offline, page by page.

Each page is rendered with pypdfium2 at ``DPI``; ruling lines are found in the image
(:mod:`planwatch.parse.ocr_grid`) and painted out, the page is recognised by the ``tesseract``
command (Debian ``tesseract-ocr`` + ``tesseract-ocr-chi-sim``; the model is in the package,
nothing is downloaded) with word boxes (TSV), and the words become the same :class:`PageLines`
the text-layer reader produces: lines outside tables (Chinese-aware clean-up,
:mod:`planwatch.parse.ocr_text`), and tables rebuilt from the ruled grid, each cell read on its
own as well (:mod:`planwatch.parse.ocr_cells`). The caller then runs the usual
furniture/paragraph pipeline. Tables without rules come out as lines of text.

Progress: :func:`ocr_pages` takes a ``progress(done, total)`` callback; :func:`progress_hook`
installs one for the current context (the CLI uses it for its tqdm bar), so the readers keep
their ``(data, name)`` signature.
"""

from __future__ import annotations

import contextlib
import re
import statistics
import tempfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from planwatch.parse.ocr_cells import table_rows
from planwatch.parse.ocr_engine import Word, engine, missing_engine_error, recognise
from planwatch.parse.ocr_grid import DARK, find_grids, paint_out
from planwatch.parse.ocr_text import clean_line, join_words
from planwatch.parse.pdf_lines import Line, PageLines, Table

DPI = 300
_CJK_WORD = re.compile(r"^[\u3400-\u9fff]+$")
Progress = Callable[[int, int], None]
_HOOK: ContextVar[Progress | None] = ContextVar("planwatch_ocr_progress", default=None)


@contextlib.contextmanager
def progress_hook(callback: Progress | None) -> Iterator[None]:
    """Report OCR progress (pages done, pages total) to ``callback`` within the block."""
    token = _HOOK.set(callback)
    try:
        yield
    finally:
        _HOOK.reset(token)


def ocr_pages(data: bytes, progress: Progress | None = None) -> list[PageLines]:
    """OCR every page of a PDF into PageLines (coordinates in PDF points)."""
    binary = engine()
    if binary is None:
        raise missing_engine_error()
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    callback = progress or _HOOK.get()
    pdf = pdfium.PdfDocument(data)
    try:
        total = len(pdf)
        pages: list[PageLines] = []
        with tempfile.TemporaryDirectory(prefix="planwatch-ocr-") as tmp:
            for index in range(total):
                pages.append(_ocr_page(binary, pdf[index], index + 1, Path(tmp)))
                if callback is not None:
                    callback(index + 1, total)
        return pages
    finally:
        pdf.close()


def _ocr_page(binary: str, page: Any, no: int, tmp: Path) -> PageLines:
    import numpy as np
    from PIL import Image

    width, height = (float(v) for v in page.get_size())
    scale = DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    pixels = np.asarray(image, dtype=np.uint8).copy()
    out = PageLines(no, height, width, ocr=True)
    if not bool((pixels < DARK).any()):
        return out  # a blank page
    grids = find_grids(pixels)
    paint_out(pixels, grids)
    path = tmp / f"page-{no}.pgm"  # uncompressed: PNG encoding costs ~0.7 s a page
    Image.fromarray(pixels).save(path)
    words = recognise(binary, path)
    if grids:
        tables = table_rows(binary, pixels, grids, tmp / f"cells-{no}.pgm", words)
        out.tables = [Table(grid.top / scale, rows)
                      for grid, rows in zip(grids, tables, strict=True) if rows]
    body = [w for w in words if not any(g.contains(w.cx, w.cy) for g in grids)]
    out.lines = _lines(body, scale)
    return out


def _group_lines(words: list[Word]) -> list[list[Word]]:
    """Words in visual lines: tesseract's lines, and its lines side by side on one row merged
    (a heading number set apart from its text, （一） and 明确…, comes as two blocks)."""
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        groups.setdefault(w.key, []).append(w)
    merged: list[list[Word]] = []
    for group in sorted(groups.values(), key=lambda g: min(w.left for w in g)):
        top, bottom = min(w.top for w in group), max(w.bottom for w in group)
        mid = (top + bottom) / 2
        row = next((m for m in merged if min(w.top for w in m) < mid < max(w.bottom for w in m)
                    and max(w.right for w in m) <= min(w.left for w in group) + 2), None)
        if row is not None:
            row.extend(group)
        else:
            merged.append(list(group))
    return [sorted(g, key=lambda w: w.left) for g in merged]


def _glyph_height(group: list[Word]) -> int:
    """The line's font size: the median height of its Chinese words (a bracket, a comma or a
    quote mark has a box of its own height), else of all its words."""
    cjk = [w.bottom - w.top for w in group if _CJK_WORD.search(w.text)]
    return int(statistics.median(cjk or [w.bottom - w.top for w in group]))


def _lines(words: list[Word], scale: float) -> list[Line]:
    out: list[Line] = []
    for group in _group_lines(words):
        text = clean_line(join_words([w.text for w in group], [(w.left, w.right) for w in group]))
        if not text:
            continue
        top = min(w.top for w in group)
        out.append(Line(text, group[0].left / scale, max(w.right for w in group) / scale,
                        top / scale, (top + _glyph_height(group)) / scale))
    return out
