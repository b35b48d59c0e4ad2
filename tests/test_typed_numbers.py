"""The one reading of a typed number (planwatch.actuals.numbers.read_number), and the Excel /
CSV import reading text cells through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.actuals import read_actuals
from planwatch.actuals.numbers import NumberTextError, read_number
from tests.actuals_helpers import write_csv, write_xlsx, zibo_plan


@pytest.mark.parametrize(("typed", "unit", "value"), [
    ("2.95%", "%", 2.95), ("2.95 ％", "%", 2.95), ("1,500", "家", 1500.0),
    ("1，500", None, 1500.0), ("12,345,678.5", None, 12345678.5), ("１２３．４", None, 123.4),
    (" 1 500 ", None, 1500.0), ("1\u00a0500", None, 1500.0), ("1\u3000500", None, 1500.0),
    ("−2.5", "%", -2.5), ("－５", None, -5.0), ("+3", None, 3.0), (".5", None, 0.5),
    ("1e3", None, 1000.0)])
def test_accepted(typed: str, unit: str | None, value: float) -> None:
    assert read_number(typed, unit) == value


@pytest.mark.parametrize(("typed", "unit", "code"), [
    ("2.95%", "亿元", "value-not-number"), ("2.95%", None, "value-not-number"),
    ("1,5", None, "value-not-number"), ("1,5000", None, "value-not-number"),
    (",500", None, "value-not-number"), ("约900", None, "value-not-number"),
    ("900家", "家", "value-not-number"), ("", None, "value-not-number"),
    ("2..5", None, "value-not-number"), ("nan", None, "non-finite-value"),
    ("-Infinity", None, "non-finite-value"), ("1e309", None, "non-finite-value")])
def test_refused(typed: str, unit: str | None, code: str) -> None:
    with pytest.raises(NumberTextError) as refused:
        read_number(typed, unit)
    assert refused.value.code == code


def test_excel_and_csv_text_cells_read_alike(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["R&D经费支出占GDP的比重", "%", 2021, "２．９５％", "最终数"],
        ["高新技术企业", "家", 2021, "1,050", "最终数"],
        ["高新技术企业", "家", 2022, " 1 100 ", "最终数"],
    ]
    for path in (write_xlsx(tmp_path / "a.xlsx", rows), write_csv(tmp_path / "a.csv", rows)):
        result = read_actuals(path, zibo_plan())
        assert result.errors == []
        assert [a.value for a in result.rows] == [2.95, 1050.0, 1100.0]
    bad = read_actuals(write_csv(tmp_path / "b.csv", [["高新技术企业", "家", 2021, "1,05",
                                                      "最终数"]]), zibo_plan())
    assert [e.code for e in bad.errors] == ["value-not-number"]
