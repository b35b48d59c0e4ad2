"""Numbers in prose targets as real policy texts print them (issue: comparators, separators,
ranges, baselines, list numbers, subjects when the number comes first)."""

from __future__ import annotations

import pytest

from planwatch.extract.targets import extract_targets
from planwatch.extract.targets_parse import parse_sentence
from planwatch.model.plan import Meta, Plan
from planwatch.parse.document import Block, Document


def _rows(sentence: str) -> list[tuple[object, ...]]:
    cands, _ = parse_sentence(sentence)
    return [(c.subject, c.comparator, c.value, c.value_max, c.unit) for c in cands]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("到2027年，战略性新兴产业增加值占比超35%，高新技术企业超200家。", [
        ("战略性新兴产业增加值占比", ">=", 35, None, "%"),
        ("高新技术企业", ">=", 200, None, "家")]),
    ("到2027年，引进高层次人才超万人，培育科技型企业近千家。", [
        ("引进高层次人才", ">=", 10000, None, "人"), ("培育科技型企业", "~", 1000, None, "家")]),
    ("到2027年，高新技术企业达到2,300家。", [("高新技术企业", "=", 2300, None, "家")]),
    ("到2027年，单个园区研发投入不超过200万元。", [("单个园区研发投入", "<=", 200, None, "万元")]),
    ("到2027年，规上工业企业中有研发活动的比例逾50%。", [
        ("规上工业企业中有研发活动的比例", ">=", 50, None, "%")]),
    ("到2030年，数字经济核心产业增加值占GDP比重提高至15%。", [
        ("数字经济核心产业增加值占GDP比重", "=", 15, None, "%")]),
    ("到2027年，形成20-30个具有国际影响力的产业集群。", [
        ("形成具有国际影响力的产业集群", "=", 20, 30, "个")]),
    ("到2027年，培育创新联合体10家，其中3—5家达到国内领先水平。", [
        ("培育创新联合体", "=", 10, None, "家"),
        ("达到国内领先水平的创新联合体", "=", 3, 5, "家")]),
    ("1.500万元以上的项目", [("项目", ">=", 500, None, "万元")]),
])
def test_numbers_as_printed(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


def test_from_to_gives_target_and_its_baseline() -> None:
    doc = Document(blocks=[Block("paragraph", "到2027年，研发投入强度从2.5%提高到3.2%。", line=1)])
    plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2024, period_end=2027))
    (t,) = extract_targets(doc, plan).targets
    assert (t.subject, t.value, t.year) == ("研发投入强度", 3.2, 2027)
    assert t.baseline is not None and (t.baseline.year, t.baseline.value) == (2023, 2.5)


def test_fragments_are_never_subjects() -> None:
    for sentence in ("到2027年，的10%以上。", "到2025年，至10%。", "新增的30%以上。"):
        assert _rows(sentence) == [], sentence
