"""Commitments the first round missed: counts without a measure word, money and area units,
firms brought to act (推动N家), amounts that size a task, the kind of 形成/建成 totals, and
two equal numbers in one paragraph. Sentences written for the test, not taken from a corpus."""

from __future__ import annotations

import pytest

from planwatch.extract.targets import extract_targets
from planwatch.extract.targets_parse import parse_sentence
from planwatch.model.plan import Meta, Plan, Target
from planwatch.parse.document import Block, Document


def _rows(sentence: str) -> list[tuple[object, ...]]:
    cands, _ = parse_sentence(sentence)
    return [(c.subject, c.comparator, c.value, c.unit, c.kind) for c in cands]


def _targets(*paragraphs: str, start: int = 2024, end: int | None = 2024,
             doc_type: str = "implementation_opinion") -> list[Target]:
    doc = Document(blocks=[Block("paragraph", p, line=i + 1) for i, p in enumerate(paragraphs)])
    plan = Plan(meta=Meta(doc_type=doc_type, period_start=start, period_end=end))
    return extract_targets(doc, plan).targets


@pytest.mark.parametrize(("sentence", "expected"), [
    ("年底前实现会员注册用户突破2.5亿，月均活跃用户超过300万。", [
        ("会员注册用户", ">=", 250000000, "", "level"),
        ("月均活跃用户", ">=", 3000000, "", "level")]),
    ("到2030年，全市集聚高技能人才超80万，建成创业孵化载体超120家。", [
        ("集聚高技能人才", ">=", 800000, "", "level"),
        ("建成创业孵化载体", ">=", 120, "家", "level")]),
    ("到2030年，跨境贸易规模不低于500亿美元。", [("跨境贸易规模", ">=", 500, "亿美元", "level")]),
    ("年内高标准建成50万亩节水灌溉农田。", [("建成节水灌溉农田", "=", 50, "万亩", "increment")]),
    ("到2030年，形成8-10个千亿级产业集群。", [("形成千亿级产业集群", "=", 8, "个", "level")]),
    ("加快推动1200家规上企业开展智能化改造。", [
        ("推动规上企业开展智能化改造", "=", 1200, "家", "increment")]),
])
def test_read_as_commitments(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


def test_money_with_its_unit_left_out_is_not_a_count() -> None:
    assert _rows("到2030年，软件产业营业收入突破800亿，") == []


def test_an_amount_that_sizes_a_task_is_a_target_dated_to_the_issue_year() -> None:
    (t,) = _targets("压实责任，分解落实全年重大项目3000亿元的投资任务。", start=2024, end=None)
    assert (t.value, t.unit, t.year, t.kind) == (3000, "亿元", 2024, "increment")
    assert "投资任务" in t.subject


def test_a_count_of_tasks_is_no_target() -> None:
    assert _targets("《方案》部署了全省科技创新的六项重点任务。") == []


def test_equal_numbers_in_one_paragraph_are_two_targets() -> None:
    text = ("优化甲平台功能，年底前实现日均活跃用户超过60万。"
            "完善乙平台服务，年底前实现日均活跃用户超过60万。")
    assert len(_targets(text)) == 2
    # the same commitment in two paragraphs is one
    same = "年底前实现日均活跃用户超过60万。"
    assert len(_targets(same, same)) == 1


def test_time_limits_are_not_counts_but_a_shorter_cycle_is_a_target() -> None:
    assert _rows("推动审批事项在20个工作日内办结。") == []
    assert _rows("到2027年，复核机关应当在3个月内作出决定。") == []
    assert _rows("到2027年，项目审批周期平均缩短至8个月以内。") == [
        ("项目审批周期平均", "<=", 8, "个月", "level")]


def test_figures_reported_as_they_stand_are_past() -> None:
    text = "全市孵化载体面积有300多万平方米，在孵企业近5000家，累计毕业企业近千家。"
    doc = Document(blocks=[Block("paragraph", text, line=1)])
    plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2024, period_end=2026))
    result = extract_targets(doc, plan)
    assert result.targets == []
    assert {v.reason for v, _ in result.rejected} == {"reported-figure"}
