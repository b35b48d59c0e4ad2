"""Prose targets: forward-looking quantitative commitments (到2025年…达到 N 家 / 每年…).

Paragraphs are re-joined and placed in their section (targets_text); past-results sections and
sentences about the past are skipped; each sentence is parsed into candidates (targets_parse);
every candidate gets its year/period, repeated commitments are merged, and baselines are attached
from the plan's indicator table or the past-results prose (targets_baseline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from planwatch.extract.commitment import Statement, Verdict, classify, forecast_runs_on
from planwatch.extract.meta_dates import five_year_span
from planwatch.extract.numbers import parse_number
from planwatch.extract.targets_baseline import PastFact, attach_baselines, past_facts, table_rows
from planwatch.extract.targets_parse import (
    BACK_REF,
    INCREMENT_VERBS,
    Candidate,
    blank_list_mark,
    has_number,
    mask_attributive_past,
    parse_sentence,
    spread_back,
)
from planwatch.extract.targets_respective import respective_years, year_parts
from planwatch.extract.targets_text import (
    YEAR_BY,
    Para,
    Period,
    build_paras,
    infer_period,
    plan_end_year,
    split_sentences,
)
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import Baseline, Fact, Meta, Plan, Target
from planwatch.parse.document import Document

_PREV_PLAN = re.compile(r"十([一二三四五六七八九])五[”\"]?(?:期间|时期|末|以来)")
_PAST_WORDS = re.compile(r"截至|截止|以来|已经|已[有达建成]|先后|现有|目前")
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五[”\"]?(?:期间|时期)")
_ANY_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年")
# 全省 as the scope of what is counted; 占全省比例 / 占全省的比重 compares with the whole instead
_WHOLE = re.compile(r"(?<![占于比居])全[市区县省](?!的?(?:比例|比重|总量|份额|平均|[前第]))")
_AS_OF = re.compile(r"截[至止]")
# a clause that opens with a year after the document's own: what is to hold then
_LATER_YEAR = re.compile(r"(?:^|[，。；、])\s*((?:19|20)\d{2})\s*年(?![以前初]|上半|下半|\d)")
# 今年… / 年内…: the year the document was issued in (今年以来 looks back)
_THIS_YEAR = re.compile(r"今年(?!以来)|(?<![\d一二三四五六七八九十两])年内")
_DATED = re.compile(r"(?:^|[，。；])\s*((?:19|20)\d{2})\s*年(?:底前|底|内|全年)?\s*"
                    r"(?=新增|力争|争取|实现|完成|确保|推动|新建|培育|建成|支持|形成)")


@dataclass
class TargetResult:
    targets: list[Target] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # past results met among the statements
    rejected: list[tuple[Verdict, str]] = field(default_factory=list)  # (verdict, quote)


def _future_year(sentence: str, period: Period) -> int | None:
    year = _first_year_from(sentence, period.start)
    if year is None and "五" in sentence:  # 到“十二五”期末，…培训率达到100%
        end = plan_end_year(sentence)
        year = end if end is not None and (period.start is None or end >= period.start) else None
    return year


# 2023-2025年，新建居住光伏规模超过10万千瓦: a window that opens the sentence dates what the
# sentence commits to (by its last year); it does not make a commitment of a rule (2017-2022年，
# 对…超过5000万美元的新项目…予以奖励)
_WINDOW = re.compile(r"^\s*(?:19|20)\d{2}\s*年?(?:\d{1,2}月)?\s*[-—–~～至到]\s*"
                     r"((?:19|20)\d{2})\s*年(?:\d{1,2}月)?[，,：:\s]")
# 2026年11月底前，…新增…40个: a deadline opening the sentence (a step of a 计划安排)
_DEADLINE_OPEN = re.compile(
    r"^\s*((?:19|20)\d{2})\s*年(?:\d{1,2}月)?(?:年?底|末)?(?:前|以前)[，,]?")


_NTH_YEAR = re.compile(r"第([一二三四五])年")
_PERIOD_OPEN = re.compile(
    r"^\s*(?:[“\"]?十([一二三四五六七八九])五[”\"]?(?:时期|期间|期内)|本规划期内)")


def _own_period(sentence: str, period: Period) -> bool:
    """The sentence opens with the plan's own period (“十四五”时期，… in a 十四五 plan)."""
    m = _PERIOD_OPEN.match(sentence) if "五" in sentence[:8] or "本规划" in sentence[:6] else None
    if m is None:
        return False
    if m.group(1) is None:
        return True
    return period.end is None or five_year_span(m.group(1))[1] == period.end


