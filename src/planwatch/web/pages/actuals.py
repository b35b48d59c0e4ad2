"""实际值 pages: the per indicator × year entry form, the Excel template (download / upload),
the department's submissions (resubmit returned ones)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.storage import get_actuals
from planwatch.storage.submissions import indicator_owners_of
from planwatch.web.api.uploads import saved_upload
from planwatch.web.deps import CurrentActor, SettingsDep, StoreDep, WritingActor
from planwatch.web.pages.common import (
    SUBMISSION_ZH,
    page_router,
    plan_years,
    render,
    said,
    said_problems,
    say,
)
from planwatch.web.pages.paging import FIRST_PAGE, PageRequest, Paging, pager
from planwatch.web.security import ACTUALS_SUFFIXES
from planwatch.workflow.plans import load_plan
from planwatch.workflow.validation import check_value
from planwatch.workflow.views import IndicatorStatus, PlanOverview

router = page_router()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Entry:
    """What the form shows and what came back: typed values and per-cell errors."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    message: str | None = None


def cell_key(index: int, year: int) -> str:
    return f"v-{index}-{year}"


def _editable(store: StoreDep, view: PlanOverview, actor: actions.Actor,
              plan_id: int) -> list[IndicatorStatus]:
    """Indicators the actor may report (reviewers: all; departments: their own, by id)."""
    if actor.is_reviewer:
        return view.indicators
    if not actor.is_department or actor.department_id is None:
        return []
    owners = indicator_owners_of(store, plan_id)
    return [s for s in view.indicators
            if (o := owners.get(s.name)) is not None and o.department_id == actor.department_id]


def _cells(store: StoreDep, actor: actions.Actor, plan_id: int) -> dict[tuple[str, int], str]:
    """(indicator, year) → the state of the cell: stored value or the latest submission."""
    out: dict[tuple[str, int], str] = {}
    for a in get_actuals(store, plan_id):
        out[(a.indicator, a.year)] = f"已审定 {a.value:g}"
    for s in actions.list_submissions(store, actor, plan_id):
        if s.status in ("submitted", "returned"):
            out[(s.indicator, s.year)] = f"{SUBMISSION_ZH[s.status]} {s.value:g}"
    return out


def _page(request: Request, store: StoreDep, actor: actions.Actor, plan_id: int,
          entry: Entry, status_code: int = 200,
          paging: PageRequest = FIRST_PAGE) -> Response:
    view = actions.plan_overview(store, actor, plan_id)
    plan = view.plan
    years = plan_years(plan.period_start, plan.period_end)
    final_cells = {(a.indicator, a.year) for a in get_actuals(store, plan_id)
                   if a.status == "final"}
    submissions, total = actions.submission_page(store, actor, plan_id, offset=paging.offset,
                                                 limit=paging.size)
    return render(request, "actuals.html", {
        "o": view, "rows": _editable(store, view, actor, plan_id), "years": years, "entry": entry,
        "cells": _cells(store, actor, plan_id), "cell_key": cell_key,
        "final_cells": final_cells, "submissions": submissions,
        "pages": pager(request, paging, total, len(submissions), drop=("done",),
                       path=f"/plans/{plan_id}/actuals")},
        status_code=status_code)


@router.get("/plans/{plan_id}/actuals")
def actuals_page(request: Request, plan_id: int, store: StoreDep, actor: CurrentActor,
                 paging: Paging, done: int | None = None,
                 withdrawn: int | None = None) -> Response:
    entry = Entry(message=say(request, "已提交 {n} 条，等待科技局审核。", n=done) if done else None)
    if withdrawn:
        entry.message = say(request, "已撤回，填报退为草稿：可修改后重新提交。")
    return _page(request, store, actor, plan_id, entry, paging=paging)


def _parse(request: Request, form: dict[str, Any], rows: list[IndicatorStatus],
           years: list[int]) -> tuple[Entry, list[tuple[IndicatorStatus, int, float]]]:
    entry, todo = Entry(), []
    for s in rows:
        for y in years:
            key = cell_key(s.index, y)
            raw = str(form.get(key) or "").strip()
            if not raw:
                continue
            entry.values[key] = raw
            try:
                todo.append((s, y, check_value(raw, s.unit)))
            except actions.Invalid as exc:
                entry.errors[key] = said(request, exc)
    return entry, todo


