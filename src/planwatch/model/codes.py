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


class PerformanceGroup(StrEnum):
    """Composite index: EIS performance group by score relative to the reference average."""

    LEADER = "leader"
    STRONG = "strong"
    MODERATE = "moderate"
    EMERGING = "emerging"


class IndexExclusion(StrEnum):
    """Composite index: why an indicator of the framework is left out."""

    NO_DATA = "no_data"
    SINGLE_REGION = "single_region"
    CONSTANT = "constant"


class IndexFactor(StrEnum):
    """Composite index: a methodological choice the uncertainty analysis varies."""

    WEIGHTS = "weights"
    NORMALISATION = "normalisation"
    AGGREGATION = "aggregation"


class CascadeKind(StrEnum):
    """Target cascade: how sub-region targets combine into the parent's."""

    ADDITIVE = "additive"
    RATIO = "ratio"


class CascadeVerdict(StrEnum):
    """Target cascade: does the parent's target fit its sub-regions'?"""

    CONSISTENT = "consistent"
    SHORTFALL = "shortfall"
    OVERSHOOT = "overshoot"
    INCOMPLETE = "incomplete"


class HistoryKind(StrEnum):
    """What kind of change an entry of a plan's history (变更记录) records."""

    PLAN_VERSION = "plan_version"
    PLAN_CONTENT = "plan_content"
    EXTRACTION_CORRECTION = "extraction_correction"
    TARGET_REVISION = "target_revision"
    ACTUAL_VALUE = "actual_value"
    SUBMISSION_REVIEW = "submission_review"
    TASK_PROGRESS = "task_progress"
    INDICATOR_OWNER = "indicator_owner"
    PLAN_VISIBILITY = "plan_visibility"
    PLAN_ARCHIVE = "plan_archive"


class ReportKind(StrEnum):
    """Which report a period's evaluation is: 年度监测报告, 中期评估报告 (the plan's middle
    year or years) or 总结评估报告 (at or after the end year)."""

    ANNUAL = "annual"
    MIDTERM = "midterm"
    FINAL = "final"
