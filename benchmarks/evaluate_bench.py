"""Library micro-benchmark: 3,200 regions × 20 indicators × 10 years.

The function itself, on arrays; the product path that uses it — the dashboards and the
comparison, reading 3,200 regions from PostgreSQL and rendering the page — is measured in
national_bench.py.

planwatch's vectorised evaluator (planwatch.evaluate.batch) against a straightforward pandas
implementation that walks the same long table row by row (itertuples) computing the schedule
verdict for each (region, indicator, year) — both measured in this run, on the same data.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pandas as pd

from planwatch.evaluate.batch import SCHEDULE_CODES, evaluate_batch
from planwatch.model.evaluation import ScheduleStatus

REGIONS, INDICATORS, YEARS = 3200, 20, 10
BAND = 0.05


def synthetic(seed: int = 7) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    base = rng.uniform(10, 1000, (REGIONS, INDICATORS))
    target = base * rng.uniform(1.05, 2.5, (REGIONS, INDICATORS))
    growth = rng.normal(0.08, 0.06, (REGIONS, INDICATORS, 1))
    steps = np.arange(1, YEARS + 1).reshape(1, 1, -1)
    actual = base[..., None] * (1 + growth) ** steps
    actual[rng.random(actual.shape) < 0.1] = np.nan
    return {"baseline": base, "target": target, "actual": actual,
            "years": np.arange(2021, 2021 + YEARS)}


def run_batch(d: dict[str, np.ndarray]) -> np.ndarray:
    res = evaluate_batch(d["baseline"], d["target"], d["actual"], baseline_year=2020,
                         target_year=2030, years=d["years"])
    return res.schedule


def long_table(d: dict[str, np.ndarray]) -> pd.DataFrame:
    r, i, y = np.meshgrid(np.arange(REGIONS), np.arange(INDICATORS), np.arange(YEARS),
                          indexing="ij")
    return pd.DataFrame({
        "region": r.ravel(), "indicator": i.ravel(), "year": d["years"][y.ravel()],
        "baseline": d["baseline"][r.ravel(), i.ravel()],
        "target": d["target"][r.ravel(), i.ravel()], "actual": d["actual"].ravel(),
    })


def verdict(a: float, b: float, t: float, year: int) -> ScheduleStatus | None:
    """One schedule verdict, plain Python arithmetic (level targets, higher is better)."""
    if math.isnan(a):
        return None
    if a >= t:
        return ScheduleStatus.ACHIEVED if year >= 2030 else ScheduleStatus.ACHIEVED_EARLY
    if a < b:
        return ScheduleStatus.REGRESSING
    if year >= 2030:
        return ScheduleStatus.MISSED
    diff = (a - b) / (t - b) - min((year - 2020) / 10, 1.0)
    if diff > BAND:
        return ScheduleStatus.AHEAD
    return ScheduleStatus.BEHIND if diff < -BAND else ScheduleStatus.ON_TRACK


def pandas_apply(df: pd.DataFrame) -> list[ScheduleStatus | None]:
    """The straightforward pandas way: DataFrame.apply(…, axis=1), one call per row."""
    res = df.apply(lambda r: verdict(r["actual"], r["baseline"], r["target"], r["year"]), axis=1)
    return [x if isinstance(x, ScheduleStatus) else None for x in res]


def pandas_itertuples(df: pd.DataFrame) -> list[ScheduleStatus | None]:
    """A faster row loop (itertuples), for a second, harder baseline."""
    return [verdict(r.actual, r.baseline, r.target, r.year) for r in df.itertuples(index=False)]


def timed(fn: object, *args: object) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn(*args)  # type: ignore[operator]
    return time.perf_counter() - t0, out


def main() -> None:
    d = synthetic()
    df = long_table(d)
    run_batch(d)  # warm-up
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        codes = run_batch(d)
        times.append(time.perf_counter() - t0)
    fast = sorted(times)[len(times) // 2]
    slow, slow_result = timed(pandas_apply, df)
    loop, loop_result = timed(pandas_itertuples, df)
    batch_statuses = [SCHEDULE_CODES[c] for c in codes.ravel()]
    agree = sum(x == y for x, y in zip(batch_statuses, slow_result, strict=True)) / len(df)
    assert loop_result == slow_result
    cells = REGIONS * INDICATORS * YEARS
    print("== library micro-benchmark (evaluate.batch on arrays; the product path: "
          "national_bench) ==")
    print(f"== {REGIONS} regions × {INDICATORS} indicators × {YEARS} years "
          f"= {cells:,} values ==")
    print(f"planwatch batch (median of 5): {fast:.3f} s   (goal < 1 s: "
          f"{'OK' if fast < 1 else 'over goal'})")
    print(f"pandas row-by-row (DataFrame.apply axis=1): {slow:.3f} s   speed-up ×{slow / fast:.1f}"
          f" (goal ≥ 20×)")
    print(f"pandas itertuples loop (harder baseline):   {loop:.3f} s   speed-up ×{loop / fast:.1f}")
    print(f"verdicts agreeing with the baseline: {agree:.2%}")


if __name__ == "__main__":
    main()
