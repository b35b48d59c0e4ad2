"""Sign in / out: the JSON API (``/api/v1/auth``) and the HTML login form (``/login``).

Sessions are server-side (table ``web_sessions``); the cookie holds a random id and is HttpOnly,
SameSite=Lax and (setting ``cookie_secure``) Secure. Failed logins are throttled per
username + client address.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from planwatch import actions
from planwatch.settings import Settings
from planwatch.storage import Storage
from planwatch.web.deps import (
    CurrentActor,
    SettingsDep,
    StoreDep,
    csrf_for,
    get_throttle,
    secret,
)
from planwatch.web.security import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    client_address,
    csrf_token,
)

api_router = APIRouter(prefix="/auth", tags=["auth"])
page_router = APIRouter(include_in_schema=False)


class LoginIn(BaseModel):
    username: str = Field(max_length=100)
    password: str = Field(max_length=200)


class Me(BaseModel):
    username: str
    role: str
    department: str | None
    csrf_token: str | None = None
    """Send it back as header X-CSRF-Token on state-changing calls made with the cookie."""


def _client(request: Request) -> str:
    """The client address for the login throttle (X-Forwarded-For only from trusted proxies)."""
    settings: Settings = request.app.state.settings
    return client_address(request.client.host if request.client else None,
                          request.headers.get("x-forwarded-for"), settings.trusted_proxies)


def sign_in(request: Request, response: Response, store: Storage, settings: Settings,
            username: str, password: str) -> Me:
    """Check the password (throttled), open a session and set its cookie."""
    throttle, client = get_throttle(request), _client(request)
    if throttle.blocked(username, client):
        raise HTTPException(429, "登录失败次数过多，请稍后再试 / too many failed logins",
                            headers={"Retry-After": str(throttle.retry_after(username, client))})
    actor = actions.authenticate(store, username, password)
    if actor is None:
        throttle.failed(username, client)
        raise HTTPException(401, "用户名或密码错误 / wrong username or password")
    throttle.succeeded(username, client)
    session_id = actions.start_session(store, actor, settings.session_hours)
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="lax",
                        secure=settings.cookie_secure, max_age=int(settings.session_hours * 3600),
                        path="/")
    return Me(username=actor.username, role=actor.role, department=actor.department,
              csrf_token=csrf_token(secret(request), session_id))


@api_router.post("/login", response_model=Me)
def api_login(body: LoginIn, request: Request, response: Response, store: StoreDep,
              settings: SettingsDep) -> Me:
    """Sign in with username and password; sets the session cookie and returns the CSRF token."""
    return sign_in(request, response, store, settings, body.username, body.password)


@api_router.post("/logout", status_code=204)
def api_logout(request: Request, response: Response, store: StoreDep) -> None:
    """End the cookie session (no CSRF needed: signing out harms nobody)."""
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        actions.end_session(store, session_id)
    response.delete_cookie(SESSION_COOKIE, path="/")


@api_router.get("/me", response_model=Me)
def api_me(request: Request, actor: CurrentActor) -> Me:
    """Who is signed in (and the CSRF token of the cookie session)."""
    return Me(username=actor.username, role=actor.role, department=actor.department,
              csrf_token=csrf_for(request))


@page_router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/", error: str | None = None) -> Response:
    """The login form (double-submit CSRF token: cookie + hidden field)."""
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)
    response = request.app.state.templates.TemplateResponse(
        request, "login.html", {"csrf_token": token, "next": _safe_next(next), "error": error})
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response  # type: ignore[no-any-return]


def _safe_next(target: str) -> str:
    """Only same-site relative paths (never //host or scheme URLs)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@page_router.post("/login")
def login_form(request: Request, store: StoreDep, settings: SettingsDep,
               username: Annotated[str, Form()], password: Annotated[str, Form()],
               csrf_token: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "/",
               ) -> Response:
    """Form sign-in; on success redirect to ``next``."""
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie, csrf_token):
        raise HTTPException(403, "缺少或错误的CSRF令牌 / missing or invalid CSRF token")
    response = RedirectResponse(_safe_next(next), status_code=303)
    try:
        sign_in(request, response, store, settings, username, password)
    except HTTPException as exc:
        if exc.status_code != 401:
            raise
        failed = login_page(request, next, error="用户名或密码错误")
        failed.status_code = 401
        return failed
    return response


@page_router.post("/logout")
def logout_form(request: Request, store: StoreDep) -> Response:
    session_id = request.cookies.get(SESSION_COOKIE)
    if session_id:
        actions.end_session(store, session_id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
