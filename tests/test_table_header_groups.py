"""Indicator tables with header groups, in small synthetic documents (tests/fixtures/tables/
header_groups*): a header cell spanning a 类别 column and the name column (HTML colspan, a
Markdown table that lost the span, one cell per paragraph), a 单位 cell merged down its group,
and ``A/B`` rows that print two indicators (``x/y`` values). What cannot be read says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document as WordDocument

from planwatch.extract.indicators import extract_indicator_tables
from planwatch.extract.table_pairs import pair_cells, pair_names, pair_unit
from planwatch.model.plan import Indicator
from planwatch.parse import read_document

TABLES = Path(__file__).parent / "fixtures" / "tables"


def _row(i: Indicator) -> tuple[Any, ...]:
    return (i.category, i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target,
            i.target_comparator, i.attribute)


def _table_rows(path: Path) -> list[tuple[str, ...]]:
    return [r for b in read_document(path).blocks if b.kind == "table" for r in b.rows]


def test_html_name_header_spanning_category_and_name_columns() -> None:
    """``指标`` (colspan 2, rowspan 2) over 类别 and name; 单位 merged down a group (rowspan);
    ``5G基站数量/千兆宽带用户数`` ‖ ``万个/万户`` ‖ ``1.2/25`` ‖ ``2/40`` is two indicators;
    ``指标名称`` spanning two columns in a one-row header."""
    result = extract_indicator_tables(read_document(TABLES / "header_groups.html"))
    assert [_row(i) for i in result.indicators] == [
        ("产业发展", "数字经济核心产业增加值", "亿元", 2025, 320, 2030, 500, "=", "预期性"),
        ("产业发展", "软件和信息服务业营业收入", "亿元", 2025, 410, 2030, 650, "=", "预期性"),
        ("基础设施", "5G基站数量", "万个", 2025, 1.2, 2030, 2, "=", "预期性"),
        ("基础设施", "千兆宽带用户数", "万户", 2025, 25, 2030, 40, "=", "预期性"),
        ("基础设施", "数据中心机架数", "个", 2025, 3000, 2030, 6000, "=", "约束性"),
        ("创新投入", "研发经费投入强度", "%", 2025, 3.2, 2030, 3.6, "=", None),
        ("创新产出", "每万人高价值发明专利拥有量", "件", 2025, 18, 2030, 30, "=", None),
    ]
    assert result.findings == []


def test_markdown_table_that_lost_the_span() -> None:
    """``| 指标 | | 单位 |``: the unnamed column holds the names, the named one the groups; a 单位
    cell printed once per group is carried down it; an ``A/B`` row with one unit (家) gives it
    to both indicators; ``指标名称`` printed twice (the span repeated)."""
    result = extract_indicator_tables(read_document(TABLES / "header_groups.md"))
    assert [_row(i) for i in result.indicators] == [
        ("农业生产", "粮食播种面积", "万亩", 2025, 52, 2030, 52, ">=", "约束性"),
        ("农业生产", "高标准农田面积", "万亩", 2025, 30, 2030, 38, "=", "约束性"),
        ("农业科技", "农业科技进步贡献率", "%", 2025, 64, 2030, 68, "=", "预期性"),
        ("农业科技", "主要农作物耕种收综合机械化率", "%", 2025, 88, 2030, 92, "=", "预期性"),
        ("农业科技", "农业龙头企业数", "家", 2025, 45, 2030, 60, "=", "预期性"),
        ("农业科技", "农民合作社数", "家", 2025, 310, 2030, 400, "=", "预期性"),
        ("人居环境", "农村生活污水治理率", "%", 2025, 45, 2030, 70, "=", None),
        ("公共服务", "村级综合服务站覆盖率", "%", 2025, 90, 2030, 100, "=", None),
    ]
    assert result.findings == []


def test_one_cell_per_paragraph_name_header_over_two_columns() -> None:
    """``指标名称`` printed once over a 类别 column merged down its group and the names: the
    grid gets both columns; the group's 单位 printed once is carried down."""
    rows = _table_rows(TABLES / "header_groups_cells.md")
    assert rows[0] == ("序号", "指标名称", "指标名称", "单位", "2025年", "2030年", "属性")
    assert rows[1] == ("1", "城市更新", "旧区改造面积", "万平方米", "60", "120", "预期性")
    assert rows[2][:4] == ("2", "", "既有建筑节能改造面积", "")
    result = extract_indicator_tables(read_document(TABLES / "header_groups_cells.md"))
    assert [_row(i) for i in result.indicators] == [
        ("城市更新", "旧区改造面积", "万平方米", 2025, 60, 2030, 120, "=", "预期性"),
        ("城市更新", "既有建筑节能改造面积", "万平方米", 2025, 80, 2030, 150, "=", "预期性"),
        ("住房保障", "保障性租赁住房供应套数", "万套", 2025, 4, 2030, 8, "=", "约束性"),
        ("住房保障", "人才公寓供应套数", "万套", 2025, 1.5, 2030, 3, "=", "约束性"),
        ("住房保障", "城镇住房成套率", "%", 2025, 97, 2030, 99, "=", "预期性"),
    ]
    assert result.findings == []


