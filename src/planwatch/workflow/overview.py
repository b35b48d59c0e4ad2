"""Read-side views: region tree, plan list, plan overview (总览), indicator detail, public plan
and a plan's audit trail. ``actor=None`` means anonymous: public plans only, nothing internal."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from planwatch.evaluate import audit_plan
from planwatch.model.findings import Finding
from planwatch.model.plan import Plan
from planwatch.reports import build_report
from planwatch.reports.build import NO_LEAD as NO_LEAD, IndicatorRow, Report
from planwatch.storage import (
    PlanSummary,
    Storage,
    best_actuals,
    get_region,
    latest_plan,
    list_plans,
    list_regions,
    paged,
)
from planwatch.storage.plan_access import is_public, plan_audit, public_plan_ids, set_public
from planwatch.storage.plan_archive import archived_plan_ids
from planwatch.storage.plan_lookup import plan_of_region
from planwatch.storage.submissions import indicator_owner_map, list_submissions
from planwatch.storage.task_progress import list_progress
from planwatch.workflow.archive import require_not_archived
from planwatch.workflow.errors import NotFound
from planwatch.workflow.overview_cache import (
    CachedOverview,
    cache_for,
    overview_key,
    pending_count,
)
from planwatch.workflow.plans import load_plan
from planwatch.workflow.principal import Actor, require_reviewer
from planwatch.workflow.settings import evaluation_params
from planwatch.workflow.views import (
    DepartmentTaskGroup,
    IndicatorStatus,
    PlanAudit,
    PlanItem,
    PlanOverview,
    ProjectionOut,
    RegionNode,
    TaskBrief,
)

UNPLACED = "未标注地区"
"""The tree node of the plans without a region."""
# NO_LEAD (imported above): the group of the tasks without a lead department, as the
# evaluation's tasks by department name it.


def _item(store: Storage, p: PlanSummary, public: set[int]) -> PlanItem:
    region = get_region(store, p.region_id) if p.region_id is not None else None
    return PlanItem(id=p.id, title=p.title, region=region.name if region else None,
                    region_id=p.region_id, doc_type=p.doc_type, period_start=p.period_start,
                    period_end=p.period_end, latest_version=p.latest_version,
                    is_public=p.id in public)


def plan_summary_item(store: Storage, p: PlanSummary, public: set[int]) -> PlanItem:
    """The list entry of a stored plan summary (``public``: the ids of the public plans)."""
    return _item(store, p, public)


def _plan_item(store: Storage, plan_id: int) -> PlanItem:
    """One plan's list entry (looks up only its own region)."""
    summary = next(p for p in list_plans(store) if p.id == plan_id)
    return _item(store, summary, public_plan_ids(store))


@lru_cache(maxsize=64)
def _audit_cached(plan_json: str, parent_json: str | None) -> tuple[Finding, ...]:
    parent = None if parent_json is None else Plan.model_validate_json(parent_json)
    return tuple(audit_plan(Plan.model_validate_json(plan_json), parent))


def plan_findings(plan: Plan, parent: Plan | None = None) -> list[Finding]:
    """Audit findings of the plan (against ``parent`` too, when given) plus its extraction
    findings. The audit depends on the plan content only, so it is computed once per distinct
    (plan, parent) pair (keyed by their JSON)."""
    parent_json = None if parent is None else parent.model_dump_json()
    audited = _audit_cached(plan.model_dump_json(), parent_json)
    return [*(f.model_copy() for f in audited), *plan.findings]


def parent_plan(store: Storage, plan: Plan) -> Plan | None:
    """The stored plan of the parent region covering the same period, when one is loaded."""
    parent = plan.meta.parent_region
    if not parent:
        return None
    found = plan_of_region(store, parent, plan.meta.period_end, plan.meta.doc_type)
    return None if found is None else latest_plan(store, found)


def tasks_as_of(year: int, today: date | None = None) -> date:
    """The day a year's task statuses are read on: today for the current and the last year
    (that year's report is written now), the end of ``year`` for an earlier one."""
    day = today or date.today()
    return day if year >= day.year - 1 else date(year, 12, 31)


def plan_evaluation(store: Storage, plan_id: int, plan: Plan, year: int) -> Report:
    """THE evaluation of a plan in ``year``: rows with verdicts and both completion measures,
    warnings, 预警, task statuses and alerts as of :func:`tasks_as_of`, and the audit findings
    including the parent-plan checks. The
    overview, the pages, the API, the public page and every report format show this object
    (see :func:`cached_evaluation`); none of them recomputes, relabels or filters it."""
    findings = plan_findings(plan, parent_plan(store, plan))
    progress = [p.to_progress() for p in list_progress(store, plan_id)]
    return build_report(plan, best_actuals(store, plan_id), year, findings=findings,
                        progress=progress, tasks_as_of=tasks_as_of(year),
                        params=evaluation_params(), as_of=date.today())


