"""Excel workbook: the indicator table (numbers as numbers) plus one sheet per section."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.excel import text_cells_as_text
from planwatch.model.findings import Finding
from planwatch.model.labels import label
from planwatch.reports import text
from planwatch.reports.build import BASE_ONLY_NOTE, BASIS_ZH, NO_LEAD, PROSE_TARGET, IndicatorRow
from planwatch.reports.document import ReportDocument

FONT = "仿宋"
HEADER_FONT = Font(name="黑体", bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
NUMBER = "#,##0.00"
INTEGER = "#,##0"
PERCENT = "0.0%"
YEAR = "0"

SUMMARY_COLUMNS = 6
SUMMARY_CHARS = 48
"""About this many Chinese characters fit one line of the merged summary cells."""
PORTRAIT_WIDTH = 100
"""Sheets whose columns are wider than this (Excel width units) print landscape."""
PERCENT_WHOLE = "0%"
TASK_COLUMNS = ("牵头单位", "序号", "重点任务", "配合单位", "进展状态", "完成进度", "最新进展",
                "最新报送日期", "完成时限")
TASK_WIDTHS = (20, 6, 40, 24, 10, 9, 50, 12, 12)
Cell = str | int | float | None
INDICATOR_COLUMNS: tuple[tuple[str, float, str | None], ...] = (
    ("序号", 6, YEAR), ("指标", 30, None), ("单位", 8, None), ("属性", 8, None),
    ("基期年", 8, YEAR), ("基期值", 11, NUMBER), ("目标年", 8, YEAR), ("目标值", 11, NUMBER),
    ("目标比较", 8, None), ("实际年", 8, YEAR), ("实际值", 11, NUMBER),
    (text.LABEL_PLAIN, 14, PERCENT), (text.LABEL_PROGRESS, 12, PERCENT), ("进度口径", 12, None),
    (text.LABEL_CHANGE, 18, PERCENT), (text.LABEL_LOG, 18, PERCENT),
    (text.LABEL_TIME, 10, PERCENT), ("评价", 12, None), ("评价说明", 12, None),
    ("预测值", 11, NUMBER), ("预测方法", 16, None), ("数据提示", 40, None),
)


def _indicator_values(index: int, row: IndicatorRow, lang: str = "zh") -> list[Cell]:
    p = row.projection
    en = lang == "en"
    basis = None if row.progress_basis is None else (
        label("basis", row.progress_basis, lang) if en else BASIS_ZH[row.progress_basis])
    attribute = (text.tr(row.attribute, lang) if en and row.attribute == PROSE_TARGET
                 else row.attribute)
    base_only = label("display_state", "base_only", lang) if en else BASE_ONLY_NOTE
    return [
        index, row.name, row.unit, attribute, row.baseline_year, row.baseline,
        row.target_year, row.target, row.comparator, row.actual_year, row.actual,
        row.completion_plain, row.completion_progress, basis,
        row.completion_change, row.completion_log, row.time_progress,
        row.verdict_label(lang), base_only if row.display_state == "base_only" else None,
        None if p is None else p.value, None if p is None else p.method_label(lang),
        ("; " if en else "；").join(row.notes(lang)) or None,
    ]


def write_sheet(ws: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
                widths: Sequence[float], formats: Sequence[str | None] | None = None, *,
                title: str | None = None, lang: str = "zh") -> None:
    """Header row bold and frozen, borders, column widths, number formats per column, print
    setup (A4, fit to width, header row repeated, ``title`` in the page header)."""
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for values in rows:
        ws.append(list(values))
    for r in ws.iter_rows(min_row=2):
        for col, cell in enumerate(r):
            cell.border = BORDER
            cell.font = Font(name=FONT)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            fmt = formats[col] if formats else None
            if fmt == NUMBER and isinstance(cell.value, int | float) and cell.value % 1 == 0:
                fmt = INTEGER
            if fmt:
                cell.number_format = fmt
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C2" if len(headers) > 6 else "A2"
    _print_setup(ws, widths, title=title, lang=lang)


def _print_setup(ws: Worksheet, widths: Sequence[float], *, title_rows: str | None = "1:1",
                 title: str | None = None, lang: str = "zh") -> None:
    """A4, landscape when the columns are wide, one page wide, the header row repeated on every
    printed page, the title and page numbers in the header and footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wide = sum(widths) > PORTRAIT_WIDTH
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if wide else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    if title_rows:
        ws.print_title_rows = title_rows
    header, footer = ws.oddHeader, ws.oddFooter
    if title and header is not None:
        header.center.text = title.replace("&", "&&")
        header.center.size = 10
    if footer is not None:
        footer.center.text = text.tr("第 &P 页，共 &N 页", lang)
        footer.center.size = 9


