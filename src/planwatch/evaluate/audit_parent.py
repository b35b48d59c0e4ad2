"""District (or county) plan vs its parent city's plan (上下级规划衔接)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.evaluate.audit_util import fmt, matching_indicator, required_growth_pct
from planwatch.evaluate.names import best_match, scope_of
from planwatch.evaluate.progress import is_rate_indicator, normalize_unit, units_compatible
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


def _exceeds(child: _Item, parent: _Item, who: str, up: str) -> Finding | None:
    if child.intensive or parent.intensive or child.value is None or parent.value is None:
        return None
    if child.year is None or parent.year is None or child.year > parent.year:
        return None
    if child.value <= parent.value:
        return None
    return Finding(
        code="district-exceeds-city",
        severity=Severity.WARNING,
        message=f"{who}“{child.name}”{child.year}年目标{fmt(child.value)}{child.unit or ''}，"
        f"超过{up}“{parent.name}”{parent.year}年目标{fmt(parent.value)}{parent.unit or ''}",
        line=child.line,
        context=child.name,
    )


def _diverges(child: _Item, parent: _Item, who: str, up: str, margin: float) -> Finding | None:
    if child.growth_pct is None or parent.growth_pct is None:
        return None
    diff = child.growth_pct - parent.growth_pct
    if abs(diff) <= margin:
        return None
    word = "高于" if diff > 0 else "低于"
    return Finding(
        code="district-growth-divergence",
        severity=Severity.INFO,
        message=f"{who}“{child.name}”年均增速{child.growth_pct:.2f}%，{word}{up}“{parent.name}”"
        f"{parent.growth_pct:.2f}%达{abs(diff):.2f}个百分点",
        line=child.line,
        context=child.name,
    )


def audit_against_parent(
    plan: Plan, parent: Plan, *, growth_margin_pp: float, threshold: float
) -> list[Finding]:
    """Same indicator, inconsistent targets: a part above the whole, or growth far apart."""
    who = plan.meta.region or "本级"
    up = parent.meta.region or "上级"
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
