"""Sentence-level parsing of quantitative commitments: number+unit mentions, their subject,
comparator and kind. Layout and period context live in targets_text; assembly in targets."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from planwatch.extract.numbers import comparator_before, parse_number

_UNITS = sorted(
    ["个百分点", "百分点", "%", "人·年", "人年", "万人次", "人次", "家次", "场次", "万人", "万名",
     "万家", "万个", "万项", "万件", "万亿元", "亿元", "万元", "元", "场", "家", "个", "项", "件",
     "人", "名", "处", "所", "座", "条", "台", "套", "倍", "万平方米", "平方米", "亩", "支",
     "种", "万户", "户", "亿美元", "万美元", "美元", "万亩", "个月", "公里", "位", "万例", "例",
     "万元/人", "元/人", "亿人次", "亿人", "吨标准煤", "万吨标准煤", "亿吨标准煤", "万千瓦",
     "千瓦", "个工作日", "瓦时/公斤", "瓦时/千克", "元/瓦时", "亿瓦时", "万瓦时", "千瓦时",
     "具", "辆", "艘", "栋", "幢", "公顷", "平方公里", "年一遇", "万吨", "吨", "兆瓦", "MW",
     "吉瓦", "GW", "万立方米", "立方米", "万吨/日", "吨/日", "㎡", "万㎡", "万套", "万张", "张",
     "万台", "万条", "万份", "份", "万立方米/日", "立方米/日", "立方米/秒", "万公里", "千米",
     "宗", "亿平方米", "万辆", "万艘", "尾", "万尾", "万头", "头", "万只", "万株", "株", "批次",
     "课时", "学时", "台（套）", "台(套)", "万台（套）", "万台(套)", "个（套）", "千瓦时/百公里",
     "升/百公里", "万千伏安", "千伏安", "亿千瓦时", "万亿千瓦时", "万千瓦时", "颗", "万颗", "发",
     "亿斤",
     "万亿斤", "万斤", "斤", "亿亩", "万吨/年", "亿吨/年", "克标准煤/千瓦时", "亿立方米/年",
     "亿立方米", "亿千瓦", "周", "亿吨", "间", "万间", "标准箱", "万标准箱", "TEU", "万TEU",
     "EFLOPS", "PFLOPS", "PB", "EB", "TB", "P",  # 算力规模超5000P (not 100PB of storage)
     "根", "款", "组", "口"],
    key=len, reverse=True,
)
_NUM = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 2,300 — a thousands separator
        r"|\d(?: \d)+(?![\d.])|\d+(?:\.\d+)?"  # '1 5' — digits spaced out by a PDF conversion
        r"|[〇零一二两三四五六七八九十百千万]+(?:点[〇零一二三四五六七八九]+)?")
# the lookahead lets the scan skip characters that cannot start a number quickly
_FIRST_DIGIT = r"(?=[\d〇零一二两三四五六七八九十百千万])"
_ROUND = {"百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8}  # 超万人, 近千家, 超百亿元
_ROUND_BEFORE = re.compile(r"(?:超|近|逾|过|破|上|达|约)$")
_LIST_MARK = re.compile(r"^(\s*)\d{1,2}[.．](?=\d{3})")  # '1.500万元': item 1, 500万元
_MENTION = re.compile(  # 2300余种 / 300多家: more than the number (>=)
    rf"{_FIRST_DIGIT}(?P<a>{_NUM})(?:\s*[—\-－~～至]{{1,2}}\s*(?P<b>{_NUM}))?(?P<over>[余多])?\s*(?P<unit>"
    + "|".join(re.escape(u) for u in _UNITS) + ")"
    # 42万套（间、宿舍床位）/ 100台（套）: the other measure words the count is also made of
    r"(?P<alt>[（(][间套台张个辆座户床位宿舍处栋所家、]{1,8}[)）])?"
)
# 实名注册用户突破1.2亿，/ 集聚专业技术人员超600万。: a count scaled by 万/亿 with no measure word
_SCALED = re.compile(
    r"(?:突破|超过|超|达到|达|逾|增至|增加到|提高到|发展到)\s*(?P<a>\d+(?:\.\d+)?)\s*(?P<scale>[万亿])"
    r"(?=\s*(?:[，,。；;、）)（(]|以上|左右|$))")
_MONEYISH = re.compile(
    r"产值|收入|营收|销售|投资|投入|金额|资金|融资|规模|总值|增加值|GDP|额|效益|利润|税")
# an amount whose 元 is left out (营业收入超1000万): the clause names money for certain
_MONEY = re.compile(
    r"产值|收入|营收|销售额|投资额?$|融资额?$|利润|税收|增加值|GDP|总值|金额|交易额|成交额|营业额|出口额")
_FLOOR_WORD = re.compile(r"(?:不少于|不低于|至少|超过|超|逾|近|约)\s*$")  # 投放不少于250台…
_TOTAL = re.compile(r"总数|总量|数量|规模|比重|占比|比例|率")
_CJK_START = re.compile(r"\s*[\u4e00-\u9fff]")
_ANY_DIGIT = re.compile(r"[\d〇零一二两三四五六七八九十百千万]")  # what every mention needs
_PERCENT_WORDS = re.compile(rf"百分之(?P<a>{_NUM})")
# 不少于二分之一: a fraction in words is a share (50 %)
_FRACTION = re.compile(
    r"(?<![百千万亿])(?P<d>[二三四五六七八九十]|\d{1,2})分之(?P<n>[一二三四五六七八九]|\d{1,2})")
_RANK = re.compile(rf"前\s*(?P<a>{_NUM})\s*(?P<unit>名|强|位)|(?P<hundred>百强)")
_AFTER = (("及以上", ">="), ("以上", ">="), ("以下", "<="), ("以内", "<="), ("左右", "~"))
_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")

LEVEL_VERBS = re.compile(
    r"(?:达到|迈上|跃上|不突破|不超出|突破|超过|稳定在|保持在|保持|发展到|增长到|增加到|提高到|提升到|增至|控制在|不低于|不少于"
    r"|不超过|不高于|至少|(?:提高|提升|增加|增长|扩大|上升|降低|下降|减少|缩短|压缩|降)[到至]|达|超|逾|近|约)"
    r"(?:约|近)?\s*$")  # 达到约3000亿元
INCREMENT_VERBS = (
    r"新增|新引进|引进培育|培育引进|引育|引进|培育|培养|组织实施|申报实施|实施|承担|获得|建成|打造|筛选|支持|完成(?!率)"
    r"|累计|转移转化|转化|申报|争取|新成立|成立|衍生孵化|孵化|布局建设|布局|创建|新建|遴选|扶持|发放|招引"
    r"|吸引|培训|制定|认定|设立|建设|组建|共建|争创|攻克|选派|形成|开发|研制|启动|建立|投放|选取|对接|开拓"
    r"|梳理|办好|举办|参与|复核|增资|新改建|改扩建|补建|增建|扩建|建强|推广应用|提供|传承|整理|扩招|招收|发展(?![到至成])|开展|研发(?![人投经机中平强费活支])|选择|新开工|改造提升|改造|增加(?![到至值])|减费让利|让利"
    r"|升级(?!版)|增设|更新投运|投运|更新(?![改迭换])|配置|配备|设置|挑选|保护修缮|修缮|修复(?!率)|发布|推出|新购置|购置|淘汰|更换|构建")
_INC_ANY = re.compile(INCREMENT_VERBS)
_INC_VERB = re.compile(rf"(?:{INCREMENT_VERBS})(?!载体|器|率|空间|基地|用地)")  # 孵化载体 is a noun
_LEAD_VERB = re.compile(  # 举办或参与: two verbs joined by 或 lead together
    rf"^(?:重点|积极|加快|大力)?(?:{INCREMENT_VERBS})+(?:或(?:{INCREMENT_VERBS})+)*"
    r"(?:出(?![口台版让资境海行租售现产品]))?")  # 孵化出100家…企业: the verb and its complement


def split_lead(subject: str) -> tuple[str, str]:
    """The subject's leading verb (培育, 孵化出, 举办或参与 …; "" without one) and the rest."""
    lead = _LEAD_VERB.match(subject)
    return (lead.group(), subject[lead.end():]) if lead else ("", subject)


_SCOPE = re.compile(
    r"^(?:(?:到|至|在)?\s*\d{4}\s*年(?:底前|底|末|内|前|以前)?|(?:到|至)?[“\"]?十[一二三四五六七八九]五[”\"]?(?:期间|时期|期末|末)?|(?:到|至|在)?规划期(?:末|内)|在?全市|在?全区"
    r"|在?全县|在?全省|我市|我区|我省|我县|本市|本区|本县|本省|力争|确保|(?:争取|目标)(?=\s*(?:到|至|在)?\s*\d{4}\s*年)|努力|其中|并|同时|此外"
    r"|每年|年均|今年(?!以来)|全年|再|实现|有(?!效|研发)|、|和|及|以及|的|\s"
    r"|(?:\d{1,2}月|年)(?:底前|底|内)"
    r"|(?:未来)?(?:[一二三四五六七八九十两]|\d{1,2})年(?:内|间)"  # 5年内推动…: the span it takes
    r"|[—\-－]+)+")
_REWARD_WORDS = ("奖励", "奖补", "补助", "补贴", "资助", "给予", "一次性")  # …\s*$ before an amount
_GENERIC_VERB = re.compile(
    r"^(?:加快|积极|大力|重点|进一步)?(?:分类)?(?:督促)?(?:推动|带动|促进|推进|助推|帮助|服务|提升|完成|面向)"
    r"(?:全省|全市|全区|全县)?$")
_FLOW_VERB = re.compile(r"(?:力争)?(?:组建|促成|发布|突破|攻克|举办|组织|开展|推广)")
_TRIGGER = re.compile(r"力争|争取|确保|达到|突破|超过|稳定在|发展到|提高|增长|规模")
# 6月底前实现“…”等6项重点事项“跨省通办”: 实现 commits to a count; 实现营业收入N亿元 reports a result
_ACHIEVE = re.compile(r"实现(?!了)[^，。；]*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# 推动9000家工业企业开展技术改造: firms brought to act
# / 推进大名、月浦等23个城镇雨水排水系统建设: over the names the count sums up
_PUSH = re.compile(r"(?P<verb>推动|带动|推进|提升|完成|面向)(?:全省|全市|全区|全县)?"
                   r"(?:[^，,。；;\d]{1,30}等)?\s*$")
_COUNT_UNITS = ("项", "个", "条", "类", "件", "方面", "")  # 八项重点任务 counts tasks
# 全年重点项目1万亿元的投资任务: the amount sizes a task or goal
TASK_AFTER = re.compile(r"\s*的?[\u4e00-\u9fff]{0,6}?(?:任务|目标)(?![\u4e00-\u9fff])")
_BARE_VERB = re.compile(
    r"(?:的?部分)?(?:为|至|到|达|有|形成|发展|实现|推出|建立|超|达到|增至|提高到|提升到)")
_PREDICATE_TAIL = re.compile(
    r"(?:数量|总数)?(?:实现|保持|进一步|持续|稳步|大幅).*$"
    r"|(?:高于|超过|不低于|好于|快于)\s*(?:20\d{2}\s*年|上年|去年|上一年)[^，。；]*$")
# 存款增速高于9%: the comparator word is the comparator, not part of what is measured
_COMPARATOR_TAIL = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:要|应|须|应当)?(?:高于|低于|快于|好于|不低于|不高于)$")


# 针对已上市的中药大品种 / 重点针对…已经具备一定循证证据的疾病: 已 inside a phrase that
# describes the object of the sentence's own verb says nothing about the sentence's tense
_ATTRIBUTIVE_PAST = re.compile(
    r"(?:针对|对于|面向|选择|基于|围绕|遴选|筛选|提升|完善|优化|整合|依托|用好|发挥|改造|升级|盘活"
    r"|一批)"  # 改造升级一批已配置新型储能但未有效利用的电站: which stations, not what was done
    r"[^，。；]{0,30}?(已经?[^，。；\d]{0,14}?的)")


