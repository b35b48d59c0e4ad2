"""District (or county) plan vs its parent city's plan (上下级规划衔接)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.evaluate.audit_util import matching_indicator, required_growth_pct
from planwatch.evaluate.names import best_match, scope_of
from planwatch.evaluate.progress import is_rate_indicator, normalize_unit, units_compatible
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Plan

_INTENSIVE_NAME = re.compile(r"比重|占比|比例|强度|每万|万人|万名|人均|率|指数|排名|综合评价")


@dataclass(frozen=True)
class _Item:
    name: str
    unit: str | None
    year: int | None
    value: float | None
    growth_pct: float | None
    line: int | None

    @property
    def intensive(self) -> bool:
        unit = normalize_unit(self.unit)
        return (
            unit in {"%", "百分点"}
            or bool(_INTENSIVE_NAME.search(self.name))
            or (unit is not None and "/" in unit)
        )


def _items(plan: Plan, threshold: float) -> list[_Item]:
    items = []
    for ind in plan.indicators:
        rate = is_rate_indicator(ind)
        growth = (
            ind.annual_growth_pct if ind.annual_growth_pct is not None else required_growth_pct(ind)
        )
        year = ind.target_year if ind.target_year is not None else plan.meta.period_end
        value = None if rate else ind.target
        items.append(_Item(ind.name, ind.unit, year, value, growth, ind.line))
    for t in plan.targets:
        if scope_of(t.subject) is not None or t.kind not in ("level", "growth_rate"):
            continue
        if matching_indicator(t, plan.indicators, threshold) is not None:
            continue  # the table row stands for it; prose-table-conflict covers the prose
        year = t.year if t.year is not None else plan.meta.period_end
        if t.kind == "growth_rate":
            items.append(_Item(t.subject, t.unit, year, None, t.value, t.line))
        else:
            items.append(_Item(t.subject, t.unit, year, t.value, None, t.line))
    return items


def _exceeds(child: _Item, parent: _Item, who: str | None, up: str | None) -> Finding | None:
    if child.intensive or parent.intensive or child.value is None or parent.value is None:
        return None
    if child.year is None or parent.year is None or child.year > parent.year:
        return None
    if child.value <= parent.value:
        return None
    return make_finding(
        "district-exceeds-city",
        {"who": who, "child": child.name, "child_year": child.year, "child_value": child.value,
         "child_unit": child.unit, "up": up, "parent": parent.name,
         "parent_year": parent.year, "parent_value": parent.value,
         "parent_unit": parent.unit},
        line=child.line,
        context=child.name,
    )


def _diverges(child: _Item, parent: _Item, who: str | None, up: str | None,
              margin: float) -> Finding | None:
    if child.growth_pct is None or parent.growth_pct is None:
        return None
    diff = child.growth_pct - parent.growth_pct
    if abs(diff) <= margin:
        return None
    return make_finding(
        "district-growth-divergence",
        {"who": who, "child": child.name, "child_growth": child.growth_pct, "up": up,
         "parent": parent.name, "parent_growth": parent.growth_pct, "diff": abs(diff)},
        variant="above" if diff > 0 else "below",
        severity=Severity.INFO,
        line=child.line,
        context=child.name,
    )


def audit_against_parent(
    plan: Plan, parent: Plan, *, growth_margin_pp: float, threshold: float
) -> list[Finding]:
    """Same indicator, inconsistent targets: a part above the whole, or growth far apart."""
    who, up = plan.meta.region, parent.meta.region  # None: 本级 / 上级
    parents = _items(parent, threshold)
    out: list[Finding] = []
    for child in _items(plan, threshold):
        cands = [
            (p.name, p)
            for p in parents
            if units_compatible(child.unit, p.unit, counts_interchangeable=True)
        ]
        hit = best_match(child.name, cands, threshold)
        if hit is None:
            continue
        for found in (
            _exceeds(child, hit[0], who, up),
            _diverges(child, hit[0], who, up, growth_margin_pp),
        ):
            if found is not None:
                out.append(found)
    return out
