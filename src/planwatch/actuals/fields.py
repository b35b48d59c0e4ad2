"""Parsing one cell of the actuals sheet: year, value, status, date, text.

Each parser returns (parsed value, None) or (None, error); errors name the row and column."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import TypeVar

from planwatch.actuals.errors import ActualsError, make_error
from planwatch.actuals.numbers import NumberTextError, read_number
from planwatch.actuals.spec import (
    COL_DATE,
    COL_STATUS,
    COL_VALUE,
    COL_YEAR,
    STATUS_ALIASES,
    IndicatorSpec,
    normalize_unit,
)
from planwatch.model.actual import ActualStatus

T = TypeVar("T")
Parsed = tuple[T | None, ActualsError | None]

MAX_ABS_VALUE = 1e15
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
_EXCEL_EPOCH = date(1899, 12, 30)


def nfkc(value: object) -> str:
    """Cell text, full-width folded to half-width and stripped."""
    return unicodedata.normalize("NFKC", str(value)).strip()


def is_formula(value: object) -> bool:
    """openpyxl gives formula cells as '=…' strings (data_only=False); CSV text may too."""
    return isinstance(value, str) and value.lstrip().startswith("=")


def parse_year(row: int, value: object) -> Parsed[int]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, make_error("missing-year", row, COL_YEAR)
    year: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    elif isinstance(value, float) and value.is_integer():
        year = int(value)
    elif isinstance(value, str):
        text = nfkc(value).removesuffix("年")
        year = int(text) if re.fullmatch(r"\d{4}", text) else None
    if year is None or not 1900 <= year <= 2200:
        return None, make_error("bad-year", row, COL_YEAR, raw=nfkc(value))
    return year, None


def check_period(row: int, year: int, spec: IndicatorSpec) -> ActualsError | None:
    first, last = spec.first_year, spec.last_year
    if first is not None and last is not None and not first <= year <= last:
        return make_error("year-out-of-range", row, COL_YEAR, year=year, first=first, last=last)
    return None


def _text_number(row: int, raw: str, spec: IndicatorSpec) -> Parsed[float]:
    try:
        return read_number(raw, spec.unit), None
    except NumberTextError as exc:
        return None, make_error(exc.code, row, COL_VALUE, raw=exc.text)


def parse_value(
    row: int, value: object, number_format: str | None, spec: IndicatorSpec
) -> Parsed[float]:
    """A finite number within range; text digits accepted, words and units not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, make_error("missing-value", row, COL_VALUE)
    number: float | None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None, make_error("value-not-number", row, COL_VALUE, raw=nfkc(value))
    if isinstance(value, str):
        number, err = _text_number(row, value, spec)
        if err is not None:
            return None, err
    else:
        number = float(value)
        if number_format and "%" in number_format and normalize_unit(spec.unit) == "%":
            return None, make_error(
                "percent-formatted-cell", row, COL_VALUE, shown=number * 100, value=number
            )
    assert number is not None
    if not math.isfinite(number):
        return None, make_error("non-finite-value", row, COL_VALUE, raw=nfkc(value))
    return number, check_range(row, number, spec)


def check_range(row: int, number: float, spec: IndicatorSpec) -> ActualsError | None:
    unit = spec.unit or ""
    if abs(number) > MAX_ABS_VALUE:
        return make_error("value-too-large", row, COL_VALUE, value=number, limit=MAX_ABS_VALUE)
    if number < 0 and spec.kind in {"share", "count"}:
        return make_error("negative-value", row, COL_VALUE, name=spec.name, unit=unit, value=number)
    if number > 100 and spec.kind == "share":
        return make_error("share-over-100", row, COL_VALUE, name=spec.name, value=number)
    return None


def parse_status(row: int, value: object) -> Parsed[ActualStatus]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, make_error("missing-status", row, COL_STATUS)
    status = STATUS_ALIASES.get(nfkc(value).lower())
    if status is None:
        return None, make_error("bad-status", row, COL_STATUS, raw=nfkc(value))
    return status, None


def parse_date(row: int, value: object) -> Parsed[date]:
    """A date cell, a typed date (2024-03-31, 2024/3/31, 2024年3月31日), or an Excel serial."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 < value < 80000:
        return _EXCEL_EPOCH + timedelta(days=int(value)), None
    if isinstance(value, str):
        text = nfkc(value).replace(" ", "")
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date(), None
            except ValueError:
                continue
    return None, make_error("bad-date", row, COL_DATE, raw=nfkc(value))


def parse_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
