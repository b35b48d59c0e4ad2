"""首页 by role (:func:`planwatch.workflow.home.home_summary`): a department's 待填报, returned
submissions and tasks due; a reviewer's 待审核, 逾期 and 预警 (an admin's also the accounts) —
as cards linking to the pages that list them — above the region tree; the public sees the
published plans. Also 规划列表 (``/plans``): every plan the visitor may see, searched and
filtered (title, region, period, status) in SQL, one page at a time."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from planwatch import actions
from planwatch.web.deps import OptionalActor, StoreDep
from planwatch.web.pages import filters
from planwatch.web.pages.common import page_router, render
from planwatch.web.pages.paging import Paging, pager
from planwatch.workflow.home import DUE_SOON_DAYS
from planwatch.workflow.lists import PLAN_STATUSES
from planwatch.workflow.views import RegionNode

router = page_router()
TREE_PLANS = 20
"""Plans shown per region on the region tree (首页); the rest are on the region's list."""
Text = Annotated[str | None, Query()]
PLAN_STATUS_ZH = {"public": "已公开", "internal": "未公开", "archived": "已归档"}


@router.get("/")
def index(request: Request, store: StoreDep, actor: OptionalActor,
          year: Text = None) -> Response:
    """The home of the visitor's role (cards and lists), then the region tree (province →
    city → county) with the first TREE_PLANS plans of each region it may see."""
    chosen = filters.whole(year, "year", 1949, 2100)
    home = actions.home_summary(store, actor, chosen)
    tree = actions.regions_tree(store, actor, per_region=TREE_PLANS)
    return render(request, "index.html", {"home": home, "tree": tree,
                                          "plan_count": _count(tree),
                                          "due_days": DUE_SOON_DAYS})


def _count(nodes: list[RegionNode]) -> int:
    return sum(n.plan_count + _count(n.children) for n in nodes)


def plan_statuses(actor: actions.Actor | None) -> tuple[str, ...]:
    """The status filter's choices: none for the public, 已归档 for reviewers only."""
    if actor is None:
        return ()
    return PLAN_STATUSES if actor.is_reviewer else PLAN_STATUSES[:2]


@router.get("/plans")
def plan_list(request: Request, store: StoreDep, actor: OptionalActor, paging: Paging,
              q: Text = None, region: Text = None, period: Text = None,
              status: Text = None) -> Response:
    """规划列表: the plans the visitor may see whose title contains ``q``, of ``region`` (and
    the regions below it), of ``period`` (2021-2025) and ``status``; paged."""
    regions = actions.region_options(store)
    query = actions.PlanQuery(
        search=filters.search_text(q),
        region_id=int(r) if (r := filters.choice(region, "region",
                                                 {str(i) for i, _, _ in regions})) else None,
        period=filters.period(period),
        status=filters.choice(status, "status", plan_statuses(actor)))
    items, total = actions.plan_page(store, actor, query, offset=paging.offset,
                                     limit=paging.size)
    return render(request, "plans.html", {
        "items": items, "query": query, "regions": regions,
        "periods": actions.plan_periods(store, actor), "statuses": plan_statuses(actor),
        "status_zh": PLAN_STATUS_ZH, "pages": pager(request, paging, total, len(items))})
