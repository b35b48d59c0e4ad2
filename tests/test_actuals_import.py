"""Importing actual values: round trip through the template, CSV encodings, and every row error
reported at once with its row and column."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from planwatch.actuals import CATALOGUE, make_template, read_actuals
from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from tests.actuals_helpers import county_plan, patch_zip_member, write_csv, write_xlsx, zibo_plan
from tests.helpers import FIXTURES

# The 2020 values the Zibo plan states (基期值), with their units.
ZIBO_2020 = [
    ("R&D经费支出占GDP的比重", 2.79, "%"),
    ("高新技术产业产值占规模以上工业总产值比重", 42.53, "%"),
    ("科技型中小企业", 900, "家"),
    ("高新技术企业", 703, "家"),
    ("省级以上创新平台", 403, "家"),
    ("省级以上科技企业孵化器及众创空间", 25, "家"),
    ("年登记技术合同成交额", 160.65, "亿元"),
    ("每万人口高价值发明专利拥有量", 5.62, "件"),
    ("规模以上工业企业中有研发活动企业占比", 41.41, "%"),
]
SOURCE = "淄博市2020年国民经济和社会发展统计公报"


def expected_2020() -> list[Actual]:
    return [
        Actual(
            indicator=name,
            year=2020,
            value=value,
            unit=unit,
            status="final",
            source=SOURCE,
            reported_on=date(2021, 3, 15),
        )
        for name, value, unit in ZIBO_2020
    ]


def errors_of(path: Path, plan: Plan | None = None) -> list[tuple[int, str | None, str]]:
    result = read_actuals(path, zibo_plan() if plan is None else plan)
    assert result.rows == []
    for e in result.errors:
        assert e.message_zh and e.message_en and e.code in CATALOGUE
    return [(e.row, e.column, e.code) for e in result.errors]


def test_round_trip_template_with_2020_values(tmp_path: Path) -> None:
    path = make_template(
        zibo_plan(), tmp_path / "t.xlsx", years=range(2020, 2021), include_targets=True
    )
    wb = openpyxl.load_workbook(path)
    ws = wb["数据填报"]
    for i, (_name, value, _unit) in enumerate(ZIBO_2020, start=2):
        ws.cell(i, 4, value)
        ws.cell(i, 5, "最终数")
        ws.cell(i, 6, SOURCE)
        ws.cell(i, 7, datetime(2021, 3, 15))
    wb.save(path)
    result = read_actuals(path, zibo_plan(), include_targets=True)
    assert result.errors == []
    assert result.ok
    assert result.rows == expected_2020()
    # without prose targets the last row (a prose-only indicator) is unknown, and nothing is kept
    strict = read_actuals(path, zibo_plan())
    assert [(e.row, e.code) for e in strict.errors] == [(10, "unknown-indicator")]
    assert strict.rows == []


def test_round_trip_default_years_skips_blank_rows(tmp_path: Path) -> None:
    path = make_template(zibo_plan(), tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["数据填报"]
    ws["D2"], ws["E2"], ws["G2"] = 2.95, "初步数", "2022/3/1"  # R&D 2021, provisional
    ws["D3"], ws["E3"] = "3.01", "最终数"  # typed as text: still a number
    ws["D12"], ws["E12"], ws["H12"] = 1200, "最终数", "口径调整"  # 科技型中小企业 2021
    wb.save(path)
    result = read_actuals(path, zibo_plan())
    assert result.errors == []
    assert result.rows == [
        Actual(
            indicator="R&D经费支出占GDP的比重",
            year=2021,
            value=2.95,
            unit="%",
            status="provisional",
            reported_on=date(2022, 3, 1),
        ),
        Actual(indicator="R&D经费支出占GDP的比重", year=2022, value=3.01, unit="%", status="final"),
        Actual(indicator="科技型中小企业", year=2021, value=1200, unit="家", status="final"),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    rows = [[n, u, 2020, v, "最终数", SOURCE, "2021-03-15", ""] for n, v, u in ZIBO_2020]
    path = write_csv(tmp_path / "a.csv", rows, encoding=encoding)
    result = read_actuals(path, zibo_plan(), include_targets=True)
    assert result.errors == []
    assert result.rows == expected_2020()


def test_csv_english_headers_other_order_and_loose_names(tmp_path: Path) -> None:
    header = ["year", "value", "status", "indicator", "unit"]
    rows = [
        ["2021年", "1,250", "provisional", "科技型 中小企业", "家"],
        ["２０２２", "３.１", "最终", "R&D经费支出占GDP的比重", "％"],
    ]
    result = read_actuals(write_csv(tmp_path / "a.csv", rows, header=header), zibo_plan())
    assert result.errors == []
    assert [(a.indicator, a.year, a.value, a.unit, a.status) for a in result.rows] == [
        ("科技型中小企业", 2021, 1250.0, "家", "provisional"),
        ("R&D经费支出占GDP的比重", 2022, 3.1, "%", "final"),
    ]


def test_every_row_error_reported_at_once(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["R&D经费支出占GDP的比重", "%", 2021, 2.9, "初步数", "统计快报", "2022-02-01", None],  # ok
        ["R&D经费支出占GDP比重", "%", 2021, 2.9, "初步数"],  # 3 unknown (close name)
        ["高新技术企业", "家", 2021, "约900家", "最终数"],  # 4 text in a number cell
        ["高新技术企业", "家", 2022, -5, "最终数"],  # 5 negative count
        ["高新技术产业产值占规模以上工业总产值比重", "%", 2022, 142.5, "最终数"],  # 6 share > 100
        ["年登记技术合同成交额", "万元", 2022, 1800000, "最终数"],  # 7 unit mismatch
        ["高新技术企业", "家", 2019, 650, "最终数"],  # 8 year before baseline
        ["高新技术企业", "家", 2026, 1900, "最终数"],  # 9 year after target
        ["高新技术企业", "家", "二〇二三", 1000, "最终数"],  # 10 bad year
        ["高新技术企业", "家", 2023, 1000, "核定数"],  # 11 bad status
        ["高新技术企业", "家", 2024, 1100, None, "统计局"],  # 12 missing status
        ["高新技术企业", "家", 2024, 1100, "最终数", None, "2024年13月1日"],  # 13 bad date
        ["R&D经费支出占GDP的比重", "%", 2021, 2.95, "初步数"],  # 14 duplicate of row 2
        [None, None, 2021, 5, "最终数"],  # 15 no indicator
        ["高新技术企业", "家", 2025, None, "最终数"],  # 16 status but no value
        ["高新技术企业", "家", None, 1500, "最终数"],  # 17 no year
    ]
    assert errors_of(write_xlsx(tmp_path / "a.xlsx", rows)) == [
        (3, "指标名称", "unknown-indicator"),
        (4, "数值", "value-not-number"),
        (5, "数值", "negative-value"),
        (6, "数值", "share-over-100"),
        (7, "单位", "unit-mismatch"),
        (8, "年份", "year-out-of-range"),
        (9, "年份", "year-out-of-range"),
        (10, "年份", "bad-year"),
        (11, "数据状态", "bad-status"),
        (12, "数据状态", "missing-status"),
        (13, "填报日期", "bad-date"),
        (14, None, "duplicate-row"),
        (15, "指标名称", "missing-indicator"),
        (16, "数值", "missing-value"),
        (17, "年份", "missing-year"),
    ]


def test_error_messages_name_the_problem(tmp_path: Path) -> None:
    rows = [
        ["R&D经费支出占GDP比重", "%", 2021, 2.9, "初步数"],
        ["年登记技术合同成交额", "万元", 2022, 1800000, "最终数"],
        ["R&D经费支出占GDP的比重", "%", 2021, 2.9, "初步数"],
        ["R&D经费支出占GDP的比重", "%", 2021, 3.0, "初步数"],
    ]
    result = read_actuals(write_xlsx(tmp_path / "a.xlsx", rows), zibo_plan())
    by_code = {e.code: e for e in result.errors}
    assert "是否为“R&D经费支出占GDP的比重”" in by_code["unknown-indicator"].message_zh
    assert "did you mean 'R&D经费支出占GDP的比重'" in by_code["unknown-indicator"].message_en
    assert by_code["unit-mismatch"].message_zh.startswith("单位“万元”与规划单位“亿元”不一致")
    assert by_code["duplicate-row"].row == 5
    assert by_code["duplicate-row"].message_zh == "与第 4 行重复（同一指标、年份、数据状态）"


def test_same_year_provisional_and_final_are_not_duplicates(tmp_path: Path) -> None:
    rows = [
        ["高新技术企业", "家", 2021, 900, "初步数"],
        ["高新技术企业", "家", 2021, 912, "最终数"],
    ]
    result = read_actuals(write_xlsx(tmp_path / "a.xlsx", rows), zibo_plan())
    assert [(a.value, a.status) for a in result.rows] == [(900, "provisional"), (912, "final")]


def test_count_unit_mismatch_and_rates_may_be_negative(tmp_path: Path) -> None:
    rows = [
        ["有效发明专利", "项", 2026, 450, "最终数"],  # 件 vs 项: reported, not converted
        ["规模以上工业增加值年均增长", "%", 2026, -2.5, "最终数"],  # a rate: negative is fine
        ["数字经济核心产业增加值占GDP比重", "%", 2026, -1, "最终数"],  # a share: not negative
        ["有效发明专利", "件", 2031, 900, "最终数"],  # after 2030
    ]
    assert errors_of(write_xlsx(tmp_path / "a.xlsx", rows), county_plan()) == [
        (2, "单位", "unit-mismatch"),
        (4, "数值", "negative-value"),
        (5, "年份", "year-out-of-range"),
    ]


def test_one_bad_row_means_no_rows(tmp_path: Path) -> None:
    rows = [[n, u, 2020, v, "最终数"] for n, v, u in ZIBO_2020]
    rows.append(["高新技术企业", "家", 2021, "n/a", "最终数"])
    result = read_actuals(write_xlsx(tmp_path / "a.xlsx", rows), zibo_plan(), include_targets=True)
    assert result.rows == []
    assert [(e.row, e.code) for e in result.errors] == [(11, "value-not-number")]


def test_formula_cells_are_refused(tmp_path: Path) -> None:
    rows = [
        ["高新技术企业", "家", 2021, "=700+100", "最终数"],
        ["高新技术企业", "家", "=2020+2", 800, "最终数"],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    ws = openpyxl.load_workbook(path)["数据填报"]
    assert ws["D2"].data_type == "f"  # a real formula cell
    result = read_actuals(path, zibo_plan())
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (2, "数值", "formula-not-allowed"),
        (3, "年份", "formula-not-allowed"),
    ]
    assert "=700+100" in result.errors[0].message_zh


def test_formula_text_in_csv_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [["高新技术企业", "家", 2021, "=SUM(A1:A2)", "最终数"]])
    assert errors_of(path) == [(2, "数值", "formula-not-allowed")]


@pytest.mark.parametrize("text", ["1e309", "inf", "-Infinity", "nan", "NaN"])
def test_non_finite_text(tmp_path: Path, text: str) -> None:
    path = write_csv(tmp_path / "a.csv", [["高新技术企业", "家", 2021, text, "最终数"]])
    assert errors_of(path) == [(2, "数值", "non-finite-value")]


def test_non_finite_and_huge_numeric_cells(tmp_path: Path) -> None:
    rows = [
        ["高新技术企业", "家", 2021, 123456789, "最终数"],
        ["高新技术企业", "家", 2022, 1e300, "最终数"],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", rows)
    # openpyxl will not write inf; store a numeric 1e309 the way another program could
    patch_zip_member(path, "xl/worksheets/sheet1.xml", b"<v>123456789</v>", b"<v>1e309</v>")
    assert errors_of(path) == [(2, "数值", "non-finite-value"), (3, "数值", "value-too-large")]


def test_percent_formatted_cell(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx", [["R&D经费支出占GDP的比重", "%", 2021, 0.0295, "最终数"]]
    )
    wb = openpyxl.load_workbook(path)
    wb["数据填报"]["D2"].number_format = "0.00%"
    wb.save(path)
    result = read_actuals(path, zibo_plan())
    assert [(e.row, e.code) for e in result.errors] == [(2, "percent-formatted-cell")]
    assert "2.95" in result.errors[0].message_zh


def test_percent_sign_typed_in_text_is_accepted_for_percent_units(tmp_path: Path) -> None:
    rows = [
        ["R&D经费支出占GDP的比重", "%", 2021, "2.95%", "最终数"],
        ["高新技术企业", "家", 2021, "900%", "最终数"],
    ]
    assert errors_of(write_csv(tmp_path / "a.csv", rows)) == [(3, "数值", "value-not-number")]
    result = read_actuals(write_csv(tmp_path / "b.csv", rows[:1]), zibo_plan())
    assert [a.value for a in result.rows] == [2.95]


def test_template_with_nothing_filled_is_no_data(tmp_path: Path) -> None:
    path = make_template(zibo_plan(), tmp_path / "t.xlsx")
    assert errors_of(path) == [(0, None, "no-data")]


def test_excel_date_serial_and_chinese_date(tmp_path: Path) -> None:
    rows = [
        ["高新技术企业", "家", 2021, 900, "最终数", None, 44621],
        ["高新技术企业", "家", 2022, 950, "最终数", None, "2023年3月1日"],
    ]
    result = read_actuals(write_xlsx(tmp_path / "a.xlsx", rows), zibo_plan())
    assert [a.reported_on for a in result.rows] == [date(2022, 3, 1), date(2023, 3, 1)]


def test_gbk_csv_fixture_as_exported_by_excel() -> None:
    result = read_actuals(FIXTURES / "actuals_county_2026_gbk.csv", county_plan())
    assert result.errors == []
    assert result.rows == [
        Actual(
            indicator="全社会研发经费投入",
            year=2026,
            value=58000,
            unit="万元",
            status="provisional",
            source="县统计局快报",
            reported_on=date(2027, 2, 15),
        ),
        Actual(
            indicator="有效发明专利",
            year=2026,
            value=455,
            unit="件",
            status="final",
            source="县市场监管局",
            reported_on=date(2027, 3, 20),
        ),
        Actual(
            indicator="技术合同登记项目",
            year=2026,
            value=131,
            unit="项",
            status="final",
            source="县科技局",
            reported_on=date(2027, 3, 1),
        ),
        Actual(
            indicator="规模以上工业增加值年均增长",
            year=2026,
            value=-1.2,
            unit="%",
            status="final",
            source="统计公报",
        ),
        Actual(
            indicator="数字经济核心产业增加值占GDP比重",
            year=2026,
            value=9.05,
            unit="％",
            status="provisional",
        ),
    ]
