"""Indicator-table layouts beyond the dev documents, each in a small synthetic document: headers
written on one line with spaces, rows written one per line, range upper bounds, one unit for the
whole table, several tables in one document, unusual header words, years as columns, and a
column that cannot be mapped (a finding, never silently dropped values)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document as WordDocument

from planwatch.extract.indicators import extract_indicator_tables
from planwatch.extract.tables import classify_header, detect_header
from planwatch.model.plan import Indicator
from planwatch.parse import read_document
from planwatch.parse.cellrun import spaced_header

TITLE = "# 某区“十五五”规划\n\n"


def _read(tmp_path: Path, body: str, name: str = "plan.md") -> Any:
    path = tmp_path / name
    path.write_text(TITLE + body, encoding="utf-8")
    return extract_indicator_tables(read_document(path))


def _cells(*cells: str) -> str:
    """One cell per paragraph, as the Shanghai pages print their tables."""
    return "\n\n".join(cells) + "\n\n"


def _row(i: Indicator) -> tuple[Any, ...]:
    return (i.category, i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target,
            i.target_comparator, i.target_text, i.cumulative_change, i.attribute)


def test_header_on_one_line_with_spaces_then_one_cell_per_paragraph(tmp_path: Path) -> None:
    result = _read(tmp_path, "表1 主要指标\n\n序号 指标名称 单位 属性 2025年 2030年\n\n"
                   + _cells("1", "地区生产总值", "亿元", "预期性", "5000", "6000",
                            "2", "研发经费投入强度", "%", "预期性", "4.2", "4.5")
                   + "注：测试。\n")
    assert [_row(i) for i in result.indicators] == [
        (None, "地区生产总值", "亿元", 2025, 5000, 2030, 6000, "=", None, None, "预期性"),
        (None, "研发经费投入强度", "%", 2025, 4.2, 2030, 4.5, "=", None, None, "预期性"),
    ]
    assert result.findings == []


def test_rows_written_one_per_line_with_spaces(tmp_path: Path) -> None:
    """Header and rows on one line each, cells separated by (full-width) spaces; a merged
    category cell missing on the second row of its group; spaces inside a cell (``累计完成
    3250``, ``≥ 90``, ``AI 应用普及率``) do not split it."""
    body = ("表1 主要指标\n\n"
            "序号　类别　指标名称　单位　2025年　2030年　属性\n"
            "1　经济发展　全社会固定资产投资总额　亿元　—　累计完成 3250　预期性\n"
            "2　新一代智能终端等AI 应用普及率　%　60　≥ 90　预期性\n"
            "3　绿色低碳　细颗粒物年均浓度　微克/立方米　28　完成市下达目标　约束性\n"
            "\n注：测试。\n")
    result = _read(tmp_path, body)
    assert [_row(i) for i in result.indicators] == [
        ("经济发展", "全社会固定资产投资总额", "亿元", None, None, None, None, None, None,
         3250, "预期性"),
        ("经济发展", "新一代智能终端等AI应用普及率", "%", 2025, 60, 2030, 90, ">=", None,
         None, "预期性"),
        ("绿色低碳", "细颗粒物年均浓度", "微克/立方米", 2025, 28, 2030, None, None,
         "完成市下达目标", None, "约束性"),
    ]
    assert result.findings == []
    # the same rows with a blank line between them read the same
    spaced = _read(tmp_path, body.replace("\n1", "\n\n1").replace("\n2", "\n\n2"
                                                                  ).replace("\n3", "\n\n3"))
    assert [_row(i) for i in spaced.indicators] == [_row(i) for i in result.indicators]


def test_spaced_header_needs_header_words_only() -> None:
    assert spaced_header("序号 指标名称 单位 属性 2025年 2030年") == [
        "序号", "指标名称", "单位", "属性", "2025年", "2030年"]
    assert spaced_header("到2030年 指标 全面完成") == []  # prose
    assert spaced_header("经济发展 民生改善 生态环境") == []  # no name or value column


def test_range_upper_bounds(tmp_path: Path) -> None:
    """``35-40`` as target or baseline and ``〔3000—4000〕`` as a cumulative keep their upper
    bounds (``target_max``, ``baseline_max``, ``cumulative_change_max``)."""
    result = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        "指标名称", "单位", "2025年", "2030年",
        "年均土地储备规模", "公顷", "30-40", "35-40",
        "新增公共停车泊位", "个", "—", "〔3000—4000〕"))
    assert [(i.baseline, i.baseline_max, i.target, i.target_max, i.cumulative_change,
             i.cumulative_change_max) for i in result.indicators] == [
        (30, 40, 35, 40, None, None),
        (None, None, None, None, 3000, 4000),
    ]


def test_one_unit_for_the_whole_table(tmp_path: Path) -> None:
    """``单位：%`` above the table, or ``（单位：亿元）`` at the end of the caption, is the unit of
    every row that has none of its own; a list of units is no unit."""
    rows = _cells("序号", "指标名称", "2025年", "2030年", "属性",
                  "1", "研发经费投入强度", "4.2", "4.6", "预期性",
                  "2", "高新技术企业数（家）", "1000", "1200", "预期性")
    above = _read(tmp_path, "表1 主要指标\n\n单位：%\n\n" + rows)
    assert [(i.name, i.unit) for i in above.indicators] == [
        ("研发经费投入强度", "%"), ("高新技术企业数", "家")]
    caption = _read(tmp_path, "表1 主要指标（单位：亿元）\n\n" + rows)
    assert [i.unit for i in caption.indicators] == ["亿元", "家"]
    several = _read(tmp_path, "表1 主要指标\n\n单位：亿元、%\n\n" + rows)
    assert [i.unit for i in several.indicators] == [None, "家"]


def test_several_tables_in_one_document(tmp_path: Path) -> None:
    """A previous-period results table, two indicator tables with their own captions, and a
    project list after them: the indicator rows of both tables, in order; the results table
    goes to prior results; the project list is not an indicator table."""
    body = ("表1 “十四五”规划主要指标完成情况\n\n"
            + _cells("指标名称", "目标值", "完成值", "完成情况",
                     "研发经费投入强度", "4.0%", "4.2%", "已完成",
                     "高新技术企业数", "1000家", "1100家", "已完成")
            + "二、发展目标\n\n到2030年，建设取得明显成效。\n\n表2 “十五五”经济发展主要指标\n\n"
            + _cells("序号", "指标名称", "单位", "2025年基期值", "2030年目标值", "属性",
                     "1", "地区生产总值", "亿元", "2000", "2600", "预期性",
                     "2", "研发经费投入强度", "%", "4.2", "4.6", "预期性")
            + "表3 “十五五”民生保障主要指标\n\n"
            + _cells("序号", "指标名称", "单位", "2025年基期值", "2030年目标值", "属性",
                     "1", "人均预期寿命", "岁", "84", "85", "预期性",
                     "2", "新增就业岗位", "万个", "—", "累计5", "预期性")
            + "附件：重点项目清单\n\n"
            + _cells("序号", "项目名称", "建设内容", "“十五五”目标",
                     "1", "某某泵站工程", "新建泵站1座", "完成建设",
                     "2", "某某道路工程", "新建道路3公里", "完成建设"))
    result = _read(tmp_path, body)
    assert [(i.name, i.baseline, i.target, i.cumulative_change) for i in result.indicators] == [
        ("地区生产总值", 2000, 2600, None),
        ("研发经费投入强度", 4.2, 4.6, None),
        ("人均预期寿命", 84, 85, None),
        ("新增就业岗位", None, None, 5),
    ]
    assert [(p.name, p.unit, p.target, p.actual) for p in result.prior_results] == [
        ("研发经费投入强度", "%", 4.0, 4.2), ("高新技术企业数", "家", 1000, 1100)]
    assert result.findings == []


def test_header_words_for_base_and_target() -> None:
    """现有水平 / 当前值 / 起始值 are the base, 规划水平 / 目标水平 the target; a period's end
    (“十四五”期末 ‖ “十五五”期末) is dated like a year column."""
    assert [classify_header(h).role for h in ("现有水平", "当前值", "起始值", "2025年基线值")] \
        == ["baseline"] * 4
    assert [classify_header(h).role for h in ("规划水平", "目标水平")] == ["target"] * 2
    rows = [("指标", "单位", "“十四五”期末", "“十五五”期末"), ("甲", "%", "1", "2")]
    header = detect_header(rows)
    assert header is not None
    assert [(c.role, c.year) for c in header.columns[2:]] == [("baseline", 2025),
                                                             ("target", 2030)]


def test_column_that_cannot_be_mapped_is_a_finding(tmp_path: Path) -> None:
    """A numeric column whose header names nothing planwatch reads (全国平均) is reported by
    name instead of being dropped silently; the known columns are still read."""
    result = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        "序号", "指标名称", "单位", "现有水平", "规划水平", "全国平均", "属性",
        "1", "研发经费投入强度", "%", "4.2", "4.6", "2.7", "预期性",
        "2", "高新技术企业数", "家", "1000", "1250", "—", "预期性"))
    assert [(i.name, i.baseline, i.target) for i in result.indicators] == [
        ("研发经费投入强度", 4.2, 4.6), ("高新技术企业数", 1000, 1250)]
    assert [(f.code, f.severity.value) for f in result.findings] == [
        ("indicator-column-unmapped", "warning")]
    assert "全国平均" in result.findings[0].message


def test_years_as_columns(tmp_path: Path) -> None:
    """One column per year (2025 … 2030): base 2025, target 2030, the years between are
    milestones not read; a 2035 vision column beside 2030 does not become the target. Neither
    is reported as an unknown column (they have years)."""
    yearly = _read(tmp_path, "表1 主要指标年度目标\n\n" + _cells(
        "序号", "指标名称", "单位", "2025年", "2026年", "2027年", "2028年", "2029年", "2030年",
        "1", "研发经费投入强度", "%", "4.2", "4.3", "4.4", "4.5", "4.55", "4.6",
        "2", "高新技术企业数", "家", "1000", "1050", "1100", "1150", "1200", "1250"))
    assert [(i.baseline_year, i.baseline, i.target_year, i.target)
            for i in yearly.indicators] == [(2025, 4.2, 2030, 4.6), (2025, 1000, 2030, 1250)]
    assert yearly.findings == []
    vision = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        "序号", "指标名称", "单位", "2025年", "2030年", "2035年", "属性",
        "1", "地区生产总值", "亿元", "2000", "2600", "3500", "预期性",
        "2", "研发经费投入强度", "%", "4.2", "4.6", "5.0", "预期性"))
    assert [(i.baseline_year, i.target_year, i.target) for i in vision.indicators] == [
        (2025, 2030, 2600), (2025, 2030, 4.6)]
    assert vision.findings == []


def test_header_cell_printed_as_two_lines_of_one_paragraph(tmp_path: Path) -> None:
    """``年均增长`` / ``［累计］`` as two lines of one header paragraph is one column (the rate or
    five-year cumulative), so ``2025年`` and ``2030年`` stay two columns; category cells broken
    over two lines; a text target in the rate column has no year."""
    result = _read(tmp_path, "表1 “十五五”时期经济社会发展主要指标\n\n" + _cells(
        "类别", "序号", "指标", "单位", "2025年", "2030年", "年均增长\n［累计］", "属性",
        "经济\n发展", "1", "地区生产总值增长", "%", "5.2", "—", "5左右", "预期性",
        "2", "全员劳动生产率", "万元/人", "45", "55", "—", "预期性",
        "创新\n驱动", "3", "研发经费投入强度", "%", "4.4", "4.8", "［0.4］", "预期性",
        "4", "城镇调查失业率", "%", "4.5", "—", "<5", "预期性",
        "5", "单位生产总值能源消耗降低", "%", "—", "—", "完成市下达目标", "约束性")
        + "注：［］内为五年累计数。\n")
    assert [(i.category, i.name, i.baseline, i.target, i.target_comparator, i.target_year,
             i.target_text, i.annual_growth_pct, i.growth_comparator, i.cumulative_change)
            for i in result.indicators] == [
        ("经济发展", "地区生产总值增长", 5.2, None, None, None, None, 5, "~", None),
        ("经济发展", "全员劳动生产率", 45, 55, "=", 2030, None, None, None, None),
        ("创新驱动", "研发经费投入强度", 4.4, 4.8, "=", 2030, None, None, None, 0.4),
        ("创新驱动", "城镇调查失业率", 4.5, None, None, None, None, 5, "<=", None),
        ("创新驱动", "单位生产总值能源消耗降低", None, None, None, None, "完成市下达目标", None,
         None, None),
    ]
    assert result.findings == []


def test_numbered_group_rows_and_a_row_with_one_value(tmp_path: Path) -> None:
    """``（一）经济发展`` rows name the groups below them (the 类别 column stays empty); a
    numbered heading is never read as a value, so a row that prints only one value gives its
    target and the next group row is not swallowed."""
    result = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        "序号", "类别", "指标名称", "单位", "属性", "2025年现状值", "2030年目标值",
        "（一）经济发展",
        "1", "地区生产总值", "亿元", "预期性", "1200", "1600",
        "2", "税收收入", "亿元", "预期性", "≥200",
        "（二）城市建设",
        "3", "新增绿地", "公顷", "约束性", "—", "累计50",
        "4", "轨道交通里程", "公里", "预期性", "40", "50-60") + "注：测试。\n")
    assert [(i.category, i.name, i.baseline, i.target, i.target_max, i.target_comparator,
             i.cumulative_change) for i in result.indicators] == [
        ("经济发展", "地区生产总值", 1200, 1600, None, "=", None),
        ("经济发展", "税收收入", None, 200, None, ">=", None),
        ("城市建设", "新增绿地", None, None, None, None, 50),
        ("城市建设", "轨道交通里程", 40, 50, 60, "=", None),
    ]


def test_row_per_paragraph_missing_marker_is_a_whole_cell(tmp_path: Path) -> None:
    """Rows as paragraphs, cells on single lines: ``/`` is a cell of its own (no base value),
    not a joiner, so the text target broken over two lines after it stays whole; a text target
    in brackets in a 〔累计〕 column keeps its words without the brackets."""
    rows = [
        "类别\n序号\n指标名称\n单位\n2025年\n基期值\n2030年\n目标值\n属性",
        "城市\n更新\n1\n旧区改造面积\n万平方米\n〔20〕\n〔30〕\n约束性",
        "2\n城中村改造项目\n个\n/\n完成市下达\n目标任务\n预期性",
        "3\n单位生产总值能源消耗降低\n%\n—\n［完成国家审核衔接后确定的目标］\n约束性",
        "住房\n保障\n4\n人均住房面积（平方米）\n37.5\n40左右\n预期性",
    ]
    result = _read(tmp_path, "表1 主要指标\n\n" + "\n\n".join(rows) + "\n\n注：测试。\n")
    assert [(i.category, i.name, i.unit, i.baseline, i.target, i.target_text,
             i.cumulative_change) for i in result.indicators] == [
        ("城市更新", "旧区改造面积", "万平方米", 20, None, None, 30),
        ("城市更新", "城中村改造项目", "个", None, None, "完成市下达目标任务", None),
        ("城市更新", "单位生产总值能源消耗降低", "%", None, None, "完成国家审核衔接后确定的目标",
         None),
        ("住房保障", "人均住房面积", "平方米", 37.5, 40, None, None),
    ]


def test_plan_end_year_target_beside_a_vision_column(tmp_path: Path) -> None:
    """2030年目标 ‖ 2035年目标 in a 十五五 纲要: the plan's own end year is the target."""
    result = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        "序号", "指标", "单位", "2030年目标", "2035年目标", "属性",
        "1", "地区生产总值", "亿元", "2600", "3500", "预期性",
        "2", "研发经费投入强度", "%", "4.6", "5.0", "预期性"))
    assert [(i.target_year, i.target) for i in result.indicators] == [(2030, 2600), (2030, 4.6)]


