"""四、存在的主要问题 and 五、下一步工作建议, written from the evaluation in plain Chinese (or
plain English: ``lang="en"``; the names in the sentences are data and stay as written).

Every sentence is built from the report model (the one evaluation): lagging, regressing and
off-target indicators, overdue, blocked and silent tasks, missing data, audit issues. The
suggestions are seeded from the problems; the user may rewrite them before the report is made.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from planwatch.model.codes import ReportKind
from planwatch.model.evaluation import TaskState
from planwatch.model.findings import Severity
from planwatch.model.labels import VerdictCode
from planwatch.reports.build import IndicatorRow, Report, TaskLine
from planwatch.reports.text import (
    FINDING_LABELS,
    FINDING_LABELS_EN,
    _finding_message,
    day_text,
    num,
    numeral,
    pct,
    tr,
)

SHOWN = 5
"""At most this many names are spelled out in one sentence (then 等N项)."""
LAGGING = frozenset({VerdictCode.BEHIND, VerdictCode.MISSED})
NO_VALUE = frozenset({VerdictCode.NO_DATA, VerdictCode.NOT_EVALUABLE})
SILENT = frozenset({TaskState.STALLED, TaskState.NOT_REPORTED})


@dataclass(frozen=True)
class Problem:
    """One problem: ``topic`` seeds the matching suggestion, ``subjects`` its names."""

    topic: str
    heading: str
    text: str
    subjects: tuple[str, ...] = ()
    quote: str = ""
    """A finding's message quoted after the text as an example (例如：…); printed as the finding
    says it."""


def listed(names: Sequence[str], unit: str = "项", lang: str = "zh") -> str:
    """“A、B、C” — or “A、B、C、D、E等7项” when there are more than SHOWN (in English “A, B, C”
    — or “A, B, C, D, E and 2 more”)."""
    if lang == "en":
        if len(names) <= SHOWN:
            return ", ".join(names)
        return ", ".join(names[:SHOWN]) + f" and {len(names) - SHOWN} more"
    if len(names) <= SHOWN:
        return "、".join(names)
    return "、".join(names[:SHOWN]) + f"等{len(names)}{unit}"


def _value(v: float | None, unit: str | None, lang: str = "zh") -> str:
    if lang == "en" and unit:
        return f"{num(v)} {unit}"
    return f"{num(v)}{unit or ''}"


def _more(items: Sequence[object], lang: str) -> str:
    """“等7项” / “ and 2 more” after the first SHOWN."""
    if len(items) <= SHOWN:
        return ""
    return f" and {len(items) - SHOWN} more" if lang == "en" else f"等{len(items)}项"


def _n(n: int, what: str) -> str:
    """“1 indicator”, “3 indicators”."""
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _has(n: int) -> str:
    return "has" if n == 1 else "have"


def _lagging_en(late: Sequence[IndicatorRow]) -> Problem:
    all_missed = all(r.verdict_code is VerdictCode.MISSED for r in late)
    parts = []
    for r in late[:SHOWN]:
        if r.verdict_code is VerdictCode.MISSED:
            said = "" if all_missed else " missed its target by the target year"
            parts.append(f"{r.name}{said} (target {_value(r.target, r.unit, 'en')}, "
                         f"actual {_value(r.actual, r.unit, 'en')})")
        else:
            parts.append(f"{r.name} (progress {pct(r.completion_progress)}, "
                         f"time elapsed {pct(r.time_progress)})")
    missed = sum(1 for r in late if r.verdict_code is VerdictCode.MISSED)
    heading = "Some indicators missed the plan targets" if missed else "Some indicators lag behind"
    lead = ("missed the plan target" if missed == len(late) else
            "progress more slowly than the time elapsed" if not missed else
            "lag behind or missed the target")
    if len(late) == 1 and not missed:
        lead = "progresses more slowly than the time elapsed"
    return Problem("lagging", heading, f"{_n(len(late), 'indicator')} {lead}: "
                   f"{'; '.join(parts)}{_more(late, 'en')}.", tuple(r.name for r in late))


def _lagging(rows: Sequence[IndicatorRow], lang: str = "zh") -> Problem | None:
    late = [r for r in rows if r.verdict_code in LAGGING]
    if not late:
        return None
    if lang == "en":
        return _lagging_en(late)
    all_missed = all(r.verdict_code is VerdictCode.MISSED for r in late)
    parts = []
    for r in late[:SHOWN]:
        if r.verdict_code is VerdictCode.MISSED:
            said = "" if all_missed else "至目标年份未实现目标"
            parts.append(f"{r.name}{said}（目标{_value(r.target, r.unit)}，"
                         f"实际{_value(r.actual, r.unit)}）")
        else:
            parts.append(f"{r.name}进度完成率{pct(r.completion_progress)}，"
                         f"低于时间进度{pct(r.time_progress)}")
    more = f"等{len(late)}项" if len(late) > SHOWN else ""
    missed = sum(1 for r in late if r.verdict_code is VerdictCode.MISSED)
    heading = "部分指标未实现规划目标" if missed else "部分指标进度滞后"
    lead = ("未实现规划目标" if missed == len(late) else
            "进度慢于时间进度" if not missed else "进度滞后或未实现目标")
    return Problem("lagging", heading, f"{len(late)}项指标{lead}："
                   f"{'；'.join(parts)}{more}。", tuple(r.name for r in late))


def _regressing(rows: Sequence[IndicatorRow], lang: str = "zh") -> Problem | None:
    back = [r for r in rows if r.verdict_code is VerdictCode.REGRESSING]
    if not back:
        return None
    if lang == "en":
        moved = "moves" if len(back) == 1 else "move"
        parts_en = [f"{r.name}: {_value(r.baseline, r.unit, 'en')} in the baseline year "
                    f"({r.baseline_year}), {_value(r.actual, r.unit, 'en')} in {r.actual_year}"
                    for r in back[:SHOWN]]
        return Problem("regressing", "Some indicators move backwards",
                       f"{_n(len(back), 'indicator')} {moved} away from the plan target: "
                       f"{'; '.join(parts_en)}{_more(back, 'en')}.", tuple(r.name for r in back))
    parts = [f"{r.name}基期（{r.baseline_year}年）为{_value(r.baseline, r.unit)}，"
             f"{r.actual_year}年为{_value(r.actual, r.unit)}" for r in back[:SHOWN]]
    more = f"等{len(back)}项" if len(back) > SHOWN else ""
    return Problem("regressing", "部分指标不进反退",
                   f"{len(back)}项指标向规划目标的相反方向变化：{'；'.join(parts)}{more}。",
                   tuple(r.name for r in back))


def _off_target(rows: Sequence[IndicatorRow], lang: str = "zh") -> Problem | None:
    doubt = [r for r in rows if r.projection is not None and r.projection.meets_target is False
             and r.verdict_code not in LAGGING and r.verdict_code is not VerdictCode.REGRESSING]
    if not doubt:
        return None
    names = [r.name for r in doubt]
    if lang == "en":
        return Problem("off_target", "Some targets are at risk",
                       f"Extrapolating the data so far, {listed(names, lang='en')} will hardly "
                       "reach the plan target by the target year; this calls for early "
                       "analysis and stronger effort.", tuple(names))
    return Problem("off_target", "部分指标如期完成目标存在压力",
                   f"按已有数据外推，{listed(names)}到目标年份难以实现规划目标，"
                   "需提前研判、加力推进。", tuple(names))


def _missing(rows: Sequence[IndicatorRow], year: int, lang: str = "zh") -> Problem | None:
    none = [r.name for r in rows if (r.verdict_code in NO_VALUE and r.actual is None)
            or r.display_state == "base_only"]
    stale = [r.name for r in rows if r.actual_year is not None and r.actual_year < year
             and r.display_state != "base_only"]
    unjudged = [r.name for r in rows if r.verdict_code is VerdictCode.NOT_EVALUABLE
                and r.actual is not None]
    if lang == "en":
        return _missing_en(none, stale, unjudged, year)
    parts = []
    if none:
        parts.append(f"{listed(none)}尚无实际监测数据")
    if stale:
        parts.append(f"{listed(stale)}缺少{year}年数据，采用往年数据评价")
    if unjudged:
        parts.append(f"{listed(unjudged)}因口径或目标表述原因无法评价")
    if not parts:
        return None
    return Problem("missing", "部分指标监测数据不全", "；".join(parts) + "。",
                   tuple(dict.fromkeys([*none, *stale, *unjudged])))


def _missing_en(none: list[str], stale: list[str], unjudged: list[str],
                year: int) -> Problem | None:
    parts = []
    if none:
        parts.append(f"{listed(none, lang='en')}: no actual monitoring data yet")
    if stale:
        parts.append(f"{listed(stale, lang='en')}: no {year} data, earlier data used")
    if unjudged:
        parts.append(f"{listed(unjudged, lang='en')}: cannot be assessed because of the "
                     "definition or the wording of the target")
    if not parts:
        return None
    return Problem("missing", "Monitoring data are incomplete", "; ".join(parts) + ".",
                   tuple(dict.fromkeys([*none, *stale, *unjudged])))


def _task_text(t: TaskLine, lang: str = "zh") -> str:
    if lang == "en":
        lead_en = ", ".join(t.lead) or "none named"
        due_en = f"; deadline {day_text(t.due, 'en')}" if t.due else ""
        return f"“{t.title}” (lead: {lead_en}{due_en})"
    lead = "、".join(t.lead) or "未明确"
    due = f"，时限{t.due.year}年{t.due.month}月{t.due.day}日" if t.due else ""
    return f"“{t.title}”（牵头：{lead}{due}）"


def _tasks_en(tasks: Sequence[TaskLine]) -> list[Problem]:
    out = []
    overdue = [t for t in tasks if t.state is TaskState.OVERDUE]
    if overdue:
        out.append(Problem("overdue", "Some key tasks are overdue",
                           f"{_n(len(overdue), 'task')} passed the deadline without being "
                           "reported done: " + "; ".join(_task_text(t, "en")
                                                         for t in overdue[:SHOWN])
                           + _more(overdue, "en") + ".", tuple(t.title for t in overdue)))
    blocked = [t for t in tasks if t.state is TaskState.BLOCKED]
    if blocked:
        parts = [_task_text(t, "en") + (f", latest progress: {t.latest}" if t.latest else "")
                 for t in blocked[:SHOWN]]
        out.append(Problem("blocked", "Some key tasks are blocked",
                           f"{_n(len(blocked), 'task')} reported being blocked: "
                           f"{'; '.join(parts)}.", tuple(t.title for t in blocked)))
    silent = [t for t in tasks if t.state in SILENT]
    if silent:
        leads = list(dict.fromkeys(d for t in silent for d in t.lead))
        stalled = sum(1 for t in silent if t.state is TaskState.STALLED)
        quiet = len(silent) - stalled
        counts = "; ".join(p for p in (
            f"{_n(quiet, 'task')} {_has(quiet)} not reported any progress yet" if quiet else "",
            f"{_n(stalled, 'task')} {_has(stalled)} not been updated for a long time"
            if stalled else "") if p)
        who = f", concerning {listed(leads, lang='en')}" if leads else ""
        out.append(Problem("silent", "Task progress is not reported in time",
                           f"{counts}{who}.", tuple(leads)))
    return out


def _tasks(tasks: Sequence[TaskLine], lang: str = "zh") -> list[Problem]:
    if lang == "en":
        return _tasks_en(tasks)
    out = []
    overdue = [t for t in tasks if t.state is TaskState.OVERDUE]
    if overdue:
        out.append(Problem("overdue", "部分重点任务超期未完成",
                           f"{len(overdue)}项任务已超过完成时限仍未报告完成："
                           + "；".join(_task_text(t) for t in overdue[:SHOWN])
                           + (f"等{len(overdue)}项" if len(overdue) > SHOWN else "") + "。",
                           tuple(t.title for t in overdue)))
    blocked = [t for t in tasks if t.state is TaskState.BLOCKED]
    if blocked:
        parts = [_task_text(t) + (f"，最新进展：{t.latest}" if t.latest else "")
                 for t in blocked[:SHOWN]]
        out.append(Problem("blocked", "部分重点任务推进受阻",
                           f"{len(blocked)}项任务报告受阻：{'；'.join(parts)}。",
                           tuple(t.title for t in blocked)))
    silent = [t for t in tasks if t.state in SILENT]
    if silent:
        leads = list(dict.fromkeys(d for t in silent for d in t.lead))
        stalled = sum(1 for t in silent if t.state is TaskState.STALLED)
        quiet = len(silent) - stalled
        counts = "，".join(p for p in (f"{quiet}项任务尚未报送进展" if quiet else "",
                                       f"{stalled}项任务长期未更新进展" if stalled else "") if p)
        who = f"，涉及{listed(leads, '个单位')}" if leads else ""
        out.append(Problem("silent", "任务进展报送不够及时", f"{counts}{who}。", tuple(leads)))
    return out


def _audit(report: Report, lang: str = "zh") -> Problem | None:
    serious = [f for f in report.findings if f.severity in (Severity.WARNING, Severity.ERROR)]
    if not serious:
        return None
    if lang == "en":
        kinds_en = Counter(FINDING_LABELS_EN.get(f.code, tr("其他问题", lang)) for f in serious)
        parts_en = ", ".join(f"{k} ({n})" for k, n in kinds_en.most_common())
        found = "issue" if len(serious) == 1 else "issues"
        return Problem("audit", "The plan text needs refinement",
                       f"The review of the plan text found {len(serious)} {found} to look at: "
                       f"{parts_en}.", tuple(kinds_en),
                       quote=_finding_message(serious[0], lang).rstrip("。."))
    kinds = Counter(FINDING_LABELS.get(f.code, "其他问题") for f in serious)
    parts = "、".join(f"{k}{n}处" for k, n in kinds.most_common())
    return Problem("audit", "规划文本需进一步完善",
                   f"规划文本审查发现{len(serious)}处需关注的问题，包括{parts}。", tuple(kinds),
                   quote=_finding_message(serious[0], lang).rstrip("。"))


def find_problems(report: Report, lang: str = "zh") -> list[Problem]:
    """The problems of the evaluation, most pressing first, written in ``lang``."""
    rows = report.indicators
    found = [_lagging(rows, lang), _regressing(rows, lang), _off_target(rows, lang),
             *_tasks(report.tasks, lang), _missing(rows, report.year, lang),
             _audit(report, lang)]
    return [p for p in found if p is not None]


SEEDS: dict[str, str] = {
    "lagging": "加快滞后指标攻坚。针对{names}等进度滞后的指标，由牵头部门深入分析原因，"
               "制定针对性措施，明确时间表和责任人，力争尽快回到规划进度。",
    "regressing": "扭转指标下滑态势。对{names}等不进反退的指标开展专题研究，找准症结，"
                  "加大政策和资金支持力度。",
    "off_target": "强化目标预判和调度。对{names}等按当前趋势难以如期实现目标的指标，"
                  "加强年度调度，必要时按程序开展规划动态调整。",
    "overdue": "加强重点任务督办。对超期未完成的任务逐项明确完成时限和责任单位，"
               "实行清单化管理、销号式推进。",
    "blocked": "协调解决任务推进难题。对报告受阻的任务建立专题协调机制，"
               "及时研究解决存在的困难和问题。",
    "silent": "健全任务进展调度机制。督促{names}等牵头单位按时报送任务进展，"
              "做到底数清、情况明。",
    "missing": "完善监测数据支撑。加强与统计等部门的沟通协调，及时采集{names}等指标数据，"
               "提高监测评估的及时性和准确性。",
    "audit": "完善规划指标体系。结合规划评估，对规划文本中{names}等问题予以校核，"
             "必要时按程序修订。",
}
STEADY = "保持良好发展态势。继续加强规划实施的统筹协调和跟踪监测，确保规划目标任务全面完成。"
NEXT_PLAN = ("做好下一轮规划衔接。系统总结本期规划实施经验，将未完成的目标任务纳入下一轮规划"
             "统筹考虑。")
SUPPORT = ("强化规划实施保障。加强组织领导和部门协同，将规划目标任务纳入年度工作计划和考核评价，"
           "定期开展监测评估。")


SEEDS_EN: dict[str, str] = {
    "lagging": "Speed up the lagging indicators. For the indicators behind schedule such as "
               "{names}, the lead departments analyse the causes, set targeted measures with a "
               "timetable and named responsibilities, and bring them back on schedule soon.",
    "regressing": "Reverse the decline. Study the indicators moving backwards such as {names} "
                  "in depth, find the causes and step up policy and funding support.",
    "off_target": "Anticipate the targets at risk. For the indicators that on the current "
                  "trend will hardly meet their targets in time, such as {names}, strengthen "
                  "the yearly follow-up and, where needed, adjust the plan by the set procedure.",
    "overdue": "Follow up the key tasks closely. Set a new deadline and a responsible unit for "
               "each overdue task, manage them as a list and close them one by one.",
    "blocked": "Resolve what blocks the tasks. Set up a coordination mechanism for the blocked "
               "tasks and address their difficulties promptly.",
    "silent": "Improve the reporting of task progress. Urge the lead departments such as "
              "{names} to report progress on time, so that the state of every task is known.",
    "missing": "Strengthen the monitoring data. Coordinate with the statistics and other "
               "departments to collect the data of indicators such as {names} in time, making "
               "the monitoring more timely and accurate.",
    "audit": "Refine the plan's indicator system. Check the issues found in the plan text, "
             "such as {names}, during the evaluation and revise them by the set procedure where "
             "needed.",
}
STEADY_EN = ("Keep up the good progress. Continue to coordinate and monitor the implementation "
             "so that all the plan's targets and tasks are completed.")
NEXT_PLAN_EN = ("Prepare the next plan. Review the experience of this plan's implementation and "
                "carry the unfinished targets and tasks over into the next plan.")
SUPPORT_EN = ("Secure the implementation. Strengthen leadership and cooperation between "
              "departments, include the plan's targets and tasks in the annual work plans and "
              "performance reviews, and monitor and evaluate the plan regularly.")


def seed_suggestions(problems: Sequence[Problem], kind: ReportKind, lang: str = "zh") -> str:
    """五、下一步工作建议 seeded from the problems: one numbered paragraph a line."""
    if lang == "en":
        lines = [SEEDS_EN[p.topic].format(names=", ".join(p.subjects[:SHOWN]))
                 for p in problems if p.topic in SEEDS_EN]
        lines = lines or [STEADY_EN]
        if kind is ReportKind.FINAL:
            lines.append(NEXT_PLAN_EN)
        lines.append(SUPPORT_EN)
        return "\n".join(f"({i}) {line}" for i, line in enumerate(lines, start=1))
    lines = [SEEDS[p.topic].format(names="、".join(p.subjects[:SHOWN]))
             for p in problems if p.topic in SEEDS]
    if not lines:
        lines.append(STEADY)
    if kind is ReportKind.FINAL:
        lines.append(NEXT_PLAN)
    lines.append(SUPPORT)
    return "\n".join(f"（{numeral(i)}）{line}" for i, line in enumerate(lines, start=1))


def suggestion_paragraphs(text: str) -> list[str]:
    """The user's suggestions text → its paragraphs (one a non-empty line)."""
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def problem_parts(problems: Sequence[Problem], lang: str = "zh") -> list[tuple[str, str, str]]:
    """Each numbered problem paragraph in three parts: the words, the quoted finding message
    (empty: none) and the words closing the quote — the pages show the quote apart."""
    out = []
    for i, p in enumerate(problems, start=1):
        if lang == "en":
            words, opening, closing = f"({i}) {p.heading}. {p.text}", " For example: ", "."
        else:
            words, opening, closing = f"（{numeral(i)}）{p.heading}。{p.text}", "例如：", "。"
        out.append((words + opening, p.quote, closing) if p.quote else (words, "", ""))
    return out


def problem_paragraphs(problems: Sequence[Problem], lang: str = "zh") -> list[str]:
    return ["".join(parts) for parts in problem_parts(problems, lang)]
