"""Prose targets evaluated like indicators: a level commitment that states its baseline in the
same document (e.g. 有研发活动企业占比 41.41 % in 2020 → 55 % 以上 by 2025) and is not a
restatement of an indicator-table row becomes an evaluable series of its own."""

from __future__ import annotations

from planwatch.catalog.names import same_name
from planwatch.catalog.units import interchangeable
from planwatch.model.plan import Indicator, Plan, Target


def target_as_indicator(plan: Plan, target: Target) -> Indicator | None:
    """The indicator a prose target implies, or None when it cannot be evaluated as a series."""
    if target.kind != "level" or target.baseline is None or target.baseline.year is None:
        return None
    year = target.year or plan.meta.period_end
    if year is None or year <= target.baseline.year:
        return None
    return Indicator(
        name=target.subject, unit=target.unit, baseline_year=target.baseline.year,
        baseline=target.baseline.value, target_year=year, target=target.value,
        target_comparator=target.comparator, line=target.line, note="prose-target",
    )


def _restates(candidate: Indicator, row: Indicator) -> bool:
    """Same name, or the same baseline year and value in a unit that compares (counts of
    enterprises in 家 and in 个 are the same count): a prose restatement of the row."""
    if same_name(candidate.name, row.name):
        return True
    return (interchangeable(candidate.unit, row.unit, counts=True)
            and candidate.baseline == row.baseline
            and candidate.baseline_year == row.baseline_year)


def prose_indicators(plan: Plan) -> list[Indicator]:
    """Evaluable prose targets, each once, none restating a table row."""
    out: list[Indicator] = []
    for target in plan.targets:
        ind = target_as_indicator(plan, target)
        if ind is not None and not any(_restates(ind, r) for r in [*plan.indicators, *out]):
            out.append(ind)
    return out
