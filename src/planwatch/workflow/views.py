"""JSON-ready views the pages and the API share (pydantic, so the OpenAPI document shows them)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from planwatch.model.findings import Finding
from planwatch.model.labels import VerdictCode
from planwatch.storage.audit_log import AuditEntry
from planwatch.storage.revisions import TargetRevision


class PlanItem(BaseModel):
    id: int
    title: str
    region: str | None
    region_id: int | None
    doc_type: str | None
    period_start: int | None
    period_end: int | None
    latest_version: int | None
    is_public: bool


class RegionNode(BaseModel):
    id: int | None
    name: str
    level: str | None
    plans: list[PlanItem] = Field(default_factory=list)
    children: list[RegionNode] = Field(default_factory=list)
    plan_count: int = 0
    """How many plans the region has on the list (``plans`` may show only the first ones)."""


class ProjectionOut(BaseModel):
    year: int
    value: float
    method: str
    points: int
    meets_target: bool | None


class IndicatorStatus(BaseModel):
    """One indicator in the overview: numbers, verdict (进度判断) and a sparkline series.

    Built from the evaluation (``reports.build.IndicatorRow``) field by field; every front end
    shows these values as they are. Two completion measures, both labelled:
    ``completion_plain`` = 目标完成率 A/T; ``completion_progress`` = 进度完成率 on
    ``progress_basis`` (``linear`` (A−B)/(T−B) or ``compound`` ln(A/B)/ln(T/B)), the measure
    the verdict compares with ``time_progress``. ``display_state``: ``evaluated``,
    ``base_only`` (only the base-year value: 暂无数据, 仅有基期值), ``no_data`` or
    ``not_evaluable`` (无法判断)."""

    index: int
    name: str
    unit: str | None
    attribute: str | None
    baseline_year: int | None
    baseline: float | None
    target_year: int | None
    target: float | None
    comparator: str | None
    path: str
    actual_year: int | None
    actual: float | None
    display_state: Literal["evaluated", "base_only", "no_data", "not_evaluable"] = "no_data"
    completion_plain: float | None = Field(default=None, description="目标完成率 A/T")
    completion_progress: float | None = Field(
        default=None, description="进度完成率 on progress_basis (the verdict's measure)")
    progress_basis: Literal["linear", "compound"] | None = None
    completion_change: float | None = Field(default=None, description="(A−B)/(T−B)")
    completion_log: float | None = Field(default=None, description="ln(A/B)/ln(T/B)")
    time_progress: float | None
    verdict: str
    """进度判断 in Chinese: the label of ``verdict_code``."""
    verdict_code: VerdictCode = VerdictCode.NO_DATA
    warnings: list[str]
    series: list[tuple[int, float]]
    projection: ProjectionOut | None
    owner: str | None = None


class TaskBrief(BaseModel):
    number: int
    title: str
    state: str
    deadline: str | None
    last_report: str | None
    percent: float | None


class DepartmentTaskGroup(BaseModel):
    department: str
    tasks: list[TaskBrief]


class PlanOverview(BaseModel):
    plan: PlanItem
    year: int
    period: str | None
    verdict_counts: dict[VerdictCode, int]
    """Rows per verdict code, in the order of ``reports.build.VERDICT_ORDER`` (no zeros)."""
    indicator_count: int
    with_actual: int
    warning_count: int
    """Data notes (数据提示) on the rows: values taken from an earlier year, unit problems …"""
    alert_count: int = 0
    """预警 shown to this audience: ``len(alerts) + len(task_alerts)``."""
    alerts: list[Finding]
    """预警 of the indicator evaluation."""
    audit_findings: list[Finding]
    """Plan audit (incl. the checks against the parent plan) and extraction findings."""
    indicators: list[IndicatorStatus]
    task_alerts: list[Finding] = Field(default_factory=list)
    """Overdue / stalled tasks (督办); signed-in only."""
    departments: list[DepartmentTaskGroup] = Field(default_factory=list)
    """Tasks with their state by lead department; signed-in only."""
    pending_submissions: int | None = None


class ActualOut(BaseModel):
    year: int
    value: float
    unit: str | None
    status: str
    source: str | None


class SourceQuote(BaseModel):
    """A prose target (正文目标) stating the indicator: its sentence and source line."""

    subject: str
    quote: str
    line: int | None
    value: float
    unit: str | None
    year: int | None
    score: float


class IndicatorDetail(BaseModel):
    plan_id: int
    year: int
    status: IndicatorStatus
    target_path: list[tuple[int, float]]
    actuals: list[ActualOut]
    revisions: list[TargetRevision]
    source_line: int | None
    source_quotes: list[SourceQuote]
    note: str | None


class PlanAudit(BaseModel):
    plan_id: int
    entries: list[AuditEntry]
