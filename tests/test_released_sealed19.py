"""Shapes met in sealed set 19 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

from planwatch.extract.departments import parse_note
from planwatch.extract.targets_parse import parse_sentence


def test_round_counts_after_a_bare_verb() -> None:
    cands, _ = parse_sentence("到2028年，建成百个创业社区，培育千家标杆企业，集聚万名创业人才。")
    assert [(c.subject, c.value, c.unit) for c in cands] == [
        ("建成创业社区", 100, "个"), ("培育标杆企业", 1000, "家"), ("集聚创业人才", 10000, "名")]


def test_a_definition_in_brackets_is_no_clause_of_the_goal() -> None:
    cands, _ = parse_sentence(
        "到2028年年底，全市一人公司（即依托个人或微型团队，运用大模型等工具独立完成设计、研发、"
        "运营全流程的新型创业组织，以下简称OPC）数量突破100家；")
    assert [(c.subject, c.value, c.unit) for c in cands] == [("一人公司数量", 100, "家")]


def test_a_rider_saying_the_counties_are_not_listed_again() -> None:
    res = parse_note("责任单位：市数据局、各县区人民政府，以下均涉各县区、功能区，不再重复列出")
    assert (res.lead, res.support) == (["市数据局", "各县区人民政府"], [])
