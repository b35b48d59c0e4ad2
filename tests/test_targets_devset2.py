"""Rules learnt from the second dev set (issue 7): synthetic sentences, one rule each."""

from __future__ import annotations

import pytest

from planwatch.extract.commitment import REASONS, Statement, classify
from planwatch.extract.targets import is_past_sentence
from planwatch.extract.targets_parse import find_mentions, parse_sentence
from planwatch.extract.targets_text import Period


def _cands(sentence: str) -> list[tuple[object, ...]]:
    cands, _ = parse_sentence(sentence)
    return [(c.value, c.value_max, c.unit, c.comparator, c.kind) for c in cands]


def _reason(sentence: str, number: str) -> str:
    at = sentence.index(number)
    m = next(x for x in find_mentions(sentence) if x.start == at)
    return classify(Statement(sentence, m.start, m.end, m.unit, m.comparator,
                              "implementation_opinion")).reason


def test_person_and_case_units() -> None:
    assert _cands("选择100位知名专家，收集整理15000例典型医案。") == [
        (100, None, "位", "=", "increment"), (15000, None, "例", "=", "increment")]
    assert _cands("构建不少于10万例数据的传承平台。")[0][:3] == (100000, None, "例")


def test_more_than_suffix_is_a_floor() -> None:
    assert _cands("开展2300余种中医药古籍整理。") == [(2300, None, "种", ">=", "increment")]


def test_attributive_past_does_not_make_the_sentence_past() -> None:
    period = Period(2016, 2020)
    assert not is_past_sentence(
        "重点针对诊疗方案成熟、已经具备一定循证证据的疾病，完成6-8个临床研究。", period)
    assert is_past_sentence("全省已经建成孵化器300家。", period)
    assert _reason("针对已上市的中药大品种，选择40-50个品种开展安全性研究。", "40") \
        == "commitment-verb"


@pytest.mark.parametrize(("sentence", "number"), [
    ("今年赤字率拟按3.6%以上安排，财政赤字规模比去年增加1万亿元。", "3.6"),
    ("今年赤字率拟按3.6%以上安排，财政赤字规模比去年增加1万亿元。", "1万"),
    ("同时发行1万亿元抗疫特别国债。", "1万"),
    ("中央预算内投资安排6000亿元。", "6000"),
    ("增加国家铁路建设资本金1000亿元。", "1000"),
    ("其中非急需非刚性支出压减50%以上。", "50"),
])
def test_budget_allocations_are_not_targets(sentence: str, number: str) -> None:
    assert _reason(sentence, number) == "budget-allocation"
    assert REASONS["budget-allocation"][0] == "other"


def test_a_bare_list_shares_the_first_comparator_and_kind() -> None:
    assert _cands("存款、贷款和保费增速分别高于10%、12%和6%。") == [
        (10, None, "%", ">=", "growth_rate"), (12, None, "%", ">=", "growth_rate"),
        (6, None, "%", ">=", "growth_rate")]
    # a comparator after one item stays with it (4000项、新品种6000个以上)
    assert [c[3] for c in _cands("累计推广应用农业新技术4000项、新品种6000个以上。")] == ["=", ">="]


def test_kinds_of_flows_and_levels() -> None:
    assert _cands("力争全省新增社会融资规模4万亿元。")[0][4] == "increment"
    assert _cands("工业投资年均同比新增超过1000亿元。")[0][4] == "change_per_year"
    assert _cands("居民消费价格涨幅3.5%左右。")[0][4] == "growth_rate"
    assert _cands("实现6万家规模以上工业企业数字化转型。")[0][4] == "increment"
    assert _cands("建成产业园区或基地15个以上。")[0][4] == "level"
    assert _cands("为制造业提供融资1万亿元以上。")[0][4] == "increment"


def _subjects(sentence: str) -> list[tuple[object, ...]]:
    cands, _ = parse_sentence(sentence)
    return [(c.subject, c.value, c.unit, c.comparator) for c in cands]


def test_round_count_after_a_verb_but_not_in_a_programme_name() -> None:
    assert _subjects("支持企业培训万名制造业新工匠。")[0][1:3] == (10000, "名")
    assert _subjects("开展培育千名青年农场主行动计划。") == []


