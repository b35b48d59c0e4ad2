"""Audit of a plan's own consistency (规划自洽性检查).

Checks (stable finding codes):

* ``table-cagr-mismatch`` — 年均增速 column vs (T/B)^(1/n) − 1, within the printed precision
* ``table-cumulative-mismatch`` — 〔累计〕 column vs T − B, within the printed precision
* ``prose-table-conflict`` — a prose target (or its stated baseline) for the same indicator and
  year says another number than the table row
* ``per-year-rule-mismatch`` — a 每年提高 N rule whose effect over the period misses the target
* ``target-equals-baseline`` / ``target-below-baseline`` — no planned change, or a planned fall
* ``ambition-beyond-history`` — required growth far above the indicator's own history
* ``ambitious-target`` — no history, but the required growth is extreme (> 25 %/yr by default)
* ``district-exceeds-city`` / ``district-growth-divergence`` — against the parent plan
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict

from planwatch.evaluate.audit_facts import audit_facts
from planwatch.evaluate.audit_parent import audit_against_parent
from planwatch.evaluate.audit_util import (
    finding,
    fmt,
    half_unit,
    indicator_target_year,
    matching_indicator,
    required_growth_pct,
    states_annual_rate,
    states_year,
)
from planwatch.evaluate.names import best_match
from planwatch.evaluate.progress import cagr, is_rate_indicator, resolve_target
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, ParamValue, Severity
from planwatch.model.plan import Indicator, Plan, Target


class AuditParams(BaseModel):
    """Tolerances of the audit; defaults documented in docs/methodology.md."""

    model_config = ConfigDict(frozen=True)

    cagr_min_tolerance_pp: float = 0.1
    approx_tolerance: float = 0.02
    ambition_margin_pp: float = 5.0
    ambition_factor: float = 1.5
    extreme_growth_pct: float = 25.0
    district_growth_margin_pp: float = 10.0
    name_threshold: float = 0.6


def check_cagr(ind: Indicator, params: AuditParams) -> list[Finding]:
    """年均增速 column vs the growth implied by baseline and target."""
    printed = ind.annual_growth_pct
    implied = required_growth_pct(ind)
    if printed is None or implied is None or is_rate_indicator(ind):
        return []
    tolerance = max(params.cagr_min_tolerance_pp, half_unit(printed))
    if abs(implied - printed) <= tolerance + 1e-9:
        return []
    return [
        finding(
            "table-cagr-mismatch",
            {"name": ind.name, "printed": printed, "base_year": ind.baseline_year,
             "baseline": ind.baseline, "target_year": ind.target_year, "target": ind.target,
             "implied": implied},
            ind,
        )
    ]


def check_cumulative(ind: Indicator) -> list[Finding]:
    """〔累计〕 column vs T − B."""
    if ind.cumulative_change is None or ind.baseline is None or ind.target is None:
        return []
    implied = ind.target - ind.baseline
    if abs(implied - ind.cumulative_change) <= half_unit(ind.cumulative_change) + 1e-9:
        return []
    return [
        finding(
            "table-cumulative-mismatch",
            {"name": ind.name, "cumulative": ind.cumulative_change, "target": ind.target,
             "baseline": ind.baseline, "implied": implied},
            ind,
        )
    ]


def check_planned_change(ind: Indicator) -> list[Finding]:
    """A target equal to (or below) its baseline plans no improvement."""
    target, _ = resolve_target(ind)
    if ind.baseline is None or target is None or is_rate_indicator(ind):
        return []
    if math.isclose(target, ind.baseline):
        return [
            finding(
                "target-equals-baseline",
                {"name": ind.name, "target": target, "baseline": ind.baseline},
                ind,
                Severity.INFO,
            )
        ]
    if ind.target_year is not None and ind.baseline_year is not None and target < ind.baseline:
        return [
            finding(
                "target-below-baseline",
                {"name": ind.name, "target_year": ind.target_year, "target": target,
                 "base_year": ind.baseline_year, "baseline": ind.baseline},
                ind,
                Severity.INFO,
            )
        ]
    return []


def _history(plan: Plan, ind: Indicator, params: AuditParams
             ) -> tuple[float, dict[str, ParamValue]] | None:
    """Historical growth (%/yr) of the same indicator: prior-period table or a prose baseline."""
    rows = [(r.name, r) for r in plan.prior_results]
    hit = best_match(ind.name, rows, params.name_threshold)
    if hit is not None:
        row = hit[0]
        start, end = row.baseline, row.actual
        years = (row.actual_year or 0) - (row.baseline_year or 0)
        rate = cagr(start, end, years) if start is not None and end is not None else None
        if rate is not None:
            return rate * 100, {"since": row.baseline_year, "until": row.actual_year,
                                "start": start, "end": end}
    for target in plan.targets:
        base = target.baseline
        if base is None or base.year is None or ind.baseline is None or ind.baseline_year is None:
            continue
        if base.year < ind.baseline_year and matching_indicator(
            target, [ind], params.name_threshold
        ):
            rate = cagr(base.value, ind.baseline, ind.baseline_year - base.year)
            if rate is not None:
                return rate * 100, {"since": base.year, "until": ind.baseline_year,
                                    "start": base.value, "end": ind.baseline}
    return None


def check_ambition(plan: Plan, ind: Indicator, params: AuditParams) -> list[Finding]:
    """Required growth far beyond the indicator's own history (or extreme without history)."""
    required = required_growth_pct(ind)
    if required is None or is_rate_indicator(ind):
        return []
    history = _history(plan, ind, params)
    if history is not None:
        past, span = history
        far = required - past > params.ambition_margin_pp and (
            past <= 0 or required / past > params.ambition_factor
        )
        if not far:
            return []
        return [
            finding(
                "ambition-beyond-history",
                {"name": ind.name, "required": required, "past": past, **span},
                ind,
                Severity.INFO,
            )
        ]
    if required <= params.extreme_growth_pct:
        return []
    factor = (ind.target or 0.0) / (ind.baseline or 1.0)
    return [
        finding(
            "ambitious-target",
            {"name": ind.name, "baseline": ind.baseline, "target": ind.target,
             "factor": factor, "required": required, "limit": params.extreme_growth_pct},
            ind,
            Severity.INFO,
        )
    ]


