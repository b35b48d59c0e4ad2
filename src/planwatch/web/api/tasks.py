"""Tasks (任务督办): list by department, file progress reports."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from planwatch import actions
from planwatch.storage.task_progress import ProgressRecord
from planwatch.web.api.paging import Page
from planwatch.web.api.types import Percent, Report
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor

router = APIRouter(tags=["tasks"])


class TaskOut(BaseModel):
    number: int
    title: str
    lead: list[str]
    support: list[str]
    deadline: str | None
    section: str | None
    state: str
    last_report: date | None
    percent: float | None
    editable: bool
    reports: list[ProgressRecord]


class ProgressIn(BaseModel):
    report: Report
    percent: Percent | None = None
    status: Literal["in_progress", "done", "blocked"] = "in_progress"
    reported_on: date | None = None


def task_out(view: actions.TaskView) -> TaskOut:
    t, ev = view.task, view.evaluation
    return TaskOut(number=t.number, title=t.title, lead=t.lead, support=t.support,
                   deadline=t.deadline, section=t.section, state=ev.state,
                   last_report=ev.last_report, percent=ev.percent, editable=view.editable,
                   reports=view.reports)


@router.get("/plans/{plan_id}/tasks", response_model=list[TaskOut])
def tasks(plan_id: int, store: StoreDep, actor: CurrentActor, page: Page, response: Response,
          mine: Annotated[bool | None, Query()] = None) -> list[TaskOut]:
    """Department users: their department's tasks (``mine=false`` for all, read-only);
    reviewers: all tasks. One page; total in ``X-Total-Count``."""
    views = actions.plan_tasks(store, actor, plan_id, mine=mine)
    return [task_out(v) for v in page.page(views, response)]


@router.post("/plans/{plan_id}/tasks/{number}/progress", response_model=ProgressRecord,
             status_code=201)
def progress(plan_id: int, number: int, body: ProgressIn, store: StoreDep,
             actor: WritingActor) -> ProgressRecord:
    """File a progress report on a task led by the caller's department."""
    return actions.report_progress(store, actor, plan_id, number, report=body.report,
                                   percent=body.percent, status=body.status,
                                   reported_on=body.reported_on)
