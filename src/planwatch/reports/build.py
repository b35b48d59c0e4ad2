"""The report model: everything an evaluation report shows, independent of the output format.

``build_report(plan, actuals, year)`` runs the pure evaluation functions
(:mod:`planwatch.evaluate`) and turns their typed results into a ``Report``; the renderers
(docx, xlsx, html, md) only lay it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from planwatch.evaluate.audit import audit_plan
from planwatch.evaluate.prior import evaluate_prior
from planwatch.evaluate.progress import units_compatible
from planwatch.evaluate.reporting import data_due
from planwatch.evaluate.status import assess_plan, indicator_key
from planwatch.evaluate.tasks import evaluate_tasks
from planwatch.model.actual import Actual, TaskProgress
from planwatch.model.codes import ReportKind
from planwatch.model.evaluation import (
    Direction,
    EvaluationParams,
    IndicatorEvaluation,
    Projection,
    Reason,
    ScheduleStatus,
    TaskEvaluation,
    TaskState,
)
from planwatch.model.findings import Finding
from planwatch.model.labels import (
    BASIS_LABELS,
    VERDICT_OF_SCHEDULE,
    VerdictCode,
    label,
    verdict_code,
)
from planwatch.model.plan import Plan, PriorResult, Task

NO_LEAD = "未明确牵头单位"
NO_DATA = label("verdict", VerdictCode.NO_DATA)
UNKNOWN = label("verdict", VerdictCode.NOT_EVALUABLE)
BASE_ONLY_NOTE = label("display_state", "base_only")
RowState = Literal["evaluated", "base_only", "no_data", "not_evaluable"]
"""How a row is shown: judged; only the base-year value is known (暂无数据, 仅有基期值); no actual
at all (暂无数据); an actual that cannot be judged (无法判断, see the warnings)."""
ProgressBasis = Literal["linear", "compound"]
BASIS_ZH: dict[str, str] = {k: zh for k, (zh, _) in BASIS_LABELS.items()}
VERDICT_ORDER: tuple[VerdictCode, ...] = (*(VERDICT_OF_SCHEDULE[s] for s in ScheduleStatus),
                                          VerdictCode.NOT_EVALUABLE, VerdictCode.NO_DATA)
"""Verdict codes in the order the counts are shown."""
VERDICT_CLASS: dict[str, str] = {
    VerdictCode.ACHIEVED_EARLY: "v-met", VerdictCode.ACHIEVED: "v-met",
    VerdictCode.AHEAD: "v-ahead", VerdictCode.ON_TRACK: "v-ok", VerdictCode.BEHIND: "v-behind",
    VerdictCode.REGRESSING: "v-back", VerdictCode.MISSED: "v-missed",
}
"""CSS class of a verdict code (HTML report and pages; others: none)."""
METHOD_ZH = {"cagr": "年均增速外推", "weighted-linear": "加权线性趋势外推"}
METHOD_EN = {"cagr": "extrapolated average annual growth",
             "weighted-linear": "weighted linear trend"}
REASON_ZH: dict[Reason, str] = {
    Reason.NO_ACTUAL: "缺少实际值",
    Reason.NO_BASELINE: "缺少基期值，无法计算进度完成率",
    Reason.ZERO_BASELINE: "基期值为0，无法按复合增长计算",
    Reason.NO_NUMERIC_TARGET: "缺少数值目标，无法评价",
    Reason.NO_TARGET_YEAR: "缺少目标年份",
    Reason.ZERO_TARGET: "目标值为0，无法计算所需年均增速",
    Reason.TARGET_BEFORE_BASELINE: "目标年份不晚于基期年份",
    Reason.UNIT_MISMATCH: "实际值单位与规划单位不一致，未评价",
    Reason.NO_PLANNED_CHANGE: "目标值等于基期值，无法计算进度完成率",
    Reason.NON_POSITIVE_VALUE: "存在非正数值，无法按复合增长计算",
    Reason.ACTUAL_BEFORE_BASELINE: "实际值年份早于基期",
    Reason.TARGET_FROM_CUMULATIVE: "目标值由基期值加累计变化推算",
    Reason.TARGET_FROM_GROWTH: "目标值由年均增速推算",
    Reason.PROVISIONAL_ACTUAL: "实际值为快报数",
}
REASON_EN: dict[Reason, str] = {
    Reason.NO_ACTUAL: "no actual value",
    Reason.NO_BASELINE: "no baseline value: the progress cannot be computed",
    Reason.ZERO_BASELINE: "the baseline is 0: compound growth cannot be computed",
    Reason.NO_NUMERIC_TARGET: "no numeric target: not evaluated",
    Reason.NO_TARGET_YEAR: "no target year",
    Reason.ZERO_TARGET: "the target is 0: the required annual growth cannot be computed",
    Reason.TARGET_BEFORE_BASELINE: "the target year is not after the baseline year",
    Reason.UNIT_MISMATCH: "the actual value's unit differs from the plan's: not evaluated",
    Reason.NO_PLANNED_CHANGE: "the target equals the baseline: the progress cannot be computed",
    Reason.NON_POSITIVE_VALUE: "a value is not positive: compound growth cannot be computed",
    Reason.ACTUAL_BEFORE_BASELINE: "the actual value's year is before the baseline year",
    Reason.TARGET_FROM_CUMULATIVE: "target derived from the baseline plus the cumulative change",
    Reason.TARGET_FROM_GROWTH: "target derived from the average annual growth",
    Reason.PROVISIONAL_ACTUAL: "the actual value is provisional",
}
"""The English data notes, aligned with REASON_ZH."""


@dataclass(frozen=True)
class ProjectionView:
    """A projection to the target year, labelled for people."""

    year: int
    value: float
    method: str
    points: int
    meets_target: bool | None
    method_code: str = ""
    """The projection method's code (cagr | weighted-linear); ``method`` is its Chinese name."""

    def method_label(self, lang: str = "zh") -> str:
        """The method's name in ``lang``."""
        return METHOD_EN.get(self.method_code, self.method) if lang == "en" else self.method


