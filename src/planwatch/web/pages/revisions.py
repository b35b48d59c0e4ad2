"""动态调整, a plan's history and version diff as pages (reviewers and admins): the 动态调整 form
on the indicator page (``POST /plans/{id}/indicators/{index}/revise``), the history with filters
(``/plans/{id}/history``, paged) and what changed between two versions (``/plans/{id}/diff``).
The verbs check the role and the input; a refused form shows the indicator page again with the
reasons (422 / 409)."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Annotated

from fastapi import Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.model.codes import HistoryKind
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor
from planwatch.web.pages.common import page_router, render, said
from planwatch.web.pages.paging import FIRST_PAGE, Paging, pager
from planwatch.web.pages.plans import indicator_page
from planwatch.workflow.plans import load_plan

router = page_router()
Text = Annotated[str, Form(max_length=2000)]


def form_number(text: str, field: str = "新目标值") -> float:
    """A number typed into a form: full-width digits, thousands separators and a trailing %
    accepted (``１，８００`` → 1800, ``3.2%`` → 3.2)."""
    plain = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "").rstrip("%")
    try:
        return float(plain)
    except ValueError as exc:
        raise actions.Invalid(f"{field}不是数字：{text}", f"not a number: {text}",
                              ["value: 不是数字 / not a number"]) from exc


def form_year(text: str) -> int | None:
    plain = unicodedata.normalize("NFKC", text).strip().removesuffix("年")
    if not plain:
        return None
    if not (plain.isascii() and plain.isdigit()):
        raise actions.Invalid(f"目标年份不是年份：{text}", f"not a year: {text}",
                              ["year: 不是年份 / not a year"])
    return int(plain)


@router.post("/plans/{plan_id}/indicators/{index}/revise")
def revise(request: Request, plan_id: int, index: int, store: StoreDep, actor: WritingActor,
           value: Annotated[str, Form(max_length=50)] = "",
           year: Annotated[str, Form(max_length=10)] = "", reason: Text = "",
           document: Annotated[str, Form(max_length=300)] = "",
           expected: Annotated[str, Form(max_length=50)] = "") -> Response:
    """动态调整 of the indicator's target (reviewer / admin): new value (and year), reason and
    authorising document required; the original is kept."""
    form = {"value": value, "year": year, "reason": reason, "document": document}
    try:
        actions.revise_indicator_target(
            store, actor, plan_id, index, value=form_number(value), year=form_year(year),
            reason=reason, document=document,
            expected=form_number(expected, "原目标值") if expected.strip() else None)
    except (actions.Invalid, actions.Conflict) as exc:
        return indicator_page(request, store, actor, plan_id, index, FIRST_PAGE, extra={
            "revise_problems": [said(request, exc)], "revise_form": form}, status_code=exc.status)
    return RedirectResponse(f"/plans/{plan_id}/indicators/{index}?revised=1#revise",
                            status_code=303)


def _day(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise actions.Invalid(f"日期无效：{text}（格式：2024-01-31）",
                              f"invalid {name}: {text} (YYYY-MM-DD)") from exc


@router.get("/plans/{plan_id}/history")
def history(request: Request, plan_id: int, store: StoreDep, actor: CurrentActor,
            paging: Paging,
            indicator: Annotated[str | None, Query(max_length=300)] = None,
            kind: Annotated[str | None, Query(max_length=40)] = None,
            since: Annotated[str | None, Query(alias="from", max_length=20)] = None,
            until: Annotated[str | None, Query(alias="to", max_length=20)] = None,
            who: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    """变更记录: the plan's history, newest first, filtered by indicator, kind of change, date
    range and who; one page at a time."""
    versions = actions.plan_versions(store, actor, plan_id)
    where = actions.history_filter(indicator=indicator, kind=kind or None,
                                   since=_day(since, "from"), until=_day(until, "to"),
                                   who=who or None)
    page = actions.plan_history(store, actor, plan_id, where, offset=paging.offset,
                                limit=paging.size)
    item = actions.plan_item(store, actor, plan_id)
    plan = load_plan(store, plan_id)
    return render(request, "history.html", {
        "plan": item, "page": page, "pages": pager(request, paging, page.total,
                                                   len(page.entries)),
        "people": actions.history_authors(store, actor, plan_id),
        "indicators": [i.name for i in plan.indicators], "kinds": list(HistoryKind),
        "versions": versions,
        "f": {"indicator": indicator or "", "kind": kind or "", "from": since or "",
              "to": until or "", "who": who or ""}})


@router.get("/plans/{plan_id}/diff")
def diff(request: Request, plan_id: int, store: StoreDep, actor: CurrentActor,
         older: Annotated[int | None, Query(alias="from", ge=1, le=1_000_000)] = None,
         newer: Annotated[int | None, Query(alias="to", ge=1, le=1_000_000)] = None,
         ) -> Response:
    """版本对比: what changed between two stored versions (default: the last two)."""
    versions = actions.plan_versions(store, actor, plan_id)
    item = actions.plan_item(store, actor, plan_id)
    numbers = [v.number for v in versions]
    newer = newer or numbers[-1]
    older = older or (numbers[-2] if len(numbers) > 1 else numbers[-1])
    result = actions.plan_diff(store, actor, plan_id, older, newer) if older != newer else None
    return render(request, "diff.html", {"plan": item, "versions": versions, "d": result,
                                         "older": older, "newer": newer})
