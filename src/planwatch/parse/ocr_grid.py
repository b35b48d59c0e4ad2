"""Ruled tables in a page image: horizontal and vertical rules, cells, merged cells.

A table is a stack of long horizontal rules joined by a vertical border; its columns are the
x positions dark over most of its height. Two neighbouring cells with no rule between them in
the image are one merged cell (rowspan/colspan); :meth:`Grid.owner` maps every grid position to
the top-left position of its merged cell.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

DARK = 150
MIN_RULE = 0.12  # of the page width
BORDER = 0.85  # dark fraction of a border between two rules
COLUMN = 0.5  # dark fraction over the table height of a column rule
FULL_BAND = 0.97  # ... and over the height of some row
SEPARATOR = 0.75  # dark fraction of a rule between two cells
PAD = 3


@dataclass
class Rule:
    y0: int
    y1: int
    x0: int
    x1: int

    @property
    def y(self) -> int:
        return (self.y0 + self.y1) // 2


@dataclass
class Grid:
    xs: list[int]
    ys: list[int]
    owners: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    @property
    def top(self) -> int:
        return self.ys[0]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def cell_at(self, x: float, y: float) -> tuple[int | None, int | None]:
        row = next((i for i in range(len(self.ys) - 1) if self.ys[i] <= y < self.ys[i + 1]),
                   None)
        col = next((i for i in range(len(self.xs) - 1) if self.xs[i] <= x < self.xs[i + 1]),
                   None)
        return row, col

    def owner(self, r: int, c: int) -> tuple[int, int]:
        return self.owners.get((r, c), (r, c))


def _runs(row: Any) -> list[tuple[int, int]]:
    """(start, end) of the runs of True in a 1-D boolean array."""
    import numpy as np

    padded = np.concatenate(([0], row.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _rules(dark: Any) -> list[Rule]:
    """Horizontal rules: long dark runs, adjacent pixel rows merged."""
    width = dark.shape[1]
    min_len = int(MIN_RULE * width)
    rules: list[Rule] = []
    for y in [int(v) for v in (dark.sum(axis=1) >= min_len).nonzero()[0]]:
        for x0, x1 in _runs(dark[y]):
            if x1 - x0 < min_len:
                continue
            near = next((r for r in rules if y - r.y1 <= 2 and x0 < r.x1 and r.x0 < x1), None)
            if near is not None:
                near.y1, near.x0, near.x1 = y, min(near.x0, x0), max(near.x1, x1)
            else:
                rules.append(Rule(y, y, x0, x1))
    return sorted(rules, key=lambda r: r.y)


def _dark_fraction(dark: Any, x0: int, x1: int, y0: int, y1: int, vertical: bool) -> float:
    """Best fraction of dark pixels along a line in a small band (a rule may be 1-4 px thick)."""
    if y1 <= y0 or x1 <= x0:
        return 0.0
    box = dark[max(y0, 0):y1, max(x0, 0):x1]
    if box.size == 0:
        return 0.0
    return float(box.mean(axis=0 if vertical else 1).max())


def _border_x(dark: Any, upper: Rule, lower: Rule) -> bool:
    """Two rules belong to one table when a vertical rule joins them at a common end."""
    for x in (max(upper.x0, lower.x0), min(upper.x1, lower.x1)):
        column = dark[upper.y1 + 1:lower.y0, max(x - PAD, 0):x + PAD + 1]
        if column.size and float(column.mean(axis=0).max()) >= BORDER:
            return True
    return False


def _columns(dark: Any, x0: int, x1: int, rules: list[Rule]) -> list[int]:
    """x of the column rules: dark over COLUMN of the table's height and over the whole height
    of at least one row (text never fills a row from rule to rule: cells have padding)."""
    left = max(x0 - PAD, 0)
    body = dark[rules[0].y0:rules[-1].y1 + 1, left:x1 + PAD + 1]
    if body.size == 0:
        return []
    some_row = body.mean(axis=0) < 0  # all False
    for upper, lower in itertools.pairwise(rules):
        band = dark[upper.y1 + 1:lower.y0, left:x1 + PAD + 1]
        if band.size:
            some_row |= band.mean(axis=0) >= FULL_BAND
    return [left + (a + b) // 2 for a, b in _runs(some_row & (body.mean(axis=0) >= COLUMN))]


def find_grids(pixels: Any) -> list[Grid]:
    """Ruled tables of a grayscale page image (uint8 array)."""
    dark = pixels < DARK
    rules = _rules(dark)
    groups: list[list[Rule]] = []
    for rule in rules:
        if groups and _border_x(dark, groups[-1][-1], rule):
            groups[-1].append(rule)
        else:
            groups.append([rule])
    grids: list[Grid] = []
    for group in groups:
        if len(group) < 2:
            continue
        x0, x1 = min(r.x0 for r in group), max(r.x1 for r in group)
        xs = _columns(dark, x0, x1, group)
        if len(xs) < 3:
            continue
        grid = Grid(xs=xs, ys=[r.y for r in group])
        grid.owners = _merged(dark, grid)
        grids.append(grid)
    return grids


def _merged(dark: Any, grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    """Union of neighbouring positions with no rule between them; owner = top-left position."""
    n_rows, n_cols = len(grid.ys) - 1, len(grid.xs) - 1
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(p: tuple[int, int]) -> tuple[int, int]:
        while parent[p] != p:
            p = parent[p]
        return p

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(n_rows):
        y0, y1 = grid.ys[r] + 2 * PAD, grid.ys[r + 1] - 2 * PAD
        for c in range(n_cols - 1):
            x = grid.xs[c + 1]
            if _dark_fraction(dark, x - PAD, x + PAD + 1, y0, y1, vertical=True) < SEPARATOR:
                union((r, c), (r, c + 1))
    for r in range(n_rows - 1):
        y = grid.ys[r + 1]
        for c in range(n_cols):
            x0, x1 = grid.xs[c] + 2 * PAD, grid.xs[c + 1] - 2 * PAD
            if _dark_fraction(dark, x0, x1, y - PAD, y + PAD + 1, vertical=False) < SEPARATOR:
                union((r, c), (r + 1, c))
    return {p: find(p) for p in parent if find(p) != p}


def paint_out(pixels: Any, grids: list[Grid]) -> None:
    """Paint the rules of ``grids`` white in place, so OCR does not read them as characters."""
    for grid in grids:
        x0, x1, y0, y1 = grid.xs[0], grid.xs[-1], grid.ys[0], grid.ys[-1]
        for y in grid.ys:
            pixels[max(y - PAD - 1, 0):y + PAD + 2, max(x0 - PAD - 1, 0):x1 + PAD + 2] = 255
        for x in grid.xs:
            pixels[max(y0 - PAD - 1, 0):y1 + PAD + 2, max(x - PAD - 1, 0):x + PAD + 2] = 255
