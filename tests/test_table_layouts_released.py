"""Table layouts found in real plans that the dev set did not show before the first sealed
Shanghai set was released, each in a small synthetic document (never a copy of a plan):

- a header printed in three rows, one cell per paragraph: a spanning ``指标值`` over ``现状`` ‖
  ``规划``, then the years of those two columns on a row of their own;
- a group column whose header qualifies 类别 (``指标类别``, ``目标类别``), a name column called
  ``具体目标内容`` and no 序号;
- a 属性 with a footnote mark (``预期性[1]``) and a text target broken over two paragraphs
  (``完成省级`` ‖ ``下达任务``), whose rows hold header words (单位, 完成) and stay data rows;
- value cells: a lead word inside a cumulative bracket (``【累计8】``), a remark after a number
  (``3000（力争完成省下达任务）``), base values in brackets dated by a footnote, ``定性`` in the
  单位 column, a lone value beside a target ‖ 年均［累计］ pair;
- and the guards these rules need (names that start like a target, growth-rate rows, a lone
  end-year column, 属性 printed beside a spanning value header).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planwatch.extract.indicators import extract_indicator_tables
from planwatch.extract.tables import classify_header, detect_header
from planwatch.model.plan import Indicator
from planwatch.parse import read_document
from planwatch.parse.cellrun import header_type

TITLE = "# 某区“十五五”规划\n\n"


def _read(tmp_path: Path, body: str) -> Any:
    path = tmp_path / "plan.md"
    path.write_text(TITLE + body, encoding="utf-8")
    return extract_indicator_tables(read_document(path))


def _cells(*cells: str) -> str:
    return "\n\n".join(cells) + "\n\n"


def _row(i: Indicator) -> tuple[Any, ...]:
    return (i.category, i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target,
            i.target_text, i.attribute)


def test_three_header_rows_with_a_spanning_value_word_and_years_below(tmp_path: Path) -> None:
    """``指标值`` spans two columns whose years are printed on the next header row: the years go
    to their own columns (现状 → 2025, 规划 → 2030). A text target (``动态调整``) ends its row;
    it is not the next group's category."""
    body = ("专栏1 某区空间规划指标表\n\n"
            + _cells("指标类别", "序号", "指标项", "单位", "类型", "指标值", "现状", "规划",
                     "（2025年）", "（2030年）",
                     "规模", "1", "用地总量", "平方千米", "约束性", "30.5", "30.4",
                     "设施", "2", "公园数量", "个", "预期性", "12", "动态调整",
                     "3", "绿道长度", "千米", "预期性", "/", "40",
                     "交通", "4", "路网密度", "千米/平方千米", "约束性", "5.1", "5.6")
            + "注：测试。\n")
    result = _read(tmp_path, body)
    assert [_row(i) for i in result.indicators] == [
        ("规模", "用地总量", "平方千米", 2025, 30.5, 2030, 30.4, None, "约束性"),
        ("设施", "公园数量", "个", 2025, 12, 2030, None, "动态调整", "预期性"),
        ("设施", "绿道长度", "千米", None, None, 2030, 40, None, "预期性"),
        ("交通", "路网密度", "千米/平方千米", 2025, 5.1, 2030, 5.6, None, "约束性"),
    ]


def test_group_column_qualified_and_goal_content_column_without_seq(tmp_path: Path) -> None:
    body = ("表 某区节水主要指标\n\n"
            + _cells("目标类别", "具体目标内容", "目标值（%）", "指标属性",
                     "节约用水", "单位产值用水量降低", "完成省级", "下达任务", "约束性",
                     "农业用水总量降低", "完成省级", "下达任务", "预期性[1]",
                     "再生利用", "再生水利用率", "60", "预期性",
                     "工业用水重复利用率", "95", "预期性")
            + "注：测试。\n")
    result = _read(tmp_path, body)
    text = "完成省级下达任务"
    assert [_row(i) for i in result.indicators] == [
        ("节约用水", "单位产值用水量降低", "%", None, None, 2030, None, text, "约束性"),
        ("节约用水", "农业用水总量降低", "%", None, None, 2030, None, text, "预期性"),
        ("再生利用", "再生水利用率", "%", None, None, 2030, 60, None, "预期性"),
        ("再生利用", "工业用水重复利用率", "%", None, None, 2030, 95, None, "预期性"),
    ]