def _nth_year(clause: str, period: Period) -> int | None:
    """第二年全区应完成的任务量不少于900亩: the second year of the document's own period."""
    m = _NTH_YEAR.search(clause)
    if m is None or period.start is None or period.end is None:
        return None
    year = period.start + "一二三四五".index(m.group(1))
    return year if year <= period.end else None


_WINDOW_ANY = re.compile(
    r"(?:19|20)\d{2}\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年(?!以来|度|间的)")


def _window_before(before: str, start: int | None) -> int | None:
    """…，2024年-2025年累计完成…240项: the last window printed before the number in its
    sentence, by its last year."""
    found = [int(m.group(1)) for m in _WINDOW_ANY.finditer(before)]
    return found[-1] if found and (start is None or found[-1] >= start) else None


_DEADLINE_ANY = re.compile(
    r"((?:19|20)\d{2})\s*年(?:年?底|末|\d{1,2}月底?)?(?:前|以前)[，,]?\s*(?:要|须|需)?"
    r"(?:完成|实现|建成|达到|推进|开展|新增|累计)")


def _deadline_before(before: str, start: int | None) -> int | None:
    """…附属配件的更新替代，2024年底前，完成本市118万户…更换: a deadline that the number's own
    verb follows dates it."""
    if "前" not in before:
        return None
    found = [m for m in _DEADLINE_ANY.finditer(before) if not re.search(r"[；;]", before[m.end():])]
    if not found:
        return None
    year = int(found[-1].group(1))
    return year if start is None or year >= start else None


def _window_end(sentence: str, start: int | None) -> int | None:
    """The year a window or a deadline opening the sentence dates it to (its last year)."""
    m = _WINDOW.match(sentence) or _DEADLINE_OPEN.match(sentence)
    if m is None:
        return None
    year = int(m.group(1))
    return year if start is None or year >= start else None


@lru_cache(maxsize=8192)
def _first_year_from(sentence: str, start: int | None) -> int | None:
    """The first 到20xx年 of the sentence that is not before ``start``; 截至/截止(到) a year
    states where things stood then, so it counts only for a year after the period's first."""
    opening = _OPENING_YEAR.match(sentence)  # 2030年，X较“十四五”末增加…: the year it is for
    if opening and start is not None and int(opening.group(1)) > start:
        return int(opening.group(1))
    for m in YEAR_BY.finditer(sentence):
        year = _to_year(m.group(1))
        if not year or (start is not None and year < start):
            continue
        if _AS_OF.search(sentence, max(0, m.start() - 3), m.end()) \
                and (start is None or year <= start):
            continue
        return year
    return None


_OPENING_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?:底|末)?[，,]")


def _to_year(raw: str) -> int | None:
    value = parse_number(raw)
    return int(value) if value is not None else None


def is_past_sentence(sentence: str, period: Period) -> bool:
    """A sentence about achievements before the plan period (十三五 results, 截至2020年…)."""
    return _is_past(sentence, period.start)


@lru_cache(maxsize=8192)
def _is_past(sentence: str, start: int | None) -> bool:
    if _first_year_from(sentence, start) is not None:
        return False
    m = _PREV_PLAN.search(sentence)
    if m and start and five_year_span(m.group(1))[1] < start:
        return True  # an earlier plan's period that ended before this one starts
    if _PAST_WORDS.search(mask_attributive_past(sentence)):
        return True
    return any(start and int(m.group(1)) < start for m in _ANY_YEAR.finditer(sentence)
               if not _base_year(sentence, m))


