"""Task status from deadlines and progress reports."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.evaluate.tasks import evaluate_tasks, parse_deadline
from planwatch.model.actual import TaskProgress
from planwatch.model.evaluation import TaskState
from planwatch.model.plan import Task


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-30", date(2025, 6, 30)),
        ("2025年6月底前", date(2025, 6, 30)),
        ("2025年底", date(2025, 12, 31)),
        ("到2027年", date(2027, 12, 31)),
        ("长期坚持", None),
        ("2025-02-30", None),
    ],
)
def test_parse_deadline(text: str, expected: date | None) -> None:
    assert parse_deadline(text) == expected


def test_task_states_and_findings() -> None:
    tasks = [
        Task(number=1, title="建设实验室体系", lead=["市科技局"], deadline="2024年底", line=21),
        Task(number=2, title="培育孵化载体", lead=["市科技局"], deadline="2026-12-31", line=59),
        Task(number=3, title="科技金融", deadline="2024年6月", line=97),
        Task(number=4, title="人才引进", deadline="长期坚持", line=77),
    ]
    reports = [
        TaskProgress(task_number=1, reported_on=date(2024, 11, 1), percent=80),
        TaskProgress(task_number=2, reported_on=date(2024, 9, 1), percent=30),
        TaskProgress(task_number=3, reported_on=date(2024, 5, 20), done=True),
        TaskProgress(task_number=2, reported_on=date(2025, 6, 1)),  # after "today": ignored
    ]
    evals, findings = evaluate_tasks(tasks, reports, date(2025, 3, 1), stall_days=90)
    assert [e.state for e in evals] == [
        TaskState.OVERDUE,
        TaskState.STALLED,
        TaskState.DONE,
        TaskState.NOT_REPORTED,
    ]
    assert evals[1].days_since_report == 181
    assert [(f.code, f.line) for f in findings] == [
        ("task-overdue", 21),
        ("task-stalled", 59),
        ("unparsed-deadline", 77),
    ]
    assert "2024-12-31" in findings[0].message and "市科技局" in findings[0].message
    assert "181天" in findings[1].message
