"""Word report in 公文 style (GB/T 9704 layout): A4, 仿宋_GB2312 三号 body, 黑体/楷体 headings.

Chinese fonts are set on the eastAsia slot (``w:rFonts w:eastAsia=…``): ``run.font.name`` alone
only sets the Latin slots, and Word then shows Chinese in the theme font.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from planwatch.model.findings import Finding
from planwatch.reports import text
from planwatch.reports.build import IndicatorRow, Report
from planwatch.reports.charts import chart_image

TITLE_FONT = "方正小标宋简体"
TITLE_FALLBACK = "黑体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
LATIN_FONT = "Times New Roman"
SIZE_TITLE = Pt(22)  # 二号
SIZE_BODY = Pt(16)  # 三号
SIZE_TABLE = Pt(9)  # 小五
SIZE_FOOTER = Pt(14)  # 四号
LINE_EXACT = Pt(28.95)  # 22 lines a page
CHART_WIDTH = Cm(13.5)
INDICATOR_WIDTHS_CM = (0.7, 2.4, 0.8, 1.45, 1.45, 1.45, 1.3, 1.5, 1.2, 1.5, 1.9)


def set_run_font(run: Run, east_asia: str, size: Pt, *, bold: bool = False) -> None:
    """Latin slots Times New Roman, eastAsia slot the Chinese font."""
    run.font.name = LATIN_FONT
    run.font.size = size
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def _spacing(p: Paragraph, *, indent: bool, exact: bool = True) -> None:
    fmt = p.paragraph_format
    if exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_EXACT
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(32)  # two characters of 三号


def add_text(doc: DocxDocument, content: str, *, font: str = BODY_FONT, size: Pt = SIZE_BODY,
             bold: bool = False, indent: bool = True) -> Paragraph:
    p = doc.add_paragraph()
    _spacing(p, indent=indent)
    if size != SIZE_BODY:
        p.paragraph_format.line_spacing = Pt(size.pt * 1.5)
    set_run_font(p.add_run(content), font, size, bold=bold)
    return p


def heading1(doc: DocxDocument, number: int, title: str) -> None:
    """一、… in 黑体."""
    p = add_text(doc, f"{text.numeral(number)}、{title}", font=H1_FONT)
    p.paragraph_format.keep_with_next = True


def heading2(doc: DocxDocument, number: int, title: str) -> None:
    """（一）… in 楷体."""
    p = add_text(doc, f"（{text.numeral(number)}）{title}", font=H2_FONT)
    p.paragraph_format.keep_with_next = True


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.5)
    _page_number_footer(section.footer.paragraphs[0])


def _page_number_footer(p: Paragraph) -> None:
    """— 1 — centred, 宋体 四号."""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(p.add_run("— "), "宋体", SIZE_FOOTER)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = p.add_run("1")
    set_run_font(run, "宋体", SIZE_FOOTER)
    field.append(run._element)
    p._p.append(field)
    set_run_font(p.add_run(" —"), "宋体", SIZE_FOOTER)


def _default_style(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = SIZE_BODY
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), BODY_FONT)


def _font_fallback(doc: DocxDocument) -> None:
    """Declare 黑体 as the alternative name of the title font in fontTable.xml."""
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            entry = (f'<w:font w:name="{TITLE_FONT}"><w:altName w:val="{TITLE_FALLBACK}"/>'
                     '<w:charset w:val="86"/><w:family w:val="script"/></w:font></w:fonts>')
            blob = part.blob.decode("utf-8").replace("</w:fonts>", entry, 1)
            part._blob = blob.encode("utf-8")


def _title(doc: DocxDocument, title: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(p, indent=False, exact=False)
    p.paragraph_format.line_spacing = Pt(36)
    p.paragraph_format.space_after = Pt(29)
    set_run_font(p.add_run(title), TITLE_FONT, SIZE_TITLE)


def _cell_text(table: Table, row: int, col: int, content: str, *, header: bool) -> None:
    cell = table.cell(row, col)
    p = cell.paragraphs[0]
    left = not header and (col == 1 or len(content) > 16)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(p.add_run(content), H1_FONT if header else BODY_FONT, SIZE_TABLE)


def add_table(doc: DocxDocument, headers: Sequence[str], rows: Sequence[Sequence[str]],
              widths_cm: Sequence[float] | None = None) -> Table:
    """A bordered table (Table Grid), header row in 黑体, repeated on every page."""
    table: Table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, h in enumerate(headers):
        _cell_text(table, 0, c, h, header=True)
    header_pr = table.rows[0]._tr.get_or_add_trPr()
    header_pr.append(OxmlElement("w:tblHeader"))
    for r, cells in enumerate(rows, start=1):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for c, value in enumerate(cells):
            _cell_text(table, r, c, value, header=False)
    if widths_cm:
        _fix_widths(table, widths_cm)
    _narrow_margins(table)
    spacer = doc.add_paragraph()
    spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    spacer.paragraph_format.line_spacing = Pt(8)
    return table


def _narrow_margins(table: Table) -> None:
    """Cell margins of 0.08 cm left/right so numbers fit narrow columns."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "45")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def _fix_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fixed layout with explicit grid widths (LibreOffice ignores cell widths alone)."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths_cm, strict=False):
        col.w = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(w)


