"""Reading an actuals file into raw rows, behind file guards (size, zip bomb, format, sheet).

Nothing here interprets values; importer.py does. Untrusted uploads are expected: every failure
becomes an ActualsError, never an exception."""

from __future__ import annotations

import csv
import io
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from planwatch.actuals.errors import ActualsError, make_error
from planwatch.actuals.spec import (
    COLUMNS,
    DATA_SHEET,
    ENTRY_COLUMNS,
    HEADER_ALIASES,
    REQUIRED_COLUMNS,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 200.0
MAX_ZIP_ENTRIES = 5000
MAX_ROWS = 100_000
_MB = 1024 * 1024


@dataclass(frozen=True)
class RawCell:
    """A cell as stored: a number, text, date/datetime or None; its number format if any."""

    value: object
    number_format: str | None = None


@dataclass
class RawTable:
    """The data rows of the file keyed by canonical column name, or the file-level errors."""

    rows: list[tuple[int, dict[str, RawCell]]] = field(default_factory=list)
    errors: list[ActualsError] = field(default_factory=list)


def read_table(path: str | Path, sheet: str = DATA_SHEET) -> RawTable:
    """Read the actuals sheet of an .xlsx, or a .csv, after checking size and format."""
    p = Path(path)
    if not p.is_file():
        return RawTable(errors=[make_error("file-not-found", path=str(p))])
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        return RawTable(
            errors=[make_error("file-too-large", size_mb=size / _MB, limit_mb=MAX_FILE_BYTES / _MB)]
        )
    suffix = p.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(p, sheet)
    if suffix == ".csv":
        return _read_csv(p)
    return RawTable(errors=[make_error("unsupported-format", suffix=suffix or p.name)])


def check_zip(path: Path) -> ActualsError | None:
    """Refuse what is not a zip, or would expand too far. zipfile never inflates an entry
    past its declared size, so checking declared sizes bounds the work."""
    if not zipfile.is_zipfile(path):
        return make_error("not-xlsx", detail="不是 zip 格式 / not a zip archive")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return make_error("not-xlsx", detail=str(exc))
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    ratio = total / packed
    if (
        len(infos) > MAX_ZIP_ENTRIES
        or total > MAX_UNZIPPED_BYTES
        or (total > 10 * _MB and ratio > MAX_ZIP_RATIO)
    ):
        return make_error("zip-bomb", size_mb=total / _MB, ratio=ratio)
    if "xl/workbook.xml" not in {i.filename for i in infos}:
        return make_error("not-xlsx", detail="缺少 xl/workbook.xml / no xl/workbook.xml")
    return None


def _read_xlsx(path: Path, sheet: str) -> RawTable:
    problem = check_zip(path)
    if problem is not None:
        return RawTable(errors=[problem])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _load_sheet(path, sheet)
    except Exception as exc:  # untrusted file: any parser failure is a damaged file
        return RawTable(errors=[make_error("not-xlsx", detail=f"{type(exc).__name__}: {exc}")])


def _load_sheet(path: Path, sheet: str) -> RawTable:
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        if sheet not in wb.sheetnames:
            found = "、".join(wb.sheetnames) or "无"
            return RawTable(errors=[make_error("missing-sheet", sheet=sheet, found=found)])
        ws = wb[sheet]
        rows = (
            [RawCell(c.value, getattr(c, "number_format", None)) for c in row]
            for row in ws.iter_rows()
        )
        return _table(rows)
    finally:
        wb.close()


def _decode(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _read_csv(path: Path) -> RawTable:
    text = _decode(path.read_bytes())
    if text is None:
        return RawTable(errors=[make_error("bad-encoding")])
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        return RawTable(errors=[make_error("not-xlsx", detail=f"CSV: {exc}")])
    return _table([RawCell(v if v.strip() else None) for v in rec] for rec in records)


def canonical_header(value: object) -> str | None:
    """'数值*' / ' Value ' → '数值'; unknown headers → None."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip().strip("*").strip()
    if text in COLUMNS:
        return text
    return HEADER_ALIASES.get(text.lower())


def _header_map(header: list[RawCell]) -> tuple[dict[str, int], list[ActualsError]]:
    mapping: dict[str, int] = {}
    errors: list[ActualsError] = []
    for i, cell in enumerate(header):
        name = canonical_header(cell.value)
        if name is None:
            continue
        if name in mapping:
            errors.append(make_error("duplicate-column", row=1, column=name))
        mapping[name] = i
    errors.extend(
        make_error("missing-column", row=1, column=name)
        for name in REQUIRED_COLUMNS
        if name not in mapping
    )
    return mapping, errors


def _table(rows: Iterable[list[RawCell]]) -> RawTable:
    it: Iterator[list[RawCell]] = iter(rows)
    header = next(it, None)
    if header is None:
        return RawTable(errors=[make_error("no-data")])
    mapping, errors = _header_map(header)
    if errors:
        return RawTable(errors=errors)
    table = RawTable()
    for number, row in enumerate(it, start=2):
        cells = {name: row[i] if i < len(row) else RawCell(None) for name, i in mapping.items()}
        if any(_filled(cells[c].value) for c in ENTRY_COLUMNS if c in cells):
            if len(table.rows) >= MAX_ROWS:
                return RawTable(errors=[make_error("too-many-rows", limit=MAX_ROWS)])
            table.rows.append((number, cells))
    return table


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())
