"""FastAPI dependencies: the store, the current actor (session cookie or bearer token), the
CSRF check for cookie-authenticated state changes, and the templates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from planwatch import actions
from planwatch.settings import Settings
from planwatch.storage import Storage
from planwatch.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    LoginThrottle,
    csrf_matches,
    csrf_token,
)
from planwatch.workflow.plausibility import ReviewPolicy

TEMPLATES_DIR = Path(__file__).parent / "templates"


def make_templates() -> Jinja2Templates:
    """Jinja2 templates with autoescaping for .html/.j2 (and strings)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR),
                      autoescape=select_autoescape(("html", "htm", "j2"), default=True))
    return Jinja2Templates(env=env)


def get_store(request: Request) -> Storage:
    store: Storage = request.app.state.store
    return store


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def review_policy(request: Request) -> ReviewPolicy:
    """The review rules of this deployment (four-eyes, plausibility bands) from the settings."""
    settings = get_settings(request)
    return ReviewPolicy(four_eyes=settings.four_eyes, jump_pct=settings.plausibility_jump_pct,
                        target_factor=settings.plausibility_target_factor)


def get_throttle(request: Request) -> LoginThrottle:
    throttle: LoginThrottle = request.app.state.throttle
    return throttle


def secret(request: Request) -> str:
    value: str = request.app.state.secret
    return value


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def optional_actor(request: Request,
                   store: Annotated[Storage, Depends(get_store)]) -> actions.Actor | None:
    """The signed-in actor or None. A bearer token that is wrong is a 401, not anonymous."""
    token = _bearer(request)
    if token is not None:
        actor = actions.actor_for_token(store, token)
        if actor is None:
            raise HTTPException(401, "令牌无效 / invalid token",
                                headers={"WWW-Authenticate": "Bearer"})
        request.state.auth = "token"
        return actor
    session_id = request.cookies.get(SESSION_COOKIE)
    if not session_id:
        return None
    actor = actions.actor_for_session(store, session_id)
    if actor is not None:
        request.state.auth = "cookie"
        request.state.session_id = session_id
    return actor


OptionalActor = Annotated[actions.Actor | None, Depends(optional_actor)]


def current_actor(actor: OptionalActor) -> actions.Actor:
    """The signed-in actor; 401 when nobody is signed in."""
    if actor is None:
        raise HTTPException(401, "请先登录 / sign in first",
                            headers={"WWW-Authenticate": "Bearer"})
    return actor


CurrentActor = Annotated[actions.Actor, Depends(current_actor)]


def csrf_for(request: Request) -> str | None:
    """The CSRF token of the current cookie session (for templates: hidden form field)."""
    session_id = getattr(request.state, "session_id", None)
    return csrf_token(secret(request), session_id) if session_id else None


async def writing_actor(request: Request, actor: CurrentActor) -> actions.Actor:
    """The actor of a state-changing request. Cookie-authenticated requests must carry the
    session's CSRF token (header ``X-CSRF-Token`` or form field ``csrf_token``); bearer-token
    requests carry no cookie and are exempt."""
    if getattr(request.state, "auth", None) == "cookie":
        given = request.headers.get(CSRF_HEADER)
        content_type = request.headers.get("content-type", "")
        if given is None and content_type.startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")):
            value = (await request.form()).get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
        if not csrf_matches(secret(request), request.state.session_id, given):
            raise HTTPException(403, "缺少或错误的CSRF令牌 / missing or invalid CSRF token")
    return actor


WritingActor = Annotated[actions.Actor, Depends(writing_actor)]
StoreDep = Annotated[Storage, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PolicyDep = Annotated[ReviewPolicy, Depends(review_policy)]
