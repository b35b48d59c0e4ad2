"""Prose targets: forward-looking quantitative commitments. Stub: to be filled."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.model.findings import Finding
from planwatch.model.plan import Plan, Target
from planwatch.parse.document import Document


@dataclass
class TargetResult:
    targets: list[Target] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def extract_targets(doc: Document, plan: Plan) -> TargetResult:
    return TargetResult()
