"""Prose targets: synthetic plans in other layouts, checked value by value."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.extract.targets import extract_targets, is_past_sentence
from planwatch.extract.targets_parse import find_mentions, parse_sentence
from planwatch.extract.targets_text import Period, zone_of
from planwatch.model.plan import Baseline, Indicator, Plan, Target
from planwatch.parse.document import Block, Document
from planwatch.parse.registry import read_document

FIXTURES = Path(__file__).parent / "fixtures"


def _row(t: Target) -> tuple[object, ...]:
    return (t.subject, t.value, t.value_max, t.unit, t.year, t.period, t.comparator, t.kind)


def _doc(*texts: str) -> Document:
    return Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate(texts)])


def test_fifteenth_plan_fixture() -> None:
    result = extract_targets(read_document(FIXTURES / "targets_15th_plan.txt"), Plan())
    assert [_row(t) for t in result.targets] == [
        ("高新技术企业", 2000, None, "家", 2030, "by_year", ">=", "level"),
        ("科技型中小企业", 3500, None, "家", 2030, "by_year", ">=", "level"),
        ("规模以上工业企业研发投入年均增长", 8, None, "%", 2030, "by_year", ">=", "growth_rate"),
        ("新增高技能人才", 20000, None, "人", 2030, "by_year", "=", "increment"),
        ("引进博士", 300, None, "名", None, "annual", "~", "increment"),
        ("研发经费投入强度每年提高", 2, None, "百分点", None, "annual", "=", "change_per_year"),
        ("培育科技领军企业", 3, 5, "家", None, "plan_period", "=", "increment"),
        ("创新型城市排名", 10, None, "名", None, "plan_period", "<=", "rank"),
    ]
    first = result.targets[0]
    assert first.baseline is not None
    assert (first.baseline.year, first.baseline.value) == (2025, 1200)
    assert result.targets[4].quote == "引进博士 300 名左右"


def test_messy_fixture_chinese_numerals_and_exclusions() -> None:
    result = extract_targets(read_document(FIXTURES / "targets_messy.txt"), Plan())
    assert [_row(t) for t in result.targets] == [
        ("高新技术企业", 3500, None, "家", 2030, "by_year", "=", "level"),
        ("新建省级重点实验室", 12, None, "家", 2030, "by_year", ">=", "increment"),
    ]


def test_coordinated_subjects_with_fenbie() -> None:
    doc = _doc("到2025年，高新技术企业、科技型中小企业分别达到 1800 家和 2700 家以上。")
    rows = [(t.subject, t.value, t.comparator) for t in extract_targets(doc, Plan()).targets]
    assert rows == [("高新技术企业", 1800, "="), ("科技型中小企业", 2700, ">=")]


def test_object_list_keeps_verb_and_nouns() -> None:
    doc = _doc("布局建设 3 家全国重点实验室、30 家省重点实验室，每年引进 500 名左右外国专家、"
               "400 名左右海外留学生。")
    rows = [(t.subject, t.value, t.period) for t in extract_targets(doc, Plan()).targets]
    assert rows == [("布局建设全国重点实验室", 3, "plan_period"),
                    ("布局建设省重点实验室", 30, "plan_period"),
                    ("引进外国专家", 500, "annual"), ("引进海外留学生", 400, "annual")]


def test_repeated_commitment_listed_once_with_year() -> None:
    doc = _doc("力争实现申报实施各类科技计划项目150项以上。",
               "到2025年，申报实施各类科技计划项目150项以上。")
    targets = extract_targets(doc, Plan()).targets
    assert [(t.value, t.year, t.period) for t in targets] == [(150, 2025, "by_year")]


def test_baseline_from_indicator_table() -> None:
    plan = Plan(indicators=[Indicator(name="高新技术企业数", unit="个", baseline_year=2020,
                                      baseline=738, target_year=2025, target=1500)])
    doc = _doc("到 2025 年，高新技术企业超过 1500 家。")
    target = extract_targets(doc, plan).targets[0]
    assert target.baseline is not None and target.baseline.value == 738


def test_increment_restating_a_table_row_is_a_level() -> None:
    plan = Plan(indicators=[Indicator(name="孵化载体累计培育高新技术企业数量", unit="家",
                                      baseline_year=2025, baseline=58, target_year=2030,
                                      target=120)])
    doc = _doc("到2030年，累计培育高新技术企业120家以上，新增众创空间120家。")
    first, second = extract_targets(doc, plan).targets
    assert (first.kind, first.baseline) == ("level", Baseline(year=2025, value=58))
    assert (second.kind, second.baseline) == ("increment", None)


def test_past_and_names_are_not_targets() -> None:
    doc = _doc("（一）发展基础", "“十三五”期间，全市高新技术企业达到 738 家。",
               "（二）发展目标", "构建“331”实验室体系，实施“1+4+N”工程，推进四强产业。",
               "到2025年，形成五大产业集群。")
    assert extract_targets(doc, Plan()).targets == []


def test_unparsed_number_finding_in_goal_section() -> None:
    doc = _doc("（二）发展目标", "到2025年，5 个特色产业基地基本建成。")
    result = extract_targets(doc, Plan())
    assert result.targets == []
    assert [(f.code, f.line) for f in result.findings] == [("unparsed-number", 2)]


@pytest.mark.parametrize(("text", "expected"), [
    ("分别达到 190 家和 300 家以上", [(190, "家", "="), (300, "家", ">=")]),
    ("新增高级技能人才 2 万人", [(20000, "人", "=")]),
    ("稳定在 65% 左右", [(65, "%", "~")]),
    ("进入全国高新区前30强", [(30, "强", "<=")]),
    ("年产1万台装载机，T1100 级碳纤维，第 2 名", []),
])
def test_find_mentions(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(m.value, m.unit, m.comparator) for m in find_mentions(text)] == expected


def test_past_sentence_detection() -> None:
    period = Period(2021, 2025)
    assert is_past_sentence("截至2020年底，全市拥有高新技术企业703家。", period)
    assert is_past_sentence("高新技术企业数量从 2015 年的 22 家增长到 2020 年的 132 家。", period)
    assert not is_past_sentence("到2025年，高新技术企业达到1800家。", period)


def test_parse_sentence_rank_hundred() -> None:
    cands, _ = parse_sentence("跻身全国科技创新百强县（市）。")
    assert [(c.subject, c.value, c.unit, c.kind) for c in cands] == [
        ("全国科技创新百强县（市）", 100, "强", "rank")]


def _heading(text: str, level: int, line: int) -> Block:
    return Block("heading", text, level=level, line=line)


def test_zone_scope_from_section_heading_and_box_title() -> None:
    """A section or 专栏 about one zone scopes its targets, unless the sentence says 全市."""
    doc = Document(blocks=[
        _heading("（二）做强经济技术开发区创新引擎", 2, 1),
        Block("paragraph", "到2030年，规模以上工业企业达到300家以上。", line=2),
        _heading("专栏3 园区提质工程", 5, 3),
        Block("paragraph", "到2030年，全市高新技术企业达到900家。", line=4),
        _heading("（三）推进各区县、开发区特色发展", 2, 5),
        Block("paragraph", "到2030年，科技型中小企业达到1200家。", line=6),
    ])
    subjects = [t.subject for t in extract_targets(doc, Plan()).targets]
    assert subjects == ["规模以上工业企业（经开区）", "高新技术企业", "科技型中小企业"]


@pytest.mark.parametrize(("heading", "zone"), [
    ("（一）全面提升高新区创新引领带动作用", "高新区"),
    ("专栏2 国家级高新技术产业开发区建设重点任务", "高新区"),
    ("三、推进园区集约发展", "园区"),
    ("（四）推进创新型产业园区在各区市、开发区的特色专业发展", None),
    ("（五）强化企业创新主体地位", None),
])
def test_zone_of_heading(heading: str, zone: str | None) -> None:
    assert zone_of(heading) == zone
