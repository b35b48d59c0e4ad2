"""Regions: the composite innovation index of a region's sub-regions (综合指数) and the target
cascade down to them (目标分解衔接)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from planwatch import actions
from planwatch.reports.cascade_report import cascade_json
from planwatch.reports.index_report import index_json
from planwatch.web.deps import CurrentActor, StoreDep
from planwatch.workflow.region_dashboard import dashboard_json

router = APIRouter(tags=["regions"])
IndexYear = Annotated[int | None, Query(ge=1949, le=2100,
                                        description="年份 (default: latest year with data)")]
Draws = Annotated[int, Query(ge=10, le=5000, description="蒙特卡洛次数 Monte Carlo draws")]


@router.get("/regions/{region_id}/index")
def region_index(region_id: int, store: StoreDep, actor: CurrentActor, year: IndexYear = None,
                 base_year: IndexYear = None, draws: Draws = 1000) -> dict[str, Any]:
    """The index of the region's direct sub-regions: scores, ranks, groups, change, coverage,
    rank intervals of the Monte Carlo and which choice moves the ranks (docs/index-method.md)."""
    region = actions.find_region(store, str(region_id))
    report = actions.region_index(store, actor, region, year, base_year=base_year, draws=draws)
    ids = {key: int(key) for key in report.names}
    return index_json(report, ids)


@router.get("/national/index")
def national_index(store: StoreDep, actor: CurrentActor, year: IndexYear = None,
                   base_year: IndexYear = None, draws: Draws = 1000) -> dict[str, Any]:
    """The index of the provinces (their own plans' values), as for a region."""
    report = actions.region_index(store, actor, None, year, base_year=base_year, draws=draws)
    return index_json(report, {key: int(key) for key in report.names})


@router.get("/regions/{region_id}/cascade")
def region_cascade(region_id: int, store: StoreDep, actor: CurrentActor) -> dict[str, Any]:
    """The region's plan targets against its direct sub-regions' (same catalogue indicator and
    target year): sums for additive indicators, lowest–highest for ratios, verdicts and
    findings (cascade-shortfall, cascade-overshoot)."""
    region = actions.find_region(store, str(region_id))
    view = actions.region_cascade(store, actor, region)
    ids = {key: int(key) for key in view.names}
    return {"region": region.name, "rows": cascade_json(view.rows, view.names, ids)}


@router.get("/regions/{region_id}/dashboard")
def region_dashboard(region_id: int, store: StoreDep, actor: CurrentActor,
                     year: IndexYear = None) -> dict[str, object]:
    """Every direct sub-region's plan in force in the year, evaluated as its plan page shows
    it: verdict matrix over catalogue indicators, counts, 预警, indicators not reported."""
    region = actions.find_region(store, str(region_id))
    return dashboard_json(actions.region_dashboard(store, actor, region, year))


@router.get("/national/dashboard")
def national_dashboard(store: StoreDep, actor: CurrentActor,
                       year: IndexYear = None) -> dict[str, object]:
    """The country's dashboard: every province's plan in force in the year as its plan page
    shows it, and under ``below`` every region under the province summed."""
    return dashboard_json(actions.region_dashboard(store, actor, None, year))


@router.get("/compare")
def compare(store: StoreDep, actor: CurrentActor,
            regions: Annotated[list[int], Query(min_length=1, max_length=50,
                                                description="地区编号 region ids")],
            year: IndexYear = None) -> dict[str, object]:
    """Chosen regions side by side on the catalogue indicators: each cell the verdict its
    plan page shows, values also in the catalogue's unit (``canonical_*``)."""
    chosen = [actions.find_region(store, str(i)) for i in regions]
    return dashboard_json(actions.compare_regions(store, actor, chosen, year))
