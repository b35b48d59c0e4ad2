"""Audit precision: like is compared with like (same indicator, same year, a target with a
target, a past value with the base-period value), so a self-consistent 十五五 plan gets no
findings, while real inconsistencies planted in the same plan are still found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.actions import extract_file
from planwatch.evaluate.audit import audit_plan
from planwatch.evaluate.audit_facts import check_names
from planwatch.model.findings import Severity
from planwatch.model.plan import Baseline, Plan, Target
from tests.helpers import FIXTURES, SHARED

CONSISTENT = FIXTURES / "audit" / "consistent-15th-plan.txt"
SHANGHAI = SHARED / "corpus" / "shanghai-plans.jsonl"
# Dev-set Shanghai 十五五 plans (free to look at; the sealed ones are never opened here).
SHANGHAI_DEV = ("sh-001", "sh-002", "sh-006", "sh-007", "sh-008", "sh-011", "sh-013", "sh-015",
                "sh-018", "sh-021")
UNSEEN_15TH = sorted((FIXTURES / "unseen").glob("*-2026-plan.txt"))


def _plan(path: Path = CONSISTENT) -> Plan:
    return extract_file(path)


def _warnings(plan: Plan) -> list[str]:
    return [f"{f.code}: {f.message}" for f in audit_plan(plan) if f.severity is Severity.WARNING]


def _results_as_targets(plan: Plan) -> Plan:
    """The 十四五 results of the review section read as undated targets (what a reader that
    does not see the section would make of 高新技术企业达到1260家)."""
    recast = [Target(subject=f.subject, value=f.value, unit=f.unit, period="plan_period",
                     comparator=f.comparator, quote=f.quote, line=f.line)
              for f in plan.facts if f.kind in ("level", "change") and f.value is not None]
    return plan.model_copy(update={"targets": recast + plan.targets, "facts": []})


def test_the_fixture_is_what_the_test_needs() -> None:
    plan = _plan()
    assert plan.meta.period_end == 2030 and len(plan.indicators) == 10
    assert {i.baseline_year for i in plan.indicators} == {2025}
    bases = {i.baseline for i in plan.indicators}
    results = [f for f in plan.facts if f.kind == "level" and f.value in bases]
    assert len(results) >= 8  # the 十四五 results restate the table's 2025 column


def test_self_consistent_15th_plan_has_no_findings() -> None:
    assert audit_plan(_plan()) == []


def test_past_results_read_as_targets_are_not_compared_with_the_2030_target() -> None:
    plan = _results_as_targets(_plan())
    assert len(plan.targets) >= 24
    assert audit_plan(plan) == []


@pytest.mark.parametrize("path", UNSEEN_15TH, ids=lambda p: p.stem)
def test_unseen_15th_plans_are_clean(path: Path) -> None:
    plan = _plan(path)
    assert plan.indicators
    assert _warnings(plan) == []
    assert _warnings(_results_as_targets(plan)) == []


def _with_target(plan: Plan, quote: str, subject: str, value: float, unit: str,
                 year: int | None) -> Plan:
    extra = Target(subject=subject, value=value, unit=unit, year=year,
                   period="by_year" if year else "plan_period", quote=quote)
    return plan.model_copy(update={"targets": [*plan.targets, extra]})


def test_a_dated_target_that_differs_from_the_table_is_still_found() -> None:
    plan = _with_target(_plan(), "到2030年，高新技术企业数量达到1800家", "高新技术企业数量",
                        1800, "家", 2030)
    assert [w.split(":")[0] for w in _warnings(plan)] == ["prose-table-conflict"]
    assert "1800" in _warnings(plan)[0] and "2000" in _warnings(plan)[0]


def test_a_statement_with_no_year_is_compared_with_no_target() -> None:
    # 从48.0%提升至54.8% in a review section: no year, so no "same year" to compare with.
    plan = _with_target(_plan(), "高新技术企业数量从650家增加到1800家", "高新技术企业数量", 1800,
                        "家", None)
    assert _warnings(plan) == []
    plan = _with_target(_plan(), "到规划期末，高新技术企业数量达到1800家", "高新技术企业数量",
                        1800, "家", None)
    assert [w.split(":")[0] for w in _warnings(plan)] == ["prose-table-conflict"]


def test_a_baseline_from_another_sentence_is_not_the_rows_baseline() -> None:
    plan = _plan()
    base = Baseline(year=2025, value=758.03)  # a stock, attached from elsewhere
    new = Target(subject="省级以上新型研发机构", value=40, unit="家", year=2030, baseline=base,
                 quote="新建省级以上新型研发机构达到40家")
    assert _warnings(plan.model_copy(update={"targets": [*plan.targets, new]})) == []
    stated = new.model_copy(update={"quote": "省级以上新型研发机构由758.03家增加到40家"})
    found = _warnings(plan.model_copy(update={"targets": [*plan.targets, stated]}))
    assert [w.split(":")[0] for w in found] == ["prose-table-conflict"]


def test_the_base_value_stated_for_the_end_year_is_still_found() -> None:
    # The sentence names 2030 itself: a real conflict, not a restated result.
    plan = _with_target(_plan(), "到2030年，高新技术企业数量达到1260家", "高新技术企业数量",
                        1260, "家", 2030)
    assert [w.split(":")[0] for w in _warnings(plan)] == ["prose-table-conflict"]


def test_a_past_result_that_differs_from_the_base_year_column_is_found() -> None:
    text = CONSISTENT.read_text(encoding="utf-8").replace("全市高新技术企业达到1260家",
                                                          "全市高新技术企业达到1206家")
    path = Path(__file__).parent / "_tmp_audit_plan.txt"
    try:
        path.write_text(text, encoding="utf-8")
        warnings = _warnings(_plan(path))
    finally:
        path.unlink(missing_ok=True)
    assert [w.split(":")[0] for w in warnings] == ["fact-baseline-conflict"]
    assert "1206" in warnings[0] and "1260" in warnings[0]


def test_two_indicators_sharing_only_a_value_and_a_rank_are_not_one() -> None:
    plan = _plan()
    incubators = next(t for t in plan.targets if t.subject == "省级以上科技企业孵化器")
    labs = next(i for i in plan.indicators if i.name == "省级以上新型研发机构数")
    assert (incubators.value, incubators.year) == (labs.target, labs.target_year)
    assert check_names(plan) == []


def test_a_renamed_row_with_the_same_value_is_still_noticed() -> None:
    plan = _with_target(_plan(), "到2030年，新型研发组织达到40家", "新型研发组织",
                        40, "家", 2030)
    names = [f for f in check_names(plan) if f.code == "prose-table-name-mismatch"]
    assert [f.context for f in names] == ["省级以上新型研发机构数"]


def _shanghai(ids: tuple[str, ...]) -> dict[str, str]:
    texts: dict[str, str] = {}
    with SHANGHAI.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] in ids:
                texts[doc["id"]] = doc["text"]
    return texts


def test_real_15th_plans_get_no_warnings(tmp_path: Path) -> None:
    """Real 十五五 plans (Shanghai dev set): published documents a reader finds consistent; the
    audit must not warn on them, whatever the extractor finds in their tables."""
    texts = _shanghai(SHANGHAI_DEV)
    assert sorted(texts) == sorted(SHANGHAI_DEV)
    found: dict[str, list[str]] = {}
    for doc_id, text in texts.items():
        path = tmp_path / f"{doc_id}.md"
        path.write_text(text, encoding="utf-8")
        plan = extract_file(path)
        found[doc_id] = _warnings(plan) + _warnings(_results_as_targets(plan))
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize(("subject", "value"), [
    ("规上高新技术企业", 800),  # a part of 高新技术企业数 (2000)
    ("科技型企业", 6000),  # more than 科技型中小企业数 (4000)
    ("省级新型研发机构", 30),  # 省级 only, the row counts 省级以上 (40)
])
def test_a_narrower_or_wider_quantity_is_another_indicator(subject: str, value: float) -> None:
    plan = _with_target(_plan(), f"到2030年，{subject}达到{value}家", subject, value, "家", 2030)
    assert _warnings(plan) == []


def test_the_same_quantity_under_a_national_label_is_compared() -> None:
    plan = _with_target(_plan(), "到2030年，国家高新技术企业达到1800家", "国家高新技术企业", 1800,
                        "家", 2030)
    assert [w.split(":")[0] for w in _warnings(plan)] == ["prose-table-conflict"]


def _growth(quote: str, value: float) -> Plan:
    extra = Target(subject="技术合同成交额", value=value, unit="%", year=2030,
                   kind="growth_rate", quote=quote)
    plan = _plan()
    return plan.model_copy(update={"targets": [*plan.targets, extra]})


def test_a_change_over_the_period_is_not_compared_with_the_yearly_rate() -> None:
    # 比2025年增长62% is five years' growth; the table's 10.2 is a yearly rate.
    assert _warnings(_growth("到2030年，技术合同成交额比2025年增长62%", 62)) == []
    warned = _warnings(_growth("到2030年，技术合同成交额年均增长15%", 15))
    assert [w.split(":")[0] for w in warned] == ["prose-table-conflict"]
