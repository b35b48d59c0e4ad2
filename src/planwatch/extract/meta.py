"""Document metadata: title, region and level, type, period, issue date, document number, draft.

Rules are layout cues, not document names: a 通知 cover names the attached document in 《…》; a
title is a short line near the top ending in a document word (规划/纲要/意见/方案/计划…); the
period comes from “十X五” or a printed year range; issue dates and document numbers are lines of
their own near the top or at the signature.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import cn2an

from planwatch.extract import jurisdiction
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import DocType, Meta
from planwatch.parse.document import Document

TOP_BLOCKS = 30
TAIL_BLOCKS = 20
_DOC_WORDS = (
    "规划", "纲要", "意见", "方案", "计划", "措施", "办法", "报告", "通知", "要点", "政策",
    "条例", "规定", "细则", "指引", "规则", "准则", "指南", "工作安排",
)
_TITLE_END = re.compile(
    r"(?:" + "|".join(_DOC_WORDS) + r"|^中华人民共和国.{2,20}(?<![方做说想看])法)"
    r"(?:[（(][^（）()]{0,20}[）)])?$"
)
_DRAFT = re.compile(r"征求意见稿|送审稿|草案|讨论稿|审议稿|征求意见")
_DRAFT_SUFFIX = re.compile(r"[（(](?:" + _DRAFT.pattern + r")[）)]$")
_COVER = re.compile(
    r"现将《(.+?)》(?:印发|转发|予以印发)|^《(.+?)》已经.{1,12}同意，?现(?:予)?印发")
_NOTICE_IN_LINE = re.compile(r"关于印发《?(.+?)》?的通知")
_NOTICE_TITLE = re.compile(r"关于印发《?(.+?)》?的通知$")
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,10}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号"
)
_DOC_NUMBER_AFTER_TITLE = re.compile(r"^.{4,80}?通知(" + _DOC_NUMBER.pattern + ")")
_CN_DIGIT = "〇零一二三四五六七八九十"
_DATE = re.compile(
    rf"^[（(]?(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
    rf"\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日(?:印发|发布|起施行)?[）)]?$"
)
_SIGNED_DATE = re.compile(
    r"(?:人民政府|办公室|办公厅|委员会)" + _DATE.pattern.lstrip("^").replace(
        "(?:印发|发布|起施行)?[）)]?$", "")
)
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九])五")
_YEAR_RANGE = re.compile(r"(20\d{2})\s*[—\-–－~～至到]+\s*(20\d{2})\s*年")
_PLAN_SPAN = re.compile(
    r"(?:规划|计划|方案|纲要)(?:期限|期)为?\s*(20\d{2})\s*[—\-–－~～至到]+\s*(20\d{2})"
)
_BY_YEAR = re.compile(r"到\s*(20\d{2})\s*年")
_TITLE_YEAR = re.compile(r"^(20\d{2})\s*年(?![—\-–－~～至到])")
_IN_FORCE = re.compile(
    r"自\s*(?P<y>20\d{2})\s*年[^，。；]{0,12}?日?起(?:施行|实施|执行)"
    r"(?:[，,]?\s*有效期(?:为|至)?\s*(?P<n>\d{1,2}|[一二三四五六七八九十])\s*年)?")
_PERIOD_OF = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|末)")
_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]")
_TOPIC_REF = re.compile(r"“(十[一二三四五六七八九]五)”([\u4e00-\u9fff]{2,12}?规划)")


@dataclass
class MetaResult:
    meta: Meta
    findings: list[Finding] = field(default_factory=list)


def extract_meta(doc: Document) -> Meta:
    """Metadata of the document (see :func:`extract_meta_result` for the findings)."""
    return extract_meta_result(doc).meta


def extract_meta_result(doc: Document) -> MetaResult:
    lines = [b.text for b in doc.blocks if b.kind != "table"]
    top, tail = lines[:TOP_BLOCKS], lines[-TAIL_BLOCKS:]
    text = "\n".join(lines)
    findings: list[Finding] = []
    title = find_title(top)
    region = _region(title, top, tail, text)
    if title is None:
        title = infer_title(region, text)
        if title:
            findings.append(Finding(code="title-inferred", severity=Severity.INFO,
                                    message=f"未找到印刷的标题，按前言推断为：{title}"))
    place = jurisdiction.resolve(region, text) if region else jurisdiction.Jurisdiction()
    doc_type = interpreted_type(top) or classify(title or "")
    issued = find_issued(top) or find_issued(tail)
    number = find_doc_number(top)
    start, end = find_period(title or "", doc_type, text, issued, number)
    meta = Meta(
        title=title, region=place.region, region_level=place.level, parent_region=place.parent,
        province=place.province, doc_type=doc_type, period_start=start, period_end=end,
        issued=issued, doc_number=number, draft=any(_DRAFT.search(t) for t in top[:10]),
    )
    findings.extend(_missing(meta))
    return MetaResult(meta, findings)


def _missing(meta: Meta) -> list[Finding]:
    out = []
    for name in ("title", "region", "doc_type", "period_start"):
        if getattr(meta, name) is None:
            out.append(Finding(code="meta-missing", severity=Severity.WARNING,
                               message=f"未能识别文档元数据字段：{name}"))
    return out


def _clean(text: str) -> str:
    return "".join(text.split()).replace("*", "").replace("#", "")


def find_title(top: list[str]) -> str | None:
    """The printed title: the document a 通知 cover issues, else the first title-like lines."""
    for line in top:
        m = _COVER.search(_clean(line))
        if m:
            return _strip_draft(m.group(1) or m.group(2))
    for i in range(len(top)):
        joined = _title_at(top, i)
        if joined:
            m = _NOTICE_TITLE.search(joined)
            return _strip_draft(m.group(1) if m else joined)
    for line in top:  # a notice title run together with the lines after it
        m = _NOTICE_IN_LINE.search(_clean(line))
        if m:
            return _strip_draft(m.group(1))
    return None


def _title_like(line: str) -> bool:
    s = _clean(line)
    return (0 < len(s) <= 60 and not re.search(r"[。，：:；]", s)
            and not _DOC_NUMBER.fullmatch(s) and not _NUMBERED.match(s)
            and not _DATE.match(s) and not re.fullmatch(r"[（(].*[）)]", s))


def _title_at(top: list[str], i: int) -> str | None:
    """Join up to three short consecutive lines from ``i`` until they end in a document word."""
    acc = ""
    for line in top[i:i + 3]:
        if not _title_like(line):
            return None
        acc += _clean(line)
        if _TITLE_END.search(acc) and not _DRAFT_SUFFIX.fullmatch(acc):
            return acc
    return None


def _strip_draft(title: str) -> str:
    return _DRAFT_SUFFIX.sub("", _clean(title))


def infer_title(region: str | None, text: str) -> str | None:
    """No printed title: region + the kind of higher plan the preface cites.

    '根据省、市“十四五”科技创新规划……制定本规划' → '<region>“十四五”科技创新规划'.
    """
    if not region:
        return None
    head = text[:600]
    if "制定本规划" not in head and "编制本规划" not in head:
        return None
    m = _TOPIC_REF.search(head)
    return f"{region}“{m.group(1)}”{m.group(2)}" if m else None


def _region(title: str | None, top: list[str], tail: list[str], text: str) -> str | None:
    from planwatch.catalog.regions import leading_region

    if title:
        head = title.removeprefix("关于印发")
        found = leading_region(head)
        if found:
            return _nested_region(found, head[len(found):])
    return (jurisdiction.issuer_region(top) or jurisdiction.issuer_region(tail)
            or jurisdiction.master_plan_region(text[:2000]))


def _nested_region(outer: str, rest: str) -> str:
    """'成都市郫都区“十五五”…' / '湖北省襄阳市…': the plan is for the inner division, when the
    catalogue places it inside the outer one."""
    from planwatch.catalog.regions import leading_region, lookup

    inner = leading_region(rest)
    if inner and any(outer in (i.parent, i.province) for i in lookup(inner)):
        return inner
    return outer


_RULES = re.compile(r"(?:条例|办法|规定|细则|指引|规则|准则|指南|标准|(?<![方想])法)$")
_RULES_NOTICE = re.compile(
    r"^关于.{2,60}(?:条例|办法|规定|细则|指引|规则)(?:（[^（）]{0,8}）)?的通知$")
_QA = re.compile(r"^(?:政策|权威)?解读[：:][^。，；《]{2,60}?(?:政策解答|问答|指引|指南)")
_INTERPRETED = re.compile(r"^(?:政策|权威)?解读[：:]\s*.{0,30}?《(?P<t>[^》]{4,80})》")


def classify(title: str) -> DocType | None:
    """规划/纲要 → plan; 评估报告 → evaluation_report;
    意见/方案/行动计划/措施 → implementation_opinion; 条例/办法/规定/细则/指引 → regulation
    (rules: their numbers are conditions, caps and penalties, not commitments)."""
    title = re.sub(r"[（(][^（）()]*[）)]$", "", title)
    # 关于修订《…细则》的通知 is the rules it carries
    issued = re.search(r"(?:印发|修订|修改|转发)《([^《》]{4,80})》", title)
    if issued and title.endswith("通知"):
        return classify(issued.group(1))
    if re.search(r"评估(?:报告)?$|评估报告|总结报告", title):
        return "evaluation_report"
    if _RULES.search(title) or _RULES_NOTICE.search(title):
        return "regulation"
    if re.search(r"(?:实施)?意见$|方案$|计划$|措施$|要点$|政策$|工作安排$", title):
        return "implementation_opinion"
    if re.search(r"规划|纲要", title):
        return "plan"
    return None


def interpreted_type(top: list[str]) -> DocType | None:
    """A 政策解读 is typed by the document it explains (政策解读：《…管理办法》政策解读 →
    regulation, 《…实施意见》 → implementation_opinion); a 政策解答 of a procedure is rules."""
    for line in top[:3]:
        s = _clean(line)
        m = _INTERPRETED.search(s)
        if m:
            return classify(m.group("t"))
        if _QA.search(s):
            return "regulation"
    return None


def five_year_span(ordinal: str) -> tuple[int, int]:
    """'十四五' → (2021, 2025): the sixth plan began in 1981, each later one five years on."""
    n = 10 + "一二三四五六七八九".index(ordinal) + 1
    start = 1981 + 5 * (n - 6)
    return start, start + 4


def find_period(
    title: str, doc_type: DocType | None, text: str, issued: str | None, number: str | None
) -> tuple[int | None, int | None]:
    m = _YEAR_RANGE.search(title)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _FIVE_YEAR.search(title)
    if m:
        return five_year_span(m.group(1))
    m = _PLAN_SPAN.search(text)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _TITLE_YEAR.match(title)
    if m and doc_type != "plan":  # 2021年…重点工作安排: a one-year document
        return int(m.group(1)), int(m.group(1))
    force = _IN_FORCE.search(text)
    if force and doc_type != "plan":  # 自2020年1月1日起施行，有效期3年
        first = int(force.group("y"))
        term = force.group("n")
        return first, (first + int(cn2an.cn2an(term, "smart")) - 1) if term else None
    start = _issue_year(issued, number)
    if doc_type != "plan" and start is not None:
        years = [int(y) for y in _BY_YEAR.findall(text) if int(y) >= start]
        if years:
            return start, Counter(years).most_common(1)[0][0]
        spans = [five_year_span(o)[1] for o in _PERIOD_OF.findall(text)]
        return start, max((y for y in spans if y >= start), default=None)
    ordinals = _FIVE_YEAR.findall(text[:3000])
    if ordinals:
        return five_year_span(max(ordinals, key="一二三四五六七八九".index))
    return start, None


def _issue_year(issued: str | None, number: str | None) -> int | None:
    if issued:
        return int(issued[:4])
    if number:
        m = re.search(r"\d{4}", number)
        return int(m.group(0)) if m else None
    return None


def find_issued(lines: list[str]) -> str | None:
    """An issue date on a line of its own ('2022年4月19日', '二〇二二年四月十九日'), or right
    after a signing body ('…人民政府2024年7月25日') where lines were run together."""
    for line in lines:
        m = _DATE.match(_clean(line))
        if m:
            found = _date(m.groups())
            if found:
                return found
    for line in lines:
        m = _SIGNED_DATE.search(_clean(line))
        if m:
            found = _date(m.groups())
            if found:
                return found
    return None


def _date(groups: tuple[str | Any, ...]) -> str | None:
    year, month, day = (_date_part(str(g)) for g in groups)
    if year and month and day and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _date_part(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if len(s) == 4:
        return int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in s))
    try:
        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def find_doc_number(top: list[str]) -> str | None:
    """A document number printed on a short line near the top: 淄政字〔2022〕38号."""
    for line in top:
        s = _clean(line)
        if len(s) > 40:
            continue
        m = _DOC_NUMBER.search(s)
        if m:
            return m.group(0)
    for line in top:  # a number run together with the notice title ('…的通知浙政办发〔2025〕21号')
        m = _DOC_NUMBER_AFTER_TITLE.search(_clean(line))
        if m:
            return m.group(1)
    return None
