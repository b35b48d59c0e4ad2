"""The home page by role (首页): what to do next, computed once for the page and the API.

* a department: the indicators it owns without a stored value for the reporting year (待填报,
  with its deadline, :func:`planwatch.evaluate.reporting.reporting_deadline`), its returned
  submissions with the reviewer's comment (已退回) and its tasks overdue or due soon;
* a reviewer: the review queue count (待审核, as :func:`review_queue` counts it), the
  departments with overdue tasks or values (逾期, counted as the filtered task page and the
  actuals page show them) and the plans with 预警 (the overview's ``alert_count``);
* an admin: the reviewer's view and the accounts;
* a viewer: the plans with 预警; the public (not signed in): the published plans.

Nothing is recomputed here: counts come from the verbs behind the linked pages (the review
queue, the cached plan overview, :func:`plan_tasks` with its filter)."""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import BaseModel, Field

from planwatch.evaluate.reporting import data_due, reporting_deadline
from planwatch.model.evaluation import EvaluationParams, TaskState
from planwatch.storage import Storage, get_actuals, submissions as subs
from planwatch.storage.departments import get_department, resolve_plan_departments
from planwatch.storage.submissions import Owner, SubmissionRecord
from planwatch.workflow.accounts import list_users
from planwatch.workflow.overview import NO_LEAD, plan_items, plan_overview
from planwatch.workflow.principal import Actor
from planwatch.workflow.review_queue import review_queue
from planwatch.workflow.settings import evaluation_params
from planwatch.workflow.tasks import plan_tasks
from planwatch.workflow.views import PlanItem

DUE_SOON_DAYS = 90
"""A department's tasks whose deadline falls within this many days are listed as due."""


class FillItem(BaseModel):
    """An indicator a department must report for the year (待填报)."""

    plan_id: int
    plan_title: str
    index: int
    indicator: str
    year: int
    deadline: date
    overdue: bool
    submission_status: str | None = None
    """``draft`` or ``returned`` when one is under way; None: nothing entered yet."""


class ReturnedItem(BaseModel):
    """A submission the reviewer sent back (已退回), with the comment."""

    submission_id: int
    plan_id: int
    plan_title: str
    indicator: str
    year: int
    value: float
    comment: str | None
    reviewer: str | None


class TaskDue(BaseModel):
    plan_id: int
    plan_title: str
    number: int
    title: str
    state: str
    deadline: date | None


class OverduePlan(BaseModel):
    """One plan's overdue items of a department: the link parameter is ``lead`` (the name the
    plan uses; None when only values are overdue)."""

    plan_id: int
    plan_title: str
    lead: str | None = None
    tasks: int = 0
    indicators: int = 0


class OverdueDepartment(BaseModel):
    department: str
    plans: list[OverduePlan] = Field(default_factory=list)


class WarningPlan(BaseModel):
    plan_id: int
    plan_title: str
    year: int
    warnings: int


class Accounts(BaseModel):
    total: int
    inactive: int


class HomeSummary(BaseModel):
    """What the home page shows; a list is empty (a count None) where the role sees none."""

    role: str
    """``public``, ``viewer``, ``department``, ``reviewer`` or ``admin``."""
    year: int
    """The reporting year (报送年度)."""
    deadline: date
    """Its reporting deadline."""
    overdue: bool = False
    """Whether the deadline has passed."""
    to_fill: list[FillItem] = Field(default_factory=list)
    returned: list[ReturnedItem] = Field(default_factory=list)
    tasks_due: list[TaskDue] = Field(default_factory=list)
    review_pending: int | None = None
    overdue_departments: list[OverdueDepartment] = Field(default_factory=list)
    warning_plans: list[WarningPlan] = Field(default_factory=list)
    accounts: Accounts | None = None
    public_plans: list[PlanItem] = Field(default_factory=list)