# 二手车交易量较2023年增长45%: the year a change is measured from, not when it happened
_BASE_BEFORE = re.compile(r"(?:比|较|相比|相较)\s*$")
_BASE_YEAR = re.compile(r"(?:末|底|水平)?(?:分别)?(?:增长|增加|提高|提升|下降|降低|减少|翻)")
# 与2021年相比，2025年工业锅炉…分别提高5个百分点以上: the same, the comparison said first
_WITH_BEFORE = re.compile(r"(?:与|同|和|跟)\s*$")
_COMPARED_AFTER = re.compile(r"\s*(?:末|底)?\s*(?:相比|相较|比较)")


def _base_year(sentence: str, m: re.Match[str]) -> bool:
    """Is the year at ``m`` (…年) the base a change is measured from?"""
    return (_BASE_YEAR.match(sentence, m.end()) is not None
            and _BASE_BEFORE.search(sentence, 0, m.start()) is not None) \
        or (_COMPARED_AFTER.match(sentence, m.end()) is not None
            and _WITH_BEFORE.search(sentence, 0, m.start()) is not None)


def _own_later_year(sentence: str, at: int, issued: int | None) -> int | None:
    """The year opening the number's own clause (no comma between), when it is after the
    document's own year: what is to hold then."""
    if issued is None:
        return None
    own = [m for m in _LATER_YEAR.finditer(sentence, 0, at)
           if not re.search(r"[，,；;]", sentence[m.end():at])]
    if own and int(own[-1].group(1)) > issued:
        return int(own[-1].group(1))
    return None


def _printed_year(meta: Meta) -> int | None:
    """The year printed under the issuing body."""
    return int(meta.issued[:4]) if meta.issued and meta.issued[:4].isdigit() else None


def _issue_year(meta: Meta) -> int | None:
    """The year printed under the issuing body, else the period's first year."""
    printed = _printed_year(meta)
    return printed if printed is not None else meta.period_start


# …达30%；2022年，…达60%；2023年，…达80%: each clause opens with the year it dates
# ，2021年建设1亿亩…: a year run straight into the work it dates (not 2023年新增的…业务: a class)
_YEAR_ACTS = r"(?:新增|新建|建设|建成|完成|实现|创建|培育|引进|打造|实施|推动|力争|确保)"
_CLAUSE_YEAR = re.compile(
    r"(?:^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）])?|[；;，,：:])\s*(?:到|至|在)?\s*"
    r"((?:19|20)\d{2})\s*年(?:底|末)?\s*(?:[，,]|(?=" + _YEAR_ACTS + "(?!的)))")


def _clause_year(before: str, period: Period) -> int | None:
    """The year opening the clause that holds the number (``2022年，…``), inside the plan
    period; it also makes the clause a commitment for that year."""
    found = [m for m in _CLAUSE_YEAR.finditer(before) if not re.search(r"[；;]", before[m.end():])]
    return _within_period(int(found[-1].group(1)), period) if found else None


def _opening_year(sentence: str, period: Period, issued: int | None) -> int | None:
    """The year a sentence opens with (``（一）2015年，…``), inside the plan period and not before
    the document was issued (``2021年，李克强总理…提出`` in a page of 2021 tells what happened)."""
    m = _CLAUSE_YEAR.match(sentence)
    if m is None or (issued is not None and int(m.group(1)) < issued):
        return None
    return _within_period(int(m.group(1)), period)


# 与2021年相比，2025年工业锅炉…提高5个百分点以上，…占比分别达到40%、60%: the year after the
# comparison that opens the sentence dates all of it
_COMPARED_OPENING = re.compile(
    r"^\s*(?:与|同|较|相比|相较)\s*(?:19|20)\d{2}\s*年(?:底|末)?\s*(?:相比|相较)?\s*[，,]\s*"
    r"((?:19|20)\d{2})\s*年")


def _compared_opening(sentence: str, period: Period) -> int | None:
    m = _COMPARED_OPENING.match(sentence)
    return _within_period(int(m.group(1)), period) if m else None


