"""One document file → one extracted plan (parse, then extract)."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.pipeline import extract_plan
from planwatch.model.plan import Plan
from planwatch.parse import read_document


def extract_file(path: Path) -> Plan:
    """Read and extract one document. Raises PlanwatchError for unreadable input."""
    doc = read_document(path)
    plan = extract_plan(doc)
    plan.doc = path.name
    return plan


def has_plan_content(plan: Plan) -> bool:
    """Whether extraction found anything a plan is made of (an empty result is not stored)."""
    parts = (plan.indicators, plan.prior_results, plan.targets, plan.tasks, plan.projects)
    return bool(plan.meta.title) or any(parts)