def _paragraph(ws: Worksheet, content: str, font: Font, *, right: bool = False,
               lang: str = "zh") -> None:
    """One paragraph merged across the summary columns, wrapped, its row tall enough."""
    row = ws.max_row + 1 if ws.max_row > 1 or ws["A1"].value is not None else 1
    cell = ws.cell(row=row, column=1, value=content)
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical="top",
                               horizontal="right" if right else "left")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=SUMMARY_COLUMNS)
    per_line = SUMMARY_CHARS * 2 if lang == "en" else SUMMARY_CHARS  # Latin letters: half
    ws.row_dimensions[row].height = 16 * (1 + len(content) // per_line)


def _summary_sheet(ws: Worksheet, d: ReportDocument) -> None:
    """The five sections in words (title, paragraphs, counts per verdict), then 落款."""
    lang = d.lang
    ws.title = text.tr("概要", lang)
    report = d.report
    body, head = Font(name=FONT, size=11), Font(name="黑体", bold=True, size=12)
    _paragraph(ws, d.title, Font(name="黑体", bold=True, size=14), lang=lang)
    ws.row_dimensions[1].height = 24
    paragraphs = (d.overview, d.indicator_intro, d.task_intro, d.problem_text, d.suggestions)
    for k, (name, paras) in enumerate(zip(d.section_titles, paragraphs, strict=True), start=1):
        _paragraph(ws, text.section_heading(k, name, lang), head, lang=lang)
        for para in paras:
            _paragraph(ws, para, body, lang=lang)
        if k == 2 and report.summary.verdict_counts:
            ws.append(text.trs(["评价", "指标数"], lang))
            for cell in ws[ws.max_row][:2]:
                cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
            for verdict, count in report.summary.verdict_counts.items():
                ws.append([label("verdict", verdict, lang), count])
                for cell in ws[ws.max_row][:2]:
                    cell.border = BORDER
    ws.append([])
    _paragraph(ws, d.issuer, body, right=True, lang=lang)
    _paragraph(ws, d.date_text, body, right=True, lang=lang)
    widths = [18] + [16] * (SUMMARY_COLUMNS - 1)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    _print_setup(ws, widths, title_rows=None, lang=lang)


def _task_sheet(ws: Worksheet, d: ReportDocument) -> None:
    lang = d.lang
    rows: list[list[Cell]] = []
    for g in d.task_groups:
        for t in g.tasks:
            cells = text.task_status_cells(t, g.department, lang)
            rows.append([text.tr(g.department, lang) if g.department == NO_LEAD else g.department,
                         t.number, cells[1], text.sep(lang).join(t.support) or None,
                         None if t.state is None else cells[2],
                         None if t.percent is None else t.percent / 100, t.latest,
                         t.last_report.isoformat() if t.last_report else None, cells[5]])
    write_sheet(ws, text.trs(TASK_COLUMNS, lang), rows, TASK_WIDTHS,
                (None, YEAR, None, None, None, PERCENT_WHOLE, None, None, None), title=d.title,
                lang=lang)


def build_workbook(d: ReportDocument) -> Workbook:
    report = d.report
    lang = d.lang
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    _summary_sheet(ws, d)
    write_sheet(wb.create_sheet(text.tr("指标监测", lang)),
                text.trs([c[0] for c in INDICATOR_COLUMNS], lang),
                [_indicator_values(i, r, lang) for i, r in enumerate(report.indicators, start=1)],
                [c[1] for c in INDICATOR_COLUMNS], [c[2] for c in INDICATOR_COLUMNS],
                title=d.title, lang=lang)
    _task_sheet(wb.create_sheet(text.tr("重点任务", lang)), d)
    finding_widths = (6, 20, 8, 90)
    finding_headers = text.trs(text.FINDING_HEADERS, lang)
    write_sheet(wb.create_sheet(text.tr("监测预警", lang)), finding_headers,
                [_finding_values(i, f, lang)
                 for i, f in enumerate(report.monitoring_alerts, start=1)],
                finding_widths, title=d.title, lang=lang)
    write_sheet(wb.create_sheet(text.tr("审查发现", lang)), finding_headers,
                [_finding_values(i, f, lang) for i, f in enumerate(report.findings, start=1)],
                finding_widths, title=d.title, lang=lang)
    if report.prior:
        _prior_sheet(wb.create_sheet(text.tr("上期完成情况", lang)), d)
    wb.active = 1 if report.indicators else 0
    text_cells_as_text(wb)
    return wb


def _finding_values(index: int, f: Finding, lang: str = "zh") -> list[Cell]:
    return [index, *text.finding_cells(index, f, lang)[1:]]


def _prior_sheet(ws: Worksheet, d: ReportDocument) -> None:
    report = d.report
    lang = d.lang
    headers = ("序号", "指标", "单位", "基期年", "基期值", "目标年", "目标值", "完成年",
               "完成值", text.LABEL_PLAIN, text.LABEL_CHANGE, "是否完成")
    rows: list[list[Cell]] = [
        [i, r.name, r.unit, r.baseline_year, r.baseline, r.target_year, r.target,
         r.actual_year, r.actual, r.completion_plain, r.completion_change,
         None if r.met is None else text.tr("完成" if r.met else "未完成", lang)]
        for i, r in enumerate(report.prior, start=1)
    ]
    formats = (YEAR, None, None, YEAR, NUMBER, YEAR, NUMBER, YEAR, NUMBER, PERCENT, PERCENT, None)
    write_sheet(ws, text.trs(headers, lang), rows, (6, 30, 8, 8, 11, 8, 11, 8, 11, 14, 18, 10),
                formats, title=d.title, lang=lang)


def write_xlsx(d: ReportDocument, path: Path) -> None:
    build_workbook(d).save(path)
