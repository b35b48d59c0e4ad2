"""Past facts (发展基础) and table-note facts read from the seeds and synthetic documents."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.facts import extract_facts
from planwatch.model.plan import Fact, Meta, Plan
from planwatch.parse.document import Block, Document, table_block
from tests.helpers import SEEDS


def _facts(stem: str) -> list[Fact]:
    return extract_file(SEEDS / f"{stem}.txt").facts


def _find(facts: list[Fact], subject: str, value: float) -> Fact:
    return next(f for f in facts if f.subject == subject and f.value == value)


def test_change_with_years_and_list_pairs() -> None:
    facts = _facts("zibo-2022-plan")
    rd = _find(facts, "全社会研发投入强度", 2.79)
    assert (rd.kind, rd.year, rd.compare_year, rd.compare_value, rd.unit, rd.line) == (
        "change", 2020, 2015, 2.11, "%", 28)
    firms = _find(facts, "享受研发费用加计扣除的企业数量", 1827)
    amount = _find(facts, "加计扣除额", 62.93)
    assert (firms.compare_value, firms.unit) == (131, "家")
    assert (amount.compare_value, amount.unit) == (6.97, "亿元")


def test_stated_changes_attach_to_their_level() -> None:
    facts = _facts("zibo-2022-plan")
    share = _find(facts, "高新技术产业产值占规模以上工业产值比重", 42.53)
    assert (share.change_value, share.change_kind, share.compare_year) == (10.73, "percent", 2015)
    hte = [f for f in facts if f.subject == "高新技术企业" and f.value == 703]
    assert sorted((f.change_kind or "", f.change_value) for f in hte) == [
        ("difference", 452), ("percent", 180)]
    talent = _find(facts, "自主申报入选国家级重点人才工程", 19)
    assert (talent.compare_year, talent.change_value) == (2016, 217)


def test_points_multiples_and_ratios() -> None:
    zhifu = _facts("zhifu-2021-plan")
    share = _find(zhifu, "高新技术产业产值占规模以上工业总产值比重", 41.55)
    assert (share.change_kind, share.change_value, share.compare_year) == ("points", 1.48, 2015)
    contracts = _find(zhifu, "技术合同成交额", 10.45)
    assert (contracts.change_kind, contracts.change_value) == ("multiple_of", 5)
    qingzhou = _facts("qingzhou-2021-plan")
    firms = _find(qingzhou, "高新技术企业数量", 110)
    assert (firms.compare_value, firms.compare_year, firms.change_kind, firms.change_value) == (
        41, 2015, "growth_multiple", 2.68)


def test_approvals_since_a_year_fill_elided_nouns() -> None:
    facts = _facts("qingzhou-2021-plan")
    approved = {(f.subject, f.value) for f in facts if f.kind == "approved" and f.line == 6}
    assert {("省级科技企业孵化器", 4), ("潍坊市级科技企业孵化器", 4), ("省级众创空间", 6),
            ("潍坊市级众创空间", 2), ("科技部星创天地", 3)} <= approved
    assert all(f.compare_year == 2016 for f in facts if f.kind == "approved")


def test_levels_carry_comparators_and_skip_bare_changes_and_ranks() -> None:
    facts = _facts("qingzhou-2021-plan")
    contracts = _find(facts, "登记技术合同成交额", 13)
    assert (contracts.comparator, contracts.year) == (">=", 2020)
    assert not any(f.unit == "个百分点" and f.kind == "level" for f in facts)
    weihai = _facts("weihai-2022-plan")
    assert not any(f.unit == "名" and f.value == 2 for f in weihai)  # 第2名 is a rank


def test_table_notes_count_marked_cells() -> None:
    notes = [f for f in _facts("zhifu-2021-plan") if f.kind == "table_note"]
    assert [(f.subject, f.value, f.line) for f in notes] == [("*", 0, 101), ("[]", 2, 101)]
    assert _facts("yantai-2024-opinion") == []


def _doc(*blocks: Block) -> Document:
    return Document(blocks=list(blocks), source="synthetic", format="txt")


def test_future_sentences_and_goal_sections_give_no_facts() -> None:
    doc = _doc(
        Block("heading", "二、发展目标", level=2, line=1),
        Block("paragraph", "到2030年，高新技术企业达到450家，比2025年增加150家。", line=2),
        Block("paragraph", "2024年，全区拥有高新技术企业260家。", line=3),
    )
    plan = Plan(meta=Meta(period_start=2026, period_end=2030))
    facts = extract_facts(doc, plan)
    assert [(f.kind, f.subject, f.value, f.year, f.line) for f in facts] == [
        ("level", "高新技术企业", 260, 2024, 3)]


def test_in_table_note_rows_and_other_markers() -> None:
    doc = _doc(
        Block("paragraph", "表3 主要指标", line=1),
        table_block([["指标名称", "2025年", "2030年"], ["专利授权量(件)", "120△", "200"],
                     ["注：△为2024年数据，※为估计值", "", ""]], line=2),
    )
    facts = extract_facts(doc, Plan(meta=Meta(period_start=2026, period_end=2030)))
    assert [(f.subject, f.value) for f in facts] == [("△", 1), ("※", 0)]


def test_facts_round_trip_through_plan_json(tmp_path: Path) -> None:
    plan = extract_file(SEEDS / "zibo-2022-plan.txt")
    path = tmp_path / "p.json"
    path.write_text(plan.model_dump_json(), encoding="utf-8")
    again = Plan.model_validate_json(path.read_text(encoding="utf-8"))
    assert again.facts == plan.facts and len(again.facts) > 20