# 推动已纳规火电项目加快建设 / 推进已签约项目落地: the projects already approved are what is pushed
_PUSHED_PAST = re.compile(
    r"(?:推动|推进|加快|督促|支持|加速)(已经?(?:纳规|纳入规划|核准|批复|备案|签约|立项|获批|开工|落地))"
    r"(?=[\u4e00-\u9fff]{0,8}(?:项目|工程|企业|机组))")


# 依托现有资源 / 整合现有平台: what exists is the means of the sentence's own verb
_MEANS_EXISTING = re.compile(r"(?<=依托|利用|整合|盘活|用好|基于|改造|优化)现有")


def mask_attributive_past(text: str) -> str:
    """The text with every attributive 已…的 phrase (and 依托现有…) blanked (offsets kept)."""
    if "现有" in text:
        text = _MEANS_EXISTING.sub("  ", text)
    if "已" not in text:
        return text
    for pattern in (_ATTRIBUTIVE_PAST, _PUSHED_PAST):
        text = pattern.sub(
            lambda m: m.group()[:m.start(1) - m.start()] + " " * len(m.group(1)), text)
    return text


@dataclass(frozen=True)
class Mention:
    start: int  # number start within the sentence
    end: int  # after unit and any trailing comparator word
    value: float
    value_max: float | None
    unit: str
    comparator: str
    rank: bool = False


@dataclass
class Candidate:
    subject: str
    value: float
    value_max: float | None
    unit: str
    comparator: str
    kind: str
    quote_start: int
    quote_end: int
    number_at: int
    clause_prefix: str
    number_end: int = -1  # after the unit and any comparator word
    baseline: float | None = None  # 从12.5%提高到18%: the starting value the sentence gives
    baseline_year: int | None = None
    year: int | None = None  # 2021年至2024年…分别达到30%、60%…: the year the list gives this value


def _number(raw: str, before: str = "") -> float | None:
    if len(raw) == 1 and raw in "百千万":  # 超万人 / 培训万名新工匠: a round count
        rounded = _ROUND_BEFORE.search(before) or _VERB_END.search(before) \
            or _BARE_ACT_END.search(before)  # 集聚万名人才
        return _ROUND[raw] if rounded else None
    return parse_number(raw)


_VERB_END = re.compile(rf"(?:{INCREMENT_VERBS})$")
_LEAST = re.compile(r"(?:不少于|不低于|至少)\s*$")
_FLOOR_LEAD = re.compile(r"至少|不少于|不低于")  # what _PREFIX_FLOOR cannot match without
_PREFIX_FLOOR = re.compile(rf"(?:至少|不少于|不低于)\s*(?:{INCREMENT_VERBS})$")  # 至少建设1家
_PROGRAMME_NAME = re.compile(r"[^，。；、和]{0,12}?(?:行动计划|计划|工程|行动)(?:[和、，。；]|$)")
_TIME_LIMIT = re.compile(r"(?<=个)(?:工作日|自然日|小时)|(?<=月)内|(?<=月)(?:左右)?的?时间")
# 开办时间压缩至5个工作日以内: a time to cut down to is a goal, not a rule's time limit
# what a time, cost or level is cut down to (压缩至1个工作日内, 由60个工作日压缩至40个)
CUT_VERBS = "压缩|缩短|压减|减少|降低"
_CUT_TO = re.compile(rf"(?:{CUT_VERBS}|控制)(?:至|到|在)\s*$")
_CUT_FROM = re.compile(rf"\s*(?:{CUT_VERBS})(?:至|到)")  # 由60个工作日压缩至40个


# 年产30万吨的项目 names a plant by its size; 形成/具备年产…能力 is what a plan builds up
_BUILT_CAPACITY = re.compile(r"(?:形成|具备|达到|建成)年产$")
_CAPACITY_AFTER = re.compile(r"[^，。；;]*?能力")


_GOALS_NAMED = re.compile(r"\s*\d+(?:\.\d+)?\s*%\s*目标")


# an acronym (two or more capitals after Chinese) run into a count of what it names
_COUNTED_ACRONYM = re.compile(r"[\u4e00-\u9fff][A-Z]{2,}\s*\d+(?:\.\d+)?\s*[家个名项套所座款]$")


_SIZE_CLASS = re.compile(r"\s*(?:及以上|以上|以下|及以下)(?:的)?[^，,。；;\d]{0,12}?"
                         r"(?:机组|装置|锅炉|电站|设备|生产线|窑炉|电机)")
_CAPACITY_UNITS = ("千瓦", "兆瓦", "吨/年", "吨/日", "吨/小时", "千伏安", "MW")
# 5万平方米以上大型商业综合体 / 2000吨标准煤以上用能企业 / 年综合能耗超过1万吨标准煤的数据中心:
# an area or energy use bounding a class of places or firms (what the plan does to them follows)
_SIZED_CLASS = re.compile(
    r"\s*(?:标煤|标准煤)?(?P<bound>及以上|以上|以下|及以下)?(?P<of>的)?[^，,。；;\d]{0,10}?"
    r"(?:企业|单位|项目|综合体|建筑|场所|用户|数据中心|园区)")
_CLASS_SIZE_UNITS = ("平方米", "吨标准煤", "吨")
_BOUND_BEFORE = re.compile(r"(?:超过|不低于|不少于|高于|低于|大于|小于)\s*$")


_PER_POPULATION = re.compile(r"口[\u4e00-\u9fff]{0,10}?(?:率|拥有量|数)")


_NAME_IN_LIST = re.compile(r"[\u4e00-\u9fff]{1,6}(?:、|等)")
_ITEM_COUNT = re.compile(r"\d|[一二三四五六七八九十两百千]+(?:个|家|项|座|所|条|处|批)")
_PLACE_LIST = re.compile(r"(?:在|向|于)([^，,；;：:在向于]*)$")
_LIST_WORK = re.compile(r"建设|建成|新建|打造|培育|推进|推动|实施|开展|完成|创建|布局|新增")


def _places_listed(before: str) -> bool:
    """``before`` ends inside a list of places that 在/向/于 opens, none counted, none a work
    (在A、B、五个新城等 / 向A、B、五个新城等集聚; not 建设A、五个基地)."""
    m = _PLACE_LIST.search(before)
    return m is not None and "、" in m.group(1) and not _ITEM_COUNT.search(m.group(1)) \
        and not _LIST_WORK.search(m.group(1))


def _excluded(sentence: str, start: int, end: int) -> bool:
    before, after = sentence[:start].rstrip(), sentence[end:end + 2]
    if before.endswith("年产") and _BUILT_CAPACITY.search(before) \
            and _CAPACITY_AFTER.match(sentence, end):
        return False  # 形成年产50发商业火箭…的制造能力: a capacity the plan builds up
    if before.endswith(("第", "+", "年产", "×", "最高", "最多")) \
            or (before[-1:].isascii() and before[-1:].isalpha()
                and not _COUNTED_ACRONYM.search(before + sentence[start:end])):
        return True  # a Latin letter: a name (C919, G60), not 集聚OPC5000家: OPCs counted
    if (_TIME_LIMIT.match(sentence, end) or sentence[start:end].endswith("工作日")) \
            and not _CUT_TO.search(before) and not _CUT_FROM.match(sentence, end):
        return True  # 在30个工作日内 / 3个月内: a time limit, not a count
    if sentence[start:end].endswith("人") and after.startswith(("大型", "级", "规模", "间")):
        return True  # 打造岛北8万人大型开放空间 / 2人间病房: a place's capacity, not a count
    if sentence[start:end].endswith("人") and _PER_POPULATION.match(sentence, end):
        return True  # 十万人口死亡率 / 每万人口发明专利拥有量: the base a rate is counted on
    if sentence[start:end].endswith("位") and after.startswith(("一体", "数")):
        return True  # 三位一体 / 两位数增长: idioms, not a count of persons
    if (sentence[start:end].endswith("%") and re.search(r"\d\s*个$", before)
            and after.startswith("目标")) or _GOALS_NAMED.match(sentence, end):
        return True  # 实现4个100%目标: the name of a set of goals, each stated after it
    if _SIZE_CLASS.match(sentence, end) and sentence[start:end].endswith(_CAPACITY_UNITS):
        return True  # 推动30万千瓦以上现役煤电机组改造: the size names which units
    sized = _SIZED_CLASS.match(sentence, end) if sentence[start:end].endswith(_CLASS_SIZE_UNITS) \
        else None
    if sized and (sized.group("bound") or (sized.group("of") and _BOUND_BEFORE.search(before))) \
            and not _VERB_END.search(before):  # (累计完成180万平方米以上…改造: work done)
        return True  # 5万平方米以上大型商业综合体…达标率: the size picks out the places
    if before.endswith("、") and _NAME_IN_LIST.match(sentence, end) and _places_listed(before):
        return True  # 在临港新片区、虹桥国际中央商务区、五个新城等: a name in a list of places
    if before.endswith(("其他", "其余")) or (sentence[start:end].endswith("公里")
                                          and after.startswith(("跑", "赛", "徒步"))):
        return True  # 其他三种（已列举的）/ 樱花女子10公里跑: a reference, a race's name
    return after.startswith(("/", "+", "强")) or before.count("“") > before.count("”")


def _comparator_after(sentence: str, end: int) -> tuple[str | None, int]:
    rest = sentence[end:]
    stripped = rest.lstrip()
    for word, comp in _AFTER:
        if stripped.startswith(word):
            return comp, end + (len(rest) - len(stripped)) + len(word)
    if _WITHIN.match(rest):  # 压缩至1个工作日内 / 3个月内: within
        return "<=", end + 1
    return None, end


_WITHIN = re.compile(r"内(?:[，,。；;）)]|$)")


_ENTER = re.compile(r"(?:进入|跻身|入选|位列|迈入|进|入围|保持)[^，。；]{0,14}$")


def _rank_mentions(sentence: str) -> list[Mention]:
    """前20名 / 百强; a 百强 list that a 前N place follows (百强县前30名) is the list's name."""
    out: list[Mention] = []
    if "前" not in sentence and "百强" not in sentence:
        return out
    for m in _RANK.finditer(sentence):
        value = 100.0 if m.group("hundred") else _number(m.group("a"))
        if value is None:
            continue
        if m.group("hundred") and (re.match(r"[^，。；、]{0,6}?前\s*\d", sentence[m.end():])
                                   or not _ENTER.search(sentence, 0, m.start())):
            continue  # 百强县前30名 / 评选发布百强企业: the name of a list, not a place to reach
        unit = "强" if m.group("hundred") else m.group("unit")
        out.append(Mention(m.start(), m.end(), value, None, unit, "<=", rank=True))
    return out


def blank_list_mark(sentence: str) -> str:
    """A list number run into the value ('1.500万元') or opening an item ('38．推进10万户…')
    blanked, offsets kept."""
    if not sentence.lstrip()[:1].isdigit():
        return sentence  # (both forms start with the number: a cheap test first)
    m = _LIST_MARK.match(sentence) or _ITEM_OPEN.match(sentence)
    return sentence if m is None else " " * m.end() + sentence[m.end():]


_ITEM_OPEN = re.compile(r"^\s*\d{1,3}[.．、]\s*(?=[\u4e00-\u9fff])")


def has_number(text: str) -> bool:
    """Whether the text holds a digit or a Chinese numeral: without one it has no mention and
    no year (a cheap test that lets callers skip a sentence)."""
    return _ANY_DIGIT.search(text) is not None


def find_mentions(sentence: str) -> list[Mention]:
    """Number+unit mentions (and rank phrases) that are not names, ordinals or capacities."""
    return list(_mentions(sentence))


@lru_cache(maxsize=4096)
def _mentions(sentence: str) -> tuple[Mention, ...]:
    """find_mentions, once per sentence (targets and the past facts read the same sentences)."""
    return tuple(_find_mentions(sentence))


