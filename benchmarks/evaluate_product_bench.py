"""Evaluation on the path the product uses: every plan of a province-sized database.

The pages, the JSON API, the public page and every report format show one object,
``workflow.overview.plan_evaluation`` (see docs/methodology.md). This benchmark stores
``PLANS`` plans (the five bundled sample plans, each under many synthetic counties) with yearly
actuals in a SQLite file, then times that function over all of them, for one year. Baseline,
measured in the same run: reading each plan and its actuals from the database (``latest_plan`` +
``best_actuals``), the least any evaluation of a stored plan must do.

The vectorised ``evaluate.batch`` evaluator judges many plans at once for the dashboards and
the comparison (national_bench.py); this benchmark is the one-plan path.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from planwatch.actions import extract_file
from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.reports.build import Report
from planwatch.storage import best_actuals, import_plan, latest_plan, open_storage, record_actuals
from planwatch.storage.engine import Storage
from planwatch.workflow.overview import plan_evaluation

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "planwatch" / "data" / "samples"
COUNTIES = 30  # × 5 sample plans = 150 plans, about one province's counties
YEAR = 2024


def _clone(plan: Plan, county: int) -> Plan:
    copy = plan.model_copy(deep=True)
    copy.meta.region = f"{plan.meta.region or '样例'}{county}"
    copy.meta.title = f"{plan.meta.title}（{county}）"
    return copy


def _actuals(plan: Plan, county: int) -> list[Actual]:
    rows = []
    for ind in plan.indicators:
        if ind.baseline is None or ind.target is None or ind.baseline_year is None:
            continue
        for year in range(ind.baseline_year + 1, YEAR + 1):
            share = (year - ind.baseline_year) / 5 * (0.6 + 0.1 * (county % 7))
            value = ind.baseline + (ind.target - ind.baseline) * share
            rows.append(Actual(indicator=ind.name, year=year, value=round(value, 3),
                               unit=ind.unit))
    return rows


def build(store: Storage) -> list[int]:
    samples = [extract_file(p) for p in sorted(SAMPLES.glob("*.txt"))]
    ids = []
    for county in range(COUNTIES):
        for plan in samples:
            clone = _clone(plan, county)
            plan_id = import_plan(store, clone, f"{clone.meta.title}.txt", None, "bench").plan_id
            rows = _actuals(clone, county)
            if rows:
                record_actuals(store, plan_id, rows, "bench", "基准测试")
            ids.append(plan_id)
    return ids


def _read(store: Storage, plan_id: int) -> object:
    return latest_plan(store, plan_id), best_actuals(store, plan_id)


def _evaluate(store: Storage, plan_id: int) -> Report:
    plan = latest_plan(store, plan_id)
    assert plan is not None
    return plan_evaluation(store, plan_id, plan, YEAR)


def _median_seconds(store: Storage, ids: list[int], fn: object, repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for plan_id in ids:
            fn(store, plan_id)  # type: ignore[operator]
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_storage(f"sqlite:///{Path(tmp) / 'province.db'}")
        t0 = time.perf_counter()
        ids = build(store)
        built = time.perf_counter() - t0
        rows = sum(len(_evaluate(store, i).indicators) for i in ids)
        read = _median_seconds(store, ids, _read)
        full = _median_seconds(store, ids, _evaluate)
        store.close()
    n = len(ids)
    print(f"== evaluation on the product path (workflow.overview.plan_evaluation), {n} stored "
          f"plans, {rows} indicator rows, year {YEAR} ==")
    print(f"database built in {built:.1f} s")
    print(f"evaluate every plan: {full:.2f} s ({n / full:.0f} plans/s, "
          f"{full / n * 1000:.1f} ms per plan); baseline read-only {read:.2f} s; "
          f"ratio {full / read:.1f}")


if __name__ == "__main__":
    main()
