"""Trend status after the Open SDG / Statistics Canada method (sdg-build ``ProgressMeasure.py``).

CAGR_o = (A/B)^(1/(t−y0)) − 1, CAGR_r = (T/B)^(1/(yT−y0)) − 1 and, as Open SDG computes it,

    R = d · CAGR_o / |CAGR_r|      with d = +1 (越高越好) or −1 (越低越好).

The sign of the ratio comes from the direction only, never from the side of the baseline the
target lies on: a cap set above the baseline (越低越好, T > B) that the indicator then breaches,
or a floor below it (越高越好, T < B) that it falls through, is ``deterioration`` — not the
``on_track`` that CAGR_o / CAGR_r would give. Met → achieved; R ≥ 0.95 on track; 0.60–0.95
needs acceleration; 0–0.60 limited progress; < 0 deterioration. Without a numeric target the
thresholds apply to d · CAGR_o itself (1.5 %, 0.5 %, 0).

Departures from sdg-build (see docs/methodology.md): nothing is substituted — a zero baseline
(sdg-build: 0.001) leaves the status ``None`` with ``zero-baseline``, a zero target (sdg-build:
0.001; the bare formula: −100 %/yr) with ``zero-target``; non-positive values (sdg-build
evaluates all-negative series with a sign flip) with ``non-positive-value``; T = B with
``no-planned-change``; a target year not after the base year with ``target-before-baseline``.
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


def direction_sign(direction: Direction) -> float:
    """d = +1 for 越高越好, −1 for 越低越好."""
    return 1.0 if direction is Direction.HIGHER else -1.0


def ratio_category(ratio: float, params: EvaluationParams) -> TrendStatus:
    if ratio >= params.on_track_ratio:
        return TrendStatus.ON_TRACK
    if ratio >= params.acceleration_ratio:
        return TrendStatus.NEEDS_ACCELERATION
    if ratio >= 0:
        return TrendStatus.LIMITED_PROGRESS
    return TrendStatus.DETERIORATION


def rate_category(rate: float, params: EvaluationParams) -> TrendStatus:
    """No numeric target: judge the (direction-signed) observed growth itself."""
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


def required_rate(
    baseline: float | None, baseline_year: int | None, target: float, target_year: int | None
) -> tuple[float | None, Reason | None]:
    """CAGR_r, or the reason it cannot be computed (each failure has its own code)."""
    if baseline is None or baseline_year is None:
        return None, Reason.NO_BASELINE
    if target_year is None:
        return None, Reason.NO_TARGET_YEAR
    if target_year <= baseline_year:
        return None, Reason.TARGET_BEFORE_BASELINE
    if baseline == 0:
        return None, Reason.ZERO_BASELINE
    if baseline < 0 or target < 0:
        return None, Reason.NON_POSITIVE_VALUE
    if target == 0:
        return None, Reason.ZERO_TARGET
    rate = cagr(baseline, target, target_year - baseline_year)
    assert rate is not None  # B > 0, T > 0, years > 0
    if abs(rate) < EPS:
        return rate, Reason.NO_PLANNED_CHANGE
    return rate, None


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
    failure: Reason | None = None
    if target is not None:
        required, failure = required_rate(baseline, baseline_year, target, target_year)
    if met:
        return observed, required, None, TrendStatus.ACHIEVED, reasons
    if observed is None:
        return None, required, None, None, reasons
    d = direction_sign(direction)
    if target is None:
        return observed, None, None, rate_category(d * observed, params), reasons
    if failure is not None or required is None:
        extra = [failure] if failure is not None and failure not in reasons else []
        return observed, required, None, None, [*reasons, *extra]
    ratio = d * observed / abs(required)
    return observed, required, ratio, ratio_category(ratio, params), reasons
