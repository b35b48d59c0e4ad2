"""四、存在的主要问题 and 五、下一步工作建议, written from the evaluation in plain Chinese.

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
from planwatch.reports.text import FINDING_LABELS, num, numeral, pct

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


def listed(names: Sequence[str], unit: str = "项") -> str:
    """“A、B、C” — or “A、B、C、D、E等7项” when there are more than SHOWN."""
    if len(names) <= SHOWN:
        return "、".join(names)
    return "、".join(names[:SHOWN]) + f"等{len(names)}{unit}"


def _value(v: float | None, unit: str | None) -> str:
    return f"{num(v)}{unit or ''}"


def _lagging(rows: Sequence[IndicatorRow]) -> Problem | None:
    late = [r for r in rows if r.verdict_code in LAGGING]
    if not late:
        return None
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


def _regressing(rows: Sequence[IndicatorRow]) -> Problem | None:
    back = [r for r in rows if r.verdict_code is VerdictCode.REGRESSING]
    if not back:
        return None
    parts = [f"{r.name}基期（{r.baseline_year}年）为{_value(r.baseline, r.unit)}，"
             f"{r.actual_year}年为{_value(r.actual, r.unit)}" for r in back[:SHOWN]]
    more = f"等{len(back)}项" if len(back) > SHOWN else ""
    return Problem("regressing", "部分指标不进反退",
                   f"{len(back)}项指标向规划目标的相反方向变化：{'；'.join(parts)}{more}。",
                   tuple(r.name for r in back))


def _off_target(rows: Sequence[IndicatorRow]) -> Problem | None:
    doubt = [r for r in rows if r.projection is not None and r.projection.meets_target is False
             and r.verdict_code not in LAGGING and r.verdict_code is not VerdictCode.REGRESSING]
    if not doubt:
        return None
    names = [r.name for r in doubt]
    return Problem("off_target", "部分指标如期完成目标存在压力",
                   f"按已有数据外推，{listed(names)}到目标年份难以实现规划目标，"
                   "需提前研判、加力推进。", tuple(names))


def _missing(rows: Sequence[IndicatorRow], year: int) -> Problem | None:
    none = [r.name for r in rows if (r.verdict_code in NO_VALUE and r.actual is None)
            or r.display_state == "base_only"]
    stale = [r.name for r in rows if r.actual_year is not None and r.actual_year < year
             and r.display_state != "base_only"]
    unjudged = [r.name for r in rows if r.verdict_code is VerdictCode.NOT_EVALUABLE
                and r.actual is not None]
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


def _task_text(t: TaskLine) -> str:
    lead = "、".join(t.lead) or "未明确"
    due = f"，时限{t.due.year}年{t.due.month}月{t.due.day}日" if t.due else ""
    return f"“{t.title}”（牵头：{lead}{due}）"


def _tasks(tasks: Sequence[TaskLine]) -> list[Problem]:
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


def _audit(report: Report) -> Problem | None:
    serious = [f for f in report.findings if f.severity in (Severity.WARNING, Severity.ERROR)]
    if not serious:
        return None
    kinds = Counter(FINDING_LABELS.get(f.code, "其他问题") for f in serious)
    parts = "、".join(f"{k}{n}处" for k, n in kinds.most_common())
    return Problem("audit", "规划文本需进一步完善",
                   f"规划文本审查发现{len(serious)}处需关注的问题，包括{parts}。"
                   f"例如：{serious[0].message.rstrip('。')}。", tuple(kinds))


def find_problems(report: Report) -> list[Problem]:
    """The problems of the evaluation, most pressing first."""
    rows = report.indicators
    found = [_lagging(rows), _regressing(rows), _off_target(rows), *_tasks(report.tasks),
             _missing(rows, report.year), _audit(report)]
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


def seed_suggestions(problems: Sequence[Problem], kind: ReportKind) -> str:
    """五、下一步工作建议 seeded from the problems: one numbered paragraph a line."""
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


def problem_paragraphs(problems: Sequence[Problem]) -> list[str]:
    return [f"（{numeral(i)}）{p.heading}。{p.text}" for i, p in enumerate(problems, start=1)]
