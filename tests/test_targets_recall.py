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


def test_money_with_its_unit_left_out_is_in_yuan_not_a_count() -> None:
    # (income, output, value: 元 as every reader takes it; a vaguer 规模 stays unread)
    assert _rows("到2030年，软件产业营业收入突破800亿，") == [
        ("软件产业营业收入", ">=", 800, "亿元", "level")]
    assert _rows("到2030年，产业规模突破800亿，") == []


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


@pytest.mark.parametrize(("sentence", "expected"), [
    ("推动各市原则上不少于三分之二的政务事项实现“掌上办”。", [
        ("各市政务事项实现“掌上办”的比例", ">=", 66.67, "%", "level")]),
    ("强化质量监管，按照每年不低于15%的比例对生产企业进行抽查。", [
        ("对生产企业进行抽查的比例", ">=", 15, "%", "level")]),
    ("9月底前实现“出生登记”“社保转移”等8项高频事项“一网通办”。", [
        ("高频事项“一网通办”", "=", 8, "项", "level")]),
    ("力争年底前，全市下放审批权限的事项达60项、"
     "某某经济技术开发区（以下简称经开区）的事项达90项。", [
        ("下放审批权限的事项", "=", 60, "项", "level"),
        ("经开区下放审批权限的事项", "=", 90, "项", "level")]),
])
def test_shares_checks_and_elliptic_subjects(sentence: str,
                                             expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


def test_achieving_a_result_is_reported_not_promised() -> None:
    assert _rows("2022年全市软件产业实现营业收入1200亿元。") == []


def test_named_programmes_are_counted_not_promised() -> None:
    text = "推进人才振兴行动，重点实施“领航”、“扬帆”、“强基”等3项计划。"
    doc = Document(blocks=[Block("paragraph", text, line=1)])
    plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2024, period_end=2026))
    result = extract_targets(doc, plan)
    assert result.targets == []
    assert [v.reason for v, _ in result.rejected] == ["named-programmes"]


def test_a_bare_generic_noun_takes_the_topic_the_document_defines() -> None:
    texts = ["推进区域创新联盟建设方案",
             "区域创新联盟和产业技术联盟（以下简称创新联盟）是协同创新的重要载体。",
             "到2027年，培育8—12个项目，启动2个省级创新联盟。"]
    doc = Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate(texts)])
    plan = Plan(meta=Meta(title="推进区域创新联盟建设方案", doc_type="implementation_opinion",
                          period_start=2024, period_end=2027))
    subjects = [t.subject for t in extract_targets(doc, plan).targets]
    assert subjects == ["培育项目（创新联盟）", "启动省级创新联盟"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("到2027年，研发5-8个新型医用材料。", [("研发新型医用材料", "=", 5, "个", "increment")]),
    ("选择20-30种常用药材开展品质评价研究。", [
        ("选择常用药材开展品质评价研究", "=", 20, "种", "increment")]),
    ("到2027年，每万从业人员研发人员超180人。", [
        ("每万从业人员研发人员", ">=", 180, "人", "level")]),
    ("甲市增加2万个停车泊位、乙市增加5000个停车泊位。", [
        ("增加停车泊位", "=", 20000, "个", "increment"),
        ("增加停车泊位", "=", 5000, "个", "increment")]),
])
def test_more_action_verbs(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


def test_a_count_of_quoted_programmes_is_a_reference() -> None:
    for text in ("深入开展“甲工程”“乙工程”“丙工程”三项工程标准化行动。",
                 "重点监测研发投入强度、专利拥有量、企业数量等5个关键指标，定期开展评价。"):
        doc = Document(blocks=[Block("paragraph", text, line=1)])
        plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2024,
                              period_end=2026))
        assert extract_targets(doc, plan).targets == [], text


def _kept(text: str) -> list[Target]:
    doc = Document(blocks=[Block("paragraph", text, line=1)])
    plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2024, period_end=2026))
    return extract_targets(doc, plan).targets


def test_forecasts_are_not_commitments() -> None:
    assert _kept("预计每年纳入试点的项目数将突破3000项。") == []
    assert len(_kept("力争每年纳入试点的项目数突破3000项。")) == 1


