"""Indicator tables in the layouts real plans use: one cell per paragraph, one row per paragraph,
HTML and Word tables with two or three header rows, and tables that cannot be read (a finding,
never silent nulls)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document as WordDocument

from planwatch.extract.indicators import extract_indicator_tables
from planwatch.model.plan import Indicator
from planwatch.parse import read_document
from planwatch.parse.cellgrid import Fragment, is_unit
from planwatch.parse.cellrun import rebuild

TABLES = Path(__file__).parent / "fixtures" / "tables"


def _row(i: Indicator) -> tuple[Any, ...]:
    return (i.category, i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target,
            i.target_comparator, i.target_text, i.annual_growth_pct, i.cumulative_change,
            i.attribute)


def _table_rows(path: Path) -> list[tuple[str, ...]]:
    doc = read_document(path)
    return [r for b in doc.blocks if b.kind == "table" for r in b.rows]


def test_one_cell_per_paragraph_rebuilt() -> None:
    """Header cells broken over paragraphs (指标 / 属性, 2025年 / 现状值), a category cell over two
    paragraphs and merged down, a unit bracket split over two paragraphs, a two-line cell."""
    rows = _table_rows(TABLES / "cell_per_paragraph.md")
    assert rows[0] == ("序号", "类别", "指标名称", "指标属性", "2025年现状值", "2030年目标值")
    assert rows[1] == ("1", "创新投入", "研发经费投入强度（%）", "预期性", "3.1", "3.6")
    assert rows[2][:2] == ("2", "")  # merged category: only on the group's first row
    assert rows[6][2] == "细颗粒物年均浓度（微克/立方米）"
    assert rows[4][5] == "1200左右"


def test_one_cell_per_paragraph_indicators() -> None:
    result = extract_indicator_tables(read_document(TABLES / "cell_per_paragraph.md"))
    assert [_row(i) for i in result.indicators] == [
        ("创新投入", "研发经费投入强度", "%", 2025, 3.1, 2030, 3.6, "=", None, None, None,
         "预期性"),
        ("创新投入", "规上企业研发机构覆盖率", "%", 2025, 40, 2030, 50, ">=", None, None, None,
         "预期性"),
        # 〔…〕 in the target column: a five-year cumulative, not a level
        ("创新投入", "财政科技支出", "亿元", 2025, 12, None, None, None, None, None, 15,
         "约束性"),
        ("创新主体", "高新技术企业数", "家", 2025, 820, 2030, 1200, "~", None, None, None,
         "预期性"),
        # a sub-row shares its parent's merged 属性 cell
        ("创新主体", "其中科技小巨人企业", None, 2025, 60, 2030, 90, "=", None, None, None,
         "预期性"),
        # a text target keeps its words and its column's year; no number is invented
        ("创新主体", "细颗粒物年均浓度", "微克/立方米", None, None, 2030, None, None,
         "完成市下达目标", None, None, "预期性"),
        ("创新主体", "技术合同成交额", "亿元", None, None, 2030, 50, ">=", None, None, None,
         "约束性"),
    ]
    assert result.findings == []


def test_one_row_per_paragraph_indicators() -> None:
    """Cells on single lines, rows as paragraphs: 一级指标 merged down, a missing baseline cell,
    a （2021年-2025年） note, a range, “十四五”完成值 as the baseline of a 十五五 table."""
    result = extract_indicator_tables(read_document(TABLES / "row_per_paragraph.md"))
    assert [_row(i) for i in result.indicators] == [
        ("宜居城区", "旧住房成套改造面积", "万平方米", 2025, 20, 2030, 30, "=", None, None, None,
         "预期性"),
        ("宜居城区", "老旧小区改造面积", "万平方米", 2025, 36, 2030, 35, "=", None, None, None,
         "预期性"),
        ("宜居城区", "完整社区覆盖率", "%", None, None, 2030, 60, "=", None, None, None,
         "约束性"),
        ("宜居城区", "老旧街区改造数量", "个", None, None, 2030, 5, ">=", None, None, None,
         "预期性"),
    ]


def test_task_list_is_not_an_indicator_table() -> None:
    result = extract_indicator_tables(read_document(TABLES / "task_list.md"))
    assert result.indicators == []
    assert [f.code for f in result.findings] == ["indicator-table-not-found"]


def test_html_two_and_three_header_rows() -> None:
    """指标值 spanning 2020年/2025年 (rowspan/colspan); 指标值 › 基期/目标 › 2020年/2025年/年均增速;
    a table whose header names no value column gives a finding naming it."""
    result = extract_indicator_tables(read_document(TABLES / "two_row_header.html"))
    assert [_row(i) for i in result.indicators] == [
        ("创新投入", "研发经费投入强度", "%", 2020, 2.1, 2025, 2.8, "=", None, None, None,
         "预期性"),
        ("创新投入", "高新技术企业数", "家", 2020, 500, 2025, 1000, ">=", None, None, None,
         "预期性"),
        ("创新产出", "技术合同成交额", "亿元", 2020, 30, 2025, 60, "=", None, None, None,
         "约束性"),
        (None, "科技服务业营业收入", "亿元", 2020, 80, 2025, 120, "=", None, 8.4, None, "预期性"),
        (None, "孵化载体数量", "个", 2020, 20, None, None, None, None, None, 15, "预期性"),
    ]
    assert [(f.code, f.severity.value) for f in result.findings] == [
        ("indicator-table-unmapped", "warning")]
    assert "表3 科普指标" in result.findings[0].message


def _merged_header_docx(path: Path) -> Path:
    word = WordDocument()
    word.add_paragraph("某县“十四五”科技创新规划")
    word.add_paragraph("表1 主要指标")
    table = word.add_table(rows=4, cols=5)
    cells = [["指标", "单位", "指标值", "", "属性"], ["", "", "2020年", "2025年", ""],
             ["高新技术企业数", "家", "40", "80", "预期性"],
             ["研发经费投入强度", "%", "1.8", "2.5左右", "约束性"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(0, 4).merge(table.cell(1, 4))
    word.save(str(path))
    return path


def test_docx_merged_header(tmp_path: Path) -> None:
    doc = read_document(_merged_header_docx(tmp_path / "merged.docx"))
    result = extract_indicator_tables(doc)
    assert [_row(i) for i in result.indicators] == [
        (None, "高新技术企业数", "家", 2020, 40, 2025, 80, "=", None, None, None, "预期性"),
        (None, "研发经费投入强度", "%", 2020, 1.8, 2025, 2.5, "~", None, None, None, "约束性"),
    ]


def test_table_without_values_gives_finding(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某市“十四五”规划\n\n表1 主要指标\n指标\t单位\t目标值\t属性\n"
                    "高新技术企业数\t家\t\t预期性\n研发投入强度\t%\t\t预期性\n", encoding="utf-8")
    result = extract_indicator_tables(read_document(path))
    assert [i.target for i in result.indicators] == [None, None]
    assert [f.code for f in result.findings] == ["indicator-table-no-values"]
    assert "表1 主要指标" in result.findings[0].message


def test_prose_and_short_lists_are_not_tables(tmp_path: Path) -> None:
    """Headings and short paragraphs that happen to use header words stay text."""
    path = tmp_path / "plan.md"
    path.write_text("一、发展目标\n\n到2030年，指标全面完成。\n\n二、主要任务\n\n（一）项目建设\n\n"
                    "推进重点项目建设。\n", encoding="utf-8")
    assert [b.kind for b in read_document(path).blocks if b.kind == "table"] == []


def test_alignment_prefers_the_header_width() -> None:
    frags = [Fragment(t, True, n) for n, t in enumerate(
        ["指标", "单位", "2025年", "2030年", "甲指标", "%", "1", "2", "乙指标", "个", "/", "5"])]
    grid = rebuild(frags)
    assert grid is not None
    assert grid.header == ("指标", "单位", "2025年", "2030年")
    assert grid.rows == (("甲指标", "%", "1", "2"), ("乙指标", "个", "/", "5"))


def test_units() -> None:
    assert all(is_unit(u) for u in ("%", "万平方米", "人/亿元", "（平方公里）", "万套（间）", "km"))
    assert not any(is_unit(u) for u in ("绿化", "12", "鸟类", "—"))


def test_years_as_rows_units_in_a_header_row_and_yearly_columns() -> None:
    """Indicators as columns with a 单位 row under them and years as rows (turned round); a table
    with one column per year of the plan (baseline 2025, target 2030, the years between unused)."""
    result = extract_indicator_tables(read_document(TABLES / "years_as_rows.html"))
    assert [_row(i) for i in result.indicators] == [
        (None, "研发经费投入强度", "%", 2025, 2.4, 2030, 3.0, "~", None, None, None, None),
        (None, "高新技术企业数", "家", 2025, 150, 2030, 300, ">=", None, None, None, None),
        (None, "技术合同成交额", "亿元", 2025, 12, 2030, None, None, "完成省下达目标", None, None,
         None),
        (None, "科技型中小企业数", "家", 2025, 400, 2030, 700, "=", None, None, None, None),
        # 2020年 ‖ 2025年 ‖ 2030年 in a 十五五 plan: the base year is 2025, not the earliest
        (None, "财政科技支出占比", "%", 2025, 4.1, 2030, 5.0, ">=", None, None, None, "约束性"),
    ]
    assert result.findings == []


def test_category_header_rows_inside_a_cell_per_paragraph_table() -> None:
    """``一、经济发展`` as a row of its own between data rows names the group below; the table
    does not stop at it, and ``二、主要任务`` after the table does end it."""
    result = extract_indicator_tables(read_document(TABLES / "group_rows.md"))
    assert [(i.category, i.name, i.baseline, i.target, i.target_comparator)
            for i in result.indicators] == [
        ("经济发展", "地区生产总值", 1000, 1400, "="),
        ("经济发展", "研发经费投入强度", 2.5, 3.0, "="),
        ("民生福祉", "城镇调查失业率", 5, 5.5, "<="),
    ]


def test_one_cell_per_paragraph_in_html_and_docx(tmp_path: Path) -> None:
    """The same paragraph-per-cell table on a web page (<p> per cell, <br> inside a cell) and in
    a Word file (a paragraph per cell) reads exactly like the Markdown text."""
    source = (TABLES / "cell_per_paragraph.md").read_text(encoding="utf-8")
    paras = [p for p in source.split("\n\n") if p.strip()]
    page = tmp_path / "plan.html"
    body = "".join("<p>" + "<br>".join(p.split("\n")) + "</p>\n" for p in paras)
    page.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>",
                    encoding="utf-8")
    word = WordDocument()
    for p in paras:
        word.add_paragraph(p)
    word.save(str(tmp_path / "plan.docx"))
    markdown = extract_indicator_tables(read_document(TABLES / "cell_per_paragraph.md"))
    expected = [_row(i) for i in markdown.indicators]
    assert len(expected) == 7
    for path in (page, tmp_path / "plan.docx"):
        got = extract_indicator_tables(read_document(path))
        assert [_row(i) for i in got.indicators] == expected, path.suffix


def test_announced_table_that_cannot_be_read_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("某区“十五五”规划\n\n表1 主要指标\n\n经济发展\n\n民生改善\n\n"
                    "二、主要任务\n\n（一）推动发展。坚持稳中求进，推动经济社会高质量发展。\n",
                    encoding="utf-8")
    result = extract_indicator_tables(read_document(path))
    assert [(f.code, f.severity.value) for f in result.findings] == [
        ("indicator-table-unreadable", "warning")]
    assert "表1 主要指标" in result.findings[0].message


def test_previous_plan_target_and_result_beside_the_new_target() -> None:
    """A title line (主要指标) before the header; “十四五”目标 ‖ “十四五”完成 ‖ “十五五”目标: the
    previous plan's result is the baseline, its target is not read, the 十五五 one is."""
    result = extract_indicator_tables(read_document(TABLES / "previous_and_new_targets.md"))
    assert [(i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target)
            for i in result.indicators] == [
        ("研发投入强度", "%", 2025, 3.2, 2030, 3.6),
        ("高新技术企业数", "家", 2025, 120, 2030, 200),
    ]
    assert result.findings == []


def test_unit_printed_once_in_the_value_header() -> None:
    result = extract_indicator_tables(read_document(TABLES / "units_in_header.txt"))
    assert [(i.name, i.unit, i.baseline_year, i.baseline, i.target_year, i.target)
            for i in result.indicators] == [
        ("规上工业企业研发经费支出", "亿元", 2025, 120, 2030, 180),
        ("技术合同成交额", "亿元", 2025, 200, 2030, 350),
    ]


def test_rows_of_a_rebuilt_table_keep_their_source_lines() -> None:
    source = (TABLES / "cell_per_paragraph.md").read_text(encoding="utf-8").splitlines()
    result = extract_indicator_tables(read_document(TABLES / "cell_per_paragraph.md"))
    starts = [i.line for i in result.indicators]
    assert [source[n - 1] for n in starts if n is not None] == [
        "1", "2", "3", "4", "其中 科技小巨人企业", "5", "6"]
