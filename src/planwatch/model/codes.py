"""Stable English codes of the workflow (角色、填报状态、口径、任务进展): the values stored in
the database and carried by the JSON/API. Their zh/en labels live in :mod:`planwatch.model.labels`
— nothing else spells them out in Chinese."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What an account may do."""

    ADMIN = "admin"
    REVIEWER = "reviewer"
    DEPARTMENT = "department"
    VIEWER = "viewer"


class SubmissionStatus(StrEnum):
    """Where a submitted actual value is in the review (填报审核)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"


class SubmissionKind(StrEnum):
    """A first value, or a correction of a locked one (更正申请)."""

    VALUE = "value"
    CORRECTION = "correction"


class ActualKind(StrEnum):
    """口径 of an actual value: 初步数 (provisional) or 最终数 (final)."""

    PROVISIONAL = "provisional"
    FINAL = "final"


class ProgressStatus(StrEnum):
    """The status a department reports with a task's progress (a subset of the task states)."""

    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
