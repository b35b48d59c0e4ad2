"""Small helpers shared by the audit checks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from planwatch.evaluate.names import best_match, normalize_name, scope_of
from planwatch.evaluate.progress import cagr, normalize_unit, units_compatible
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, ParamValue, Severity
from planwatch.model.plan import Indicator, Plan, Target

PERCENT_UNITS = frozenset({"%", "百分点"})
# 国家 is not one: 国家科技型中小企业 and 国家高新技术企业 are what the tables count.
_QUALIFIERS = ("省级", "市级", "区级", "县级", "以上", "规上", "中小", "高价值", "有效",
               "新增", "累计", "新型", "专业化", "重点", "国际", "PCT", "人均")
_RANK_SYNONYMS = (("国家级、省级", "省级以上"), ("国家和省级", "省级以上"),
                  ("省级及以上", "省级以上"))
_END_WORDS = re.compile(r"期末|规划期|届时")


def fmt(value: float | None) -> str:
    """Print a number the way a plan would (no trailing zeros)."""
    if value is None:
        return "—"
    return f"{round(value, 6):g}"


def half_unit(value: float) -> float:
    """Half of the last printed digit: 7.6 → 0.05, 24.57 → 0.005, 6 → 0.5."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    return 0.5 * 10.0**-decimals


def finding(
    code: str,
    params: dict[str, ParamValue],
    ind: Indicator,
    severity: Severity = Severity.WARNING,
    line: int | None = None,
    variant: str = "",
) -> Finding:
    """A finding located at the indicator's row, with the indicator name as context."""
    return make_finding(code, params, variant=variant, severity=severity,
                        line=line or ind.line, context=ind.name)


def indicator_target_year(ind: Indicator, plan: Plan) -> int | None:
    return ind.target_year if ind.target_year is not None else plan.meta.period_end


def states_year(quote: str, year: int | None) -> bool:
    """Does the quoted sentence itself name ``year`` (or the end of the plan period)?"""
    return (year is not None and str(year) in quote) or _END_WORDS.search(quote) is not None


_ANNUAL = re.compile(r"年均|每年|(?<![\d〇零一二三四五六七八九十])年增")


def states_annual_rate(target: Target) -> bool:
    """Is a growth target a yearly rate (年均增长8%), comparable with a table's 年均增速? A
    change against a base year (比2020年增长20%) spans the whole period."""
    return _ANNUAL.search(target.quote) is not None


def required_growth_pct(ind: Indicator) -> float | None:
    """(T/B)^(1/n) − 1 in percent, where baseline, target and years allow it."""
    if ind.baseline is None or ind.target is None:
        return None
    if ind.baseline_year is None or ind.target_year is None:
        return None
    rate = cagr(ind.baseline, ind.target, ind.target_year - ind.baseline_year)
    return None if rate is None else rate * 100


def _unit_ok(target: Target, ind: Indicator) -> bool:
    if target.kind in ("change_per_year", "growth_rate"):
        tu, iu = normalize_unit(target.unit), normalize_unit(ind.unit)
        return tu in PERCENT_UNITS or tu is None or tu == iu
    return units_compatible(target.unit, ind.unit, counts_interchangeable=True)


def matching_indicator(
    target: Target, indicators: Sequence[Indicator], threshold: float
) -> Indicator | None:
    """The table row a prose target speaks about (same subject, compatible unit), if any.

    Targets scoped to a sub-area (subject ending in a bracket such as （高新区）) match nothing.
    """
    if scope_of(target.subject) is not None:
        return None
    candidates = [(i.name, i) for i in indicators if _unit_ok(target, i)]
    hit = best_match(target.subject, candidates, threshold)
    if hit is None or qualifiers(target.subject) != qualifiers(hit[0].name):
        return None  # 规上高新技术企业 is a part of 高新技术企业, 科技型企业 not 科技型中小企业
    return hit[0]


def qualifiers(name: str) -> frozenset[str]:
    """The words of a name that narrow what is counted (rank, size, kind)."""
    s = normalize_name(name)
    for old, new in _RANK_SYNONYMS:
        s = s.replace(old, new)
    return frozenset(q for q in _QUALIFIERS if q in s)
