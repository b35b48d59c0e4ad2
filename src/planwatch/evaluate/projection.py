"""Projection of an indicator to its target year (labelled 预测, never an actual).

* ≥ 2 actuals: compound growth (CAGR) from the first to the last point of the series, and a
  time-weighted linear fit (weights 1, 2, …, n by recency, as in the UN ESCAP progress report);
  both are reported with the number of points used.
* 1 actual: only the two-point CAGR from the baseline.
* gap = (T − Â) / (T − B): the share of the planned change still missing at yT.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from planwatch.evaluate.progress import EPS, cagr, compound_value, is_met
from planwatch.model.evaluation import Direction, Projection, Reason
from planwatch.model.plan import Comparator

Point = tuple[int, float]


def weighted_linear_fit(points: Sequence[Point]) -> tuple[float, float] | None:
    """Weighted least squares value = a + b·year, weights 1..n in year order; None if degenerate."""
    pts = sorted(points)
    weights = [float(i + 1) for i in range(len(pts))]
    sw = sum(weights)
    mx = sum(w * y for w, (y, _) in zip(weights, pts, strict=True)) / sw
    my = sum(w * v for w, (_, v) in zip(weights, pts, strict=True)) / sw
    sxx = sum(w * (y - mx) ** 2 for w, (y, _) in zip(weights, pts, strict=True))
    if sxx < EPS:
        return None
    sxy = sum(w * (y - mx) * (v - my) for w, (y, v) in zip(weights, pts, strict=True))
    slope = sxy / sxx
    return my - slope * mx, slope


def gap_share(target: float | None, projected: float, baseline: float | None) -> float | None:
    """(T − Â) / (T − B)."""
    if target is None or baseline is None or abs(target - baseline) < EPS:
        return None
    return (target - projected) / (target - baseline)


def _series(
    actuals: Sequence[Point], baseline_year: int | None, baseline: float | None
) -> list[Point]:
    pts = dict(sorted(actuals))
    if baseline is not None and baseline_year is not None and baseline_year not in pts:
        pts[baseline_year] = baseline
    return sorted(pts.items())


def _cagr_projection(series: list[Point], target_year: int) -> float | None:
    (y_first, v_first), (y_last, v_last) = series[0], series[-1]
    rate = cagr(v_first, v_last, y_last - y_first)
    if rate is None:
        return None
    return compound_value(v_last, rate, target_year - y_last)


def project(
    actuals: Sequence[Point],
    *,
    baseline_year: int | None,
    baseline: float | None,
    target_year: int,
    target: float | None,
    comparator: Comparator | None = "=",
    direction: Direction = Direction.HIGHER,
    tolerance: float = 0.02,
) -> tuple[list[Projection], list[Reason]]:
    """Project to ``target_year``; returns the projections and reason codes for those skipped."""
    if not actuals:
        return [], [Reason.NO_ACTUAL]
    series = _series(actuals, baseline_year, baseline)
    reasons: list[Reason] = []
    found: list[tuple[Literal["cagr", "weighted-linear"], float]] = []
    if len(actuals) == 1:
        reasons.append(Reason.SINGLE_ACTUAL)
        if baseline is None or baseline_year is None:
            return [], [*reasons, Reason.NO_BASELINE]
    value = _cagr_projection(series, target_year) if len(series) >= 2 else None
    if value is None:
        reasons.append(Reason.ZERO_BASELINE if baseline == 0 else Reason.NON_POSITIVE_VALUE)
    else:
        found.append(("cagr", value))
    if len(actuals) >= 2:
        fit = weighted_linear_fit(series)
        if fit is not None:
            found.append(("weighted-linear", fit[0] + fit[1] * target_year))
    out = [
        Projection(
            method=method,
            target_year=target_year,
            value=v,
            n_points=len(series),
            gap=gap_share(target, v, baseline),
            meets_target=None
            if target is None
            else is_met(v, target, comparator, direction, tolerance),
        )
        for method, v in found
    ]
    return out, reasons