def plan_items(store: Storage, actor: Actor | None, *,
               archived: bool = False) -> list[PlanItem]:
    """Plans the actor may see (anonymous: public ones), by id; archived plans are left out
    (``archived=True``: only the archived ones, for reviewers)."""
    public = public_plan_ids(store)
    gone = archived_plan_ids(store)
    if archived:
        if actor is None:
            return []
        require_reviewer(actor)
    return [_item(store, p, public) for p in list_plans(store)
            if (actor is not None or p.id in public) and (p.id in gone) == archived]


def regions_tree(store: Storage, actor: Actor | None, *,
                 per_region: int | None = None) -> list[RegionNode]:
    """Province → city → county nodes with their plans; plans without a region come last.
    ``per_region``: only the first that many plans of each region (chosen in SQL; the page
    links to the region's paged list), ``plan_count`` counts them all."""
    if per_region is None:
        items = plan_items(store, actor)
    else:
        public = public_plan_ids(store)
        items = [_item(store, p, public) for p in paged.first_plans_by_region(
            store, public_only=actor is None, per_region=per_region)]
    counts = paged.region_plan_counts(store, public_only=actor is None)
    by_region: dict[int | None, list[PlanItem]] = {}
    for item in items:
        by_region.setdefault(item.region_id, []).append(item)

    def node(region_id: int, name: str, level: str) -> RegionNode:
        children = [node(r.id, r.name, r.level) for r in list_regions(store, region_id)]
        kids = [c for c in children if c.plans or c.children]
        return RegionNode(id=region_id, name=name, level=level,
                          plans=by_region.get(region_id, []), children=kids,
                          plan_count=counts.get(region_id, 0))

    roots = [node(r.id, r.name, r.level) for r in list_regions(store)]
    tree = [n for n in roots if n.plans or n.children]
    if by_region.get(None):
        tree.append(RegionNode(id=None, name=UNPLACED, level=None, plans=by_region[None],
                               plan_count=counts.get(None, 0)))
    return tree


def region_plan_page(store: Storage, actor: Actor | None, region_id: int | None, *,
                     offset: int = 0, limit: int = 50) -> RegionNode:
    """One page of a region's plans the actor may see (``None``: plans without a region), by
    id; ``plan_count`` is the total. 404 for an unknown region."""
    region = None if region_id is None else get_region(store, region_id)
    if region_id is not None and region is None:
        raise NotFound(f"地区{region_id}不存在", f"no region {region_id}")
    rows, total = paged.page_region_plans(store, region_id, public_only=actor is None,
                                          offset=max(0, offset), limit=max(1, min(limit, 500)))
    public = public_plan_ids(store)
    return RegionNode(id=region_id, name=region.name if region else UNPLACED,
                      level=region.level if region else None,
                      plans=[_item(store, p, public) for p in rows], plan_count=total)


def visible_plan(store: Storage, actor: Actor | None, plan_id: int) -> Plan:
    """The plan, if the actor may see it (anonymous: only public plans; archived plans only
    reviewers)."""
    if actor is None and not is_public(store, plan_id):
        raise NotFound(f"规划{plan_id}不存在或未公开", f"no public plan {plan_id}")
    require_not_archived(store, actor, plan_id)
    return load_plan(store, plan_id)


def plan_item(store: Storage, actor: Actor | None, plan_id: int) -> PlanItem:
    """One plan's list entry, if the actor may see the plan (archived: reviewers only)."""
    visible_plan(store, actor, plan_id)
    return _plan_item(store, plan_id)


def period_year(start: int | None, end: int | None, year: int,
                today: date | None = None) -> int:
    """``year`` if inside or after the plan period; a year before it (when only base-year
    values exist) → the latest elapsed year of the period."""
    if start is None or year >= start:
        return year
    last = (today or date.today()).year - 1
    return max(start, min(last, end if end is not None else last))


def default_year(store: Storage, plan_id: int, plan: Plan) -> int:
    """The evaluation year when none is asked for, chosen here once for every front end: the
    latest year with an actual value (else last year), moved into the plan period when it lies
    before it (only base-year values reported)."""
    years = [a.year for a in best_actuals(store, plan_id)]
    latest = max(years) if years else date.today().year - 1
    return period_year(plan.meta.period_start, plan.meta.period_end, latest)


def _status(index: int, row: IndicatorRow, owner: str | None) -> IndicatorStatus:
    """The overview row: the evaluation's row field by field (nothing recomputed)."""
    p = row.projection
    return IndicatorStatus(
        index=index, name=row.name, unit=row.unit, attribute=row.attribute,
        baseline_year=row.baseline_year, baseline=row.baseline, target_year=row.target_year,
        target=row.target, comparator=row.comparator, path=row.path,
        actual_year=row.actual_year, actual=row.actual, display_state=row.display_state,
        completion_plain=row.completion_plain, completion_progress=row.completion_progress,
        progress_basis=row.progress_basis, completion_change=row.completion_change,
        completion_log=row.completion_log, time_progress=row.time_progress,
        verdict=row.verdict, verdict_code=row.verdict_code, warnings=list(row.warnings),
        series=list(row.series), owner=owner,
        projection=None if p is None else ProjectionOut(year=p.year, value=p.value,
                                                        method=p.method, points=p.points,
                                                        meets_target=p.meets_target))


