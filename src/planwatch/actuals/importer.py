"""Validated import of yearly actual values (实际值导入) from the template or a CSV.

read_actuals reports every problem at once, with row numbers; if any row is bad, no row is
returned, so nothing is half-saved."""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import BaseModel, Field

from planwatch.actuals.errors import ActualsError, make_error
from planwatch.actuals.fields import (
    check_period,
    is_formula,
    nfkc,
    parse_date,
    parse_status,
    parse_text,
    parse_value,
    parse_year,
)
from planwatch.actuals.reader import RawCell, read_table
from planwatch.actuals.spec import (
    COL_DATE,
    COL_INDICATOR,
    COL_SOURCE,
    COL_STATUS,
    COL_UNIT,
    COL_VALUE,
    COL_YEAR,
    COLUMNS,
    DATA_SHEET,
    IndicatorSpec,
    normalize_name,
    normalize_unit,
    plan_specs,
)
from planwatch.model.actual import Actual
from planwatch.model.plan import Plan


class ImportResult(BaseModel):
    """Validated rows, or (if anything is wrong) no rows and the full error list."""

    rows: list[Actual] = Field(default_factory=list)
    errors: list[ActualsError] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Specs:
    """Look up a plan indicator by a loosely written name."""

    def __init__(self, specs: list[IndicatorSpec]) -> None:
        self.by_key = {normalize_name(s.name): s for s in specs}

    def find(self, name: str) -> IndicatorSpec | None:
        return self.by_key.get(normalize_name(name))

    def suggest(self, name: str) -> str | None:
        close = difflib.get_close_matches(normalize_name(name), self.by_key, n=1, cutoff=0.5)
        return self.by_key[close[0]].name if close else None


def read_actuals(
    path: str | Path, plan: Plan, *, include_targets: bool = False, sheet: str = DATA_SHEET
) -> ImportResult:
    """Read and validate an actuals file (.xlsx template or .csv) against the plan."""
    table = read_table(path, sheet=sheet)
    if table.errors:
        return ImportResult(errors=table.errors)
    specs = _Specs(plan_specs(plan, include_targets=include_targets))
    rows: list[tuple[int, Actual]] = []
    errors: list[ActualsError] = []
    for number, cells in table.rows:
        actual, row_errors = _check_row(number, cells, specs)
        errors.extend(row_errors)
        if actual is not None:
            rows.append((number, actual))
    errors.extend(_duplicates(rows))
    if not rows and not errors:
        errors.append(make_error("no-data"))
    if errors:
        order = {name: i for i, name in enumerate(COLUMNS)}
        errors.sort(key=lambda e: (e.row, order.get(e.column or "", -1)))
        return ImportResult(errors=errors)
    return ImportResult(rows=[a for _, a in rows])


def _formula_errors(number: int, cells: dict[str, RawCell]) -> list[ActualsError]:
    return [
        make_error("formula-not-allowed", number, name, formula=str(cell.value).strip())
        for name, cell in cells.items()
        if is_formula(cell.value)
    ]


def _value(cells: dict[str, RawCell], name: str) -> object:
    cell = cells.get(name)
    return None if cell is None else cell.value


def _find_spec(
    number: int, cells: dict[str, RawCell], specs: _Specs
) -> tuple[IndicatorSpec | None, ActualsError | None]:
    raw = parse_text(_value(cells, COL_INDICATOR))
    if raw is None:
        return None, make_error("missing-indicator", number, COL_INDICATOR)
    spec = specs.find(raw)
    if spec is not None:
        return spec, None
    near = specs.suggest(raw)
    hint = f"，是否为“{near}”？" if near else ""
    hint_en = f"; did you mean '{near}'?" if near else ""
    return None, make_error(
        "unknown-indicator", number, COL_INDICATOR, name=raw, hint=hint, hint_en=hint_en
    )


def _check_unit(number: int, cells: dict[str, RawCell], spec: IndicatorSpec) -> ActualsError | None:
    given = parse_text(_value(cells, COL_UNIT))
    if given is None or spec.unit is None or normalize_unit(given) == normalize_unit(spec.unit):
        return None
    return make_error("unit-mismatch", number, COL_UNIT, unit=nfkc(given), expected=spec.unit)


def _check_row(
    number: int, cells: dict[str, RawCell], specs: _Specs
) -> tuple[Actual | None, list[ActualsError]]:
    """Parse every field and collect every problem; a formula cell is reported once, as such."""
    formulas = _formula_errors(number, cells)
    spec, spec_err = _find_spec(number, cells, specs)
    year, year_err = parse_year(number, _value(cells, COL_YEAR))
    status, status_err = parse_status(number, _value(cells, COL_STATUS))
    reported, date_err = parse_date(number, _value(cells, COL_DATE))
    value: float | None = None
    found = [spec_err, year_err, status_err, date_err]
    if spec is not None:
        cell = cells.get(COL_VALUE, RawCell(None))
        value, value_err = parse_value(number, cell.value, cell.number_format, spec)
        found += [value_err, _check_unit(number, cells, spec)]
        found += [check_period(number, year, spec)] if year is not None else []
    in_formula = {e.column for e in formulas}
    errors = formulas + [e for e in found if e is not None and e.column not in in_formula]
    if errors or spec is None or value is None or year is None or status is None:
        return None, errors
    actual = Actual(
        indicator=spec.name,
        year=year,
        value=value,
        unit=spec.unit,
        status=status,
        source=parse_text(_value(cells, COL_SOURCE)),
        reported_on=reported,
    )
    return actual, []


def _duplicates(rows: list[tuple[int, Actual]]) -> list[ActualsError]:
    seen: dict[tuple[str, int, str], int] = {}
    errors: list[ActualsError] = []
    for number, a in rows:
        key = (a.indicator, a.year, a.status)
        if key in seen:
            errors.append(make_error("duplicate-row", number, None, first_row=seen[key]))
        else:
            seen.setdefault(key, number)
    return errors
