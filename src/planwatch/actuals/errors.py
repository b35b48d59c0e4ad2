"""The catalogue of problems found when importing actual values (实际值导入错误目录).

Each problem has a stable kebab-case code and a Chinese and an English message template.
File-level problems carry row 0."""

from __future__ import annotations

from pydantic import BaseModel

from planwatch.errors import PlanwatchError

CATALOGUE: dict[str, tuple[str, str]] = {
    # file level
    "file-not-found": ("找不到文件：{path}", "File not found: {path}"),
    "file-too-large": (
        "文件大小 {size_mb:.1f} MB，超过上限 {limit_mb:.0f} MB，未读取",
        "File is {size_mb:.1f} MB, over the {limit_mb:.0f} MB limit; not read",
    ),
    "unsupported-format": (
        "不支持的文件类型“{suffix}”：请使用 .xlsx 模板或 UTF-8/GBK 编码的 .csv 文件"
        "（旧版 .xls 请另存为 .xlsx）",
        "Unsupported file type '{suffix}': use the .xlsx template or a UTF-8/GBK .csv"
        " (save old .xls files as .xlsx)",
    ),
    "not-xlsx": (
        "文件不是有效的 Excel (.xlsx) 文件：{detail}",
        "Not a valid Excel (.xlsx) file: {detail}",
    ),
    "zip-bomb": (
        "文件解压后大小 {size_mb:.0f} MB（压缩比 {ratio:.0f}），疑似压缩炸弹，未读取",
        "File expands to {size_mb:.0f} MB (ratio {ratio:.0f}); looks like a zip bomb; not read",
    ),
    "missing-sheet": (
        "找不到工作表“{sheet}”（文件中的工作表：{found}）。请使用下载的填报模板",
        "Sheet '{sheet}' not found (sheets in the file: {found}). Use the downloaded template",
    ),
    "bad-encoding": (
        "无法识别 CSV 文件编码，请另存为 UTF-8 或 GBK 编码",
        "Cannot decode the CSV file; save it as UTF-8 or GBK",
    ),
    "missing-column": (
        "缺少必填列“{column}”（表头在第 1 行）",
        "Required column '{column}' is missing (header in row 1)",
    ),
    "duplicate-column": ("表头“{column}”出现多次", "Column '{column}' appears more than once"),
    "too-many-rows": (
        "数据行超过上限 {limit} 行",
        "More than {limit} data rows",
    ),
    "no-data": ("文件中没有填报任何数值", "The file contains no reported values"),
    # row level
    "missing-indicator": ("已填数值但缺少指标名称", "A value is given but no indicator name"),
    "unknown-indicator": (
        "指标“{name}”不在本规划中{hint}",
        "Indicator '{name}' is not in this plan{hint_en}",
    ),
    "missing-year": ("缺少年份", "Year is missing"),
    "bad-year": ("年份“{raw}”不是有效的四位年份", "Year '{raw}' is not a valid 4-digit year"),
    "year-out-of-range": (
        "年份 {year} 超出规划期 {first}—{last}",
        "Year {year} is outside the plan period {first}-{last}",
    ),
    "missing-value": ("缺少数值", "Value is missing"),
    "value-not-number": (
        "数值“{raw}”不是数字：请只填写阿拉伯数字，不带单位或文字",
        "Value '{raw}' is not a number: type digits only, without unit or words",
    ),
    "non-finite-value": (
        "数值“{raw}”不是有限数字",
        "Value '{raw}' is not a finite number",
    ),
    "value-too-large": (
        "数值 {value:g} 超出合理范围（绝对值不超过 {limit:g}）",
        "Value {value:g} is out of range (absolute value at most {limit:g})",
    ),
    "negative-value": (
        "指标“{name}”（单位 {unit}）的数值不能为负数：{value:g}",
        "Indicator '{name}' ({unit}) cannot be negative: {value:g}",
    ),
    "share-over-100": (
        "比重类指标“{name}”的数值 {value:g}% 超过 100%",
        "Share indicator '{name}' value {value:g}% exceeds 100%",
    ),
    "percent-formatted-cell": (
        "单元格设置了百分比格式（显示 {shown:g}%，实际存储 {value:g}）。"
        "请改为常规格式并直接填写 {shown:g}",
        "Cell is formatted as a percentage (shows {shown:g}%, stores {value:g}). Use a general"
        " number format and type {shown:g}",
    ),
    "unit-mismatch": (
        "单位“{unit}”与规划单位“{expected}”不一致，请换算为“{expected}”后填写（系统不自动换算）",
        "Unit '{unit}' differs from the plan unit '{expected}'; convert the value to"
        " '{expected}' (no automatic conversion)",
    ),
    "formula-not-allowed": (
        "单元格含公式“{formula}”：请直接填写数值，公式不会被计算",
        "Cell contains the formula '{formula}': type the value; formulas are not evaluated",
    ),
    "missing-status": (
        "缺少数据状态，请选择“初步数”或“最终数”",
        "Status is missing; choose 初步数 (provisional) or 最终数 (final)",
    ),
    "bad-status": (
        "数据状态“{raw}”无效，应为“初步数”或“最终数”",
        "Status '{raw}' is invalid; use 初步数 (provisional) or 最终数 (final)",
    ),
    "bad-date": (
        "填报日期“{raw}”无法识别，请按 2024-03-31 格式填写",
        "Report date '{raw}' cannot be read; use the form 2024-03-31",
    ),
    "duplicate-row": (
        "与第 {first_row} 行重复（同一指标、年份、数据状态）",
        "Duplicates row {first_row} (same indicator, year and status)",
    ),
}


class ActualsError(BaseModel):
    """One problem in an actuals file: where (row, column), what (code), in Chinese and English.

    row is the spreadsheet row number (header = 1); 0 for problems with the whole file."""

    row: int
    column: str | None
    code: str
    message_zh: str
    message_en: str


def make_error(
    code: str, row: int = 0, column: str | None = None, **params: object
) -> ActualsError:
    """Build an error from the catalogue; unknown codes are a programming error (KeyError)."""
    zh, en = CATALOGUE[code]
    return ActualsError(
        row=row,
        column=column,
        code=code,
        message_zh=zh.format(column=column, **params),
        message_en=en.format(column=column, **params),
    )


class TemplateError(PlanwatchError):
    """A template cannot be made for this plan (e.g. no indicators or no known period)."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.code = code
