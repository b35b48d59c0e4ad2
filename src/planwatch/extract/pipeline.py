"""Run every extractor over a Document and assemble the Plan."""

from __future__ import annotations

from planwatch.extract import facts, indicators, meta, projects, targets, tasks
from planwatch.extract.targets_text import build_paras
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
    tk = tasks.extract_tasks(doc)
    plan.tasks = tk.tasks
    plan.findings.extend(tk.findings)
    paras = build_paras(doc)
    tg = targets.extract_targets(doc, plan, paras)
    plan.targets = tg.targets
    plan.findings.extend(tg.findings)
    plan.facts = facts.extract_facts(doc, plan, paras)
    return plan