def home_summary(store: Storage, actor: Actor | None, year: int | None = None, *,
                 today: date | None = None,
                 params: EvaluationParams | None = None) -> HomeSummary:
    """The home of ``actor`` (None: the public) for reporting ``year`` (default: the year
    before ``today``), its deadline from ``params`` (default: the settings in force,
    ``PLANWATCH_REPORTING_DEADLINE``). ``today`` (default: the real date) places the deadline
    and a department's due tasks; the overdue tasks of the reviewers' view are those the plan
    overviews show, as of the real date."""
    day = today or date.today()
    params = params or evaluation_params()
    year = day.year - 1 if year is None else year
    out = HomeSummary(role="public" if actor is None else actor.role, year=year,
                      deadline=reporting_deadline(year, params),
                      overdue=data_due(year, day, params))
    if actor is None:
        out.public_plans = plan_items(store, None)
        return out
    plans = plan_items(store, actor)
    if actor.is_department:
        _department_home(store, actor, plans, out, day)
        return out
    out.warning_plans = warning_plans(store, actor, plans)
    if actor.is_reviewer:
        out.review_pending = review_queue(store, actor, limit=1).total
        out.overdue_departments = overdue_departments(store, actor, plans, out)
    if actor.is_admin:
        users = list_users(store, actor)
        out.accounts = Accounts(total=len(users), inactive=sum(not u.active for u in users))
    return out


# --- a department -------------------------------------------------------------------------

def _department_home(store: Storage, actor: Actor, plans: list[PlanItem], out: HomeSummary,
                     today: date) -> None:
    department = (get_department(store, actor.department_id)
                  if actor.department_id is not None else None)
    if department is None:
        return
    own = [p for p in plans if p.region_id == department.region_id]
    for plan in own:
        for index, name, _, status in unfilled(store, actor, plan, out.year):
            out.to_fill.append(FillItem(
                plan_id=plan.id, plan_title=plan.title, index=index, indicator=name,
                year=out.year, deadline=out.deadline, overdue=out.overdue,
                submission_status=status))
        out.tasks_due += tasks_due(store, actor, plan, today)
    titles = {p.id: p.title for p in own}
    out.returned = [_returned(s, titles[s.plan_id]) for s in subs.list_submissions(
        store, status="returned", department_id=department.id) if s.plan_id in titles]


def _returned(s: SubmissionRecord, title: str) -> ReturnedItem:
    return ReturnedItem(submission_id=s.id, plan_id=s.plan_id, plan_title=title,
                        indicator=s.indicator, year=s.year, value=s.value, comment=s.comment,
                        reviewer=s.reviewer)


def _in_period(plan: PlanItem, year: int) -> bool:
    return ((plan.period_start is None or plan.period_start <= year)
            and (plan.period_end is None or year <= plan.period_end))


def unfilled(store: Storage, actor: Actor, plan: PlanItem, year: int
             ) -> list[tuple[int, str, Owner, str | None]]:
    """The indicators of ``plan`` (as its overview and actuals page list them) with a
    responsible department — the actor's own, for a department — and neither a stored value
    for ``year`` nor a submission waiting for review: (index, name, owner, status of the
    latest draft / returned submission). None outside the plan period."""
    if not _in_period(plan, year):
        return []
    owners = subs.indicator_owners_of(store, plan.id)
    if actor.is_department:
        owners = {n: o for n, o in owners.items() if o.department_id == actor.department_id}
    if not owners:
        return []
    stored = {a.indicator for a in get_actuals(store, plan.id, year=year)}
    latest: dict[str, str] = {}
    for s in subs.list_submissions(store, plan.id):
        if s.year == year:
            latest[s.indicator] = s.status
    view = plan_overview(store, actor, plan.id)
    return [(s.index, s.name, owners[s.name], latest.get(s.name)) for s in view.indicators
            if s.name in owners and s.name not in stored
            and latest.get(s.name) not in ("submitted", "approved")]


