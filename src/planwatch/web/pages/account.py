"""我的账号 (account page): change one's password (current one required; every other session
and every API token ends), create API tokens with an expiry, list and revoke them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch import actions
from planwatch.web.deps import CurrentActor, SettingsDep, StoreDep, WritingActor
from planwatch.web.pages.common import page_router, render, said, say
from planwatch.web.pages.paging import FIRST_PAGE, PageRequest, Paging, pager

router = page_router()


def _page(request: Request, store: StoreDep, actor: actions.Actor, *, message: str | None = None,
          error: str | None = None, token: str | None = None, status_code: int = 200,
          paging: PageRequest = FIRST_PAGE) -> Response:
    tokens, total = actions.token_page(store, actor, actor.username, offset=paging.offset,
                                       limit=paging.size)
    return render(request, "account.html", {
        "tokens": tokens, "message": message, "error": error, "new_token": token,
        "pages": pager(request, paging, total, len(tokens), drop=("done",), path="/account")},
        status_code=status_code)


@router.get("/account")
def account(request: Request, store: StoreDep, actor: CurrentActor, paging: Paging,
            done: str | None = None) -> Response:
    messages = {"password": "密码已修改，其他会话和全部API令牌已失效。", "revoked": "令牌已撤销。"}
    message = messages.get(done or "")
    return _page(request, store, actor, message=message and say(request, message), paging=paging)


@router.post("/account/password")
def change_password(request: Request, store: StoreDep, actor: WritingActor,
                    current: Annotated[str, Form(max_length=200)],
                    password: Annotated[str, Form(max_length=200)]) -> Response:
    try:
        actions.set_password(store, actor, actor.username, password, current=current,
                             keep_session=getattr(request.state, "session_id", None))
    except (actions.Forbidden, actions.Invalid) as exc:
        return _page(request, store, actor, error=said(request, exc), status_code=exc.status)
    return RedirectResponse("/account?done=password", status_code=303)


@router.post("/account/tokens")
def new_token(request: Request, store: StoreDep, settings: SettingsDep, actor: WritingActor,
              name: Annotated[str, Form(max_length=100)] = "",
              days: Annotated[float | None, Form(gt=0, le=3650)] = None) -> Response:
    token = actions.create_token(store, actor, actor.username, name.strip() or None,
                                 days or settings.token_days)
    return _page(request, store, actor, token=token, status_code=201)


@router.post("/account/tokens/{token_id}/revoke")
def revoke(token_id: int, store: StoreDep, actor: WritingActor) -> Response:
    actions.revoke_tokens(store, actor, actor.username, token_id)
    return RedirectResponse("/account?done=revoked", status_code=303)
