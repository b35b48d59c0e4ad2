"""任务督办: each department sees its tasks and files progress reports; reviewers see all."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor
from planwatch.web.pages import filters
from planwatch.web.pages.common import page_router, render

router = page_router()
STATES = ("in_progress", "done", "blocked")
FILTER_STATES = ("overdue", "blocked", "stalled", "not_reported", "in_progress", "done")
"""The evaluated states a task list is filtered by, in the order the list is sorted."""
Text = Annotated[str | None, Query()]


@router.get("/plans/{plan_id}/tasks")
def tasks_page(request: Request, plan_id: int, store: StoreDep, actor: CurrentActor,
               all: Annotated[bool, Query()] = False, q: Text = None, department: Text = None,
               status: Text = None, overdue: Text = None) -> Response:
    """Departments: their own tasks (``?all=1``: every task, read-only); reviewers: all.
    Narrowed to titles containing ``q``, a lead ``department`` (as the plan names it), a
    ``status`` (evaluated state) or ``overdue=1`` (the same as ``status=overdue``)."""
    leads = actions.task_lead_names(store, actor, plan_id)
    only = actions.TaskFilter(department=filters.choice(department, "department", leads),
                              state=filters.choice(status, "status", FILTER_STATES),
                              search=filters.search_text(q),
                              overdue=filters.flag(overdue, "overdue"))
    views = actions.plan_tasks(store, actor, plan_id, mine=False if all else None, only=only)
    views.sort(key=lambda v: (FILTER_STATES.index(v.evaluation.state)
                              if v.evaluation.state in FILTER_STATES else 6, v.task.number))
    plan = actions.plan_item(store, actor, plan_id)
    counts: dict[str, int] = {}
    for v in views:
        counts[v.evaluation.state] = counts.get(v.evaluation.state, 0) + 1
    return render(request, "tasks.html", {"plan": plan, "views": views, "all": all,
                                          "counts": counts, "today": date.today(),
                                          "only": only, "leads": leads,
                                          "filtered": only != actions.TaskFilter(),
                                          "filter_states": FILTER_STATES})


@router.post("/plans/{plan_id}/tasks/{number}/progress")
def progress(plan_id: int, number: int, store: StoreDep, actor: WritingActor,
             report: Annotated[str, Form()], status: Annotated[str, Form()] = "in_progress",
             percent: Annotated[str, Form()] = "") -> Response:
    """File a progress report (the lead department or a reviewer)."""
    if not report.strip():
        raise PlanwatchError("进展情况不能为空", "the report is empty")
    if status not in STATES:
        raise PlanwatchError("状态无效", f"unknown status {status!r}")
    share = _percent(percent)
    actions.report_progress(store, actor, plan_id, number, report=report.strip()[:10_000],
                            percent=share, status=status)
    return RedirectResponse(f"/plans/{plan_id}/tasks#task-{number}", status_code=303)


def _percent(text: str) -> float | None:
    text = text.strip().rstrip("%％")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError as exc:
        raise PlanwatchError("完成比例须为0—100的数字", f"bad percent {text!r}") from exc
    if not 0 <= value <= 100:
        raise PlanwatchError("完成比例须为0—100的数字", f"percent out of range: {value}")
    return value
