"""The planwatch web application: ``create_app(settings)`` → FastAPI.

How to add pages (for the HTML pages)
-------------------------------------
* Routers: write ``planwatch/web/pages/<area>.py`` with ``router = APIRouter(
  include_in_schema=False)`` and add it to :data:`PAGE_ROUTERS` below (or call
  ``app.include_router`` in :func:`create_app`). JSON routes live under ``web/api/`` (/api/v1).
* Templates: ``planwatch/web/templates/`` (Jinja2, autoescape on for .html/.j2 — never mark
  user data ``|safe``). Extend ``base.html`` (blocks ``title`` and ``content``). Render with
  ``request.app.state.templates.TemplateResponse(request, "x.html", {...})``; every template
  gets ``current_user`` (Actor or None) and ``csrf_token`` through the context processor.
* Forms: every state-changing form needs ``<input type="hidden" name="csrf_token"
  value="{{ csrf_token }}">``; HTMX / fetch calls send header ``X-CSRF-Token`` (put the token
  in ``<meta name="csrf-token">``, base.html does). The check is the ``WritingActor``
  dependency (``planwatch.web.deps``): use it on every POST/PUT/PATCH/DELETE route.
* Current user: ``OptionalActor`` (None when anonymous), ``CurrentActor`` (401 otherwise).
  Call ``planwatch.actions`` verbs with that actor — permission rules live there, so a page
  never re-implements them; ``Forbidden`` → 403, ``NotFound`` → 404, ``Conflict`` → 409
  (one mapping: ``planwatch.errors.http_status``; responses built in ``planwatch.web.errors``).
* Static files: ``planwatch/web/static/`` is mounted at ``/static`` when it exists (vendor JS
  from npm copied in, no CDN: the Content-Security-Policy allows only 'self').
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from planwatch import actions
from planwatch.settings import Settings
from planwatch.storage import Storage
from planwatch.storage.users import app_secret
from planwatch.web import errors as web_errors, i18n
from planwatch.web.api import API_PREFIX, api_router
from planwatch.web.auth import page_router as auth_pages
from planwatch.web.deps import OptionalActor, StoreDep, csrf_for, make_templates
from planwatch.web.pages import ROUTERS as HTML_PAGES
from planwatch.web.security import SECURITY_HEADERS, BodyLimitMiddleware, LoginThrottle

STATIC_DIR = Path(__file__).parent / "static"
PAGE_ROUTERS: list[Any] = [auth_pages, *HTML_PAGES]
def _context(request: Request) -> dict[str, Any]:
    """``current_user`` and the session's ``csrf_token`` (the login form keeps its own)."""
    context = {"current_user": getattr(request.state, "actor", None)}
    if request.url.path != "/login":
        context["csrf_token"] = csrf_for(request)
    return context


def _secret(settings: Settings, store: Storage) -> str:
    return settings.secret_key or app_secret(store, "web-secret", lambda: secrets.token_hex(32))


def create_app(settings: Settings | None = None, store: Storage | None = None) -> FastAPI:
    """The application on ``settings.database_url`` (or on an already open ``store``)."""
    settings = settings or Settings()
    store = store or actions.open_store(settings.database_url)
    # No Swagger UI: it would load scripts from a CDN, which the Content-Security-Policy blocks;
    # the OpenAPI document stays at /api/v1/openapi.json.
    app = FastAPI(title="planwatch", version="1", openapi_url=f"{API_PREFIX}/openapi.json",
                  docs_url=None, redoc_url=None)
    app.state.settings, app.state.store = settings, store
    actions.housekeeping(store)
    app.state.secret = _secret(settings, store)
    app.state.throttle = LoginThrottle(settings.login_max_failures,
                                       settings.login_window_seconds,
                                       settings.login_global_max_failures)
    templates = make_templates()
    i18n.install(templates.env)
    templates.env.globals["app_name"] = "planwatch"
    templates.context_processors.append(_context)
    app.state.templates = templates
    web_errors.install(app)
    app.include_router(api_router())
    for router in PAGE_ROUTERS:
        app.include_router(router)
    app.include_router(_core_pages())
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _add_middleware(app, settings)
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_upload_bytes)


def _core_pages() -> Any:
    from fastapi import APIRouter

    router = APIRouter(include_in_schema=False)

    @router.get("/healthz")
    def healthz(store: StoreDep) -> dict[str, str]:
        with store.atomic() as conn:
            conn.exec_driver_sql("SELECT 1")
        return {"status": "ok"}

    @router.get("/", response_class=HTMLResponse)
    def index(request: Request, store: StoreDep, actor: OptionalActor) -> Response:
        """Minimal plan list (the pages engineer replaces it with the region tree)."""
        request.state.actor = actor
        return request.app.state.templates.TemplateResponse(  # type: ignore[no-any-return]
            request, "index.html", {"plans": actions.plan_items(store, actor)})

    return router