@dataclass
class IndicatorRow:
    """One indicator as evaluated in the report year.

    Two completion measures, each labelled: ``completion_plain`` = 目标完成率 A/T and
    ``completion_progress`` = 进度完成率, the share of the planned change the verdict compares
    with the time progress — (A−B)/(T−B) on the ``linear`` basis, ln(A/B)/ln(T/B) on the
    ``compound`` basis (rows set by 年均增速); ``progress_basis`` says which. Both raw ratios
    are kept too (``completion_change``, ``completion_log``)."""

    name: str
    unit: str | None
    attribute: str | None
    baseline_year: int | None
    baseline: float | None
    target_year: int | None
    target: float | None
    comparator: str | None
    path: str
    actual_year: int | None = None
    actual: float | None = None
    completion_plain: float | None = None
    completion_change: float | None = None
    completion_log: float | None = None
    time_progress: float | None = None
    verdict_code: VerdictCode = VerdictCode.NO_DATA
    display_state: RowState = "no_data"
    projection: ProjectionView | None = None
    series: list[tuple[int, float]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)
    """``warnings`` in English, aligned."""

    @property
    def verdict(self) -> str:
        """The Chinese label of ``verdict_code`` (model.labels)."""
        return label("verdict", self.verdict_code)

    def verdict_label(self, lang: str = "zh") -> str:
        """The label of ``verdict_code`` in ``lang``."""
        return label("verdict", self.verdict_code, lang)

    def notes(self, lang: str = "zh") -> list[str]:
        """The data notes in ``lang``."""
        return self.warnings_en if lang == "en" and self.warnings_en else self.warnings

    @property
    def compound(self) -> bool:
        return self.path == "compound"

    @property
    def completion_progress(self) -> float | None:
        """进度完成率 on the basis the verdict used (compound when defined, else linear)."""
        return self.completion_log if self.completion_log is not None else self.completion_change

    @property
    def progress_basis(self) -> ProgressBasis | None:
        if self.completion_log is not None:
            return "compound"
        return "linear" if self.completion_change is not None else None


@dataclass(frozen=True)
class PriorRow:
    """上期完成情况: one row of the previous plan's results."""

    name: str
    unit: str | None
    baseline_year: int | None
    baseline: float | None
    target_year: int | None
    target: float | None
    actual_year: int | None
    actual: float | None
    completion_plain: float | None
    completion_change: float | None
    met: bool | None


@dataclass(frozen=True)
class TaskLine:
    """A plan task; with its status as of the report date when progress data was given."""

    number: int
    title: str
    support: tuple[str, ...]
    deadline: str | None
    section: str | None
    lead: tuple[str, ...] = ()
    state: TaskState | None = None
    """None: the plan's tasks only, no progress data (no status is claimed)."""
    percent: float | None = None
    latest: str | None = None
    """The text of the latest progress report up to the report date."""
    last_report: date | None = None
    due: date | None = None
    """The deadline as read (last day it allows); None for a standing duty or none."""

    @property
    def overdue(self) -> bool:
        return self.state is TaskState.OVERDUE


