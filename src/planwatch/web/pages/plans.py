"""Plan pages: a region's plans, plan overview (规划概览), indicator page (指标页), public
page (公开), report downloads (报告) and publishing a plan."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.model.codes import ReportKind
from planwatch.model.labels import label
from planwatch.web.api.plans import report_options, report_response
from planwatch.web.deps import CurrentActor, OptionalActor, StoreDep, WritingActor
from planwatch.web.i18n import lang_of
from planwatch.web.pages.common import page_router, plan_years, render
from planwatch.web.pages.paging import PageRequest, Paging, pager
from planwatch.workflow.detail import target_path
from planwatch.workflow.views import IndicatorDetail, IndicatorStatus, PlanOverview

router = page_router()
Year = Annotated[int | None, Query(ge=1949, le=2100)]
KINDS = "^(auto|annual|midterm|final)$"


@router.get("/regions/{region}/plans")
def region_plans(request: Request, region: str, store: StoreDep, actor: OptionalActor,
                 paging: Paging) -> Response:
    """The plans of one region (``none``: plans without a region), one page at a time."""
    if region != "none" and not (region.isascii() and region.isdigit()):
        raise actions.NotFound(f"地区不存在：{region}", f"no region {region}")
    node = actions.region_plan_page(store, actor, None if region == "none" else int(region),
                                    offset=paging.offset, limit=paging.size)
    return render(request, "region.html", {
        "node": node, "pages": pager(request, paging, node.plan_count, len(node.plans))})


def _chart_spec(status: IndicatorStatus, path: list[tuple[int, float]] | None = None
                ) -> dict[str, Any]:
    """The JSON one ECharts chart needs (see static/js/charts.js)."""
    spec: dict[str, Any] = {"title": status.name, "unit": status.unit,
                            "actual": [list(p) for p in status.series]}
    if status.path == "rate":
        return _rate_spec(spec, status)
    if path:
        spec["path"] = [list(p) for p in path]
    if status.baseline is not None and status.baseline_year is not None:
        spec["baseline"] = [status.baseline_year, status.baseline]
    if status.target is not None and status.target_year is not None:
        spec["target"] = [status.target_year, status.target]
    p = status.projection
    if p is not None and status.series:
        last = status.series[-1]
        spec["projection"] = [list(last), [p.year, p.value]]
    return spec


def _rate_spec(spec: dict[str, Any], status: IndicatorStatus) -> dict[str, Any]:
    """A rate target (年均增长 N%) is charted as rates: the yearly actual rates against the
    required rate, a level line from the first charted year to the target year (no base and
    target points, which would mix a level with a rate)."""
    if status.target is not None and status.target_year is not None:
        first = min([y for y, _ in status.series] + [status.target_year])
        spec["required"] = [[first, status.target], [status.target_year, status.target]]
    return spec


def _years(overview: PlanOverview) -> list[int]:
    years = plan_years(overview.plan.period_start, overview.plan.period_end)
    return sorted({*years, overview.year})


@router.get("/plans/{plan_id}")
def overview(request: Request, plan_id: int, store: StoreDep, actor: CurrentActor,
             year: Year = None) -> Response:
    """规划概览: verdict counts, warnings, indicator table with sparklines, findings, tasks."""
    view = actions.plan_overview(store, actor, plan_id, year)
    archived = actions.plan_archive_state(store, actor, plan_id) if actor.is_reviewer else None
    return render(request, "overview.html", {"o": view, "years": _years(view),
                                             "archived": archived,
                                             "revised": actions.revised_targets(store, actor,
                                                                                plan_id)})


@router.get("/plans/{plan_id}/indicators/{index}")
def indicator(request: Request, plan_id: int, index: int, store: StoreDep,
              actor: CurrentActor, paging: Paging, year: Year = None) -> Response:
    """指标页: chart (baseline, planned path, actuals, projection), history (paged, newest
    first) and source."""
    return indicator_page(request, store, actor, plan_id, index, paging, year)


def indicator_page(request: Request, store: StoreDep, actor: actions.Actor, plan_id: int,
                   index: int, paging: PageRequest, year: int | None = None, *,
                   extra: dict[str, Any] | None = None, status_code: int = 200) -> Response:
    """The indicator page (``extra``: more context, e.g. a refused 动态调整 form)."""
    detail = actions.indicator_detail(store, actor, plan_id, index, year)
    item = _plan_item(store, actor, plan_id)
    history, total = actions.submission_page(store, actor, plan_id,
                                             indicator=detail.status.name,
                                             offset=paging.offset, limit=paging.size)
    departments = (actions.list_departments(store, actor, item.region_id)
                   if actor.is_reviewer and item.region_id is not None else [])
    return render(request, "indicator.html", {
        "d": detail, "plan": item, "history": history, "index": index,
        "pages": pager(request, paging, total, len(history)),
        "charts": {"main": _chart_spec(detail.status, detail.target_path)},
        "is_reviewer": actor.is_reviewer, "departments": departments,
        "revised": actions.revised_targets(store, actor, plan_id).get(index),
        **(extra or {})}, status_code=status_code)


def _plan_item(store: StoreDep, actor: actions.Actor | None, plan_id: int) -> Any:
    return actions.plan_item(store, actor, plan_id)


@router.post("/plans/{plan_id}/indicators/{index}/owner")
def set_owner(plan_id: int, index: int, store: StoreDep, actor: WritingActor,
              department: Annotated[str, Form()] = "") -> Response:
    """Assign the responsible department of an indicator (reviewer)."""
    detail: IndicatorDetail = actions.indicator_detail(store, actor, plan_id, index)
    actions.set_indicator_owner(store, actor, plan_id, detail.status.name,
                                department.strip() or None)
    return RedirectResponse(f"/plans/{plan_id}/indicators/{index}", status_code=303)


@router.post("/plans/{plan_id}/public")
def publish(plan_id: int, store: StoreDep, actor: WritingActor,
            public: Annotated[str, Form()] = "") -> Response:
    """Publish (public=1) or withdraw the public page of a plan (reviewer)."""
    actions.set_plan_public(store, actor, plan_id, public == "1")
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.get("/public/plans/{plan_id}")
def public(request: Request, plan_id: int, store: StoreDep, year: Year = None) -> Response:
    """公开页: the public view of a plan marked public — the same object the anonymous API
    returns (no owners, task states or other internal fields), with charts."""
    view = actions.public_plan(store, plan_id, year)
    charts = {str(s.index): _chart_spec(s, target_path(s)) for s in view.indicators
              if s.series or s.target is not None}
    return render(request, "public.html", {"o": view, "charts": charts, "years": _years(view)})


@router.get("/plans/{plan_id}/reports")
def reports(request: Request, plan_id: int, store: StoreDep, actor: CurrentActor,
            year: Year = None, kind: Annotated[str, Query(pattern=KINDS)] = "auto") -> Response:
    """报告: the report of a year as it would be made — its kind, the problems found and the
    suggestions seeded from them, which the user may edit — and the download form; in the
    page's language."""
    view = actions.plan_overview(store, actor, plan_id, year)
    draft = actions.report_draft(store, actor, plan_id, view.year, kind, lang_of(request))
    return render(request, "reports.html", {
        "o": view, "years": _years(view), "draft": draft, "kind": kind,
        "kinds": [("auto", "按年份自动确定"), *((str(k), label("report_kind", k))
                                         for k in ReportKind)],
        "suggestions": "\n".join(draft.suggestions), "today": date.today().isoformat()})


