"""National scale on the product path: 3,200 regions (31 provinces → 310 cities → 2,859
counties) × 20 indicators × 10 years in PostgreSQL — SYNTHETIC data (regions 模拟省01…, plans
titled （模拟数据·基准测试）, values sourced 模拟数据（基准测试）), written with COPY into a
throwaway database that is dropped at the end — each plan version's evaluation rows too, by the
product's own derivation (``evaluate.rows``, as ``import_plan`` stores them), the latest value
per plan and name (``actuals_latest``, as every write keeps it) — and VACUUM ANALYZE after the
load.

Timed cold — a new database connection and the process's caches cleared before each run,
median of 3 — each as a signed-in user's browser gets it (the page through the web app:
session check, database reads, evaluation, HTML rendering):

* the national dashboard (/national/dashboard): the 31 provinces' own plans, each row with the
  3,199 regions under them summed — every plan of the country judged by the batch evaluator;
* a province dashboard (/regions/{id}/dashboard): its 10 cities and their counties;
* the national index with 1,000 Monte Carlo draws (the provinces; /api/v1/national/index).

Baseline measured in the same run on the same database: a straightforward pandas
implementation of the same work — ``pd.read_sql`` of the tables, the latest value per
indicator by sort + groupby, one verdict per row with ``DataFrame.apply`` (level targets, the
schedule rule), sums per province with ``groupby`` and the matrix as ``DataFrame.to_html``; for
the index ``benchmarks.index_bench``'s pandas steps on the values read with ``pd.read_sql``
(Monte Carlo over 100 draws, scaled ×10). The pandas dashboard is simpler than the product's
(no 年均增速, 〔累计〕 or rate rows, no 预警, no unit checks): a lower bound of the pandas way.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from benchmarks import index_bench
from benchmarks.pg import throwaway_database
from planwatch import actions
from planwatch.catalog import names as catalog_names
from planwatch.catalog.indicators import CatalogIndicator, load_catalog
from planwatch.evaluate.index_framework import load_framework
from planwatch.evaluate.rows import dump_rows, evaluation_rows
from planwatch.model.plan import Indicator, Meta, Plan
from planwatch.settings import Settings
from planwatch.storage import Storage, open_storage
from planwatch.storage.actuals import rebuild_latest
from planwatch.storage.plans import canonical_json
from planwatch.web import create_app
from planwatch.workflow import region_dashboard, region_index
from planwatch.workflow.principal import SYSTEM

PROVINCES, CITIES, REGIONS = 31, 10, 3200
INDICATORS, BASE_YEAR, LAST_YEAR = 20, 2015, 2025
YEARS = range(BASE_YEAR + 1, LAST_YEAR + 1)  # 10 years of values
RUNS = 3
PASSWORD = "correct-horse-9"
SOURCE = "模拟数据（基准测试）"
TITLE = "（模拟数据·基准测试）"
PACES = (1.3, 1.0, 0.85, 0.5, -0.1)


# ---------------------------------------------------------------- synthetic data


def tree() -> list[tuple[int, str, str, int | None]]:
    """(id, name, level, parent id): 31 provinces, 10 cities each, the rest counties."""
    rows: list[tuple[int, str, str, int | None]] = []
    counties = REGIONS - PROVINCES - PROVINCES * CITIES
    cities: list[int] = []
    for p in range(PROVINCES):
        pid = len(rows) + 1
        rows.append((pid, f"模拟省{p + 1:02d}", "province", None))
        for c in range(CITIES):
            cid = len(rows) + 1
            rows.append((cid, f"模拟省{p + 1:02d}市{c + 1:02d}", "city", pid))
            cities.append(cid)
    for n in range(counties):
        parent = cities[n % len(cities)]
        rows.append((len(rows) + 1, f"{rows[parent - 1][1]}县{n // len(cities) + 1:02d}",
                     "county", parent))
    return rows


@lru_cache(maxsize=1)
def catalogue_rows() -> list[CatalogIndicator]:
    """The index framework's indicators, then other catalogue ones: 20 in all."""
    framework = load_framework().codes()
    rows = sorted((c for c in load_catalog().indicators if "growth" not in c.code),
                  key=lambda c: c.code not in framework)
    return rows[:INDICATORS]


