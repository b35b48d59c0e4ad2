"""Indicator tables whose cells a PDF's text export separated by single spaces (released set
14, half T: a 十五五 规划纲要 whose 30 rows were not found). Synthetic text, never a copy of a set
text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.parse import read_document
from planwatch.parse.document import Block
from planwatch.parse.spaced_table import header_cells

PLAN = """某市国民经济和社会发展第十五个五年规划纲要

第一章 发展目标

到2030年，全市综合实力迈上新台阶。
表 1 “十五五”经济社会发展主要指标
序号 指 标 2030 年目标 属性
一、创新驱动（4 项）
1 地区生产总值年均增长（%） 5.5 左右 预期性
2 全社会研发经费支出占地区生产总值比重（%） 3.6 左右 预期性
3 规上工业增加值率（%） 提高 1 个百分点以上 预期性
4 数字经济核心产业营业收入占规上企业营业
收入比重（%） 28.5 预期性
— 9 —
序号 指 标 2030 年目标 属性
二、绿色低碳（2 项）
5 细颗粒物（PM2.5）年均浓度（微克/立方米） 30 左右 约束性
6 森林覆盖率（%） ≥12.5 约束性
在此基础上再奋斗五年，到 2035 年，基本实现社会主义现代化。
"""


def test_a_letter_spaced_header_is_read() -> None:
    assert header_cells("序号 指 标 2030 年目标 属性") == ["序号", "指标", "2030年目标", "属性"]
    assert header_cells("坚持 指 标 引领，推进 改革") is None


def test_every_row_is_read_across_pages_and_wrapped_names(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    rows = extract_file(path).indicators
    got = [(r.name, r.unit, r.target, r.target_comparator, r.attribute) for r in rows]
    assert got[0] == ("地区生产总值年均增长", "%", 5.5, "~", "预期性")
    assert rows[2].target is None and rows[2].target_text == "提高1个百分点以上"
    names = [r.name for r in rows]
    assert names == ["地区生产总值年均增长", "全社会研发经费支出占地区生产总值比重",
                     "规上工业增加值率", "数字经济核心产业营业收入占规上企业营业收入比重",
                     "细颗粒物（PM2.5）年均浓度", "森林覆盖率"]
    by_name = {r.name: r for r in rows}
    assert by_name["森林覆盖率"].target == 12.5 and by_name["森林覆盖率"].attribute == "约束性"
    assert by_name["数字经济核心产业营业收入占规上企业营业收入比重"].target == 28.5
    assert by_name["细颗粒物（PM2.5）年均浓度"].unit == "微克/立方米"


def test_a_base_year_and_a_target_year_column_each_get_their_value(tmp_path: Path) -> None:
    text = ("某区国民经济和社会发展第十五个五年规划纲要\n\n"
            "专栏1 主要指标\n序号 指 标 2025 年 2030 年 属性\n"
            "1 地区生产总值（亿元） 1200 1600 左右 预期性\n"
            "2 研发经费投入强度（%） 2.8 ＞ 3.5 预期性\n"
            "3 森林覆盖率（%） 18 稳中 有升 约束性\n"
            "4 城镇新增就业人数（万人） 1.2 1.5 预期性\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    got = [(r.name, r.baseline_year, r.baseline, r.target_year, r.target, r.target_comparator)
           for r in extract_file(path).indicators]
    assert got[0] == ("地区生产总值", 2025, 1200, 2030, 1600, "~")
    assert got[1] == ("研发经费投入强度", 2025, 2.8, 2030, 3.5, ">=")
    assert got[3] == ("城镇新增就业人数", 2025, 1.2, 2030, 1.5, "=")
    assert got[2][2] == 18 and got[2][4] is None  # 稳中有升: a text target, no number


CELLS = """某市“十五五”规划纲要

“十五五”时期经济社会发展主要指标

类别

序号

指标名称

2025年

预计

2030年

目标

年均/

累计

属性

经济发展

1

地区生产总值增长（%）

5.6左右

—

5以上

预期性

2

全员劳动生产率（万元/人）

28.1

34

—

预期性

3

常住人口城镇化率（%）

80

82

—

预期性

4

数字贸易额（亿元）

1200

2000

—

