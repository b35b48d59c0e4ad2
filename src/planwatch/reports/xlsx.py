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
from planwatch.reports import text
from planwatch.reports.build import BASE_ONLY_NOTE, BASIS_ZH, IndicatorRow, Report

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


def _indicator_values(index: int, row: IndicatorRow) -> list[Cell]:
    p = row.projection
    return [
        index, row.name, row.unit, row.attribute, row.baseline_year, row.baseline,
        row.target_year, row.target, row.comparator, row.actual_year, row.actual,
        row.completion_plain, row.completion_progress,
        None if row.progress_basis is None else BASIS_ZH[row.progress_basis],
        row.completion_change, row.completion_log, row.time_progress,
        row.verdict, BASE_ONLY_NOTE if row.display_state == "base_only" else None,
        None if p is None else p.value, None if p is None else p.method,
        "；".join(row.warnings) or None,
    ]


def write_sheet(ws: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Cell]],
                widths: Sequence[float], formats: Sequence[str | None] | None = None) -> None:
    """Header row bold and frozen, borders, column widths, number formats per column."""
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
    _print_setup(ws)


def _print_setup(ws: Worksheet) -> None:
    """A4 landscape, one page wide, header row repeated on every printed page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"


def _summary_sheet(ws: Worksheet, report: Report) -> None:
    """Title and 总体情况 sentences (merged, wrapped across A:F), then counts per verdict."""
    ws.title = "概要"
    for row, (content, font) in enumerate(
        [(report.title, Font(name="黑体", bold=True, size=14))]
        + [(s, Font(name=FONT)) for s in text.summary_sentences(report)], start=1):
        ws.cell(row=row, column=1, value=content).font = font
        ws.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=SUMMARY_COLUMNS)
        ws.row_dimensions[row].height = 22 if row == 1 else 15 * (1 + len(content) // 60)
    ws.append([])
    ws.append(["评价", "指标数"])
    for cell in ws[ws.max_row][:2]:
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
    for verdict, count in report.summary.verdict_counts.items():
        ws.append([text.VERDICT_ZH[verdict], count])
        for cell in ws[ws.max_row][:2]:
            cell.border = BORDER
    for col in range(1, SUMMARY_COLUMNS + 1):
        ws.column_dimensions[get_column_letter(col)].width = 16 if col > 1 else 18
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE


def build_workbook(report: Report) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    _summary_sheet(ws, report)
    write_sheet(wb.create_sheet("指标监测"), [c[0] for c in INDICATOR_COLUMNS],
                [_indicator_values(i, r) for i, r in enumerate(report.indicators, start=1)],
                [c[1] for c in INDICATOR_COLUMNS], [c[2] for c in INDICATOR_COLUMNS])
    finding_widths = (6, 20, 8, 90)
    finding_headers = text.FINDING_HEADERS
    write_sheet(wb.create_sheet("监测预警"), finding_headers,
                [_finding_values(i, f)
                 for i, f in enumerate(report.monitoring_alerts, start=1)],
                finding_widths)
    write_sheet(wb.create_sheet("审查发现"), finding_headers,
                [_finding_values(i, f) for i, f in enumerate(report.findings, start=1)],
                finding_widths)
    if report.prior:
        _prior_sheet(wb.create_sheet("上期完成情况"), report)
    write_sheet(wb.create_sheet("任务分工"), text.TASK_HEADERS,
                [[g.department, t.number, t.title, "、".join(t.support) or None]
                 for g in report.departments for t in g.tasks],
                (24, 6, 40, 50))
    wb.active = 1
    text_cells_as_text(wb)
    return wb


def _finding_values(index: int, f: Finding) -> list[Cell]:
    severity = text.SEVERITY_ZH.get(f.severity, str(f.severity))
    return [index, text.FINDING_LABELS.get(f.code, f.code), severity, f.message]


def _prior_sheet(ws: Worksheet, report: Report) -> None:
    headers = ("序号", "指标", "单位", "基期年", "基期值", "目标年", "目标值", "完成年",
               "完成值", text.LABEL_PLAIN, text.LABEL_CHANGE, "是否完成")
    rows: list[list[Cell]] = [
        [i, r.name, r.unit, r.baseline_year, r.baseline, r.target_year, r.target,
         r.actual_year, r.actual, r.completion_plain, r.completion_change,
         None if r.met is None else ("完成" if r.met else "未完成")]
        for i, r in enumerate(report.prior, start=1)
    ]
    formats = (YEAR, None, None, YEAR, NUMBER, YEAR, NUMBER, YEAR, NUMBER, PERCENT, PERCENT, None)
    write_sheet(ws, headers, rows, (6, 30, 8, 8, 11, 8, 11, 8, 11, 14, 18, 10), formats)


def write_xlsx(report: Report, path: Path) -> None:
    build_workbook(report).save(path)
