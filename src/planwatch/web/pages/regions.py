"""Region pages: the composite innovation index of a region's sub-regions (综合指数) and the
target cascade down to them (目标分解衔接)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from planwatch import actions
from planwatch.reports.cascade_report import cascade_table
from planwatch.reports.index_report import notes, rank_chart, tables
from planwatch.web.deps import CurrentActor, StoreDep
from planwatch.web.pages.common import page_router, render

router = page_router()
IndexYear = Annotated[int | None, Query(ge=1949, le=2100)]


@router.get("/regions/{region_id}/index")
def region_index(request: Request, region_id: int, store: StoreDep, actor: CurrentActor,
                 year: IndexYear = None, base_year: IndexYear = None) -> Response:
    """综合指数: ranking with rank intervals, dimension scores, what moves the ranks, notes —
    the tables of the .md/.xlsx report."""
    region = actions.find_region(store, str(region_id))
    report = actions.region_index(store, actor, region, year, base_year=base_year)
    return render(request, "region_index.html", {
        "region": region, "r": report, "tables": tables(report), "notes": notes(report),
        "charts": {"ranks": rank_chart(report)}})


@router.get("/regions/{region_id}/cascade")
def region_cascade(request: Request, region_id: int, store: StoreDep,
                   actor: CurrentActor) -> Response:
    """目标分解衔接: the cascade table and its findings (the CLI's table)."""
    region = actions.find_region(store, str(region_id))
    view = actions.region_cascade(store, actor, region)
    findings = [f for row in view.rows for f in row.findings]
    return render(request, "region_cascade.html", {
        "region": region, "table": cascade_table(view.rows, view.names), "findings": findings})