预期性
"""


def test_a_header_cell_broken_after_its_slash_is_one_column(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(CELLS, encoding="utf-8")
    rows = {r.name: r for r in extract_file(path).indicators}
    gdp = rows["地区生产总值增长"]
    assert (gdp.annual_growth_pct, gdp.growth_comparator, gdp.cumulative_change) == (5, ">=", None)
    assert (rows["全员劳动生产率"].baseline, rows["全员劳动生产率"].target) == (28.1, 34)


CATEGORY_PLAN = """某行业发展“十五五”规划
[第 1 页]
一、总体要求
到 2030 年，行业发展迈上新台阶。
专栏 1 “十五五”时期行业发展主要指标
序号 类别 指标 2025 年 2030 年 属性
1
综合
清洁能源消费比重 20% 28% 预期性
2 总装机（亿千瓦） 12.5 18 预期性
3 绿色
低碳
非化石能源装机占比 55.2% 62% 约束性
4 供应能力（万千瓦） 6000 >9000 预期性
二、加快形成绿色低碳的供给格局
[第 2 页]
（一）统筹开发与消纳
"""

UNIT_PLAN = """某领域体系建设“十五五”规划
一、总体要求
专栏 1 “十五五”主要指标
序号 指 标 单 位 2025 年 2030 年 属性
1 综合生产能力 亿吨标准煤 21.3 25 约束性
2 非化石能源消费比重 % 18.7 24 约束性
3 单位产值碳排放下降
①
% >10 约束性
4
专 利 合 作 条 约
（PCT）国际专利申请
量 % 120 >160 预期性
注：①单位产值碳排放为碳排放总量与产值的比值。
二、主要任务
"""


def test_a_category_column_printed_on_lines_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(CATEGORY_PLAN, encoding="utf-8")
    plan = extract_file(path)
    got = [(i.name, i.category, i.baseline, i.target, i.target_comparator)
           for i in plan.indicators]
    assert got == [("清洁能源消费比重", "综合", 20.0, 28.0, "="),
                   ("总装机", "综合", 12.5, 18.0, "="),
                   ("非化石能源装机占比", "绿色低碳", 55.2, 62.0, "="),
                   ("供应能力", "绿色低碳", 6000.0, 9000.0, ">=")]
    # the heading after the table and the page marks are no part of it
    assert any(b.kind == "heading" and b.text.startswith("二、") for b in plan_blocks(path))
    assert not any("第 2 页" in b.text for b in plan_blocks(path))


def test_a_unit_column_a_note_mark_and_a_letter_spaced_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(UNIT_PLAN, encoding="utf-8")
    rows = {i.name: (i.unit, i.baseline, i.target) for i in extract_file(path).indicators}
    assert rows["综合生产能力"] == ("亿吨标准煤", 21.3, 25.0)
    assert rows["非化石能源消费比重"] == ("%", 18.7, 24.0)
    assert rows["专利合作条约（PCT）国际专利申请量"] == ("%", 120.0, 160.0)
    assert "单位产值碳排放下降" in rows  # one value for two year columns: not guessed


def plan_blocks(path: Path) -> list[Block]:
    return read_document(path).blocks


GOALS_PLAN = """某能源“十五五”发展规划
一、发展目标
专栏 1 “十五五”发展主要目标
类别 单位 2025 年 2030 年 属性
1. 总量目标
1.1 消费总量 亿吨标准煤 10.5 16 约束性
2. 发电目标
2.1 发电总装机 亿千瓦 21.4 31 预期性
其中：光热发电 万千瓦 160 1200 预期性
2.1.1 海洋能装机 万千瓦 — 30 预期性
3. 可靠替代目标
3.1 全省风电光伏（含源侧配建储
能）平均置信出力2
% — 7 预期性
3.2 新增可靠顶峰发电能力 亿千瓦 — 〔2〕 预期性
注：〔〕为 5 年累计数。
二、主要任务
"""


def test_names_in_a_category_column_numbered_by_level(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(GOALS_PLAN, encoding="utf-8")
    got = [(i.name, i.category, i.unit, i.baseline, i.target, i.cumulative_change)
           for i in extract_file(path).indicators]
    assert got == [
        ("消费总量", "总量目标", "亿吨标准煤", 10.5, 16.0, None),
        ("发电总装机", "发电目标", "亿千瓦", 21.4, 31.0, None),
        ("光热发电", "发电目标", "万千瓦", 160.0, 1200.0, None),
        ("海洋能装机", "发电目标", "万千瓦", None, 30.0, None),
        ("全省风电光伏（含源侧配建储能）平均置信出力", "可靠替代目标", "%", None, 7.0, None),
        ("新增可靠顶峰发电能力", "可靠替代目标", "亿千瓦", None, None, 2.0),
    ]


ONE_VALUE_PLAN = """某领域发展“十五五”规划
一、总体要求
专栏 1 “十五五”主要指标
序号 指 标 单 位 2025 年 2030 年 属性
1 综合生产能力 亿吨标准煤 21.3 25 约束性
2 单位产值碳排放下降 % >10 约束性
3 重点行业节能量 亿吨标准煤 >1.5 预期性
4 发明专利申请量年均增长 % >5 预期性
5 示范工程 个 >100 预期性
二、主要任务
"""


def test_one_value_for_both_year_columns_is_the_period_s_change(tmp_path: Path) -> None:
    """A row printing one value under 2025年 and 2030年 (a cell merged across both): a named
    change is the period's change (a fall negative) or its yearly rate; any other row reaches it
    by the target year; never a baseline equal to the target."""
    path = tmp_path / "plan.txt"
    path.write_text(ONE_VALUE_PLAN, encoding="utf-8")
    got = {i.name: (i.baseline, i.target, i.target_year, i.cumulative_change,
                    i.annual_growth_pct, i.target_text) for i in extract_file(path).indicators}
    assert got["综合生产能力"] == (21.3, 25.0, 2030, None, None, None)
    assert got["单位产值碳排放下降"] == (None, None, None, -10.0, None, ">10")
    assert got["重点行业节能量"] == (None, None, None, 1.5, None, ">1.5")
    assert got["发明专利申请量年均增长"] == (None, None, None, None, 5.0, ">5")
    assert got["示范工程"][:3] == (None, 100.0, 2030)