def test_bracketed_notes_under_header_cells(tmp_path: Path) -> None:
    """``2025年`` / ``（预计）`` and ``年均增长`` / ``（%）``: a bracketed note or unit on its own
    line qualifies the header cell above it and does not end the header."""
    result = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        "序号", "指标", "单位", "2025年\n（预计）", "2030年", "年均增长\n（%）", "属性",
        "1", "地区生产总值", "亿元", "2000", "2600", "5.4", "预期性",
        "2", "研发经费投入强度", "%", "4.2", "4.6", "—", "预期性"))
    assert [(i.baseline_year, i.baseline, i.target_year, i.target, i.annual_growth_pct)
            for i in result.indicators] == [(2025, 2000, 2030, 2600, 5.4),
                                             (2025, 4.2, 2030, 4.6, None)]
    assert result.findings == []


def test_attribute_merged_down_a_group(tmp_path: Path) -> None:
    """属性 printed once for a group of rows (a merged cell) applies to the rows of that group
    whose 属性 cell is empty; it does not cross into the next group."""
    result = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        "序号", "类别", "指标名称", "单位", "2025年", "2030年", "属性",
        "1", "经济发展", "地区生产总值", "亿元", "2000", "2600", "预期性",
        "2", "税收收入", "亿元", "300", "380",
        "3", "绿色发展", "PM2.5年均浓度", "微克/立方米", "28", "25", "约束性",
        "4", "森林覆盖率", "%", "18", "19",
        "5", "城市建设", "轨道交通里程", "公里", "40", "50") + "注：测试\n")
    assert [(i.category, i.name, i.target, i.attribute) for i in result.indicators] == [
        ("经济发展", "地区生产总值", 2600, "预期性"),
        ("经济发展", "税收收入", 380, "预期性"),
        ("绿色发展", "PM2.5年均浓度", 25, "约束性"),
        ("绿色发展", "森林覆盖率", 19, "约束性"),
        ("城市建设", "轨道交通里程", 50, None),
    ]


