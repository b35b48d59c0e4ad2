"""Trend status after the Open SDG / Statistics Canada method (sdg-build ProgressMeasure.py).

CAGR_o = (A/B)^(1/(t−y0)) − 1, CAGR_r = (T/B)^(1/(yT−y0)) − 1, R = CAGR_o / CAGR_r.
Met → achieved; R ≥ 0.95 on track; 0.60–0.95 needs acceleration; 0–0.60 limited progress;
< 0 deterioration. Without a numeric target the thresholds apply to CAGR_o itself (1.5 %, 0.5 %, 0),
sign-adjusted for lower-is-better. Unlike sdg-build, a zero baseline is *not* replaced by 0.001:
the status stays ``None`` with reason ``zero-baseline``.
"""

from __future__ import annotations

from planwatch.evaluate.progress import EPS, cagr
from planwatch.model.evaluation import (
    Direction,
    EvaluationParams,
    Reason,
    TrendStatus,
)

TrendResult = tuple[float | None, float | None, float | None, TrendStatus | None, list[Reason]]


def ratio_category(ratio: float, params: EvaluationParams) -> TrendStatus:
    if ratio >= params.on_track_ratio:
        return TrendStatus.ON_TRACK
    if ratio >= params.acceleration_ratio:
        return TrendStatus.NEEDS_ACCELERATION
    if ratio >= 0:
        return TrendStatus.LIMITED_PROGRESS
    return TrendStatus.DETERIORATION


def rate_category(rate: float, params: EvaluationParams) -> TrendStatus:
    """No numeric target: judge the observed growth itself."""
    if rate >= params.no_target_substantial:
        return TrendStatus.ON_TRACK
    if rate >= params.no_target_moderate:
        return TrendStatus.NEEDS_ACCELERATION
    if rate >= 0:
        return TrendStatus.LIMITED_PROGRESS
    return TrendStatus.DETERIORATION


def _observed(
    baseline: float | None, baseline_year: int | None, actual: float, year: int
) -> tuple[float | None, list[Reason]]:
    if baseline is None or baseline_year is None:
        return None, [Reason.NO_BASELINE]
    if baseline == 0:
        return None, [Reason.ZERO_BASELINE]
    if year <= baseline_year:
        return None, [Reason.NO_ELAPSED_TIME]
    rate = cagr(baseline, actual, year - baseline_year)
    return rate, [] if rate is not None else [Reason.NON_POSITIVE_VALUE]


def trend_status(
    *,
    baseline: float | None,
    baseline_year: int | None,
    actual: float,
    year: int,
    target: float | None,
    target_year: int | None,
    met: bool,
    direction: Direction,
    params: EvaluationParams,
) -> TrendResult:
    """(CAGR_o, CAGR_r, R, status, reasons)."""
    observed, reasons = _observed(baseline, baseline_year, actual, year)
    required: float | None = None
    if baseline is not None and baseline > 0 and target is not None and target_year is not None:
        required = cagr(baseline, target, target_year - (baseline_year or target_year))
    if met:
        return observed, required, None, TrendStatus.ACHIEVED, reasons
    if observed is None:
        return None, required, None, None, reasons
    if target is None:
        sign = 1.0 if direction is Direction.HIGHER else -1.0
        return observed, None, None, rate_category(sign * observed, params), reasons
    if required is None:
        return observed, None, None, None, [*reasons, Reason.NO_TARGET_YEAR]
    if abs(required) < EPS:
        return observed, required, None, None, [*reasons, Reason.NO_PLANNED_CHANGE]
    ratio = observed / required
    return observed, required, ratio, ratio_category(ratio, params), reasons