def _within_period(year: int, period: Period) -> int | None:
    """``year`` when it falls inside a known plan period."""
    before = period.start is None or year < period.start
    return None if before or (period.end is not None and year > period.end) else year


def _period_of(cand: Candidate, sentence: str, para_year: int | None, para: Para,
               period: Period, meta: Meta) -> tuple[int | None, str]:
    if cand.year is not None:
        return cand.year, "by_year"  # 2021年至2024年…分别达到30%、60%…
    before = sentence[:cand.number_at]
    if "每年" in cand.clause_prefix or ("每年" in before and not YEAR_BY.search(before)) \
            or para.every_year:
        return None, "annual"
    year = _clause_year(before, period) or _future_year(sentence, period) \
        or _window_end(sentence, period.start) \
        or _window_before(sentence[:cand.number_at], period.start) \
        or _deadline_before(sentence[:cand.number_at], period.start) \
        or _nth_year(cand.clause_prefix, period)
    if year is not None:
        return year, "by_year"
    if para.column_year is not None:  # 年内新增… under 2025年工作计划: 2025, not the issue year
        return para.column_year, "by_year"
    if _PLAN_PERIOD.search(sentence):
        return None, "plan_period"
    this_year = _issue_year(meta)
    later = _own_later_year(sentence, cand.number_at, this_year)
    if later is not None:
        return later, "by_year"  # 2025年我省…达到约3000亿元 / …以上、2025年达到500瓦时/公斤
    if this_year is not None and _THIS_YEAR.search(cand.clause_prefix):
        return this_year, "by_year"  # 今年新增建成公共充电桩超过2万个 / 年内融资500亿元以上
    if para_year is not None:
        return para_year, "by_year"
    if para.lead_year is not None and not _vision_beyond(para.lead_year, period, meta):
        return para.lead_year, "by_year"  # (not the year of a 2035 vision before the goals)
    dated = _DATED.search(sentence, 0, cand.number_at)
    if dated and period.start is not None and int(dated.group(1)) >= period.start:
        return int(dated.group(1)), "by_year"  # 2023年新增建成充电桩超过2.1万个
    if period.start is not None and period.start == period.end:
        return period.end, "by_year"  # a one-year document (2021年…重点工作安排)
    if meta.period_start is not None and meta.period_end in (None, meta.period_start) \
            and "全年" in cand.clause_prefix:
        return meta.period_start, "by_year"  # 全年…投资任务 in a document of its issue year
    return None, "plan_period"


def _vision_beyond(year: int, period: Period, meta: Meta) -> bool:
    """A 远景 year after a plan's own period (到2035年，… closing the paragraph that opens the
    goals of a 十四五 plan): the goal paragraphs after it are the plan's, not the vision's."""
    return meta.doc_type == "plan" and period.end is not None and year > period.end


def _annual_flow(kind: str, period: str, unit: str) -> str:
    """每年…不少于3亿元 / 每年促成…不少于80项: a yearly count or amount is a flow (increment);
    a yearly ratio (每年保持在3%以上) stays a level."""
    if period == "annual" and kind == "level" and unit not in ("%", "百分点"):
        return "increment"
    return kind


_VERB_HEAD = re.compile(rf"^(?:{INCREMENT_VERBS})")
_DIGIT = re.compile(r"\d")


def _quote_start(sentence: str, cand: Candidate) -> int:
    """Take the previous clause into the quote when the subject refers back to it (投入强度…)."""
    cut = max(sentence.rfind(c, 0, cand.quote_start) for c in "，,")
    if cut < 0:
        return cand.quote_start
    start = max(sentence.rfind(c, 0, cut) for c in "，,；;：:") + 1
    prev = sentence[start:cut]
    head = _VERB_HEAD.sub("", cand.subject)[:4]
    if _DIGIT.search(prev) or not any(head[i:i + 2] in prev for i in range(len(head) - 1)):
        return cand.quote_start
    return start


def _bare_item(sentence: str, cand: Candidate) -> bool:
    """A clause that is only a noun and its count (，国际知名品牌1-2个): another list item."""
    clause = sentence[max(sentence.rfind(c, 0, cand.number_at) for c in "，,、；;") + 1:
                      cand.number_at]
    return len(clause) <= 12 and re.search(r"[\u4e00-\u9fff]", clause) is not None \
        and not re.search(r"[为是有]", clause)