@dataclass(frozen=True)
class Synthetic:
    """Every plan's 20 rows as arrays (plans × indicators): base, growth, printed target (NaN:
    set by 年均增速), the pace each row travels."""

    base: np.ndarray
    growth: np.ndarray
    target: np.ndarray
    pace: np.ndarray

    @classmethod
    def draw(cls, rng: np.random.Generator) -> Synthetic:
        shape = (REGIONS, INDICATORS)
        base = np.round(rng.lognormal(3.0, 1.0, shape), 2)
        growth = np.round(rng.uniform(3, 12, shape), 1)
        target = np.round(base * (1 + growth / 100) ** 10, 2)
        target[:, 3::4] = np.nan  # every 4th row set by 年均增速
        pace = np.array(PACES)[(np.arange(INDICATORS) + rng.integers(0, 5, shape)) % 5]
        return cls(base, growth, target, pace)

    def indicators(self, r: int) -> list[Indicator]:
        """Plan ``r``'s rows: the catalogue's names and units, every 5th 约束性."""
        out = []
        for k, c in enumerate(catalogue_rows()):
            target = None if math.isnan(self.target[r, k]) else float(self.target[r, k])
            out.append(Indicator(
                name=c.name_zh, unit=c.unit, baseline_year=BASE_YEAR,
                baseline=float(self.base[r, k]), target_year=LAST_YEAR, target=target,
                annual_growth_pct=float(self.growth[r, k]) if target is None else None,
                attribute="约束性" if k % 5 == 0 else "预期性", line=k + 1))
        return out

    def actuals(self, rng: np.random.Generator) -> pd.DataFrame:
        """(plan, row, year, value, status): each row on its pace with ±10 % noise, 10 % of
        the years missing, 5 % with a provisional figure beside the final one."""
        years = np.array(YEARS)
        resolved = np.where(np.isnan(self.target), self.base * (1 + self.growth / 100) ** 10,
                            self.target)
        share = ((years - BASE_YEAR) / (LAST_YEAR - BASE_YEAR))[None, None, :] \
            * self.pace[..., None] * rng.uniform(0.9, 1.1, (REGIONS, INDICATORS, len(years)))
        value = np.round(self.base[..., None] + (resolved - self.base)[..., None] * share, 3)
        r, k, y = np.meshgrid(np.arange(REGIONS), np.arange(INDICATORS), years, indexing="ij")
        keep = rng.random(value.shape) >= 0.1
        final = pd.DataFrame({"plan": r[keep] + 1, "row": k[keep], "year": y[keep],
                              "value": value[keep], "status": "final"})
        extra = final[rng.random(len(final)) < 0.05].assign(
            value=lambda d: np.round(d["value"] * 0.98, 3), status="provisional")
        return pd.concat([final, extra], ignore_index=True)


def plan_of(name: str, level: str, parent: str | None, rows: list[Indicator]) -> Plan:
    return Plan(doc=f"{name}.json", meta=Meta(
        title=f"{name}“十三五”至“十四五”科技创新规划{TITLE}", region=name, region_level=level,
        parent_region=parent, doc_type="plan", period_start=BASE_YEAR + 1,
        period_end=LAST_YEAR), indicators=rows)


def _copy(conn: Any, table: str, columns: str, rows: Iterator[tuple[Any, ...]]) -> int:
    n = 0
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as cp:
        for row in rows:
            cp.write_row(row)
            n += 1
    return n


