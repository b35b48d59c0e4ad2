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
    ("培育5-8个销售额过30亿元的重大品种。", [
        ("培育销售额过30亿元的重大品种", "=", 5, 8, "个"),
        ("培育重大品种", "=", 30, None, "亿元")]),
    ("到2030年，规上工业总产值达到1.39万亿元。", [("规上工业总产值", "=", 13900, None, "亿元")]),
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


def test_class_threshold_stays_in_the_subject_and_is_no_target() -> None:
    text = "到2027年，培育3家营业收入超100亿元的企业。"
    doc = Document(blocks=[Block("paragraph", text, line=1)])
    plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2024, period_end=2027))
    result = extract_targets(doc, plan)
    assert [(t.subject, t.value, t.unit) for t in result.targets] == [
        ("培育营业收入超100亿元的企业", 3, "家")]
    assert [v.reason for v, _ in result.rejected] == ["money-class"]


def test_list_runs_on_after_a_comma_with_the_same_verb() -> None:
    rows = _rows("到2020年，培育30个产值过50亿的园区，3000个农业高新技术企业，"
                 "10000个农业技术成果推广示范基地。")
    assert [(r[0], r[2]) for r in rows] == [
        ("培育产值过50亿的园区", 30), ("培育农业高新技术企业", 3000),
        ("培育农业技术成果推广示范基地", 10000)]
    assert _rows("梳理至少50项服务事项进驻一体机平台。") == [
        ("梳理服务事项进驻一体机平台", ">=", 50, None, "项")]


def test_one_year_document_dates_its_measures() -> None:
    texts = ["2021年某省推进政府职能转变重点工作安排", "2021年4月30日",
             "在全省投放不少于250台政务服务一体机。", "2021年新增建成公共充电桩超过2万个。"]
    doc = Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate(texts)])
    from planwatch.extract.pipeline import extract_plan

    plan = extract_plan(doc)
    assert (plan.meta.doc_type, plan.meta.period_start, plan.meta.period_end) == (
        "implementation_opinion", 2021, 2021)
    assert [(t.subject, t.value, t.year, t.kind) for t in plan.targets] == [
        ("投放政务服务一体机", 250, 2021, "increment"),
        ("新增建成公共充电桩", 20000, 2021, "increment")]


def test_second_object_of_a_list_keeps_its_noun() -> None:
    rows = _rows("47.支持银行机构精准对接1570个重点项目和103个关键项目。")
    # the item number 47. is blanked, so the sentence reads as it would without it
    assert [r[2] for r in rows] == [1570, 103]
    assert [r[0] for r in rows] == [r[0] for r in _rows("支持银行机构精准对接1570个重点项目和"
                                                         "103个关键项目。")]
    assert rows[0][0].endswith("对接重点项目") and rows[1][0].endswith("关键项目")


def test_breakthrough_with_an_object_is_a_flow() -> None:
    cands, _ = parse_sentence("到2020年，突破10-15项重大核心关键技术。")
    assert [(c.subject, c.comparator, c.kind) for c in cands] == [
        ("突破重大核心关键技术", "=", "increment")]  # the verb, as in 突破…并推广应用
    cands, _ = parse_sentence("到2020年，技术合同成交额突破3000亿元。")
    assert [(c.comparator, c.kind) for c in cands] == [(">=", "level")]


@pytest.mark.parametrize(("sentence", "kind"), [
    # a share is where things stand, whatever verb of building or adding comes before it
    ("新建交通设施建筑屋顶安装光伏面积不低于50%。", "level"),
    ("新建集中式风光电站置信出力原则上应不低于10%。", "level"),
    ("推动新增或更新货运城配车辆100%新能源化。", "level"),
    # a rise by a share of itself is a rate; a rise to a share is a level
    ("重点企业生产效率提高20%以上。", "growth_rate"),
    ("力争实现建筑能效提升30%以上。", "growth_rate"),
    ("高新技术企业占比提高到30%。", "level"),
    # what gathers in a place is how many will be there (集聚…), unless it is trained or brought
    ("集聚1000家以上具备技术能力的OPC主体。", "level"),
    ("集聚培育约1000名制造业卓越工程师。", "increment"),
])
def test_what_kind_a_share_is(sentence: str, kind: str) -> None:
    cands, _ = parse_sentence(sentence)
    assert [c.kind for c in cands] == [kind], sentence