def test_compound_unit_and_prefix_floor() -> None:
    assert _subjects("规模以上制造业全员劳动生产率达到37万元/人。")[0][1:3] == (37, "万元/人")
    assert _subjects("支持各市至少建设1家港澳青年创新创业基地。")[0][3] == ">="


def test_noun_after_the_number_completes_the_subject() -> None:
    subject = _subjects("打造30个具有鲜明产业特色、产业核心竞争力的“万亩千亿”产业发展平台。")[0][0]
    assert "产业发展平台" in str(subject)
    assert "小升规" in str(_subjects("力争5年累计推动3万家以上企业“小升规”。")[0][0])
    heritage = _subjects("系统整理、挖掘和传承100位知名中医专家的学术经验。")
    assert "知名中医专家" in str(heritage[0][0])


def test_enrolment_and_required_growth_are_commitments() -> None:
    assert _subjects("今明两年高职院校扩招200万人。")[0][1:3] == (2000000, "人")
    assert _reason("大型商业银行普惠型小微企业贷款增速要高于40%。", "40") == "commitment-verb"


def test_a_dash_opens_the_clause_of_a_past_fact() -> None:
    from planwatch.extract.targets_baseline import past_facts
    from planwatch.extract.targets_text import Para

    para = Para("截至2015年末，跨区域技术转移协作网络--中国创新驿站站点92家。", [])
    facts = past_facts(para, Period(2016, 2020))
    assert [(f.subject, f.value, f.year) for f in facts] == [("中国创新驿站站点", 92, 2015)]


def test_an_amount_naming_a_class_stays_in_the_subject() -> None:
    rows = _subjects("培育形成年营收超50亿元的企业5家以上，超10亿元的企业30家以上。")
    assert rows == [("培育形成年营收超50亿元的企业", 5, "家", ">="),
                    ("培育形成超10亿元的企业", 30, "家", ">=")]  # the verb runs on


def test_subject_reaches_back_past_a_bare_year_clause() -> None:
    rows = _subjects("产业营收年均增长超15%，到2025年，超过1800亿元。")
    assert rows[1] == ("产业营收", 1800, "亿元", ">=")


def test_amount_before_a_listed_description_names_a_class() -> None:
    assert _reason("重点遴选销售额5亿元以上的、具有临床重大需求的品种。", "5") == "money-class"


def test_class_thresholds_stay_in_the_subject() -> None:
    rows = _subjects("培育20个产值过100亿元、30个产值过50亿的园区。")
    assert [r[:3] for r in rows] == [("培育产值过100亿元的园区", 20, "个"),
                                     ("培育产值过50亿的园区", 30, "个")]
    rows = _subjects("到2027年，培育形成10个以上产值超万亿元的战略性产业集群。")
    assert rows[0][0] == "培育形成产值超万亿元的战略性产业集群"
    rows = _subjects("营业收入1～10亿元以上高新技术企业达5000家。")
    assert rows == [("营业收入1～10亿元以上高新技术企业", 5000, "家", "=")]
    # an amount that a verb spends is not a class (投资超100亿元建设产业园10个)
    assert [r[1] for r in _subjects("力争投资超100亿元建设产业园10个。")] == [100, 10]


def test_what_is_held_completes_the_subject() -> None:
    assert _subjects("每年举办或参与200场左右展会。")[0][0] == "举办或参与展会"  # both verbs


def test_idioms_with_wei_are_not_counts() -> None:
    assert _subjects("推广投融资三位一体模式，实现两位数增长。") == []


def test_references_and_race_names_are_not_counts() -> None:
    assert _subjects("是四种提供方式之一（其他三种分别是跨境提供、境外消费和商业存在）。") == []
    assert _subjects("举办上海长滩半程马拉松、樱花女子10公里跑等赛事。") == []


def test_forming_outputs_is_a_flow_forming_clusters_a_level() -> None:
    assert _cands("形成3-5项中药绿色制造新工艺新技术。")[0][4] == "increment"
    assert _cands("完善国际标准，形成不少于50项药典标准。")[0][4] == "increment"
    assert _cands("形成20-30个具有较强国际竞争力的创新型产业集群。")[0][4] == "level"
