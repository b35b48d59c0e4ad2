"""Workflow errors; the web layer maps them to HTTP statuses through
:func:`planwatch.errors.http_status` (403, 404, 409, 422)."""

from __future__ import annotations

from planwatch.errors import Conflict, PlanwatchError

__all__ = ["Conflict", "Forbidden", "Invalid", "NotFound"]


class Forbidden(PlanwatchError):
    """The actor may not do this; nothing was changed (HTTP 403)."""

    code = "forbidden"
    status = 403


class NotFound(PlanwatchError):
    """The plan / submission / task does not exist or is not visible (HTTP 404)."""

    code = "not-found"
    status = 404


class Invalid(PlanwatchError):
    """Input that cannot be used; ``problems`` lists why (HTTP 422). Nothing was saved."""

    code = "invalid"
    status = 422

    def __init__(self, zh: str, en: str, problems: list[str] | None = None,
                 problems_en: list[str] | None = None) -> None:
        super().__init__(zh, en)
        self.problems = problems or []
        self.problems_en = problems_en or self.problems  # the same list in English
