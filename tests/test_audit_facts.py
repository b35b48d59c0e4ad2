"""Audit of past statements and footnotes: the five seeds (every inconsistency a careful reader
finds, hand-checked below) and synthetic fixtures — one consistent, one tripping every check."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from planwatch.actions import extract_file
from planwatch.evaluate.audit import audit_plan
from planwatch.evaluate.audit_facts import audit_facts, same_subject
from planwatch.model.findings import Severity
from planwatch.model.plan import Fact, Indicator, Plan, PriorResult
from tests.helpers import FIXTURES, SEEDS


@cache
def _plan(path: Path) -> Plan:
    return extract_file(path)


def _codes(findings: list) -> set[tuple[str, str | None]]:  # type: ignore[type-arg]
    return {(f.code, f.context) for f in findings}


# Hand check of the seeds (numbers recomputed by hand):
# 淄博 prose 2015 R&D 2.11 vs 表1 基础值 2.14; 42.53 − 31.8 = 10.73 points written "10.73%";
#      703 − 251 = 452 ✓, 452/251 = 180 % ✓, 19/6 → 217 % ✓, 75/13 → 477 % ✓, 110/38 → 189 % ✓.
# 青州 110/41 = 2.68 → "增长2.68倍" should be 增长1.68倍; 2016年以来获批省级孵化器4家 vs table 1.
# 威海 科技服务业营业收入 (prose) vs 科技服务业产业产值 (table), both 200 亿元 in 2025.
# 芝罘 注：*代表2019年完成数 — no cell is starred.
SEED_FACT_FINDINGS = {
    "qingzhou-2021-plan": {
        ("fact-baseline-conflict", "省级科技企业孵化器"),
        ("growth-multiple-wording", "高新技术企业数量"),
    },
    "weihai-2022-plan": {("prose-table-name-mismatch", "全市科技服务业产业产值")},
    "yantai-2024-opinion": set(),
    "zhifu-2021-plan": {("table-note-unused-marker", "*")},
    "zibo-2022-plan": {
        ("fact-prior-table-conflict", "R&D经费支出占GDP比重"),
        ("percent-points-confusion", "高新技术产业产值占规模以上工业产值比重"),
    },
}
SEED_OTHER_FINDINGS = {
    "qingzhou-2021-plan": {
        ("ambitious-target", "全社会R&D支出占GDP比重"),
        ("ambitious-target", "有研发活动的规上工业企业占比"),
        ("ambitious-target", "全社会每万名就业人员中研发人员数"),
        ("target-equals-baseline", "省级科技企业孵化器"),
    },
    "weihai-2022-plan": {("per-year-rule-mismatch", "高新技术产业产值占规模以上工业产值比重")},
    "yantai-2024-opinion": set(),
    "zhifu-2021-plan": set(),
    "zibo-2022-plan": set(),
}


@pytest.mark.parametrize("stem", sorted(SEED_FACT_FINDINGS))
def test_seed_fact_findings_are_exactly_the_hand_checked_ones(stem: str) -> None:
    plan = _plan(SEEDS / f"{stem}.txt")
    assert _codes(audit_facts(plan)) == SEED_FACT_FINDINGS[stem]


@pytest.mark.parametrize("stem", sorted(SEED_FACT_FINDINGS))
def test_seed_full_audit_is_exactly_what_a_careful_reader_finds(stem: str) -> None:
    plan = _plan(SEEDS / f"{stem}.txt")
    expected = SEED_FACT_FINDINGS[stem] | SEED_OTHER_FINDINGS[stem]
    assert _codes(audit_plan(plan)) == expected


def test_seed_findings_point_at_the_source_line() -> None:
    plan = _plan(SEEDS / "zibo-2022-plan.txt")
    by_code = {f.code: f for f in audit_facts(plan)}
    assert by_code["fact-prior-table-conflict"].line == 28
    assert "2.11" in by_code["fact-prior-table-conflict"].message
    assert "2.14" in by_code["fact-prior-table-conflict"].message
    assert "10.73个百分点" in by_code["percent-points-confusion"].message
    zhifu = _plan(SEEDS / "zhifu-2021-plan.txt")
    (note,) = audit_facts(zhifu)
    assert (note.line, note.severity) == (101, Severity.INFO)


def test_consistent_fixture_has_no_findings() -> None:
    plan = _plan(FIXTURES / "facts" / "consistent.txt")
    assert len(plan.facts) >= 9
    assert audit_facts(plan) == []


def test_inconsistent_fixture_trips_every_check() -> None:
    plan = _plan(FIXTURES / "facts" / "inconsistent.txt")
    assert sorted(_codes(audit_facts(plan))) == sorted({
        ("fact-prior-table-conflict", "研发经费支出占GDP比重"),
        ("fact-prior-table-conflict", "高新技术企业数"),
        ("fact-baseline-conflict", "省级众创空间"),
        ("percent-points-confusion", "高新技术产业产值占规模以上工业产值比重"),
        ("percent-points-confusion", "有研发活动的规上工业企业占比"),
        ("stated-change-mismatch", "高新技术企业"),
        ("growth-multiple-wording", "科技型中小企业"),
        ("stated-change-mismatch", "省级人才工程"),
        ("table-note-unused-marker", "#"),
        ("prose-table-name-mismatch", "科技服务业增加值"),
    })


def _fact(**kw: object) -> Fact:
    base: dict[str, object] = {"kind": "level", "subject": "高新技术企业", "unit": "家",
                               "year": 2020, "quote": "q"}
    base.update(kw)
    return Fact.model_validate(base)


def test_comparators_and_precision_are_respected() -> None:
    ind = Indicator(name="年登记技术合同成交额", unit="亿元", baseline_year=2020, baseline=13.1,
                    target_year=2025, target=18)
    over = _fact(subject="登记技术合同成交额", value=13.0, unit="亿元", comparator=">=")
    rounded = _fact(subject="登记技术合同成交额", value=13.0, unit="亿元", line=3)
    wrong = _fact(subject="登记技术合同成交额", value=12.0, unit="亿元", line=4)
    plan = Plan(indicators=[ind], facts=[over, rounded, wrong])
    assert [(f.code, f.line) for f in audit_facts(plan)] == [("fact-baseline-conflict", 4)]


def test_growth_multiple_and_ratio_wordings() -> None:
    right = _fact(kind="change", value=110, compare_value=41, change_value=1.68,
                  change_kind="growth_multiple")
    times = _fact(kind="change", value=110, compare_value=41, change_value=2.68,
                  change_kind="multiple_of")
    wrong = _fact(kind="change", value=110, compare_value=41, change_value=2.68,
                  change_kind="growth_multiple", line=9)
    plan = Plan(facts=[right, times, wrong])
    assert [(f.code, f.line) for f in audit_facts(plan)] == [("growth-multiple-wording", 9)]


def test_percent_change_of_a_share_is_checked_both_ways() -> None:
    row = PriorResult(name="高新技术产业产值比重", unit="%", baseline_year=2015, baseline=31.8,
                      actual_year=2020, actual=42.53)
    relative = _fact(subject="高新技术产业产值比重", unit="%", value=42.53, compare_year=2015,
                     change_value=33.7, change_kind="percent")
    points = _fact(subject="高新技术产业产值比重", unit="%", value=42.53, compare_year=2015,
                   change_value=10.73, change_kind="points")
    assert audit_facts(Plan(prior_results=[row], facts=[relative, points])) == []


def test_approvals_within_stock_and_outside_the_window_pass() -> None:
    ind = Indicator(name="省级科技企业孵化器", unit="家", baseline_year=2020, baseline=4)
    within = _fact(kind="approved", subject="省级科技企业孵化器", value=4, compare_year=2016)
    older = _fact(kind="approved", subject="省级科技企业孵化器", value=9, compare_year=2006,
                  year=2010)
    assert audit_facts(Plan(indicators=[ind], facts=[within, older])) == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("全社会研发投入强度", "R&D经费支出占GDP比重", True),
    ("登记技术合同成交额", "年登记技术合同成交额", True),
    ("每万人发明专利拥有量", "万人高价值发明专利拥有量", False),
    ("省级以上科技企业孵化器", "省级以上科技企业孵化器及众创空间", False),
    ("省级以上重点实验室、工程技术研究中心", "省级以上重点实验室", False),
])
def test_same_subject_is_strict(a: str, b: str, same: bool) -> None:
    assert same_subject(a, b) is same
