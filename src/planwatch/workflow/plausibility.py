"""Plausibility flags for the reviewer (合理性提示): a submitted value that jumps against last
year beyond a configurable band, a share over 100 %, or a value far beyond the plan's target.
Flags inform the review; they never refuse a value on their own."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from planwatch.catalog.units import normalize_unit
from planwatch.model.plan import Plan


@dataclass(frozen=True)
class ReviewPolicy:
    """How submissions are reviewed: ``four_eyes`` forbids approving one's own entry;
    ``jump_pct`` is the band (±%) a value may move against last year unflagged;
    ``target_factor`` flags values more than that many times the target."""

    four_eyes: bool = False
    jump_pct: float = 50.0
    target_factor: float = 2.0


DEFAULT_POLICY = ReviewPolicy()


class Flag(BaseModel):
    code: str
    zh: str
    en: str


def _is_share(unit: str | None) -> bool:
    return normalize_unit(unit or "") == "%"  # not ‰, not 百分点


def _previous(plan: Plan, indicator: str, year: int,
              stored: dict[tuple[str, int], float]) -> float | None:
    if (indicator, year - 1) in stored:
        return stored[(indicator, year - 1)]
    for ind in plan.indicators:
        if ind.name == indicator and ind.baseline_year == year - 1:
            return ind.baseline
    return None


def plausibility_flags(plan: Plan, indicator: str, year: int, value: float,
                       stored: dict[tuple[str, int], float],
                       policy: ReviewPolicy = DEFAULT_POLICY) -> list[Flag]:
    """Flags for one value; ``stored`` maps (indicator, year) → the live value."""
    ind = next((i for i in plan.indicators if i.name == indicator), None)
    unit = ind.unit if ind is not None else None
    flags: list[Flag] = []
    prev = _previous(plan, indicator, year, stored)
    if prev is not None and prev != 0:
        change = (value - prev) / abs(prev) * 100
        if abs(change) > policy.jump_pct:
            flags.append(Flag(code="jump", zh=f"比上年（{prev:g}）变动{change:+.0f}%，超出±"
                                              f"{policy.jump_pct:g}%",
                              en=f"{change:+.0f}% against last year ({prev:g}), beyond "
                                 f"±{policy.jump_pct:g}%"))
    if _is_share(unit) and value > 100:
        flags.append(Flag(code="share-over-100", zh=f"比重类指标数值{value:g}%超过100%",
                          en=f"a share of {value:g}% is over 100%"))
    target = ind.target if ind is not None else None
    if target and abs(value) > policy.target_factor * abs(target):
        flags.append(Flag(code="far-beyond-target",
                          zh=f"数值超过目标值（{target:g}）的{policy.target_factor:g}倍",
                          en=f"more than {policy.target_factor:g}× the target ({target:g})"))
    return flags
