"""Indicator tables (主要指标) and prior-period result tables (完成情况). Stub: to be filled."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.model.findings import Finding
from planwatch.model.plan import Indicator, PriorResult
from planwatch.parse.document import Document


@dataclass
class TableResult:
    indicators: list[Indicator] = field(default_factory=list)
    prior_results: list[PriorResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def extract_indicator_tables(doc: Document) -> TableResult:
    return TableResult()
