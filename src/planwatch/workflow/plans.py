"""Loading a stored plan for the workflow (NotFound instead of None)."""

from __future__ import annotations

from planwatch.model.plan import Plan, Task
from planwatch.storage import Storage, latest_plan
from planwatch.workflow.errors import NotFound


def load_plan(store: Storage, plan_id: int) -> Plan:
    plan = latest_plan(store, plan_id)
    if plan is None:
        raise NotFound(f"规划{plan_id}不存在", f"no plan {plan_id}")
    return plan


def indicator_names(plan: Plan) -> list[str]:
    """Names values can be reported for: the indicator table, then the prior-period table."""
    names = [i.name for i in plan.indicators]
    return [*names, *(r.name for r in plan.prior_results if r.name not in names)]


def find_task(plan: Plan, number: int) -> Task:
    for task in plan.tasks:
        if task.number == number:
            return task
    raise NotFound(f"任务（{number}）不存在", f"no task {number}")
