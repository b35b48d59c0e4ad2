"""The living demo (``planwatch demo`` / ``make demo``): the bundled sample plans of
:func:`planwatch.workflow.demo.build_demo`, then :mod:`planwatch.workflow.demo_life`'s values,
simulated plans, submissions and progress reports put in through the same verbs a user calls."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.storage import Storage, import_plan
from planwatch.storage.departments import (
    ensure_department,
    get_department,
    plan_region_id,
    resolve_plan_departments,
)
from planwatch.storage.plans import latest_plan, list_plans
from planwatch.storage.regions import list_regions
from planwatch.storage.users import list_users
from planwatch.workflow.accounts import add_user, new_password
from planwatch.workflow.demo import (
    DemoAccount,
    DemoResult,
    build_demo,
    main_department,
    record_stated,
    stated_values,
)
from planwatch.workflow.demo_life import (
    PUBLISHED_PREFIX,
    SIMULATED_SOURCE,
    SIMULATED_TITLE,
    LifeResult,
    life_values,
    progress_for,
    published_values,
    simulated_plans,
)
from planwatch.workflow.overview import set_plan_public
from planwatch.workflow.principal import SYSTEM, Actor
from planwatch.workflow.revisions import revise_indicator_target
from planwatch.workflow.submissions import return_submission, submit_actual
from planwatch.workflow.tasks import report_progress

PENDING_PER_PLAN = 2
"""Cells of the last year each sample plan leaves to its department to submit (the second
of the first plan is returned with a comment)."""


RETURN_COMMENT = "与统计部门口径不一致，请核实后重新报送。（演示）"
REVISION_REASON = "中期评估后按实际进展调整目标（模拟数据·演示用）"
REVISION_DOCUMENT = "规划中期评估目标调整批复（模拟数据·演示用）"


@dataclass
class LivingDemo:
    demo: DemoResult
    life: LifeResult


def _accounts(store: Storage) -> tuple[Actor, dict[int, Actor]]:
    """The reviewer and, by department id, each department's account."""
    users = [u for u in list_users(store) if u.active]
    reviewer = next(Actor.from_user(u) for u in users if u.role == "reviewer")
    by_dept = {u.department_id: Actor.from_user(u) for u in users
               if u.role == "department" and u.department_id is not None}
    return reviewer, by_dept


def _owner(store: Storage, plan_id: int, plan: Plan) -> int:
    with store.atomic() as conn:
        return ensure_department(conn, plan_region_id(conn, plan_id), main_department(plan))


def _add_simulated_plans(store: Storage, life: LifeResult) -> None:
    stored = [p for s in list_plans(store) if (p := latest_plan(store, s.id)) is not None]
    for province in list_regions(store):
        for name, plan in simulated_plans(province.name, stored):
            plan_id = import_plan(store, plan, name, None, SYSTEM.username).plan_id
            set_plan_public(store, SYSTEM, plan_id, True)
            life.simulated_plans += 1


def _submit_pending(store: Storage, plan_id: int, plan: Plan, rows: list[Actual],
                    actor: Actor | None, reviewer: Actor, life: LifeResult,
                    first: bool) -> list[Actual]:
    """Leave the last year of the first indicators to the department: submitted, not yet
    approved (one returned); returns the rows still to record directly."""
    if actor is None or not rows:
        return rows
    last = max(a.year for a in rows)
    names = [i.name for i in plan.indicators][:PENDING_PER_PLAN]
    pending = [a for a in rows if a.year == last and a.indicator in names]
    for pos, row in enumerate(pending):
        sub = submit_actual(store, actor, plan_id, row.indicator, row.year, row.value,
                            unit=row.unit, source=row.source)
        life.pending += 1
        if first and pos == 1:
            return_submission(store, reviewer, sub.id, RETURN_COMMENT)
            life.returned += 1
    return [a for a in rows if a not in pending]


