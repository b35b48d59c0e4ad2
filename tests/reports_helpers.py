"""Shared inputs for the report tests: the real 淄博 gold plan with synthetic actuals."""

from __future__ import annotations

import json
from typing import Any

from planwatch.model.actual import Actual
from planwatch.model.plan import Plan, Task
from tests.helpers import GOLD

PLAN_TITLE = "淄博市“十四五”科技创新规划"
# Synthetic 2021–2023 actuals for four indicators; the 2020 baselines are the plan's real values.
SYNTHETIC: dict[str, tuple[float, float, float]] = {
    "R&D经费支出占GDP的比重": (2.85, 2.90, 3.05),
    "科技型中小企业": (1200, 1500, 1900),
    "高新技术企业": (880, 1010, 1150),
    "年登记技术合同成交额": (150, 140, 130),
}


def _model_fields(model: type[Any], data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in model.model_fields}


def gold_plan(name: str = "zibo-2022-plan") -> Plan:
    data = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return Plan.model_validate(data)


def zibo_plan_with_tasks() -> Plan:
    """The 淄博 plan plus the 烟台 opinion's tasks, so the task section has content."""
    plan = gold_plan()
    tasks = gold_plan("yantai-2024-opinion").tasks[:8]
    plan.tasks = [Task.model_validate(_model_fields(Task, t.model_dump())) for t in tasks]
    return plan


def synthetic_actuals() -> list[Actual]:
    units = {i.name: i.unit for i in gold_plan().indicators}
    return [
        Actual(indicator=name, year=2021 + k, value=v, unit=units.get(name), source="synthetic")
        for name, values in SYNTHETIC.items()
        for k, v in enumerate(values)
    ]