def test_header_repeated_or_next_table_without_caption(tmp_path: Path) -> None:
    """A header printed again under the rows (a page break, or the next table without a
    caption) starts a new table instead of becoming a junk row; ``2025年预计值`` is the base."""
    header = ("序号", "指标名称", "单位", "2025年预计值", "2030年目标值", "属性")
    result = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        *header,
        "1", "地区生产总值", "亿元", "2000", "2600", "预期性",
        "2", "税收收入", "亿元", "300", "380", "预期性",
        *header,
        "1", "森林覆盖率", "%", "18", "19", "约束性",
        "2", "PM2.5年均浓度", "微克/立方米", "28", "25", "约束性") + "注：测试\n")
    assert [(i.name, i.baseline_year, i.baseline, i.target, i.attribute)
            for i in result.indicators] == [
        ("地区生产总值", 2025, 2000, 2600, "预期性"),
        ("税收收入", 2025, 300, 380, "预期性"),
        ("森林覆盖率", 2025, 18, 19, "约束性"),
        ("PM2.5年均浓度", 2025, 28, 25, "约束性"),
    ]
    assert result.findings == []


def test_spaced_rows_read_alike_in_html_and_docx(tmp_path: Path) -> None:
    """The one-line-per-row table as ``<p>`` paragraphs of a web page and as Word paragraphs."""
    lines = ["某区“十五五”规划", "表1 主要指标", "序号　指标名称　单位　2025年　2030年　属性",
             "1　全社会固定资产投资总额　亿元　—　累计完成 3250　预期性",
             "2　新一代智能终端等AI 应用普及率　%　60　≥ 90　预期性", "注：测试。"]
    page = tmp_path / "plan.html"
    page.write_text("<html><head><meta charset='utf-8'></head><body>"
                    + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>",
                    encoding="utf-8")
    word = WordDocument()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(tmp_path / "plan.docx"))
    for path in (page, tmp_path / "plan.docx"):
        result = extract_indicator_tables(read_document(path))
        assert [(i.name, i.baseline, i.target, i.target_comparator, i.cumulative_change)
                for i in result.indicators] == [
            ("全社会固定资产投资总额", None, None, None, 3250),
            ("新一代智能终端等AI应用普及率", 60, 90, ">=", None),
        ], path.suffix