def _comparable(target: Target, ind: Indicator, plan: Plan) -> bool:
    """Same year: the target's own year, or the plan's end when its sentence names it (期末…);
    a statement with no year at all may be a past result and is compared with nothing."""
    row_year = indicator_target_year(ind, plan)
    if target.year is not None:
        return target.year == row_year
    return target.period == "plan_period" and states_year(target.quote, row_year)


Problem = tuple[str, dict[str, ParamValue]]
"""The variant of a prose-table-conflict message and its params (without the names)."""


def _prose_value_conflict(target: Target, ind: Indicator, params: AuditParams
                          ) -> Problem | None:
    if target.kind == "growth_rate":
        if not states_annual_rate(target):
            return None  # 比2020年下降16%: a change over the period, not the table's yearly rate
        table = (
            ind.annual_growth_pct if ind.annual_growth_pct is not None else required_growth_pct(ind)
        )
        if table is None or abs(table - target.value) <= max(
            params.cagr_min_tolerance_pp, half_unit(target.value)
        ):
            return None
        return "growth", {"value": target.value, "table": table}
    table_value, _ = resolve_target(ind)
    if table_value is None or is_rate_indicator(ind):
        return None
    slack = (
        params.approx_tolerance * abs(table_value)
        if "~" in (target.comparator, ind.target_comparator)
        else 0.0
    )
    if abs(table_value - target.value) <= slack + 1e-9:
        return None
    return "value", {"value": target.value, "unit": target.unit, "table": table_value,
                     "table_unit": ind.unit}


def stated_baseline(target: Target) -> bool:
    """The target's baseline is in its own sentence (由1400家增加到…, 比2025年…), not attached
    from another statement that may count something else (a stock against a 新建 row)."""
    base = target.baseline
    if base is None:
        return False
    quote = target.quote.replace(" ", "").replace(",", "")
    return (base.year is not None and str(base.year) in quote) or fmt(base.value) in quote


def _baseline_conflict(target: Target, ind: Indicator) -> Problem | None:
    base = target.baseline
    if base is None or ind.baseline is None or base.year != ind.baseline_year:
        return None
    if not stated_baseline(target):
        return None
    if math.isclose(base.value, ind.baseline, rel_tol=1e-9, abs_tol=1e-9):
        return None
    return "baseline", {"year": base.year, "value": base.value, "table": ind.baseline}


