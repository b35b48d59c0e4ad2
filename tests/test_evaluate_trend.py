"""Trend status as Open SDG computes it (sdg-build ProgressMeasure.py), scalar and batch alike.

The reference below is written from the published formula, independently of planwatch:
R = sign · d · CAGR_o / |CAGR_r|, target achieved by direction, thresholds 0.95 / 0.60 / 0.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from planwatch.evaluate.batch import TREND_CODES, evaluate_batch
from planwatch.evaluate.status import evaluate_indicator
from planwatch.evaluate.trend import trend_status
from planwatch.model.actual import Actual
from planwatch.model.evaluation import (
    Direction,
    EvaluationParams,
    Reason,
    ScheduleStatus,
    TrendStatus,
)
from planwatch.model.plan import Indicator

OPEN_SDG = {
    "target_achieved": TrendStatus.ACHIEVED,
    "substantial_progress": TrendStatus.ON_TRACK,
    "moderate_progress": TrendStatus.NEEDS_ACCELERATION,
    "limited_progress": TrendStatus.LIMITED_PROGRESS,
    "deterioration": TrendStatus.DETERIORATION,
}


def reference(base: float, base_year: int, current: float, year: int, target: float,
              target_year: int, positive: bool) -> tuple[str, float | None]:
    """Open SDG methodology 2 for one series (the published formula, nothing of planwatch)."""
    direction = 1 if positive else -1
    if (direction == 1 and current >= target) or (direction == -1 and current <= target):
        return "target_achieved", None
    sign = -1 if base < 0 else 1
    cagr_o = (current / base) ** (1 / (year - base_year)) - 1
    cagr_r = (target / base) ** (1 / (target_year - base_year)) - 1
    value = sign * direction * cagr_o / abs(cagr_r)
    if value >= 0.95:
        return "substantial_progress", value
    if value >= 0.6:
        return "moderate_progress", value
    if value >= 0:
        return "limited_progress", value
    return "deterioration", value


def _scalar(base: float, current: float, year: int, target: float, target_year: int,
            direction: Direction) -> TrendStatus | None:
    ind = Indicator(name="x", unit="家", baseline_year=2020, baseline=base,
                    target_year=target_year, target=target)
    ev = evaluate_indicator(ind, [Actual(indicator="x", year=year, value=current)], year,
                            direction=direction)
    return ev.trend_status


def _batch(base: float, current: float, year: int, target: float, target_year: int,
           direction: Direction) -> TrendStatus | None:
    res = evaluate_batch([[base]], [[target]], [[[current]]], baseline_year=2020,
                         target_year=target_year, years=[year],
                         lower_is_better=direction is Direction.LOWER)
    return TREND_CODES[int(res.trend[0, 0, 0])]


positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=400, deadline=None)
@given(base=positive, current=st.one_of(positive, st.just(0.0)), target=positive,
       year=st.integers(2021, 2032), span=st.integers(1, 15), higher=st.booleans())
def test_trend_status_matches_open_sdg(base: float, current: float, target: float, year: int,
                                       span: int, higher: bool) -> None:
    target_year = 2020 + span
    assume(abs(target - base) > 1e-6 * base and abs(current - target) > 1e-9 * target)
    label, value = reference(base, 2020, current, year, target, target_year, higher)
    if value is not None:  # not on a threshold (float rounding may differ in the last bit)
        assume(all(abs(value - x) > 1e-9 for x in (0.95, 0.6, 0.0)))
    direction = Direction.HIGHER if higher else Direction.LOWER
    scalar = _scalar(base, current, year, target, target_year, direction)
    assert scalar is OPEN_SDG[label]
    assert _batch(base, current, year, target, target_year, direction) is scalar


@pytest.mark.parametrize(
    ("direction", "base", "target", "actual"),
    [
        (Direction.LOWER, 100.0, 120.0, 130.0),  # cap above the baseline, then breached
        (Direction.HIGHER, 100.0, 80.0, 70.0),  # floor below the baseline, fallen through
    ],
)
def test_breached_cap_or_floor_is_deterioration(direction: Direction, base: float,
                                                target: float, actual: float) -> None:
    scalar = _scalar(base, actual, 2023, target, 2025, direction)
    assert scalar is TrendStatus.DETERIORATION
    assert _batch(base, actual, 2023, target, 2025, direction) is scalar
    ind = Indicator(name="x", baseline_year=2020, baseline=base, target_year=2025, target=target)
    ev = evaluate_indicator(ind, [Actual(indicator="x", year=2023, value=actual)], 2023,
                            direction=direction)
    assert ev.schedule_status is ScheduleStatus.REGRESSING
    assert ev.trend_ratio is not None and ev.trend_ratio < 0


def _trend(**kw: object) -> tuple[TrendStatus | None, list[Reason], float | None]:
    args: dict[str, object] = {"baseline": 100.0, "baseline_year": 2020, "actual": 90.0,
                               "year": 2023, "target": 50.0, "target_year": 2025,
                               "met": False, "direction": Direction.LOWER,
                               "params": EvaluationParams()}
    args.update(kw)
    _observed, required, ratio, status, reasons = trend_status(**args)  # type: ignore[arg-type]
    assert ratio is None or status is not None
    return status, reasons, required


@pytest.mark.parametrize(
    ("kw", "reason"),
    [
        ({"target": 0.0}, Reason.ZERO_TARGET),  # never a silent −100 %/yr
        ({"target_year": None}, Reason.NO_TARGET_YEAR),
        ({"target_year": 2020}, Reason.TARGET_BEFORE_BASELINE),
        ({"target": -5.0}, Reason.NON_POSITIVE_VALUE),
        ({"target": 100.0}, Reason.NO_PLANNED_CHANGE),
        ({"baseline": 0.0}, Reason.ZERO_BASELINE),
    ],
)
def test_failed_required_rate_has_its_reason(kw: dict[str, object], reason: Reason) -> None:
    status, reasons, required = _trend(**kw)
    assert status is None
    assert reason in reasons
    if reason is not Reason.NO_TARGET_YEAR:
        assert Reason.NO_TARGET_YEAR not in reasons
    assert required is None or not math.isclose(required, -1.0)


def test_zero_target_batch_has_no_status() -> None:
    assert _batch(100.0, 90.0, 2023, 0.0, 2025, Direction.LOWER) is None
    assert _scalar(100.0, 90.0, 2023, 0.0, 2025, Direction.LOWER) is None


def test_batch_zero_target_array_shape() -> None:
    res = evaluate_batch(np.array([[100.0, 100.0]]), np.array([[0.0, 50.0]]),
                         np.array([[[90.0], [90.0]]]), baseline_year=2020, target_year=2025,
                         years=[2023], lower_is_better=True)
    assert [TREND_CODES[int(c)] for c in res.trend[0, :, 0]] == [
        None, TrendStatus.LIMITED_PROGRESS]
