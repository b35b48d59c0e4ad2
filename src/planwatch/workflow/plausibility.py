"""Plausibility flags for the reviewer (合理性提示): a submitted value that jumps against last
year beyond a configurable band, a share over 100 %, or a value far beyond the plan's target.
Flags inform the review; they never refuse a value on their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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


class LastYear(BaseModel):
    """The value of the year before a submitted one: the stored (approved or imported) value,
    else the plan's baseline when its base year is that year."""

    year: int
    value: float
    origin: Literal["actual", "baseline"]


def last_year(plan: Plan, indicator: str, year: int,
              stored: dict[tuple[str, int], float]) -> LastYear | None:
    """Last year's value of ``indicator`` (see :class:`LastYear`); ``stored`` maps
    (indicator, year) → the live value."""
    if (indicator, year - 1) in stored:
        return LastYear(year=year - 1, value=stored[(indicator, year - 1)], origin="actual")
    for ind in plan.indicators:
        if ind.name == indicator and ind.baseline_year == year - 1 and ind.baseline is not None:
            return LastYear(year=year - 1, value=ind.baseline, origin="baseline")
    return None


def change_pct(value: float, last: LastYear | None) -> float | None:
    """The change (%) of ``value`` against last year's; None without one or against zero."""
    if last is None or last.value == 0:
        return None
    return (value - last.value) / abs(last.value) * 100


def plausibility_flags(plan: Plan, indicator: str, year: int, value: float,
                       stored: dict[tuple[str, int], float],
                       policy: ReviewPolicy = DEFAULT_POLICY) -> list[Flag]:
    """Flags for one value; ``stored`` maps (indicator, year) → the live value."""
    ind = next((i for i in plan.indicators if i.name == indicator), None)
    unit = ind.unit if ind is not None else None
    flags: list[Flag] = []
    last = last_year(plan, indicator, year, stored)
    change = change_pct(value, last)
    if last is not None and change is not None and abs(change) > policy.jump_pct:
        flags.append(Flag(code="jump", zh=f"比上年（{last.value:g}）变动{change:+.0f}%，超出±"
                                          f"{policy.jump_pct:g}%",
                          en=f"{change:+.0f}% against last year ({last.value:g}), beyond "
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
