"""Formula-safe workbooks: text from a plan is written as text, never as a formula.

openpyxl stores any string starting with ``=`` as a formula, and Excel treats text beginning
with ``=``, ``+``, ``-`` or ``@`` as the start of one when the cell is edited. Every workbook
planwatch writes passes through :func:`text_cells_as_text` before it is saved.
"""

from __future__ import annotations

from openpyxl import Workbook

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def text_cells_as_text(wb: Workbook) -> int:
    """Make every string cell a text cell (data type ``s``); those that begin like a formula
    also get Excel's quote prefix so that editing them keeps them text. Returns how many cells
    were changed from formula to text."""
    changed = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                if cell.data_type == "f":
                    cell.data_type = "s"
                    changed += 1
                if value.startswith(FORMULA_LEADS):
                    cell.quotePrefix = True
    return changed