def _report_tasks(store: Storage, plan_id: int, plan: Plan, reviewer: Actor,
                  by_dept: dict[int, Actor], today: date, life: LifeResult,
                  blocked: bool) -> bool:
    """File the plan's progress reports; returns whether the demo's one blocked report has
    been used (``blocked``: before this plan)."""
    for k, task in enumerate(plan.tasks):
        step = progress_for(k, today, blocked)
        if step is None:
            continue
        progress, day = step
        ids = resolve_plan_departments(store, plan_id, task.lead)
        actor = next((by_dept[d] for d in ids.values() if d in by_dept), reviewer)
        report_progress(store, actor, plan_id, task.number, report=progress.report,
                        percent=progress.percent, status=progress.status, reported_on=day)
        life.progress += 1
        blocked = blocked or progress.status == "blocked"
    return blocked


def _simulated(store: Storage) -> Iterator[tuple[int, Plan]]:
    """The stored simulated plans (id, latest version), by id; the bundled real plans are left
    as they are."""
    for summary in list_plans(store):
        plan = latest_plan(store, summary.id)
        if plan is not None and SIMULATED_TITLE in (plan.meta.title or ""):
            yield summary.id, plan


def _revise_one(store: Storage, reviewer: Actor, life: LifeResult) -> None:
    """One 动态调整 with its reason and authorising document, on the first simulated plan's
    first indicator with a base and a target."""
    for plan_id, plan in _simulated(store):
        for index, ind in enumerate(plan.indicators):
            if ind.target and ind.baseline is not None and ind.target != ind.baseline:
                value = round(ind.baseline + (ind.target - ind.baseline) * 0.9, 2)
                revise_indicator_target(store, reviewer, plan_id, index, value=value,
                                        reason=REVISION_REASON, document=REVISION_DOCUMENT)
                life.revisions += 1
                return


def add_life(store: Storage, today: date | None = None) -> LifeResult:
    """Put the demo's life into a database built by :func:`build_demo`."""
    day = today or date.today()
    life = LifeResult()
    _add_simulated_plans(store, life)
    reviewer, by_dept = _accounts(store)
    published = published_values()
    blocked = False
    for pos, summary in enumerate(list_plans(store)):
        plan = latest_plan(store, summary.id)
        if plan is None:
            continue
        simulated = SIMULATED_TITLE in (plan.meta.title or "")
        base = [a.model_copy(update={"source": SIMULATED_SOURCE}) for a in stated_values(plan)]
        rows = [*(base if simulated else []),
                *life_values(plan, day.year - 1, published)]
        owner = _owner(store, summary.id, plan) if plan.indicators else None
        rows = _submit_pending(store, summary.id, plan, rows, by_dept.get(owner or -1),
                               reviewer, life, first=pos == 0)
        recorded, _ = record_stated(store, summary.id, rows)
        life.values += recorded
        life.published += sum(1 for a in rows
                              if a.source and a.source.startswith(PUBLISHED_PREFIX))
        blocked = _report_tasks(store, summary.id, plan, reviewer, by_dept, day, life, blocked)
    _revise_one(store, reviewer, life)
    return life


def simulated_city_account(store: Storage) -> DemoAccount | None:
    """An account for the department leading the first simulated plan's tasks (its 科技局),
    so that one department's home shows tasks due and overdue (the bundled real plans print no
    deadlines)."""
    departments = [u for u in list_users(store) if u.role == "department"]
    taken = {u.department_id for u in departments}
    number = len(departments) + 1
    for plan_id, plan in _simulated(store):
        if not plan.tasks:
            continue
        dept_id = _owner(store, plan_id, plan)
        if dept_id in taken:
            continue
        record = get_department(store, dept_id)
        assert record is not None
        name = record.name
        account = DemoAccount(f"dept{number:02d}", new_password(), "department", name)
        add_user(store, SYSTEM, account.username, account.password, account.role, dept_id)
        return account
    return None


def build_living_demo(store: Storage, today: date | None = None) -> LivingDemo:
    """The demo with life in it: what ``planwatch demo`` builds."""
    demo = build_demo(store)
    life = add_life(store, today)
    account = simulated_city_account(store)
    if account is not None:
        demo.accounts.append(account)
    return LivingDemo(demo=demo, life=life)
