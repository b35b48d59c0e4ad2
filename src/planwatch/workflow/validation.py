"""Validation at the door (入口校验): every verb checks its inputs before anything is stored —
finite numbers, sane years, bounded texts without NUL bytes, no report dates in the future.
Raises :class:`~planwatch.workflow.errors.Invalid` (HTTP 422), Chinese and English."""

from __future__ import annotations

import math
from datetime import date

from planwatch.actuals.numbers import NumberTextError, is_percent_unit, read_number
from planwatch.workflow.errors import Invalid

MAX_ABS_VALUE = 1e15
"""The largest absolute value a reported actual may have (as in the Excel import)."""
MIN_YEAR = 1949
MAX_YEAR = 2100
MAX_TEXT = {"indicator": 300, "unit": 50, "source": 500, "comment": 2000, "reason": 2000,
            "report": 5000, "department": 200, "username": 100, "display_name": 100,
            "name": 100, "field": 300, "value_text": 10000}
FIELD_ZH = {"indicator": "指标", "unit": "单位", "source": "来源", "comment": "意见",
            "reason": "理由", "report": "进展情况", "department": "部门", "username": "用户名",
            "display_name": "姓名", "name": "名称", "value": "数值", "percent": "完成百分比",
            "year": "年份", "reported_on": "报告日期"}


def _refuse(field: str, zh: str, en: str) -> Invalid:
    label = FIELD_ZH.get(field, field)
    return Invalid(f"{label}无效：{zh}", f"invalid {field}: {en}", [f"{field}: {zh} / {en}"])


def check_number(value: float, field: str = "value", *, low: float | None = None,
                 high: float | None = None) -> float:
    """A finite number (NaN and ±Infinity refused), optionally within [low, high]."""
    number = float(value)
    if not math.isfinite(number):
        raise _refuse(field, "须为有限数值（不接受NaN或无穷大）", "must be a finite number")
    if (low is not None and number < low) or (high is not None and number > high):
        raise _refuse(field, f"须在{low}到{high}之间", f"must be within {low}..{high}")
    return number


def check_value(value: float | str, unit: str | None = None) -> float:
    """A reported value, typed (``2.95%``, ``1,500``, ``１２３．４``, spaces — read by
    :func:`planwatch.actuals.numbers.read_number`, the one reading for the form, the API and
    the Excel import) or a number: finite and at most 1e15 in absolute value."""
    if isinstance(value, str):
        try:
            value = read_number(value, unit)
        except NumberTextError as exc:
            raise _not_a_number(exc.text, unit) from exc
    return check_number(value, low=-MAX_ABS_VALUE, high=MAX_ABS_VALUE)


def _not_a_number(text: str, unit: str | None) -> Invalid:
    if text.endswith("%") and not is_percent_unit(unit):
        return _refuse("value",
                       f"“{text}”带百分号，但本指标单位是“{unit or '无'}”：请按该单位填写数字",
                       f"{text!r} has a % sign but the unit is {unit or 'none'}: type the "
                       "number in that unit")
    return _refuse("value", f"“{text}”不是数字：请填写数字，如 2.95、1,500（不带单位或文字）",
                   f"{text!r} is not a number: type digits such as 2.95 or 1,500 (no unit "
                   "or words)")


def check_year(year: int, field: str = "year") -> int:
    """A year between 1949 and 2100."""
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise _refuse(field, f"年份{year}不在{MIN_YEAR}–{MAX_YEAR}之间",
                      f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")
    return int(year)


def check_text(value: str | None, field: str, *, required: bool = False) -> str | None:
    """A text of bounded length without NUL bytes (``required``: not blank)."""
    if value is None or not value.strip():
        if required:
            raise _refuse(field, "不能为空", "must not be empty")
        return value
    if "\x00" in value:
        raise _refuse(field, "含有NUL字符", "contains a NUL byte")
    limit = MAX_TEXT.get(field, 2000)
    if len(value) > limit:
        raise _refuse(field, f"长度{len(value)}超过上限{limit}",
                      f"{len(value)} characters, at most {limit}")
    return value


def check_report_date(day: date, today: date | None = None) -> date:
    """A progress report's date: a sane year and not after today."""
    check_year(day.year, "reported_on")
    if day > (today or date.today()):
        raise _refuse("reported_on", f"{day.isoformat()}晚于今天", f"{day} is in the future")
    return day
