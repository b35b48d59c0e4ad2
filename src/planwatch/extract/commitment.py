"""Is a quantified statement a commitment? One small classifier with reason codes.

A number with a unit in a policy text is one of:

* ``target`` — a commitment for the plan period (到2027年…达到、力争、确保、新增、培育…);
* ``past`` — a prior result (回顾/成就/评估结果 sections, ``已``/``以来``/``截至``, the results
  of an evaluation report): kept as a fact for the audit, never a target;
* ``condition`` — a threshold, cap, floor, funding rule or penalty (``不超过``/``不低于``/``不少于``
  in eligibility rules, 资助额度, 补助, 罚款, 注册资本, ``100万元以上的项目``): rules, not goals;
* ``reference`` — a count of other documents or of the text's own parts (``明确6项``,
  ``印发3个文件``, ``六个方面``);
* ``other`` — nothing says it is planned (a number in a notice or commentary).

The reader's cues decide, in this order: the document type, the section, tense, penalty and
funding vocabulary, cap/floor words without a commitment, references, and last whether anything
in the sentence or its section commits to the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from planwatch.extract.numbers import parse_number
from planwatch.extract.targets_parse import (
    ACTED_ON,
    CUT_VERBS,
    INCREMENT_VERBS,
    TASK_AFTER,
    TO_ACT_ON,
    mask_attributive_past,
)

Label = Literal["target", "past", "condition", "reference", "other"]


@dataclass(frozen=True)
class Statement:
    """One number in its sentence: where it is and what the reader knows around it."""

    sentence: str
    start: int  # the number's offset in the sentence
    end: int  # after its unit and any comparator word
    unit: str
    comparator: str = "="
    doc_type: str | None = None
    past_section: bool = False
    goal_section: bool = False
    future_year: bool = False  # the sentence names a year inside or after the plan period
    doc_title: str = ""
    forecast_lead: bool = False  # the sentence before, joined to it by ；, opened a forecast


@dataclass(frozen=True)
class Verdict:
    label: Label
    reason: str


REASONS: dict[str, tuple[Label, str, str]] = {
    "regulation-document": ("condition", "规章制度类文件中的数字", "a number in a rules document"),
    "application-notice": ("condition", "申报/认定通知中的条件", "a condition of an application"),
    "penalty": ("condition", "罚则", "a penalty"),
    "money-class": ("condition", "以金额界定的对象类别", "an amount naming a class of things"),
    "tax-rule": ("condition", "税收规则", "a tax rule"),
    "funding-cap": ("condition", "资助上限或下限", "a cap or floor on funding"),
    "funding-rule": ("condition", "资助比例或标准", "a funding share or rate"),
    "treatment-rule": ("condition", "享受政策的门槛", "the threshold of a treatment"),
    "cap-floor": ("condition", "上限/下限条件", "a cap or floor"),
    "eligibility": ("condition", "申报资格条件", "an eligibility condition"),
    "allocation-rule": ("condition", "按单位分配的原则（非总量承诺）",
                        "an allocation per field or unit in principle, not a total"),
    "past-section": ("past", "回顾/成就章节中的既往数据", "a result in a review section"),
    "past-tense": ("past", "已完成时态的既往数据", "a past result (tense)"),
    "evaluation-result": ("past", "评估报告中的结果", "a result of an evaluation report"),
    "document-count": ("reference", "对文件或条目的计数", "a count of documents or items"),
    "issuers-or-items": ("reference", "发文单位或事项的计数", "a count of issuers or items"),
    "commitment": ("target", "规划期内的承诺", "a commitment for the plan period"),
    "commitment-verb": ("target", "以行动动词表述的承诺", "a commitment stated by an action verb"),
    "commitment-list": ("target", "承诺列举中的一项", "an item of a committed list"),
    "region-aggregate": ("target", "全域总量或比率的上下限",
                         "a floor or cap on a whole place's rate"),
    "forecast": ("other", "预计数（非承诺）", "a forecast, not a commitment"),
    "project-size": ("other", "项目总投资（规模，非目标）", "projects' total investment, a size"),
    "reported-figure": ("past", "现状数字", "a figure reported as it stands"),
    "named-programmes": ("reference", "已列举事项的计数", "a count of the items just named"),
    "budget-allocation": ("other", "财政预算安排（非目标）", "a budget allocation, not a target"),
    "no-commitment": ("other", "无承诺含义", "nothing commits to the number"),
    "survey": ("other", "调查或经验结论", "a survey answer or a finding cited as evidence"),
    "definition": ("other", "名词解释", "a term explained, not a commitment"),
}
"""Every reason code :func:`classify` gives: its label and zh/en description (stable codes,
kept with rejected statements in ``TargetResult.rejected``)."""


_PENALTY = re.compile(r"罚款|罚金|没收|处以?.{0,16}(?:以上|以下).{0,16}罚|违法所得")
_COMMIT = re.compile(
    r"力争|确保|争取|实现|突破|提高|提升|增加|增长|增至|达到|达|超过|形成|布局|推动|推进|带动|发展|保持|完成"
    r"|稳定在|控制在|规模|年均|每年|安排|投入|扩大|开展|举办|增速|" + INCREMENT_VERBS
    + rf"|(?:{CUT_VERBS}|下降)(?:至|到)|挖掘|发掘|释放")  # 办理时限压缩至1个工作日内
_FUTURE_WORDS = re.compile(
    r"力争|确保|争取|目标|将|[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|末)")
_PAST_TENSE = re.compile(
    r"已(?!于)|率先|成功(?:创建|获批|举办|引进|入选)|共计?\s*$"
    r"|(?:建设|建成|设立|培育|组建|认定|批准|支持|引进|实施)了\s*$"
    r"|以来|截至|截止|先后|共(?:实施|支持|认定|获批|建成|培育|引进|组织|立项|资助|投入)"
    r"|(?:累计|共)?(?:完成|实现|取得)了")
# 有1200多万平方米 / 近2万家 / 300余项: figures reported as they stand, not planned
_REPORTED = re.compile(
    r"\d(?:多|余)[万亿]?[\u4e00-\u9fff]{0,3}[，,。；;、]|[有共计]\s*\d[^，。；]{0,6}多")
# 6月底前实现… / 年内融资…: work still to do
_DEADLINE = re.compile(r"\d{1,2}月底前|年底前|(?<![\d一二三四五六七八九十两])年内(?![，。；])")
# 按每年不低于20%的比例对获证企业进行抽查: a floor on the government's own checks
_CHECK_AFTER = re.compile(
    r"^[^，。；]{0,16}(?:进行|开展|实施|组织)[^，。；]{0,4}(?:抽查|检查|核查|督查|巡查|评估|检测|监测)")
_CAP_FLOOR = re.compile(
    r"(?:不超过|不高于|不低于|不少于|不多于|最高|最多|最低|至少|上限|原则上|不得)[^，。；]{0,20}$")
_RANKS = ("名", "位", "强")
# 全区差等级道路数量比例不超过4%: a floor or cap on a rate, share or total of the whole place
_REGION_AGGREGATE = re.compile(
    r"(?:^|[，,；])\s*(?:全国|全省|全市|全区|全县|全镇)[^，。；]{0,24}?"
    r"(?:率|比例|比重|占比|数量|总量|浓度)\s*(?:不超过|不高于|不低于|不少于|至少|控制在)\s*$")
_GRANT = re.compile(
    r"资助|补助|补贴|奖励|奖补|额度|贷款|担保|贴息|补偿|注册资本|出资|税(?!务)|扣除|报销|薪酬|工资|年龄"
    r"|周岁|间接费用|直接费用|配套|单个|每个|每家|每项|每人|提取|计提|准备金|留成|分成")
_PER_UNIT = re.compile(r"单个|每个|每家|每项|每人")
_STRIVE = re.compile(r"力争|争取")  # what a plan strives for is a goal, never a rule's rate
_FUNDING = re.compile(
    _GRANT.pattern + r"|资金|经费|预算|费用|营业收入|销售收入|主营业务收入|财政|面积")
# 人行道整治面积不低于300万平方米: the area of work to be done, not an area a rule requires
_WORKED_AREA = re.compile(
    r"(?:整治|改造|建设|修复|提升|治理|绿化|造林|种植|更新|修缮|新增|完成|覆盖)[^，。；\d]{0,4}面积")
_ELIGIBLE = re.compile(
    r"申报|申请|认定|评审|验收|具备|具有|符合|应当|须|必须|需(?!求)|规定|条件|门槛|要求|对象|(?<![高国际业家方地])标准(?![化体])|入选|期限|"
    r"有效期|满|以内的|连续|不得|可(?![调再持控靠视信用比])|按照|按")
_SHARE = re.compile(r"(?:按(?:照|其)?|给予|的|为|占)[^，。；]{0,30}$")
_CLASS_BEFORE = re.compile(r"(?:产值|营收|营业收入|销售额|销售收入|收入)(?:过|超过|超)$")
_ACTION = re.compile(
    r"新增|新建|开展|推出|培育|培养|引进|建成|打造|建设|组建|创建|布局|形成|推动|带动|吸引|招引|投放|选取"
    r"|对接|梳理|开发|研制|启动|建立|办好|举办|实施|复核|推广|推进|挑选|设置|配置|配备|更新"
    r"|完成(?!率|情况)|挖掘|发掘|释放|开放(?!时间|日)|集聚|汇聚|聚集"  # 挖掘并释放不少于100个场景
    rf"|(?:{CUT_VERBS})(?:至|到)")  # a time or cost cut down to is work to do
# 营收超50亿元的企业 / 产值超10亿元、50亿元的园区: the amount names a class; 产值超1.5万亿元、承接…
# (a list of goals) does not
_CLASS_AFTER = re.compile(r"[的级]|、[^，。；]{0,12}?的")
_MONEY_CLASS = re.compile(  # the amount names a class of things: 100万元以下项目, 超50亿元的企业
    r"^(?:（含）)?(?:级|的?[\u4e00-\u9fff]{0,6}?"
    r"(?:企业|项目|单位|机构|集群|公司|园区|合同|产品|设备|仪器|课题|团队|龙头|部分)"
    r"|[的级][\u4e00-\u9fff]{1,8}(?:[，,。；;、]|$)"
    r"|的、)")  # 销售额5亿元以上的、具有临床重大需求的品种
_SIZE = re.compile(r"(?:规模|设立|总额|总规模|投资)[^，。；]{0,4}$")
_REFERENCE_BEFORE = re.compile(
    r"(?:明确|印发|出台了|提出|包括|包含|涵盖|分为|共有|(?<![公总一])共(?![享建治同性用布培改设])|涉及|围绕|从|制定了|修订|聚焦|部署)"
    r"[^，。；\d]{0,4}$")
_REFERENCE_AFTER = re.compile(
    r"^(?:个|项|条|类|大)?(?:章|条|款|部分|[^，。；、\d]{0,6}?(?:方面|文件|政策|措施|举措|内容|规定"
    r"|办法|清单|环节|问题|原则|要求|制度|方向|通知|意见|角度|类型|层面|维度|板块|篇章))"
    r"|^[^，。；、\d]{0,4}?(?:模式|阶段|特点|途径|路径|方式)(?:[，。；：:]|$)")  # 三种模式：
_REFERENCE_UNITS = ("项", "个", "条", "类", "方面", "件")
_TAX = re.compile(r"税(?!务)|免征|减免|抵扣|加计扣除|计税|应纳")
_TREATMENT = re.compile(
    r"给予|奖励|奖补|补助|资助|补贴|贴息|减免|免征|延期|予以|核定|扣除|缓缴|缓交|减征|免收|减半")
_THRESHOLD_CLAUSE = re.compile(r"^(?:对(?!接|标|外|口|话|象)|凡|其(?!中)|且|被|经)")
_THRESHOLD_OF = re.compile(r"对[^，。；]{1,25}(?:超过|超|不足|低于|达到)$")  # 要对单篇支出超过2万元
_ISSUERS = re.compile(  # 七家单位联合发布了《…》; 18项行政许可事项依法委托…实施
    r"^[^，。；]{0,8}?(?:联合)?(?:发布|印发|出台|颁布|制定)了?《"
    r"|^[^，。；]{0,12}?事项(?:依法)?(?:委托|下放|调整|取消|交由)")
_EVIDENCE = re.compile(r"(?:经验|研究|数据|调查|统计|实践|测算)(?:表明|显示|证明)")
_SURVEY = re.compile(r"^的[^，。；]{0,12}(?:反映|认为|表示|认可|赞同|满意|支持)")
_DOC_WORDS = re.compile(r"细则|办法|意见|文件|政策|措施|条款|规定|通知|条$")
_RULES_TITLE = re.compile(r"(?:条例|办法|规定|细则|规则)(?:（[^）]*）)?(?:的通知)?》?(?:政策)?解读|"
                          r"(?:条例|办法|规定|细则|规则)(?:（[^）]*）)?$")
_APPLICATION = re.compile(r"申报|申请|认定|遴选|征集|评选|推荐|评审|评价|备案|税|收费|优惠")


_PROJECT_SIZE = re.compile(r"总投资(?:额|规模)?(?:约|达|超过|超|逾|近|为)?\s*$")
_NAMED_PROJECTS = re.compile(r"[^、，,；;]{2,16}、[^，,；;]{2,80}等\s*(?:约|近|超过|超)?\s*$")
_PROJECT_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:项目|电站|机组|工程|煤电|气电|核电)")
_COUNT_WORDS = frozenset({"个", "项", "家", "座", "处", "条", "台", "套", "所"})


@dataclass(frozen=True)
class _View:
    """The pieces of the sentence the rules read."""

    before: str  # the sentence up to the number
    clause: str  # the clause up to the number
    after: str  # the sentence after the number, its unit and comparator word
    committed: bool  # a plan year or a goal section frames the statement
    promised: bool  # committed, or its clause says 力争/确保/目标/十X五期间
    promised_anywhere: bool  # committed, or the sentence says so somewhere


def classify(st: Statement) -> Verdict:
    """The label of one quantified statement and the reason code that decided it."""
    committed = st.future_year or st.goal_section
    clause, after = _clause_before(st.sentence, st.start), st.sentence[st.end:]
    view = _View(st.sentence[:st.start], clause, after, committed,
                 committed or bool(_FUTURE_WORDS.search(clause + _clause_after(after))),
                 committed or bool(_FUTURE_WORDS.search(st.sentence))
                 or bool(_DEADLINE.search(st.sentence)))
    if _DEFINITION.search(view.before) and not committed:
        return Verdict("other", "definition")  # 名词解释: 是指…两个市场两种资源… (but a goal
        # section's “20”是指新建…特色园20座 spells out its own goal)
    for rule in (_document_rule, _past_rule, _budget_rule, _task_rule, _condition_rule,
                 _reference_rule):
        verdict = rule(st, view)
        if verdict is not None:
            return verdict
    if _SURVEY.match(view.after.lstrip()) or _EVIDENCE.search(view.before):
        return Verdict("other", "survey")  # 30%的女性科技人才反映… / 国际经验表明，…达70%
    if _PROJECT_SIZE.search(view.clause) or (
            _NAMED_PROJECTS.search(view.clause) and st.unit not in _COUNT_WORDS
            and _PROJECT_AFTER.match(view.after)):
        # 新增投产A、B、C等约1300万千瓦煤电: the size of the projects named
        return Verdict("other", "project-size")  # 开工一批重大项目25项，总投资约1385亿元: how
        # large the projects are; what is to be invested (2015年计划投资约183亿元) is the goal
    if (_FORECAST.search(view.before) or st.forecast_lead) and not _PLEDGE.search(st.sentence):
        return Verdict("other", "forecast")  # 预计全年为企业减负超过2.5万亿元: an estimate
    if _GIVEN.search(view.clause) and _TASK_FOR_IT.match(view.after) \
            and not _PLEDGE.search(st.sentence):
        return Verdict("other", "forecast")  # 今年高校毕业生达874万人，要促进…就业: the task's
        # given, not its goal
    if view.promised_anywhere:
        return Verdict("target", "commitment")
    if st.doc_type != "evaluation_report" and (
            _COMMIT.search(view.clause)
            or (st.comparator == ">=" and _WORKED_AREA.search(view.clause))
            or (ACTED_ON.match(view.after) and TO_ACT_ON.search(view.clause))):
        return Verdict("target", "commitment-verb")
    return Verdict("other", "no-commitment")


def _document_rule(st: Statement, v: _View) -> Verdict | None:
    if st.doc_type == "regulation" or (st.doc_type is None and _RULES_TITLE.search(st.doc_title)):
        return Verdict("condition", "regulation-document")  # …管理办法的通知》政策解读
    if st.doc_type is None and _APPLICATION.search(st.doc_title) and not v.committed:
        return Verdict("condition", "application-notice")
    return None


def _past_rule(st: Statement, v: _View) -> Verdict | None:
    if st.past_section:
        return Verdict("past", "past-section")
    if st.future_year:
        return None
    if st.doc_type == "evaluation_report":
        return Verdict("past", "evaluation-result")
    if _PAST_TENSE.search(mask_attributive_past(v.before)) and not _DEADLINE.search(st.sentence):
        return Verdict("past", "past-tense")
    if not v.promised_anywhere and _REPORTED.search(st.sentence):
        return Verdict("past", "reported-figure")
    if not v.promised and re.search(r"近\s*$", v.clause) and not _COMMIT.search(v.clause):
        return Verdict("past", "reported-figure")  # 全国近3亿人领取养老金，必须确保…: how it stands
    return None


# 赤字率拟按3.6%安排 / 发行1万亿元特别国债 / 中央预算内投资安排6000亿元 / 增加铁路建设资本金
# 1000亿元 / 非急需支出压减50%: how the budget is set, not what the plan is to achieve
_BUDGET = re.compile(
    r"赤字|国债|专项债|预算内|资本金|(?:支出|经费)(?:安排|压减)|压减[^，。；]{0,6}支出"
    r"|(?:共需|所需|需要?)(?:建设)?(?:经费|资金|投资)")  # 规划建设共需经费约5400万元: a cost


def _budget_rule(st: Statement, v: _View) -> Verdict | None:
    """A budget allocation: the clause, the one before it or the one after names the budget."""
    clause_at = max(len(v.before) - len(v.clause) - 1, 0)
    start = max(st.sentence.rfind(c, 0, clause_at) for c in "，,；;。") + 1
    window = st.sentence[start:st.start] + _clause_after(v.after)
    if _BUDGET.search(window):
        return Verdict("other", "budget-allocation")
    return None


def _task_rule(st: Statement, v: _View) -> Verdict | None:
    """落实全年1万亿元的投资任务 / 完成N万人的就业目标: the number quantifies a task or goal."""
    if st.unit not in (*_REFERENCE_UNITS, "", "个") and TASK_AFTER.match(st.sentence, st.end) \
            and not _PENALTY.search(st.sentence) \
            and not _CAP_FLOOR.search(v.clause) and not _REFERENCE_BEFORE.search(v.before):
        return Verdict("target", "commitment")
    return None


# 原则上各疾病领域建设1-3家中心，重大疾病领域建设3-5家中心: how many each may have
# / 要求每户配置1组…，每村配置1辆专用收集车: what each must be equipped with, a standard
_ALLOCATION = re.compile(r"(?:原则上[^。；]{0,6}各|^\s*要求每)[^。；]*$")


_PER_STEP = re.compile(r"每(?:达到?|增加|超过|新增)\s*$")  # the step a reward is counted by
# 按不低于30%的车位比例建设充电设施: a ratio every unit is to keep, not a total to reach
_BY_RATIO = re.compile(r"按照?\s*(?:不低于|不少于|不高于|不超过|至少)?\s*$")
_RATIO_AFTER = re.compile(r"\s*(?:以上|以下)?的?[^，,。；;]{0,6}?(?:比例|标准)")
# 超过10%的，…: the number names the cases a rule then applies to
_CASE_OF = re.compile(r"\s*的\s*[，,；;：:]")


def _condition_rule(st: Statement, v: _View) -> Verdict | None:
    if _PENALTY.search(st.sentence):
        return Verdict("condition", "penalty")
    if _ALLOCATION.search(v.before) or (_BY_RATIO.search(v.before) and _RATIO_AFTER.match(v.after)):
        return Verdict("condition", "allocation-rule")  # (…停车场按不低于30%的车位比例建设: each)
    if _PER_STEP.search(v.before) and _GRANT.search(st.sentence):
        return Verdict("condition", "treatment-rule")  # 零售额增量每达1000万元，给予6万元奖励
    if _CASE_OF.match(v.after):
        return Verdict("condition", "treatment-rule")  # 超过10%的，按照…提供测算依据
    money = st.unit.endswith("元")
    if money and ((_MONEY_CLASS.match(v.after.lstrip()) and not _SIZE.search(v.clause))
                  or (_CLASS_BEFORE.search(v.before) and _CLASS_AFTER.match(v.after.lstrip()))):
        return Verdict("condition", "money-class")  # 100万元以上的项目 / 营收超亿元企业
    if not v.committed and _TAX.search(st.sentence):
        return Verdict("condition", "tax-rule")
    capped = bool(_CAP_FLOOR.search(v.clause)) or (st.comparator == "<=" and st.unit not in _RANKS)
    # 每个街道至少建成1个专职消防队: 'each' spreads a count, not a grant, unless money is meted
    granted = st.sentence if money or st.unit == "%" else _PER_UNIT.sub("", st.sentence)
    if capped and (_GRANT.search(granted)
                   or (_FUNDING.search(_WORKED_AREA.sub("", granted)) and not v.committed)):
        return Verdict("condition", "funding-cap")
    if (money or st.unit == "%") and _GRANT.search(v.clause) and _SHARE.search(v.clause) \
            and not v.committed and not _STRIVE.search(v.clause):
        return Verdict("condition", "funding-rule")  # (补助资金用于…的比重力争提高到60%: a goal)
    if v.promised:
        return None
    # …个公交站台进行适老化改造: the things the work is done on, not a class a rule applies to
    acted_on = ACTED_ON.match(v.after) is not None
    if _TREATMENT.search(v.clause + _clause_after(v.after)) \
            or (_THRESHOLD_CLAUSE.match(v.clause.strip()) and not acted_on) \
            or _THRESHOLD_OF.search(v.clause):
        return Verdict("condition", "treatment-rule")  # 对…超过1亿元的，给予奖励
    acting = bool(_ACTION.search(v.clause)) or bool(_WORKED_AREA.search(v.clause)) \
        or bool(_CHECK_AFTER.search(_clause_after(v.after))) \
        or re.match(r"(?:认定|遴选)(?![的后为])", v.clause.strip()) is not None  # 认定示范基地10个
    if capped and _REGION_AGGREGATE.search(v.clause):
        return Verdict("target", "region-aggregate")  # 全区绿色企业比率不低于40%: no rule
        # for those who apply, but where the whole region is to stand
    if capped and (not acting or _as_a_rule(v.clause)):
        return Verdict("condition", "cap-floor")
    if _ELIGIBLE.search(v.clause) and not acting:
        return Verdict("condition", "eligibility")
    return None


_AS_A_RULE = re.compile(r"原则上[^，。；]{0,4}(?:不超过|不高于|不低于|不少于|不多于|不得)")


def _as_a_rule(clause: str) -> bool:
    """项目建设回土率原则上不低于15% / 使用电子产品开展教学时长原则上不超过…30%: a cap or floor
    set 原则上 is a rule even where a work word is part of what it bounds; not where the clause
    opens with the work (推动各地各部门原则上不少于二分之一…实现“四免”)."""
    return _AS_A_RULE.search(clause) is not None \
        and _ACTION.match(clause.lstrip()) is None


_FORECAST = re.compile(r"预计|预测|有望|估计|可(?:拉动|带动)")  # 可拉动…消费约414亿元: an estimate
# a term explained (名词解释, 注释; “四辅”指…): what the term means is no commitment of the plan's
_DEFINITION = re.compile(r"(?:是指|系指|即指|泛指|[”\"]\s*指)(?![导引南标挥数])|指的是")
# 今年高校毕业生达874万人，要…: what the year brings, stated as the ground of the task after it
_GIVEN = re.compile(r"今年[^，。；]{0,16}?(?:达|有|为|将达)$")
_TASK_FOR_IT = re.compile(r"\s*[，,]\s*(?:要|需要|必须|务必)")
_PLEDGE = re.compile(r"力争|确保|目标|争取")
# a sentence that opens as an estimate (not 建立…毒性预测平台: a word inside a task)
_OPENS_FORECAST = re.compile(r"\s*(?:同时|此外|其中|总体来看|综合来看)?[，,]?\s*"
                             r"(?:预计|预测|估计|据测算|经测算|据预测)")


def forecast_runs_on(sentence: str, carried: bool) -> bool:
    """Whether the forecast a sentence opens (预计“十五五”期间…新增用电负荷14万千瓦…；) or carries
    runs on into the sentence after its ；: 新增用电量8亿千瓦时… is still the estimate."""
    if not sentence.rstrip().endswith(("；", ";")):
        return False
    if _PLEDGE.search(sentence):
        return False
    return carried or _OPENS_FORECAST.match(sentence) is not None
# 重点推进A、B、“C”等8项计划: the number counts the programmes just named
_NAMED_LIST = re.compile(r"[、”][^，。；]{0,30}等\s*$|”\s*$")
_BARE_LIST = re.compile(r"、[^，。；、]{1,24}$")  # 包括A、B、C和D四个方面
_PROGRAMMES = re.compile(
    r"^[^，。；\d]{0,8}?(?:计划|行动|工程|专项|举措|活动|指标|任务|领域)(?:[，。；,;]|$)"
    r"|^工程")


_COUNT_RAW = re.compile(r"[\d〇零一二两三四五六七八九十]+(?![\d.万亿—\-－~～至])")


def _small_count(st: Statement) -> int | None:
    """The integer the statement counts (五 / 5), None when it is not a small count."""
    # a range (2-3项) is never the count of the items just named
    raw = _COUNT_RAW.match(st.sentence[st.start:])
    value = parse_number(raw.group().replace("两", "二")) if raw else None
    return int(value) if value is not None and value == int(value) and value < 50 else None


_LIST_VERB = re.compile(r"共建|" + _ACTION.pattern)
_QUOTED_LIST = re.compile(r"(?:“[^”]{1,20}”[、和及与]?){2,}\s*(?:等)?\s*$")
_ETC_END = re.compile(r"[^，。；：:]*等\s*$")
_ENUM_END = re.compile(r"[^，。；：:]*、[^，。；：:]*$")


def _named_counts(clause: str) -> set[int]:
    """How many items the clause may name just before its count: A、B、C和D等 / “A”“B”“C”; a
    list after a verb counts either way (市、区协同共建A、B、C: the places the verb takes)."""
    quoted = _QUOTED_LIST.search(clause)
    if quoted:
        return {quoted.group().count("“")}
    listed = _ETC_END.search(clause) or _ENUM_END.search(clause)
    if listed is None:
        return set()
    text = listed.group()
    out = {_items(text)}
    verb = next((v for v in reversed(list(_LIST_VERB.finditer(text)))
                 if text.find("、", v.end()) >= 0), None)
    if verb is not None:
        out.add(_items(text[verb.end():]))
    return out - {0}


def _items(listed: str) -> int:
    items = re.split(r"[、]|和|及|与", listed)
    return len(items) if len(items) >= 2 else 0


# 形成10个量化的预期性指标: a count of the document's own indicators
_OWN_INDICATORS = re.compile(r"^[^，。；、\d]{0,8}?指标(?:体系)?(?:[，。；：:]|$)")
# 从产业发展和监管支撑两个维度研究…: the angles a measure takes
_FROM_ASPECTS = re.compile(r"(?:^|[^\u4e00-\u9fff])从[^，。；]{1,24}$|^从")
_ASPECTS = re.compile(r"^(?:维度|方面|角度|层面|层次|途径)")


def _reference_rule(st: Statement, v: _View) -> Verdict | None:
    after = v.after.lstrip()
    # 新增A、B…等创新平台5个以上: a floor is a goal, a count of items named is exact
    counted = st.comparator == "=" and _small_count(st) in _named_counts(v.clause) \
        and not _DEADLINE.search(st.sentence) \
        and not re.search(r"实现|完成", v.clause)  # 6月底前实现“A”…等6项事项“跨省通办”: a result
    named = _NAMED_LIST.search(v.clause)
    if st.unit in _REFERENCE_UNITS and ((named and _PROGRAMMES.match(after))
                                        or (counted and (named or _BARE_LIST.search(v.clause)))):
        return Verdict("reference", "named-programmes")
    if _ISSUERS.match(after):
        return Verdict("reference", "issuers-or-items")
    if st.unit in _REFERENCE_UNITS and ((_OWN_INDICATORS.match(after)
                                         and _small_count(st) is not None) or (
            _FROM_ASPECTS.search(v.clause) and _ASPECTS.match(after))):
        return Verdict("reference", "document-count")  # 形成10个量化的指标 / 从A和B两个维度
    if _REFERENCE_BEFORE.search(v.before) and (st.unit in _REFERENCE_UNITS
                                               or _REFERENCE_AFTER.match(after)):
        return Verdict("reference", "document-count")
    if not v.committed and (_REFERENCE_AFTER.match(after) or (
            st.unit in _REFERENCE_UNITS and _DOC_WORDS.search(v.clause.rstrip("的有为共计 ")))):
        return Verdict("reference", "document-count")
    return None


def _clause_after(after: str) -> str:
    cut = [i for i in (after.find(c) for c in "，,；;。") if i >= 0]
    return after[:min(cut)] if cut else after


def _clause_before(sentence: str, at: int) -> str:
    cut = max(sentence.rfind(c, 0, at) for c in "，,；;。")
    return sentence[cut + 1:at]
