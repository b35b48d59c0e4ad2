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
    problem_parts,
    seed_suggestions,
    suggestion_paragraphs,
)
from planwatch.reports.text import VERDICT_ZH, Lang, day_text

SECTIONS = ("总体情况", "主要指标完成情况", "重点任务推进情况", "存在的主要问题", "下一步工作建议")
"""The five section titles, in order (一、… 五、)."""
SECTIONS_EN = ("Overview", "Main indicators", "Key tasks", "Main problems", "Next steps")
"""The five section titles in English (I. … V.)."""
STATE_ORDER = (TaskState.DONE, TaskState.IN_PROGRESS, TaskState.OVERDUE, TaskState.BLOCKED,
               TaskState.STALLED, TaskState.NOT_REPORTED)
NO_VERDICT = frozenset({VerdictCode.NO_DATA, VerdictCode.NOT_EVALUABLE})
LATE = frozenset({VerdictCode.BEHIND, VerdictCode.REGRESSING, VerdictCode.MISSED})
NO_PROBLEM = "本期监测未发现突出问题，规划实施总体顺利。"
NO_PROBLEM_EN = ("This monitoring round found no major problems; the plan is being implemented "
                 "smoothly overall.")
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
    lang: Lang = "zh"
    """The language of every fixed word of the report (data stays as written)."""


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
    lang: Lang = "zh"

    @property
    def problem_text(self) -> list[str]:
        empty = NO_PROBLEM_EN if self.lang == "en" else NO_PROBLEM
        return problem_paragraphs(self.problems, self.lang) or [empty]

    @property
    def problem_items(self) -> list[tuple[str, str, str]]:
        """:attr:`problem_text` with each quoted finding message apart (see
        :func:`~planwatch.reports.problems.problem_parts`)."""
        empty = NO_PROBLEM_EN if self.lang == "en" else NO_PROBLEM
        return problem_parts(self.problems, self.lang) or [(empty, "", "")]

    @property
    def date_text(self) -> str:
        return day_text(self.issued_on, self.lang)

    @property
    def file_stem(self) -> str:
        """The title as a file name (no characters a file system refuses)."""
        fallback = "monitoring report" if self.lang == "en" else "监测报告"
        return UNSAFE.sub("", self.title).strip() or fallback


def default_issuer(report: Report, lang: str = "zh") -> str:
    """The region's 科技局 (淄博市 → 淄博市科技局); without a region, 科技主管部门."""
    if lang == "en":
        return (f"{report.region} Science and Technology Bureau" if report.region
                else "Science and technology authority")
    return f"{report.region}科技局" if report.region else "科技主管部门"


def _counts(report: Report, lang: str = "zh") -> str:
    if lang == "en":
        return ", ".join(f"{label('verdict', v, 'en').lower()} {n}"
                         for v, n in report.summary.verdict_counts.items())
    return "，".join(f"{VERDICT_ZH[v]}{n}项" for v, n in report.summary.verdict_counts.items())


def _task_counts(tasks: list[TaskLine], lang: str = "zh") -> str:
    counts = Counter(t.state for t in tasks if t.state is not None)
    if lang == "en":
        return ", ".join(f"{label('task_state', s, 'en').lower()} {counts[s]}"
                         for s in STATE_ORDER if counts[s])
    return "，".join(f"{label('task_state', s)}{counts[s]}项" for s in STATE_ORDER if counts[s])


def _assessment_en(judged: int, late: int, stuck: int, silent: int, states: int) -> str:
    if not judged and silent == states:
        return ("With too little monitoring data and task progress reported, no overall "
                "judgement of the plan's implementation can be made yet.")
    what = " and ".join(w for w, n in (("indicators", late), ("tasks", stuck)) if n)
    if judged and late * 3 > judged:
        return ("Overall, the plan has made some progress, but many indicators lag behind "
                "and need a stronger push.")
    if what:
        return (f"Overall, the plan is being implemented in an orderly way; some {what} lag "
                "behind and need attention.")
    if silent * 2 > states:
        return ("Overall, the plan is being implemented in an orderly way, but most tasks have "
                "not reported progress in time; the follow-up needs strengthening.")
    return "Overall, the plan is being implemented smoothly and as expected."


def _assessment(report: Report, lang: str = "zh") -> str:
    """One plain judgement over the indicators and the tasks that exist."""
    codes = report.summary.verdict_counts
    judged = sum(n for v, n in codes.items() if v not in NO_VERDICT)
    late = sum(n for v, n in codes.items() if v in LATE)
    states = [t.state for t in report.tasks if t.state is not None]
    stuck = sum(1 for s in states if s in (TaskState.OVERDUE, TaskState.BLOCKED))
    silent = sum(1 for s in states if s in (TaskState.NOT_REPORTED, TaskState.STALLED))
    if lang == "en":
        return _assessment_en(judged, late, stuck, silent, len(states))
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