def _verdict(cand: Candidate, sentence: str, para: Para, period: Period,
             meta: Meta, title: str, framed: bool = False, forecast: bool = False) -> Verdict:
    """``framed``: an earlier sentence of the paragraph set the plan year (到2022年，…。
    高新区营业收入超6万亿元，…), so this one states goals for it too."""
    return classify(Statement(
        sentence=sentence, start=cand.number_at, end=cand.number_end, unit=cand.unit,
        comparator=cand.comparator, doc_type=meta.doc_type, past_section=para.past,
        goal_section=para.goal,
        future_year=framed or _future_year(sentence, period) is not None
        or _dated_ahead(sentence, cand.number_at, period)
        or _clause_year(sentence[:cand.number_at], period) is not None,
        doc_title=title, forecast_lead=forecast))


def _dated_ahead(sentence: str, at: int, period: Period) -> bool:
    """2023年支持承保规模不低于1000亿美元 in a document of 2023: the clause dates what is to be
    done in a year of the plan period; so does 2030年新型储能装机达到3亿千瓦 (a year of the
    period opening the clause, what is measured, and the level it reaches)."""
    if period.start is None:
        return False
    for pattern in (_DATED, _DATED_LEVEL):
        dated = pattern.search(sentence, 0, at)
        if dated is not None and int(dated.group(1)) >= period.start \
                and not re.search(r"[，,；;]", sentence[dated.end():at]):
            return True
    return False


_DATED_LEVEL = re.compile(r"(?:^|[，。；])\s*((?:19|20)\d{2})\s*年(?:底|末)?\s*"
                          r"(?=[^，,；;。]{2,40}?(?:达到|突破|超过|提高到|提升到|增至|稳定在|保持在))")


_DEFINED = re.compile(r"[（(]以下简称[“\"]?([^）)”\"]{2,16})[”\"]?[）)]")
_LEAD_VERBS = re.compile(rf"^(?:重点|积极|加快|大力)?(?:{INCREMENT_VERBS})+")


def document_topic(doc: Document, title: str) -> str | None:
    """What the document is about, when it says so: the short name it defines
    (`国际大科学计划和大科学工程（以下简称大科学计划）`) that its title carries."""
    for block in doc.blocks[:60]:
        for m in _DEFINED.finditer(block.text):
            if m.group(1) in title:
                return m.group(1)
    return None


def _scoped(subject: str, para: Para, sentence: str, at: int, topic: str | None) -> str:
    """A section's zone or institution in brackets; a bare generic noun (培育3—5个项目) takes the
    document's topic, since on its own it names nothing."""
    if para.scope and not _WHOLE.search(sentence, 0, at):
        return f"{subject}（{para.scope}）" if para.scope not in subject else subject
    bare = _LEAD_VERBS.sub("", subject)
    if topic and len(bare) <= 2 and topic not in subject:
        return f"{subject}（{topic}）"
    return subject