def _cells_doc(tmp_path: Path, cells: list[str]) -> Path:
    path = tmp_path / "plan.md"
    body = "\n\n".join(["某区“十五五”科技创新规划", "表1 主要指标", *cells,
                        "二、主要任务", "（一）推进创新。加快推进创新体系建设，完善配套设施。"])
    path.write_text(body + "\n", encoding="utf-8")
    return path


def test_names_broken_over_two_paragraphs_are_not_groups(tmp_path: Path) -> None:
    """A name broken over two paragraphs (``规模以上工业企业研发`` ‖ ``机构覆盖率``) is one name,
    not a 类别 and a name."""
    path = _cells_doc(tmp_path, [
        "序号", "指标名称", "单位", "2025年", "2030年", "属性",
        "1", "规模以上工业企业研发", "机构覆盖率", "%", "40", "50", "预期性",
        "2", "高新技术企业数", "家", "820", "1200", "预期性",
        "3", "每万人口高价值", "发明专利拥有量", "件", "20", "30", "预期性",
        "4", "技术合同成交额", "亿元", "30", "50", "约束性"])
    result = extract_indicator_tables(read_document(path))
    assert [(i.category, i.name, i.unit) for i in result.indicators] == [
        (None, "规模以上工业企业研发机构覆盖率", "%"), (None, "高新技术企业数", "家"),
        (None, "每万人口高价值发明专利拥有量", "件"), (None, "技术合同成交额", "亿元")]


def test_pair_that_cannot_be_split_is_said(tmp_path: Path) -> None:
    """``A/B`` with ``高于全市平均水平/5``: kept as one row as printed, with a finding that its
    values could not be split; ``8/3`` in a row naming one indicator is not read as 8."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某区“十五五”商务发展规划\n\n表1 主要指标\n\n"
        "| 指标 | 单位 | 2025年 | 2030年 | 属性 |\n|---|---|---|---|---|\n"
        "| 社会消费品零售总额年均增长率/商品销售总额年均增长率 | % | — "
        "| 高于全市平均水平/5 | 预期性 |\n"
        "| 商业网点数量 | 个 | 8/3 | 12 | 预期性 |\n", encoding="utf-8")
    result = extract_indicator_tables(read_document(path))
    first, second = result.indicators
    assert first.name == "社会消费品零售总额年均增长率/商品销售总额年均增长率"
    assert first.target is None
    assert (second.baseline, second.target) == (None, 12)
    assert [f.code for f in result.findings] == ["table-row-damaged", "unparsed-number"]
    assert "无法按两项指标拆分" in result.findings[0].message


def test_pair_parts() -> None:
    assert pair_names("5G基站数量/千兆宽带用户数") == ("5G基站数量", "千兆宽带用户数")
    assert pair_names("R&D/GDP") is None  # not two Chinese names
    names = ("农业龙头企业数", "农民合作社数")
    assert pair_unit("万个/万户", names) == ("万个", "万户")
    assert pair_unit("家", names) == ("家", "家")
    # one unit of a rate, not two units
    assert pair_unit("万元/人", ("人均地区生产总值", "人均可支配收入")) == ("万元/人", "万元/人")
    assert pair_cells(("A/B", "家", "45/310", "—", "预期性"), [2, 3]) == (
        ("A/B", "家", "45", "—", "预期性"), ("A/B", "家", "310", "—", "预期性"))
    assert pair_cells(("A/B", "%", "高于全市平均水平/5"), [2]) is None
    assert pair_cells(("A/B", "%", "5", "6"), [2, 3]) is None  # no pair in the values


def test_one_row_per_paragraph_name_header_over_two_columns(tmp_path: Path) -> None:
    """Rows as paragraphs, cells on single lines: the group's first row prints its 类别 line."""
    path = tmp_path / "plan.md"
    rows = ["序号\n指标名称\n单位\n2025年\n2030年\n属性",
            "1\n水环境\n地表水达到或好于III类水体比例\n%\n80\n85\n约束性",
            "2\n城镇污水处理率\n%\n96\n98\n约束性",
            "3\n大气环境\n细颗粒物年均浓度\n微克/立方米\n30\n25\n约束性",
            "4\n空气质量优良天数比率\n%\n85\n88\n约束性"]
    task = "（一）加强治理。持续推进污染防治，改善生态环境质量。"
    path.write_text("\n\n".join(["某区“十五五”生态环境保护规划", "表1 主要指标", *rows,
                                 "二、主要任务", task]) + "\n", encoding="utf-8")
    result = extract_indicator_tables(read_document(path))
    assert [(i.category, i.name, i.unit, i.target) for i in result.indicators] == [
        ("水环境", "地表水达到或好于III类水体比例", "%", 85),
        ("水环境", "城镇污水处理率", "%", 98),
        ("大气环境", "细颗粒物年均浓度", "微克/立方米", 25),
        ("大气环境", "空气质量优良天数比率", "%", 88),
    ]


