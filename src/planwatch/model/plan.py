"""The plan model: field names as in shared/spec/plan-json.md."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from planwatch.model.findings import Finding

Comparator = Literal["=", ">=", "<=", "~"]
RegionLevel = Literal["national", "province", "city", "county", "district"]
DocType = Literal["plan", "implementation_opinion", "evaluation_report", "regulation"]
Period = Literal["by_year", "annual", "plan_period"]
TargetKind = Literal["level", "increment", "growth_rate", "rank", "change_per_year"]
FactKind = Literal["level", "change", "approved", "table_note"]
ChangeKind = Literal["difference", "percent", "points", "growth_multiple", "multiple_of"]


class Meta(BaseModel):
    title: str | None = None
    region: str | None = None
    region_level: RegionLevel | None = None
    parent_region: str | None = None
    province: str | None = None
    doc_type: DocType | None = None
    period_start: int | None = None
    period_end: int | None = None
    issued: str | None = None
    doc_number: str | None = None
    draft: bool = False


class Indicator(BaseModel):
    """A row of the plan's main indicator table (主要指标). A range cell (``35-40``,
    ``〔3000—4000〕``) gives its lower bound as the value and its upper bound as ``*_max``."""

    name: str
    unit: str | None = None
    category: str | None = None
    baseline_year: int | None = None
    baseline: float | None = None
    baseline_max: float | None = None
    baseline_comparator: Comparator | None = None
    target_year: int | None = None
    target: float | None = None
    target_max: float | None = None
    target_comparator: Comparator | None = "="
    target_text: str | None = None
    annual_growth_pct: float | None = None
    growth_comparator: Comparator | None = None
    cumulative_change: float | None = None
    cumulative_change_max: float | None = None
    attribute: Literal["预期性", "约束性"] | None = None
    note: str | None = None
    line: int | None = None


class PriorResult(BaseModel):
    """A row of a previous-period results table (基础值 / 目标值 / 完成值)."""

    name: str
    unit: str | None = None
    baseline_year: int | None = None
    baseline: float | None = None
    target_year: int | None = None
    target: float | None = None
    actual_year: int | None = None
    actual: float | None = None
    line: int | None = None


class Baseline(BaseModel):
    year: int | None = None
    value: float


class Target(BaseModel):
    """A quantitative commitment stated in prose."""

    subject: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    year: int | None = None
    period: Period = "by_year"
    comparator: Comparator = "="
    kind: TargetKind = "level"
    baseline: Baseline | None = None
    quote: str
    line: int | None = None


class Fact(BaseModel):
    """A statement about the past (发展基础 / 成就) or a table footnote.

    ``level``: subject had ``value`` in ``year`` (截至2020年底拥有…703家); ``change``: from
    ``compare_value`` in ``compare_year`` to ``value`` in ``year`` (由2015年的2.11%增加到…); a
    stated change (比2015年净增452家 / 提高了10.73% / 增长2.68倍) sits in ``change_value``,
    ``change_unit`` and ``change_kind``; ``approved``: ``value`` approvals since
    ``compare_year`` (2016年以来获批…4家); ``table_note``: a footnote defining marker
    ``subject`` (注：*代表…), ``value`` = number of cells of its table bearing the marker.
    """

    kind: FactKind
    subject: str
    value: float | None = None
    unit: str | None = None
    comparator: Comparator = "="
    year: int | None = None
    compare_year: int | None = None
    compare_value: float | None = None
    change_value: float | None = None
    change_unit: str | None = None
    change_kind: ChangeKind | None = None
    quote: str
    line: int | None = None


class Task(BaseModel):
    """A numbered measure carrying a responsibility note."""

    number: int
    title: str
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    shared_responsibility: bool = False
    deadline: str | None = None
    deadline_year: int | None = None
    section: str | None = None
    line: int | None = None


class Project(BaseModel):
    """A row of a project table (重大科技项目)."""

    domain: str | None = None
    name: str | None = None
    undertaker: str | None = None
    location: str | None = None
    table: str | None = None
    damaged: bool = False
    line: int | None = None


class Plan(BaseModel):
    """A digitized plan document."""

    doc: str | None = None
    meta: Meta = Field(default_factory=Meta)
    indicators: list[Indicator] = Field(default_factory=list)
    prior_results: list[PriorResult] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