def generate(store: Storage) -> dict[str, int]:
    """Write the synthetic country with COPY (the schema is the migrated one)."""
    rng = np.random.default_rng(20)
    regions = tree()
    now = datetime.now(UTC)
    data = Synthetic.draw(rng)
    plans = [(r[0], r[1], r[2], regions[r[3] - 1][1] if r[3] else None,
              plan_of(r[1], r[2], regions[r[3] - 1][1] if r[3] else None,
                      data.indicators(r[0] - 1)))
             for r in regions]
    counts: dict[str, int] = {}
    raw = store.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None
        counts["regions"] = _copy(conn, "regions", "id, name, level, parent_id",
                                  iter(regions))
        counts["plans"] = _copy(conn, "plans", "id, region_id, title, doc_type, period_start, "
                                "period_end, created_at, created_by",
                                ((rid, rid, p.meta.title, "plan", BASE_YEAR + 1, LAST_YEAR, now,
                                  "bench") for rid, _, _, _, p in plans))

        def versions() -> Iterator[tuple[Any, ...]]:
            for rid, _, _, _, p in plans:
                doc = canonical_json(p)
                yield (rid, rid, 1, doc, hashlib.sha256(doc.encode()).hexdigest(),
                       f"{p.meta.region}.json", now, "bench")

        counts["plan_versions"] = _copy(conn, "plan_versions", "id, plan_id, version_no, "
                                        "plan_json, content_sha256, source_name, imported_at, "
                                        "imported_by", versions())
        counts["evaluation_rows"] = _copy(conn, "evaluation_rows", "version_id, rows_json",
                                          ((rid, dump_rows(evaluation_rows(p)))
                                           for rid, _, _, _, p in plans))
        codes = [c.code for c in catalogue_rows()]

        def indicator_rows() -> Iterator[tuple[Any, ...]]:
            for rid, _, _, _, p in plans:
                for k, i in enumerate(p.indicators):
                    yield ((rid - 1) * INDICATORS + k + 1, rid, k, "indicator", i.name, i.unit,
                           codes[k], i.baseline_year, i.baseline, i.target_year, i.target, "=",
                           i.annual_growth_pct, i.attribute)

        counts["indicators"] = _copy(conn, "indicators", "id, version_id, position, role, name, "
                                     "unit, catalog_code, baseline_year, baseline, target_year, "
                                     "target, target_comparator, annual_growth_pct, attribute",
                                     indicator_rows())

        def target_rows() -> Iterator[tuple[Any, ...]]:
            for rid, _, _, _, p in plans:
                for k, i in enumerate(p.indicators):
                    if i.target is not None:
                        yield (rid, (rid - 1) * INDICATORS + k + 1, "indicator", k, i.name,
                               codes[k], i.unit, "=", "level", "by_year", i.target_year,
                               i.target, i.target_year, i.target)

        counts["targets"] = _copy(conn, "targets", "version_id, indicator_id, origin, "
                                  "position, subject, catalog_code, unit, comparator, kind, "
                                  "period, year, value, original_year, original_value",
                                  target_rows())

        values = data.actuals(rng)
        rows = catalogue_rows()
        table = pd.DataFrame({
            "plan_id": values["plan"], "indicator": [rows[k].name_zh for k in values["row"]],
            "catalog_code": [codes[k] for k in values["row"]], "year": values["year"],
            "value": values["value"], "unit": [rows[k].unit for k in values["row"]],
            "status": values["status"], "source": SOURCE, "recorded_at": now.isoformat(),
            "submitted_by": "bench"})
        with conn.cursor() as cur, cur.copy(
                f"COPY actuals ({', '.join(table.columns)}) FROM STDIN") as cp:
            cp.write(table.to_csv(sep="\t", header=False, index=False))
        counts["actuals"] = len(table)
        cur = conn.cursor()
        for table in ("regions", "plans", "plan_versions", "indicators"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
        conn.commit()
        with store.atomic() as sa:  # the latest value per plan and name, as writes keep it
            rebuild_latest(sa)
            counts["actuals_latest"] = int(sa.execute(text(
                "SELECT count(*) FROM actuals_latest")).scalar_one())
        # A database filled over the years is kept vacuumed by autovacuum; right after a bulk
        # COPY the visibility map is empty and every index-only scan visits the heap (1.8 M
        # heap fetches for the latest-actual query, measured). VACUUM needs autocommit.
        conn.autocommit = True
        cur.execute("VACUUM ANALYZE")
        conn.autocommit = False
    finally:
        raw.close()
    return counts


# ---------------------------------------------------------------- the straightforward pandas way


def _verdict(a: float, b: float, t: float, y0: int, y_t: int, year: int) -> str:
    """The schedule rule on one row, plain Python (level targets, higher is better)."""
    if math.isnan(a):
        return "no_data"
    if math.isnan(t):
        return "not_evaluable"
    if a >= t:
        return "achieved" if year >= y_t else "achieved_early"
    if a < b:
        return "regressing"
    if year >= y_t:
        return "missed"
    diff = (a - b) / (t - b) - min((year - y0) / (y_t - y0), 1.0)
    return "ahead" if diff > 0.05 else "behind" if diff < -0.05 else "on_track"


def pandas_dashboard(url: str, year: int, province: str | None) -> str:
    """The dashboard the pandas way: read, latest per row, verdict per row, sums, HTML."""
    engine = create_engine(url)
    with engine.connect() as conn:
        regions = pd.read_sql("SELECT id, name, parent_id FROM regions", conn)
        rows = pd.read_sql(
            "SELECT p.region_id, i.name, i.baseline, i.baseline_year, i.target, i.target_year "
            "FROM indicators i JOIN plan_versions v ON v.id = i.version_id "
            "JOIN plans p ON p.id = v.plan_id WHERE i.role = 'indicator'", conn)
        values = pd.read_sql(text("SELECT p.region_id, a.indicator AS name, a.year, a.value, "
                                  "a.status FROM actuals a JOIN plans p ON p.id = a.plan_id "
                                  "WHERE a.year <= :y"), conn, params={"y": year})
    engine.dispose()
    values["final"] = values["status"] == "final"
    latest = values.sort_values(["region_id", "name", "year", "final"]).groupby(
        ["region_id", "name"]).tail(1)
    df = rows.merge(latest, on=["region_id", "name"], how="left")
    df["verdict"] = df.apply(lambda r: _verdict(r["value"], r["baseline"], r["target"],
                                                r["baseline_year"], r["target_year"],
                                                r["year"] if not math.isnan(r["year"]) else year),
                             axis=1)
    parent = dict(zip(regions["id"], regions["parent_id"], strict=True))
    top_id = None if province is None else int(regions.loc[regions["name"] == province,
                                                           "id"].iloc[0])

    def top(rid: int) -> int | None:  # the sub-region of the dashboard this region is under
        while rid is not None and parent.get(rid) != top_id:
            rid = parent.get(rid)
        return rid

    df["top"] = df["region_id"].map(top)
    df = df[df["top"].notna()]
    own = df[df["region_id"] == df["top"]].pivot(index="region_id", columns="name",
                                                 values="verdict")
    below = df[df["region_id"] != df["top"]].groupby(["top", "verdict"]).size().unstack(
        fill_value=0)
    return own.join(below, how="left").to_html()


def pandas_index(url: str, year: int) -> float:
    """The national index the pandas way (index_bench's steps on the provinces' values);
    returns the seconds, the Monte Carlo measured over 100 draws and scaled ×10."""
    start = time.perf_counter()
    engine = create_engine(url)
    with engine.connect() as conn:
        df = pd.read_sql("SELECT p.region_id AS region, a.catalog_code AS code, a.year, "
                         "a.value FROM actuals a JOIN plans p ON p.id = a.plan_id JOIN regions "
                         "r ON r.id = p.region_id WHERE r.parent_id IS NULL AND "
                         "a.status = 'final'", conn)
    engine.dispose()
    fw = load_framework()
    df = df[df["code"].isin(fw.codes())]
    prep = index_bench.pandas_prepare(df)
    nominal = pd.Series(fw.weights(), index=fw.codes())
    index_bench.pandas_scores(prep, nominal, "minmax", "arithmetic", year=year)
    read = time.perf_counter() - start
    start = time.perf_counter()
    index_bench.pandas_monte_carlo(prep, nominal, 100, year=year)
    return read + (time.perf_counter() - start) * 10


# ---------------------------------------------------------------- timing


def clear_caches() -> None:
    """Every process-level cache the measured path uses."""
    region_dashboard.clear_caches()
    region_index.clear_caches()
    for fn in (catalog_names.name_key, catalog_names.canonical_name):
        fn.cache_clear()


def cold(store: Storage, work: Callable[[], object]) -> float:
    """Median of RUNS runs, each on a new connection with the caches cleared."""
    times = []
    for _ in range(RUNS):
        store.engine.dispose()
        clear_caches()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_of(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _get(client: TestClient, path: str) -> str:
    r = client.get(path)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    return r.text


def measure(url: str) -> None:
    start = time.perf_counter()
    store = open_storage(url)
    counts = generate(store)
    built = time.perf_counter() - start
    actions.add_user(store, SYSTEM, "bench", PASSWORD, "viewer", None)
    client = TestClient(create_app(Settings(database_url=url), store))
    r = client.post("/api/v1/auth/login", json={"username": "bench", "password": PASSWORD})
    assert r.status_code == 200, r.text
    province = actions.find_region(store, "模拟省01")
    year = LAST_YEAR
    html = _get(client, f"/national/dashboard?year={year}")
    assert html.count('scope="row"') == PROVINCES
    nat = json.loads(_get(client, f"/api/v1/national/dashboard?year={year}"))
    below = sum(s["below"]["regions"] for s in nat["subregions"])
    assert below + PROVINCES == REGIONS, below
    judged = sum(s["below"]["cells"] for s in nat["subregions"])

    t_nat = cold(store, lambda: _get(client, "/national/dashboard"))
    t_prov = cold(store, lambda: _get(client, f"/regions/{province.id}/dashboard"))
    t_nat_wf = cold(store, lambda: region_dashboard.region_dashboard(store, SYSTEM, None))
    t_index = cold(store, lambda: _get(client, f"/api/v1/national/index?year={year}"
                                               "&draws=1000"))
    p_nat = median_of(lambda: pandas_dashboard(url, year, None), runs=1)
    p_prov = median_of(lambda: pandas_dashboard(url, year, "模拟省01"), runs=1)
    p_index = pandas_index(url, year)
    client.close()
    store.close()
    print(f"national scale on the product path, PostgreSQL (SYNTHETIC data: {REGIONS:,} regions"
          f" = {PROVINCES} provinces → {PROVINCES * CITIES} cities → "
          f"{REGIONS - PROVINCES * (CITIES + 1):,} counties, one plan each, {INDICATORS} "
          f"indicators, {len(YEARS)} years)")
    print(f"  generated with COPY in {built:.1f} s: " + ", ".join(
        f"{n:,} {t}" for t, n in counts.items()))
    print(f"  cold (new connection, caches cleared), median of {RUNS}; pandas measured once "
          "in the same run on the same database; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    def line(name: str, t: float, goal: float, p: float, note: str = "") -> None:
        print(f"  {name:<44} {t * 1000:7.0f} ms  goal < {goal:.0f} s: "
              f"{'met' if t < goal else 'NOT met'}   pandas {p * 1000:7.0f} ms "
              f"(×{p / t:.1f}){note}")

    line(f"national dashboard page ({judged:,} cells judged)", t_nat, 1, p_nat)
    print(f"    of which the workflow (reads + batch evaluation) {t_nat_wf * 1000:7.0f} ms")
    line("province dashboard page (10 cities + counties)", t_prov, 1, p_prov)
    line("national index, 1,000 Monte Carlo draws (API)", t_index, 2, p_index,
         " (pandas Monte Carlo: 100 draws ×10)")


def main() -> None:
    with throwaway_database("bench_national") as url:
        if url is None:
            print("national scale: PostgreSQL not reachable, not measured")
            return
        measure(url)


if __name__ == "__main__":
    main()
