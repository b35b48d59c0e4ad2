"""Project tables (重大科技项目). Stub: to be filled."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.model.findings import Finding
from planwatch.model.plan import Project
from planwatch.parse.document import Document


@dataclass
class ProjectResult:
    projects: list[Project] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def extract_projects(doc: Document) -> ProjectResult:
    return ProjectResult()
