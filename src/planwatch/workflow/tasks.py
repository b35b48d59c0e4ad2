"""Plan tasks by department (任务督办): who leads what, progress reports and their status."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from planwatch.evaluate import evaluate_tasks
from planwatch.model.evaluation import TaskEvaluation, TaskState
from planwatch.model.plan import Task
from planwatch.storage import Storage
from planwatch.storage.departments import resolve_plan_departments
from planwatch.storage.plans import responsible_names
from planwatch.storage.schema_web import TASK_STATES
from planwatch.storage.task_progress import ProgressRecord, add_progress, list_progress
from planwatch.workflow.archive import require_not_archived
from planwatch.workflow.errors import Invalid
from planwatch.workflow.plans import find_task, load_plan
from planwatch.workflow.principal import Actor, leads, require_task
from planwatch.workflow.validation import check_number, check_report_date, check_text


@dataclass
class TaskView:
    """A task with its evaluated state and its progress reports (newest last)."""

    task: Task
    evaluation: TaskEvaluation
    reports: list[ProgressRecord] = field(default_factory=list)
    editable: bool = False


@dataclass(frozen=True)
class TaskFilter:
    """What a plan's task list is narrowed to (None: no condition)."""

    department: str | None = None
    """A lead department as the plan names it: the tasks it leads — the same department under
    another name of the plan (市科技局 / 威海市科技局) included."""
    state: str | None = None
    """The evaluated state (``overdue``, ``blocked``, ``done`` …)."""
    search: str | None = None
    """Words the task's title contains (case-insensitive)."""
    overdue: bool = False
    """Only overdue tasks (deadline passed, not reported done)."""

    def keeps(self, task: Task, ev: TaskEvaluation, departments: dict[str, int]) -> bool:
        if self.state is not None and ev.state != self.state:
            return False
        if self.overdue and ev.state != TaskState.OVERDUE:
            return False
        if self.search and self.search.casefold() not in task.title.casefold():
            return False
        return self.department is None or same_department(self.department, task.lead,
                                                          departments)


NO_FILTER = TaskFilter()


def same_department(name: str, lead: list[str], departments: dict[str, int]) -> bool:
    """``name`` is one of ``lead``, or names the same registered department as one of them."""
    wanted = departments.get(name)
    return any(n == name or (wanted is not None and departments.get(n) == wanted)
               for n in lead)


def plan_tasks(store: Storage, actor: Actor, plan_id: int, *, today: date | None = None,
               mine: bool | None = None, only: TaskFilter = NO_FILTER) -> list[TaskView]:
    """The plan's tasks (those ``only`` keeps); department users get only the tasks their
    department leads (``mine=False`` lets them see all, read-only). Archived plans: reviewers
    only."""
    require_not_archived(store, actor, plan_id)
    plan = load_plan(store, plan_id)
    progress = list_progress(store, plan_id)
    evaluations, _ = evaluate_tasks(plan.tasks, [p.to_progress() for p in progress],
                                    today or date.today())
    only_mine = actor.is_department if mine is None else mine
    departments = resolve_plan_departments(store, plan_id, responsible_names(plan))
    views = []
    for task, ev in zip(plan.tasks, evaluations, strict=True):
        own = leads(task, departments, actor.department_id)
        if (only_mine and not own) or not only.keeps(task, ev, departments):
            continue
        views.append(TaskView(task, ev, [p for p in progress if p.task_number == task.number],
                              editable=actor.is_reviewer or (actor.is_department and own)))
    return views


def report_progress(store: Storage, actor: Actor, plan_id: int, task_number: int, *,
                    report: str, percent: float | None = None, status: str = "in_progress",
                    reported_on: date | None = None) -> ProgressRecord:
    """File a progress report on a task: its lead department (or a reviewer) only; the date
    may not lie in the future, the text is bounded, the percent finite within 0–100."""
    check_text(report, "report", required=True)
    if percent is not None:
        check_number(percent, "percent", low=0, high=100)
    day = check_report_date(reported_on or date.today())
    if status not in TASK_STATES:
        raise Invalid(f"未知的任务状态：{status}", f"unknown task status {status}")
    task = find_task(load_plan(store, plan_id), task_number)
    leads_by_name = resolve_plan_departments(store, plan_id, task.lead)
    require_task(actor, task, leads_by_name)
    department_id = (actor.department_id if actor.is_department
                     else next((leads_by_name[n] for n in task.lead if n in leads_by_name), None))
    return add_progress(store, plan_id=plan_id, task_number=task_number,
                        department_id=department_id, report=report, percent=percent,
                        status=status, reported_on=day, by=actor.author)


def task_lead_names(store: Storage, actor: Actor, plan_id: int) -> list[str]:
    """The lead departments the plan's tasks name, once each in order (the task page's
    department filter)."""
    require_not_archived(store, actor, plan_id)
    plan = load_plan(store, plan_id)
    return list(dict.fromkeys(n for t in plan.tasks for n in t.lead))
