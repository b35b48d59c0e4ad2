"""A task reported blocked (受阻) is blocked in every view: the evaluator, the tasks API, the
overview API, the plan and tasks pages and the report (finding ``task-blocked``)."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.evaluate import evaluate_tasks
from planwatch.model.actual import TaskProgress
from planwatch.model.evaluation import TaskState
from planwatch.model.plan import Task
from tests.web_fixtures import Web, pg_database_url, web

__all__ = ["pg_database_url", "web"]

YANTAI = "yantai-2024-opinion.txt"
TODAY = date(2025, 3, 1)


@pytest.mark.parametrize(("reports", "deadline", "state"), [
    ([TaskProgress(task_number=1, reported_on=date(2025, 2, 1), blocked=True)], "2026年",
     TaskState.BLOCKED),
    ([TaskProgress(task_number=1, reported_on=date(2025, 1, 1), blocked=True),
      TaskProgress(task_number=1, reported_on=date(2025, 2, 1))], "2026年",
     TaskState.IN_PROGRESS),  # unblocked by a later report
    ([TaskProgress(task_number=1, reported_on=date(2024, 1, 1), blocked=True)], "2026年",
     TaskState.BLOCKED),  # blocked, not merely stalled
    ([TaskProgress(task_number=1, reported_on=date(2025, 2, 1), blocked=True)], "2024年",
     TaskState.OVERDUE),  # an overdue task stays overdue
    ([TaskProgress(task_number=1, reported_on=date(2025, 2, 1), done=True)], "2026年",
     TaskState.DONE),
])
def test_the_evaluator_carries_blocked(reports: list[TaskProgress], deadline: str,
                                       state: TaskState) -> None:
    task = Task(number=1, title="任务", lead=["市科技局"], deadline=deadline)
    [ev], found = evaluate_tasks([task], reports, TODAY)
    assert ev.state is state
    assert ("task-blocked" in {f.code for f in found}) == (state is TaskState.BLOCKED)


def test_blocked_reaches_every_view(web: Web) -> None:
    plan_id = web.store_plan(YANTAI)
    headers = web.bearer("dept_yt")
    mine = web.client.get(f"/api/v1/plans/{plan_id}/tasks", headers=headers).json()
    number = mine[0]["number"]
    r = web.client.post(f"/api/v1/plans/{plan_id}/tasks/{number}/progress", headers=headers,
                        json={"report": "用地指标未落实，项目无法开工", "status": "blocked"})
    assert r.status_code == 201, r.text
    tasks = web.client.get(f"/api/v1/plans/{plan_id}/tasks", headers=headers).json()
    assert next(t for t in tasks if t["number"] == number)["state"] == "blocked"

    reviewer = web.bearer("reviewer")
    year = date.today().year  # task alerts are as of the evaluated year's end (or today)
    o = web.client.get(f"/api/v1/plans/{plan_id}/overview?year={year}", headers=reviewer).json()
    states = {t["number"]: t["state"] for g in o["departments"] for t in g["tasks"]}
    assert states[number] == "blocked"
    assert "task-blocked" in {f["code"] for f in o["task_alerts"]}

    report = web.client.get(f"/api/v1/plans/{plan_id}/report?format=md&year={o['year']}",
                            headers=reviewer)
    assert report.status_code == 200, report.text
    assert "报告受阻" in report.text

    web.login("reviewer")
    for path in (f"/plans/{plan_id}?year={year}", f"/plans/{plan_id}/tasks"):
        page = web.client.get(path).text
        assert 'class="badge st-blocked">受阻<' in page, path