@pytest.mark.parametrize(("sentence", "expected"), [
    ("到2027年，更新微机房11间。", [("更新微机房", "=", 11, None, "间")]),
    ("到2025年，新建公用充电桩4227根。", [("新建公用充电桩", "=", 4227, None, "根")]),
    ("建设15-20口应急供水深井。", [("建设应急供水深井", "=", 15, 20, "口")]),
    ("推动5款以上脑机接口产品完成型式检验。",
     [("推动脑机接口产品完成型式检验", ">=", 5, None, "款")]),
    ("到2030年，集装箱年吞吐量达到5800万标准箱以上。",
     [("集装箱年吞吐量", ">=", 58000000, None, "标准箱")]),
    ("海铁联运量达到100万TEU。", [("海铁联运量", "=", 1000000, None, "TEU")]),
    ("加强项目之间的协同，3年间完成改造。", []),  # 之间 / 年间: no count of rooms
])
def test_rooms_and_containers_are_counted(sentence: str,
                                          expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a note after the number counts nothing: the subject is what comes before
    ("全市新增光伏装机容量确保达到120MW，力争达到180MW（本口径不含仓储领域）。",
     [("新增光伏装机容量（确保）", "=", 120, None, "MW"),
      ("新增光伏装机容量（力争）", "=", 180, None, "MW")]),
    # the counted noun after a note may open with a quote mark
    ("新建15条（段）“美丽街区”。", [("新建“美丽街区”", "=", 15, None, "条")]),
    # a change whose subject kept only its change word: the change of the level before it
    ("前沿新材料产业营业收入超过1000亿元，年均增长达到15%以上。",
     [("前沿新材料产业营业收入", ">=", 1000, None, "亿元"),
      ("前沿新材料产业营业收入增长", ">=", 15, None, "%")]),
    # a total after a bare item (no work of its own, so no target): the total of that noun
    ("特色道路10条，总计达20条。", [("特色道路总计", "=", 20, None, "条")]),
    # 目标到2028年 opens the sentence: the year frames it, the subject starts after it
    ("目标到2028年服务贸易进出口超3100亿美元。", [("服务贸易进出口", ">=", 3100, None, "亿美元")]),
    ("2025年前完成总目标的75%。", [("完成总目标", "=", 75, None, "%")]),  # a deadline frames it
    # the 将 of an object put first or of the future, a joining 或, a year after the noun
    ("力争将伦理审查总体流程时间压缩至3周以内。", [("伦理审查总体流程时间", "<=", 3, None, "周")]),
    ("将建成充换电站500座。", [("建成充换电站", "=", 500, None, "座")]),
    ("或室外人均用地不低于0.3平方米。", [("室外人均用地", ">=", 0.3, None, "平方米")]),
    ("中心城区绿色出行比例到2030年达到78%左右。", [("中心城区绿色出行比例", "~", 78, None, "%")]),
    # 均 over a list, a modal before the verb (not 许可, not 适宜, not 人均)
    ("村集体经济组织年经营性收入均达到100万元以上。",
     [("村集体经济组织年经营性收入", ">=", 100, None, "万元")]),
    ("电动公交车充电需求将达到2.89亿千瓦时。",
     [("电动公交车充电需求", "=", 2.89, None, "亿千瓦时")]),
    ("新能源利用率可降低至90%。", [("新能源利用率", "=", 90, None, "%")]),
    ("试点社区居住人口规模宜为5000-12000人。", [("试点社区居住人口规模", "=", 5000, 12000, "人")]),
    ("城乡居民人均达到3万元。", [("城乡居民人均", "=", 3, None, "万元")]),
    ("地区生产总值力争迈上3万亿元。", [("地区生产总值", "=", 30000, None, "亿元")]),  # a level verb
    # an area opening the sentence before a comma: what holds there
    ("第二档地区，新能源利用率原则上不低于90%。",
     [("第二档地区新能源利用率原则上", ">=", 90, None, "%")]),
    ("中心城区，公交出行率达到30%。", [("中心城区公交出行率", "=", 30, None, "%")]),
    # a joining word or 在 left at the end
    ("法律服务业营收在200亿元以上。", [("法律服务业营收", ">=", 200, None, "亿元")]),
    ("加快推进3个既有园区和至少1个科创园区的提质增效。",
     [("推进既有园区", "=", 3, None, "个"), ("推进科创园区的提质增效", ">=", 1, None, "个")]),
    # a count that is part of a name in a list of places 在/向 opens is no count; a list of
    # work keeps its counts
    ("在临港新片区、虹桥国际中央商务区、五个新城等重点区域加强海绵城市建设。", []),
    ("郊区新增住房重点向临港新片区、虹桥国际开放枢纽、五个新城等集聚。", []),
    ("建设科创园区、五个示范基地、2个中心。",
     [("建设示范基地", "=", 5, None, "个"), ("建设中心", "=", 2, None, "个")]),
])
def test_subjects_name_what_is_measured(sentence: str,
                                        expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a ratio or index measured without a unit, set by the verb before it
    ("到2030年，220千伏电网容载比提升至1.86。", [("220千伏电网容载比", "=", 1.86, None, "")]),
    ("数据中心平均电能利用效率降至1.3以下。", [("数据中心平均电能利用效率", "<=", 1.3, None, "")]),
    ("年均火灾十万人口死亡率控制在0.25以内。", [("火灾十万人口死亡率", "<=", 0.25, None, "")]),
    # the population a rate is counted on is no count; a comparison's year is no ratio
    ("每万人口高价值发明专利拥有量达到15件。",
     [("每万人口高价值发明专利拥有量", "=", 15, None, "件")]),
    ("研发投入比2020年增长10%。", [("研发投入比2020年增长", "=", 10, None, "%")]),
])
def test_ratios_without_a_unit(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("构建15个覆盖城市梯度的生物多样性地面固定监测样点。",
     [("构建生物多样性地面固定监测样点", "=", 15, None, "个")]),
    # 现有 says which ones are worked on, the noun after the number is what is counted
    ("改扩建现有20个中央生活类救灾物资储备库。",
     [("改扩建中央生活类救灾物资储备库", "=", 20, None, "个")]),
])
def test_the_thing_built_after_its_count(sentence: str,
                                         expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # an area or energy use bounding a class of places or firms picks them out, no target
    ("2021年，5万平方米以上大型商业综合体消防安全管理达标率力争达到100%。",
     [("5万平方米以上大型商业综合体消防安全管理达标率", "=", 100, None, "%")]),
    ("推进年综合能耗2000吨标准煤以上用能企业能源管理中心建设。", []),
    ("将年综合能耗超过1万吨标准煤的数据中心全部纳入在线监测系统。", []),
    # the amount of work done is the target
    ("累计完成180万平方米以上公共建筑节能改造。",
     [("累计完成公共建筑节能改造", ">=", 180, None, "万平方米")]),
    ("建成5万平方米以上的科创空间。", [("建成科创空间", ">=", 5, None, "万平方米")]),
])
def test_a_size_that_picks_out_a_class(sentence: str,
                                       expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("用3个月左右时间开展集中攻坚。", []),  # the time the work takes, not a goal
    ("利用6个月的时间完成排查。", []),
    ("实现试点周期缩短至3个月。", [("试点周期", "=", 3, None, "个月")]),
])
def test_the_time_a_work_takes_is_no_target(sentence: str,
                                            expected: list[tuple[object, ...]]) -> None:
    assert _rows(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a share followed by a word of growth is a rate of growth, not a share of something
    ("地区生产总值保持8%左右的增速。", [("地区生产总值增速", "growth_rate")]),
    ("研发投入实现15%以上的年均增长。", [("研发投入年均增长", "growth_rate")]),
    ("产业规模超过1000亿元，持续保持10%以上增长。",
     [("产业规模", "level"), ("产业规模增长", "growth_rate")]),
    ("新能源汽车产量占比达到20%的增长极。", [("新能源汽车产量占比", "level")]),
    # a share 为 what follows: the share of those among the things before it
    ("新增和更新的快递配送车80%为纯电动汽车。",
     [("新增和更新的快递配送车中纯电动汽车比例", "level")]),
])
def test_what_a_share_is_of(
        sentence: str, expected: list[tuple[str, str]]) -> None:
    cands, _ = parse_sentence(sentence)
    assert [(c.subject, c.kind) for c in cands] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # places as the items of a 分别 list: the measure is what follows the last place
    ("中心城区和郊区公交分担率分别达到50%、30%。",
     [("中心城区公交分担率", 50), ("郊区公交分担率", 30)]),
    # a whole place is an item when the list needs it to match its values …
    ("全市和各区研发投入强度分别达到4%、3%。", [("全市研发投入强度", 4), ("各区研发投入强度", 3)]),
    # … and a frame to drop when it does not (全省与A、B和C分别占比达…)
    ("全省与其他国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%。",
     [("其他国家货物贸易占比", 30), ("对外投资占比", 20), ("实际利用外资占比", 10)]),
    # a 、 inside the shared measure: the items are joined by 和, the measure follows 在
    ("乡土树种和地产草种在新建、改建公园绿地的应用比例分别达到80%、50%以上。",
     [("乡土树种在新建、改建公园绿地的应用比例", 80),
      ("地产草种在新建、改建公园绿地的应用比例", 50)]),
    # a join inside brackets joins no items
    ("公益性、商业性（含经营性和自设性）广告设施年抽检率分别达到10%、5%以上。",
     [("公益性抽检率", 10), ("商业性（含经营性和自设性）广告设施年抽检率", 5)]),
    # short items of one size share what follows them in the last one (not where that doubles
    # a character or cuts a bracket off)
    ("粮食、蔬菜种植面积分别保持在12.1万亩、4.1万亩以上。",
     [("粮食种植面积", 12.1), ("蔬菜种植面积", 4.1)]),
    ("铁路和水路货运量分别增长10%、12%。", [("铁路货运量", 10), ("水路货运量", 12)]),
])
def test_fenbie_lists(sentence: str, expected: list[tuple[str, float]]) -> None:
    cands, _ = parse_sentence(sentence)
    assert [(c.subject, c.value) for c in cands] == expected


def test_a_shared_measure_never_doubles_a_character() -> None:
    """县道、乡村道路优良路率: 县道 + 道路… would double 道; the short-item reading is not used."""
    cands, _ = parse_sentence("县道、乡村道路优良路率分别达到96%、90%。")
    assert [c.value for c in cands] == [96, 90]
    assert not any("道道" in c.subject for c in cands)