@router.post("/plans/{plan_id}/report")
def report_download(request: Request, plan_id: int, store: StoreDep, actor: WritingActor,
                    year: Annotated[int, Form(ge=1949, le=2100)],
                    format: Annotated[str, Form(pattern="^(docx|xlsx|html|md)$")] = "docx",
                    kind: Annotated[str, Form(pattern=KINDS)] = "auto",
                    issuer: Annotated[str, Form(max_length=100)] = "",
                    issued_on: Annotated[str, Form(max_length=10)] = "",
                    suggestions: Annotated[str, Form(max_length=20_000)] = "") -> Response:
    """The report made with the reports page's choices (kind, 落款, date — empty: today —,
    the edited suggestions), as a download named by its title, in the page's language."""
    options = report_options(kind, issuer, _day(issued_on), suggestions, lang_of(request))
    return report_response(actions.report_file(store, actor, plan_id, year, format, options),
                           plan_id, year, format)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        raise actions.Invalid(f"成文日期格式应为 年-月-日：{text}",
                              f"the date must be YYYY-MM-DD: {text}") from None


@router.get("/plans/{plan_id}/report")
def report_get(request: Request, plan_id: int, store: StoreDep, actor: CurrentActor,
               year: Annotated[int, Query(ge=1949, le=2100)],
               format: Annotated[str, Query(pattern="^(docx|xlsx|html|md)$")] = "docx",
               kind: Annotated[str, Query(pattern=KINDS)] = "auto") -> Response:
    """The report with the defaults (a link to share): suggestions seeded, today's date, in
    the page's language (``?lang=``, else the language chosen)."""
    options = report_options(kind, None, None, None, lang_of(request))
    return report_response(actions.report_file(store, actor, plan_id, year, format, options),
                           plan_id, year, format)