def _plural(n: int, what: str) -> str:
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _overview_en(report: Report, kind: ReportKind) -> list[str]:
    period = (f" (plan period {report.period_start}–{report.period_end})"
              if report.period_start is not None and report.period_end is not None else "")
    work = {ReportKind.ANNUAL: "annual monitoring", ReportKind.MIDTERM: "mid-term evaluation",
            ReportKind.FINAL: "final evaluation"}[kind]
    first = (f"This {work} covers the implementation of {report.plan_title}{period} up to "
             f"{report.year}.")
    s = report.summary
    if s.indicator_count:
        first += (f" The plan sets {_plural(s.indicator_count, 'main indicator')}, "
                  f"{s.with_actual} of them with actual monitoring data up to {report.year}")
        first += f": {_counts(report, 'en')}." if s.verdict_counts else "."
    else:
        first += (" The plan sets no quantified indicators; this report focuses on the key "
                  "tasks.")
    if report.tasks:
        counts = _task_counts(report.tasks, "en")
        first += (f" The plan sets {_plural(len(report.tasks), 'key task')}"
                  + (f": {counts}." if counts else "."))
    return [first, _assessment(report, "en")]


def overview_paragraphs(report: Report, kind: ReportKind, lang: str = "zh") -> list[str]:
    """一、总体情况: the plan, the period, the counts by verdict, one plain judgement."""
    if lang == "en":
        return _overview_en(report, kind)
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


def _indicator_en(report: Report) -> list[str]:
    s = report.summary
    if not s.indicator_count:
        return ["The plan sets no quantified main indicators; this section assesses none."]
    prose = sum(1 for r in report.indicators if r.attribute == "文字目标")
    within = (f" (including {_plural(prose, 'quantified target')} stated in the text)"
              if prose else "")
    drawn = any(len(r.series) >= 2 or r.target is not None for r in report.indicators)
    charts = "; the indicators with trend data are charted below" if drawn else ""
    return [f"Table 1 shows the {_plural(s.indicator_count, 'main indicator')} of the "
            f"plan{within}{charts}."]


def indicator_paragraphs(report: Report, lang: str = "zh") -> list[str]:
    """二、主要指标完成情况, the words before the table (none: no table follows)."""
    if lang == "en":
        return _indicator_en(report)
    s = report.summary
    if not s.indicator_count:
        return ["规划未设置量化的主要指标，本部分不作指标评价。"]
    prose = sum(1 for r in report.indicators if r.attribute == "文字目标")
    within = f"（含文字表述的量化目标{prose}项）" if prose else ""
    drawn = any(len(r.series) >= 2 or r.target is not None for r in report.indicators)
    charts = "，有走势数据的指标见图" if drawn else ""
    return [f"规划确定的{s.indicator_count}项主要指标{within}完成情况见表1{charts}。"]


def task_paragraphs(report: Report, lang: str = "zh") -> list[str]:
    """三、重点任务推进情况, the words before the tables."""
    if lang == "en":
        if not report.tasks:
            return ["The plan lists no key tasks with assigned responsibilities."]
        tasks = _plural(len(report.tasks), "key task")
        if report.tasks_as_of is None:
            return [f"The plan sets {tasks}; their progress has not been followed up yet. "
                    "They are listed by lead department below."]
        return [f"The plan sets {tasks}; as of {day_text(report.tasks_as_of, 'en')}: "
                f"{_task_counts(report.tasks, 'en')}. They are listed by lead department below."]
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
    lang = opts.lang
    problems = find_problems(report, lang)
    text = opts.suggestions if opts.suggestions and opts.suggestions.strip() else None
    suggestions = suggestion_paragraphs(text or seed_suggestions(problems, kind, lang))
    return ReportDocument(
        report=report, kind=kind, title=kind_title(report.plan_title, report.year, kind, lang),
        overview=overview_paragraphs(report, kind, lang),
        indicator_intro=indicator_paragraphs(report, lang),
        task_intro=task_paragraphs(report, lang),
        task_groups=first_lead_groups(report.tasks), problems=problems,
        suggestions=suggestions,
        issuer=(opts.issuer or "").strip() or default_issuer(report, lang),
        issued_on=opts.issued_on or date.today(),
        section_titles=SECTIONS_EN if lang == "en" else SECTIONS, lang=lang)
