"""The composite index of a region's sub-regions (下级地区综合指数): the values each sub-region's
own stored plans hold (final where reported, else provisional), mapped onto the canonical
catalogue, then :func:`planwatch.evaluate.index.compute_index` and the uncertainty analysis.
Archived plans and plans the actor may not see are left out."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from planwatch.catalog.indicators import IndicatorMatch, match_indicator
from planwatch.errors import PlanwatchError
from planwatch.evaluate.index import IndexData, IndexValue, compute_index
from planwatch.evaluate.index_framework import IndexFramework, load_framework
from planwatch.evaluate.index_uncertainty import index_uncertainty
from planwatch.reports.index_report import IndexReport
from planwatch.storage import Storage
from planwatch.storage.departments import region_by_name
from planwatch.storage.region_reads import best_actuals_of, plan_heads
from planwatch.storage.regions import RegionRecord, get_region, list_regions
from planwatch.workflow.errors import NotFound
from planwatch.workflow.principal import Actor

SIMULATED_SOURCE_MARK = "模拟"
"""A value whose source names it simulated (``模拟数据（演示用）``) marks its region."""


def find_region(store: Storage, ref: str) -> RegionRecord:
    """A region by id or name (404 with a bilingual message when there is none)."""
    region_id = int(ref) if ref.isdigit() else region_by_name(store, ref)
    record = None if region_id is None else get_region(store, region_id)
    if record is None or (not ref.isdigit() and record.name != ref.strip()):
        raise NotFound(f"没有名为“{ref}”的地区", f"no region called {ref!r}")
    return record


@lru_cache(maxsize=8192)
def _match(name: str, unit: str | None) -> IndicatorMatch | None:
    return match_indicator(name, unit)


def clear_caches() -> None:
    """Forget the memoised catalogue matches (benchmarks measure cold)."""
    _match.cache_clear()


def index_values(store: Storage, actor: Actor, region_ids: set[int],
                 codes: set[str]) -> tuple[list[IndexValue], set[tuple[str, int]]]:
    """Values of catalogue indicators ``codes`` in the regions' own plans that ``actor`` may
    see (archived plans left out), and the (region, year) cells holding simulated values —
    read in two set-based queries however many regions."""
    rows: list[IndexValue] = []
    simulated: set[tuple[str, int]] = set()
    plans = plan_heads(store, region_ids, public_only=False)  # two queries in all
    values = best_actuals_of(store, [p.id for p in plans])
    for plan in plans:
        for actual in values.get(plan.id, []):
            match = _match(actual.indicator, actual.unit)
            if match is None or match.code not in codes:
                continue
            rows.append(IndexValue(str(plan.region_id), match.code, actual.year,
                                   actual.value * match.factor))
            if actual.source and SIMULATED_SOURCE_MARK in actual.source:
                simulated.add((str(plan.region_id), actual.year))
    return rows, simulated


def default_year(rows: list[IndexValue]) -> int:
    """The latest year in which at least two regions have values (else the latest year)."""
    regions_by_year: dict[int, set[str]] = {}
    for row in rows:
        regions_by_year.setdefault(row.year, set()).add(row.region)
    if not regions_by_year:
        raise PlanwatchError("下级地区的规划中没有可用于综合指数的指标数据",
                             "the sub-regions' plans hold no values of the index's indicators")
    compared = [y for y, names in regions_by_year.items() if len(names) >= 2]
    return max(compared or regions_by_year)


def region_index(store: Storage, actor: Actor, region: RegionRecord | None,
                 year: int | None = None,
                 *, base_year: int | None = None, framework: IndexFramework | None = None,
                 framework_path: Path | None = None, draws: int | None = None,
                 uncertainty: bool = True) -> IndexReport:
    """The index of ``region``'s direct sub-regions (None: the country's provinces) in
    ``year`` (default: the latest year two of them have values for)."""
    fw = framework or load_framework(framework_path)
    children = list_regions(store, parent=None if region is None else region.id)
    name = "全国" if region is None else region.name
    if len(children) < 2:
        raise PlanwatchError(f"{name}的下级地区不足两个，无法比较",
                             f"{name} has fewer than two sub-regions to compare")
    rows, simulated = index_values(store, actor, {c.id for c in children}, set(fw.codes()))
    year = year if year is not None else default_year(rows)
    data = IndexData.from_values(fw.codes(), rows, regions=[str(c.id) for c in children])
    result = compute_index(fw, data, year, base_year)
    spread = (index_uncertainty(fw, data, year, draws=draws) if uncertainty else None)
    return IndexReport(region_name=name, framework=fw, result=result,
                       uncertainty=spread, names={str(c.id): c.name for c in children},
                       simulated=frozenset(r for r, y in simulated if y in (year, base_year)),
                       years=data.years)