@dataclass(frozen=True)
class DepartmentTasks:
    """牵头单位 → the tasks it leads."""

    department: str
    tasks: tuple[TaskLine, ...]


@dataclass(frozen=True)
class Summary:
    indicator_count: int
    with_actual: int
    verdict_counts: dict[VerdictCode, int]
    """Rows per verdict code, in :data:`VERDICT_ORDER` (zero counts left out)."""
    warning_count: int
    alert_count: int
    finding_count: int


@dataclass
class Report:
    """A monitoring and evaluation report (监测评估报告) of one plan in one year."""

    title: str
    plan_title: str
    region: str | None
    year: int
    period: str | None
    summary: Summary
    indicators: list[IndicatorRow]
    alerts: list[Finding]
    """预警 raised by the indicator evaluation (public)."""
    findings: list[Finding]
    """Plan audit findings (incl. the checks against the parent plan) and extraction findings."""
    prior: list[PriorRow]
    departments: list[DepartmentTasks]
    task_alerts: list[Finding] = field(default_factory=list)
    """Overdue and stalled tasks (督办) as of the report date (internal: not public)."""
    kind: ReportKind = ReportKind.ANNUAL
    """The report the period calls for (see :func:`report_kind`); renderers may override it."""
    period_start: int | None = None
    period_end: int | None = None
    tasks: list[TaskLine] = field(default_factory=list)
    """Every plan task once, by number, with its status when progress data was given."""
    tasks_as_of: date | None = None
    """The day the task statuses are evaluated on (None: no progress data given)."""

    @property
    def monitoring_alerts(self) -> list[Finding]:
        """Everything the 监测预警 section lists: indicator alerts, then task alerts."""
        return [*self.alerts, *self.task_alerts]


