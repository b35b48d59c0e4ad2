"""Judge a previous-period results table (“十三五”主要指标完成情况: 基础值 / 目标值 / 完成值)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planwatch.evaluate.progress import completion_of_change, is_met, ratio_to_target
from planwatch.model.evaluation import Direction, PriorEvaluation, Reason
from planwatch.model.plan import PriorResult


def evaluate_prior(row: PriorResult, *, direction: Direction = Direction.HIGHER) -> PriorEvaluation:
    """Met / not met, A/T and (A−B)/(T−B) for one row."""
    out = PriorEvaluation(
        name=row.name,
        unit=row.unit,
        baseline=row.baseline,
        target=row.target,
        actual=row.actual,
        direction=direction,
        line=row.line,
    )
    if row.actual is None:
        out.reasons.append(Reason.NO_ACTUAL)
    if row.target is None:
        out.reasons.append(Reason.NO_NUMERIC_TARGET)
    if row.baseline is None:
        out.reasons.append(Reason.NO_BASELINE)
    if row.actual is None or row.target is None:
        return out
    out.met = is_met(row.actual, row.target, "=", direction, 0.0)
    out.ratio_to_target = ratio_to_target(row.actual, row.target)
    if row.baseline is not None:
        out.completion_of_change = completion_of_change(row.actual, row.baseline, row.target)
        if out.completion_of_change is None:
            out.reasons.append(Reason.NO_PLANNED_CHANGE)
    return out


def evaluate_prior_results(
    rows: Sequence[PriorResult], *, directions: Mapping[str, Direction] | None = None
) -> list[PriorEvaluation]:
    """Every row of the table, in order."""
    dirs = directions or {}
    return [evaluate_prior(r, direction=dirs.get(r.name, Direction.HIGHER)) for r in rows]
