"""Table cells of a scanned page: every cell cropped inside its rules and recognised on its own.

Full-page OCR drops short isolated text (a row number ``3``, a baseline ``0``) and sees debris
at cell borders, so the cells of all ruled tables of a page are cut out (inside the rules),
cropped to their ink, stacked one under the other with white space between them into one
image, and recognised in one tesseract call (``--psm 6``, a uniform block); each word goes back
to the cell whose strip holds it. A merged cell is cropped once and its text repeated over the
grid positions it covers, as the text-layer reader does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwatch.parse.ocr_engine import Word, recognise
from planwatch.parse.ocr_grid import DARK, PAD, Grid
from planwatch.parse.ocr_text import clean_cell, fix_dash_cells, is_number, join_words

GAP = 40
MARGIN = 30
INSET = 2 * PAD + 2
Cell = tuple[int, int, int]  # grid index, row, column of the merged cell's top-left position


def _boxes(grid: Grid, index: int) -> dict[Cell, tuple[int, int, int, int]]:
    """(x0, y0, x1, y1) inside the rules of every merged cell of a grid."""
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for r in range(len(grid.ys) - 1):
        for c in range(len(grid.xs) - 1):
            spans.setdefault(grid.owner(r, c), []).append((r, c))
    out: dict[Cell, tuple[int, int, int, int]] = {}
    for (r0, c0), cells in spans.items():
        r1 = max(r for r, _ in cells)
        c1 = max(c for _, c in cells)
        box = (grid.xs[c0] + INSET, grid.ys[r0] + INSET, grid.xs[c1 + 1] - INSET,
               grid.ys[r1 + 1] - INSET)
        if box[2] > box[0] and box[3] > box[1]:
            out[(index, r0, c0)] = box
    return out


def _stack(pixels: Any, boxes: dict[Cell, tuple[int, int, int, int]]) -> tuple[Any, list[
        tuple[int, int, Cell]]]:
    """One image of the non-blank cells one under another; (top, bottom, cell) of each strip."""
    import numpy as np

    crops: list[tuple[Cell, Any]] = []
    for cell, (x0, y0, x1, y1) in boxes.items():
        ys, xs = np.nonzero(pixels[y0:y1, x0:x1] < DARK)
        if len(ys):  # cropped to its ink: tesseract reads evenly spaced strips best
            crops.append((cell, pixels[y0 + ys.min():y0 + ys.max() + 1,
                                       x0 + xs.min():x0 + xs.max() + 1]))
    if not crops:
        return None, []
    width = max(c.shape[1] for _, c in crops) + 2 * MARGIN
    height = sum(c.shape[0] + GAP for _, c in crops) + 2 * MARGIN
    image = np.full((height, width), 255, dtype=np.uint8)
    strips: list[tuple[int, int, Cell]] = []
    y = MARGIN
    for cell, crop in crops:
        h, w = crop.shape
        image[y:y + h, MARGIN:MARGIN + w] = crop
        strips.append((y, y + h, cell))
        y += h + GAP
    return image, strips


def table_rows(binary: str, pixels: Any, grids: list[Grid], path: Path,
               page_words: list[Word]) -> list[list[list[str]]]:
    """Rows of cell texts of every grid of the page (rules already painted out of ``pixels``).

    Each cell is read twice, in the cell strip image and in the full-page pass
    (``page_words``); the reading tesseract is more confident of wins (neither pass is better
    everywhere: the strips find isolated digits, the page keeps a number's context).
    """
    from PIL import Image

    boxes: dict[Cell, tuple[int, int, int, int]] = {}
    for index, grid in enumerate(grids):
        boxes.update(_boxes(grid, index))
    image, strips = _stack(pixels, boxes)
    strip_words: dict[Cell, list[Word]] = {}
    if image is not None:
        Image.fromarray(image).save(path)
        for word in recognise(binary, path, psm=6):
            cell = next((c for top, bottom, c in strips if top - GAP / 2 <= word.cy < bottom
                         + GAP / 2), None)
            if cell is not None:
                strip_words.setdefault(cell, []).append(word)
    in_page: dict[Cell, list[Word]] = {}
    for word in page_words:
        cell = next((c for c, (x0, y0, x1, y1) in boxes.items()
                     if x0 - INSET <= word.cx <= x1 + INSET
                     and y0 - INSET <= word.cy <= y1 + INSET), None)
        if cell is not None:
            in_page.setdefault(cell, []).append(word)
    texts = {cell: _best(strip_words.get(cell, []), in_page.get(cell, [])) for cell in boxes}
    tables: list[list[list[str]]] = []
    for index, grid in enumerate(grids):
        rows = [[texts.get((index, *grid.owner(r, c)), "") for c in range(len(grid.xs) - 1)]
                for r in range(len(grid.ys) - 1)]
        tables.append(fix_dash_cells([r for r in rows if any(c.strip() for c in r)]))
    return tables


def _text(words: list[Word]) -> str:
    return clean_cell([join_words([w.text for w in line], [(w.left, w.right) for w in line])
                       for line in cell_lines(words)])


def _confidence(words: list[Word]) -> float:
    chars = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / chars if chars else -1.0


def _best(strip: list[Word], page: list[Word]) -> str:
    """The more confident reading; a number wins over a reading that is not one (5D.805)."""
    a, b = _text(strip), _text(page)
    if a and b and is_number(a) != is_number(b):
        return a if is_number(a) else b
    return a if _confidence(strip) >= _confidence(page) else b


def cell_lines(words: list[Word]) -> list[list[Word]]:
    """Words of one cell in visual lines (by vertical overlap), top to bottom."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.cy, w.left)):
        if lines:
            last = lines[-1]
            if min(x.top for x in last) < w.cy < max(x.bottom for x in last):
                last.append(w)
                continue
        lines.append([w])
    return [sorted(g, key=lambda w: w.left) for g in lines]