def tasks_due(store: Storage, actor: Actor, plan: PlanItem, today: date) -> list[TaskDue]:
    """The actor's tasks of the plan that are overdue, or not done with a deadline within
    :data:`DUE_SOON_DAYS` days; overdue first, then by deadline."""
    soon = today + timedelta(days=DUE_SOON_DAYS)
    out = []
    for v in plan_tasks(store, actor, plan.id, today=today):
        ev = v.evaluation
        due = ev.state != TaskState.DONE and ev.deadline is not None and ev.deadline <= soon
        if ev.state == TaskState.OVERDUE or due:
            out.append(TaskDue(plan_id=plan.id, plan_title=plan.title, number=v.task.number,
                               title=v.task.title, state=str(ev.state), deadline=ev.deadline))
    out.sort(key=lambda t: (t.state != TaskState.OVERDUE, t.deadline or date.max, t.number))
    return out


# --- reviewers ----------------------------------------------------------------------------

def warning_plans(store: Storage, actor: Actor, plans: list[PlanItem]) -> list[WarningPlan]:
    """Plans whose overview (default year) shows 预警 (its ``alert_count``), most first."""
    out = []
    for plan in plans:
        view = plan_overview(store, actor, plan.id)
        if view.alert_count:
            out.append(WarningPlan(plan_id=plan.id, plan_title=plan.title, year=view.year,
                                   warnings=view.alert_count))
    out.sort(key=lambda w: (-w.warnings, w.plan_id))
    return out


def _key(name: str, departments: dict[str, int]) -> int | str:
    return departments.get(name, name)


def overdue_departments(store: Storage, actor: Actor, plans: list[PlanItem],
                        home: HomeSummary) -> list[OverdueDepartment]:
    """Departments with overdue tasks (as the task page filtered by the department and 逾期
    lists them) or, once the deadline of the home's year has passed, indicators without a
    value for it; per plan, by department name."""
    found: dict[int | str, dict[int, OverduePlan]] = {}
    names: dict[int | str, str] = {}
    for plan in plans:
        for key, lead, count in _overdue_tasks(store, actor, plan):
            row = found.setdefault(key, {}).setdefault(plan.id, OverduePlan(
                plan_id=plan.id, plan_title=plan.title))
            row.lead, row.tasks = lead, count
            names.setdefault(key, lead)
        if not home.overdue:
            continue
        for _, _, owner, _ in unfilled(store, actor, plan, home.year):
            key = owner.department_id if owner.department_id is not None else owner.name
            row = found.setdefault(key, {}).setdefault(plan.id, OverduePlan(
                plan_id=plan.id, plan_title=plan.title))
            row.indicators += 1
            names[key] = owner.name
    out = [OverdueDepartment(department=_department_name(store, k, names[k]),
                             plans=list(rows.values())) for k, rows in found.items()]
    out.sort(key=lambda d: d.department)
    return out


def _department_name(store: Storage, key: int | str, fallback: str) -> str:
    record = get_department(store, key) if isinstance(key, int) else None
    return fallback if record is None else record.name


def _overdue_tasks(store: Storage, actor: Actor, plan: PlanItem
                   ) -> list[tuple[int | str, str, int]]:
    """(department key, a lead name of it in the plan, overdue tasks it leads), from the
    overview's tasks by lead department (built by :func:`plan_tasks`, cached with the
    overview)."""
    leads_of: dict[int, list[str]] = {}
    for group in plan_overview(store, actor, plan.id).departments:
        if group.department == NO_LEAD:
            continue
        for task in group.tasks:
            if task.state == TaskState.OVERDUE:
                leads_of.setdefault(task.number, []).append(group.department)
    if not leads_of:
        return []
    names = list(dict.fromkeys(n for lead in leads_of.values() for n in lead))
    departments = resolve_plan_departments(store, plan.id, names)
    counts: dict[int | str, int] = {}
    first: dict[int | str, str] = {}
    for lead in leads_of.values():
        for key in {_key(n, departments) for n in lead}:
            counts[key] = counts.get(key, 0) + 1
        for n in lead:
            first.setdefault(_key(n, departments), n)
    return [(k, first[k], c) for k, c in counts.items()]
