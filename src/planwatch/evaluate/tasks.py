"""Task status from deadlines and progress reports (督办 / 调度).

* deadline passed and the task not reported done → ``task-overdue``
* the latest progress report says blocked (受阻) → ``task-blocked`` (state ``blocked``; an
  overdue task stays ``overdue``)
* no progress report for more than ``stall_days`` days (counted from the last report) →
  ``task-stalled``
* a deadline that cannot be read → ``unparsed-deadline`` (the task is still evaluated)
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from planwatch.model.actual import TaskProgress
from planwatch.model.evaluation import TaskEvaluation, TaskState
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, ParamValue, Severity
from planwatch.model.plan import Task

_FULL = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月")
_HALF = re.compile(r"(\d{4})\s*年\s*(上半年|下半年|第?[一二三四1-4]季度)")
_YEAR = re.compile(r"(\d{4})\s*年")
_QUARTER_END = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}
_ONGOING = re.compile(r"持续|长期|常态|每年|逐年|年度|滚动|动态|适时|按年")
_STARTS = re.compile(r"(\d{4})\s*年\s*(?:起|开始|以来)")


def _month_end(y: int, mo: int) -> date | None:
    return date(y, mo, calendar.monthrange(y, mo)[1]) if 1 <= mo <= 12 else None


def _dated(text: str) -> date | None:
    if m := _FULL.search(text):
        y, mo, d = (int(g) for g in m.groups())
        ok = 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]
        return date(y, mo, d) if ok else None
    if m := _HALF.search(text):
        y, part = int(m.group(1)), m.group(2)
        if "半年" in part:
            return _month_end(y, 6 if part.startswith("上") else 12)
        return _month_end(y, _QUARTER_END[part.lstrip("第")[0]])
    if m := _MONTH.search(text):
        return _month_end(int(m.group(1)), int(m.group(2)))
    if m := _YEAR.search(text):
        return date(int(m.group(1)), 12, 31)
    return None


def _own_date(text: str) -> date | None:
    """The date a deadline text names, a start year (2023年起) not counting."""
    return _dated(_STARTS.sub("", text))


def is_ongoing(text: str | None) -> bool:
    """'持续推进', '长期坚持', '2023年起持续推进', '每年' — a standing duty, no end date."""
    return bool(text) and _ONGOING.search(text or "") is not None and _own_date(text or "") is None


def parse_deadline(text: str | None, year: int | None = None) -> date | None:
    """'2025-06-30', '2025年6月底前', '2025年底前完成', '2025年上半年' → the last day the deadline
    allows; a standing duty (持续推进) has none. ``year`` (the extractor's ``deadline_year``) is
    used when the text names no date of its own."""
    found = _own_date(text) if text else None
    if found is not None:
        return found
    if text and _ONGOING.search(text):
        return None  # a standing duty
    return date(year, 12, 31) if year is not None else None


def _state(
    deadline: date | None, reports: list[TaskProgress], today: date, stall_days: int
) -> tuple[TaskState, int | None]:
    last = reports[-1] if reports else None
    since = (today - last.reported_on).days if last else None
    if last is not None and last.done:
        return TaskState.DONE, since
    if deadline is not None and today > deadline:
        return TaskState.OVERDUE, since
    if last is not None and last.blocked:
        return TaskState.BLOCKED, since
    if since is not None and since > stall_days:
        return TaskState.STALLED, since
    return (TaskState.IN_PROGRESS if last else TaskState.NOT_REPORTED), since


def evaluate_task(
    task: Task, progress: Sequence[TaskProgress], today: date, *, stall_days: int = 90
) -> TaskEvaluation:
    """Status of one task on ``today`` from its reports (reports after ``today`` are ignored)."""
    reports = sorted(
        (p for p in progress if p.task_number == task.number and p.reported_on <= today),
        key=lambda p: p.reported_on,
    )
    deadline = parse_deadline(task.deadline, task.deadline_year)
    state, since = _state(deadline, reports, today, stall_days)
    unreadable = task.deadline and deadline is None and not is_ongoing(task.deadline)
    reasons = ["unparsed-deadline"] if unreadable else []
    return TaskEvaluation(
        number=task.number,
        title=task.title,
        deadline=deadline,
        state=state,
        last_report=reports[-1].reported_on if reports else None,
        days_since_report=since,
        percent=reports[-1].percent if reports else None,
        stall_days=stall_days,
        reasons=reasons,
    )


def _finding(task: Task, ev: TaskEvaluation) -> Finding | None:
    params: dict[str, ParamValue] = {"number": task.number, "title": task.title,
                                     "lead": "、".join(task.lead) or "—"}
    if ev.state is TaskState.OVERDUE:
        return make_finding("task-overdue", {**params, "deadline": str(ev.deadline)},
                            line=task.line)
    if ev.state is TaskState.BLOCKED:
        return make_finding("task-blocked", {**params, "reported": str(ev.last_report)},
                            line=task.line)
    if ev.state is TaskState.STALLED:
        return make_finding("task-stalled", {**params, "days": ev.days_since_report,
                                             "limit": ev.stall_days},
                            severity=Severity.INFO, line=task.line)
    return None


def evaluate_tasks(
    tasks: Sequence[Task],
    progress: Sequence[TaskProgress],
    today: date,
    *,
    stall_days: int = 90,
) -> tuple[list[TaskEvaluation], list[Finding]]:
    """Evaluate every task; findings for overdue, blocked, stalled and unreadable deadlines."""
    evaluations: list[TaskEvaluation] = []
    findings: list[Finding] = []
    for task in tasks:
        ev = evaluate_task(task, progress, today, stall_days=stall_days)
        evaluations.append(ev)
        if "unparsed-deadline" in ev.reasons:
            findings.append(make_finding(
                "unparsed-deadline", {"number": task.number, "deadline": task.deadline},
                severity=Severity.INFO, line=task.line))
        found = _finding(task, ev)
        if found is not None:
            findings.append(found)
    return evaluations, findings
