"""Commitment or not: real sentences from policy texts, each with the reason that decides it."""

from __future__ import annotations

import pytest

from planwatch.extract.commitment import Statement, classify
from planwatch.extract.targets import extract_targets
from planwatch.extract.targets_parse import find_mentions
from planwatch.model.plan import Meta, Plan
from planwatch.parse.document import Block, Document


def _verdict(sentence: str, number: str, doc_type: str | None = "implementation_opinion",
             future: bool = False, past: bool = False, goal: bool = False) -> tuple[str, str]:
    at = sentence.index(number)
    mention = next(m for m in find_mentions(sentence) if m.start == at)
    v = classify(Statement(sentence, mention.start, mention.end, mention.unit,
                           mention.comparator, doc_type, past, goal, future))
    return v.label, v.reason


@pytest.mark.parametrize(("sentence", "number", "kwargs", "expected"), [
    # commitments
    ("到2027年，全省高新技术企业数量超过7.5万家。", "7.5", {"future": True},
     ("target", "commitment")),
    ("力争建成10个左右区块链高端研究机构。", "10", {}, ("target", "commitment")),
    ("培育15个跨境电商产业园。", "15", {}, ("target", "commitment-verb")),
    ("全社会研发经费投入强度不低于3%。", "3", {"goal": True}, ("target", "commitment")),
    # past results
    ("省市联合基金年度资金规模已达3亿元。", "3", {}, ("past", "past-tense")),
    ("“十四五”以来累计新增国家级孵化器12家。", "12", {"doc_type": "evaluation_report"},
     ("past", "evaluation-result")),
    ("全市省级以上研发平台达到356家。", "356", {"past": True}, ("past", "past-section")),
    # conditions, caps, funding rules, penalties
    ("单个项目补助不超过200万元。", "200", {}, ("condition", "funding-cap")),
    ("注册资本不低于500万元。", "500", {}, ("condition", "funding-cap")),
    ("对法人处10万元以上50万元以下罚款。", "50", {}, ("condition", "penalty")),
    ("100万元以下项目可采取材料评价方式。", "100", {}, ("condition", "money-class")),
    ("省级财政按照地方财政合计补偿金额的30%给予补偿。", "30", {},
     ("condition", "funding-rule")),
    ("到会委员应不少于5人。", "5", {}, ("condition", "cap-floor")),
    # a floor or cap on where a whole place is to stand is a goal, not a rule for applicants
    ("推动企业创绿升级，全区绿色企业比率不低于40%。", "40", {}, ("target", "region-aggregate")),
    ("全区差等级道路数量比例不超过4%。", "4", {}, ("target", "region-aggregate")),
    ("入驻企业绿色企业比率不低于40%。", "40", {}, ("condition", "cap-floor")),
    # 共 before an act of laying out or building is its total, no count of a document's parts
    ("全市共布局138个综合能源站。", "138", {}, ("target", "commitment-verb")),
    ("《方案》共提出6项重点任务。", "6", {}, ("reference", "document-count")),
    # a term explained in the notes (“四辅”指构建四个片区级枢纽): what it means, no goal
    ("“1”指建立1套有韧性的公共卫生体系。", "1套", {}, ("other", "definition")),
    ("申报单位研发人员占职工总数的10%以上。", "10", {}, ("condition", "eligibility")),
    ("条例规定每次授予人数不超过2名。", "2", {"doc_type": "regulation"},
     ("condition", "regulation-document")),
    ("对年营业收入首次超过1亿元的，给予一次性奖励。", "1", {},
     ("condition", "treatment-rule")),
    ("单位学术委员会要对单篇发表支出超过2万元的论文进行审核。", "2", {},
     ("condition", "money-class")),
    ("增值税小规模纳税人适用3%征收率。", "3", {}, ("condition", "tax-rule")),
    # 税务 (the tax office among the services) makes no tax rule: a time cut down to is a goal
    ("实现营业执照、税务、社保等“一站式”办结，办理时限压缩至1个工作日内。", "1", {},
     ("target", "commitment-verb")),
    ("培育形成年营收超50亿元的企业5家以上。", "50", {"future": True},
     ("condition", "money-class")),
    ("设立规模20亿元的科技创新投资基金。", "20", {}, ("target", "commitment-verb")),
    ("培育新增4—5个超五千亿元级战略性新兴产业集群。", "五千", {}, ("condition", "money-class")),
    ("企业按销售收入提取技术开发准备金（生产资料产业按5%）。", "5", {},
     ("condition", "funding-rule")),
    ("召开孵化器、新型研发机构等专题会议共10场。", "10", {"doc_type": None},
     ("past", "past-tense")),
    # surveys, references to other documents or parts of the text
    ("调查显示，30%的女性科技人才反映工作压力较大。", "30", {"doc_type": None},
     ("other", "survey")),
    ("即将出台的实施细则有2个。", "2", {"doc_type": None}, ("reference", "document-count")),
    ("七家单位联合发布了《广东省培育区块链产业集群行动计划》。", "七", {"doc_type": None},
     ("reference", "issuers-or-items")),
    ("18项省级行政许可事项依法委托各地级以上市政府相关部门实施。", "18", {},
     ("reference", "issuers-or-items")),
    ("建立药用人工养殖技术研究平台，建设了25个示范基地。", "25", {"doc_type": "plan"},
     ("past", "past-tense")),
    ("《意见》明确6项重点任务。", "6", {}, ("reference", "document-count")),
    ("从六个方面提出具体措施。", "六", {}, ("reference", "document-count")),
    ("国际经验表明，城镇化率达70%时进入平稳发展阶段。", "70", {"goal": True}, ("other", "survey")),
    ("预计规模超1800亿元，年均增速10%左右。", "10", {"goal": True}, ("other", "forecast")),
    ("到2025年，可拉动省内电动汽车消费约414亿元。", "414", {"future": True},
     ("other", "forecast")),
    # a term explained in the plan's glossary
    ("14.以“五个重要”为统领。是指临港新片区努力成为更好利用两个市场两种资源的重要通道。", "两个",
     {}, ("other", "definition")),
    ("其中，“20”是指新建以白玉兰为主的特色园20座。", "20座", {"goal": True},
     ("target", "commitment")),
    # nothing commits
    ("城镇调查失业率6%左右。", "6", {"doc_type": None}, ("other", "no-commitment")),
    # work to be done, however bounded below
    ("完成不少于50万条模型训练语料生产。", "50", {}, ("target", "commitment-verb")),
    ("组织开展科普宣讲活动不少于40场。", "40", {}, ("target", "commitment-verb")),
    ("推出不少于20个“信用+”应用场景。", "20", {}, ("target", "commitment-verb")),
    # …but a floor or cap set 原则上 is a rule, a work word inside what it bounds or not
    ("项目建设回土率原则上不低于15%。", "15", {}, ("condition", "cap-floor")),
    ("使用电子产品开展教学时长原则上不超过教学总时长的30%。", "30", {},
     ("condition", "cap-floor")),
    ("推动各区原则上不少于二分之一事项实现网上办理。", "二分之一", {},
     ("target", "commitment-verb")),
    # how large the projects are, not what is to be invested
    ("开工一批重大项目20项，总投资约950亿元，2026年计划投资约120亿元。", "950",
     {"future": True}, ("other", "project-size")),
    ("开工一批重大项目20项，总投资约950亿元，2026年计划投资约120亿元。", "120",
     {"future": True}, ("target", "commitment")),
])
def test_classify_real_sentences(sentence: str, number: str, kwargs: dict[str, object],
                                 expected: tuple[str, str]) -> None:
    assert _verdict(sentence, number, **kwargs) == expected  # type: ignore[arg-type]


