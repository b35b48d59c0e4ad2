"""Vectorised schedule and trend status for many (region × indicator × year) series.

Same rules as :func:`planwatch.evaluate.status.evaluate_indicator` for level/〔累计〕 rows
(``compound=False``) and 年均增速 rows (``compound=True``), evaluated at every year with that
year's actual. Missing values are NaN. Status codes index :data:`SCHEDULE_CODES` /
:data:`TREND_CODES` (0 = no status; the scalar evaluator's ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from planwatch.evaluate.progress import EPS
from planwatch.model.evaluation import EvaluationParams, ScheduleStatus, TrendStatus

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int8]

SCHEDULE_CODES: tuple[ScheduleStatus | None, ...] = (None, *ScheduleStatus)
TREND_CODES: tuple[TrendStatus | None, ...] = (None, *TrendStatus)
COMPARATOR_CODES: tuple[str, ...] = ("=", ">=", "<=", "~")


@dataclass(frozen=True)
class BatchResult:
    """Arrays of shape (regions, indicators, years)."""

    schedule: IntArray
    trend: IntArray
    completion: FloatArray
    time_progress: FloatArray
    params: EvaluationParams


def _code(status: ScheduleStatus | TrendStatus) -> int:
    table: tuple[object, ...] = (
        SCHEDULE_CODES if isinstance(status, ScheduleStatus) else TREND_CODES
    )
    return table.index(status)


def _met(
    a: FloatArray, t: FloatArray, comp: IntArray, lower: npt.NDArray[np.bool_], tol: float
) -> npt.NDArray[np.bool_]:
    slack = np.where(comp == 3, tol * np.abs(t), 0.0)
    hi = a >= t - slack - EPS
    lo = a <= t + slack + EPS
    by_dir = np.where(lower, lo, hi)
    out = np.where(comp == 1, a >= t - EPS, np.where(comp == 2, a <= t + EPS, by_dir))
    return out & ~np.isnan(t)


def _progress(
    a: FloatArray, b: FloatArray, t: FloatArray, compound: npt.NDArray[np.bool_]
) -> FloatArray:
    dt = t - b
    p = np.where(np.abs(dt) < EPS, np.nan, (a - b) / np.where(np.abs(dt) < EPS, 1.0, dt))
    ok = (b > 0) & (a > 0) & (t > 0)
    safe_b = np.where(ok, b, 1.0)
    denom = np.log(np.where(ok, t, 2.0) / safe_b)
    ok &= np.abs(denom) >= EPS
    plog = np.where(ok, np.log(np.where(ok, a, 1.0) / safe_b) / np.where(ok, denom, 1.0), np.nan)
    return np.where(compound & ~np.isnan(plog), plog, p)


def _schedule(
    met: npt.NDArray[np.bool_],
    final: npt.NDArray[np.bool_],
    regress: npt.NDArray[np.bool_],
    diff: FloatArray,
    has_target: npt.NDArray[np.bool_],
    band: float,
) -> IntArray:
    out = np.zeros(diff.shape, dtype=np.int8)
    band_code = np.where(
        diff > band,
        _code(ScheduleStatus.AHEAD),
        np.where(diff < -band, _code(ScheduleStatus.BEHIND), _code(ScheduleStatus.ON_TRACK)),
    )
    out = np.where(~np.isnan(diff), band_code, out)
    out = np.where(final, _code(ScheduleStatus.MISSED), out)
    out = np.where(regress, _code(ScheduleStatus.REGRESSING), out)
    early = np.where(final, _code(ScheduleStatus.ACHIEVED), _code(ScheduleStatus.ACHIEVED_EARLY))
    out = np.where(met, early, out)
    return np.where(has_target, out, 0).astype(np.int8)


def _cagr(start: FloatArray, end: FloatArray, years: FloatArray) -> FloatArray:
    ok = (start > 0) & (end >= 0) & (years > 0)
    ratio = np.where(ok, end, 1.0) / np.where(ok, start, 1.0)
    return np.where(ok, ratio ** (1.0 / np.where(ok, years, 1.0)) - 1.0, np.nan)


def _categorise(x: FloatArray, first: float, second: float) -> IntArray:
    codes = np.where(
        x >= first,
        _code(TrendStatus.ON_TRACK),
        np.where(
            x >= second,
            _code(TrendStatus.NEEDS_ACCELERATION),
            np.where(x >= 0, _code(TrendStatus.LIMITED_PROGRESS), _code(TrendStatus.DETERIORATION)),
        ),
    )
    return np.where(np.isnan(x), 0, codes).astype(np.int8)


def _trend(
    a: FloatArray,
    b: FloatArray,
    t: FloatArray,
    t_year: FloatArray,
    y0: FloatArray,
    y_t: FloatArray,
    met: npt.NDArray[np.bool_],
    lower: npt.NDArray[np.bool_],
    p: EvaluationParams,
) -> IntArray:
    """Open SDG: R = d·CAGR_o/|CAGR_r|; no status for a zero/negative target or T = B."""
    observed = np.where((t_year > y0) & (b > 0), _cagr(b, a, t_year - y0), np.nan)
    required = np.where(t > 0, _cagr(b, t, y_t - y0), np.nan)
    required = np.where(np.abs(required) < EPS, np.nan, required)
    sign = np.where(lower, -1.0, 1.0)
    with_target = _categorise(sign * observed / np.abs(required), p.on_track_ratio,
                              p.acceleration_ratio)
    no_target = _categorise(sign * observed, p.no_target_substantial, p.no_target_moderate)
    out = np.where(np.isnan(t), no_target, with_target)
    return np.where(met, _code(TrendStatus.ACHIEVED), out).astype(np.int8)


def _col(x: npt.ArrayLike, shape2: tuple[int, ...], dtype: type[np.generic]) -> npt.NDArray[Any]:
    """Broadcast a per-(region, indicator) input to (R, I, 1)."""
    return np.broadcast_to(np.asarray(x, dtype=dtype), shape2)[..., None]


def rate_status(actual: npt.ArrayLike, target: npt.ArrayLike, *,
                lower_is_better: npt.ArrayLike = False,
                params: EvaluationParams | None = None) -> IntArray:
    """Schedule codes of rows whose target is itself a yearly growth rate (path ``rate``): the
    observed rate against it, as :func:`planwatch.evaluate.status` judges them — below zero
    (in the indicator's direction) 倒退, else (A − T)/|T| against the band. NaN actual → 0."""
    p = params or EvaluationParams()
    a = np.asarray(actual, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    lower = np.broadcast_to(np.asarray(lower_is_better, dtype=np.bool_), a.shape)
    with np.errstate(all="ignore"):
        diff = np.where(t != 0, (a - t) / np.abs(np.where(t != 0, t, 1.0)), 0.0)
        diff = np.where(lower, -diff, diff)
        worse = np.where(lower, a > EPS, a < -EPS)
        codes = np.where(diff > p.schedule_band, _code(ScheduleStatus.AHEAD),
                         np.where(diff < -p.schedule_band, _code(ScheduleStatus.BEHIND),
                                  _code(ScheduleStatus.ON_TRACK)))
        codes = np.where(worse, _code(ScheduleStatus.REGRESSING), codes)
    return np.where(np.isnan(a) | np.isnan(t), 0, codes).astype(np.int8)


def evaluate_batch(
    baseline: npt.ArrayLike,
    target: npt.ArrayLike,
    actual: npt.ArrayLike,
    *,
    baseline_year: npt.ArrayLike,
    target_year: npt.ArrayLike,
    years: npt.ArrayLike,
    lower_is_better: npt.ArrayLike = False,
    comparator: npt.ArrayLike = 0,
    compound: npt.ArrayLike = False,
    annual_growth_pct: npt.ArrayLike = np.nan,
    params: EvaluationParams | None = None,
) -> BatchResult:
    """Status of every (region, indicator, year).

    ``baseline``/``target``: (R, I); ``actual``: (R, I, Y); ``years``: (Y,), or broadcastable
    to (R, I, Y) when each series is judged in its own year (the latest actual of each row);
    ``baseline_year``/``target_year``/``lower_is_better``/``comparator`` (index into
    :data:`COMPARATOR_CODES`)/``compound``/``annual_growth_pct``: broadcastable to (R, I).
    A missing target is derived from the 年均增速 as B·(1+r)^(yT−y0), as the scalar evaluator does.
    """
    p = params or EvaluationParams()
    a = np.asarray(actual, dtype=np.float64)
    shape2 = a.shape[:2]
    b, t, y0, y_t, growth = (
        _col(x, shape2, np.float64)
        for x in (baseline, target, baseline_year, target_year, annual_growth_pct)
    )
    lower, cmpd = _col(lower_is_better, shape2, np.bool_), _col(compound, shape2, np.bool_)
    comp = _col(comparator, shape2, np.int8)
    t_year = np.asarray(years, dtype=np.float64)
    t_year = t_year.reshape(1, 1, -1) if t_year.ndim < 3 else t_year
    with np.errstate(all="ignore"):
        # no growth rate, no derived target (NaN ** 0 would be 1: B itself when yT = y0)
        derived = np.where(np.isnan(growth), np.nan, b * (1.0 + growth / 100.0) ** (y_t - y0))
        t = np.where(np.isnan(t), derived, t)
        span = y_t - y0
        tau = np.where(span == 0, np.nan, (t_year - y0) / np.where(span == 0, 1.0, span))
        # a base-year value alone is not judged; without a base year every value is
        present = ~np.isnan(a) & ~(t_year <= y0)
        met = _met(a, t, comp, lower, p.approx_tolerance) & present
        progress = _progress(a, b, t, cmpd)
        diff = progress - np.minimum(tau, 1.0)
        regress = np.where(lower, a > b + EPS, a < b - EPS) & present
        final = (t_year >= y_t) & present
        has = present & ~np.isnan(t)
        schedule = _schedule(met, final, regress, diff, has, p.schedule_band)
        trend = np.where(present, _trend(a, b, t, t_year, y0, y_t, met, lower, p), 0)
        shape3 = a.shape
        return BatchResult(
            schedule=schedule.astype(np.int8),
            trend=trend.astype(np.int8),
            completion=np.where(has, progress, np.nan),
            time_progress=np.broadcast_to(tau, shape3).copy(),
            params=p,
        )
