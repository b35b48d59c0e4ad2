"""Rules learnt from the released first sealed set (issue 7): synthetic sentences, one rule each."""

from __future__ import annotations

import pytest

from planwatch.extract.commitment import REASONS, Statement, classify
from planwatch.extract.targets import is_past_sentence
from planwatch.extract.targets_parse import find_mentions, parse_sentence
from planwatch.extract.targets_text import Period, build_paras
from planwatch.parse.document import Block, Document


def _cands(sentence: str) -> list[tuple[object, ...]]:
    cands, _ = parse_sentence(sentence)
    return [(c.subject, c.value, c.value_max, c.unit, c.comparator, c.kind) for c in cands]


def _reason(sentence: str, number: str, goal: bool = True) -> str:
    at = sentence.index(number)
    m = next(x for x in find_mentions(sentence) if x.start == at)
    return classify(
        Statement(sentence, m.start, m.end, m.unit, m.comparator, "plan", goal_section=goal)
    ).reason


def test_adverb_before_a_breakthrough_is_not_the_subject() -> None:
    assert _cands("着力突破10-20项前沿技术并推广应用。") == [
        ("突破前沿技术并推广应用", 10, 20, "项", "=", "increment")
    ]


def test_counted_item_after_a_list_word_completes_the_subject() -> None:
    subject = _cands("建成覆盖50万老年人群和8个慢性病的大型人群队列。")[0][0]
    assert subject == "建成大型人群队列"


def test_what_a_whole_includes_is_counted() -> None:
    assert _cands("建成包括至少200家城市医院和500家乡镇医院的协作网络。")[0] == (
        "建成包括城市医院",
        200,
        None,
        "家",
        ">=",
        "level",
    )


def test_a_compound_verb_stays_in_the_subject() -> None:
    assert _cands("研究筛选30-50项适宜技术。")[0][0] == "研究筛选适宜技术"


def test_a_latin_subject_is_a_subject() -> None:
    assert _cands("R&D/GDP达2.8%左右。") == [("R&D/GDP", 2.8, None, "%", "~", "level")]


def test_hundred_million_people() -> None:
    assert _cands("直接受益人群超过2亿人。") == [
        ("直接受益人群", 200000000, None, "人", ">=", "level")
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("全省专利授权量累计新增数量达5万件。", "increment"),
        ("力争全年新增上市公司达到80家。", "increment"),
        ("全省信贷新增额和社会融资规模增量分别达到1.5万亿元、2.1万亿元。", "increment"),
        ("科技贷款增速高于各项贷款增速5个百分点以上。", "growth_rate"),
        ("挂牌企业数量增长8个百分点以上。", "growth_rate"),
        ("全省银行业为企业减费让利500亿元以上。", "increment"),
        ("科技型中小企业数量实现新增长，达到300家。", "level"),  # 新增长 is growth, not 新增
    ],
)
def test_kinds_of_flows_and_margins(sentence: str, kind: str) -> None:
    assert {c[-1] for c in _cands(sentence)} == {kind}


def test_an_improvement_of_what_exists_is_not_a_past_sentence() -> None:
    period = Period(2016, 2020)
    assert not is_past_sentence("提升已建核心平台的服务水平，申请专利500项以上。", period)
    assert not is_past_sentence("依托现有资源，建成10个重点疾病队列。", period)
    assert is_past_sentence("现有重点疾病队列10个。", period)


def test_nearly_n_without_a_commitment_of_its_own_is_how_it_stands() -> None:
    assert (
        _reason("全国近2亿人领取养老金，必须确保按时足额发放。", "2", goal=False)
        == "reported-figure"
    )
    assert _reason("力争培育近千家科技型企业。", "千", goal=False) != "reported-figure"


def test_allocation_in_principle_is_a_rule() -> None:
    sentence = "原则上各疾病领域建设1-3家中心，重大疾病领域建设3-5家中心。"
    assert [_reason(sentence, n) for n in ("1-3", "3-5")] == ["allocation-rule"] * 2
    assert REASONS["allocation-rule"][0] == "condition"
    assert _reason("支持各市至少建设1家创新创业基地。", "1") == "commitment"


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("形成8个量化的预期性指标。", "8"),
        ("从产业发展和监管支撑两个维度研究提出解决方案。", "两"),
    ],
)
def test_counts_of_the_documents_own_parts(sentence: str, number: str) -> None:
    assert _reason(sentence, number) == "document-count"


def test_a_work_basis_section_is_past() -> None:
    doc = Document(
        blocks=[
            Block("heading", "一、形势与需求", line=1),
            Block("heading", "（一）工作基础", line=2),
            Block("paragraph", "建立了5个国家级转化医学中心。", line=3),
            Block("heading", "（二）具体目标", line=4),
            Block("paragraph", "建设5个转化医学中心。", line=5),
        ]
    )
    assert [p.past for p in build_paras(doc)] == [True, False]


def test_forming_a_list_of_outputs_is_an_increment() -> None:
    assert _cands("形成50项左右诊疗规范、技术标准和防控策略。")[0][-1] == "increment"
    assert _cands("形成10-20个有影响力的企业集群。")[0][-1] == "level"


def test_the_make_up_of_a_whole_is_a_level() -> None:
    kinds = [c[-1] for c in _cands("建成包括至少200家城市医院和500家乡镇医院的协作网络。")]
    assert kinds == ["level", "level"]
    assert _cands("建成覆盖8个重点疾病的人群队列。")[0][-1] == "level"


def test_comparator_words_and_the_year_compared_with_leave_the_subject() -> None:
    assert [c[0] for c in _cands("确保二季度信贷增速高于12.1%，存款增速要高于9%。")] == [
        "二季度信贷增速",
        "存款增速",
    ]
    subjects = [
        c[0] for c in _cands("信贷新增额和融资规模增量高于2021年，分别达到1万亿元、2万亿元。")
    ]
    assert subjects == ["信贷新增额", "融资规模增量"]


@pytest.mark.parametrize(
    ("sentence", "value", "kind"),
    [
        ("风电光伏电量占比提高约10个百分点。", 10, "growth_rate"),
        ("研发投入强度提升1个百分点。", 1, "growth_rate"),
        ("确保普惠型小微企业贷款综合融资成本较上年度再降0.5个百分点。", -0.5, "growth_rate"),
        ("其他药品注册收费在原收费标准基础上下调30%。", -30, "growth_rate"),
        ("研发投入强度达到3.5%。", 3.5, "level"),
    ],
)
def test_a_rise_or_fall_by_points_is_a_signed_change(sentence: str, value: float,
                                                    kind: str) -> None:
    """提高10个百分点 is a change of +10 points (as 降低2个百分点 is −2); 再降, 下调 fall."""
    assert [(c[1], c[-1]) for c in _cands(sentence)] == [(value, kind)]


def test_a_part_in_a_note_leaves_the_whole_count_a_target() -> None:
    """建成70座城市公厕（其中旧城区7座）: 70 is what is built, not a count of the places (城市)
    where the note's 7 are built; the note's figures stay with the note."""
    assert _cands("建成70座城市一类以上公厕（其中旧城区7座，景区旅游公厕20座）；") == [
        ("建成城市一类以上公厕", 70, None, "座", "=", "increment")]


def test_places_opened_to_the_public_are_counted() -> None:
    assert [c[1:4] for c in _cands("旧城区附设式社会公厕对外开放33处；")] == [(33, None, "处")]
    assert _cands("景区免费开放时间8小时。") == []
