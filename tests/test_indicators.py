"""Indicator and prior-results tables: the seeds against the gold, plus synthetic layouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.extract.indicators import extract_indicator_tables, split_name_unit
from planwatch.extract.tables import classify_header, detect_header, plan_period, table_kind
from planwatch.parse.document import Block, Document, table_block
from planwatch.parse.registry import read_document
from tests.helpers import FIXTURES, GOLD, SEEDS

IND_FIELDS = (
    "name", "unit", "baseline_year", "baseline", "target_year", "target", "target_comparator",
    "annual_growth_pct", "growth_comparator", "cumulative_change", "attribute",
)
PRIOR_FIELDS = (
    "name", "unit", "baseline_year", "baseline", "target_year", "target", "actual_year", "actual",
)
STEMS = sorted(p.stem for p in GOLD.glob("*.json"))


def _read(path: Path) -> Document:
    return read_document(path)


def _rows(items: list[dict[str, object]], fields: tuple[str, ...]) -> list[dict[str, object]]:
    return [{f: (float(v) if isinstance(v, int) and not isinstance(v, bool) and f not in
                 ("baseline_year", "target_year", "actual_year") else v)
             for f, v in item.items() if f in fields} for item in items]


@pytest.mark.parametrize("stem", STEMS)
def test_seed_indicators_match_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text())
    result = extract_indicator_tables(_read(SEEDS / f"{stem}.txt"))
    got = [i.model_dump() for i in result.indicators]
    assert _rows(got, IND_FIELDS) == _rows(gold["indicators"], IND_FIELDS)
    got_prior = [p.model_dump() for p in result.prior_results]
    assert _rows(got_prior, PRIOR_FIELDS) == _rows(gold["prior_results"], PRIOR_FIELDS)


def test_plan_without_indicator_table_gets_info_finding() -> None:
    result = extract_indicator_tables(_read(SEEDS / "yantai-2024-opinion.txt"))
    assert result.indicators == []
    assert [(f.code, f.severity.value) for f in result.findings] == [
        ("indicator-table-not-found", "info")]


def test_fifteenth_plan_table_with_unit_and_category_columns() -> None:
    result = extract_indicator_tables(_read(FIXTURES / "tables_15th_plan.txt"))
    got = [(i.category, i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target,
            i.target_comparator, i.annual_growth_pct, i.growth_comparator, i.cumulative_change,
            i.attribute) for i in result.indicators]
    assert got == [
        ("创新投入", "全社会研发经费投入强度", "%", 2025, 2.6, 2030, 3.2, ">=", None, None, 0.6,
         "预期性"),
        ("创新投入", "规上工业企业研发经费支出", "亿元", 2025, 120, 2030, 180, "=", 8.5, "~",
         None, "预期性"),
        ("创新主体", "高新技术企业数", "家", 2025, 1500, 2030, 2300, "=", None, None, 800,
         "预期性"),
        # starred baseline: the note says * marks 2024 data
        ("创新主体", "科技型中小企业数", "家", 2024, 2000, 2030, 3000, ">=", 8.4, "=", None,
         "预期性"),
        ("创新产出", "每万人口高价值发明专利拥有量", "件", 2025, 12.5, 2030, 18, "=", 7.6, "=",
         None, "预期性"),
        ("创新产出", "技术合同成交额", "亿元", 2025, 200, 2030, 350, "=", 3.5, "~", None,
         "预期性"),
        ("绿色发展", "单位GDP能耗降低", "%", None, None, None, None, None, None, None, 13.5,
         "约束性"),
        # second table: category rows, 亿 → 亿元, unit in the name, base/target headers
        ("科技服务", "科技服务业营业收入", "亿元", 2025, 80, 2030, 120, "=", None, None, None,
         "预期性"),
        ("科技服务", "孵化载体数量", "个", 2025, 35, 2030, 50, "~", None, None, None, "预期性"),
        # a text target (翻一番) is dated by its column, its number stays null
        ("科学普及", "公民具备科学素质的比重", "%", 2025, 15, 2030, None, None, None, None, None,
         "预期性"),
    ]
    # 翻一番 is a qualitative target: kept as text, not an unreadable number
    assert result.indicators[-1].target_text == "翻一番"
    assert result.findings == []


def test_prior_results_table_with_status_column() -> None:
    result = extract_indicator_tables(_read(FIXTURES / "tables_prior_results.txt"))
    got = [(p.name, p.unit, p.baseline_year, p.baseline, p.target_year, p.target, p.actual_year,
            p.actual) for p in result.prior_results]
    assert got == [
        ("研发经费投入强度", "%", None, None, 2020, 2.5, 2020, 2.62),
        ("高新技术企业数", "家", None, None, 2020, 120, 2020, 98),
        ("技术合同成交额", "亿元", None, None, 2020, 10, 2020, 12.3),
        ("每万人发明专利拥有量", "件", None, None, None, None, 2020, 6.1),
    ]
    assert result.indicators == []
    assert [f.code for f in result.findings] == ["indicator-table-not-found"]


def test_base_value_header_without_year_takes_years_from_caption() -> None:
    caption = Block("paragraph", "表1 “十三五”主要指标完成情况", line=1)
    table = table_block(
        [["指标", "基础值", "目标值", "完成值"], ["研发投入强度(%)", "2.1", "2.5", "2.6"]], line=3)
    result = extract_indicator_tables(Document(blocks=[caption, table]))
    p = result.prior_results[0]
    assert (p.name, p.unit, p.baseline_year, p.target_year, p.actual_year) == (
        "研发投入强度", "%", 2015, 2020, 2020)


def test_damaged_row_in_indicator_table_is_reported() -> None:
    table = table_block([
        ["指标", "2025年", "2030年", "属性"],
        ["高新技术企业数(家)", "100", "200", "预期性"],
        ["", "3", "4", "预期性"],
        ["技术合同成交额(亿元)", "10"],
    ], line=10)
    result = extract_indicator_tables(Document(blocks=[table]))
    assert [(i.name, i.target) for i in result.indicators] == [
        ("高新技术企业数", 200), ("技术合同成交额", None)]
    assert [(f.code, f.line) for f in result.findings] == [
        ("table-row-damaged", 12), ("table-row-damaged", 13)]


@pytest.mark.parametrize(("cell", "role", "year"), [
    ("2020 年", "year", 2020),
    ("2020年目标值", "target", 2020),
    ("2020年完成值", "actual", 2020),
    ("基础值", "baseline", None),
    ("年均增速(%)/ 〔累计〕", "growth", None),
    ("年均增速% [累计]", "growth", None),
    ("属 性", "attribute", None),
    ("指 标", "name", None),
    ("具体指标", "name", None),
    ("所属镇街区", "location", None),
    ("承担单位", "undertaker", None),
    ("项目名称", "project", None),
    ("总投资（亿元）", "investment", None),
    ("单位", "unit", None),
])
def test_header_cells(cell: str, role: str, year: int | None) -> None:
    col = classify_header(cell)
    assert (col.role, col.year) == (role, year)


def test_header_kinds_and_bare_years() -> None:
    cells = ("序号", "核心指标", "2020 年", "2025 年", "年均增速% [累计]", "属 性")
    header = detect_header([cells])
    assert header is not None
    assert [(c.role, c.year) for c in header.columns] == [
        ("seq", None), ("name", None), ("baseline", 2020), ("target", 2025), ("growth", None),
        ("attribute", None)]
    assert table_kind(header) == "indicator"
    prior = detect_header([("具体指标", "基础值", "2020年目标值", "2020年完成值")])
    assert prior is not None and table_kind(prior) == "prior"


def test_plan_period_and_name_unit() -> None:
    assert plan_period("“十三五”主要指标") == (2016, 2020)
    assert plan_period("十五五时期") == (2026, 2030)
    assert plan_period("主要指标") is None
    assert split_name_unit("全社会 R&D 经费支出占 GDP 比重 (%)") == (
        "全社会R&D经费支出占GDP比重", "%")
    assert split_name_unit("每万名就业人员中研发人员数（人·年/万人）") == (
        "每万名就业人员中研发人员数", "人·年/万人")
    assert split_name_unit("新增就业人数（含灵活就业）") == ("新增就业人数（含灵活就业）", None)
    # footnote marks go, brackets that are not units stay
    assert split_name_unit("研发投入强度①（%）") == ("研发投入强度", "%")
    assert split_name_unit("每万人口发明专利拥有量[1]") == ("每万人口发明专利拥有量", None)
    assert split_name_unit("城市生物多样性指数（鸟类）") == ("城市生物多样性指数（鸟类）", None)
    assert split_name_unit("县道优良路率(MQI)") == ("县道优良路率(MQI)", None)
    assert split_name_unit("新增供应保障性租赁住房数量（万套（间））") == (
        "新增供应保障性租赁住房数量", "万套（间）")


def test_two_level_header_and_title_row_inside_the_table() -> None:
    table = table_block([
        ["表4 “十五五”科技创新指标"] * 6,
        ["指标", "单位", "2025年", "2030年", "2030年", "属性"],
        ["指标", "单位", "基数", "目标值", "年均增速", "属性"],
        ["研发投入强度", "%", "2.5", "3", "3.7", "约束性"],
    ], line=5)
    result = extract_indicator_tables(Document(blocks=[table]))
    got = [(i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target,
            i.annual_growth_pct, i.attribute, i.line) for i in result.indicators]
    assert got == [("研发投入强度", "%", 2025, 2.5, 2030, 3.0, 3.7, "约束性", 8)]
    assert result.findings == []


def test_data_table_without_target_is_not_an_indicator_table() -> None:
    table = table_block([["指标", "2020年"], ["研发投入强度(%)", "2.5"]], line=5)
    result = extract_indicator_tables(Document(blocks=[table]))
    assert result.indicators == []
    assert [f.code for f in result.findings] == ["indicator-table-not-found"]
