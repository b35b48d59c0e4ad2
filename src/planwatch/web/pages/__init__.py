"""The HTML pages (server-rendered Jinja2 + HTMX). ``ROUTERS`` are included by
:func:`planwatch.web.app.create_app` (before its minimal fallback routes)."""

from __future__ import annotations

from fastapi import APIRouter

from planwatch.web.pages import (
    account,
    actuals,
    admin,
    home,
    imports,
    lang,
    plans,
    regions,
    review,
    tasks,
    users,
)

ROUTERS: list[APIRouter] = [home.router, plans.router, actuals.router, review.router, tasks.router,
                            imports.router, lang.router, account.router, admin.router,
                            users.router, regions.router]
