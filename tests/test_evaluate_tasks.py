"""Task status from deadlines and progress reports."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.evaluate.tasks import evaluate_tasks, is_ongoing, parse_deadline
from planwatch.extract import extract_plan
from planwatch.model.actual import TaskProgress
from planwatch.model.evaluation import TaskState
from planwatch.model.plan import Task
from planwatch.parse.text import read_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-30", date(2025, 6, 30)),
        ("2025年6月底前", date(2025, 6, 30)),
        ("2025年底", date(2025, 12, 31)),
        ("到2027年", date(2027, 12, 31)),
        ("长期坚持", None),
        ("2025-02-30", None),
        ("2024年年底前完成", date(2024, 12, 31)),
        ("2024年6月30日前", date(2024, 6, 30)),
        ("2025年上半年", date(2025, 6, 30)),
        ("2025年第三季度", date(2025, 9, 30)),
        ("2023年起持续推进", None),
        ("持续推进", None),
        ("视情况确定", None),
    ],
)
def test_parse_deadline(text: str, expected: date | None) -> None:
    assert parse_deadline(text) == expected


def test_deadline_year_is_the_fallback_but_not_for_standing_duties() -> None:
    assert parse_deadline(None, 2026) == date(2026, 12, 31)
    assert parse_deadline("按期完成", 2026) == date(2026, 12, 31)
    assert parse_deadline("2026年6月底前", 2026) == date(2026, 6, 30)
    assert parse_deadline("2025年起持续推进", 2025) is None
    assert is_ongoing("长期坚持") and is_ongoing("2023年起持续推进")
    assert not is_ongoing("2025年底前") and not is_ongoing(None)


def test_extracted_deadlines_make_overdue_reminders_fire() -> None:
    """Deadlines as the extractor reads them from a note end in task-overdue findings."""
    doc = read_text((
        "关于加快科技创新的实施方案\n"
        "一、重点任务\n"
        "（一）建设中试基地。建成中试基地3家。（责任单位：市科技局牵头，市财政局配合；"
        "2024年底前完成）\n"
        "（二）培育科技企业。（责任单位：市科技局；持续推进）\n"
    ).encode(), "plan.txt")
    tasks = extract_plan(doc).tasks
    assert [(t.number, t.deadline_year) for t in tasks][:1] == [(1, 2024)]
    evals, findings = evaluate_tasks(tasks, [], date(2025, 3, 1))
    states = {e.number: e.state for e in evals}
    assert states[1] == TaskState.OVERDUE
    assert states.get(2, TaskState.NOT_REPORTED) == TaskState.NOT_REPORTED
    assert [f.code for f in findings] == ["task-overdue"]


def test_task_states_and_findings() -> None:
    tasks = [
        Task(number=1, title="建设实验室体系", lead=["市科技局"], deadline="2024年底", line=21),
        Task(number=2, title="培育孵化载体", lead=["市科技局"], deadline="2026-12-31", line=59),
        Task(number=3, title="科技金融", deadline="2024年6月", line=97),
        Task(number=4, title="人才引进", deadline="长期坚持", line=77),
        Task(number=5, title="平台建设", deadline="另行通知", line=88),
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
        TaskState.NOT_REPORTED,
    ]
    assert evals[1].days_since_report == 181
    assert [(f.code, f.line) for f in findings] == [
        ("task-overdue", 21),
        ("task-stalled", 59),
        ("unparsed-deadline", 88),
    ]
    assert "2024-12-31" in findings[0].message and "市科技局" in findings[0].message
    assert "181天" in findings[1].message
