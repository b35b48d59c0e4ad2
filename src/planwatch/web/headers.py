"""Response headers shared by the API error responses and the HTML error pages."""

from __future__ import annotations

from planwatch.errors import Busy


def retry_headers(exc: BaseException) -> dict[str, str] | None:
    """``Retry-After`` for a busy database (503), else nothing."""
    return {"Retry-After": str(Busy.retry_after)} if isinstance(exc, Busy) else None
