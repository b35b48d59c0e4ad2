"""Errors answered by the web layer: RFC 9457 problem details (``application/problem+json``,
Chinese and English) on the API, Chinese error pages on HTML routes. The status of every error
comes from one function, :func:`planwatch.errors.http_status`. A busy database is a 503 with
``Retry-After``; a clash with a database constraint a 409; anything unexpected a 500 that says
so in Chinese and English (never a bare text)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException

from planwatch.errors import Busy, Conflict, PlanwatchError, http_status
from planwatch.web.headers import retry_headers
from planwatch.workflow.errors import Invalid

LOG = logging.getLogger("planwatch.web")
API_PREFIX = "/api/"
PROBLEM = "application/problem+json"
TITLES = {400: ("请求无效", "Bad request"), 401: ("请先登录", "Unauthorized"),
          403: ("无权操作", "Forbidden"), 404: ("未找到", "Not found"),
          405: ("不支持的请求方法", "Method not allowed"), 409: ("与当前状态冲突", "Conflict"),
          413: ("内容过大", "Content too large"), 422: ("输入无效", "Unprocessable content"),
          429: ("请求过于频繁", "Too many requests"), 500: ("服务器内部错误", "Internal error"),
          503: ("服务繁忙，请稍后重试", "Service busy")}
INTERNAL = ("服务器内部错误，操作未完成，请稍后重试或联系管理员",
            "internal error: nothing was done; try again later or tell the administrator")


def _title(status: int) -> tuple[str, str]:
    return TITLES.get(status, ("请求未完成", "Request failed"))


def problem(request: Request, status: int, code: str, zh: str, en: str,
            headers: dict[str, str] | None = None, **extra: Any) -> Response:
    """A problem-details response (API) or a Chinese error page (HTML routes)."""
    if not request.url.path.startswith(API_PREFIX):
        from planwatch.web.pages.common import bilingual, error_page

        return error_page(request, status, bilingual(request, zh, en), headers=headers)
    title_zh, title_en = _title(status)
    body = {"type": f"urn:planwatch:error:{code}", "title": f"{title_zh} / {title_en}",
            "status": status, "detail": f"{zh} / {en}", "detail_zh": zh, "detail_en": en,
            "code": code, "instance": request.url.path, **extra}
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM)


async def planwatch_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PlanwatchError)
    extra: dict[str, Any] = {}
    problems = getattr(exc, "problems", None)
    if problems:
        extra["problems"] = [p if isinstance(p, str) else p.model_dump(mode="json")
                             for p in problems]
        english = getattr(exc, "problems_en", None)
        if english and english is not problems:  # the same list in English
            extra["problems_en"] = list(english)
    return problem(request, http_status(exc), getattr(exc, "code", "error"), exc.zh, exc.en,
                   headers=retry_headers(exc), **extra)


def _field(loc: Any) -> str:
    return ".".join(str(p) for p in loc if p not in ("body", "query", "path", "form"))


async def validation_error(request: Request, exc: Exception) -> Response:
    """422 with one line per field; the offending input is never echoed (it may be NaN)."""
    assert isinstance(exc, RequestValidationError)
    problems = [f"{_field(e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()]
    return problem(request, 422, "invalid", "输入无效：" + "；".join(problems),
                   "invalid input: " + "; ".join(problems), problems=problems)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    detail = str(exc.detail)
    zh, _, en = detail.partition(" / ")
    return problem(request, exc.status_code, f"http-{exc.status_code}", zh, en or zh,
                   headers=dict(exc.headers or {}))


def _busy(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "locked" in text or "busy" in text or "could not obtain lock" in text


async def database_error(request: Request, exc: Exception) -> Response:
    """A busy database → 503 with Retry-After; a broken constraint → 409; else 500."""
    if isinstance(exc, IntegrityError):
        conflict = Conflict("数据与已有记录冲突（可能已被他人修改），操作未执行",
                            "the change clashes with stored data (changed meanwhile?)")
        return await planwatch_error(request, conflict)
    if isinstance(exc, DataError):  # e.g. a text too long for its column on PostgreSQL
        invalid = Invalid("输入超出数据库允许的范围（长度或字符）",
                          "input the database cannot store (length or characters)")
        return await planwatch_error(request, invalid)
    if isinstance(exc, OperationalError) and _busy(exc):
        busy = Busy("数据库正忙，请稍后重试", "the database is busy: try again shortly")
        return await planwatch_error(request, busy)
    LOG.exception("database error on %s", request.url.path, exc_info=exc)
    return problem(request, 500, "internal", *INTERNAL)


async def internal_error(request: Request, exc: Exception) -> Response:
    LOG.exception("unexpected error on %s", request.url.path, exc_info=exc)
    return problem(request, 500, "internal", *INTERNAL)


def install(app: Any) -> None:
    """Register every handler on the app."""
    app.add_exception_handler(PlanwatchError, planwatch_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(DBAPIError, database_error)
    app.add_exception_handler(Exception, internal_error)