def test_a_count_of_the_items_just_named_is_a_reference_unless_it_is_a_result() -> None:
    assert _kept("重点培育发展甲产业、乙产业、丙产业和丁产业等4个产业集群。") == []
    (t,) = _kept("9月底前实现“出生登记”“社保转移”“医保转移”等3项事项“跨省通办”。")
    assert t.value == 3
    assert _kept("到2026年，严守用地控制、用能控制和排放控制三条红线。") == []
    assert len(_kept("到2026年，甲市增加3万个停车泊位、乙市增加1万个停车泊位。")) == 2


def test_lists_deadlines_and_parts_of_a_goal() -> None:
    # an item of a list that runs on as a bare noun and its count
    rows = _rows("到2027年，培育产值超50亿的龙头企业3家，产值超10亿的骨干企业20家。")
    assert [(r[0], r[2]) for r in rows] == [
        ("培育产值超50亿的龙头企业", 3), ("培育产值超10亿的骨干企业", 20)]
    # …but a stand-alone indicator keeps its own reading
    rows = _rows("到2027年，新建园区30个，授权发明专利数在800个以上。")
    assert [r[4] for r in rows] == ["increment", "level"]
    # 年内 commits like a year does
    (t,) = _kept("推广新型质押融资，年内融资300亿元以上。")
    assert (t.value, t.unit, t.comparator) == (300, "亿元", ">=")
    # 其中 opens a part of the goal, not a threshold clause
    text = "到2026年，高新技术企业数量大幅增加，其中园区内高新技术企业比重达60%以上。"
    assert [t.value for t in _kept(text)] == [60]
    assert [r[2] for r in _rows("重点推进5-8个省级产业基地建设。")] == [5]


def test_a_noun_item_without_a_committed_neighbour_stays_out() -> None:
    text = "形成一批骨干企业，国际知名品牌2个。"
    assert _kept(text) == []
    text = "加快新产品开发，形成产值突破10亿元的产品群3-5个，国际知名品牌1-2个。"
    values = [t.value for t in _kept(text)]
    assert values == [3, 1]


def test_counts_right_after_a_generic_action_verb() -> None:
    rows = _rows("到2027年，完成5-8个新药品种的国际注册，提升10种常见病防治水平。")
    assert [(r[0], r[2]) for r in rows] == [
        ("完成新药品种的国际注册", 5), ("提升常见病防治水平", 10)]
    # a count of the ways or stages a text describes is a reference, a count of things is not
    assert _rows("探索形成政府支持产业创新的三种模式：") != []
    assert _kept("探索形成政府支持产业创新的三种模式：") == []


def test_adverbs_before_the_verb_and_goals_listed_after_an_amount() -> None:
    rows = _rows("高起点、高标准推进6个大型物流枢纽建设。")
    assert [(r[0], r[2], r[4]) for r in rows] == [("推进大型物流枢纽建设", 6, "increment")]
    text = "到2027年，力争主平台工业产值超1.2万亿元、承接产业转移项目数超过2000个。"
    assert [(t.value, t.unit) for t in _kept(text)] == [(12000, "亿元"), (2000, "个")]


def test_later_sentences_of_a_dated_paragraph_state_goals_for_that_year() -> None:
    text = ("到2026年，全省园区发展质量显著提升。园区营业收入超3万亿元，"
            "园区内高新技术企业占比超40%；评选发布园区百强优质企业，认定示范基地12个。")
    got = [(t.value, t.year) for t in _kept(text)]
    assert got == [(30000, 2026), (40, 2026), (12, 2026)]


def test_standards_to_write_and_work_to_complete_are_commitments() -> None:
    assert [t.value for t in _kept("制定实验动物穴位定位的国家标准、国际标准2-3项。")] == [2]
    assert [t.value for t in _kept("完成10种新药材的临床前研究资料。")] == [10]


def test_the_explanation_of_a_rules_document_commits_to_nothing() -> None:
    text = "到2026年，拟扩区的省级高新区土地开发率达到80%以上。"
    doc = Document(blocks=[Block("paragraph", text, line=1)])
    plan = Plan(meta=Meta(title="《某省人民政府关于印发某省高新区管理办法的通知》政策解读"))
    result = extract_targets(doc, plan)
    assert result.targets == []
    assert [v.reason for v, _ in result.rejected] == ["regulation-document"]