def _para_targets(para: Para, period: Period, result: TargetResult,
                  meta: Meta, title: str = "", topic: str | None = None) -> list[Target]:
    out: list[Target] = []
    para_year: int | None = None
    # without a period, a year before the issue date is the past (2014年…预计达2.4% in 2015)
    issued = _printed_year(meta)
    as_of = period if period.start or issued is None else Period(issued, period.end)
    para_date: int | None = None  # a window or deadline opening an earlier sentence: its year
    shares: list[str] = []  # the subjects of the shares the sentences before named
    forecast = False  # a 预计… sentence runs on past its ；
    at: list[int] = []  # where each target's number stands in the paragraph
    for offset, raw in split_sentences(para.text):
        sentence = blank_list_mark(raw)  # 3.2026年11月底前: item 3, then its date
        estimated, forecast = forecast, forecast_runs_on(sentence, forecast)
        if not has_number(sentence) or is_past_sentence(sentence, as_of):
            continue  # a sentence without a numeral commits to no number and sets no year
        if _own_period(sentence, period):
            para_year = para_date = None  # “十四五”时期，…: the plan's period again, not 2022
        framed = para_year is not None
        # （一）2015年，建设10座…；建设40座…: the year opening the item dates its other clauses
        para_year = _future_year(sentence, period) or _opening_year(sentence, period, issued) \
            or _compared_opening(sentence, period) or para_year
        para_date = _window_end(sentence.lstrip(), period.start) or para_date
        cands, unparsed = parse_sentence(sentence)
        cands = spread_back(sentence, cands, unparsed, shares)
        cands = year_parts(sentence, respective_years(sentence, cands, unparsed), unparsed)
        if any(c.unit == "%" for c in cands):  # the shares a later 上述比例 refers to
            shares = [c.subject for c in cands if c.unit == "%" and not BACK_REF.match(c.subject)]
        listed = False  # the sentence has committed to an item of a list that runs on
        for cand in cands:
            quote = sentence[_quote_start(sentence, cand):cand.quote_end].strip("，,、；。 ")
            line = para.line_at(offset + cand.number_at)
            verdict = _verdict(cand, sentence, para, period, meta, title, framed, estimated)
            if verdict.reason == "no-commitment" and listed and _bare_item(sentence, cand):
                # …健康产品群3-5个，国际知名品牌1-2个
                verdict = Verdict("target", "commitment-list")
            listed = verdict.label == "target"
            if verdict.label != "target":
                result.rejected.append((verdict, quote))
                if verdict.label == "past":
                    result.facts.append(Fact(
                        kind="level", subject=cand.subject, value=cand.value,
                        unit=cand.unit or None, comparator=cand.comparator, quote=quote, line=line))
                continue
            year, kind_period = _period_of(cand, sentence, para_year or para_date, para,
                                           period, meta)
            subject = _scoped(cand.subject, para, sentence, cand.number_at, topic)
            base = None
            if cand.baseline is not None:  # 从12.5%提高到18%
                base_year = cand.baseline_year or (period.start - 1 if period.start else None)
                base = Baseline(year=base_year, value=cand.baseline)
            at.append(offset + cand.number_at)
            out.append(Target(
                subject=subject, value=cand.value, value_max=cand.value_max, unit=cand.unit or None,
                year=year, period=kind_period, comparator=cand.comparator,
                kind=_annual_flow(cand.kind, kind_period, cand.unit), quote=quote, line=line,
                baseline=base))
        if para.goal:
            for m in unparsed:
                result.findings.append(make_finding(
                    "unparsed-number", {"text": sentence[m.start:m.end]}, variant="prose",
                    severity=Severity.INFO, line=para.line_at(offset + m.start),
                    context=sentence.strip()[:120]))
    return _head_restated(para.text, out, at)


# 3.培育一百家领军企业：孵化出100家以上…企业: the item's heading sums up the goal its text states
_HEAD_COLON = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十]{1,3}[)）])\s*[^。；：:，,]{2,30}[：:]")


def _head_restated(text: str, out: list[Target], at: list[int]) -> list[Target]:
    head = _HEAD_COLON.match(text)
    if head is None or len(out) < 2:
        return out
    body = [t for t, a in zip(out, at, strict=True) if a >= head.end()]
    return [t for t, a in zip(out, at, strict=True) if a >= head.end() or not any(
        b.value == t.value and b.unit == t.unit for b in body)]


def _past_part(para: Para, period: Period) -> Para:
    """The sentences of a forward-looking paragraph that state where things stand
    ('2024年，全省技术合同成交额达到3160亿元。到2027年，…')."""
    past = [s for _, s in split_sentences(para.text)
            if has_number(s) and is_past_sentence(s, period)]
    return Para("".join(past), [])


def _chars(s: str) -> set[str]:
    return set(re.sub(r"[\s（）()“”\"、，。]", "", s))


_NAMED = re.compile(r"^[^，。；]*、[^，。；]*等\s*[\d一二三四五六七八九十]+\s*个")