def _docx_header(label: str) -> str:
    return {text.LABEL_PLAIN: "目标完成率\n(A/T)"}.get(label, label)


def _indicator_table(doc: DocxDocument, rows: Sequence[IndicatorRow]) -> None:
    headers = [_docx_header(h) for h in text.INDICATOR_HEADERS]
    cells = [[text.wrap_cell(c) for c in text.indicator_cells(i, r)]
             for i, r in enumerate(rows, start=1)]
    add_table(doc, headers, cells, INDICATOR_WIDTHS_CM)
    add_text(doc, "注：" + text.TABLE_NOTE, size=Pt(12))


def _indicator_details(doc: DocxDocument, rows: Sequence[IndicatorRow]) -> None:
    for row in rows:
        intro = [add_text(doc, text.indicator_sentence(row))]
        intro += [add_text(doc, f"数据提示：{w}。", size=Pt(12)) for w in row.warnings]
        for p in intro:
            p.paragraph_format.keep_with_next = True
        png = chart_image(row)
        if png is not None:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run().add_picture(io.BytesIO(png), width=CHART_WIDTH)


def _findings(doc: DocxDocument, findings: Sequence[Finding], empty: str) -> None:
    if not findings:
        add_text(doc, empty)
        return
    add_table(doc, text.FINDING_HEADERS,
              [text.finding_cells(i, f) for i, f in enumerate(findings, start=1)],
              (1.0, 3.2, 1.2, 10.2))


def _sections(doc: DocxDocument, report: Report) -> None:
    n = 1
    heading1(doc, n, "总体情况")
    for sentence in text.summary_sentences(report):
        add_text(doc, sentence)
    n += 1
    heading1(doc, n, "主要指标完成情况")
    heading2(doc, 1, "指标监测总表")
    _indicator_table(doc, report.indicators)
    heading2(doc, 2, "分指标情况")
    _indicator_details(doc, report.indicators)
    n += 1
    heading1(doc, n, "监测预警")
    _findings(doc, report.monitoring_alerts, "本期无监测预警事项。")
    n += 1
    heading1(doc, n, "规划文本审查发现")
    _findings(doc, report.findings, "规划文本审查未发现问题。")
    if report.prior:
        n += 1
        heading1(doc, n, "上期规划完成情况")
        add_table(doc, text.PRIOR_HEADERS,
                  [[text.wrap_cell(c) for c in text.prior_cells(i, r)]
                   for i, r in enumerate(report.prior, start=1)],
                  (0.8, 4.6, 1.0, 1.9, 1.9, 1.9, 2.0, 1.5))
    if report.departments:
        n += 1
        heading1(doc, n, "重点任务分工")
        _tasks(doc, report)


def _tasks(doc: DocxDocument, report: Report) -> None:
    for i, group in enumerate(report.departments, start=1):
        heading2(doc, i, f"{group.department}（牵头{len(group.tasks)}项）")
        for t in group.tasks:
            support = f"（配合单位：{'、'.join(t.support)}）" if t.support else ""
            add_text(doc, f"{t.number}. {t.title}{support}")


def gongwen_document(title: str) -> DocxDocument:
    """An empty document in 公文 layout (A4, margins, page numbers, fonts) with its title."""
    doc = Document()
    _default_style(doc)
    _font_fallback(doc)
    _page_setup(doc)
    _title(doc, title)
    doc.core_properties.title = title
    return doc


def build_docx(report: Report) -> DocxDocument:
    """The report as a python-docx Document."""
    doc = gongwen_document(report.title)
    _sections(doc, report)
    return doc


def write_docx(report: Report, path: Path) -> None:
    build_docx(report).save(str(path))
