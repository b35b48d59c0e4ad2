"""Shared helpers of the HTML pages: the page route class (errors as HTML pages, sign-in
redirects), rendering, number formatting and the inline SVG sparkline."""

from __future__ import annotations

import math
from collections.abc import Callable, Coroutine, Sequence
from datetime import date
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute

from planwatch.errors import ItemsRefused, PlanwatchError, http_status
from planwatch.model.labels import VerdictCode, labels
from planwatch.reports.build import VERDICT_CLASS, VERDICT_ORDER as REPORT_VERDICT_ORDER
from planwatch.reports.text import FINDING_LABELS
from planwatch.web import i18n
from planwatch.web.deps import OptionalActor
from planwatch.web.headers import retry_headers
from planwatch.web.pages.display import (
    BASE_ONLY_NOTE,
    base_only,
    doc_type_zh,
    is_prose,
    level_zh,
)

VERDICT_ORDER = tuple(v for v in REPORT_VERDICT_ORDER if v != VerdictCode.NOT_EVALUABLE)
OPTIONAL_VERDICTS = (VerdictCode.NOT_EVALUABLE,)
"""Shown in the counts only when some indicator has it (e.g. units that do not match)."""
# Chinese labels of codes, from the one catalogue (model.labels); t() gives their English.
TASK_STATE_ZH = labels("task_state")
SUBMISSION_ZH = labels("submission_status")
ROLE_ZH = labels("role")

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def say(request: Request, zh: str, **values: Any) -> str:
    """A message built in Python (a flash or status line) in the page's language."""
    return i18n.translate(zh, i18n.lang_of(request), **values)


def said(request: Request, exc: PlanwatchError) -> str:
    """The user-facing text of a refused request in the page's language."""
    return exc.en if i18n.lang_of(request) == "en" else exc.zh


def said_problems(request: Request, exc: PlanwatchError) -> list[str]:
    """The per-item reasons of a refused request in the page's language."""
    if not isinstance(exc, ItemsRefused):
        return []
    return list(exc.problems_en if i18n.lang_of(request) == "en" else exc.problems)


def bilingual(request: Request, zh: str, en: str) -> str:
    """An error for an error page: "中文 / English" on Chinese pages, the English alone on
    English pages."""
    return en if i18n.lang_of(request) == "en" else f"{zh} / {en}"


def error_page(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> Response:
    """A page explaining a refused or failed request (status kept)."""
    return render(request, "error.html", {"status": status, "message": message},
                  status_code=status, headers=headers)


def login_redirect(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/login?next=" + quote(target, safe="/"), status_code=303)


class PageRoute(APIRoute):
    """Routes of HTML pages: not signed in → redirect to /login (GET) or 401 page; workflow
    errors (Forbidden, NotFound, Conflict …) → an HTML error page with the right status."""

    def get_route_handler(self) -> Handler:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                return await original(request)
            except PlanwatchError as exc:
                return error_page(request, http_status(exc), bilingual(request, exc.zh, exc.en),
                                  retry_headers(exc))
            except HTTPException as exc:
                if exc.status_code == 401 and request.method == "GET":
                    return login_redirect(request)
                return error_page(request, exc.status_code, str(exc.detail))

        return handler


def remember_actor(request: Request, actor: OptionalActor) -> None:
    """Keep the signed-in actor for the templates' header (``current_user``)."""
    request.state.actor = actor


def page_router() -> APIRouter:
    return APIRouter(include_in_schema=False, route_class=PageRoute,
                     dependencies=[Depends(remember_actor)])


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200,
           headers: dict[str, str] | None = None) -> Response:
    """Render a template; the context processor adds ``current_user`` and ``csrf_token``."""
    templates = request.app.state.templates
    _install_helpers(templates.env)
    response: Response = templates.TemplateResponse(request, name, context,
                                                    status_code=status_code, headers=headers)
    _remember_lang(request, response)
    return response


def _remember_lang(request: Request, response: Response) -> None:
    """``?lang=en`` on a page also sets the ``lang`` cookie for the following pages."""
    asked = i18n.valid_lang(request.query_params.get("lang"))
    if asked and asked != request.cookies.get(i18n.LANG_COOKIE):
        i18n.set_lang_cookie(response, asked, bool(request.app.state.settings.cookie_secure))


_COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "~": "约"}


def comparator_sign(comparator: str | None) -> str:
    """How a target's comparator is printed before its value: ≥ / ≤ / 约, nothing for '='."""
    return _COMPARATOR_SIGNS.get(comparator or "", "")


def _install_helpers(env: Any) -> None:
    if "num" in env.filters:
        return
    env.filters["num"] = fmt_num
    env.filters["cmp"] = comparator_sign
    env.filters["pct"] = fmt_pct
    env.filters["plain"] = fmt_plain
    env.filters["fieldsize"] = field_size
    env.filters["doc_type"] = doc_type_zh
    env.filters["level"] = level_zh
    i18n.install(env)
    env.globals.update(sparkline=sparkline, VERDICT_ORDER=VERDICT_ORDER,
                       OPTIONAL_VERDICTS=OPTIONAL_VERDICTS, BASE_ONLY_NOTE=BASE_ONLY_NOTE,
                       base_only=base_only, is_prose=is_prose,
                       VERDICT_CLASS=VERDICT_CLASS, TASK_STATE_ZH=TASK_STATE_ZH,
                       SUBMISSION_ZH=SUBMISSION_ZH, ROLE_ZH=ROLE_ZH,
                       FINDING_LABELS=FINDING_LABELS)


def fmt_num(value: float | None, digits: int = 2) -> str:
    """12.50 → "12.5"; None → "—"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_plain(value: object) -> str:
    """A form value that round-trips: None → "", 370.0 → "370", 2.36 → "2.36"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def text_width(value: object) -> int:
    """Width of ``value`` in Latin character cells (CJK characters count double)."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in fmt_plain(value))


def field_size(value: object, least: int = 4, most: int = 60) -> int:
    """The ``size`` of an input showing ``value`` whole."""
    return min(max(text_width(value) + 2, least), most)


def fmt_pct(value: float | None) -> str:
    """A share 0.734 → "73.4%"."""
    return "—" if value is None else f"{value * 100:.1f}%"


def sparkline(series: Sequence[Sequence[float]], width: int = 110,
              height: int = 28) -> str:
    """SVG polyline points of a (year, value) series scaled into width × height ('' if < 2)."""
    if len(series) < 2:
        return ""
    xs = [float(p[0]) for p in series]
    ys = [float(p[1]) for p in series]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    dx, dy = (x1 - x0) or 1.0, (y1 - y0) or 1.0
    pad = 3.0
    points = [(pad + (x - x0) / dx * (width - 2 * pad),
               height - pad - (y - y0) / dy * (height - 2 * pad)) for x, y in zip(xs, ys,
                                                                               strict=True)]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def plan_years(start: int | None, end: int | None, today: date | None = None) -> list[int]:
    """Years of a plan period up to this year (at most 15); else the last three years."""
    this_year = (today or date.today()).year
    last = min(end or this_year, this_year)
    first = start if start and start <= last else last - 2
    return list(range(first, last + 1))[-15:]