def test_word_table_with_merged_name_header_and_group_cells(tmp_path: Path) -> None:
    """A Word table: ``指标`` merged over two columns, 类别 and 单位 merged down a group."""
    word = WordDocument()
    word.add_paragraph("某区“十五五”数字经济发展规划")
    word.add_paragraph("表1 主要指标")
    data = [["指标", "", "单位", "2025年", "2030年", "属性"],
            ["产业发展", "数字经济核心产业增加值", "亿元", "320", "500", "预期性"],
            ["", "软件和信息服务业营业收入", "", "410", "650", "预期性"],
            ["基础设施", "5G基站数量/千兆宽带用户数", "万个/万户", "1.2/25", "2/40", "预期性"],
            ["", "数据中心机架数", "个", "3000", "6000", "约束性"]]
    table = word.add_table(rows=len(data), cols=len(data[0]))
    for r, row in enumerate(data):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(3, 0).merge(table.cell(4, 0))
    path = tmp_path / "plan.docx"
    word.save(str(path))
    result = extract_indicator_tables(read_document(path))
    assert [_row(i) for i in result.indicators] == [
        ("产业发展", "数字经济核心产业增加值", "亿元", 2025, 320, 2030, 500, "=", "预期性"),
        ("产业发展", "软件和信息服务业营业收入", "亿元", 2025, 410, 2030, 650, "=", "预期性"),
        ("基础设施", "5G基站数量", "万个", 2025, 1.2, 2030, 2, "=", "预期性"),
        ("基础设施", "千兆宽带用户数", "万户", 2025, 25, 2030, 40, "=", "预期性"),
        ("基础设施", "数据中心机架数", "个", 2025, 3000, 2030, 6000, "=", "约束性"),
    ]


def test_unnamed_column_of_numbers_is_said(tmp_path: Path) -> None:
    """A column whose header cell lost its text (a span flattened to an empty cell) and that
    holds numbers: its values are not read, and a finding names the column."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某区“十五五”交通发展规划\n\n表1 主要指标\n\n"
        "| 指标 | 单位 | 2025年 | 2030年 | | 属性 |\n|---|---|---|---|---|---|\n"
        "| 公交站点500米覆盖率 | % | 90 | 95 | 98 | 预期性 |\n"
        "| 轨道交通运营里程 | 公里 | 20 | 45 | 60 | 预期性 |\n", encoding="utf-8")
    result = extract_indicator_tables(read_document(path))
    assert [(i.name, i.baseline, i.target) for i in result.indicators] == [
        ("公交站点500米覆盖率", 90, 95), ("轨道交通运营里程", 20, 45)]
    assert [f.code for f in result.findings] == ["indicator-column-unmapped"]
    assert "第5列（无表头）" in result.findings[0].message


SPANNED_VALUE = """<html><body><h1>某市能源发展“十五五”规划</h1><p>专栏1 主要指标</p><table>
<tr><td>序号</td><td>指标</td><td>单位</td><td>2025年</td><td>2030年</td><td>属性</td></tr>
<tr><td>1</td><td>能源综合生产能力</td><td>亿吨标准煤</td><td>51.3</td><td>58</td><td>约束性</td></tr>
<tr><td>2</td><td>单位发电量碳排放下降</td><td>%</td><td colspan="2">&gt;10</td><td>约束性</td></tr>
<tr><td>3</td><td>专利申请量年均增长</td><td>%</td><td colspan="2">&gt;5</td><td>预期性</td></tr>
<tr><td>4</td><td>基本养老保险参保率</td><td>%</td><td>≥95</td><td>≥95</td><td>预期性</td></tr>
</table></body></html>
"""


def test_html_value_merged_across_the_base_and_target_year_columns(tmp_path: Path) -> None:
    """``>10`` in one cell spanning 2025年 and 2030年 (the grid repeats it in both) under a named
    change is the period's change, not a 2025 baseline of >10 and a 2030 target of >10; a rate
    kept at the same floor in two cells of its own stays a baseline and a target."""
    path = tmp_path / "plan.html"
    path.write_text(SPANNED_VALUE, encoding="utf-8")
    got = {i.name: (i.baseline, i.target, i.cumulative_change, i.annual_growth_pct)
           for i in extract_indicator_tables(read_document(path)).indicators}
    assert got == {"能源综合生产能力": (51.3, 58, None, None),
                   "单位发电量碳排放下降": (None, None, -10, None),
                   "专利申请量年均增长": (None, None, None, 5),
                   "基本养老保险参保率": (95, 95, None, None)}
