"""Administration pages: archive / unarchive a plan after a confirmation step (admins) and the
archived plans (reviewers); the accounts are managed in :mod:`planwatch.web.pages.users`.
Every check is the verb's: a hidden button is also refused (403) when its form is sent
anyway."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor
from planwatch.web.pages.common import page_router, render, said
from planwatch.web.pages.paging import Paging, pager

router = page_router()
Reason = Annotated[str, Form(max_length=2000)]


def _confirm(request: Request, store: StoreDep, actor: actions.Actor, plan_id: int, *,
             error: str | None = None, reason: str = "", status_code: int = 200) -> Response:
    record = actions.archive_confirmation(store, actor, plan_id)
    return render(request, "archive.html", {
        "plan": actions.plan_item(store, actor, plan_id), "record": record, "error": error,
        "reason": reason}, status_code=status_code)


@router.get("/plans/{plan_id}/archive")
def confirm_archive(request: Request, plan_id: int, store: StoreDep,
                    actor: CurrentActor) -> Response:
    """归档 / 取消归档: the confirmation page with the reason field (admins; 403 for others)."""
    return _confirm(request, store, actor, plan_id)


@router.post("/plans/{plan_id}/archive")
def archive(request: Request, plan_id: int, store: StoreDep, actor: WritingActor,
            reason: Reason = "") -> Response:
    """Archive the plan (admins; a reason is required); audited, nothing deleted."""
    try:
        actions.archive_plan(store, actor, plan_id, reason)
    except actions.Invalid as exc:
        return _confirm(request, store, actor, plan_id, error=said(request, exc), reason=reason,
                        status_code=exc.status)
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.post("/plans/{plan_id}/unarchive")
def unarchive(request: Request, plan_id: int, store: StoreDep, actor: WritingActor,
              reason: Reason = "") -> Response:
    """Bring the plan back (admins; a reason is required); audited."""
    try:
        actions.unarchive_plan(store, actor, plan_id, reason)
    except actions.Invalid as exc:
        return _confirm(request, store, actor, plan_id, error=said(request, exc), reason=reason,
                        status_code=exc.status)
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.get("/archived")
def archived(request: Request, store: StoreDep, actor: CurrentActor,
             paging: Paging) -> Response:
    """已归档规划 (reviewers), most recently archived first, one page at a time."""
    rows, total = actions.archived_plan_page(store, actor, offset=paging.offset,
                                             limit=paging.size)
    return render(request, "archived.html", {
        "rows": rows, "pages": pager(request, paging, total, len(rows))})
