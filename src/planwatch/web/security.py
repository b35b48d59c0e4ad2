"""Web security helpers: CSRF tokens, login throttling, upload limits, security headers."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

PLAN_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
ACTUALS_SUFFIXES = (".xlsx", ".csv")
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SESSION_COOKIE = "pw_session"
LOGIN_CSRF_COOKIE = "pw_login_csrf"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def csrf_token(secret: str, session_id: str) -> str:
    """The CSRF token bound to a session: HMAC-SHA256(secret, session id)."""
    return hmac.new(secret.encode(), b"csrf:" + session_id.encode(), hashlib.sha256).hexdigest()


def csrf_matches(secret: str, session_id: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(csrf_token(secret, session_id), given or "")


def suffix_allowed(filename: str | None, allowed: tuple[str, ...]) -> bool:
    return bool(filename) and Path(filename or "").suffix.lower() in allowed


class LoginThrottle:
    """At most ``max_failures`` failed logins per (username, client) within ``window`` seconds;
    further attempts are refused (HTTP 429) until the oldest failure leaves the window."""

    def __init__(self, max_failures: int = 5, window: float = 900.0) -> None:
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, username: str, client: str) -> bool:
        with self._lock:
            key = (username.strip().lower(), client)
            return len(self._recent(key, time.monotonic())) >= self.max_failures

    def retry_after(self, username: str, client: str) -> int:
        with self._lock:
            times = self._recent((username.strip().lower(), client), time.monotonic())
            return max(1, int(times[0] + self.window - time.monotonic())) if times else 0

    def failed(self, username: str, client: str) -> None:
        with self._lock:
            key = (username.strip().lower(), client)
            self._recent(key, time.monotonic()).append(time.monotonic())

    def succeeded(self, username: str, client: str) -> None:
        with self._lock:
            self._failures.pop((username.strip().lower(), client), None)


class BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    """Refuse request bodies larger than ``max_bytes`` with 413 (by Content-Length, and by
    counting the bytes of bodies sent without one)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _too_large(send, self.max_bytes)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _too_large(send, self.max_bytes)


async def _too_large(send: Send, max_bytes: int) -> None:
    mb = max_bytes / 1024 / 1024
    body = json.dumps({"detail": f"上传内容超过{mb:g} MB上限 / request body over {mb:g} MB",
                       "code": "too-large"}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "frame-ancestors 'none'"),
}
