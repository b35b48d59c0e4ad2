"""A demo database with something on every page (shared by the whole-site page checks)."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch import actions
from planwatch.storage import Storage, list_plans
from planwatch.storage.plans import latest_plan
from planwatch.workflow.demo import DemoResult, build_demo


@dataclass(frozen=True)
class FilledDemo:
    demo: DemoResult
    plan_id: int
    """The first plan with indicators: submissions in every state, one revised target."""
    task_plan: int
    """The first plan with tasks: progress reports blocked, done and under way."""


def filled_demo(store: Storage, progress_text: str = "按计划推进") -> FilledDemo:
    """The demo plans, plus on the first plan with indicators a provisional value, a returned
    submission, a draft and a revised target; on the first plan with tasks three reports."""
    demo = build_demo(store)
    plans = [(p.id, latest_plan(store, p.id)) for p in list_plans(store)]
    plan_id, plan = next((i, p) for i, p in plans if p is not None and p.indicators)
    task_plan, tasks = next((i, p.tasks) for i, p in plans if p is not None and p.tasks)
    name = plan.indicators[0].name
    actions.submit_actual(store, actions.SYSTEM, plan_id, name, 2022, 1.0,
                          actual_status="provisional")
    returned = actions.submit_actual(store, actions.SYSTEM, plan_id, name, 2023, 2.0)
    actions.return_submission(store, actions.SYSTEM, returned.id, "请核对")
    actions.submit_actual(store, actions.SYSTEM, plan_id, name, 2024, 3.0, draft=True)
    for task, status in zip(tasks, ("blocked", "done", "in_progress"), strict=False):
        actions.report_progress(store, actions.SYSTEM, task_plan, task.number,
                                report=progress_text, percent=50, status=status)
    row = next(i for i, ind in enumerate(plan.indicators) if ind.target is not None)
    actions.revise_indicator_target(store, actions.SYSTEM, plan_id, row, value=1.5e6,
                                    reason="调整", document="科字〔2024〕1号")
    return FilledDemo(demo, plan_id, task_plan)