def middle_years(start: int, end: int) -> tuple[int, ...]:
    """The middle year of an odd-length period (2021–2025 → 2023), the two middle years of an
    even-length one (2024–2027 → 2025, 2026)."""
    n = end - start + 1
    if n <= 2:
        return ()
    return (start + n // 2,) if n % 2 else (start + n // 2 - 1, start + n // 2)


def report_kind(start: int | None, end: int | None, year: int) -> ReportKind:
    """总结评估 at or after the end year, 中期评估 in the middle year(s), else 年度监测."""
    if end is not None and year >= end:
        return ReportKind.FINAL
    if start is not None and end is not None and year in middle_years(start, end):
        return ReportKind.MIDTERM
    return ReportKind.ANNUAL


def kind_title(plan_title: str, year: int, kind: ReportKind, lang: str = "zh") -> str:
    """淄博市“十四五”科技创新规划2023年度监测报告 / …中期评估报告 / …总结评估报告; in English
    “<plan title>: 2023 annual monitoring report” / “<plan title>: mid-term evaluation report”."""
    if lang == "en":
        name = label("report_kind", kind, "en")
        if kind is ReportKind.ANNUAL:
            return f"{plan_title}: {year} {name[0].lower()}{name[1:]}"
        return f"{plan_title}: {name}"
    if kind is ReportKind.ANNUAL:
        return f"{plan_title}{year}年度监测报告"
    return f"{plan_title}{label('report_kind', kind)}"


def report_title(plan: Plan, year: int) -> str:
    """The title of the report the period calls for."""
    m = plan.meta
    return kind_title(_plan_title(plan), year, report_kind(m.period_start, m.period_end, year))


def _plan_title(plan: Plan) -> str:
    return plan.meta.title or plan.doc or "规划"


def _series(
    ev: IndicatorEvaluation, actuals: Sequence[Actual], year: int
) -> list[tuple[int, float]]:
    points: dict[int, float] = {}
    inp = ev.inputs
    if inp.baseline_year is not None and inp.baseline is not None:
        points[inp.baseline_year] = inp.baseline
    for a in sorted(actuals, key=lambda a: (a.year, a.status == "final")):
        if (a.year <= year and indicator_key(a.indicator) == indicator_key(ev.indicator)
                and units_compatible(ev.unit, a.unit)):
            points[a.year] = a.value
    return sorted(points.items())


def _projection(ev: IndicatorEvaluation) -> ProjectionView | None:
    if not ev.projections:
        return None
    preferred = "cagr" if ev.inputs.path == "compound" else "weighted-linear"
    p: Projection = next((p for p in ev.projections if p.method == preferred), ev.projections[0])
    return ProjectionView(p.target_year, p.value, METHOD_ZH.get(p.method, p.method),
                          p.n_points, p.meets_target, p.method)


def _state(ev: IndicatorEvaluation) -> RowState:
    if ev.schedule_status is not None:
        return "evaluated"
    if ev.inputs.actual is None:
        return "no_data"
    return "base_only" if Reason.NO_ELAPSED_TIME in ev.reasons else "not_evaluable"


def _warnings(ev: IndicatorEvaluation, year: int, state: RowState, due: bool,
              lang: str = "zh") -> list[str]:
    """The row's data notes in ``lang``. ``due``: whether ``year``'s values are due yet
    (报送期限 passed); before that a missing value of ``year`` is not a gap and gets no note."""
    reasons = REASON_EN if lang == "en" else REASON_ZH
    out = [reasons[r] for r in ev.reasons if r in reasons and (due or r != Reason.NO_ACTUAL)]
    actual_year = ev.inputs.actual_year
    if due and actual_year is not None and actual_year < year and state != "base_only":
        # a base-year value alone is shown as 暂无数据 with the note 仅有基期值 instead
        out.append(f"no {year} value: the {actual_year} value is used" if lang == "en"
                   else f"缺少{year}年实际值，采用{actual_year}年数据")
    return list(dict.fromkeys(out))


def _time_progress(ev: IndicatorEvaluation, state: RowState, year: int) -> float | None:
    """τ of the judged actual's year; for a base-year value alone τ of the report year
    (clipped to 0…1); none without an actual."""
    if state != "base_only":
        return ev.time_progress
    y0, y1 = ev.inputs.baseline_year, ev.inputs.target_year
    if y0 is None or y1 is None or y1 <= y0:
        return None
    return min(max((year - y0) / (y1 - y0), 0.0), 1.0)


PROSE_TARGET = "文字目标"
"""The attribute column of a prose target evaluated like an indicator."""


def _verdict(ev: IndicatorEvaluation, state: RowState) -> VerdictCode:
    return verdict_code(ev.schedule_status, has_actual=ev.inputs.actual is not None,
                        base_only=state == "base_only")


def indicator_row(ev: IndicatorEvaluation, attribute: str | None,
                  actuals: Sequence[Actual], year: int, *, due: bool = True) -> IndicatorRow:
    """The report's view of one indicator evaluation (``due``: see :func:`_warnings`)."""
    inp = ev.inputs
    state = _state(ev)
    code = _verdict(ev, state)
    return IndicatorRow(
        name=ev.indicator, unit=ev.unit, attribute=attribute,
        baseline_year=inp.baseline_year, baseline=inp.baseline,
        target_year=inp.target_year, target=inp.target, comparator=inp.comparator,
        path=inp.path, actual_year=inp.actual_year, actual=inp.actual,
        completion_plain=ev.ratio_to_target, completion_change=ev.completion_of_change,
        completion_log=ev.completion_log if inp.path == "compound" else None,
        time_progress=_time_progress(ev, state, year), verdict_code=code,
        display_state=state, projection=_projection(ev), series=_series(ev, actuals, year),
        warnings=_warnings(ev, year, state, due),
        warnings_en=_warnings(ev, year, state, due, "en"),
    )


def prior_row(r: PriorResult, direction: Direction = Direction.HIGHER) -> PriorRow:
    ev = evaluate_prior(r, direction=direction)
    return PriorRow(r.name, r.unit, r.baseline_year, r.baseline, r.target_year, r.target,
                    r.actual_year, r.actual, ev.ratio_to_target, ev.completion_of_change, ev.met)


def task_line(t: Task, ev: TaskEvaluation | None = None, latest: str | None = None) -> TaskLine:
    """A plan task as the report shows it (with its evaluated status when given)."""
    if ev is None:
        return TaskLine(t.number, t.title, tuple(t.support), t.deadline, t.section, tuple(t.lead))
    return TaskLine(t.number, t.title, tuple(t.support), t.deadline, t.section, tuple(t.lead),
                    state=ev.state, percent=ev.percent, latest=latest,
                    last_report=ev.last_report, due=ev.deadline)


def _latest_notes(progress: Sequence[TaskProgress], as_of: date) -> dict[int, str]:
    """Task number → the text of its latest progress report up to ``as_of``."""
    out: dict[int, str] = {}
    for p in sorted(progress, key=lambda p: p.reported_on):
        if p.reported_on <= as_of and p.note:
            out[p.task_number] = p.note
    return out


def task_lines(tasks: Sequence[Task], progress: Sequence[TaskProgress] | None,
               as_of: date | None) -> tuple[list[TaskLine], list[Finding]]:
    """Every task with its status on ``as_of`` and the task alerts (督办) that raises; without
    progress data, the tasks alone and no alerts."""
    if progress is None or as_of is None:
        return [task_line(t) for t in sorted(tasks, key=lambda t: t.number)], []
    evaluations, found = evaluate_tasks(tasks, progress, as_of)
    notes = _latest_notes(progress, as_of)
    lines = [task_line(t, ev, notes.get(t.number))
             for t, ev in zip(tasks, evaluations, strict=True)]
    return sorted(lines, key=lambda t: t.number), found


def group_tasks(tasks: Iterable[Task | TaskLine]) -> list[DepartmentTasks]:
    """Group tasks under each lead department (a shared task appears under every lead)."""
    groups: dict[str, list[TaskLine]] = {}
    for t in sorted(tasks, key=lambda t: t.number):
        line = task_line(t) if isinstance(t, Task) else t
        for dept in line.lead or (NO_LEAD,):
            groups.setdefault(dept, []).append(line)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == NO_LEAD, -len(kv[1])))
    return [DepartmentTasks(d, tuple(lines)) for d, lines in ordered]


