"""Helpers for the actuals tests: the real gold plan, a synthetic plan, and file writers."""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from planwatch.actuals.spec import COLUMNS, DATA_SHEET
from planwatch.model.plan import Plan
from tests.helpers import FIXTURES, GOLD


def zibo_plan() -> Plan:
    return Plan.model_validate(json.loads((GOLD / "zibo-2022-plan.json").read_text("utf-8")))


def county_plan() -> Plan:
    text = (FIXTURES / "actuals_plan_15th.json").read_text("utf-8")
    return Plan.model_validate(json.loads(text))


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    header: Sequence[str] = COLUMNS,
    sheet: str = DATA_SHEET,
) -> Path:
    """A plain workbook with one sheet: header, then rows (not made from the template)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    encoding: str = "utf-8",
    header: Sequence[str] = COLUMNS,
) -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
    return path


def patch_zip_member(path: Path, member: str, old: bytes, new: bytes) -> None:
    """Rewrite one XML part of an .xlsx (to store what openpyxl would not write)."""
    with zipfile.ZipFile(path) as zf:
        parts = {info.filename: zf.read(info.filename) for info in zf.infolist()}
    assert old in parts[member]
    parts[member] = parts[member].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
