"""Task status from deadlines and progress reports (督办 / 调度).

* deadline passed and the task not reported done → ``task-overdue``
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
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Task

_FULL = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*(?:底|末)?\s*(?:前)?\s*$")
_YEAR = re.compile(r"^\s*(?:到|至)?\s*(\d{4})\s*年?\s*(?:底|末|年底|年末)?\s*(?:前)?\s*$")


def parse_deadline(text: str | None) -> date | None:
    """'2025-06-30', '2025年6月', '2025年底' → the last day the deadline allows."""
    if not text:
        return None
    if m := _FULL.match(text):
        y, mo, d = (int(g) for g in m.groups())
        return date(y, mo, d) if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1] else None
    if m := _MONTH.match(text):
        y, mo = int(m.group(1)), int(m.group(2))
        return date(y, mo, calendar.monthrange(y, mo)[1]) if 1 <= mo <= 12 else None
    if m := _YEAR.match(text):
        return date(int(m.group(1)), 12, 31)
    return None


def _state(
    deadline: date | None, reports: list[TaskProgress], today: date, stall_days: int
) -> tuple[TaskState, int | None]:
    last = reports[-1] if reports else None
    since = (today - last.reported_on).days if last else None
    if last is not None and last.done:
        return TaskState.DONE, since
    if deadline is not None and today > deadline:
        return TaskState.OVERDUE, since
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
    deadline = parse_deadline(task.deadline)
    state, since = _state(deadline, reports, today, stall_days)
    reasons = ["unparsed-deadline"] if task.deadline and deadline is None else []
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
    lead = "、".join(task.lead) or "—"
    if ev.state is TaskState.OVERDUE:
        return Finding(
            code="task-overdue",
            severity=Severity.WARNING,
            message=f"任务（{task.number}）“{task.title}”已超过完成时限{ev.deadline}，尚未报告完成（牵头：{lead}）",
            line=task.line,
        )
    if ev.state is TaskState.STALLED:
        return Finding(
            code="task-stalled",
            severity=Severity.INFO,
            message=f"任务（{task.number}）“{task.title}”已{ev.days_since_report}天未报送进展（超过{ev.stall_days}天，牵头：{lead}）",
            line=task.line,
        )
    return None


def evaluate_tasks(
    tasks: Sequence[Task],
    progress: Sequence[TaskProgress],
    today: date,
    *,
    stall_days: int = 90,
) -> tuple[list[TaskEvaluation], list[Finding]]:
    """Evaluate every task; findings for overdue, stalled and unreadable deadlines."""
    evaluations: list[TaskEvaluation] = []
    findings: list[Finding] = []
    for task in tasks:
        ev = evaluate_task(task, progress, today, stall_days=stall_days)
        evaluations.append(ev)
        if "unparsed-deadline" in ev.reasons:
            findings.append(
                Finding(
                    code="unparsed-deadline",
                    severity=Severity.INFO,
                    message=f"任务（{task.number}）的完成时限“{task.deadline}”无法识别",
                    line=task.line,
                )
            )
        found = _finding(task, ev)
        if found is not None:
            findings.append(found)
    return evaluations, findings
