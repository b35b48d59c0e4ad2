"""Web security helpers: CSRF tokens, login throttling, upload limits, security headers."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
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


def client_address(peer: str | None, forwarded_for: str | None,
                   trusted_proxies: Sequence[str]) -> str:
    """The client's address: the connecting peer, unless the peer is a configured trusted
    proxy — then the right-most address of ``X-Forwarded-For`` that is not itself a trusted
    proxy. A header from anyone else is ignored (it could name any address)."""
    address = peer or "?"
    if address not in trusted_proxies or not forwarded_for:
        return address
    for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
        if hop not in trusted_proxies:
            return hop
    return address


class LoginThrottle:
    """At most ``max_failures`` failed logins per (username, client) within ``window`` seconds,
    and at most ``global_max`` from all clients together (against guessing from many
    addresses); further attempts are refused (HTTP 429) until old failures leave the window."""

    def __init__(self, max_failures: int = 5, window: float = 900.0,
                 global_max: int = 200) -> None:
        self.max_failures = max_failures
        self.window = window
        self.global_max = global_max
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def _global(self, now: float) -> deque[float]:
        while self._all and self._all[0] <= now - self.window:
            self._all.popleft()
        if len(self._failures) > 100_000:  # forget idle keys: memory stays bounded
            self._failures = {k: v for k, v in self._failures.items()
                              if v and v[-1] > now - self.window}
        return self._all

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def blocked(self, username: str, client: str) -> bool:
        with self._lock:
            now = time.monotonic()
            key = (username.strip().lower(), client)
            return (len(self._recent(key, now)) >= self.max_failures
                    or len(self._global(now)) >= self.global_max)

    def retry_after(self, username: str, client: str) -> int:
        with self._lock:
            now = time.monotonic()
            times = self._recent((username.strip().lower(), client), now)
            if len(times) < self.max_failures and len(self._global(now)) >= self.global_max:
                times = self._all
            return max(1, int(times[0] + self.window - now)) if times else 1

    def failed(self, username: str, client: str) -> None:
        with self._lock:
            now = time.monotonic()
            key = (username.strip().lower(), client)
            self._recent(key, now).append(now)
            self._global(now).append(now)

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
