"""What the actuals sheet holds: its columns, and the plan indicators one may report on
(名称, 单位, 期间, 数值类型)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planwatch.catalog import units
from planwatch.catalog.names import name_key
from planwatch.model.actual import ActualStatus
from planwatch.model.labels import labels
from planwatch.model.plan import Indicator, Plan

GUIDE_SHEET = "说明"
DATA_SHEET = "数据填报"
LISTS_SHEET = "选项"

COL_INDICATOR = "指标名称"
COL_UNIT = "单位"
COL_YEAR = "年份"
COL_VALUE = "数值"
COL_STATUS = "数据状态"
COL_SOURCE = "数据来源"
COL_DATE = "填报日期"
COL_NOTE = "备注"

COLUMNS: tuple[str, ...] = (
    COL_INDICATOR,
    COL_UNIT,
    COL_YEAR,
    COL_VALUE,
    COL_STATUS,
    COL_SOURCE,
    COL_DATE,
    COL_NOTE,
)
REQUIRED_COLUMNS: tuple[str, ...] = (COL_INDICATOR, COL_YEAR, COL_VALUE, COL_STATUS)
# What the reporter types; a row with none of these (a template row left blank) is skipped.
ENTRY_COLUMNS: tuple[str, ...] = (COL_VALUE, COL_STATUS, COL_SOURCE, COL_DATE, COL_NOTE)

# English header aliases accepted on import (a CSV exported by another tool).
HEADER_ALIASES: dict[str, str] = {
    "indicator": COL_INDICATOR,
    "unit": COL_UNIT,
    "year": COL_YEAR,
    "value": COL_VALUE,
    "status": COL_STATUS,
    "source": COL_SOURCE,
    "reported_on": COL_DATE,
    "note": COL_NOTE,
}

STATUS_LABELS: dict[str, str] = {zh: code for code, zh in labels("actual_status").items()}
"""The template's choices: the catalogue labels (model.labels) → codes."""
STATUS_ALIASES: dict[str, ActualStatus] = {
    "初步数": "provisional",
    "初步": "provisional",
    "快报数": "provisional",
    "provisional": "provisional",
    "最终数": "final",
    "最终": "final",
    "final": "final",
}

ValueKind = Literal["share", "count", "rate", "other"]

COUNT_UNITS = units.COUNT_UNITS
PERCENT_UNITS = frozenset({"%", "％", "‰", "百分点", "个百分点"})
_CHANGE_WORDS = ("增长", "增速", "增幅", "增加", "提高", "下降", "降低", "减少", "变化", "变动")


@dataclass(frozen=True)
class IndicatorSpec:
    """One reportable indicator: its plan name, unit, period and value kind."""

    name: str
    unit: str | None
    first_year: int | None
    last_year: int | None
    kind: ValueKind
    baseline: float | None = None
    target: float | None = None


def normalize_name(text: str) -> str:
    """Compare names by identity (:func:`planwatch.catalog.names.name_key`): NFKC, case-folded,
    no spaces, punctuation or trailing unit."""
    return name_key(text)


def normalize_unit(unit: str | None) -> str:
    """Canonical spelling (:func:`planwatch.catalog.units.normalize_unit`); None → ''."""
    return "" if unit is None else units.normalize_unit(unit)


def value_kind(name: str, unit: str | None) -> ValueKind:
    """share: a % level (0…100); rate: a % change (may be negative); count: 家/件/项…"""
    u = normalize_unit(unit)
    if units.is_percent(u) or units.is_points(u):
        words = name.replace("增加值", "")  # 增加值 (value added) is a quantity, not a change
        if u in {"百分点", "个百分点"} or any(w in words for w in _CHANGE_WORDS):
            return "rate"
        return "share"
    if units.is_count(u):  # 家, 万人, 人次 …
        return "count"
    return "other"


def _period(plan: Plan, base: int | None, target: int | None) -> tuple[int | None, int | None]:
    start = plan.meta.period_start
    first = base if base is not None else (start - 1 if start is not None else None)
    last = target if target is not None else plan.meta.period_end
    return first, last


def _from_indicator(plan: Plan, ind: Indicator) -> IndicatorSpec:
    first, last = _period(plan, ind.baseline_year, ind.target_year)
    return IndicatorSpec(
        ind.name, ind.unit, first, last, value_kind(ind.name, ind.unit), ind.baseline, ind.target
    )


def plan_specs(plan: Plan, include_targets: bool = False) -> list[IndicatorSpec]:
    """The plan's indicator table, plus prose targets that state a baseline (基期值) and are not
    a restatement of a table row."""
    from planwatch.evaluate.targets import prose_indicators

    rows = [*plan.indicators, *(prose_indicators(plan) if include_targets else [])]
    return [_from_indicator(plan, ind) for ind in rows]
