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
from planwatch.reports.build import IndicatorRow
from planwatch.reports.charts import chart_image
from planwatch.reports.document import ReportDocument

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
SIZE_NOTE = Pt(12)  # 小四
SIZE_CAPTION = Pt(14)  # 四号
HALF_CHART_WIDTH = Cm(7.6)
COMPACT_WIDTHS_CM = (0.8, 3.3, 1.0, 1.7, 1.8, 1.7, 1.4, 1.6, 1.2, 1.5)
COMPACT_WIDTHS_EN_CM = (0.8, 3.0, 0.9, 1.6, 1.7, 1.6, 1.5, 1.6, 1.2, 2.1)
"""English words are longer than Chinese ones: a wider assessment column."""
TASK_WIDTHS_CM = (0.8, 4.3, 1.6, 1.6, 5.5, 1.8)
TASK_PLAIN_WIDTHS_CM = (0.8, 6.6, 5.6, 2.6)


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


def heading1(doc: DocxDocument, number: int, title: str, lang: str = "zh") -> None:
    """一、… in 黑体 (I. … in English)."""
    p = add_text(doc, text.section_heading(number, title, lang), font=H1_FONT)
    p.paragraph_format.keep_with_next = True


def heading2(doc: DocxDocument, number: int, title: str, lang: str = "zh") -> None:
    """（一）… in 楷体 ((1) … in English)."""
    p = add_text(doc, text.sub_heading(number, title, lang), font=H2_FONT)
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


def _docx_header(label: str, lang: str = "zh") -> str:
    if lang == "en":
        return {text.LABEL_PLAIN: "Completion\n(A/T)"}.get(label, text.tr(label, lang))
    return {text.LABEL_PLAIN: "目标完成率\n(A/T)"}.get(label, label)


def caption(doc: DocxDocument, content: str) -> None:
    """表1 … / 图 … centred in 黑体 四号 above a table."""
    p = add_text(doc, content, font=H1_FONT, size=SIZE_CAPTION, indent=False)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True


def _indicator_table(doc: DocxDocument, rows: Sequence[IndicatorRow], lang: str = "zh") -> None:
    caption(doc, text.table_caption(lang))
    headers = [_docx_header(h, lang) for h in text.COMPACT_HEADERS]
    cells = [[text.wrap_cell(c, lang=lang) for c in text.compact_cells(i, r, lang)]
             for i, r in enumerate(rows, start=1)]
    add_table(doc, headers, cells, COMPACT_WIDTHS_EN_CM if lang == "en" else COMPACT_WIDTHS_CM)
    add_text(doc, text.tr("注：", lang) + text.tr(text.TABLE_NOTE, lang), size=SIZE_NOTE)


