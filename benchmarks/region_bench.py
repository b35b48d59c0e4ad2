"""The province views on the product's own path: one province with its 16 cities and their
counties, each with a simulated plan (``workflow.demo_life``: 7 indicator rows, 2020 base,
2021–2025 values — synthetic, labelled so), stored in a database. Timed cold (a new
connection and empty caches each run): the province dashboard, the composite index with 1,000
Monte Carlo draws, the target cascade and the comparison of the 16 cities — each as the web
page calls it — on SQLite and, when the local server is reachable, on PostgreSQL. Baseline
measured in the same run: reading every city's plan and its values from the database
(``latest_plan`` + ``best_actuals``), the least any of these views must do.

The national load (3,200 regions in PostgreSQL, the pages rendered) is national_bench.py; the
dashboard and the comparison judge their plans with the batch evaluator
(``evaluate.batch_plans``), the verdicts of the one evaluation view."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.pg import throwaway_database
from planwatch.catalog.regions import RegionInfo, lookup, prefectures
from planwatch.model.plan import Plan
from planwatch.storage import best_actuals, import_plan, latest_plan, open_storage
from planwatch.storage.engine import Storage
from planwatch.storage.regions import list_regions
from planwatch.workflow.demo import record_stated, stated_values
from planwatch.workflow.demo_life import (
    SIMULATED_SOURCE,
    simulated_city_plan,
    simulated_plans,
    simulated_series,
)
from planwatch.workflow.principal import SYSTEM
from planwatch.workflow.region_cascade import region_cascade
from planwatch.workflow.region_dashboard import compare_regions, region_dashboard
from planwatch.workflow.region_index import find_region, region_index

PROVINCE = "山东省"
COUNTIES_PER_CITY = 8
YEAR = 2025
RUNS = 3


def _county_plan(city: RegionInfo, n: int, seed: int) -> Plan:
    plan = simulated_city_plan(city, PROVINCE, seed)
    county = f"{city.name[:-1]}第{n}区"
    plan.meta.title = (plan.meta.title or "").replace(city.name, county)
    plan.meta.region, plan.meta.region_level, plan.meta.parent_region = county, "district", \
        city.name
    return plan


def _store_plan(store: Storage, name: str, plan: Plan) -> None:
    plan_id = import_plan(store, plan, name, None, SYSTEM.username).plan_id
    rows = [a.model_copy(update={"source": SIMULATED_SOURCE}) for a in stated_values(plan)]
    rows += [a for k, ind in enumerate(plan.indicators) for a in simulated_series(ind, k, YEAR)]
    record_stated(store, plan_id, rows)


def build(url: str) -> int:
    """The synthetic province in the database at ``url``; returns how many plans it holds."""
    store = open_storage(url)
    cities = sorted((p for p in prefectures() if p.parent == PROVINCE), key=lambda p: p.name)
    count = 0
    for i, city in enumerate(cities):
        for n in range(1, COUNTIES_PER_CITY + 1):
            _store_plan(store, f"{city.name}-{n}.json", _county_plan(city, n, 5000 + 100 * i + n))
            count += 1
    for name, plan in simulated_plans(PROVINCE, []):
        _store_plan(store, name, plan)
        count += 1
    store.close()
    return count


def _cold(url: str, work: Callable[[Storage], object]) -> float:
    times = []
    for _ in range(RUNS):
        store = open_storage(url)
        start = time.perf_counter()
        work(store)
        times.append(time.perf_counter() - start)
        store.close()
    return statistics.median(times)


def _read_cities(store: Storage) -> None:
    province = find_region(store, PROVINCE)
    ids = {r.id for r in list_regions(store, parent=province.id)}
    from planwatch.storage.plans import list_plans

    for p in list_plans(store):
        if p.region_id in ids:
            latest_plan(store, p.id)
            best_actuals(store, p.id)


def _views() -> list[tuple[str, Callable[[Storage], object]]]:
    def dashboard(store: Storage) -> object:
        return region_dashboard(store, SYSTEM, find_region(store, PROVINCE), YEAR)

    def index(store: Storage) -> object:
        return region_index(store, SYSTEM, find_region(store, PROVINCE), YEAR, draws=1000)

    def cascade(store: Storage) -> object:
        return region_cascade(store, SYSTEM, find_region(store, PROVINCE))

    def compare(store: Storage) -> object:
        cities = list_regions(store, parent=find_region(store, PROVINCE).id)
        return compare_regions(store, SYSTEM, cities, YEAR)

    return [("dashboard (16 cities evaluated)", dashboard),
            ("index, 1,000 Monte Carlo draws", index), ("target cascade", cascade),
            ("compare 16 cities", compare)]


def measure(label: str, url: str) -> None:
    start = time.perf_counter()
    plans = build(url)
    built = time.perf_counter() - start
    base = _cold(url, _read_cities)
    print(f"province views, {plans} synthetic plans (16 cities × {COUNTIES_PER_CITY} "
          f"counties + cities + province) in {label}, built in {built:.1f} s; cold, "
          f"median of {RUNS}")
    print(f"  baseline: read the 16 city plans and their values   {base * 1000:7.1f} ms")
    for name, work in _views():
        t = _cold(url, work)
        print(f"  {name:<34} {t * 1000:7.1f} ms   ×{t / base:.1f} of the baseline "
              f"(goal < 1 s: {'met' if t < 1 else 'NOT met'})")


def main() -> None:
    assert lookup(PROVINCE)
    with tempfile.TemporaryDirectory() as tmp:
        measure("SQLite", f"sqlite:///{Path(tmp) / 'province.db'}")
    with throwaway_database() as url:
        if url is None:
            print("  PostgreSQL: not reachable, not measured")
            return
        measure("PostgreSQL", url)


if __name__ == "__main__":
    main()
