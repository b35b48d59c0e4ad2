"""账号管理 (admins): the accounts, one page at a time; creating an account (a one-time
password shown once when none is given); one account's page to change its display name, role
and department, reset its password, revoke its API tokens and (de)activate it — the destructive
ones after a confirmation step. Every check is the verb's (workflow.accounts): other roles get
403 even when they send a form; an admin cannot deactivate or demote themselves; the last
active admin stays."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.errors import PlanwatchError
from planwatch.storage.users import UserRecord
from planwatch.web.deps import CurrentActor, StoreDep, WritingActor
from planwatch.web.pages.common import page_router, render, said
from planwatch.web.pages.paging import FIRST_PAGE, PageRequest, Paging, pager

router = page_router()
Text = Annotated[str, Form(max_length=200)]
NO_STORE = {"Cache-Control": "no-store"}
Confirmable = Literal["deactivate", "reset-password", "revoke-tokens"]

LIST_DONE = {"moved": "已调整部门；该账号的会话和API令牌已失效。"}
USER_DONE = {
    "name": "已修改姓名。",
    "role": "已修改角色；该账号的会话和API令牌已失效。",
    "deactivated": "已停用；该账号的会话和API令牌已失效。",
    "activated": "已启用；原有会话和API令牌不会恢复。",
    "revoked": "已撤销该账号的全部API令牌。",
}


def _users(request: Request, store: StoreDep, actor: actions.Actor, paging: PageRequest, *,
           message: str | None = None, error: str | None = None, created: str | None = None,
           password: str | None = None, form: dict[str, str] | None = None,
           status_code: int = 200) -> Response:
    rows, total = actions.user_page(store, actor, offset=paging.offset, limit=paging.size)
    return render(request, "users.html", {
        "users": rows, "departments": actions.list_departments(store, actor),
        "roles": actions.ROLES, "message": message, "error": error, "created": created,
        "password": password, "form": form or {}, "page_number": paging.number,
        "pages": pager(request, paging, total, len(rows), drop=("done",),
                       path="/admin/users")},
        status_code=status_code, headers=NO_STORE if password else None)


@router.get("/admin/users")
def users(request: Request, store: StoreDep, actor: CurrentActor, paging: Paging,
          done: str | None = None) -> Response:
    """账号管理 (admins): accounts with role, department and state, one page at a time."""
    return _users(request, store, actor, paging, message=LIST_DONE.get(done or ""))


@router.post("/admin/users")
def create(request: Request, store: StoreDep, actor: WritingActor,
           username: Annotated[str, Form(max_length=100)],
           role: Annotated[str, Form(max_length=20)],
           display_name: Annotated[str, Form(max_length=100)] = "",
           department_id: Annotated[str, Form(max_length=20)] = "",
           password: Text = "") -> Response:
    """新增账号 (admins): with the given password, or a generated one shown once."""
    generated = not password
    secret = password or actions.new_password()
    department: int | None = int(department_id) if department_id.isdigit() else None
    try:
        user = actions.add_user(store, actor, username.strip(), secret, role,
                                department if role == "department" else None,
                                display_name=display_name)
    except PlanwatchError as exc:
        form = {"username": username, "display_name": display_name, "role": role,
                "department_id": department_id}
        return _users(request, store, actor, FIRST_PAGE, error=said(request, exc), form=form,
                      status_code=exc.status)
    return _users(request, store, actor, FIRST_PAGE, created=user.username,
                  password=secret if generated else None, status_code=201)


@router.post("/admin/users/{username}/department")
def move(request: Request, username: str, store: StoreDep, actor: WritingActor,
         department_id: Annotated[int, Form(ge=1)], page: Annotated[int, Form(ge=1)] = 1,
         ) -> Response:
    """Move a department account to another existing department (admins); audited, its
    sessions and tokens end."""
    try:
        actions.set_department(store, actor, username, department_id)
    except (actions.Invalid, actions.NotFound) as exc:
        return _users(request, store, actor, FIRST_PAGE, error=said(request, exc),
                      status_code=exc.status)
    return RedirectResponse(f"/admin/users?done=moved&page={page}", status_code=303)


def _user_page(request: Request, store: StoreDep, actor: actions.Actor, username: str, *,
               message: str | None = None, error: str | None = None,
               password: str | None = None, status_code: int = 200) -> Response:
    user = actions.managed_account(store, actor, username)
    return render(request, "user.html", {
        "user": user, "is_self": user.id == actor.user_id, "roles": actions.ROLES,
        "departments": actions.list_departments(store, actor),
        "live_tokens": _live_tokens(store, actor, user), "message": message, "error": error,
        "password": password}, status_code=status_code,
        headers=NO_STORE if password else None)


def _live_tokens(store: StoreDep, actor: actions.Actor, user: UserRecord) -> int:
    return sum(1 for t in actions.list_tokens(store, actor, user.username) if not t.revoked_at)


@router.get("/admin/users/{username}")
def user(request: Request, username: str, store: StoreDep, actor: CurrentActor,
         done: str | None = None) -> Response:
    """One account (admins): what it is and the forms that change it."""
    return _user_page(request, store, actor, username, message=USER_DONE.get(done or ""))


def _done(username: str, what: str) -> Response:
    return RedirectResponse(f"/admin/users/{username}?done={what}", status_code=303)


def _refused(request: Request, store: StoreDep, actor: actions.Actor, username: str,
             exc: PlanwatchError) -> Response:
    if not actor.is_admin or isinstance(exc, actions.NotFound):
        raise exc  # the error page: nothing about the account
    return _user_page(request, store, actor, username, error=said(request, exc),
                      status_code=exc.status)


@router.post("/admin/users/{username}/name")
def rename(request: Request, username: str, store: StoreDep, actor: WritingActor,
           display_name: Annotated[str, Form(max_length=100)] = "") -> Response:
    """Change the display name (姓名) of an account (admins); audited."""
    actions.managed_account(store, actor, username)  # admins only (the verb lets owners)
    try:
        actions.set_display_name(store, actor, username, display_name)
    except PlanwatchError as exc:
        return _refused(request, store, actor, username, exc)
    return _done(username, "name")


@router.post("/admin/users/{username}/role")
def change_role(request: Request, username: str, store: StoreDep, actor: WritingActor,
                role: Annotated[str, Form(max_length=20)],
                department_id: Annotated[str, Form(max_length=20)] = "") -> Response:
    """Give an account another role (and a department account its department); its sessions
    and tokens end; audited."""
    department = int(department_id) if department_id.isdigit() else None
    try:
        actions.set_role(store, actor, username, role, department)
    except PlanwatchError as exc:
        return _refused(request, store, actor, username, exc)
    return _done(username, "role")


@router.get("/admin/users/{username}/confirm/{action}")
def confirm(request: Request, username: str, action: Confirmable, store: StoreDep,
            actor: CurrentActor) -> Response:
    """The confirmation step of deactivating, resetting the password of, or revoking every API
    token of an account (admins)."""
    user = actions.managed_account(store, actor, username)
    return render(request, "user_confirm.html", {
        "user": user, "action": action, "is_self": user.id == actor.user_id})


@router.post("/admin/users/{username}/deactivate")
def deactivate(request: Request, username: str, store: StoreDep,
               actor: WritingActor) -> Response:
    """Deactivate an account (admins; not one's own, not the last active admin); its sessions
    and tokens end for good; audited."""
    try:
        actions.set_active(store, actor, username, False)
    except PlanwatchError as exc:
        return _refused(request, store, actor, username, exc)
    return _done(username, "deactivated")


@router.post("/admin/users/{username}/activate")
def activate(request: Request, username: str, store: StoreDep,
             actor: WritingActor) -> Response:
    """Re-activate an account (admins); old sessions and tokens stay ended; audited."""
    try:
        actions.set_active(store, actor, username, True)
    except PlanwatchError as exc:
        return _refused(request, store, actor, username, exc)
    return _done(username, "activated")


@router.post("/admin/users/{username}/reset-password")
def reset_password(request: Request, username: str, store: StoreDep,
                   actor: WritingActor) -> Response:
    """A new random password (admins), shown once on the page that answers; the account's
    sessions and tokens end; audited."""
    try:
        password = actions.reset_password(store, actor, username)
    except PlanwatchError as exc:
        return _refused(request, store, actor, username, exc)
    return _user_page(request, store, actor, username, password=password)


@router.post("/admin/users/{username}/revoke-tokens")
def revoke_tokens(request: Request, username: str, store: StoreDep,
                  actor: WritingActor) -> Response:
    """Revoke every API token of an account (admins); audited."""
    actions.managed_account(store, actor, username)  # admins only (the verb lets owners)
    try:
        actions.revoke_tokens(store, actor, username)
    except PlanwatchError as exc:
        return _refused(request, store, actor, username, exc)
    return _done(username, "revoked")