def restates_baseline(target: Target, ind: Indicator, plan: Plan) -> bool:
    """A level statement that does not itself name the row's target year and whose value is the
    row's base-period value restates that value (a 十四五 result in a 十五五 plan): it is not a
    target for the end year."""
    year = indicator_target_year(ind, plan)
    if target.kind != "level" or ind.baseline is None or states_year(target.quote, year):
        return False
    slack = max(half_unit(target.value), half_unit(ind.baseline))
    return abs(target.value - ind.baseline) <= slack + 1e-9


def check_prose_targets(plan: Plan, params: AuditParams) -> list[Finding]:
    """Prose targets (and their baselines) vs the indicator table: a target with the row's
    target, a stated baseline with the row's baseline, each for the same year."""
    out: list[Finding] = []
    for target in plan.targets:
        if target.kind not in ("level", "growth_rate"):
            continue
        ind = matching_indicator(target, plan.indicators, params.name_threshold)
        if ind is None or restates_baseline(target, ind, plan):
            continue
        problems = [_baseline_conflict(target, ind)]
        if _comparable(target, ind, plan):
            problems.insert(0, _prose_value_conflict(target, ind, params))
        for variant, values in filter(None, problems):
            out.append(
                finding(
                    "prose-table-conflict",
                    {"subject": target.subject, **values, "name": ind.name},
                    ind,
                    line=target.line or ind.line,
                    variant=variant,
                )
            )
    return out


def check_prior_baselines(plan: Plan, params: AuditParams) -> list[Finding]:
    """A prose baseline vs the previous-period table (基础值 / 完成值) for the same year."""
    out: list[Finding] = []
    rows = [(r.name, r) for r in plan.prior_results]
    for target in plan.targets:
        base = target.baseline
        hit = best_match(target.subject, rows, params.name_threshold) if base else None
        if base is None or hit is None or not stated_baseline(target):
            continue
        row = hit[0]
        table = {row.baseline_year: row.baseline, row.actual_year: row.actual}.get(base.year)
        if table is None or math.isclose(table, base.value, rel_tol=1e-9, abs_tol=1e-9):
            continue
        out.append(
            make_finding(
                "prose-table-conflict",
                {"subject": target.subject, "year": base.year, "value": base.value,
                 "row": row.name, "table": table},
                variant="prior",
                line=target.line or row.line,
                context=row.name,
            )
        )
    return out


def check_per_year_rules(plan: Plan, params: AuditParams) -> list[Finding]:
    """每年提高 N: B + N·n must reach the table's (or the prose level) target."""
    out: list[Finding] = []
    for rule in plan.targets:
        if rule.kind != "change_per_year":
            continue
        ind = matching_indicator(rule, plan.indicators, params.name_threshold)
        if ind is None or ind.baseline_year is None or ind.target_year is None:
            continue
        target, _ = resolve_target(ind)
        base = rule.baseline.value if rule.baseline is not None else ind.baseline
        if target is None or base is None:
            continue
        years = ind.target_year - ind.baseline_year
        implied = base + rule.value * years
        if abs(implied - target) <= 0.5 * abs(rule.value) + 1e-9:
            continue
        out.append(
            finding(
                "per-year-rule-mismatch",
                {"subject": rule.subject, "step": rule.value, "unit": rule.unit,
                 "years": years, "base": base, "total": rule.value * years,
                 "implied": implied, "target_year": ind.target_year, "target": target,
                 "change": target - base},
                ind,
                line=rule.line or ind.line,
            )
        )
    return out


def audit_plan(
    plan: Plan, parent: Plan | None = None, *, params: AuditParams | None = None
) -> list[Finding]:
    """All consistency findings of ``plan`` (and against ``parent`` when given)."""
    p = params or AuditParams()
    out: list[Finding] = []
    for ind in plan.indicators:
        out += check_cagr(ind, p) + check_cumulative(ind) + check_planned_change(ind)
        out += check_ambition(plan, ind, p)
    out += check_prose_targets(plan, p) + check_prior_baselines(plan, p)
    out += check_per_year_rules(plan, p)
    out += audit_facts(plan)
    if parent is not None:
        out += audit_against_parent(
            plan,
            parent,
            growth_margin_pp=p.district_growth_margin_pp,
            threshold=p.name_threshold,
        )
    return out
