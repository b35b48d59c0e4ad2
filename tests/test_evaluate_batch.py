"""The vectorised evaluator agrees with the scalar one and is fast enough for 3,200 regions."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from planwatch.evaluate.batch import COMPARATOR_CODES, SCHEDULE_CODES, TREND_CODES, evaluate_batch
from planwatch.evaluate.status import evaluate_indicator
from planwatch.model.actual import Actual
from planwatch.model.evaluation import Direction, ScheduleStatus
from planwatch.model.plan import Indicator


def _random_inputs(seed: int, regions: int, indicators: int, years: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    base = rng.choice([0.0, 1.0, 50.0, 100.0, 250.0], size=(regions, indicators))
    base = np.where(rng.random(base.shape) < 0.1, np.nan, base * rng.uniform(0.5, 1.5, base.shape))
    target = base * rng.uniform(0.8, 2.5, base.shape)
    target = np.where(rng.random(base.shape) < 0.1, np.nan, target)
    target = np.where(np.isnan(base), rng.uniform(1, 300, base.shape), target)
    growth = rng.uniform(-0.1, 0.3, (regions, indicators, years))
    actual = np.nan_to_num(base, nan=50.0)[..., None] * np.cumprod(1 + growth, axis=2)
    actual = np.where(rng.random(actual.shape) < 0.15, np.nan, actual)
    actual = np.where(rng.random(actual.shape) < 0.03, 0.0, actual)
    return {
        "baseline": base,
        "target": target,
        "actual": actual,
        "lower": rng.random((regions, indicators)) < 0.2,
        "comparator": rng.integers(0, 4, (regions, indicators)),
        "compound": rng.random((regions, indicators)) < 0.4,
    }


def _scalar(inp: dict[str, np.ndarray], r: int, i: int, year: int, k: int) -> tuple[object, object]:
    def num(x: float) -> float | None:
        return None if math.isnan(x) else float(x)

    compound = bool(inp["compound"][r, i])
    ind = Indicator(
        name="x",
        unit="家",
        baseline_year=2020,
        baseline=num(inp["baseline"][r, i]),
        target_year=2025,
        target=num(inp["target"][r, i]),
        target_comparator=COMPARATOR_CODES[int(inp["comparator"][r, i])],  # type: ignore[arg-type]
        annual_growth_pct=10.0 if compound else None,
    )
    value = inp["actual"][r, i, k]
    actuals = [] if math.isnan(value) else [Actual(indicator="x", year=year, value=value)]
    direction = Direction.LOWER if inp["lower"][r, i] else Direction.HIGHER
    ev = evaluate_indicator(ind, actuals, year, direction=direction)
    return ev.schedule_status, ev.trend_status


def test_batch_agrees_with_scalar_on_random_data() -> None:
    years = list(range(2020, 2028))  # the base year itself and past the target year too
    inp = _random_inputs(7, 40, 12, len(years))
    res = evaluate_batch(
        inp["baseline"],
        inp["target"],
        inp["actual"],
        baseline_year=2020,
        target_year=2025,
        years=years,
        lower_is_better=inp["lower"],
        comparator=inp["comparator"],
        compound=inp["compound"],
        annual_growth_pct=np.where(inp["compound"], 10.0, np.nan),
    )
    mismatches = []
    for r in range(40):
        for i in range(12):
            for k, year in enumerate(years):
                batch = (SCHEDULE_CODES[res.schedule[r, i, k]], TREND_CODES[res.trend[r, i, k]])
                scalar = _scalar(inp, r, i, year, k)
                if batch != scalar:
                    mismatches.append((r, i, year, batch, scalar))
    assert mismatches == []
    assert len({int(c) for c in np.unique(res.schedule)}) >= 6  # the data exercise most verdicts


def test_batch_benchmark_3200_regions() -> None:
    inp = _random_inputs(1, 3200, 20, 10)
    start = time.perf_counter()
    res = evaluate_batch(
        inp["baseline"],
        inp["target"],
        inp["actual"],
        baseline_year=2020,
        target_year=2030,
        years=range(2021, 2031),
        lower_is_better=inp["lower"],
        comparator=inp["comparator"],
        compound=inp["compound"],
    )
    elapsed = time.perf_counter() - start
    assert res.schedule.shape == (3200, 20, 10)
    assert elapsed < 1.0, f"{elapsed:.3f}s"


def test_batch_time_progress_and_completion() -> None:
    res = evaluate_batch(
        [[100.0]],
        [[200.0]],
        [[[160.0, np.nan]]],
        baseline_year=2020,
        target_year=2025,
        years=[2023, 2024],
    )
    assert res.time_progress[0, 0].tolist() == pytest.approx([0.6, 0.8])
    assert res.completion[0, 0, 0] == pytest.approx(0.6)
    assert math.isnan(res.completion[0, 0, 1])
    # 60 % of the way after 60 % of the time: on schedule; no 2024 value: no verdict (code 0)
    assert SCHEDULE_CODES[res.schedule[0, 0, 0]] == ScheduleStatus.ON_TRACK
    assert res.schedule[0, 0, 1] == 0