def test_header_words_of_groups_and_goal_names() -> None:
    assert header_type("指标类别") == "text"
    assert header_type("目标类别") == "text"
    assert header_type("具体目标内容") == "name"
    assert header_type("指标值") == "mod"
    assert classify_header("目标类别").role == "category"
    assert classify_header("具体目标内容").role == "name"


def test_a_row_with_an_attribute_is_never_a_header_row() -> None:
    rows = [("类别", "指标", "目标值", "属性"),
            ("经济", "单位产值能耗降低", "完成下达目标", "约束性"),
            ("经济", "单位产值水耗降低", "5", "预期性")]
    header = detect_header(rows)
    assert header is not None and header.rows == 1


def _full(i: Indicator) -> tuple[Any, ...]:
    return (i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target,
            i.target_comparator, i.target_text, i.annual_growth_pct, i.cumulative_change, i.note)


def test_bracketed_lead_words_remarks_and_a_lone_value(tmp_path: Path) -> None:
    """``【累计8】`` in a 年均【累计】 column is a cumulative; ``3000（力争完成省下达任务）`` and
    ``≥90%（不含工业）`` are numbers with a remark; a row printing one value and nothing in the
    target column (``≥20（小学）≥40（中学）``) gives a text target of the target column's year."""
    body = ("表1 某区主要指标\n\n"
            + _cells("序号", "指标名称", "单位", "属性", "“十五五”目标", "2030年", "年均【累计】",
                     "1", "新增总部企业数", "家", "预期性", "—", "【累计8】",
                     "2", "光伏装机容量", "千瓦", "预期性", "3000（力争完成省下达任务）", "—",
                     "3", "污泥无害化处置率", "%", "约束性", "≥90%（不含工业）", "—",
                     "4", "骨干教师占比", "%", "预期性", "≥20（小学）≥40（中学）",
                     "5", "区级财政收入年均增长率", "%", "预期性", "—", "6")
            + "注：测试。\n")
    result = _read(tmp_path, body)
    assert [_full(i) for i in result.indicators] == [
        ("新增总部企业数", "家", None, None, None, None, None, None, None, 8, None),
        ("光伏装机容量", "千瓦", None, None, 2030, 3000, "=", None, None, None,
         "力争完成省下达任务"),
        ("污泥无害化处置率", "%", None, None, 2030, 90, ">=", None, None, None, "不含工业"),
        ("骨干教师占比", "%", None, None, 2030, None, None, "≥20（小学）≥40（中学）", None, None,
         None),
        ("区级财政收入年均增长率", "%", None, None, None, None, None, None, 6, None, None),
    ]


def test_bracketed_base_values_dated_by_the_footnote_and_qualitative_units(
        tmp_path: Path) -> None:
    """``注：括号内数据为2019年平均值``: a base value printed in brackets is of 2019, the others
    of the base column's year; ``定性`` in the 单位 column is no unit and not part of the name."""
    body = ("表2 某区水务指标\n\n"
            + _cells("序号", "指标名称", "单位", "指标属性", "基准值（2020年）", "目标值（2025年）",
                     "1", "河道水质达标比例", "%", "预期性", "（80.5）", "90",
                     "2", "污水处理率", "%", "约束性", "95", "≥99",
                     "3", "河长制推进", "定性", "预期性", "/", "全面建成河长制体系")
            + "注：括号内数据为2019年平均值。\n")
    path = tmp_path / "plan.md"
    path.write_text("# 某区水务“十四五”规划\n\n" + body, encoding="utf-8")
    result = extract_indicator_tables(read_document(path))
    assert [_full(i) for i in result.indicators] == [
        ("河道水质达标比例", "%", 2019, 80.5, 2025, 90, "=", None, None, None, None),
        ("污水处理率", "%", 2020, 95, 2025, 99, ">=", None, None, None, None),
        ("河长制推进", None, None, None, 2025, None, None, "全面建成河长制体系", None, None, None),
    ]


