"""Schedule status (提前实现 … 倒退) and Open SDG trend status of plan indicators."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planwatch.catalog.names import name_key
from planwatch.evaluate.progress import (
    completion_log,
    completion_of_change,
    compound_value,
    is_met,
    is_worse,
    path_kind,
    ratio_to_target,
    resolve_target,
    time_progress,
    units_compatible,
)
from planwatch.evaluate.projection import project
from planwatch.evaluate.trend import trend_status
from planwatch.model.actual import Actual
from planwatch.model.evaluation import (
    Direction,
    EvaluationParams,
    IndicatorEvaluation,
    IndicatorInputs,
    PlanAssessment,
    Reason,
    ScheduleStatus,
)
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, ParamValue, Severity
from planwatch.model.plan import Indicator, Plan

AT_RISK = frozenset({ScheduleStatus.BEHIND, ScheduleStatus.REGRESSING, ScheduleStatus.MISSED})


def schedule_verdict(
    *,
    met: bool,
    final: bool,
    regressing: bool,
    progress: float | None,
    tau: float | None,
    band: float,
) -> ScheduleStatus | None:
    """The verdict rules, in order: met → 提前实现/已实现; worse than B → 倒退; at/after yT →
    未实现; then p − τ against the band: 快于预期 / 基本符合预期 / 滞后."""
    if met:
        return ScheduleStatus.ACHIEVED if final else ScheduleStatus.ACHIEVED_EARLY
    if regressing:
        return ScheduleStatus.REGRESSING
    if final:
        return ScheduleStatus.MISSED
    if progress is None or tau is None:
        return None
    diff = progress - min(tau, 1.0)
    if diff > band:
        return ScheduleStatus.AHEAD
    if diff < -band:
        return ScheduleStatus.BEHIND
    return ScheduleStatus.ON_TRACK


def latest_actual(actuals: Sequence[Actual], year: int) -> Actual | None:
    """The most recent actual at or before ``year`` (final preferred over provisional)."""
    usable = [a for a in actuals if a.year <= year]
    if not usable:
        return None
    return max(usable, key=lambda a: (a.year, a.status == "final"))


def _inputs(
    ind: Indicator, year: int, direction: Direction
) -> tuple[IndicatorInputs, list[Reason]]:
    target, reasons = resolve_target(ind)
    inputs = IndicatorInputs(
        baseline=ind.baseline,
        baseline_year=ind.baseline_year,
        target=target,
        target_year=ind.target_year,
        comparator=ind.target_comparator or "=",
        annual_growth_pct=ind.annual_growth_pct,
        cumulative_change=ind.cumulative_change,
        binding=ind.attribute == "约束性",
        evaluation_year=year,
        direction=direction,
        path=path_kind(ind),
    )
    return inputs, reasons


def _rate_status(ev: IndicatorEvaluation, actual: float) -> None:
    """A row whose target is itself a yearly growth rate: compare the observed rate with it."""
    inp, band = ev.inputs, ev.params.schedule_band
    assert inp.target is not None
    ev.ratio_to_target = ratio_to_target(actual, inp.target)
    ev.met = is_met(actual, inp.target, inp.comparator, inp.direction, ev.params.approx_tolerance)
    diff = (actual - inp.target) / abs(inp.target) if inp.target else 0.0
    if inp.direction is Direction.LOWER:
        diff = -diff
    if is_worse(actual, 0.0, inp.direction):
        ev.schedule_status = ScheduleStatus.REGRESSING
    elif diff > band:
        ev.schedule_status = ScheduleStatus.AHEAD
    elif diff < -band:
        ev.schedule_status = ScheduleStatus.BEHIND
    else:
        ev.schedule_status = ScheduleStatus.ON_TRACK


def _completion(ev: IndicatorEvaluation, a: float) -> float | None:
    """Fill the completion ratios; return the one the verdict uses (p or p_log)."""
    inp = ev.inputs
    b, t = inp.baseline, inp.target
    if t is not None:
        ev.ratio_to_target = ratio_to_target(a, t)
    if b is None or t is None:
        return None
    ev.completion_of_change = completion_of_change(a, b, t)
    if ev.completion_of_change is None:
        ev.reasons.append(Reason.NO_PLANNED_CHANGE)
    ev.completion_log = completion_log(a, b, t)
    if inp.path != "compound":
        return ev.completion_of_change
    if ev.completion_log is None:
        ev.reasons.append(Reason.ZERO_BASELINE if b == 0 else Reason.NON_POSITIVE_VALUE)
        return ev.completion_of_change
    ev.reasons.append(Reason.COMPOUND_PATH)
    return ev.completion_log


def _expected(ev: IndicatorEvaluation, t: int) -> float | None:
    """Where the indicator should be at t: on the straight or the compound path."""
    inp = ev.inputs
    b, target, y0, y_t = inp.baseline, inp.target, inp.baseline_year, inp.target_year
    if b is None or target is None or y0 is None or y_t is None or y_t == y0:
        return None
    if inp.path == "compound" and b > 0:
        if inp.annual_growth_pct is not None:
            return compound_value(b, inp.annual_growth_pct / 100.0, t - y0)
        if target > 0:
            return float(b * (target / b) ** ((t - y0) / (y_t - y0)))
    return b + (target - b) * (t - y0) / (y_t - y0)


def _schedule(ev: IndicatorEvaluation, a: float, t: int) -> None:
    inp, params = ev.inputs, ev.params
    if inp.baseline is None:
        ev.reasons.append(Reason.NO_BASELINE)
    elif inp.baseline == 0:
        ev.reasons.append(Reason.ZERO_BASELINE)
    if inp.target is None:
        return
    ev.met = is_met(a, inp.target, inp.comparator, inp.direction, params.approx_tolerance)
    if inp.baseline_year is not None and inp.target_year is not None:
        ev.time_progress = time_progress(t, inp.baseline_year, inp.target_year)
        if t < inp.baseline_year:
            ev.reasons.append(Reason.ACTUAL_BEFORE_BASELINE)
    else:
        ev.reasons.append(Reason.NO_TARGET_YEAR)
    progress = _completion(ev, a)
    ev.expected_value = _expected(ev, t)
    final = inp.target_year is not None and t >= inp.target_year
    regressing = inp.baseline is not None and is_worse(a, inp.baseline, inp.direction)
    ev.schedule_status = schedule_verdict(
        met=ev.met,
        final=final,
        regressing=regressing,
        progress=progress,
        tau=ev.time_progress,
        band=params.schedule_band,
    )


def _trend(ev: IndicatorEvaluation, a: float, t: int) -> None:
    inp = ev.inputs
    result = trend_status(
        baseline=inp.baseline,
        baseline_year=inp.baseline_year,
        actual=a,
        year=t,
        target=inp.target,
        target_year=inp.target_year,
        met=bool(ev.met),
        direction=inp.direction,
        params=ev.params,
    )
    ev.cagr_observed, ev.cagr_required, ev.trend_ratio, ev.trend_status = result[:4]
    ev.reasons.extend(r for r in result[4] if r not in ev.reasons)


def _project(ev: IndicatorEvaluation, actuals: Sequence[Actual], t: int) -> None:
    inp = ev.inputs
    if inp.target_year is None or t >= inp.target_year or inp.path == "rate":
        return
    points = sorted({a.year: a.value for a in actuals if a.year <= t}.items())
    ev.projections, _ = project(
        points,
        baseline_year=inp.baseline_year,
        baseline=inp.baseline,
        target_year=inp.target_year,
        target=inp.target,
        comparator=inp.comparator,
        direction=inp.direction,
        tolerance=ev.params.approx_tolerance,
    )


def evaluate_indicator(
    indicator: Indicator,
    actuals: Sequence[Actual],
    year: int,
    *,
    direction: Direction = Direction.HIGHER,
    params: EvaluationParams | None = None,
) -> IndicatorEvaluation:
    """Evaluate one indicator at ``year`` from its actuals (all of them for this indicator)."""
    inputs, reasons = _inputs(indicator, year, direction)
    ev = IndicatorEvaluation(
        indicator=indicator.name,
        unit=indicator.unit,
        line=indicator.line,
        inputs=inputs,
        params=params or EvaluationParams(),
        reasons=reasons,
    )
    chosen = latest_actual(actuals, year)
    if chosen is None:
        ev.reasons.append(Reason.NO_ACTUAL)
        return ev
    inputs.actual, inputs.actual_year, inputs.actual_status = (
        chosen.value,
        chosen.year,
        chosen.status,
    )
    if chosen.status == "provisional":
        ev.reasons.append(Reason.PROVISIONAL_ACTUAL)
    if not units_compatible(indicator.unit, chosen.unit):
        ev.reasons.append(Reason.UNIT_MISMATCH)
        return ev
    if inputs.baseline_year is not None and chosen.year <= inputs.baseline_year:
        # only the base-year value is known: no time has elapsed, nothing to judge yet
        if Reason.NO_ELAPSED_TIME not in ev.reasons:
            ev.reasons.append(Reason.NO_ELAPSED_TIME)
        return ev
    if inputs.path == "rate" and inputs.target is not None:
        _rate_status(ev, chosen.value)
        return ev
    _schedule(ev, chosen.value, chosen.year)
    _trend(ev, chosen.value, chosen.year)
    _project(ev, actuals, chosen.year)
    return ev


def findings_for(ev: IndicatorEvaluation) -> list[Finding]:
    """预警 for binding indicators at risk; behind-schedule for the others; unit-mismatch."""
    if Reason.UNIT_MISMATCH in ev.reasons:
        return [make_finding("unit-mismatch", {"name": ev.indicator, "unit": ev.unit},
                             line=ev.line)]
    missed_projection = any(p.meets_target is False for p in ev.projections)
    status = ev.schedule_status
    behind = status in AT_RISK
    inp = ev.inputs
    done = ev.completion_log if "compound-path" in ev.reasons else ev.completion_of_change
    params: dict[str, ParamValue] = {"name": ev.indicator}
    detail = ""
    if inp.actual is not None and inp.target is not None:
        detail = "-detail"
        params.update(actual_year=inp.actual_year, actual=inp.actual, target=inp.target,
                      target_year=inp.target_year, time=ev.time_progress, done=done)
    if inp.binding and (behind or (missed_projection and status is not None)):
        if behind and status:
            variant, params["status"] = "status", str(status)
        else:
            variant = "projected"
        return [make_finding("binding-target-at-risk", params, variant=variant + detail,
                             line=ev.line)]
    if behind and status is not None:
        severity = Severity.INFO if status is ScheduleStatus.BEHIND else Severity.WARNING
        params["status"] = str(status)
        return [make_finding("behind-schedule", params, variant="status" + detail,
                             severity=severity, line=ev.line)]
    return []


def assess_plan(
    plan: Plan,
    actuals: Sequence[Actual],
    year: int,
    *,
    directions: Mapping[str, Direction] | None = None,
    params: EvaluationParams | None = None,
) -> PlanAssessment:
    """Evaluate every indicator of ``plan`` at ``year``; actuals are matched by indicator name."""
    by_name: dict[str, list[Actual]] = {}
    for actual in actuals:
        by_name.setdefault(indicator_key(actual.indicator), []).append(actual)
    from planwatch.evaluate.targets import prose_indicators

    out = PlanAssessment(evaluation_year=year)
    for bucket, rows in ((out.indicators, plan.indicators), (out.targets, prose_indicators(plan))):
        for ind in rows:
            direction = (directions or {}).get(ind.name, Direction.HIGHER)
            matched = by_name.get(indicator_key(ind.name), [])
            ev = evaluate_indicator(ind, matched, year, direction=direction, params=params)
            bucket.append(ev)
            out.findings.extend(findings_for(ev))
    return out


def indicator_key(name: str) -> str:
    """How an actual's indicator name is matched to a plan's: by identity
    (:func:`planwatch.catalog.names.name_key` — NFKC, case, spaces, punctuation and a trailing
    unit ignored)."""
    return name_key(name)
