"""The JSON API under /api/v1 (OpenAPI document: /api/v1/openapi.json)."""

from __future__ import annotations

from fastapi import APIRouter

from planwatch.web.api import actuals, home, plans, regions, tasks, users
from planwatch.web.auth import api_router as auth_router

API_PREFIX = "/api/v1"


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    for sub in (auth_router, plans.router, actuals.router, tasks.router, users.router,
                regions.router, home.router):
        router.include_router(sub)
    return router
