"""The actuals Excel template: sheets, rows, locking, validations (read back with openpyxl)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from planwatch.actuals import TemplateError, make_template, plan_specs
from planwatch.actuals.spec import value_kind
from planwatch.model.plan import Indicator, Meta, Plan
from tests.actuals_helpers import county_plan, zibo_plan

ZIBO_NAMES = [
    "R&D经费支出占GDP的比重",
    "高新技术产业产值占规模以上工业总产值比重",
    "科技型中小企业",
    "高新技术企业",
    "省级以上创新平台",
    "省级以上科技企业孵化器及众创空间",
    "年登记技术合同成交额",
    "每万人口高价值发明专利拥有量",
    "规模以上工业企业中有研发活动企业占比",  # a prose target with a baseline
]


def test_specs_of_gold_plan_merge_prose_restatements() -> None:
    specs = plan_specs(zibo_plan(), include_targets=True)
    assert [s.name for s in specs] == ZIBO_NAMES
    assert [(s.unit, s.first_year, s.last_year, s.kind) for s in specs[-3:]] == [
        ("亿元", 2020, 2025, "other"),
        ("件", 2020, 2025, "count"),
        ("%", 2020, 2025, "share"),
    ]
    assert [s.name for s in plan_specs(zibo_plan())] == ZIBO_NAMES[:-1]  # default: table only


def test_specs_of_synthetic_15th_plan() -> None:
    specs = plan_specs(county_plan(), include_targets=True)
    assert [(s.name, s.unit, s.first_year, s.last_year, s.kind) for s in specs] == [
        ("全社会研发经费投入", "万元", 2025, 2030, "other"),
        ("有效发明专利", "件", 2025, 2030, "count"),
        ("技术合同登记项目", "项", 2025, 2030, "count"),  # period from meta
        ("规模以上工业增加值年均增长", "%", 2025, 2030, "rate"),
        ("数字经济核心产业增加值占GDP比重", "％", 2025, 2030, "share"),
        ("新型研发机构", "家", 2025, 2030, "count"),
    ]


@pytest.mark.parametrize(
    ("name", "unit", "kind"),
    [
        ("R&D经费投入强度", "%", "share"),
        ("GDP年均增速", "%", "rate"),
        ("单位GDP能耗下降", "%", "rate"),
        ("高新技术企业", "家", "count"),
        ("技术合同成交额", "亿元", "other"),
        ("研发人员", None, "other"),
        ("数字经济核心产业增加值占GDP比重", "%", "share"),
        ("工业增加值增速", "%", "rate"),
    ],
)
def test_value_kind(name: str, unit: str | None, kind: str) -> None:
    assert value_kind(name, unit) == kind


def test_template_layout(tmp_path: Path) -> None:
    path = make_template(zibo_plan(), tmp_path / "t.xlsx", include_targets=True)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["说明", "数据填报", "选项"]
    assert [ws.sheet_state for ws in wb] == ["visible", "visible", "hidden"]
    assert wb.active is not None and wb.active.title == "数据填报"
    ws = wb["数据填报"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "指标名称",
        "单位",
        "年份",
        "数值",
        "数据状态",
        "数据来源",
        "填报日期",
        "备注",
    )
    assert len(rows) == 1 + 9 * 5
    assert rows[1] == ("R&D经费支出占GDP的比重", "%", 2021, None, None, None, None, None)
    assert rows[5][:3] == ("R&D经费支出占GDP的比重", "%", 2025)
    assert rows[-1][:3] == ("规模以上工业企业中有研发活动企业占比", "%", 2025)
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold is True
    assert ws.column_dimensions["A"].width == 44
    assert ws.protection.sheet is True
    assert [ws.cell(2, c).protection.locked for c in range(1, 9)] == [True] * 3 + [False] * 5
    assert [s[0] for s in wb["选项"].iter_rows(values_only=True)] == [
        "数据状态",
        "初步数",
        "最终数",
    ]
    guide = [r[0] for r in wb["说明"].iter_rows(values_only=True) if r[0]]
    assert any("初步数" in line and "最终数" in line for line in guide)
    assert any("不会自动换算" in line for line in guide)


def test_template_validations_survive_reload(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(
        make_template(zibo_plan(), tmp_path / "t.xlsx", include_targets=True)
    )["数据填报"]
    rules = {
        (dv.type, dv.operator, dv.formula1, dv.formula2): str(dv.sqref)
        for dv in ws.data_validations.dataValidation
    }
    share = rules[("decimal", "between", "0", "100")].split()
    assert share[:5] == ["D2", "D3", "D4", "D5", "D6"] and share[-1] == "D46"
    count = rules[("decimal", "greaterThanOrEqual", "0", None)].split()
    assert count[0] == "D12" and len(count) == 4 * 5 + 5  # 4 家 indicators + 件
    assert rules[("list", None, "'选项'!$A$2:$A$3", None)] == "E2:E46"
    assert rules[("date", "between", "36526", "73050")] == "G2:G46"


def test_template_years_argument(tmp_path: Path) -> None:
    path = make_template(
        county_plan(), tmp_path / "t.xlsx", years=range(2026, 2028), include_targets=True
    )
    rows = list(openpyxl.load_workbook(path)["数据填报"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2]) for r in rows[:4]] == [
        (
            "全社会研发经费投入",
            "万元",
            2026,
        ),
        ("全社会研发经费投入", "万元", 2027),
        ("有效发明专利", "件", 2026),
        ("有效发明专利", "件", 2027),
    ]
    assert len(rows) == 6 * 2


def test_template_without_period_needs_years(tmp_path: Path) -> None:
    plan = Plan(meta=Meta(title="无期限"), indicators=[Indicator(name="专利", unit="件")])
    with pytest.raises(TemplateError) as info:
        make_template(plan, tmp_path / "t.xlsx")
    assert info.value.code == "no-period"
    assert "专利" in info.value.zh
    make_template(plan, tmp_path / "t.xlsx", years=range(2024, 2026))
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx")["数据填报"]
    assert ws.max_row == 3


def test_template_of_empty_plan_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        make_template(Plan(), tmp_path / "t.xlsx")
    assert info.value.code == "no-indicators"
