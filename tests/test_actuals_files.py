"""File guards of the actuals import: size, format, zip bombs, sheets, headers, encodings."""

from __future__ import annotations

import re
import time
import zipfile
from pathlib import Path

from planwatch.actuals import CATALOGUE, read_actuals
from planwatch.actuals.reader import MAX_ROWS
from tests.actuals_helpers import write_csv, write_xlsx, zibo_plan


def codes(path: Path) -> list[tuple[int, str | None, str]]:
    result = read_actuals(path, zibo_plan())
    assert result.rows == []
    return [(e.row, e.column, e.code) for e in result.errors]


def test_missing_file(tmp_path: Path) -> None:
    assert codes(tmp_path / "nope.xlsx") == [(0, None, "file-not-found")]


def test_200_mb_file_is_refused_quickly_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    start = time.perf_counter()
    result = read_actuals(path, zibo_plan())
    assert time.perf_counter() - start < 0.5
    assert [e.code for e in result.errors] == ["file-too-large"]
    assert "200.0 MB" in result.errors[0].message_zh and "20 MB" in result.errors[0].message_zh


def test_file_just_over_20_mb_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024 + 1)
    assert codes(path) == [(0, None, "file-too-large")]


def test_text_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("指标名称,年份\n高新技术企业,2021\n", encoding="utf-8")
    result = read_actuals(path, zibo_plan())
    assert [e.code for e in result.errors] == ["not-xlsx"]
    assert "not a zip" in result.errors[0].message_en


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert codes(path) == [(0, None, "not-xlsx")]


def test_damaged_workbook_xml(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types")
        zf.writestr("xl/workbook.xml", "<<not xml")
    assert codes(path) == [(0, None, "not-xlsx")]


def test_zip_bomb_is_refused_before_loading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(210):
                member.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    start = time.perf_counter()
    result = read_actuals(path, zibo_plan())
    assert time.perf_counter() - start < 1.0
    assert [e.code for e in result.errors] == ["zip-bomb"]
    assert "210 MB" in result.errors[0].message_zh


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = read_actuals(path, zibo_plan())
    assert [e.code for e in result.errors] == ["unsupported-format"]
    assert ".xls" in result.errors[0].message_zh and "另存为 .xlsx" in result.errors[0].message_zh


def test_wrong_sheet_name(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx", [["高新技术企业", "家", 2021, 900, "最终数"]], sheet="Sheet1"
    )
    result = read_actuals(path, zibo_plan())
    assert [e.code for e in result.errors] == ["missing-sheet"]
    assert "数据填报" in result.errors[0].message_zh and "Sheet1" in result.errors[0].message_zh


def test_missing_and_duplicate_columns(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [["高新技术企业", 2021, 900, 1]],
        header=["指标名称", "年份", "年份", "数值"],
    )
    assert codes(path) == [(1, "年份", "duplicate-column"), (1, "数据状态", "missing-column")]


def test_header_only_csv_is_no_data(tmp_path: Path) -> None:
    assert codes(write_csv(tmp_path / "a.csv", [])) == [(0, None, "no-data")]


def test_empty_csv_is_no_data(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"")
    assert codes(path) == [(0, None, "no-data")]


def test_undecodable_csv(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("指标名称,年份,数值,数据状态\n".encode() + b"\xff\xfe\xff\x80\xff\n")
    assert codes(path) == [(0, None, "bad-encoding")]


def test_too_many_rows(tmp_path: Path) -> None:
    rows = [["高新技术企业", "家", 2021, 900, "最终数"]] * (MAX_ROWS + 1)
    assert codes(write_csv(tmp_path / "a.csv", rows)) == [(0, None, "too-many-rows")]


def test_catalogue_codes_are_kebab_case_and_bilingual() -> None:
    assert set(CATALOGUE) == {
        "file-not-found",
        "file-too-large",
        "unsupported-format",
        "not-xlsx",
        "zip-bomb",
        "missing-sheet",
        "bad-encoding",
        "missing-column",
        "duplicate-column",
        "too-many-rows",
        "no-data",
        "missing-indicator",
        "unknown-indicator",
        "missing-year",
        "bad-year",
        "year-out-of-range",
        "missing-value",
        "value-not-number",
        "non-finite-value",
        "value-too-large",
        "negative-value",
        "share-over-100",
        "percent-formatted-cell",
        "unit-mismatch",
        "formula-not-allowed",
        "missing-status",
        "bad-status",
        "bad-date",
        "duplicate-row",
    }
    for code, (zh, en) in CATALOGUE.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
        assert re.search(r"[\u4e00-\u9fff]", zh), code
        assert en.isascii() or "初步数" in en, code
