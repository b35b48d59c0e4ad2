"""The Excel template for yearly actual values (实际值填报模板).

Sheets: 说明 (instructions), 数据填报 (one row per indicator × year; name, unit and year locked),
选项 (hidden; the status drop-down list)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.actuals.errors import TemplateError
from planwatch.actuals.fields import MAX_ABS_VALUE
from planwatch.actuals.spec import (
    COL_DATE,
    COL_STATUS,
    COL_VALUE,
    COLUMNS,
    DATA_SHEET,
    GUIDE_SHEET,
    LISTS_SHEET,
    STATUS_LABELS,
    IndicatorSpec,
    plan_specs,
)
from planwatch.excel import text_cells_as_text
from planwatch.model.plan import Plan

_Operator = Literal["between", "greaterThanOrEqual"]
_WIDTHS = {
    "指标名称": 44,
    "单位": 9,
    "年份": 8,
    "数值": 14,
    "数据状态": 11,
    "数据来源": 32,
    "填报日期": 13,
    "备注": 32,
}
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_DATE_MIN, _DATE_MAX = "36526", "73050"  # Excel serials of 2000-01-01 and 2099-12-31

GUIDE_LINES: tuple[str, ...] = (
    "一、填写方法",
    "1. 在“数据填报”工作表中，每一行对应一个指标的一个年份。指标名称、单位、年份已锁定，请勿修改。",
    "2. “数值”列只填写阿拉伯数字（可带小数），不要填写单位、文字、“约”“以上”等，也不要使用公式。",
    "3. 数值必须按该行“单位”列的单位填写，系统不会自动换算"
    "（例如单位为“亿元”时，5000万元应填 0.5）。",
    "4. 单位为“%”的指标直接填写百分数的数字，例如 2.95% 填 2.95；请勿把单元格设置为百分比格式。",
    "5. 个数、比重类指标不能为负数；比重不能超过 100。",
    "6. 暂无数据的行保持空白即可，导入时会跳过整行空白的行。",
    "二、数据状态",
    "“初步数”：统计快报、预计数等尚未最终核定的数据；“最终数”：统计年鉴、统计公报等正式发布的数据。",
    "同一指标同一年份可以先报初步数，正式数据发布后再报最终数；同一状态只能填一行。",
    "三、数据来源与填报日期",
    "“数据来源”请写明出处，例如“2023年本市国民经济和社会发展统计公报”或提供数据的部门名称。",
    "“填报日期”按 2024-03-31 格式填写；“备注”可说明口径变化等情况。",
    "四、导入",
    "填好后保存为 .xlsx 文件上传。系统会一次性列出所有错误（行号、列名、原因），"
    "全部改正后才会入库。",
)


def template_rows(
    specs: Iterable[IndicatorSpec], years: range | None
) -> list[tuple[IndicatorSpec, int]]:
    """One (indicator, year) per row: the given years, or baseline year + 1 … target year."""
    rows: list[tuple[IndicatorSpec, int]] = []
    for spec in specs:
        span = years if years is not None else _default_years(spec)
        rows.extend((spec, year) for year in span)
    return rows


def _default_years(spec: IndicatorSpec) -> range:
    if spec.first_year is None or spec.last_year is None:
        raise TemplateError(
            "no-period",
            f"指标“{spec.name}”没有基期年或目标年，请指定年份范围",
            f"Indicator '{spec.name}' has no baseline or target year; pass the years",
        )
    return range(spec.first_year + 1, spec.last_year + 1)


def make_template(
    plan: Plan, path: str | Path, years: range | None = None, include_targets: bool = False
) -> Path:
    """Write the actuals template for a plan to path (.xlsx) and return the path."""
    specs = plan_specs(plan, include_targets=include_targets)
    if not specs:
        raise TemplateError("no-indicators", "规划中没有可填报的指标", "The plan has no indicators")
    rows = template_rows(specs, years)
    wb = Workbook()
    guide = wb.active
    assert guide is not None
    guide.title = GUIDE_SHEET
    _write_guide(guide, plan, specs)
    data = wb.create_sheet(DATA_SHEET)
    _write_lists(wb.create_sheet(LISTS_SHEET))
    _write_data(data, rows)
    wb.active = 1
    wb.properties.title = plan.meta.title or "实际值填报模板"
    wb.properties.subject = "planwatch actuals template"
    text_cells_as_text(wb)
    out = Path(path)
    wb.save(out)
    return out


def _write_guide(ws: Worksheet, plan: Plan, specs: list[IndicatorSpec]) -> None:
    ws.append([f"{plan.meta.title or '规划'} — 指标实际值填报说明"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    for line in GUIDE_LINES:
        ws.append([line])
        if line[:2] in {"一、", "二、", "三、", "四、"}:
            ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])
    ws.append(["五、指标一览", "单位", "基期年", "基期值", "目标年", "目标值"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for s in specs:
        ws.append([s.name, s.unit, s.first_year, s.baseline, s.last_year, s.target])
    ws.column_dimensions["A"].width = 110
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 10
    ws.protection.sheet = True


def _write_lists(ws: Worksheet) -> None:
    ws.append([COL_STATUS])
    for label in STATUS_LABELS:
        ws.append([label])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _write_data(ws: Worksheet, rows: list[tuple[IndicatorSpec, int]]) -> None:
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = _BORDER
    for spec, year in rows:
        ws.append([spec.name, spec.unit or "", year])
    last = len(rows) + 1
    _style_body(ws, last)
    _add_validations(ws, rows)
    for i, name in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS[name]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    _protect(ws)


def _style_body(ws: Worksheet, last: int) -> None:
    locked = set(range(1, 4))
    date_col = COLUMNS.index(COL_DATE) + 1
    for row in ws.iter_rows(min_row=2, max_row=last, max_col=len(COLUMNS)):
        for cell in row:
            col = cell.column or 0
            cell.border = _BORDER
            if col in locked:
                cell.fill = _LOCKED_FILL
                cell.protection = Protection(locked=True)
            else:
                cell.protection = Protection(locked=False)
            if col == date_col:
                cell.number_format = "yyyy-mm-dd"


def _col(name: str) -> str:
    return get_column_letter(COLUMNS.index(name) + 1)


def _add_validations(ws: Worksheet, rows: list[tuple[IndicatorSpec, int]]) -> None:
    value_col = _col(COL_VALUE)
    rules = {
        "share": _decimal("between", "0", "100", "比重类指标请填写 0—100 之间的数字（不带%）"),
        "count": _decimal("greaterThanOrEqual", "0", None, "请填写不小于 0 的数字"),
        "other": _decimal(
            "between", f"{-MAX_ABS_VALUE:.0f}", f"{MAX_ABS_VALUE:.0f}", "请填写数字，不带单位或文字"
        ),
    }
    rules["rate"] = rules["other"]
    for i, (spec, _year) in enumerate(rows, start=2):
        rules[spec.kind].add(f"{value_col}{i}")
    last = len(rows) + 1
    choices = f"'{LISTS_SHEET}'!$A$2:$A${len(STATUS_LABELS) + 1}"
    status = DataValidation(
        type="list",
        formula1=choices,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="数据状态",
        error="请从下拉列表选择“初步数”或“最终数”",
    )
    status.add(f"{_col(COL_STATUS)}2:{_col(COL_STATUS)}{last}")
    date = DataValidation(
        type="date",
        operator="between",
        formula1=_DATE_MIN,
        formula2=_DATE_MAX,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="填报日期",
        error="请按 2024-03-31 格式填写日期",
    )
    date.add(f"{_col(COL_DATE)}2:{_col(COL_DATE)}{last}")
    for dv in {id(r): r for r in rules.values()}.values():
        if dv.sqref:
            ws.add_data_validation(dv)
    ws.add_data_validation(status)
    ws.add_data_validation(date)


def _decimal(operator: _Operator, low: str, high: str | None, message: str) -> DataValidation:
    return DataValidation(
        type="decimal",
        operator=operator,
        formula1=low,
        formula2=high,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="数值",
        error=message,
        showInputMessage=True,
        promptTitle="数值",
        prompt=message,
    )


def _protect(ws: Worksheet) -> None:
    """Lock name/unit/year; let users resize columns, format and filter."""
    prot = ws.protection
    prot.sheet = True
    prot.formatColumns = False
    prot.formatRows = False
    prot.formatCells = False
    prot.autoFilter = False
    prot.sort = False
