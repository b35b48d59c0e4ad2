"""``GET /lang/{code}?next=/path``: remember the interface language in the ``lang`` cookie and
go back to ``next`` (a local path only — anything else goes to "/")."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from planwatch.web.i18n import safe_next, set_lang_cookie, valid_lang
from planwatch.web.pages.common import error_page, page_router

router = page_router()


@router.get("/lang/{code}")
def switch_lang(request: Request, code: str, next: str = "/") -> Response:
    """Set the language cookie (no other state changes) and redirect back."""
    lang = valid_lang(code)
    if lang is None:
        return error_page(request, 404, f"unknown language: {code}")
    response = RedirectResponse(safe_next(next), status_code=303)
    set_lang_cookie(response, lang, bool(request.app.state.settings.cookie_secure))
    return response
