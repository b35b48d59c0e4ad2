"""Finding messages in Chinese and English from one catalogue (model.finding_messages): every
code has both templates, the stored Chinese message is the Chinese template filled with the
finding's params, and the English message holds no Chinese except the data it quotes."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest

from planwatch import actions
from planwatch.evaluate import audit_plan, evaluate_tasks
from planwatch.evaluate.cascade import CascadeTarget, cascade
from planwatch.evaluate.status import assess_plan
from planwatch.model.actual import Actual, TaskProgress
from planwatch.model.finding_codes import FINDING_CODES
from planwatch.model.finding_messages import (
    MESSAGES,
    WORDS,
    fields,
    finding_parts,
    finding_text,
    make_finding,
)
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Plan
from tests.helpers import FIXTURES, ROOT, SEEDS, SHARED

HAN = re.compile(r"[\u3400-\u9fff]")
NOT_REGISTERED = {"regulation"}
"""A finding code the pipeline emits that the code registry leaves out (it is no problem of the
document: a rules document has no targets by nature)."""
OWN_LANGUAGE_FIELDS = {"what": "what_en"}
"""Params each language takes its own of (a catalogue indicator's zh and en name)."""


def _plans() -> list[Plan]:
    """The sample plans, the test fixtures and the 38 + 24 dev-set documents."""
    samples = ROOT / "src" / "planwatch" / "data" / "samples"
    paths = [*sorted(samples.glob("*.txt")), *sorted(SEEDS.glob("*.txt")),
             *sorted(FIXTURES.glob("*.txt")), *sorted((FIXTURES / "facts").glob("*.txt"))]
    plans = [actions.extract_file(p) for p in paths]
    devset = FIXTURES / "devset"
    wanted = {p.stem for sub in ("policy", "shanghai") for p in (devset / sub).glob("*.json")}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in ("policy-texts.jsonl", "shanghai-plans.jsonl"):
            for line in (SHARED / "corpus" / corpus).read_text("utf-8").splitlines():
                rec = json.loads(line)
                if rec["id"] not in wanted:
                    continue
                shanghai = "plan_title" in rec
                path = Path(tmp) / (rec["id"] + (".md" if shanghai else ".txt"))
                path.write_text(rec["text"] if shanghai else rec["title"] + "\n" + rec["text"],
                                encoding="utf-8")
                plans.append(actions.extract_file(path))
    return plans


@pytest.fixture(scope="module")
def produced() -> list[Finding]:
    """Findings of every producer: extraction, audit (alone and against a parent), assessment,
    tasks and the target cascade."""
    out: list[Finding] = []
    for plan in _plans():
        out += plan.findings + audit_plan(plan)
        actuals = [Actual(indicator=i.name, year=(i.baseline_year or 2020) + 3,
                          value=(i.baseline or 1.0) * f, unit=i.unit if f != 7.0 else "公顷")
                   for i, f in zip(plan.indicators, [0.5, 1.01, 3.0, 7.0] * 20, strict=False)
                   if i.baseline is not None]
        out += assess_plan(plan, actuals, 2023).findings
        progress = [TaskProgress(task_number=t.number, reported_on=date(2024, 1, 1),
                                 blocked=t.number % 2 == 1, note="进展")
                    for t in plan.tasks if t.number % 3]
        out += evaluate_tasks(plan.tasks, progress, date(2030, 1, 1))[1]
        out += evaluate_tasks(plan.tasks, progress, date(2024, 8, 1))[1]
    city = Plan.model_validate_json((FIXTURES / "audit" / "city_15th.json").read_text("utf-8"))
    district = Plan.model_validate_json(
        (FIXTURES / "audit" / "district_15th.json").read_text("utf-8"))
    out += audit_plan(district, city)
    parent = [CascadeTarget("某市", "rd_intensity", 2025, 3.0),
              CascadeTarget("某市", "high_tech_enterprises", 2025, 1000.0)]
    children = [CascadeTarget(r, "rd_intensity", 2025, v) for v, r in ((2.0, "甲"), (2.5, "乙"))]
    children += [CascadeTarget(r, "high_tech_enterprises", 2025, v)
                 for v, r in ((900.0, "甲"), (800.0, "乙"))]
    children += [CascadeTarget(r, "rd_intensity", 2030, v) for v, r in ((5.0, "甲"), (6.0, "乙"))]
    children += [CascadeTarget(r, "high_tech_enterprises", 2030, v)
                 for v, r in ((900.0, "甲"), (900.0, "乙"))]
    parent += [CascadeTarget("某市", "rd_intensity", 2030, 3.0),
               CascadeTarget("某市", "high_tech_enterprises", 2030, 1000.0)]
    for name in ("某市", None):
        for row in cascade(parent, children, ["甲", "乙"], parent_name=name,
                           child_word="县（市、区）"):
            out += row.findings
    return out


def test_every_code_has_a_chinese_and_an_english_template() -> None:
    assert set(MESSAGES) == set(FINDING_CODES) | NOT_REGISTERED
    for code, variants in MESSAGES.items():
        assert variants, code
        for variant, (zh, en) in variants.items():
            assert HAN.search(zh), (code, variant)
            literal = re.sub(r"\{[^}]*\}", "", en)
            assert not HAN.search(literal), (code, variant, en)  # English apart from the data
            mine = {k for pair in OWN_LANGUAGE_FIELDS.items() for k in pair}
            assert fields(zh) - mine == fields(en) - mine, (code, variant)
            for word in re.findall(r"\{(\w+):words?\}", zh):
                assert word in fields(en), (code, variant)
            assert not re.search(r"第\d+行|\bline\b|行号", zh + en), (code, variant)
            assert not [c for c in FINDING_CODES if c in literal], (code, variant)
    assert not [w for w in WORDS.values() if HAN.search(w)]


def test_every_producer_stores_the_chinese_template_filled_with_its_params(
        produced: list[Finding]) -> None:
    codes = {f.code for f in produced}
    assert len(codes) >= 30, sorted(set(MESSAGES) - codes)  # nearly every producer ran
    for f in produced:
        assert f.code in MESSAGES and f.variant in MESSAGES[f.code], (f.code, f.variant)
        assert finding_text(f, "zh") == f.message
        rebuilt = make_finding(f.code, f.params, variant=f.variant, severity=f.severity)
        assert rebuilt.message == f.message, (f.code, f.variant, f.params)


def test_english_messages_hold_chinese_only_in_the_data(produced: list[Finding]) -> None:
    for f in produced:
        parts = finding_parts(f, "en")
        chrome = "".join(text for text, data in parts if not data)
        assert not HAN.search(chrome), (f.code, f.variant, chrome)
        assert not re.search(r"第\d+行|\bline \d+", chrome), (f.code, chrome)
        english = finding_text(f, "en")
        for name, value in f.params.items():  # data is printed as written
            if isinstance(value, str) and HAN.search(value) and name not in ("level", "what",
                                                                              "missing"):
                assert value in english, (f.code, name, value)


def test_numbers_print_alike_in_both_languages() -> None:
    f = make_finding("table-cagr-mismatch", {
        "name": "R&D经费投入强度", "printed": 7.60, "base_year": 2020, "baseline": 2.40,
        "target_year": 2025, "target": 3.0, "implied": 4.5639})
    assert f.message == ("指标“R&D经费投入强度”年均增速列为7.6%，但由2020年2.4到2025年3"
                         "推算的年均增速为4.56%")
    assert finding_text(f, "en") == (
        "Indicator “R&D经费投入强度”: the growth column says 7.6% a year, but 2.4 in 2020 to 3 "
        "in 2025 means 4.56% a year")
    assert ("R&D经费投入强度", True) in finding_parts(f, "en")


def test_a_finding_stored_before_params_is_its_chinese_message() -> None:
    old = Finding.model_validate({"code": "target-equals-baseline", "severity": "info",
                                  "message": "指标“孵化器”目标值1与基期值1相同，规划期内无增长"})
    assert old.params == {} and old.variant == ""
    assert finding_text(old, "en") == old.message == finding_text(old, "zh")
    # a message without params (no table found) can be said in English even when stored old
    bare = Finding(code="indicator-table-not-found", severity=Severity.INFO,
                   message="未找到主要指标表")
    assert finding_text(bare, "en") == "No main indicator table found"
    unknown = Finding(code="no-such-code", message="某问题", params={"x": 1})
    assert finding_text(unknown, "en") == "某问题"


def test_params_survive_the_plan_json() -> None:
    plan = Plan()
    plan.findings.append(make_finding("ambitious-target", {
        "name": "高新技术企业", "baseline": 100.0, "target": 400.0, "factor": 4.0,
        "required": 31.95, "limit": 25.0}, severity=Severity.INFO))
    again = Plan.model_validate_json(plan.model_dump_json())
    f = again.findings[0]
    assert f.params == plan.findings[0].params and isinstance(f.params["limit"], float)
    assert finding_text(f, "en") == (
        "Indicator “高新技术企业” goes from 100 to 400 (4.0 times), which needs 31.95% growth "
        "a year, above 25%, with no history to compare")


def test_make_finding_refuses_params_its_template_does_not_use() -> None:
    with pytest.raises(KeyError):
        make_finding("table-year-unknown", {"caption": "表1"})
    with pytest.raises(KeyError):
        make_finding("table-row-damaged", variant="no-such-variant")



def test_pages_mark_the_data_and_escape_it() -> None:
    from planwatch.web.i18n import markup_parts

    f = make_finding("task-row-no-owner", {"title": "<b>建设</b>平台"})
    html = str(markup_parts(finding_parts(f, "en")))
    assert html == ('The task “<span class="data" lang="zh-CN">&lt;b&gt;建设&lt;/b&gt;平台</span>” '
                    "of the responsibility table names no responsible unit")
    zh = str(markup_parts(finding_parts(f, "zh")))
    assert zh == "任务分工表中“&lt;b&gt;建设&lt;/b&gt;平台”没有责任单位"