def _plan_doc(doc_type: str, *texts: str) -> tuple[Document, Plan]:
    doc = Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate(texts)])
    return doc, Plan(meta=Meta(doc_type=doc_type, period_start=2024, period_end=2027))  # type: ignore[arg-type]


def test_measures_keep_commitments_and_drop_funding_rules() -> None:
    doc, plan = _plan_doc(
        "implementation_opinion",
        "到2027年，培育科技领军企业20家以上。",
        "对新认定的国家级孵化器，给予最高500万元奖励，单个企业补助不超过200万元。",
        "已累计建成省级新型研发机构280家。")
    result = extract_targets(doc, plan)
    assert [(t.subject, t.value) for t in result.targets] == [("培育科技领军企业", 20)]
    assert [f.value for f in result.facts] == [] or all(f.value != 20 for f in result.facts)
    reasons = {v.reason for v, _ in result.rejected}
    assert "funding-cap" in reasons


def test_review_section_results_become_facts_not_targets() -> None:
    doc = Document(blocks=[
        Block("heading", "一、“十四五”时期发展成就", line=1, level=1),
        Block("paragraph", "全市高新技术企业达到2300家，研发投入强度达到3.1%。", line=2),
        Block("heading", "二、发展目标", line=3, level=1),
        Block("paragraph", "到2030年，高新技术企业达到4000家。", line=4),
    ])
    plan = Plan(meta=Meta(doc_type="plan", period_start=2026, period_end=2030))
    result = extract_targets(doc, plan)
    assert [(t.subject, t.value, t.year) for t in result.targets] == [
        ("高新技术企业", 4000, 2030)]


def test_earlier_plan_section_of_a_fifteenth_plan_gives_facts() -> None:
    from planwatch.extract.pipeline import extract_plan

    texts = ["某区国民经济和社会发展第十五个五年规划纲要",
             "一、砥砺五载",
             "1.“十四五”时期引领区建设迈出坚实步伐",
             "全区省级以上研发平台达到356家，规上工业总产值达到1.39万亿元。",
             "二、“十五五”时期发展目标",
             "到2030年，省级以上研发平台达到500家。"]
    doc = Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate(texts)])
    plan = extract_plan(doc)
    assert (plan.meta.period_start, plan.meta.period_end) == (2026, 2030)
    assert [(t.subject, t.value, t.year) for t in plan.targets] == [
        ("省级以上研发平台", 500, 2030)]
    assert {f.value for f in plan.facts} >= {356}


def test_status_as_of_the_first_year_is_past() -> None:
    doc = Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate([
        "截止到2016年底，全省科技企业孵化器达634家，在孵企业达2.6万家。",
        "到2020年，全省科技企业孵化器超过1000家。"])])
    plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2016, period_end=2020))
    assert [(t.value, t.year) for t in extract_targets(doc, plan).targets] == [(1000, 2020)]
