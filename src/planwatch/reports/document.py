"""The report one signs: the evaluation (:class:`~planwatch.reports.build.Report`) laid out in
five sections with 落款 and date, the kind chosen by the period unless overridden.

一、总体情况 二、主要指标完成情况 三、重点任务推进情况 四、存在的主要问题 五、下一步工作建议, then
the issuing body and date, then 附件 (indicator details, alerts and audit findings, the previous
plan's results). Every number is the evaluation's; nothing is recomputed here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from planwatch.model.codes import ReportKind
from planwatch.model.evaluation import TaskState
from planwatch.model.labels import VerdictCode, label
from planwatch.reports.build import NO_LEAD, DepartmentTasks, Report, TaskLine, kind_title
from planwatch.reports.problems import (
    Problem,
    find_problems,
    problem_paragraphs,
    seed_suggestions,
    suggestion_paragraphs,
)
from planwatch.reports.text import VERDICT_ZH

SECTIONS = ("总体情况", "主要指标完成情况", "重点任务推进情况", "存在的主要问题", "下一步工作建议")
"""The five section titles, in order (一、… 五、)."""
STATE_ORDER = (TaskState.DONE, TaskState.IN_PROGRESS, TaskState.OVERDUE, TaskState.BLOCKED,
               TaskState.STALLED, TaskState.NOT_REPORTED)
NO_VERDICT = frozenset({VerdictCode.NO_DATA, VerdictCode.NOT_EVALUABLE})
LATE = frozenset({VerdictCode.BEHIND, VerdictCode.REGRESSING, VerdictCode.MISSED})
NO_PROBLEM = "本期监测未发现突出问题，规划实施总体顺利。"
UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class ReportOptions:
    """What the person making the report chooses: the kind (default: by the period), the
    issuing body (default: the region's 科技局), the date (default: today) and the text of
    五、下一步工作建议 (default: seeded from the problems)."""

    kind: ReportKind | None = None
    issuer: str | None = None
    issued_on: date | None = None
    suggestions: str | None = None


@dataclass
class ReportDocument:
    """The report to lay out: the evaluation and the text of each section."""

    report: Report
    kind: ReportKind
    title: str
    overview: list[str]
    indicator_intro: list[str]
    task_intro: list[str]
    task_groups: list[DepartmentTasks]
    problems: list[Problem]
    suggestions: list[str]
    issuer: str
    issued_on: date
    section_titles: tuple[str, ...] = field(default=SECTIONS)

    @property
    def problem_text(self) -> list[str]:
        return problem_paragraphs(self.problems) or [NO_PROBLEM]

    @property
    def date_text(self) -> str:
        d = self.issued_on
        return f"{d.year}年{d.month}月{d.day}日"

    @property
    def file_stem(self) -> str:
        """The title as a file name (no characters a file system refuses)."""
        return UNSAFE.sub("", self.title).strip() or "监测报告"


def default_issuer(report: Report) -> str:
    """The region's 科技局 (淄博市 → 淄博市科技局); without a region, 科技主管部门."""
    return f"{report.region}科技局" if report.region else "科技主管部门"


def _counts(report: Report) -> str:
    return "，".join(f"{VERDICT_ZH[v]}{n}项" for v, n in report.summary.verdict_counts.items())


def _task_counts(tasks: list[TaskLine]) -> str:
    counts = Counter(t.state for t in tasks if t.state is not None)
    return "，".join(f"{label('task_state', s)}{counts[s]}项" for s in STATE_ORDER if counts[s])


def _assessment(report: Report) -> str:
    """One plain judgement over the indicators and the tasks that exist."""
    codes = report.summary.verdict_counts
    judged = sum(n for v, n in codes.items() if v not in NO_VERDICT)
    late = sum(n for v, n in codes.items() if v in LATE)
    states = [t.state for t in report.tasks if t.state is not None]
    stuck = sum(1 for s in states if s in (TaskState.OVERDUE, TaskState.BLOCKED))
    silent = sum(1 for s in states if s in (TaskState.NOT_REPORTED, TaskState.STALLED))
    if not judged and silent == len(states):
        return "因监测数据和任务进展报送不足，暂难对规划实施情况作出总体判断。"
    what = "、".join(w for w, n in (("指标", late), ("任务", stuck)) if n)
    if judged and late * 3 > judged:
        return "总体看，规划实施取得一定进展，但较多指标进度滞后，需加大推进力度。"
    if what:
        return f"总体看，规划实施有序推进，部分{what}进展滞后，需重点关注。"
    if silent * 2 > len(states):
        return "总体看，规划实施有序推进，但多数任务未及时报送进展，需加强调度。"
    return "总体看，规划实施进展顺利，总体符合预期。"


def overview_paragraphs(report: Report, kind: ReportKind) -> list[str]:
    """一、总体情况: the plan, the period, the counts by verdict, one plain judgement."""
    period = f"（规划期{report.period}）" if report.period else ""
    work = "年度监测" if kind is ReportKind.ANNUAL else label("report_kind", kind)[:4]
    first = f"依据《{report.plan_title}》{period}，对规划实施至{report.year}年的情况开展{work}。"
    s = report.summary
    if s.indicator_count:
        first += (f"规划设置主要指标{s.indicator_count}项，截至{report.year}年有实际监测数据的"
                  f"{s.with_actual}项")
        first += f"，其中{_counts(report)}。" if s.verdict_counts else "。"
    else:
        first += "规划未设置量化指标，本报告重点反映重点任务推进情况。"
    if report.tasks:
        counts = _task_counts(report.tasks)
        first += f"规划部署重点任务{len(report.tasks)}项" + (f"，{counts}。" if counts else "。")
    return [first, _assessment(report)]


def indicator_paragraphs(report: Report) -> list[str]:
    """二、主要指标完成情况, the words before the table (none: no table follows)."""
    s = report.summary
    if not s.indicator_count:
        return ["规划未设置量化的主要指标，本部分不作指标评价。"]
    prose = sum(1 for r in report.indicators if r.attribute == "文字目标")
    within = f"（含文字表述的量化目标{prose}项）" if prose else ""
    drawn = any(len(r.series) >= 2 or r.target is not None for r in report.indicators)
    charts = "，有走势数据的指标见图" if drawn else ""
    return [f"规划确定的{s.indicator_count}项主要指标{within}完成情况见表1{charts}。"]


def task_paragraphs(report: Report) -> list[str]:
    """三、重点任务推进情况, the words before the tables."""
    if not report.tasks:
        return ["规划未列出分工明确的重点任务。"]
    n = len(report.tasks)
    if report.tasks_as_of is None:
        return [f"规划部署重点任务{n}项，尚未开展进展调度，按牵头单位列示如下。"]
    d = report.tasks_as_of
    counts = _task_counts(report.tasks)
    return [f"规划部署重点任务{n}项，截至{d.year}年{d.month}月{d.day}日，{counts}。"
            "按牵头单位列示如下。"]


def first_lead_groups(tasks: list[TaskLine]) -> list[DepartmentTasks]:
    """Each task once, under its first lead department (the others named in the row); the
    department with most tasks first, tasks without a lead last."""
    groups: dict[str, list[TaskLine]] = {}
    for t in tasks:
        groups.setdefault(t.lead[0] if t.lead else NO_LEAD, []).append(t)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == NO_LEAD, -len(kv[1])))
    return [DepartmentTasks(d, tuple(lines)) for d, lines in ordered]


def compose(report: Report, options: ReportOptions | None = None) -> ReportDocument:
    """The report document of the evaluation with the user's choices."""
    opts = options or ReportOptions()
    kind = opts.kind or report.kind
    problems = find_problems(report)
    text = opts.suggestions if opts.suggestions and opts.suggestions.strip() else None
    suggestions = suggestion_paragraphs(text or seed_suggestions(problems, kind))
    return ReportDocument(
        report=report, kind=kind, title=kind_title(report.plan_title, report.year, kind),
        overview=overview_paragraphs(report, kind),
        indicator_intro=indicator_paragraphs(report), task_intro=task_paragraphs(report),
        task_groups=first_lead_groups(report.tasks), problems=problems,
        suggestions=suggestions, issuer=(opts.issuer or "").strip() or default_issuer(report),
        issued_on=opts.issued_on or date.today())