def indicator_statuses(report: Report, owners: dict[str, str]) -> list[IndicatorStatus]:
    return [_status(i, row, owners.get(row.name)) for i, row in enumerate(report.indicators)]


def _task_groups(report: Report) -> list[DepartmentTaskGroup]:
    """Tasks by lead department with the statuses of the evaluation (the report's)."""
    return [DepartmentTaskGroup(department=g.department, tasks=[
        TaskBrief(number=t.number, title=t.title, state=str(t.state or "not_reported"),
                  deadline=t.deadline, percent=t.percent,
                  last_report=t.last_report.isoformat() if t.last_report else None)
        for t in g.tasks]) for g in report.departments]


def cached_overview(store: Storage, actor: Actor | None, plan_id: int,
                    year: int | None = None) -> CachedOverview:
    """The evaluation and its overview without the review-queue count, from the process-local
    cache (computed on a miss; see :mod:`planwatch.workflow.overview_cache` for when an entry
    is reused). Reviewers and departments share entries, so the archive is checked first."""
    require_not_archived(store, actor, plan_id)
    key = overview_key(store, actor, plan_id, year)
    return cache_for(store).get_or_compute(key, lambda: _overview_core(store, actor, plan_id,
                                                                       year))


def cached_evaluation(store: Storage, actor: Actor, plan_id: int, year: int | None = None
                      ) -> Report:
    """The evaluation the overview of ``actor`` shows, for the report downloads."""
    return cached_overview(store, actor, plan_id, year).report


def plan_overview(store: Storage, actor: Actor | None, plan_id: int,
                  year: int | None = None) -> PlanOverview:
    """Everything the overview page shows: verdict counts, warnings, indicator statuses with
    series, audit findings and tasks by department. Anonymous callers get the public view.
    Served from the cache; the result is a (shallow) copy the caller may reassign fields of."""
    entry = cached_overview(store, actor, plan_id, year)
    return entry.view.model_copy(update={"pending_submissions": pending_count(store, actor,
                                                                               plan_id)})


def overview_json(store: Storage, actor: Actor | None, plan_id: int,
                  year: int | None = None) -> bytes:
    """:func:`plan_overview` as JSON bytes (serialised once per data revision and count)."""
    entry = cached_overview(store, actor, plan_id, year)
    return entry.json(pending_count(store, actor, plan_id))


def compute_overview(store: Storage, actor: Actor | None, plan_id: int,
                     year: int | None = None) -> PlanOverview:
    """:func:`plan_overview` computed from the database (no cache)."""
    view = _overview_core(store, actor, plan_id, year).view
    pending = (len(list_submissions(store, plan_id, status="submitted"))
               if actor is not None and actor.is_reviewer else None)
    return view.model_copy(update={"pending_submissions": pending})


def _overview_core(store: Storage, actor: Actor | None, plan_id: int,
                   year: int | None) -> CachedOverview:
    """The evaluation and the overview built from it. Anonymous callers (the public view) get
    the same evaluation without what is internal: owners, task states and task alerts."""
    plan = visible_plan(store, actor, plan_id)
    year = year or default_year(store, plan_id, plan)
    report = plan_evaluation(store, plan_id, plan, year)
    signed_in = actor is not None
    owners = indicator_owner_map(store, plan_id) if signed_in else {}
    summary = report.summary
    task_alerts = list(report.task_alerts) if signed_in else []
    view = PlanOverview(
        plan=_plan_item(store, plan_id), year=year, period=report.period,
        verdict_counts=dict(summary.verdict_counts),
        indicator_count=summary.indicator_count,
        with_actual=summary.with_actual, warning_count=summary.warning_count,
        alert_count=len(report.alerts) + len(task_alerts),
        alerts=list(report.alerts), audit_findings=list(report.findings),
        indicators=indicator_statuses(report, owners),
        task_alerts=task_alerts,
        departments=_task_groups(report) if signed_in else [],
        pending_submissions=None)
    return CachedOverview(view, report)


def public_plan(store: Storage, plan_id: int, year: int | None = None) -> PlanOverview:
    """The public view of a plan marked public (no owners, no review queue)."""
    return plan_overview(store, None, plan_id, year)


def plan_audit_log(store: Storage, actor: Actor, plan_id: int) -> PlanAudit:
    """The plan's audit trail (reviewer / admin)."""
    require_reviewer(actor)
    load_plan(store, plan_id)
    return PlanAudit(plan_id=plan_id, entries=plan_audit(store, plan_id))


def set_plan_public(store: Storage, actor: Actor, plan_id: int, public: bool) -> None:
    """Publish a plan's public page (or withdraw it): reviewer / admin."""
    require_reviewer(actor)
    load_plan(store, plan_id)
    set_public(store, plan_id, public, by=actor.author)
