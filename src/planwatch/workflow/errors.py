"""Workflow errors; the web layer maps them to HTTP statuses through
:func:`planwatch.errors.http_status` (403, 404, 409, 422)."""

from __future__ import annotations

from planwatch.errors import Conflict, ItemsRefused, PlanwatchError

__all__ = ["Conflict", "Forbidden", "Invalid", "NotFound"]


class Forbidden(PlanwatchError):
    """The actor may not do this; nothing was changed (HTTP 403)."""

    code = "forbidden"
    status = 403


class NotFound(PlanwatchError):
    """The plan / submission / task does not exist or is not visible (HTTP 404)."""

    code = "not-found"
    status = 404


class Invalid(ItemsRefused):
    """Input that cannot be used; ``problems`` lists why (HTTP 422). Nothing was saved."""

    code = "invalid"
    status = 422