def test_spaced_header_over_rows_as_paragraphs(tmp_path: Path) -> None:
    """A header on one line with spaces, then rows as paragraphs with one cell per line (a
    name broken over two lines stays one cell)."""
    rows = ["1\n经济发展\n地区生产\n总值\n亿元\n2000\n2600\n预期性",
            "2\n税收收入\n亿元\n300\n380\n预期性",
            "3\n绿色发展\n森林覆盖率\n%\n18\n19\n约束性"]
    result = _read(tmp_path, "表1 主要指标\n\n序号 类别 指标名称 单位 2025年 2030年 属性\n\n"
                   + "\n\n".join(rows) + "\n\n注：测试\n")
    assert [(i.category, i.name, i.unit, i.baseline, i.target, i.attribute)
            for i in result.indicators] == [
        ("经济发展", "地区生产总值", "亿元", 2000, 2600, "预期性"),
        ("经济发展", "税收收入", "亿元", 300, 380, "预期性"),
        ("绿色发展", "森林覆盖率", "%", 18, 19, "约束性"),
    ]


def test_last_column_with_an_unknown_header(tmp_path: Path) -> None:
    """A last column whose header names nothing known (``考核口径``, ``牵头部门``) stays a column
    of its own: its cells are not glued to the targets; numbers in it are reported."""
    header = ("序号", "指标名称", "单位", "2025年", "2030年")
    numeric = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        *header, "考核口径",
        "1", "地区生产总值", "亿元", "2000", "2600", "2400",
        "2", "森林覆盖率", "%", "18", "19", "18.5") + "注：测试\n")
    words = _read(tmp_path, "表1 主要指标\n\n" + _cells(
        *header, "牵头部门",
        "1", "地区生产总值", "亿元", "2000", "2600", "区发展改革委",
        "2", "森林覆盖率", "%", "18", "19", "区绿化市容局") + "注：测试\n")
    for result in (numeric, words):
        assert [(i.name, i.baseline, i.target, i.target_text) for i in result.indicators] == [
            ("地区生产总值", 2000, 2600, None), ("森林覆盖率", 18, 19, None)]
    assert [f.code for f in numeric.findings] == ["indicator-column-unmapped"]
    assert words.findings == []
