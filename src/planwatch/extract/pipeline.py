"""Run every extractor over a Document and assemble the Plan."""

from __future__ import annotations

from planwatch.extract import facts, indicators, meta, projects, targets, tasks
from planwatch.extract.targets_text import build_paras
from planwatch.model.findings import Finding, Severity
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
    paras = build_paras(doc)
    tg: targets.TargetResult | None = None
    if plan.meta.doc_type == "regulation":
        # rules (条例/办法/规定/细则/指引) commit to nothing: their numbers are conditions
        plan.findings.append(Finding(
            code="regulation", severity=Severity.INFO,
            message="规章制度类文件（条例/办法/规定/细则/指引）：不提取目标与任务 / "
                    "rules document: no targets or tasks extracted"))
    else:
        tk = tasks.extract_tasks(doc)
        plan.tasks = tk.tasks
        plan.findings.extend(tk.findings)
        tg = targets.extract_targets(doc, plan, paras)
        plan.targets = tg.targets
        plan.findings.extend(tg.findings)
    plan.facts = facts.extract_facts(doc, plan, paras)
    if tg is not None:  # past results met among the quantified statements, once each
        quoted = [f.quote for f in plan.facts]
        plan.facts.extend(f for f in tg.facts if not any(f.quote in q for q in quoted))
    return plan