@router.post("/plans/{plan_id}/actuals")
async def submit_form(request: Request, plan_id: int, store: StoreDep,
                      actor: WritingActor) -> Response:
    """Submit every filled cell; nothing is submitted while any cell has an error."""
    form = dict(await request.form())
    view = actions.plan_overview(store, actor, plan_id)
    plan = view.plan
    years = plan_years(plan.period_start, plan.period_end)
    entry, todo = _parse(request, form, _editable(store, view, actor, plan_id), years)
    if not todo and not entry.errors:
        entry.problems.append(say(request, "没有填写任何数值。"))
    if entry.errors or entry.problems:
        return _page(request, store, actor, plan_id, entry, 422)
    source = str(form.get("source") or "").strip() or None
    status = "provisional" if form.get("actual_status") == "provisional" else "final"
    try:
        with store.atomic():
            for s, y, value in todo:
                actions.submit_actual(store, actor, plan_id, s.name, y, value, unit=s.unit,
                                      source=source, actual_status=status)
    except (actions.Invalid, actions.Conflict) as exc:
        entry.problems.append(said(request, exc))
        return _page(request, store, actor, plan_id, entry, exc.status)
    return RedirectResponse(f"/plans/{plan_id}/actuals?done={len(todo)}", status_code=303)


@router.post("/plans/{plan_id}/actuals/file")
def submit_file(request: Request, plan_id: int, store: StoreDep, settings: SettingsDep,
                actor: WritingActor, file: Annotated[UploadFile, File()]) -> Response:
    """Upload the filled template: every row or none; row errors are listed on the page."""
    try:
        with saved_upload(file, ACTUALS_SUFFIXES, settings.max_upload_bytes) as path:
            records = actions.submit_actuals_file(store, actor, plan_id, path)
    except (actions.Invalid, actions.Conflict) as exc:
        entry = Entry(problems=[said(request, exc), *said_problems(request, exc)])
        return _page(request, store, actor, plan_id, entry, exc.status)
    return RedirectResponse(f"/plans/{plan_id}/actuals?done={len(records)}", status_code=303)


@router.post("/plans/{plan_id}/corrections")
def correction(request: Request, plan_id: int, store: StoreDep, actor: WritingActor,
               indicator: Annotated[str, Form(max_length=300)],
               year: Annotated[int, Form()], value: Annotated[str, Form(max_length=50)],
               reason: Annotated[str, Form(max_length=2000)],
               actual_status: Annotated[str, Form(pattern="^(final|provisional)$")] = "final",
               ) -> Response:
    """Ask to change a locked value (reason required); the reviewer approves it."""
    try:
        actions.request_correction(store, actor, plan_id, indicator, year, value,
                                   reason=reason, actual_status=actual_status)
    except (actions.Invalid, actions.Conflict) as exc:
        problems = [said(request, exc)]
        return _page(request, store, actor, plan_id, Entry(problems=problems), exc.status)
    return RedirectResponse(f"/plans/{plan_id}/actuals?done=1", status_code=303)


@router.get("/plans/{plan_id}/actuals/template.xlsx")
def template(plan_id: int, store: StoreDep, actor: CurrentActor) -> Response:
    """The Excel template of the plan's indicators × years."""
    plan = load_plan(store, plan_id)
    with tempfile.TemporaryDirectory() as tmp:
        data = actions.actuals_template(plan, Path(tmp) / "template.xlsx").read_bytes()
    name = f"actuals-template-plan-{plan_id}.xlsx"
    return Response(data, media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/submissions/{submission_id}/withdraw")
def withdraw(submission_id: int, store: StoreDep, actor: WritingActor) -> Response:
    """Take back one's own submission while it waits for review (it becomes a draft)."""
    sub = actions.withdraw_submission(store, actor, submission_id)
    return RedirectResponse(f"/plans/{sub.plan_id}/actuals?withdrawn=1", status_code=303)


@router.post("/submissions/{submission_id}/resubmit")
def resubmit(submission_id: int, store: StoreDep, actor: WritingActor,
             value: Annotated[str, Form()], plan_id: Annotated[int, Form()]) -> Response:
    """Correct a returned submission and send it for review again."""
    actions.edit_submission(store, actor, submission_id, submit=True, value=value)
    return RedirectResponse(f"/plans/{plan_id}/actuals?done=1", status_code=303)
