"""JSON-ready views the pages and the API share (pydantic, so the OpenAPI document shows them)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from planwatch.model.findings import Finding
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


class ProjectionOut(BaseModel):
    year: int
    value: float
    method: str
    points: int
    meets_target: bool | None


class IndicatorStatus(BaseModel):
    """One indicator in the overview: numbers, verdict (进度判断) and a sparkline series."""

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
    completion: float | None
    time_progress: float | None
    verdict: str
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
    verdict_counts: dict[str, int]
    indicator_count: int
    with_actual: int
    warning_count: int
    alerts: list[Finding]
    audit_findings: list[Finding]
    indicators: list[IndicatorStatus]
    departments: list[DepartmentTaskGroup]
    pending_submissions: int | None = None


class ActualOut(BaseModel):
    year: int
    value: float
    unit: str | None
    status: str
    source: str | None


class IndicatorDetail(BaseModel):
    plan_id: int
    year: int
    status: IndicatorStatus
    target_path: list[tuple[int, float]]
    actuals: list[ActualOut]
    revisions: list[TargetRevision]
    source_line: int | None
    source_quotes: list[str]
    note: str | None


class PlanAudit(BaseModel):
    plan_id: int
    entries: list[AuditEntry]
