"""The rows THE evaluation judges of a plan, as plain values: its indicator table, then its
evaluable prose targets (:func:`planwatch.evaluate.targets.prose_indicators`) — the order and
the rows of :func:`planwatch.evaluate.status.assess_plan`.

The batch evaluator (:mod:`planwatch.evaluate.batch_plans`) reads exactly these fields, and
storage keeps them per plan version (table ``evaluation_rows``, written with the version and
re-derived when one of its targets is revised; :func:`dump_rows` / :func:`load_rows`), so a view
over thousands of plans reads rows instead of parsing every plan document.
:func:`evaluation_rows` is the one derivation; a change of :class:`EvaluationRow`'s fields needs
a migration that derives the stored rows again."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal, NamedTuple

from planwatch.evaluate.targets import prose_indicators
from planwatch.model.plan import Comparator, Indicator, Plan


class EvaluationRow(NamedTuple):
    """One judged row: what the batch evaluator, its 预警 and the dashboard cells read."""

    name: str
    unit: str | None
    baseline_year: int | None
    baseline: float | None
    target_year: int | None
    target: float | None
    target_comparator: Comparator | None
    annual_growth_pct: float | None
    cumulative_change: float | None
    attribute: Literal["预期性", "约束性"] | None
    line: int | None




def row_of(ind: Indicator) -> EvaluationRow:
    """The fields of ``ind`` the evaluation reads."""
    return EvaluationRow(
        ind.name, ind.unit, ind.baseline_year, ind.baseline, ind.target_year, ind.target,
        ind.target_comparator, ind.annual_growth_pct, ind.cumulative_change, ind.attribute,
        ind.line)


def evaluation_rows(plan: Plan) -> list[EvaluationRow]:
    """``plan``'s judged rows in order: the indicator table, then the evaluable prose targets
    (with the targets the plan holds: apply the 动态调整 first for the current ones)."""
    return [row_of(ind) for ind in (*plan.indicators, *prose_indicators(plan))]


def dump_rows(rows: Sequence[EvaluationRow]) -> str:
    """The rows as stored: a JSON array of arrays in field order (floats exact, -0.0 too)."""
    return json.dumps(rows, ensure_ascii=False)


def load_rows(text: str) -> list[EvaluationRow]:
    """The rows :func:`dump_rows` stored."""
    return [EvaluationRow(*row) for row in json.loads(text)]