def _find_mentions(sentence: str) -> list[Mention]:
    if not _ANY_DIGIT.search(sentence):
        return []
    sentence = blank_list_mark(sentence)
    out = _rank_mentions(sentence)
    taken = [(m.start, m.end) for m in out]
    for m in _PERCENT_WORDS.finditer(sentence):
        value = _number(m.group("a"))
        if value is not None:
            comp, end = _comparator_after(sentence, m.end())
            comp = comp or comparator_before(sentence[:m.start()]) or "="
            out.append(Mention(m.start(), end, value, None, "%", comp))
            taken.append((m.start(), m.end()))
    out.extend(_fraction_mentions(sentence, taken))
    out.extend(_ratio_mentions(sentence, taken))
    out.extend(_scaled_mentions(sentence, taken))
    out.extend(_bare_ratio_mentions(sentence, taken))
    for m in _MENTION.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken) or _excluded(sentence, m.start(), m.end()):
            continue
        if m.group("unit").endswith("元") \
                and sentence[:m.start()].rstrip().endswith(_REWARD_WORDS):
            continue
        mention = _make_mention(sentence, m)
        if mention is not None:
            out.append(mention)
    return sorted(out, key=lambda x: x.start)


def _fraction_mentions(sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    if "分之" not in sentence:
        return out
    for m in _FRACTION.finditer(sentence):
        d, n = _number(m.group("d")), _number(m.group("n"))
        if d is None or n is None or not 0 < n < d:
            continue
        comp, end = _comparator_after(sentence, m.end())
        comp = comp or comparator_before(sentence[:m.start()]) or "="
        out.append(Mention(m.start(), end, round(n / d * 100, 2), None, "%", comp))
        taken.append((m.start(), m.end()))
    return out


# 车桩比达到1.9:1 / 车桩增量比力争达到2:1: a ratio to one, named by its 比
_RATIO = re.compile(r"(?<![\d.:：])(\d+(?:\.\d+)?)\s*[:：]\s*1(?![\d.:：])")
_RATIO_NAMED = re.compile(r"比[^，,。；;\d]{0,6}$")


def _ratio_mentions(sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    if ":" not in sentence and "：" not in sentence:
        return out
    for m in _RATIO.finditer(sentence):
        if not _RATIO_NAMED.search(sentence, 0, m.start()):
            continue
        comp, end = _comparator_after(sentence, m.end())
        comp = comp or comparator_before(sentence[:m.start()]) or "="
        out.append(Mention(m.start(), max(end, m.end()), float(m.group(1)), None, ":1", comp))
        taken.append((m.start(), m.end()))
    return out


# 容载比提升至1.86 / 平均电能利用效率降至1.3以下 / 死亡率控制在0.25以内: a ratio or index
# measured without a unit, the number right after the verb that sets it
_BARE_RATIO = re.compile(
    r"(?:比|系数|指数|效率|PUE|死亡率)\s*(?:力争)?(?:提升|提高|降低|下降|降|增加|增长)?(?:至|到)?"
    r"(?:控制在|保持在|稳定在|达到|不高于|不超过|不低于|低于|小于|高于)?\s*"
    r"(?P<a>\d+(?:\.\d+)?)(?=\s*(?:以下|以上|左右|以内|[，,。；;、）)]|$))")


def _bare_ratio_mentions(sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Ratios and indices printed without a unit (容载比提升至1.86): value as printed, no unit."""
    out: list[Mention] = []
    for m in _BARE_RATIO.finditer(sentence):
        start = m.start("a")
        if any(s <= start < e for s, e in taken) \
                or sentence[m.start():start].strip() in ("比", "效率", "指数", "系数"):
            continue  # (a number run into its name, 比2020, is a comparison, not a value)
        comp, end = _comparator_after(sentence, m.end())
        comp = comp or comparator_before(sentence[:start]) or "="
        out.append(Mention(start, max(end, m.end()), float(m.group("a")), None, "", comp))
        taken.append((start, m.end()))
    return out


def _scaled_mentions(sentence: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Counts printed without a measure word (用户突破1.2亿, 人员超600万): value in units, no unit.
    An amount of money with its 元 left out (营业收入超1000万, 产值突破100亿) is in 万元/亿元 when
    the clause names income, output or value; a vaguer money word (规模, 效益) is not read."""
    out: list[Mention] = []
    if "万" not in sentence and "亿" not in sentence:
        return out
    for m in _SCALED.finditer(sentence):
        start = m.start("a")
        clause = sentence[max(sentence.rfind(c, 0, start) for c in "，,；;。") + 1:start]
        if _excluded(sentence, start, m.end()):
            continue
        unit = ""
        if _MONEYISH.search(clause):
            if not _MONEY.search(clause):
                continue
            unit = m.group("scale") + "元"  # 总营业收入超1000万: yuan, as every reader takes it
        value = float(m.group("a")) if unit else parse_number(m.group("a") + m.group("scale"))
        if value is None:
            continue
        comp, end = _comparator_after(sentence, m.end())
        comp = comp or comparator_before(sentence[:start]) or "="
        out.append(Mention(start, end, value, None, unit, comp))
        taken.append((start, m.end()))
    return out


_FLOOR_LINE = re.compile(r"[^，,。；;]{0,30}?保护(?:底线|红线)")
_SHARE_WORDS = r"(?:不低于|不少于|不高于|不超过|高于|低于|超过)"
_SHARE_OF = re.compile(rf"(?:比例|比重|占比)({_SHARE_WORDS})[^，,。；;\d]{{2,20}}的\s*$")


_SHARE_OF_SUBJECT = re.compile(rf"(.{{2,}}?(?:比例|比重|占比)){_SHARE_WORDS}"
                               r"([^，,。；;\d]{2,20}?)的?")


def _share_of_base(subject: str) -> str:
    """比例不低于各区养老机构数量的15% → 比例（占各区养老机构数量）: the base the share is of."""
    of = _SHARE_OF_SUBJECT.fullmatch(subject)
    return f"{of.group(1)}（占{of.group(2)}）" if of else subject


_FA_WORDS = "展布放明行生挥起现出力射文表动"


def _word_not_unit(unit: str, chinese: bool, after: str) -> bool:
    """50发商业火箭 counts rockets, 压缩至3周以内 is a time; 百发百中, 2发展, 100周年 and 3周内 (a
    time limit) are words or rules, not measures."""
    if unit == "发":
        return chinese or after in _FA_WORDS
    return unit == "周" and (chinese or after in "年岁边期末内")


def _make_mention(sentence: str, m: re.Match[str]) -> Mention | None:
    raw_a, raw_b, unit = m.group("a"), m.group("b"), m.group("unit")
    value = _number(raw_a, sentence[:m.start()])
    value_max = _number(raw_b) if raw_b else None
    if value is None or (raw_b and value_max is None):
        return None
    chinese = raw_a[0] not in "0123456789"
    if _word_not_unit(unit, chinese, sentence[m.end():m.end() + 1]):
        return None
    if chinese and value < 2 and "百分点" not in unit \
            and not (_LEAST.search(sentence, 0, m.start())
                     and "每" not in _CLAUSE_SPLIT.split(sentence[:m.start()])[-1]):
        return None  # 一个… is an article; 不少于一处 is a count (每30公里…一名: a ratio)
    if chinese and _PROGRAMME_NAME.match(sentence, m.end()):
        return None  # 培育千名青年农场主行动计划: a round number in a programme's name
    if unit.startswith("万") and unit not in ("万元", "万平方米", "万亩", "万美元", "万元/人",
                                              "万千瓦", "万吨标准煤", "万吨", "万立方米", "万吨/日",
                                              "万㎡", "万立方米/日", "万公里", "万千伏安",
                                              "万千瓦时", "万吨/年", "万亿千瓦时"):
        # 1.5万亿元 → 15000 亿元, 2万家 → 20000 家; money and area units stay as printed
        unit = unit[1:]
        value = round(value * 1e4, 6)  # 1.39万亿元 is 13900 亿元, not 13899.99…
        value_max = round(value_max * 1e4, 6) if value_max is not None else None
    if unit in ("亿人", "亿人次"):  # 受益人群超过5亿人 → 500000000 人
        unit = unit[1:]
        value = round(value * 1e8, 6)
        value_max = round(value_max * 1e8, 6) if value_max is not None else None
    if unit == "个百分点":
        unit = "百分点"
    comp, end = _comparator_after(sentence, m.end())
    if comp is None and m.group("over"):
        comp = ">="
    if comp is None and _FLOOR_LEAD.search(sentence, 0, m.start()) \
            and _PREFIX_FLOOR.search(sentence[:m.start()].rstrip()):
        comp = ">="
    if comp is None and _FLOOR_LINE.match(sentence, m.end()):
        comp = ">="  # 守住202万亩耕地、150万亩永久基本农田保护底线: what may not shrink
    if comp is None and unit == "%":  # 比例不低于各区养老机构数量的15%: a share of a named base
        of = _SHARE_OF.search(sentence, 0, m.start())
        comp = comparator_before(of.group(1)) if of else None
    if comp is None:
        comp = comparator_before(sentence[:m.start()]) or "="
        if sentence[:m.start()].rstrip().endswith("突破") and _CJK_START.match(sentence, m.end()):
            comp = "="  # 突破10-15项关键技术: the verb, not a floor
    if m.group("alt"):
        unit += "（" + m.group("alt")[1:-1] + "）"
    return Mention(m.start(), end, value, value_max, unit, comp)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause; a comma inside a long bracket (OPC（即…的新型创业组织，以下简称
    OPC）数量突破100家) does not end the clause around it."""
    cuts = [m.end() for m in _CLAUSE_SPLIT.finditer(sentence)]
    if "以下简称" in sentence:
        cuts = [c for c in cuts if not _in_definition(sentence, c)]
    bounds = [0, *cuts, len(sentence) + 1]
    return [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]


_DEFINITION = re.compile(r"[（(][^（）()]*?以下简称[^（）()]*[)）]")
_EXPLAINED = re.compile(r"[（(](?!以下简称)[^（）()]{6,}?以下简称[^（）()]*[)）]")


def _in_definition(sentence: str, at: int) -> bool:
    """Whether ``at`` lies inside a bracket that defines a short name (（…，以下简称X）)."""
    return any(m.start() < at < m.end() for m in _DEFINITION.finditer(sentence))


def strip_scope(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        text = _SCOPE.sub("", text)
        if text.startswith("争取") and _LEAD_VERB.match(text[2:]):
            text = text[2:]
    return text.strip()


_LIST_JOINER_END = re.compile(r"[、和及与]\s*$")


def _noun_after(sentence: str, start: int, stop: int) -> str:
    text = sentence[start:stop].strip().lstrip("、和及")
    text = _LIST_JOINER_END.sub("", text).rstrip("。；;，, ")
    return _FLOOR_WORD.sub("", text) if len(text) > 3 else text  # 50位名老中医不少于10万例


_CLASS_HEAD = re.compile(r"(?:超过|超|过|逾)\s*[\d一二三四五六七八九十百千万亿]")


def _short_subject(noun: str) -> str:
    """The head after the last 的 when it is long enough, unless what goes before it is a class
    threshold (产值超万亿元的战略性产业集群): that is part of what is counted."""
    if "的" in noun:
        head, tail = noun.rsplit("的", 1)
        if len(tail) >= 5 and not _CLASS_HEAD.search(head):
            return tail
    return noun


@dataclass
class _ClauseState:
    verb: str = ""
    triggered: bool = False
    objects: bool = False


# the words joining the items of a list; 及/和/与 inside a word (普及率, 和谐, 参与) join nothing
# the words that join the items of a list (not 普及, 涉及, 总和, 参与 …)
_CONJ = (r"以及|(?<![普涉惠波触顾危企提])及(?!时)|(?<![总缓平温柔调])和(?![谐平])"
         r"|(?<![参给赋授])与")
LIST_JOIN = re.compile(rf"(、|{_CONJ})")


def _fenbie_parts(sentence: str, clauses: list[tuple[int, int]], ci: int,
                  first: Mention, count: int) -> list[tuple[str, int]] | None:
    """Subjects of a '甲、乙分别达到 X 和 Y' list, with their offsets in the sentence."""
    cs = clauses[ci][0]
    seg = sentence[cs:first.start]
    if "分别" not in seg:
        return None
    head, base = seg.split("分别", 1)[0], cs
    if not strip_scope(head) and ci > 0:
        base = clauses[ci - 1][0]
        head = sentence[base:clauses[ci - 1][1]]
    parts = _list_items(sentence, head, base, keep_places=False)
    if len(parts) != count:  # 全市和各区研发投入强度分别…: a whole place is an item, not a frame
        parts = _list_items(sentence, head, base, keep_places=True)
    if len(parts) != count and base == cs:  # A和B在新建、改建绿地的应用比例分别…: a 、 in the
        parts = _list_items(sentence, head, base, keep_places=False, joins=_CONJ_JOIN)  # measure
    if len(parts) != count:
        return None
    share = _SHARE_AFTER.match(seg.split("分别", 1)[1])
    if share:  # 货物贸易、对外投资分别占比达30%、20%: each is a share
        parts = [(name + share.group(1), at) for name, at in parts]
    return _shared_lead(_shared_head(parts))


_CONJ_JOIN = re.compile(rf"({_CONJ})")
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]")


def _list_items(sentence: str, head: str, base: int, *, keep_places: bool,
                joins: re.Pattern[str] = LIST_JOIN) -> list[tuple[str, int]]:
    """The items of the list ``head`` (at ``base`` in the sentence) names, with their offsets;
    a join inside brackets (公益性、商业性（含经营性和自设性）…) joins no items."""
    masked = _BRACKETED.sub(lambda b: "□" * len(b.group()), head)
    parts: list[tuple[str, int]] = []
    start = 0
    for sep in [*joins.finditer(masked), None]:
        end = sep.start() if sep is not None else len(head)
        piece = head[start:end]
        whole = _WHOLE_PLACE.fullmatch(piece) if keep_places else None
        name = strip_scope(piece) or (whole.group(1) if whole else "")
        name = _PREDICATE_TAIL.sub("", name)
        if name:
            parts.append((name, sentence.find(name, base + start)))
        start = sep.end() if sep is not None else len(head)
    return parts


# 单位国内生产总值能耗和二氧化碳排放分别…: the intensity the first item is measured by
_INTENSITY_HEAD = re.compile(r"^(?:规模以上工业)?(?:单位|万元)(?:国内|地区)?"
                             r"(?:生产总值|GDP|工业增加值|增加值)")


def _shared_lead(parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """'单位国内生产总值能源消耗和二氧化碳排放分别降低…': the later items are measured per the
    same unit of output, printed once before the first."""
    lead = _INTENSITY_HEAD.match(parts[0][0]) if len(parts) >= 2 else None
    if lead is None:
        return parts
    return [parts[0]] + [(name if name.startswith(("单位", "万元", lead.group())) else
                          lead.group() + name, at) for name, at in parts[1:]]


# what 分别 is followed by when each item is a share: 分别占比达 / 分别占全市工业比重达到
_SHARE_AFTER = re.compile(r"^((?:占比|比重|占[\u4e00-\u9fff]{1,8}?比重))"
                          r"(?:达到|达|为|超过|不低于)?\s*$")


# where the last item of a 分别 list names what all of them measure: 甲、乙和丙产业集群规模
_MEASURE_WORDS = re.compile(r"年均|产业|规模|排放|比例|比重|占比|增速|增长|面积|数量|总量|产值|"
                            r"营收|收入|额|覆盖率|达标率|消耗|能耗|[^\W\d_]{0,2}率$")


_WHOLE_PLACES = "全市|全区|全省|全县"
# a part of a city or a region, by its last word (中心城区, 郊区, 临港新片区, 第一档地区)
_AREA_WORDS = "城区|地区|区域|新城|市区|郊区|片区"
_WHOLE_PLACE = re.compile(rf"\s*(?:到\s*\d{{4}}\s*年[，,]?)?\s*({_WHOLE_PLACES})\s*")
# 中心城区和郊区公交分担率 / 全市和各区研发投入强度: places as the items, the measure after the
# last place
_PLACE_ITEM = re.compile(rf"^(?:{_WHOLE_PLACES}|各区|各县|各市|[\u4e00-\u9fff]{{0,6}}?"
                         rf"(?:{_AREA_WORDS}))")


def _shared_head(parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """'新一代信息技术、高端装备制造、现代物流产业集群规模分别达到…': the earlier items take the
    last item's measure (…产业集群规模), which is printed once; where the items are places
    (中心城区和郊区公交分担率), the measure is all that follows the last place."""
    if len(parts) < 2:
        return parts
    last = parts[-1][0]
    place = _PLACE_ITEM.match(last)
    if place and place.end() < len(last) \
            and all(_PLACE_ITEM.fullmatch(name) for name, _ in parts[:-1]):
        tail = last[place.end():]
        return [(name + tail, at) for name, at in parts[:-1]] + [parts[-1]]
    short = {len(name) for name, _ in parts[:-1]}
    if len(short) == 1 and (size := short.pop()) <= 3 and len(last) > size + 1 \
            and _CJK.match(last[size]) and last[size] != parts[0][0][-1]:
        # 粮食、蔬菜种植面积 / 城镇、农村居民人均可支配收入: short items of one size; what
        # follows as many characters of the last one is the measure they share (not where that
        # cuts a bracket off or doubles a character: 县道、乡村道路…)
        return [(name + last[size:], at) for name, at in parts[:-1]] + [parts[-1]]
    where = last.find("在", 2)  # 乡土树种和地产草种在新建、改建公园绿地的应用比例: where, and what
    if where > 0 and not any("在" in name for name, _ in parts[:-1]):
        return [(name + last[where:], at) for name, at in parts[:-1]] + [parts[-1]]
    m = _MEASURE_WORDS.search(last, 1)
    if m is None or any(_MEASURE_WORDS.search(name) for name, _ in parts[:-1]):
        return parts
    tail = last[m.start():]
    return [(name + tail, at) for name, at in parts[:-1]] + [parts[-1]]


_NEW_FLOW = re.compile(r"新增(?!长)|增量|^新建")


def _rate_kind(m: Mention, seg: str, subject: str) -> str | None:
    """Changes, rates and shares, read before anything else: per year, growth, a share, a flow
    by its name."""
    if m.unit == "百分点" and re.search(r"每年|年均", seg):
        return "change_per_year"
    if m.unit not in ("%", "百分点") and _YEARLY_ADD.search(seg):
        return "change_per_year"  # 工业投资年均同比新增超过1000亿元
    if m.unit == "%":  # 生产效率提高20%以上: a rise by a share of itself; otherwise a share is
        # where things stand (提高到30%, 新建…屋顶光伏覆盖率不低于50%), not an amount added
        growth = re.search(r"增长|增速|增幅|涨幅", seg[-6:]) or _RISE_BY.search(seg)
        return "growth_rate" if growth else "level"
    if m.unit == "百分点" and (_GROWTH_MARGIN.search(seg) or _POINTS_UP.search(seg)):
        return "growth_rate"  # 贷款增速高于各项贷款增速10个百分点: a growth rate's margin;
        # 占比提高10个百分点: a rise by points (a fall, 降低2个百分点, is signed below)
    if m.unit not in ("%", "百分点") and (_NEW_FLOW.search(seg) or _NEW_FLOW.search(subject)):
        return "increment"  # 信贷新增额达到2.7万亿元 / 新增上市公司达到100家: a flow
    return None


_FORMED_OUTPUT = re.compile(
    r"形成[\u4e00-\u9fff]{0,8}?(?:标准|技术|工艺|产品|成果|专利|方案|指南|规范|新药|论文|专著)"
    r"\s*(?:不少于|至少|超过|超)?\s*$")
_PER_HEAD = re.compile(r"^(?:每)?(?:万人|百人|千人|万名|十万人|百万人)")
_FORM_FLOOR = re.compile(r"形成\s*(?:不少于|至少|超过)?\s*$")
_MAKE_UP = re.compile(r"(?:建成|建立|形成)(?:包括|覆盖|涵盖)")


def _kind(m: Mention, seg: str, noun: str, verb: str, subject: str) -> str:
    if m.rank:
        return "rank"
    if _PER_HEAD.match(subject) or m.unit == ":1":
        return "level"  # 万人新增发明专利授权数超90件 / 车桩增量比2:1: a ratio, whatever it counts
    rate = _rate_kind(m, seg, subject)
    if rate is not None:
        return rate
    if seg.rstrip().endswith("突破") and m.comparator == "=":
        return "increment"  # 突破10-15项关键技术: breakthroughs to make
    if _FORM_FLOOR.search(seg) \
            and any(_OUTPUT.search(item) for item in re.split(r"[、和及与]", noun)):
        return "increment"  # 形成3-5项新工艺新技术 / 50项药典标准: new outputs, not a stock
    if _FORMED_OUTPUT.search(seg):
        return "increment"  # 形成核心专利300项以上: the outputs named before their count
    if _MAKE_UP.search(seg):
        return "level"  # 建成包括300家市级医院和800家县级医院的网络: the make-up of a whole
    if _state_reached(seg, m.comparator):
        return "level"  # 形成20-30个产业集群 / 建成孵化器超600家: the count there will be
    if _FLOOR_WORD.search(seg) and _INC_VERB.search(seg) and not _TOTAL.search(seg):
        return "increment"  # 投放不少于250台 / 引进人才超万人: what will be done
    if seg.rstrip().endswith("实现") and m.unit not in ("%", "百分点") \
            and not m.unit.endswith("元"):
        return "increment"  # 实现6万家企业数字化转型: what is brought about
    if "新增" in seg and not LEVEL_VERBS.search(seg):
        return "increment"  # 全省新增社会融资规模4万亿元: what is added
    if LEVEL_VERBS.search(seg) or "规模" in seg[-4:] \
            or (noun.startswith("规模") and not noun.startswith("规模以上")) \
            or (m.unit.endswith("元") and noun.endswith("基金")):  # 设立1亿元引导基金: a size
        return "level"
    if m.unit in ("%", "百分点") or _MEETS.search(noun) or _MEETS.search(subject):
        # 基本实现…充电设施100%全覆盖: a share is where things stand; 50平方公里以上建设用地
        # 面积达到海绵城市建设目标要求: what complies
        return "level"
    # 集聚1000家以上…OPC主体: how many will be gathered there, a level (11 of 12 golds)
    if not _GATHERED.match(verb or subject) and (
            verb or _INC_VERB.search(subject) or re.search(r"进入|列入|入选", subject)
            or _FLOW_VERB.match(subject)):
        return "increment"
    return "level"


_GATHERED = re.compile(r"(?:集聚|汇聚|聚集)(?!培育|引进|培养)")


_MEETS = re.compile(r"达到[^，。；]{0,24}(?:要求|标准)$")
_STATE_VERB = re.compile(r"(?:建成|形成)(?P<noun>[^，。；]*?)\s*$")


# what work produces (standards, techniques, products…), as against what comes to exist
# (集群, 园区, 企业): 形成 N 项 of the first is a flow
_OUTPUT = re.compile(r"(?:标准|技术|工艺|产品|成果|专利|方案|指南|规范|新药|论文|专著)$")
_YEARLY_ADD = re.compile(r"年均(?:同比)?(?:新增|增加)")
_RISE_BY = re.compile(r"(?:提高|提升)了?\s*(?:约|近|超过|超)?\s*$")
_POINTS_UP = re.compile(r"(?:提高|提升|增加|上升|增长)了?\s*(?:约|近|超过|超)?\s*$")
_GROWTH_MARGIN = re.compile(r"(?:增长|增速|增幅)(?:高于|快于|超过)?[^，。；\d]{0,10}$")


def _state_reached(seg: str, comparator: str = "=") -> bool:
    """形成 N 个…, 建成 X 超 N 家 and 建成 X N 个以上 state what will exist (a level);
    新增/累计 make it a flow."""
    m = _STATE_VERB.search(seg)
    if m is None or re.search(r"新增|累计|新建|再", seg):
        return False
    noun = m.group("noun")
    if not noun:
        return m.group().startswith("形成")
    return bool(_CJK.search(noun)) and (_FLOOR_WORD.search(seg) is not None or comparator == ">=")


def _rank_subject(sentence: str, m: Mention, seg: str, noun: str) -> tuple[str, int]:
    parts = re.split(r"力争|进入|跻身|位居|迈入|位列|保持|进", seg, maxsplit=1)
    pre = strip_scope(parts[0]).rstrip("力争")
    if pre:
        return pre, sentence.rfind(pre, 0, m.start)
    rest = parts[1] if len(parts) > 1 else seg
    return rest.strip() + sentence[m.start:m.end] + noun, m.start - len(rest)


def parse_sentence(sentence: str, framed: bool = False) -> tuple[list[Candidate], list[Mention]]:
    """Candidates for every triggered mention; the untriggered mentions are returned apart.
    ``framed``: a 到20XX年 or goal heading frames the sentence, so its counts are what is aimed at
    (到2020年，…高新技术企业拥有著名商标3000个)."""
    sentence = blank_list_mark(sentence)
    counted = _counted_rates(sentence)
    mentions = find_mentions(sentence)
    if not mentions:
        return counted, []
    cands: list[Candidate] = counted
    unparsed: list[Mention] = []
    carried = ""  # the verb of the clause before, for a list that runs on after a comma
    clauses = _clauses(sentence)
    for ci, (cs, ce) in enumerate(clauses):
        ms = [m for m in mentions if cs <= m.start < ce]
        if not ms:
            continue
        parts = _fenbie_parts(sentence, clauses, ci, ms[0], len(ms))
        state = _ClauseState(triggered=framed)
        first = next((j for j in range(len(ms)) if not _names_class(sentence, ms, j)), 0)
        lead_in = strip_scope(sentence[cs:ms[first].start])  # 超百亿元的企业20家: past the class
        if cands and carried and (not lead_in or _bare_noun(lead_in)):
            state.triggered, state.verb = True, carried  # …3000个企业，10000个基地
        # 其中3—5家…: a part of what the sentence has just committed to
        among = cands[-1] if cands and sentence[cs:ms[0].start].strip().startswith("其中") else None
        state.triggered = state.triggered or among is not None
        prev_end = cs
        k = 0
        while k < len(ms):
            m = ms[k]
            if _names_class(sentence, ms, k):
                k += 1  # 年营收超50亿元的企业5家: the amount is part of the next subject
                continue
            stop = _stop(sentence, ms, k, ce)
            change = _from_to(sentence, m, ms[k + 1]) if k + 1 < len(ms) else None
            if change is not None:  # 从12.5%提高到18%: one target, 12.5 its baseline
                base, base_year, seg_end = change
                k += 1
                m = ms[k]
                stop = _stop(sentence, ms, k, ce)
                state.triggered = True
                cand = _candidate(sentence, clauses, ci, m, prev_end, stop, parts, k, state,
                                  seg_end)
                if cand is not None:
                    cand.baseline, cand.baseline_year = base, base_year
            else:
                cand = _candidate(sentence, clauses, ci, m, prev_end, stop, parts, k, state)
            if cand is not None and among is not None \
                    and not strip_scope(sentence[prev_end:m.start]):
                whole = split_lead(among.subject)[1]
                cand.subject = f"{_noun_after(sentence, m.end, stop)}的{whole}".lstrip("的")
                cand.kind = among.kind
            if cand is not None and k > 0:
                _named_scope(sentence, cs, ms[k - 1], cand)
            if cand is not None and k > 0 and cands and _joined(sentence, ms[k - 1], m):
                _share_comparator(cands[-1], cand, m)  # 分别高于10%、12%、15%和6%
            each = _each_sized(sentence, ms, k)
            if cand is not None and each is not None:  # 建成超10家面积均不少于1万平方米…的社区
                cand.subject = split_lead(cand.subject)[0] + each.group(1)
                cand.quote_end = max(cand.quote_end, each.end(1))
                k += 1  # the size each must have is part of what is counted
            if cand is None:
                unparsed.append(m)
            else:
                cands.append(cand)
            prev_end = ms[k].end
            k += 1
        carried = state.verb if state.triggered else ""
    _sum_of_bare_item(sentence, mentions, cands)
    _opening_area(sentence, cands)
    _fill_ellipsis(cands)
    _owner_carried(cands)
    _attribute_of_last(cands)
    _modal_apart(cands)
    _making_up(sentence, cands)
    cands = [c for c in cands if len(_DECIMALS.findall(c.subject)) < 2]  # table cells' figures
    _listed_classes(sentence, cands)
    return _share_class_head(sentence, cands), unparsed


# 超10家面积均不少于1万平方米、…的OPC社区: the size each of the things counted must have
_EACH_BETWEEN = re.compile(
    r"[^，,；;。\d]{0,8}?(?:均|各|每个|每家)(?:不少于|不低于|达到|在|为)?\s*$")
_EACH_NOUN = re.compile(r"[^，,；;。]{0,40}?的([^，,；;。的]{2,16}?)(?=[，,；;。]|$)")


def _each_sized(sentence: str, ms: list[Mention], k: int) -> re.Match[str] | None:
    """The noun a count names when a size every one of them must have comes between (the next
    mention is then part of it), else None."""
    if k + 1 >= len(ms) or not _EACH_BETWEEN.fullmatch(sentence, ms[k].end, ms[k + 1].start):
        return None
    return _EACH_NOUN.match(sentence, ms[k + 1].end)


# 可再生能源发电总装机达到35亿千瓦，年发电量达到6万亿千瓦时: a measure without its owner is the
# owner's the clause before named
_OWNERLESS = re.compile(r"(?:年|总)?(?:发电量|装机|产量|产值)(?:占比|比重|规模)?")


def _owner_carried(cands: list[Candidate]) -> None:
    for prev, cand in itertools.pairwise(cands):
        if not _OWNERLESS.fullmatch(cand.subject) or len(prev.subject) < len(cand.subject) + 2:
            continue
        core = cand.subject.lstrip("年总")
        at = prev.subject.find(core[:2])
        if at >= 2:
            cand.subject = prev.subject[:at].rstrip("总年") + cand.subject


# 建设9个集聚区，总面积1.8万平方米: an attribute on its own is the attribute of what was just
# counted
_ATTRIBUTE = re.compile(r"(?:总|合计|累计)?(?:建筑|占地|使用|经营)?(?:面积|规模|投资额?)")
_COUNTED = frozenset({"个", "家", "座", "处", "所", "栋", "幢", "套", "项"})


def _attribute_of_last(cands: list[Candidate]) -> None:
    for before, cand in itertools.pairwise(cands):
        bare = split_lead(cand.subject)[1]
        if before.unit in _COUNTED and cand.unit not in _COUNTED and _ATTRIBUTE.fullmatch(bare):
            cand.subject, cand.kind = split_lead(before.subject)[1] + bare, "level"


# 布局建设3家A、3家B、30家C，构建…“331”实验室体系: the counts are what the system is made of
_MAKES_UP = re.compile(r"[，,]\s*(?:构建|形成|建成)[^，,。；;]{0,40}体系")


# 2022年，上述比例分别达40%、45%: the shares named before, in order, reach these values
BACK_REF = re.compile(r"^(?:上述|以上|前述)(?:比例|比率|指标|比重)(?:分别|全部|均|都)?$")
_ALL_OF = re.compile(r"(?:全部|均|都)$")  # 上述比例全部达100%: one value for every share


def spread_back(sentence: str, cands: list[Candidate], unparsed: list[Mention],
                shares: list[str]) -> list[Candidate]:
    """``上述比例达40%、45%`` after a sentence naming two shares: one candidate per share, in the
    order they were named, each with its value; the list must match the shares one to one."""
    if not cands or not shares or not BACK_REF.match(cands[0].subject) or cands[0].unit != "%":
        return cands
    first = cands[0]
    more = [m for m in unparsed if m.unit == "%" and m.start > first.number_at]
    values = [(first.value, first.number_at, first.quote_end, first.comparator),
              *((m.value, m.start, m.end, m.comparator) for m in more)]
    if len(values) == 1 and _ALL_OF.search(first.subject):
        values = values * len(shares)
    if len(values) != len(shares):
        return cands
    out = [Candidate(subject, value, None, "%", comp, first.kind, first.quote_start, end, at,
                     first.clause_prefix, end)
           for subject, (value, at, end, comp) in zip(shares, values, strict=True)]
    return out + cands[1:]


def _making_up(sentence: str, cands: list[Candidate]) -> None:
    """Counts listed (、) right before the system they make up are its make-up: levels. One
    count before such a clause (建设30家…基地，构建…生态体系) is still what is to be built."""
    m = _MAKES_UP.search(sentence) if len(cands) >= 2 and "体系" in sentence else None
    if m is None:
        return
    listed = [c for c in cands if c.number_end <= m.start()
              and not re.search(r"[，,。；;]", sentence[c.number_end:m.start()])]
    if len(listed) < 2:
        return
    for c in listed:
        if c.kind == "increment":
            c.kind = "level"


_MODAL = re.compile(r"确保|力争|争取")
# 实现A排查率、B建设率和C履行率“三个100%”: one value for each of the rates listed before it
_N_TIMES = re.compile(
    r"[“\"]?(?P<n>[两二三四五六七八九十]|\d{1,2})个(?P<v>\d{1,3}(?:\.\d+)?)%[”\"]?")
_LIST_OPEN = re.compile(r".*(?:实现|达到|做到|确保)")
_RATE_ITEM = re.compile(r"(?<![^、和及])[^、]+?(?:率|比例|覆盖面)(?=[、和及]|$)")


def _counted_rates(sentence: str) -> list[Candidate]:
    """The rates a slogan counts (“六个100%”): each listed rate is a target of that value, when
    the list names exactly as many rates as the slogan counts."""
    out: list[Candidate] = []
    if "%" not in sentence or "个" not in sentence:
        return out
    for m in _N_TIMES.finditer(sentence):
        n = parse_number(m.group("n"))
        cs = max(sentence.rfind(c, 0, m.start()) for c in "，,；;：:。") + 1
        opened = _LIST_OPEN.match(sentence, cs, m.start())
        at = opened.end() if opened else cs
        listed = sentence[at:m.start()]
        items = [(i.start(), i.group()) for i in _RATE_ITEM.finditer(listed)]
        if n is None or len(items) < 2 or "".join(t for _, t in items) \
                != re.sub(r"^[、和及]|(?<=率|例|面)[、和及]", "", listed):
            continue  # not a list of rates only (the slogan may miscount them: 六个 for seven)
        value = float(m.group("v"))
        for offset, text in items:
            out.append(Candidate(text, value, None, "%", "=", "level", at + offset, m.end(),
                                 m.start("v"), sentence[cs:m.start("v")], m.end()))
    return out


def _modal_apart(cands: list[Candidate]) -> None:
    """容量确保达到120MW，力争达到180MW: one subject, a floor and a stretch goal; each is named by
    its word (…容量（确保）, …容量（力争）) so that the two stay apart wherever they are shown."""
    if len(cands) < 2:
        return
    for a, b in itertools.pairwise(cands):
        ma, mb = _MODAL.findall(a.clause_prefix), _MODAL.findall(b.clause_prefix)
        if a.subject == b.subject and ma and mb and ma[-1] != mb[-1]:
            a.subject, b.subject = f"{a.subject}（{ma[-1]}）", f"{b.subject}（{mb[-1]}）"


_CLASS_BEFORE_AMOUNT = re.compile(
    r"(?:营业收入|营收|产值|销售额|销售收入|收入|规模)(?:超过|超|逾|达到|达|在)?\s*$")


_BRACKETED = re.compile(r"（[^（）]*）|\([^()]*\)")
_PLACES = re.compile(
    r"^(?:个)?(?:街镇|街道|乡镇|镇|区|县|县（市、区）|地市|城市|社区|村|园区|新城)")


def _counted_at_places(sentence: str, m: Mention, nxt: Mention) -> bool:
    """'增建6个街镇（…）天然水源消防取水设施24处': the first number counts places, the clause's
    last number what is to be made there."""
    between = _BRACKETED.sub("", sentence[m.end:nxt.start])
    if _in_note(sentence, nxt.start):  # 建成70座城市公厕（其中旧城区7座）: a part, in a note
        return False
    return _PLACES.match(sentence[m.end:]) is not None and not re.search(r"[，,；;。、]", between) \
        and not _INC_VERB.search(between) \
        and (re.match(r"\s*(?:$|[，,；;。）)])", sentence[nxt.end:]) is not None
             or _MEETS_AFTER.match(sentence[nxt.end:].lstrip()) is not None)


def _names_class(sentence: str, ms: list[Mention], k: int) -> bool:
    """An amount over which things are counted (营收超50亿元的企业5家): followed by 的 and a noun
    that the next number of the clause counts; or the places where a count is made
    (增建6个街镇…消防取水设施24处), when the clause ends on that count."""
    m = ms[k]
    if k + 1 < len(ms) and _counted_at_places(sentence, m, ms[k + 1]):
        return True
    sized = m.unit in _SIZE_UNITS and k + 1 < len(ms) and ms[k + 1].unit in _COUNTS
    if not ((m.unit.endswith("元") or sized) and (m.comparator == ">=" or m.value_max is not None)
            and k + 1 < len(ms) and not ms[k + 1].unit.endswith("元")):
        return False
    between = sentence[m.end:ms[k + 1].start]
    if re.fullmatch(r"的[\u4e00-\u9fff]{1,8}", between) \
            or (sized and re.fullmatch(r"的[\u4e00-\u9fff]{1,12}", between)):
        return True  # (规模面积200亩以上的蔬菜生产核心示范园8-10个: the size of those counted)
    if sized:
        return False
    # 营业收入1～10亿元以上高新技术企业达5000家: a bare noun, no verb of its own
    noun = LEVEL_VERBS.sub("", between)
    return re.fullmatch(r"[\u4e00-\u9fffA-Z]{2,12}", noun) is not None \
        and not _INC_ANY.search(noun) \
        and _CLASS_BEFORE_AMOUNT.search(sentence, 0, m.start) is not None


_CLASS_OPEN = re.compile(r"(?:超过|超|过|逾)$")
_SIZE_UNITS = frozenset({"亩", "万亩", "平方米", "万平方米", "公顷", "平方公里", "千瓦", "万千瓦",
                         "兆瓦", "吨", "万吨"})
_COUNTS = frozenset({"个", "家", "座", "处", "所", "项", "条"})


# 30%的消防救援站、40%的乡镇消防队…: a share of a class, then the next share of the list
_CLASS_SHARE = re.compile(r"\d+(?:\.\d+)?\s*%\s*的([\u4e00-\u9fff]{1,10}?)\s*[、和及]\s*(?=\d)")
_CLASS_ACT = re.compile(r"(?:要|应|均|全部)?(?:常态化|按标准|按要求|按规定)?"
                        r"(?:完成|实现|达到|建成|设置|建立|配备|具备|纳入|开展)")


def _listed_classes(sentence: str, cands: list[Candidate]) -> None:
    """30%的消防救援站、40%的乡镇消防队、25%的微型消防站常态化开展消防安全宣传: each listed class
    shares what the last one is to do (消防救援站常态化开展消防安全宣传的比例)."""
    i = 0
    while i < len(cands):
        classes: list[str] = []  # the classes of the run's shares before its last one
        while i + 1 < len(cands):
            here, after = cands[i], cands[i + 1]
            m = _CLASS_SHARE.match(sentence, here.number_at)
            if here.unit != "%" or after.unit != "%" or m is None or m.end() != after.number_at:
                break
            classes.append(m.group(1))
            i += 1
        last = cands[i]
        act = _CLASS_ACT.search(last.subject) if last.subject.endswith("的比例") else None
        own = _LAST_CLASS.match(sentence, last.number_at)
        if classes and act is not None and own is not None:
            doing = last.subject[act.start():]
            for cand, cls in zip(cands[i - len(classes):i + 1], [*classes, own.group(1)],
                                 strict=True):
                cand.subject = cls + doing
        i += 1


_LAST_CLASS = re.compile(r"\d+(?:\.\d+)?\s*%\s*的([\u4e00-\u9fff]{1,10}?)" + _CLASS_ACT.pattern)


def _share_class_head(sentence: str, cands: list[Candidate]) -> list[Candidate]:
    """'培育20个产值过100亿元、30个产值过50亿的园区': the first item's noun is elided; it is the
    next item's head with the first item's own threshold (产值过100亿元的园区)."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 2 < len(cands):
            b, c = cands[i + 1], cands[i + 2]
            if _CLASS_OPEN.search(a.subject) and b.unit.endswith("元") \
                    and sentence[b.number_end:b.number_end + 1] == "、" and "的" in c.subject \
                    and re.fullmatch(r"[\u4e00-\u9fff]{0,6}", sentence[a.number_end:b.number_at]):
                head = c.subject.rsplit("的", 1)[1]
                a.subject = f"{a.subject}{sentence[b.number_at:b.number_end]}的{head}"
                a.quote_end = max(a.quote_end, b.number_end)
                out.append(a)
                i += 2  # the amount is part of that subject, not a candidate
                continue
        out.append(a)
        i += 1
    return out


def _joined(sentence: str, prev: Mention, m: Mention) -> bool:
    """Two numbers of one unit with only a separator between them (10%、12%和6%)."""
    return prev.unit == m.unit and re.fullmatch(r"\s*[、和及与]\s*", sentence[prev.end:m.start]) \
        is not None


def _share_comparator(first: Candidate, cand: Candidate, m: Mention) -> None:
    """A bare number after a list's first one takes its comparator word and kind."""
    if m.comparator == "=" and first.comparator != "=":
        cand.comparator = first.comparator
    if first.kind in ("growth_rate", "change_per_year") and cand.kind == "level":
        cand.kind = first.kind


def _parallel(scope: str, prev_scope: str) -> bool:
    """Two subjects that end alike before their shared head (A在新建、改建绿地的应用比例 /
    B在新建、改建绿地的应用比例) each name their whole measure: no ellipsis to fill."""
    return len(scope) >= 4 and prev_scope.endswith(scope[-4:])


_ELLIPTIC = re.compile(r"^(?P<scope>[^，。；\d]{2,24}?)的(?P<head>[\u4e00-\u9fff]{1,4})$")
_SHORT_NAME = re.compile(r"[（(]以下简称[“\"]?(?P<name>[^）)”\"]{2,16})[”\"]?[）)]")


_OWN_PREDICATE = re.compile(
    r"[为是有]|达|超过|突破|完成|提高|提升|增长|降低|下降|减少|保持|稳定|控制|每年|年均|强度|[在数]$")


def _bare_noun(text: str) -> bool:
    """A lead-in that is only a noun phrase (，产值超10亿的骨干企业30家): no verb of its own."""
    return len(text) <= 24 and not _INC_ANY.search(text) and not LEVEL_VERBS.search(text) \
        and not _OWN_PREDICATE.search(text) and not _TOTAL.search(text)


def _named_scope(sentence: str, cs: int, before: Mention, cand: Candidate) -> None:
    """'徐汇、黄浦、普陀等3个集聚区合计营收占全市比重达到50%': the places named and counted
    before the measure are part of what is measured (five such shares in one plan differ only
    by them)."""
    lead = sentence[cs:before.start]
    if before.start < cs or not lead.rstrip().endswith("等") or "、" not in lead \
            or before.unit not in ("个", "家") \
            or sentence[before.end:cand.number_at].find("，") >= 0:
        return
    head = strip_scope(sentence[cs:before.end])
    if head and not cand.subject.startswith(head) \
            and len(_CJK.findall(head + cand.subject)) <= _LONGEST_NAME:
        cand.subject = head + cand.subject
        cand.quote_start = min(cand.quote_start, cs + sentence[cs:before.end].find(head))


_SUM_WORD = re.compile(r"(?:总计|合计|共计|累计|总数|总量)")


_CHANGE_WORD = r"(?:增长|增速|提高|提升|降低|下降|减少|增加)"
_CHANGE_ONLY = re.compile(rf"(?:持续|平均|年均|逐年)?(?:保持)?{_CHANGE_WORD}")
_CHANGE_TAIL = re.compile(rf"(?:(?:平均|年均)?{_CHANGE_WORD})+$")


# 第一档地区，新能源利用率原则上不低于95% / 中心城区，公交出行率达到30%: a sentence that opens
# with an area (a tier of regions, a part of the city) and a comma states what holds there
_OPENING_AREA = re.compile(
    rf"^\s*((?:第[一二三四五六七八九十\d]{{1,2}}档|[\u4e00-\u9fff]{{0,8}})(?:{_AREA_WORDS}))[，,]")


def _opening_area(sentence: str, cands: list[Candidate]) -> None:
    m = _OPENING_AREA.match(sentence)
    if m is None:
        return
    for cand in cands:
        if cand.number_at > m.end() and not cand.subject.startswith(m.group(1)):
            cand.subject = m.group(1) + cand.subject


def _sum_of_bare_item(sentence: str, mentions: list[Mention], cands: list[Candidate]) -> None:
    """特色道路10条，总计达20条: a total whose item before it is a bare noun and its count (no
    work of its own, so no candidate): the total is of that noun."""
    taken = {c.number_at for c in cands}
    for cand in cands:
        if not _SUM_WORD.fullmatch(cand.subject):
            continue
        before = [m for m in mentions if m.end <= cand.number_at]
        if not before or before[-1].start in taken or before[-1].unit != cand.unit:
            continue
        cut = max(sentence.rfind(c, 0, before[-1].start) for c in "，,；;：:、。") + 1
        noun = split_lead(strip_scope(sentence[cut:before[-1].start]).strip())[1]
        if len(_CJK.findall(noun)) >= 2:
            cand.subject = noun + cand.subject


def _fill_ellipsis(cands: list[Candidate]) -> None:
    """'全省取消审批…的事项达100项、自贸试验区的事项达150项': the second subject names only its
    scope and the head noun; it means the first one's subject in that scope. A full name given
    with its short one (X（以下简称Y）) is read as Y."""
    for prev, cand in itertools.pairwise(cands):
        short = _SHORT_NAME.search(cand.subject)
        if short:
            cand.subject = short.group("name") + cand.subject[short.end():]
        if _SUM_WORD.fullmatch(cand.subject) and prev.unit == cand.unit:
            # 新增…点位30个，总计达60个: the total of what the item before counts
            cand.subject = split_lead(prev.subject)[1] + cand.subject
            continue
        if _CHANGE_ONLY.fullmatch(cand.subject) and prev.unit != cand.unit:
            # 营业收入超过1000亿元，年均增长达到15%以上: the change of the level the item before
            # states (the subject had kept only the change word)
            noun = _CHANGE_TAIL.sub("", split_lead(prev.subject)[1])
            if len(_CJK.findall(noun)) >= 2:
                cand.subject = noun + cand.subject
            continue
        m = _ELLIPTIC.match(cand.subject)
        if m and prev.subject.endswith("的" + m.group("head")) \
                and not _CLASS_HEAD.search(m.group("scope")) \
                and not (m.group("head") == "比例" and len(m.group("scope")) > 8) \
                and len(prev.subject) > len(m.group("head")) + 4 and prev.unit == cand.unit \
                and not _parallel(m.group("scope"), prev.subject[:-len(m.group("head")) - 1]):
            cand.subject = m.group("scope") + prev.subject


_CLASS_OF = re.compile(r"\s*[\u4e00-\u9fff]{0,6}?(?:超过|超|过|逾|达到|达)\s*")
_CLASS_TAIL = re.compile(r"\s*(?:以上)?[级的]?[\u4e00-\u9fff]")


def _stop(sentence: str, ms: list[Mention], k: int, clause_end: int) -> int:
    """Where the noun after mention ``k`` ends: at the next mention, unless that one only sets a
    class of what is counted (4—5个超五千亿元级产业集群: the noun runs on past it)."""
    if k + 1 >= len(ms):
        return clause_end
    nxt = ms[k + 1]
    if _CLASS_OF.fullmatch(sentence, ms[k].end, nxt.start) \
            and _CLASS_TAIL.match(sentence, nxt.end) and nxt.unit not in ("%", "百分点"):
        return ms[k + 2].start if k + 2 < len(ms) else clause_end
    return nxt.start


_FROM = re.compile(r"[从由]\s*(?:(?P<y>\d{4})\s*年(?:底|末)?的?)?\s*$")
_TO = re.compile(r"^\s*(?:提高|提升|增加|增长|扩大|上升|降低|下降|减少|降|压缩|缩短|压减)[到至]"
                 r"\s*(?:\d{4}\s*年(?:底|末)?的?)?\s*$")


def _from_to(sentence: str, first: Mention,
             second: Mention) -> tuple[float, int | None, int] | None:
    """(baseline, its year, where the subject ends) of '从X提高到Y', else None."""
    m = _FROM.search(sentence, 0, first.start)
    if m is None or first.unit != second.unit or not _TO.match(sentence[first.end:second.start]):
        return None
    return first.value, int(m.group("y")) if m.group("y") else None, m.start()


_ACTING_END = re.compile(rf"(?:(?:研究|联合|协同)?(?:{INCREMENT_VERBS})+(?:推动|带动|推进)?)$")
_RATE_TAIL = re.compile(r"(?:年均)?(?:增长|增速|增幅)?(?:超过|超|达到|达|为)?$")
_BEFORE_NUMBER = re.compile(
    r"(?:确保|力争|争取)?(?:达到|达|超过|超|为|突破|稳定在|不低于|不少于)?$")
_ADVERB = re.compile(r"加快|积极|大力|重点|进一步|全力|着力|努力|高起点|高标准|高水平|高质量"
                     r"|持续|同步|稳步|有序|、"
                     r"|引导|鼓励|支持(?=推动|带动)")  # 引导推动2000家…: the push is the verb
# 建成包括/覆盖 N 家…: a whole described by what it includes
_COVER_VERB = re.compile(r"^(?:包括|覆盖|涵盖)$")


def _quantified_task(sentence: str, m: Mention) -> bool:
    """全年1万亿元的投资任务: an amount that sizes a task or goal (a count of tasks does not)."""
    return m.unit not in _COUNT_UNITS and TASK_AFTER.match(sentence, m.end) is not None


def _triggered(sentence: str, m: Mention, seg: str, clause_prefix: str,
               state: _ClauseState) -> bool:
    yearly = "每年" in clause_prefix or sentence.lstrip("—- ").startswith("每年")
    return (m.comparator != "=" or m.rank or state.triggered or yearly
            or bool(LEVEL_VERBS.search(seg)) or bool(_INC_ANY.search(clause_prefix))
            or bool(_TRIGGER.search(sentence[:m.start])) or bool(_PUSH.search(seg))
            or (bool(_ACHIEVE.search(clause_prefix)) and not m.unit.endswith("元")
                and sentence[m.start].isdigit())
            or _quantified_task(sentence, m)
            or sentence[m.end:m.end + 2] == "规模"
            or _OPENED.search(seg) is not None
            or (m.unit == "%" and _COVERAGE.match(sentence, m.end) is not None
                and _COVERAGE_LEAD.search(clause_prefix) is not None)
            or (m.unit == "%" and _SHARE_ACTS.match(sentence, m.end) is not None)
            or (m.unit == "%" and _falls(clause_prefix))
            or (TO_ACT_ON.search(clause_prefix) is not None
                and ACTED_ON.match(sentence, m.end) is not None))


# 旧城区附设式社会公厕对外开放33处: places to be opened, counted after the verb
_OPENED = re.compile(r"(?:对外|对社会|免费|向社会)开放\s*$")


# 20%的乡镇按标准完成乡镇消防队达标建设: the share of a class that is to do something
# / 30%的消防救援站、40%的乡镇消防队常态化开展消防安全宣传: each listed class that is to do it
_SHARE_ACTS = re.compile(r"\s*的[\u4e00-\u9fff]{1,10}?"
                         r"(?:[、和及]\s*\d+(?:\.\d+)?\s*%\s*的[\u4e00-\u9fff]{1,10}?)*"
                         + _CLASS_ACT.pattern)
# 对300个公交站台进行适老化改造 / （2）对甲、乙等8所敬老院进行提升改造: what a work is done on
TO_ACT_ON = re.compile(r"(?:^|[，,])\s*(?:[（(]\d{1,2}[)）])?\s*对(?:[^，,。；;\d]{1,60}等)?\s*$")
ACTED_ON = re.compile(r"\s*[\u4e00-\u9fff“”]{1,20}?(?:进行|开展|实施)[\u4e00-\u9fff]{2}")
# 推动…平台模式100%全覆盖: a coverage to bring about
_COVERAGE = re.compile(r"\s*(?:全)?覆盖")
_COVERAGE_LEAD = re.compile(r"推动|推进|实现|确保|力争")


_ITEM_NUMBER = re.compile(
    r"^(?:\d{1,3}[.．、]\s*|[（(]\d{1,2}[)）]\s*|[一二三四五六七八九十]{1,2}是)")
_ADVERB_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:基本|总体|全面)$")
_DECIMALS = re.compile(r"\d+\.\d+")  # 19.2320.269.61友谊路街道: the figures of table cells
_LONGEST_NAME = 48  # CJK characters: beyond this a 'subject' is a run of flattened table cells
_ONLY_VERBS = re.compile(rf"(?:{INCREMENT_VERBS})+")


def _in_note(sentence: str, at: int) -> bool:
    """The number stands inside a bracket opened before it and still open."""
    before = sentence[:at]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _noun_past_note(sentence: str, start: int, clause_end: int) -> tuple[str, int] | None:
    """The noun after a bracketed note that follows a number, and where it stops (at the next
    numeral or the clause's end); None when the note does not close in the clause."""
    close = min((i for i in (sentence.find("）", start, clause_end), sentence.find(")", start,
                                                                             clause_end))
                 if i >= 0), default=-1)
    if close < 0:
        return None
    digit = _DIGIT_AFTER.search(sentence, close + 1, clause_end)
    stop = digit.start() if digit else clause_end
    noun = _noun_after(sentence, close + 1, stop)
    return (noun, stop) if _CJK.match(noun.lstrip("“\"‘")) else None


_DIGIT_AFTER = re.compile(r"\d")


def _counted_noun(sentence: str, clauses: list[tuple[int, int]], ci: int, m: Mention,
                  stop: int) -> tuple[str, int]:
    """The noun after mention ``m`` and where it stops."""
    noun = _noun_after(sentence, m.end, stop)
    if noun[:1] in "（(":  # 101个（受益面积78.2万亩）低洼圩区…: what is counted follows the note
        # (力争达到180MW（本方案口径不含…）。: a note and nothing after it counts nothing)
        noun, stop = _noun_past_note(sentence, m.end, clauses[ci][1]) or ("", stop)
    if noun.endswith("的") and ci + 1 < len(clauses) and stop == clauses[ci][1] \
            and sentence[stop:stop + 1] in ("，", ","):
        # 50个临床安全性好的，疗效确切的中药大品种: the noun runs on past the comma
        stop = clauses[ci + 1][1]
        noun = _noun_after(sentence, m.end, stop)
    return noun, stop


# 力争将…用时压缩至3周 / 将建成…500座 / 或室外人均用地… / …比例到2030年达到78% / …占比均达到 /
# 充电需求将达到 / 利用率可降低至 / 规模宜为: the 将 of the object put first or of the future, a
# joining 或, a year after the noun, 均, a modal before the verb, a joining word or 在 left at the
# end (推进3个既有园区和至少1个…, 营收在200亿元以上) frame the subject (原则上 stays:
# 第一档地区，…利用率原则上不低于95% / 第二档地区，…90%: what tells the rule from the goal)
_SUBJECT_FRAME = re.compile(
    r"^(?:将(?!乐)|或者?)"
    r"|(?:(?:到|至)\s*\d{4}\s*年(?:底|末)?|(?<![日平年月人])均|将会?|(?<![许认])可|(?<=原则上)应"
    r"|(?<![适便])宜|、|(?<![总缓柔温])和|(?<![涉以普波危])及|(?<![参给])与|(?<![存所现实])在)+$")


def _candidate(sentence: str, clauses: list[tuple[int, int]], ci: int, m: Mention,
               prev_end: int, stop: int, parts: list[tuple[str, int]] | None, k: int,
               state: _ClauseState, seg_end: int | None = None) -> Candidate | None:
    cs = clauses[ci][0]
    seg = sentence[prev_end:m.start if seg_end is None else seg_end]
    clause_prefix = sentence[cs:m.start]
    if not _triggered(sentence, m, seg, clause_prefix, state):
        return None
    state.triggered = True
    core = strip_scope(seg)
    lead = _LEAD_VERB.match(core)
    if lead:
        state.verb = lead.group()
    push = _PUSH.search(core)
    if push and not _CJK.search(_ADVERB.sub("", core[:push.start()])):
        whole = push.group().strip()  # 推进大名、月浦等: the names stay; 推动全省: the place goes
        state.verb = push.group("verb") if _GENERIC_VERB.fullmatch(whole) else whole
    if _in_note(sentence, m.start):
        # 52公里（干流水系4公里、…）: a figure of a note; its verb still leads what follows
        # (推进甲（4.73平方公里）、乙（10.46平方公里），共计15.19平方公里…评估)
        return None
    noun, stop = _counted_noun(sentence, clauses, ci, m, stop)
    last = noun.rsplit("、", 1)
    if len(last) == 2 and (_VERB_END.search(last[1]) or LEVEL_VERBS.search(last[1])):
        noun = last[0]  # 3万个购车指标、深圳增加1万个…: the next item's own lead is not the noun
    end = m.end
    if parts:
        subject, qstart = parts[k]
    elif m.rank:
        subject, qstart = _rank_subject(sentence, m, seg, noun)
        end = m.end + len(noun)
    else:
        core_at = prev_end + seg.find(core) if core else m.start
        subject, qstart, end = _plain_subject(sentence, clauses, ci, m, core, core_at, noun,
                                              state, prev_end > cs)
        task = TASK_AFTER.match(sentence, m.end) if _quantified_task(sentence, m) else None
        if task is not None and end <= m.end:  # 全年重点项目1万亿元的投资任务
            subject, end = subject + task.group().strip().lstrip("的"), task.end()
            state.verb = state.verb or "落实"  # a task is work to be done: a flow
    subject = _share_of_base(_SUBJECT_FRAME.sub("", _ITEM_NUMBER.sub("", subject).lstrip(
        "的为和及与、至，, ")))
    subject = _EXPLAINED.sub("", subject)  # 全市人工智能OPC（即…，以下简称OPC）数量: what it is
    verb, rest = split_lead(subject)
    if verb and rest.startswith("的"):  # 形成1亿吨/年以上的产能储备
        subject = verb + rest[1:]
    subject = _ADVERB_TAIL.sub("", subject)  # 排水系统基本达到…: the adverb is not the subject
    subject = _COMPARATOR_TAIL.sub("", subject) if m.comparator in (">=", "<=") else subject
    if subject.count("（") > subject.count("）"):  # 6座水闸（含…: the bracket is a note
        subject = subject[:subject.rfind("（")]
    if subject.count("）") > subject.count("（"):  # 长兴镇）分阶段…: the tail of a note before
        subject = subject[subject.rfind("）") + 1:]
    if subject[:1] in "）)" or len(_CJK.findall(subject)) > _LONGEST_NAME \
            or len(_DECIMALS.findall(core)) >= 2:
        return None  # '）全部达到规划规模' (inside a note), a run of table cells
    if (len(_CJK.findall(subject)) < 2 and not re.search(r"[A-Za-z]{2,}", subject)) \
            or _BARE_VERB.fullmatch(subject) \
            or _ONLY_VERBS.fullmatch(subject):
        return None  # a fragment ('的', '形成', '的部分为'), not what is measured
    plain = not parts and not m.rank
    growth = _GROWTH_AFTER.match(noun) if m.unit == "%" and plain else None
    if growth is not None:  # 保持8%左右的增速 / 实现15%以上的年均增长: the rate of growth
        return _signed(Candidate(_HOLD_TAIL.sub("", subject) + growth.group(1), m.value,
                                 m.value_max, m.unit, m.comparator, "growth_rate", max(qstart, 0),
                                 m.end + growth.end(), m.start, clause_prefix, m.end))
    share = _share_subject(core, noun, m) if plain else None
    # 不少于二分之一应优化事项实现“四免” / 每年不低于20%的比例对…进行抽查: the share of what follows
    subject, end = (share, stop) if share is not None else (subject, end)
    kind = "level" if share is not None else _kind(m, clause_prefix, noun, state.verb, subject)
    return _signed(Candidate(subject, m.value, m.value_max, m.unit, m.comparator, kind,
                             max(qstart, 0), end, m.start, clause_prefix, m.end))


# 能耗比2015年降低18% / 排放总量比2015年分别下降4.1%和3.5% / 能耗和排放分别降低2.5%左右、3.9%左右:
# a fall (against a base year, printed or not)
_DECREASE = re.compile(r"(?:(?:比|较)\s*\d{4}\s*年(?:末|底|水平)?)?(?:分别)?"
                       r"(?:下降|降低|减少|压减|削减|下调|调降|再降)了?"
                       r"(?:\s*\d+(?:\.\d+)?\s*(?:%|个百分点)\s*(?:左右|以上)?\s*[和、及])*\s*$")
_COMPARATOR_FLIP = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}


def _falls(clause_prefix: str) -> bool:
    """The clause before a percentage states a fall (比2015年降低 / 分别降低)."""
    tail = clause_prefix[-32:]  # (每年降低0.5个百分点: a change per year, kept as printed)
    return _DECREASE.search(tail) is not None and "每年" not in tail


def _signed(cand: Candidate) -> Candidate:
    """A fall is a negative growth rate: 下降18%以上 is growth <= -18%, 降低2个百分点 -2."""
    if cand.unit not in ("%", "百分点") or not _falls(cand.clause_prefix):
        return cand
    cand.kind, cand.value = "growth_rate", -cand.value
    if cand.value_max is not None:
        cand.value, cand.value_max = -cand.value_max, cand.value
    cand.comparator = _COMPARATOR_FLIP.get(cand.comparator, cand.comparator)
    return cand


_SHARE_LEAD = re.compile(r"^(?:推动|按照|按|原则上|每年|力争|确保|要|应)+"
                         r"|(?:原则上|要|应|不少于|不低于|至少|超过|达到|达|超)+$")


_GROWTH_AFTER = re.compile(r"的?((?:年均|年平均|平均)?(?:增长|增速|增幅))(?![点极])")
_HOLD_TAIL = re.compile(r"(?:持续|继续|始终)?(?:保持|实现|维持)?(?:持续|年均)?(?:增长)?$")


def _share_subject(core: str, noun: str, m: Mention) -> str | None:
    """A share followed by what it is a share of: the subject is that noun phrase's 比例."""
    if m.unit != "%" or not noun or TASK_AFTER.match(noun) or not _CJK.match(noun.lstrip("的")):
        return None
    head = _SHARE_LEAD.sub("", core)
    # 南汇新城建设用地面积60%以上达到…要求: the share of that area which meets it
    among = noun.startswith("为")  # 新增快递配送车80%为纯电动汽车: the share of those among them
    longest = 16 if among else 12 if _MEETS_AFTER.match(noun) else 6
    if len(_CJK.findall(head)) > longest \
            or re.search(r"[率比占]" if among else r"[增长速率比重占]", head):
        return None
    tail = noun[3:] if noun.startswith("的比例") else noun.lstrip("的")
    if len(_CJK.findall(tail)) < 4:
        return None
    if among:
        return f"{head}中{tail[1:]}比例"
    return f"{head}{tail}的比例"


_MEETS_AFTER = re.compile(r"^(?:达到|实现|满足|符合)")
_PREPOSITION = re.compile(r"[对将把向给为在]")
# 航塘港出海泵闸等全市近30座…: the names listed before 等 are examples of what is counted
# 浦东、宝山、闵行等区16个…: the places listed, then the count of what is built there
_ETC_END = re.compile(r"等(?:区|县|市|镇|街道|乡镇|园区)?(?:全市|全区|全省|全县|本市|本区)?"
                      r"(?:近|约|超|逾|共)?$")
_AIM_TAIL = re.compile(r"(?:力争|争取|确保|的|为|有)+$")
_AIM_HEAD = re.compile(r"^(?:力争|争取|确保)")
_JOINER_END = re.compile(r"[和及与、]$")
# 三年累计新增19台: the span of years the count accumulates over
_SPAN = re.compile(r"^(?:未来)?(?:[一二三四五六七八九十两]|\d{1,2})年(?:内|间|来)?(?=累计|共)")
_PLACE = re.compile(rf"[\u4e00-\u9fff]{{1,8}}(?:{_AREA_WORDS}|街道|乡镇)")
_AIM_TAIL_SHORT = re.compile(r"(?:力争|争取|确保|的|为)+$")


def _sized(sentence: str, m: Mention, rest: str, noun: str) -> tuple[str, int] | None:
    """设立规模20亿元的科技创新投资基金 → 科技创新投资基金规模."""
    if not (rest.endswith("规模") and noun.startswith("的") and len(noun) > 2):
        return None
    gap = len(sentence[m.end:]) - len(sentence[m.end:].lstrip())
    return noun[1:] + rest, m.end + gap + len(noun)


def _placed(sentence: str, m: Mention, lead: re.Match[str] | None, rest: str,
            noun: str) -> tuple[str, int] | None:
    """建成中心城区6座污水处理厂…工程: the place between the verb and the number, where what is
    counted stands, stays in the subject. Returns the subject and where the quote ends."""
    if not (noun and lead and _PLACE.fullmatch(rest) and _CJK_START.match(sentence, m.end)) \
            or noun.startswith("的"):
        return None
    gap = len(sentence[m.end:]) - len(sentence[m.end:].lstrip())
    return lead.group() + rest + _short_subject(noun), m.end + gap + len(noun)


def _verbs_only(sentence: str, clauses: list[tuple[int, int]], ci: int, subject: str,
                noun: str) -> bool:
    """出入口增加电扶梯，三年累计新增19台: only verbs before the number, and the clause before
    (a verb and its object, no number) names what is counted."""
    if noun or ci == 0 or not _ONLY_VERBS.fullmatch(_SPAN.sub("", strip_scope(subject))):
        return False
    before = sentence[clauses[ci - 1][0]:clauses[ci - 1][1]]
    return not re.search(r"\d", before) and bool(_INC_ANY.search(before)) \
        and not _VERB_END.search(before)


_APPROX_TAIL = re.compile(r"(?:约|近|逾|超过|超|共)$")


def _generic_only(rest: str) -> bool:
    """Only a generic verb stands before the number — with its adverbs (高标准推进7个…), an
    approximation (同步推进约30万户…) or other work listed before it
    (完善政策、分类督促推进96.1公里…): what is counted is the noun after the number."""
    plain = _APPROX_TAIL.sub("", rest)
    if _GENERIC_VERB.fullmatch(_ADVERB.sub("", plain)):
        return True
    last = plain.rsplit("、", 1)[-1]
    return "、" in plain and bool(_GENERIC_VERB.fullmatch(_ADVERB.sub("", last)))


# verbs that take the counted noun after the number as their object, met bare before it
_BARE_ACT = re.compile(r"(?:集聚|汇聚|聚集|挖掘|发掘|开放|释放)(?:[并和及与]?(?:开放|释放|发布))?")
_BARE_ACT_END = re.compile(rf"(?:{_BARE_ACT.pattern})$")


def _object_after(rest: str, noun: str, state: _ClauseState) -> str:
    """What names the subject before the number: nothing when only generic words are left
    (高标准推进7个… / 形成年产50发…), or when a bare verb takes the noun after the number as its
    object (开放100个以上…应用场景 / 集聚1000家…主体: the verb leads that noun)."""
    if _generic_only(rest) or rest == "年产":
        return ""
    if noun and _BARE_ACT.fullmatch(rest):
        state.verb = rest
        return ""
    return rest


def _last_number_at(text: str) -> int:
    """Where the last number of the text begins."""
    starts = [m.start() for m in _NUMBER_RUN.finditer(text)]
    return starts[-1] if starts else len(text)


_NUMBER_RUN = re.compile(r"\d+(?:\.\d+)?")


_EXISTING = re.compile(r"^(?:现有|既有|已有|原有)$")


def _plain_subject(sentence: str, clauses: list[tuple[int, int]], ci: int, m: Mention,
                   core: str, core_at: int, noun: str, state: _ClauseState,
                   k_after: bool = False) -> tuple[str, int, int]:
    lead = _LEAD_VERB.match(core)
    rest = core[lead.end():] if lead else core
    rest = _EXISTING.sub("", LEVEL_VERBS.sub("", rest).strip())  # 改扩建现有20个…储备库:
    rest = _AIM_TAIL.sub("", rest)  # which ones are worked on, not what is counted
    rest = strip_scope(_AIM_HEAD.sub("", rest))  # 争取每年有1—2个创新药
    bare = LEVEL_VERBS.sub("", core).rstrip() if _FLOOR_WORD.search(core) else core
    verb_adjacent = bool(_INC_ANY.search(bare[-4:])) and bool(_ACTING_END.search(bare))
    rest = _object_after(rest, noun, state)
    if not _ADVERB.sub("", rest) and core.endswith("突破") and m.comparator == "=":
        rest, state.verb = "", state.verb or "突破"  # 着力突破20-30项关键技术: the verb
    cover = _COVER_VERB.search(rest)
    if cover and noun:  # 建成包括至少300家市级医院…: the units counted are what it includes
        state.verb = (lead.group() if lead else "") + cover.group()
        rest = ""
    listed = _JOINER_END.search(core) is not None and (k_after or lead is not None)
    placed = _sized(sentence, m, rest, noun) or _placed(sentence, m, lead, rest, noun)
    if placed is not None:
        return placed[0], core_at, placed[1]
    if noun and (_ETC_END.search(core) or not rest or verb_adjacent or state.objects or listed):
        if verb_adjacent and not state.verb:
            state.verb = _ACTING_END.findall(bare)[0]  # 累计推动3万家企业: 累计推动
        state.objects = True
        subject = state.verb + _short_subject(noun)
        if verb_adjacent and lead and rest and len(core) <= 10 and not k_after \
                and _INC_ANY.search(rest) and not _JOINER_END.search(core):
            subject = core + _short_subject(noun)  # 支持企业培训万名新工匠: whose training
        qstart = core_at if lead or _GENERIC_VERB.match(core) else m.start
        gap = len(sentence[m.end:]) - len(sentence[m.end:].lstrip())
        return subject, qstart, m.end + gap + len(noun)
    subject = LEVEL_VERBS.sub("", core)
    subject = _AIM_TAIL_SHORT.sub("", subject).strip()
    if (not subject or _verbs_only(sentence, clauses, ci, subject, noun)) and ci > 0:
        back = ci - 1
        while back > 0 and not strip_scope(sentence[clauses[back][0]:clauses[back][1]]):
            back -= 1  # 产业营收年均增长超15%，到2025年，超过1800亿元: past the year
        ps, pe = clauses[back]
        text = sentence[ps:pe]
        if back < ci - 1:
            text = _RATE_TAIL.sub("", re.split(r"\d", text, maxsplit=1)[0])
        elif re.search(r"\d", text):  # 装机容量确保达到120MW，力争达到180MW: its subject
            # (up to the clause's last number: 9种主要再生资源循环利用量达到4.5亿吨 names 9种)
            head = LEVEL_VERBS.sub("", _BEFORE_NUMBER.sub("", text[:_last_number_at(text)]))
            named = _ONLY_VERBS.sub("", LEVEL_VERBS.sub("", strip_scope(head)))
            text = head if len(_CJK.findall(named)) >= 2 else text  # not 累计完成180万平方米…
        subject = _PREDICATE_TAIL.sub("", strip_scope(text))
        return subject, ps, m.end
    if state.verb and not _LEAD_VERB.match(subject):
        subject = state.verb + subject
    if _AIM_HEAD.match(subject) and _PREPOSITION.fullmatch(_AIM_HEAD.sub("", subject)):
        subject = subject[2:]  # 争取将60座社区公园纳入…: the preposition and its object
    if len(subject) <= 2 and len(_CJK.findall(noun)) >= 2 and not noun.startswith("的"):
        # 构建不少于50位名老中医 / 对2300余种中医药古籍: a verb or preposition and its object
        gap = len(sentence[m.end:]) - len(sentence[m.end:].lstrip())
        head = "" if _PREPOSITION.fullmatch(subject) else subject
        return head + _short_subject(noun), core_at, m.end + gap + len(noun)
    qstart = core_at
    if len(subject) <= 4 and ci > 0 and not _LEAD_VERB.match(subject):
        qstart = clauses[ci - 1][0]
    return subject, qstart, m.end
