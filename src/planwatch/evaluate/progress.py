"""Progress arithmetic: time progress, completion ratios, CAGR, target resolution.

Notation: baseline B in year y0, target T in year yT, actual A in year t.
All functions return ``None`` instead of a substituted value when the quantity is undefined.
"""

from __future__ import annotations

import math

from planwatch.catalog import units
from planwatch.model.evaluation import Direction, PathKind, Reason
from planwatch.model.plan import Comparator, Indicator

EPS = 1e-12


def time_progress(t: int, y0: int, y_target: int) -> float | None:
    """时间进度 τ = (t − y0) / (yT − y0)."""
    if y_target == y0:
        return None
    return (t - y0) / (y_target - y0)


def completion_of_change(actual: float, baseline: float, target: float) -> float | None:
    """完成率（增量口径）p = (A − B) / (T − B); undefined when T = B."""
    if abs(target - baseline) < EPS:
        return None
    return (actual - baseline) / (target - baseline)


def completion_log(actual: float, baseline: float, target: float) -> float | None:
    """复合增长口径 p_log = ln(A/B) / ln(T/B); undefined for non-positive values or T = B."""
    if baseline <= 0 or actual <= 0 or target <= 0:
        return None
    denom = math.log(target / baseline)
    if abs(denom) < EPS:
        return None
    return math.log(actual / baseline) / denom


def ratio_to_target(actual: float, target: float) -> float | None:
    """完成率（目标口径）A / T."""
    if abs(target) < EPS:
        return None
    return actual / target


def cagr(start: float, end: float, years: float) -> float | None:
    """Compound annual growth (end/start)^(1/years) − 1; None for start ≤ 0, end < 0, years ≤ 0."""
    if start <= 0 or end < 0 or years <= 0:
        return None
    return float((end / start) ** (1.0 / years) - 1.0)


def compound_value(baseline: float, rate: float, years: float) -> float:
    """B · (1 + r)^years."""
    return float(baseline * (1.0 + rate) ** years)


def is_rate_indicator(ind: Indicator) -> bool:
    """A row whose target *is* a growth rate (研发经费投入增长 9.5 左右), with no level baseline."""
    if ind.annual_growth_pct is None or ind.baseline is not None:
        return False
    return ind.target is None or abs(ind.target - ind.annual_growth_pct) < EPS


def path_kind(ind: Indicator) -> PathKind:
    """Compare on the compound path when the table sets the row by 年均增速."""
    if is_rate_indicator(ind):
        return "rate"
    if ind.annual_growth_pct is not None and ind.cumulative_change is None:
        return "compound"
    return "linear"


def resolve_target(ind: Indicator) -> tuple[float | None, list[Reason]]:
    """The numeric target T: printed value, else B + 〔累计〕, else B·(1+r)^n."""
    if is_rate_indicator(ind):
        return ind.annual_growth_pct, [Reason.RATE_TARGET]
    if ind.target is not None:
        return ind.target, []
    if ind.baseline is not None and ind.cumulative_change is not None:
        return ind.baseline + ind.cumulative_change, [Reason.TARGET_FROM_CUMULATIVE]
    if (
        ind.baseline is not None
        and ind.annual_growth_pct is not None
        and ind.baseline_year is not None
        and ind.target_year is not None
    ):
        years = ind.target_year - ind.baseline_year
        value = compound_value(ind.baseline, ind.annual_growth_pct / 100.0, years)
        return value, [Reason.TARGET_FROM_GROWTH]
    return None, [Reason.NO_NUMERIC_TARGET]


def is_worse(actual: float, reference: float, direction: Direction) -> bool:
    """A worse than the reference in the indicator's direction."""
    if direction is Direction.HIGHER:
        return actual < reference - EPS
    return actual > reference + EPS


def is_met(
    actual: float,
    target: float,
    comparator: Comparator | None,
    direction: Direction,
    tolerance: float,
) -> bool:
    """Target met? ``>=``/``<=`` are bounds; ``~`` allows ``tolerance`` (relative) short of T."""
    if comparator == ">=":
        return actual >= target - EPS
    if comparator == "<=":
        return actual <= target + EPS
    slack = tolerance * abs(target) if comparator == "~" else 0.0
    if direction is Direction.HIGHER:
        return actual >= target - slack - EPS
    return actual <= target + slack + EPS


COUNT_UNITS = units.COUNT_UNITS


def normalize_unit(unit: str | None) -> str | None:
    """Canonical spelling of a unit (:func:`planwatch.catalog.units.normalize_unit`)."""
    return None if unit is None else units.normalize_unit(unit)


def units_compatible(a: str | None, b: str | None, *, counts_interchangeable: bool = False) -> bool:
    """Values in ``a`` and ``b`` compare as they are (unknown units are not a conflict; see
    :func:`planwatch.catalog.units.interchangeable`)."""
    return units.interchangeable(a, b, counts=counts_interchangeable)
