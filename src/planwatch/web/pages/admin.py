"""Administration pages: archive / unarchive a plan after a confirmation step (admins), the
archived plans (reviewers), the accounts with their departments and moving a department
account to another department (admins). Every check is the verb's: a hidden button is also
refused (403) when its form is sent anyway."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor
from planwatch.web.pages.common import page_router, render
from planwatch.web.pages.paging import FIRST_PAGE, PageRequest, Paging, pager

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
        return _confirm(request, store, actor, plan_id, error=exc.zh, reason=reason,
                        status_code=exc.status)
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.post("/plans/{plan_id}/unarchive")
def unarchive(request: Request, plan_id: int, store: StoreDep, actor: WritingActor,
              reason: Reason = "") -> Response:
    """Bring the plan back (admins; a reason is required); audited."""
    try:
        actions.unarchive_plan(store, actor, plan_id, reason)
    except actions.Invalid as exc:
        return _confirm(request, store, actor, plan_id, error=exc.zh, reason=reason,
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


def _users(request: Request, store: StoreDep, actor: actions.Actor, paging: PageRequest, *,
           message: str | None = None, error: str | None = None,
           status_code: int = 200) -> Response:
    rows, total = actions.user_page(store, actor, offset=paging.offset, limit=paging.size)
    return render(request, "users.html", {
        "users": rows, "departments": actions.list_departments(store, actor),
        "message": message, "error": error, "page_number": paging.number,
        "pages": pager(request, paging, total, len(rows), drop=("done",),
                       path="/admin/users")}, status_code=status_code)


@router.get("/admin/users")
def users(request: Request, store: StoreDep, actor: CurrentActor, paging: Paging,
          done: str | None = None) -> Response:
    """账号管理 (admins): accounts with role, department and state, one page at a time."""
    message = "已调整部门；该账号的会话和API令牌已失效。" if done == "moved" else None
    return _users(request, store, actor, paging, message=message)


@router.post("/admin/users/{username}/department")
def move(request: Request, username: str, store: StoreDep, actor: WritingActor,
         department_id: Annotated[int, Form(ge=1)], page: Annotated[int, Form(ge=1)] = 1,
         ) -> Response:
    """Move a department account to another existing department (admins); audited, its
    sessions and tokens end."""
    try:
        actions.set_department(store, actor, username, department_id)
    except (actions.Invalid, actions.NotFound) as exc:
        return _users(request, store, actor, FIRST_PAGE, error=exc.zh,
                      status_code=exc.status)
    return RedirectResponse(f"/admin/users?done=moved&page={page}", status_code=303)
