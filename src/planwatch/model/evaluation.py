"""Typed evaluation results: every result carries its inputs, its parameters and reason codes.

Nothing is silently substituted: where a value cannot be computed it stays ``None`` and a
:class:`Reason` says why (sdg-build replaces a zero baseline by 0.001 — planwatch does not).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from planwatch.model.findings import Finding
from planwatch.model.plan import Comparator


class Direction(StrEnum):
    """Which way is better: 越高越好 (default for S&T indicators) or 越低越好 (能耗强度)."""

    HIGHER = "higher"
    LOWER = "lower"


class ScheduleStatus(StrEnum):
    """Schedule verdicts of a 中期/总结评估 as stable codes: 提前实现 achieved_early,
    快于预期 ahead, 基本符合预期 on_track, 滞后 behind, 倒退 regressing, 已实现 achieved,
    未实现 missed (labels: :mod:`planwatch.model.labels`)."""

    ACHIEVED_EARLY = "achieved_early"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    REGRESSING = "regressing"
    ACHIEVED = "achieved"
    MISSED = "missed"


class TrendStatus(StrEnum):
    """Open SDG / Statistics Canada progress categories."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"


class Reason(StrEnum):
    """Why a value is missing or how it was derived (stable codes)."""

    NO_ACTUAL = "no-actual"
    NO_BASELINE = "no-baseline"
    ZERO_BASELINE = "zero-baseline"
    ZERO_TARGET = "zero-target"
    TARGET_BEFORE_BASELINE = "target-before-baseline"
    NO_NUMERIC_TARGET = "no-numeric-target"
    NO_TARGET_YEAR = "no-target-year"
    UNIT_MISMATCH = "unit-mismatch"
    NO_PLANNED_CHANGE = "no-planned-change"
    NO_ELAPSED_TIME = "no-elapsed-time"
    NON_POSITIVE_VALUE = "non-positive-value"
    ACTUAL_BEFORE_BASELINE = "actual-before-baseline"
    TARGET_FROM_CUMULATIVE = "target-from-cumulative"
    TARGET_FROM_GROWTH = "target-from-growth"
    COMPOUND_PATH = "compound-path"
    RATE_TARGET = "rate-target"
    PROVISIONAL_ACTUAL = "provisional-actual"
    SINGLE_ACTUAL = "single-actual"


def parse_month_day(text: str) -> tuple[int, int]:
    """``"06-30"`` → (6, 30); anything that is not a real calendar day raises ValueError."""
    parts = text.strip().split("-")
    try:
        month, day = (int(p) for p in parts) if len(parts) == 2 else (0, 0)
        date(2001, month, day)  # a non-leap year: 02-29 is refused, it does not exist every year
    except ValueError:
        month = 0
    if month == 0 or not all(p.isdigit() for p in parts):
        raise ValueError(f"报送期限应写作 月-日，如 06-30 / deadline must be MM-DD: {text!r}")
    return month, day


class EvaluationParams(BaseModel):
    """Tolerance bands and thresholds; stored with every result."""

    model_config = ConfigDict(frozen=True)

    schedule_band: float = 0.05
    approx_tolerance: float = 0.02
    on_track_ratio: float = 0.95
    acceleration_ratio: float = 0.60
    no_target_substantial: float = 0.015
    no_target_moderate: float = 0.005
    recency_weighting: Literal["linear"] = "linear"
    reporting_deadline: str = "06-30"
    """Month and day of the year after which a year's actual values are due (``MM-DD``)."""

    @field_validator("reporting_deadline")
    @classmethod
    def _check_deadline(cls, value: str) -> str:
        parse_month_day(value)
        return value


PathKind = Literal["linear", "compound", "rate"]


class IndicatorInputs(BaseModel):
    """The numbers an evaluation used, after resolving the target."""

    baseline: float | None = None
    baseline_year: int | None = None
    target: float | None = None
    target_year: int | None = None
    comparator: Comparator = "="
    annual_growth_pct: float | None = None
    cumulative_change: float | None = None
    binding: bool = False
    actual: float | None = None
    actual_year: int | None = None
    actual_status: str | None = None
    evaluation_year: int
    direction: Direction = Direction.HIGHER
    path: PathKind = "linear"


class Projection(BaseModel):
    """A labelled projection (预测) of the indicator to its target year."""

    method: Literal["cagr", "weighted-linear"]
    target_year: int
    value: float
    n_points: int
    gap: float | None = None
    meets_target: bool | None = None
    label: str = "projection"


class IndicatorEvaluation(BaseModel):
    """Schedule and trend status of one indicator at one evaluation year."""

    indicator: str
    unit: str | None = None
    line: int | None = None
    inputs: IndicatorInputs
    params: EvaluationParams
    time_progress: float | None = None
    completion_of_change: float | None = Field(
        default=None, description="完成率（增量口径）(A−B)/(T−B)"
    )
    completion_log: float | None = Field(default=None, description="复合增长口径 ln(A/B)/ln(T/B)")
    ratio_to_target: float | None = Field(default=None, description="完成率（目标口径）A/T")
    expected_value: float | None = None
    met: bool | None = None
    schedule_status: ScheduleStatus | None = None
    cagr_observed: float | None = None
    cagr_required: float | None = None
    trend_ratio: float | None = None
    trend_status: TrendStatus | None = None
    projections: list[Projection] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)


class PriorEvaluation(BaseModel):
    """Judgement of one row of a previous-period results table (“十三五”完成情况)."""

    name: str
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    actual: float | None = None
    direction: Direction = Direction.HIGHER
    met: bool | None = None
    ratio_to_target: float | None = None
    completion_of_change: float | None = None
    reasons: list[Reason] = Field(default_factory=list)
    line: int | None = None


class TaskState(StrEnum):
    DONE = "done"
    OVERDUE = "overdue"
    BLOCKED = "blocked"
    STALLED = "stalled"
    IN_PROGRESS = "in_progress"
    NOT_REPORTED = "not_reported"


class TaskEvaluation(BaseModel):
    """Status of one plan task on a given day."""

    number: int
    title: str
    deadline: date | None = None
    state: TaskState
    last_report: date | None = None
    days_since_report: int | None = None
    percent: float | None = None
    stall_days: int
    reasons: list[str] = Field(default_factory=list)


class PlanAssessment(BaseModel):
    """All indicator evaluations of a plan in one year plus the findings they raise."""

    evaluation_year: int
    indicators: list[IndicatorEvaluation] = Field(default_factory=list)
    targets: list[IndicatorEvaluation] = Field(default_factory=list)
    """Prose targets with a stated baseline, evaluated like indicators (see evaluate.targets)."""
    findings: list[Finding] = Field(default_factory=list)