def test_names_that_start_like_a_target_and_growth_rates_beside_an_empty_target(
        tmp_path: Path) -> None:
    """``完成造林面积`` names a row although it starts with 完成; a pipe table's empty target cell
    beside a 年均 value of a growth-rate row leaves the value a growth rate."""
    body = ("表1 某区主要指标\n\n"
            + _cells("类别", "指标名称", "单位", "2030年目标", "属性",
                     "生态", "完成造林面积", "公顷", "1200", "约束性",
                     "城市绿道长度", "千米", "完成市级", "下达目标", "预期性",
                     "民生", "新增托位数", "个", "3000", "预期性",
                     "保持就业率", "%", "95", "预期性")
            + "注：测试。\n\n"
            "表2 某区经济指标\n\n"
            "| 序号 | 指标名称 | 单位 | 2030年目标 | 年均增长［累计］ | 属性 |\n"
            "|---|---|---|---|---|---|\n"
            "| 1 | 地区生产总值年均增长率 | % |  | 5 | 预期性 |\n"
            "| 2 | 居民收入 | 万元 | 12 |  | 预期性 |\n")
    result = _read(tmp_path, body)
    assert [(i.category, i.name, i.unit, i.target, i.target_text, i.annual_growth_pct)
            for i in result.indicators] == [
        ("生态", "完成造林面积", "公顷", 1200, None, None),
        ("生态", "城市绿道长度", "千米", None, "完成市级下达目标", None),
        ("民生", "新增托位数", "个", 3000, None, None),
        ("民生", "保持就业率", "%", 95, None, None),
        (None, "地区生产总值年均增长率", "%", None, None, 5),
        (None, "居民收入", "万元", 12, None, None),
    ]


def test_a_lone_column_of_the_plans_last_year_is_the_target(tmp_path: Path) -> None:
    body = ("表1 某区主要指标\n\n"
            "| 序号 | 指标名称 | 单位 | 2030年 | 属性 |\n"
            "|---|---|---|---|---|\n"
            "| 1 | 居民收入 | 万元 | 12 | 预期性 |\n"
            "| 2 | 研发投入强度 | % | ≥4 | 预期性 |\n")
    result = _read(tmp_path, body)
    assert [(i.name, i.baseline_year, i.baseline, i.target_year, i.target, i.target_comparator)
            for i in result.indicators] == [
        ("居民收入", None, None, 2030, 12, "="),
        ("研发投入强度", None, None, 2030, 4, ">="),
    ]


def test_attribute_beside_a_spanning_value_header(tmp_path: Path) -> None:
    """``指标值`` spans ``2025年`` ‖ ``2030年`` on the next header row, and ``属性`` (both rows
    high) is printed right of it: read row by row, the years come after ``属性``."""
    body = ("表1 某区主要指标\n\n"
            + _cells("序号", "指标名称", "单位", "指标值", "属性", "2025年", "2030年",
                     "1", "常住人口", "万人", "20", "22", "预期性",
                     "2", "绿地率", "%", "35", "≥38", "约束性",
                     "3", "公交站点覆盖率", "%", "/", "90", "预期性",
                     "4", "企业数量", "家", "300", "350", "预期性")
            + "注：测试。\n")
    result = _read(tmp_path, body)
    assert [_row(i) for i in result.indicators] == [
        (None, "常住人口", "万人", 2025, 20, 2030, 22, None, "预期性"),
        (None, "绿地率", "%", 2025, 35, 2030, 38, None, "约束性"),
        (None, "公交站点覆盖率", "%", None, None, 2030, 90, None, "预期性"),
        (None, "企业数量", "家", 2025, 300, 2030, 350, None, "预期性"),
    ]


def test_attribute_beside_a_period_target_over_year_and_growth(tmp_path: Path) -> None:
    body = ("表1 某区主要指标\n\n"
            + _cells("序号", "指标名称", "单位", "“十五五”目标", "属性", "2030年", "年均［累计］",
                     "1", "地区生产总值", "亿元", "3000", "—", "预期性",
                     "2", "研发投入增长率", "%", "—", "6左右", "预期性",
                     "3", "新增就业岗位", "万个", "—", "［5］", "预期性",
                     "4", "细颗粒物浓度", "微克/立方米", "≤25", "—", "约束性")
            + "注：测试。\n")
    result = _read(tmp_path, body)
    assert [(i.name, i.target_year, i.target, i.annual_growth_pct, i.cumulative_change,
             i.attribute) for i in result.indicators] == [
        ("地区生产总值", 2030, 3000, None, None, "预期性"),
        ("研发投入增长率", None, None, 6, None, "预期性"),
        ("新增就业岗位", None, None, None, 5, "预期性"),
        ("细颗粒物浓度", 2030, 25, None, None, "约束性"),
    ]