def _same(a: Target, b: Target) -> bool:
    if a.value != b.value or a.unit != b.unit or a.value_max != b.value_max:
        return False
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.period != b.period and "annual" in (a.period, b.period):
        return False
    sa, sb = a.subject, b.subject
    if sa in sb or sb in sa:
        return True
    la, lb = _NAMED.match(sa), _NAMED.match(sb)
    if la and lb and la.group() != lb.group():
        return False  # 浦东、静安、黄浦等3个集聚区… and 浦东、徐汇、青浦等3个集聚区…: other places
    ca, cb = _chars(sa), _chars(sb)
    overlap = len(ca & cb) / max(1, min(len(ca), len(cb)))
    return a.comparator == b.comparator and overlap >= 0.8


def dedupe(targets: list[Target], paras: list[int] | None = None) -> list[Target]:
    """Repeated commitments listed once; a dated repetition lends its year to the first.
    ``paras`` (the paragraph of each target): a paragraph does not repeat its own commitment, so
    two equal numbers in one paragraph are two targets (日均活跃用户 of two platforms)."""
    out: list[Target] = []
    where: list[int] = []
    for i, t in enumerate(targets):
        at = paras[i] if paras is not None else -1
        first = next((o for o, p in zip(out, where, strict=True)
                      if _same(o, t) and not p == at >= 0), None)
        if first is None:
            out.append(t)
            where.append(at)
        elif first.year is None and t.year is not None:
            first.year, first.period = t.year, t.period
    return out


_MEASURE_HEAD = re.compile(
    r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*([^。；：:]{4,40})[。；：:]")
_HEAD_VERBS = re.compile(r"^(?:全面|加快|加速|积极|稳步|持续|大力|有序|深入)*"
                         r"(?:推进|推动|建成|建设|打造|开展|实施|完成|开放|做好|提升|强化)*")


def _told_apart(targets: list[Target], para_of: list[int], paras: list[Para]) -> None:
    """Two targets that read the same (新增绿地面积 ≥300公顷, 新增绿地面积 ≥400公顷) but belong to
    different numbered measures take what each measure is about (4.全面建成开放森兰…楔形绿地。)
    in brackets, so a reader can tell them apart."""
    groups: dict[tuple[str, str | None], list[int]] = {}
    for k, t in enumerate(targets):
        groups.setdefault((t.subject, t.unit), []).append(k)
    for members in groups.values():
        if len({targets[k].value for k in members}) < 2 \
                or len({para_of[k] for k in members}) < len(members):
            continue
        heads = [_MEASURE_HEAD.match(paras[para_of[k]].text) for k in members]
        if all(heads):
            for k, head in zip(members, heads, strict=True):
                assert head is not None
                about = _HEAD_VERBS.sub("", head.group(1)) or head.group(1)
                targets[k].subject = f"{targets[k].subject}（{about}）"


def extract_targets(doc: Document, plan: Plan, paras: list[Para] | None = None) -> TargetResult:
    """Prose targets of the document; ``paras`` (from build_paras) when the caller has them."""
    result = TargetResult()
    period = infer_period(doc, plan.meta.period_start, plan.meta.period_end)
    paras = build_paras(doc) if paras is None else paras
    first = next((b.text.strip() for b in doc.blocks if b.text.strip()), "")
    title = plan.meta.title or first[:80]  # what the document calls itself
    topic = document_topic(doc, title)
    targets: list[Target] = []
    para_of: list[int] = []
    facts: list[PastFact] = []
    for i, para in enumerate(paras):
        if not has_number(para.text):
            continue  # no numeral: no commitment to a number, no fact a baseline could take
        if para.past:
            facts.extend(past_facts(para, period))
            continue
        found = _para_targets(para, period, result, plan.meta, title, topic)
        targets.extend(found)
        para_of.extend([i] * len(found))
        facts.extend(past_facts(_past_part(para, period), period))
    _told_apart(targets, para_of, paras)
    result.targets = dedupe(targets, para_of)
    attach_baselines(result.targets, table_rows(plan.indicators, plan.prior_results, period),
                     facts)
    return result
