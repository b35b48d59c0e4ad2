"""Tasks with responsibility notes (牵头/配合). Stub: to be filled."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.model.findings import Finding
from planwatch.model.plan import Task
from planwatch.parse.document import Document


@dataclass
class TaskResult:
    tasks: list[Task] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def extract_tasks(doc: Document) -> TaskResult:
    return TaskResult()
