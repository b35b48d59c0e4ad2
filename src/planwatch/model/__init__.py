"""Pydantic models named as in the plan JSON spec."""

from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import (
    Baseline,
    Indicator,
    Meta,
    Plan,
    PriorResult,
    Project,
    Target,
    Task,
)

__all__ = [
    "Baseline",
    "Finding",
    "Indicator",
    "Meta",
    "Plan",
    "PriorResult",
    "Project",
    "Severity",
    "Target",
    "Task",
]
