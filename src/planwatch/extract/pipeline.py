"""Run every extractor over a Document and assemble the Plan."""

from __future__ import annotations

from planwatch.extract import facts, indicators, meta, projects, targets, tasks
from planwatch.extract.targets_text import build_paras, infer_period
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Severity
from planwatch.model.plan import Plan
from planwatch.parse.document import Document


def extract_plan(doc: Document) -> Plan:
    """Extract the whole plan. Anything not understood becomes a finding, never an exception."""
    plan = Plan(doc=doc.source)
    meta_result = meta.extract_meta_result(doc)
    plan.meta = meta_result.meta
    plan.findings.extend(meta_result.findings)
    tables = indicators.extract_indicator_tables(doc)
    plan.indicators = tables.indicators
    plan.prior_results = tables.prior_results
    plan.findings.extend(tables.findings)
    proj = projects.extract_projects(doc)
    plan.projects = proj.projects
    plan.findings.extend(proj.findings)
    paras = build_paras(doc, infer_period(doc, plan.meta.period_start, plan.meta.period_end))
    tg: targets.TargetResult | None = None
    if plan.meta.doc_type == "regulation":
        # rules (条例/办法/规定/细则/指引) commit to nothing: their numbers are conditions
        plan.findings.append(make_finding("regulation", severity=Severity.INFO))
    else:
        tk = tasks.extract_tasks(doc)
        plan.tasks = tk.tasks
        plan.findings.extend(tk.findings)
        tg = targets.extract_targets(doc, plan, paras)
        plan.targets = tg.targets
        plan.findings.extend(tg.findings)
        _extend_period(plan)
    plan.facts = facts.extract_facts(doc, plan, paras)
    if tg is not None:  # past results met among the quantified statements, once each
        quoted = [f.quote for f in plan.facts]
        plan.facts.extend(f for f in tg.facts if not any(f.quote in q for q in quoted))
    return plan


def _extend_period(plan: Plan) -> None:
    """An opinion or action plan runs to the last year its commitments name (a 2024 实施意见
    with targets to 2027 ends in 2027); a plan's period is its own (a 2035 远景 does not move a
    十四五 plan's end)."""
    meta = plan.meta
    if meta.doc_type == "plan":
        return
    years = [t.year for t in plan.targets if t.year is not None]
    if not years:
        return
    last = max(years)
    if meta.period_start is not None and not meta.period_start <= last <= meta.period_start + 20:
        return
    if meta.period_end is None or last > meta.period_end:
        meta.period_end = last
    if meta.period_start == meta.period_end:  # a one-year document: its undated goals are
        for t in plan.targets:  # that year's (新改建农村公路6900公里 in a 2022 方案)
            if t.year is None and t.period == "plan_period":
                t.year, t.period = meta.period_end, "by_year"