def _summary(rows: Sequence[IndicatorRow], alerts: Sequence[Finding],
             findings: Sequence[Finding]) -> Summary:
    counts = Counter(r.verdict_code for r in rows)
    ordered = {v: counts[v] for v in VERDICT_ORDER if counts[v]}
    return Summary(
        indicator_count=len(rows),
        with_actual=sum(1 for r in rows if r.actual is not None and r.display_state != "base_only"),
        verdict_counts=ordered,
        warning_count=sum(len(r.warnings) for r in rows),
        alert_count=len(alerts),
        finding_count=len(findings),
    )


def _period(plan: Plan) -> str | None:
    m = plan.meta
    if m.period_start is None or m.period_end is None:
        return None
    return f"{m.period_start}—{m.period_end}年"


def build_report(
    plan: Plan, actuals: Sequence[Actual], year: int, *,
    findings: Sequence[Finding] | None = None,
    task_alerts: Sequence[Finding] = (),
    directions: Mapping[str, Direction] | None = None,
    params: EvaluationParams | None = None,
    progress: Sequence[TaskProgress] | None = None,
    tasks_as_of: date | None = None,
    as_of: date | None = None,
) -> Report:
    """Assemble the report model.

    ``as_of`` (the day the report is made; None: long after ``year``) decides whether
    ``year``'s values are due yet: before its reporting deadline no row says they are missing.

    ``findings`` are the plan-audit findings to list (default: ``audit_plan(plan)`` plus the
    extraction findings stored on the plan); the schedule alerts (预警) come from the
    evaluation itself. With ``progress`` (the tasks' progress reports) and ``tasks_as_of``
    (the day the task statuses are read on) every task gets its status and the
    overdue/stalled/blocked tasks (督办) are the task alerts; otherwise ``task_alerts`` are
    taken as given.
    """
    assessment = assess_plan(plan, actuals, year, directions=directions, params=params)
    due = as_of is None or data_due(year, as_of, params)
    rows = [indicator_row(ev, ind.attribute, actuals, year, due=due)
            for ev, ind in zip(assessment.indicators, plan.indicators, strict=True)]
    rows += [indicator_row(ev, PROSE_TARGET, actuals, year, due=due) for ev in assessment.targets]
    found = [*audit_plan(plan), *plan.findings] if findings is None else list(findings)
    dirs = directions or {}
    tasks, evaluated_alerts = task_lines(plan.tasks, progress, tasks_as_of)
    if progress is not None:
        task_alerts = evaluated_alerts
    m = plan.meta
    return Report(
        title=report_title(plan, year), plan_title=_plan_title(plan),
        region=plan.meta.region, year=year, period=_period(plan),
        summary=_summary(rows, [*assessment.findings, *task_alerts], found),
        indicators=rows, alerts=list(assessment.findings), findings=found,
        prior=[prior_row(r, dirs.get(r.name, Direction.HIGHER)) for r in plan.prior_results],
        departments=group_tasks(tasks), task_alerts=list(task_alerts),
        kind=report_kind(m.period_start, m.period_end, year), period_start=m.period_start,
        period_end=m.period_end, tasks=tasks,
        tasks_as_of=tasks_as_of if progress is not None else None,
    )