def _charts(doc: DocxDocument, rows: Sequence[IndicatorRow], lang: str = "zh") -> None:
    """The charts two to a row (a borderless table), compact size."""
    images = [png for png in (chart_image(r, compact=True, lang=lang) for r in rows)
              if png is not None]
    if not images:
        return
    caption(doc, text.figure_caption(lang))
    table: Table = doc.add_table(rows=(len(images) + 1) // 2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for k, png in enumerate(images):
        cell = table.cell(k // 2, k % 2)
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(io.BytesIO(png), width=HALF_CHART_WIDTH)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _findings(doc: DocxDocument, findings: Sequence[Finding], empty: str,
              lang: str = "zh") -> None:
    if not findings:
        add_text(doc, text.tr(empty, lang))
        return
    add_table(doc, text.trs(text.FINDING_HEADERS, lang),
              [text.finding_cells(i, f, lang) for i, f in enumerate(findings, start=1)],
              (1.0, 3.2, 1.2, 10.2))


def add_led(doc: DocxDocument, content: str, lang: str = "zh") -> Paragraph:
    """“（一）小标题。正文” — the numbered lead-in in 楷体, the rest in 仿宋."""
    m = text.lead_in(content, lang)
    if m is None:
        return add_text(doc, content)
    p = doc.add_paragraph()
    _spacing(p, indent=True)
    set_run_font(p.add_run(m.group(1)), H2_FONT, SIZE_BODY)
    set_run_font(p.add_run(m.group(2)), BODY_FONT, SIZE_BODY)
    return p


def _tasks(doc: DocxDocument, d: ReportDocument) -> None:
    lang = d.lang
    for p in d.task_intro:
        add_text(doc, p)
    status = d.report.tasks_as_of is not None
    for i, group in enumerate(d.task_groups, start=1):
        heading2(doc, i, text.department_heading(group.department, len(group.tasks), lang),
                 lang)
        if status:
            add_table(doc, text.trs(text.TASK_STATUS_HEADERS, lang),
                      [text.task_status_cells(t, group.department, lang) for t in group.tasks],
                      TASK_WIDTHS_CM)
        else:
            add_table(doc, text.trs(text.TASK_PLAIN_HEADERS, lang),
                      [text.task_plain_cells(t, group.department, lang) for t in group.tasks],
                      TASK_PLAIN_WIDTHS_CM)


def _signature(doc: DocxDocument, d: ReportDocument) -> None:
    """落款: the issuing body centred over the date, the date four characters from the right."""
    for _ in range(2):
        add_text(doc, "").paragraph_format.keep_with_next = True
    date_indent = 4 * SIZE_BODY.pt
    issuer_indent = date_indent + max(0, len(d.date_text) - len(d.issuer)) * SIZE_BODY.pt / 2
    for content, indent in ((d.issuer, issuer_indent), (d.date_text, date_indent)):
        p = add_text(doc, content, indent=False)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.paragraph_format.right_indent = Pt(indent)
        p.paragraph_format.keep_with_next = content == d.issuer  # the date ends the chain


def _annex_list(doc: DocxDocument, annexes: Sequence[str], lang: str = "zh") -> None:
    """附件说明 before the 落款: 附件：1. … / 2. …."""
    add_text(doc, "").paragraph_format.keep_with_next = True
    intro = text.annex_intro(lang)
    for k, name in enumerate(annexes, start=1):
        prefix = intro if k == 1 else ("　　　" if lang != "en" else " " * len(intro))
        p = add_text(doc, f"{prefix}{k}. {name}" if len(annexes) > 1 else f"{intro}{name}")
        p.paragraph_format.keep_with_next = True


def _annex_head(doc: DocxDocument, number: int, title: str, lang: str = "zh") -> None:
    p = add_text(doc, text.annex_label(number, lang), font=H1_FONT, indent=False)
    p.paragraph_format.page_break_before = True
    p = add_text(doc, title, font=TITLE_FONT, size=Pt(18), indent=False)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(12)


def _annexes(doc: DocxDocument, d: ReportDocument, names: Sequence[str]) -> None:
    r = d.report
    lang = d.lang
    k = 0
    if r.indicators:
        k += 1
        _annex_head(doc, k, names[k - 1], lang)
        add_table(doc, text.trs(text.DETAIL_HEADERS, lang),
                  [text.detail_cells(i, row, lang)
                   for i, row in enumerate(r.indicators, start=1)],
                  (1.0, 4.0, 4.2, 6.4))
        note = text.tr("预测为按已有数据外推至目标年的参考值。", lang)
        add_text(doc, text.tr("注：", lang) + note, size=SIZE_NOTE)
    k += 1
    _annex_head(doc, k, names[k - 1], lang)
    heading2(doc, 1, text.tr("监测预警", lang), lang)
    _findings(doc, r.monitoring_alerts, text.NO_ALERTS, lang)
    heading2(doc, 2, text.tr("规划文本审查发现", lang), lang)
    _findings(doc, r.findings, text.NO_FINDINGS, lang)
    if r.prior:
        k += 1
        _annex_head(doc, k, names[k - 1], lang)
        add_table(doc, text.trs(text.PRIOR_HEADERS, lang),
                  [[text.wrap_cell(c, lang=lang) for c in text.prior_cells(i, row, lang)]
                   for i, row in enumerate(r.prior, start=1)],
                  (0.8, 4.6, 1.0, 1.9, 1.9, 1.9, 2.0, 1.5))


def _sections(doc: DocxDocument, d: ReportDocument) -> None:
    r = d.report
    lang = d.lang
    titles = iter(enumerate(d.section_titles, start=1))
    heading1(doc, *next(titles), lang)
    for sentence in d.overview:
        add_text(doc, sentence)
    heading1(doc, *next(titles), lang)
    for sentence in d.indicator_intro:
        add_text(doc, sentence)
    if r.indicators:
        _indicator_table(doc, r.indicators, lang)
        _charts(doc, r.indicators, lang)
    heading1(doc, *next(titles), lang)
    _tasks(doc, d)
    heading1(doc, *next(titles), lang)
    for para in d.problem_text:
        add_led(doc, para, lang)
    heading1(doc, *next(titles), lang)
    written = [add_led(doc, para, lang) for para in d.suggestions]
    if written:  # the 落款 never stands alone on a page
        written[-1].paragraph_format.keep_with_next = True
    names = text.annex_names(r, lang)
    _annex_list(doc, names, lang)
    _signature(doc, d)
    _annexes(doc, d, names)


def gongwen_document(title: str) -> DocxDocument:
    """An empty document in 公文 layout (A4, margins, page numbers, fonts) with its title."""
    doc = Document()
    _default_style(doc)
    _font_fallback(doc)
    _page_setup(doc)
    _title(doc, title)
    doc.core_properties.title = title
    return doc


def build_docx(d: ReportDocument) -> DocxDocument:
    """The report as a python-docx Document."""
    doc = gongwen_document(d.title)
    _sections(doc, d)
    return doc


def write_docx(d: ReportDocument, path: Path) -> None:
    build_docx(d).save(str(path))
