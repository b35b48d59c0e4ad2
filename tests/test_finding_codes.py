"""Every finding code planwatch emits is registered in one catalogue, documented in
docs/findings.md (generated from it), with the severity it is emitted at."""

from __future__ import annotations

import ast
import re
from datetime import date

from planwatch import actions
from planwatch.evaluate import audit_plan, evaluate_tasks
from planwatch.evaluate.index import Exclusion
from planwatch.evaluate.status import assess_plan
from planwatch.extract.commitment import REASONS as COMMITMENT_REASONS
from planwatch.model.actual import Actual
from planwatch.model.evaluation import Reason
from planwatch.model.finding_codes import FINDING_CODES, findings_markdown
from planwatch.model.findings import Finding
from planwatch.model.plan import Plan
from planwatch.reports.text import FINDING_LABELS
from tests.helpers import FIXTURES, ROOT, SEEDS

SRC = ROOT / "src" / "planwatch"
CODE = re.compile(r"^[a-z]+(-[a-z0-9]+)+$")
NOT_FINDINGS = {
    "prose-target": "origin of a stored target (extract/targets.py)",
    "too-deep": "DocumentError code (actions.py), not a finding",
    "too-large": "DocumentError code (actions.py), not a finding",
    "utf-8": "an encoding name",
    "weighted-linear": "a projection method",
}


def _literals() -> dict[str, set[str]]:
    """Code-like string literals of the modules that emit findings, by file."""
    files = [*SRC.glob("evaluate/*.py"), *SRC.glob("extract/*.py"), SRC / "actions.py"]
    reasons = {r.value for r in Reason} - set(FINDING_CODES)  # unit-mismatch is both
    reasons |= set(COMMITMENT_REASONS)  # the commitment classifier's own registry
    reasons |= {e.value for e in Exclusion}  # why the index leaves an indicator out
    found: dict[str, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and CODE.match(node.value) and node.value not in reasons):
                found.setdefault(node.value, set()).add(path.name)
    return found


def test_docs_page_is_generated_from_the_catalogue() -> None:
    assert (ROOT / "docs" / "findings.md").read_text(encoding="utf-8") == findings_markdown()


def test_every_code_in_the_source_is_registered_and_every_entry_used() -> None:
    literals = _literals()
    unregistered = sorted(set(literals) - set(FINDING_CODES) - set(NOT_FINDINGS))
    assert unregistered == [], {c: literals[c] for c in unregistered}
    assert sorted(set(FINDING_CODES) - set(literals)) == []  # no stale entries
    assert set(NOT_FINDINGS) <= set(literals)  # the exceptions still exist


def test_reports_label_every_code_from_the_catalogue() -> None:
    assert {c: FINDING_LABELS[c] for c in FINDING_CODES} == {
        c: s.label_zh for c, s in FINDING_CODES.items()}


def _emitted(plans: list[Plan]) -> list[Finding]:
    out: list[Finding] = []
    for plan in plans:
        out += plan.findings + audit_plan(plan)
        actuals = [Actual(indicator=i.name, year=(i.baseline_year or 2020) + 3,
                          value=(i.baseline or 1.0) * f, unit=i.unit)
                   for i, f in zip(plan.indicators, [0.5, 1.01, 3.0] * 20, strict=False)
                   if i.baseline is not None]
        out += assess_plan(plan, actuals, 2023).findings
        out += evaluate_tasks(plan.tasks, [], date(2030, 1, 1))[1]
    return out


def test_every_emitted_finding_is_registered_with_its_severity() -> None:
    paths = [*sorted(SEEDS.glob("*.txt")), *sorted(FIXTURES.glob("*.txt")),
             *sorted((FIXTURES / "facts").glob("*.txt"))]
    plans = [actions.extract_file(p) for p in paths]
    city = Plan.model_validate_json((FIXTURES / "audit" / "city_15th.json").read_text("utf-8"))
    district = Plan.model_validate_json(
        (FIXTURES / "audit" / "district_15th.json").read_text("utf-8"))
    found = _emitted(plans) + audit_plan(district, city)
    bad = sorted({(f.code, f.severity.value) for f in found
                  if f.code not in FINDING_CODES
                  or f.severity not in FINDING_CODES[f.code].severities})
    assert bad == []
    assert len({f.code for f in found}) >= 15  # the corpus exercises most of the catalogue


def test_catalogue_entries_are_complete() -> None:
    for code, spec in FINDING_CODES.items():
        assert spec.code == code and CODE.match(code)
        assert spec.severities and spec.label_zh and spec.label_en and spec.description


def test_every_commitment_reason_is_registered_with_its_label() -> None:
    source = (SRC / "extract" / "commitment.py").read_text(encoding="utf-8")
    source += (SRC / "extract" / "targets.py").read_text(encoding="utf-8")
    given = set(re.findall(r'Verdict\("([a-z]+)", "([a-z-]+)"\)', source))
    assert given == {(label, code) for code, (label, _, _) in COMMITMENT_REASONS.items()}
