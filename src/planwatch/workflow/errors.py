"""Workflow errors; the web layer maps them to HTTP statuses (403, 404, 409)."""

from __future__ import annotations

from planwatch.errors import PlanwatchError


class Forbidden(PlanwatchError):
    """The actor may not do this; nothing was changed (HTTP 403)."""

    code = "forbidden"


class NotFound(PlanwatchError):
    """The plan / submission / task does not exist or is not visible (HTTP 404)."""

    code = "not-found"


class Conflict(PlanwatchError):
    """The request clashes with the current state, e.g. reviewing twice (HTTP 409)."""

    code = "conflict"


class Invalid(PlanwatchError):
    """Input rows that cannot be used; ``problems`` lists them (HTTP 422). Nothing was saved."""

    code = "invalid"

    def __init__(self, zh: str, en: str, problems: list[str]) -> None:
        super().__init__(zh, en)
        self.problems = problems
