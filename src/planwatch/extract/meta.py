"""Document metadata: title, region and level, type, period, issue date, document number, draft.

Rules are layout cues, not document names: a 通知 cover names the attached document in 《…》; a
title is a short line near the top ending in a document word (规划/纲要/意见/方案/计划…); the
period comes from “十X五” or a printed year range; issue dates and document numbers are lines of
their own near the top or at the signature.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

import cn2an

from planwatch.extract import jurisdiction
from planwatch.extract.meta_dates import (
    DATE,
    DATE_CORE,
    DOC_NUMBER,
    find_doc_number,
    find_issued,
    five_year_span,
    front_matter,
)
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, Severity
from planwatch.model.plan import DocType, Meta
from planwatch.parse.document import Document

TOP_BLOCKS = 30
SIGNED_BLOCKS = 60
TAIL_BLOCKS = 20
_DOC_WORDS = (
    "规划", "纲要", "意见", "方案", "计划", "措施", "举措", "办法", "报告", "通知", "要点", "政策",
    "条例", "规定", "细则", "指引", "规则", "准则", "指南", "公告", "决定", "解读", "解答", "清单",
    "批复", "的函", "工作安排", "纪律",
)
_TITLE_END = re.compile(
    r"(?:" + "|".join(_DOC_WORDS) + r"|^中华人民共和国.{2,20}(?<![方做说想看])法)"
    r"(?:[（(][^（）()]{0,20}[）)])?"
    r"(?:[（(](?:征求意见稿|送审稿|草案|讨论稿|审议稿)[）)])?$"  # …（2026-2030年）（草案）
)
_DRAFT = re.compile(r"征求意见稿|送审稿|草案|讨论稿|审议稿|征求意见")
_DRAFT_SUFFIX = re.compile(r"[（(](?:" + _DRAFT.pattern + r")[）)]$")
_COVER = re.compile(
    r"现将《(.+?)》(?:印发|转发|予以印发)|^《([^《》]+?)》已经.{1,12}同意，?现(?:予)?印发")
_NOTICE_IN_LINE = re.compile(
    r"关于印发《?(.+?)》?的通知|^[^。，：:；]{2,60}?(?<!关于)印发《(.+)》(?:的通知)?$")
_NOTICE_TITLE = re.compile(
    r"(?:关于)?(?:修订)?印发《(.+)》的通知$|关于(?:修订)?印发(?!《[^《》]+》等)(.+?)的通知$"
    # 关于转发区消防支队《X》的通知 / 关于印发《A》等三个方案的通知: the (first) document named
    r"|关于(?:修订)?(?:印发|转发|下发|颁发|批转|修订|修改)[^《》。，]{0,24}?《([^《》]+)》"
    r"(?:等[^《》]{0,12}?)?的通知$"
    # 上海市人民政府办公厅转发市规划资源局《X》的通知: X (a notice extending a rule's validity
    # keeps its own title: tests/test_meta_real.py, the shared dev set's convention)
    r"|^[^《》。，]{2,40}?(?:转发|批转)[^《》。，]{0,24}?《([^《》]+)》的通知$"
    # 关于公开征求《…条例（征求意见稿）》意见的公告: the draft the consultation is about
    r"|关于(?:公开)?征求《([^《》]+)》(?:的)?(?:修改)?意见(?:建议)?的(?:公告|通知|函)$")
# a news headline: '国务院办公厅印发《关于…的若干意见》'
_ISSUED_HEADLINE = re.compile(r"^[^。，：:；《]{2,40}?印发《([^《》]+)》$")
_LABEL = re.compile(r"^(?:政策|权威)?(?:解读|图解)[：:]")
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九])五")
# 2021—2025年 / （2021-2025）: a bracketed span needs no 年
_YEAR_RANGE = re.compile(r"(20\d{2})\s*[—\-–－~～至到]+\s*(20\d{2})\s*(?:年|(?=[）)]))")
_PLAN_SPAN = re.compile(
    r"(?:规划|计划|方案|纲要)(?:期限|期)为?\s*(20\d{2})\s*[—\-–－~～至到]+\s*(20\d{2})"
)
_BY_YEAR = re.compile(r"到\s*(20\d{2})\s*年")
_STEP_YEAR = re.compile(r"(?<![\d到至—\-~～])(20\d{2})\s*年(?:上半年|下半年|年?底前|\d{1,2}月底?前"
                        r"|\d{1,2}月底?完成|[（(]?\d{1,2}月[)）])")
_PLACE_END = ("省", "市", "区", "县", "州", "旗", "盟")  # the last character of a place's name
# 2021年…重点工作安排 / 山东省2026年…行动方案: a year printed first, or right after the place
_TITLE_YEAR = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,30}}?关于(?:进一步|切实)?(?:做好|抓好|开展))?"
                         # (中共中央国务院)关于做好2023年…重点工作的意见
                         rf"(?:[\u4e00-\u9fff]{{1,12}}?[{''.join(_PLACE_END)}])?(20\d{{2}})\s*年"
                         r"(?![—\-–－~～至到]|(?:底|末)?(?:以)?前)")  # 2030年前…: a deadline
# 美丽丰台建设2026年行动计划 / 某区生态环境保护2026年工作要点: the programme of one year
_YEAR_PROGRAMME = re.compile(r"^[\u4e00-\u9fff“”]{2,16}?(20\d{2})\s*年度?[\u4e00-\u9fff]{0,12}?"
                             r"(?:行动计划|工作计划|工作要点|重点工作安排|工作方案)$")
# 上海市交通领域持续优化营商环境行动方案（2026年）: a programme for the year its title brackets
_BRACKETED_YEAR = re.compile(r"(?:计划|方案|要点|安排)[（(](20\d{2})\s*年度?[)）]$")
_IN_FORCE = re.compile(  # 自2020年1月1日起施行，有效期3年 / 本意见于2016年6月1日施行，有效期5年
    # / 本办法自2026年5月30日开始施行，有效期5年
    r"(?:自\s*(?P<y>20\d{2})\s*年(?:(?P<mo>\d{1,2})月(?P<d>\d{1,2})日)?[^，。；]{0,12}?日?(?:起|开始)"
    r"|于\s*(?P<y2>20\d{2})\s*年(?P<mo2>\d{1,2})月(?P<d2>\d{1,2})日起?)(?:施行|实施|执行)"
    r"(?:[，,]?\s*有效期(?:为|至)?\s*(?:(?P<n>\d{1,2}|[一二两三四五六七八九十])\s*年"
    r"|(?P<until>20\d{2})\s*年))?")
_EXTENDED = re.compile(r"有效期延长至\s*(20\d{2})\s*年")
_ISSUE_TERM = re.compile(r"自(?:发布|印发|公布)之日起(?:施行|实施|试行|执行)[，,]?\s*有效期(?:为)?"
                         r"\s*(\d{1,2}|[一二两三四五六七八九十])\s*年")
_VALID_UNTIL = re.compile(r"有效期(?:为|截)?至\s*(20\d{2})\s*年")
# 自2019年1月1日至2021年12月31日: a window in which a rule applies
_WINDOW = re.compile(r"自\s*(20\d{2})\s*年\d{1,2}月\d{1,2}日\s*(?:起\s*)?至"
                     r"\s*(20\d{2})\s*年\d{1,2}月\d{1,2}日")
# an editor's note after a title (政府工作报告（文字实录）): not part of the title
_EDITORIAL = re.compile(r"[（(](?:文字实录|实录|全文|摘要|图文)[）)]$")
_WORK_REPORT = re.compile(r"政府工作报告$")
_PERIOD_OF = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期|末)")
_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[、.．)）]")
_FRONT_TITLE_KEY = re.compile(r"^标题[:：]\s*")
_FRONT_TITLE = re.compile(r"^标题[:：](.{4,120}?)(?=文号[:：]|发布单位[:：]|发布日期[:：]|$)")
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
    top, tail = lines[:TOP_BLOCKS], lines[-TAIL_BLOCKS:] + _imprint_rows(doc)
    text = "\n".join(lines)
    findings: list[Finding] = []
    title = find_title(top)
    attached = attached_text(lines) if title and interpretation_title(top) else None
    if attached:
        title = attached[0]
    number = attached[1] if attached else find_doc_number(top)
    region = _region(title, top, tail, text)
    if region is None and jurisdiction.national_by_text(text, number):
        region = jurisdiction.NATIONAL
    region = region or jurisdiction.own_province(text)
    if title is None:
        title = infer_title(region, text)
        if title:
            findings.append(make_finding("title-inferred", {"title": title},
                                         severity=Severity.INFO))
    title = _EDITORIAL.sub("", title) if title else title
    place = jurisdiction.resolve(region, text) if region else jurisdiction.Jurisdiction()
    interpreted, doc_type = interpreted_type(top)
    if title and not interpreted:  # a 解读 page's own title keeps the 《》 it prints
        title = _with_issuer(_unbracketed(_one_of_several(title, lines)), top)
    if not interpreted:
        doc_type = classify(title or "")
        if doc_type is None and (title or "").endswith("通知") and _NOTICE_IN_FORCE.search(text):
            doc_type = "regulation"
    # a page's header and share buttons may push the signature far down: look further for it
    issued = find_issued(top) or find_issued(tail) or find_issued(lines[TOP_BLOCKS:SIGNED_BLOCKS]) \
        or _front_posted(top) or _front_posted(_header_table_fields(doc))
    start, end = find_period(title or "", doc_type, text, issued, number)
    meta = Meta(
        title=title, region=place.region, region_level=place.level, parent_region=place.parent,
        province=place.province, doc_type=doc_type, period_start=start, period_end=end,
        issued=issued, doc_number=number, draft=any(_DRAFT.search(t) for t in top[:10]),
    )
    findings.extend(_missing(meta))
    return MetaResult(meta, findings)


# 中共中央 国务院 / 国务院办公厅 / 某市人民政府: a body that issues a document in its own name
_ISSUER = re.compile(
    r"^[\u4e00-\u9fff]{2,30}?(?:中央|国务院|政府|办公厅|办公室|委员会|部|厅|局|委)$")


def _with_issuer(title: str, top: list[str]) -> str:
    """A page headed `关于…的意见` whose body prints the document's own title with its issuer
    (`中共中央 国务院关于…的意见`, or the issuer on the line above): the title as printed."""
    if not title.startswith("关于"):
        return title
    cleaned = [_clean(line) for line in top]
    for i, line in enumerate(cleaned):
        issuer = line[:-len(title)] if line.endswith(title) and len(line) > len(title) else (
            line if i + 1 < len(cleaned) and cleaned[i + 1] == title else "")
        if issuer and _ISSUER.match(issuer):
            return issuer + title
    return title


def _imprint_rows(doc: Document) -> list[str]:
    """The rows of a table closing the document (| 抄送：… | ‖ | 某区人民政府办公室 |
    2024年5月28日印发 |): the imprint a page printed as a table, read like the tail's lines."""
    closing = [b for b in doc.blocks[-2:] if b.kind == "table"]
    return [" ".join(c for c in row if c) for b in closing for row in b.rows]


_HEAD_TABLES = 6  # blocks: a page's 政府信息公开 table comes before the text


def _header_table_fields(doc: Document) -> list[str]:
    """The label and value pairs of a page's 政府信息公开 table above the text
    (| 公开类别 | 主动公开 | 发布时间 | 2024-09-02 |) as front matter lines
    (``发布时间: 2024-09-02``)."""
    out: list[str] = []
    for block in doc.blocks[:_HEAD_TABLES]:
        if block.kind != "table":
            continue
        for row in block.rows:
            cells = [c.strip() for c in row]
            out.extend(f"{label}: {value}" for label, value in itertools.pairwise(cells)
                       if _FRONT_LABEL.fullmatch(label) and value)
    return out


_FRONT_LABEL = re.compile(r"(?:发布|成文)(?:日期|时间)")


def _missing(meta: Meta) -> list[Finding]:
    out = []
    for name in ("title", "region", "doc_type", "period_start"):
        if getattr(meta, name) is None:
            out.append(make_finding("meta-missing", {"field": name}))
    return out


def _clean(text: str) -> str:
    text = "".join(text.split()).replace("*", "").replace("#", "")
    # 关于印发《…》的通知(发改能源〔2026〕884号) / …的实施意见(发改能源〔2023〕1721号): the number
    # printed after the title
    return _NUMBER_AFTER.sub("", text) if text.endswith(("号)", "号）")) else text


_NUMBER_AFTER = re.compile(r"[（(][^（）()]{2,20}[〔\[［]\d{4}[〕\]］]\d{1,5}号[)）]$")


def find_title(top: list[str]) -> str | None:
    """The printed title: the document a 通知 cover issues, else the first title-like lines; a
    政策解读 page's own title without the site's column label."""
    label = interpretation_title(top)
    if label:
        return label
    cleaned = [_clean(line) for line in top]
    for line in cleaned:
        m = _COVER.search(line)
        if m:
            return _as_headed(_quoted(_full_name(m.group(1) or m.group(2), line)), cleaned)
    for line in cleaned[:2]:  # a notice title too long for a title line: '…关于印发《…》的通知'
        m = _NOTICE_TITLE.search(line) or _ISSUED_HEADLINE.match(line)
        if m:
            return _quoted(_first_group(m))
        if _long_notice(line):
            return _strip_draft(line)
    for i in range(len(top)):
        joined = _title_at(top, i)
        if joined:
            joined = _undecreed(joined)
            m = _NOTICE_TITLE.search(joined)
            return _quoted(_first_group(m)) if m else _strip_draft(joined)
    for line in cleaned:  # a notice title run together with the lines after it
        m = _NOTICE_IN_LINE.search(line)
        if m:
            return _quoted(m.group(1) or m.group(2))
    for line in cleaned[:3]:  # only the Markdown front matter names it: '标题: …'
        m = _FRONT_TITLE.match(line)
        if m:
            notice = _NOTICE_TITLE.search(m.group(1))
            if notice:
                return _quoted(_first_group(notice))
            return _strip_draft(m.group(1))
    return None


# 发布日期：2026-04-01 20:46 (a time after the date, run on once spaces are removed)
_FRONT_DATE = re.compile(r"(?:成文日期|发布日期|发布时间)[:：]\s*(20\d{2})-(\d{2})-(\d{2})"
                         r"(?=\d{1,2}:\d{2}|\D|$)")


def _front_posted(top: list[str]) -> str | None:
    """The posting date of a page's Markdown front matter (``发布日期: 2019-08-21``), used only
    when the body prints no date of its own."""
    m = front_matter(top[:12], _FRONT_DATE)
    return "-".join(m.groups()) if m else None


_DASHES = str.maketrans({**dict.fromkeys("—–－~～", "-"), "（": "(", "）": ")"})


def _as_headed(name: str, lines: list[str]) -> str:
    """The cover's name as the document's own heading prints it, where the two differ only in
    their dashes, brackets or a 、 (cover 现将《…(2024-2027年)》, heading …（2024—2027年）): the
    heading is the title. The heading may run over lines; a name inside 《》 is a citation, not the
    heading."""
    key = name.translate(_DASHES).replace("、", "")
    joined = "".join(re.sub(r"\s+", "", line) for line in lines)
    kept = [i for i, ch in enumerate(joined) if ch != "、"]  # (…“非粮化”、稳定… on the cover)
    flat = "".join(joined[i] for i in kept).translate(_DASHES)
    at = flat.find(key) if key else -1
    while at >= 0:
        start, end = kept[at], kept[at + len(key) - 1] + 1
        if joined[start - 1:start] != "《":
            return joined[start:end]
        at = flat.find(key, at + 1)
    return name


def _first_group(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g)


# '中华人民共和国科学技术部令第21号 人类遗传资源管理条例实施细则': the decree's number is not
# part of the title
_DECREE = re.compile(r"^[\u4e00-\u9fff]{2,20}令\s*第\s*\d+\s*号\s*(?=\S{4})")


def _undecreed(title: str) -> str:
    bare = _DECREE.sub("", title)
    whole = re.fullmatch(r"《([^《》]+)》", bare)
    return whole.group(1) if whole and bare != title else bare


def _long_notice(line: str) -> bool:
    """A notice title too long for a title line that is the document itself ('…关于延长《…》有效期的
    通知'): no sentence, date or 文号 run into it."""
    return (60 < len(line) <= 150 and "关于" in line and bool(_TITLE_END.search(line))
            and not re.search(r"[。；：:]|" + DATE_CORE, line) and not DOC_NUMBER.search(line))


def _full_name(name: str, line: str) -> str:
    """'现将《办法（试行）》印发' where '《…管理办法（试行）》（以下简称《办法（试行）》）'
    defined the short name: the full name."""
    m = re.search(r"《([^《》]+)》[（(]以下简称《" + re.escape(name) + "》", line)
    return m.group(1) if m else name


def interpretation_title(top: list[str]) -> str | None:
    """'政策解读：《…管理办法》政策解读' → '《…管理办法》政策解读': the page's own title without the
    site's column label, brackets kept ('政策解读：《X》' → '《X》')."""
    for line in top[:2]:
        s = _clean(line)
        m = _LABEL.match(s)
        if m and len(s) > m.end() + 3:
            rest = _label_title(s[m.end():])
            return _quoted(rest) if rest else None
    return None


_LABEL_END = re.compile(
    r"(?:" + "|".join(_DOC_WORDS) + r")(?:[（(][^（）()日]{1,16}[）)])?")
# '《…细则》修订情况解读': a few words about the explained document, then 解读/说明
_INTERPRETATION_TAIL = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:解读|解答|说明)(?=$|[（(])")
# what may follow the explained title on a 解读 page's title line: its 文号, then 政策解读(材料)
_NUMBERED_TAIL = re.compile(
    r"(?:[（(][^（）()]{1,24}[）)])?(?:[\u4e00-\u9fff]{0,6}?(?:解读|解答|说明)(?:材料|文件)?"
    r"|[\u4e00-\u9fff]{1,8}篇)")  # '《…条例》科研机构篇': one part of a series
_SENTENCE_START = re.compile(
    r"为(?:了|贯彻|深入|加快|进一步|推动|落实|全面|切实|加强|促进)|根据|按照|近日|日前"
    r"|(?<![-—–~～至\d])[（(]?\d{4}年|\d{1,2}月\d{1,2}日|[一二三四五六七八九十]、|问[：:]|■|相关链接"
    r"|文/")


def _label_title(rest: str) -> str | None:
    """The title at the start of a label line whose first sentence the reader joined to it:
    '《X》' and the document words right after it ('《X》政策解读'), else the last document word
    before the sentence that follows ('为…', '根据…', '（2017年5月4日首次发布）')."""
    seg = re.split(r"[，。：；！？,;]", rest, maxsplit=1)[0]
    quoted = re.match(r"《[^《》]+》", seg)
    if quoted:
        end = quoted.end()
        while (m := _LABEL_END.match(seg, end)) is not None:
            end = m.end()
        whole = _NUMBERED_TAIL.match(seg, quoted.end())
        if whole:  # '《X》（粤府〔2015〕1号）政策解读' / '《X》解读材料' / '《X》科研机构篇'
            return seg[:whole.end()]
        tail = _INTERPRETATION_TAIL.match(seg, end) if end == quoted.end() else None
        return seg[:tail.end() if tail else end]
    start = _SENTENCE_START.search(seg, 4)
    stop = start.start() if start else len(seg)
    ends = [m.end() for m in _LABEL_END.finditer(seg, 0, stop)]
    quoting = [m.end() for m in _LABEL_END.finditer(seg, 0, stop)  # '…指引《中共中央关于…》指出'
               if seg.startswith("《", m.end()) and m.group() != "解读"]
    if quoting:
        return seg[:quoting[0]]
    end = stop if start else max(ends, default=stop)
    if seg[end:end + 1] == "》" and seg.count("《", 0, end) > seg.count("》", 0, end):
        end += 1  # '…解读《关于…若干措施（试行）》'
    return seg[:end] if end <= 100 else None


def attached_text(lines: list[str]) -> tuple[str, str] | None:
    """The full text a 解读 page carries after it: a title line directly followed by its 文号
    ('附件：' / '广东省人民政府办公厅关于…的实施意见' / '粤府办〔2016〕101号') → (title, number)."""
    for prev, line in itertools.pairwise(lines):
        s = _clean(line)
        if DOC_NUMBER.fullmatch(s) and _title_like(prev) and _TITLE_END.search(_clean(prev)):
            return _strip_draft(prev), s
    return None


_BETWEEN_TITLES = re.compile(r"》\s*(?:[和及、与]|以及)?\s*《")


def _one_of_several(title: str, lines: list[str]) -> str:
    """关于印发《A》《B》《C》的通知 / 《A》和《B》: the document the page carries (its title
    standing as a line of its own), else the first named; of several, the first that is not a
    rules document."""
    if not _BETWEEN_TITLES.search(title):
        return title
    names = [n.strip("《》") for n in _BETWEEN_TITLES.split(title)]
    own = {re.sub(r"\s+", "", line).strip("《》#") for line in lines}
    carried = [n for n in names if re.sub(r"\s+", "", n) in own] or names
    # a 办法 carried with an 实施意见: the document with commitments is the one to monitor
    return next((n for n in carried if classify(n) != "regulation"), carried[0])


def _unbracketed(title: str) -> str:
    """《上海市长宁区…规划纲要》 printed as the page's title line: the name without its 《》."""
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        return title[1:-1]
    return title


def _quoted(title: str) -> str:
    """A title printed inside 《》: nested quotes printed 〈〉 are the title's own 《》."""
    return _strip_draft(title).replace("〈", "《").replace("〉", "》")


def _title_like(line: str) -> bool:
    s = _clean(line)
    return (0 < len(s) <= 60 and not re.search(r"[。，：:；]", s)
            and not DOC_NUMBER.fullmatch(s) and not _NUMBERED.match(s)
            and not DATE.match(s) and not re.fullmatch(r"[（(].*[）)]", s)
            and not re.search(DATE_CORE, s) and not _PAGE_FRAME.search(s))


# a page's frame: a trail of columns (重大决策/区级重大行政决策/草案全文), an id (a5c767fc-4019-…)
_PAGE_FRAME = re.compile(r"/[^/]*/|[0-9A-Za-z\-]{16,}")


def _title_at(top: list[str], i: int) -> str | None:
    """Join up to three short consecutive lines from ``i`` until they end in a document word."""
    acc = ""
    if _ANNEX_LINE.fullmatch(_clean(top[i])):
        return None  # 附件 1 ‖ 某省…规划: the annex's label, not its title's first words
    for k, line in enumerate(top[i:i + 3], start=i):
        if not _title_like(line):
            return None
        acc += _clean(line)
        if _TITLE_END.search(acc) and not _DRAFT_SUFFIX.fullmatch(acc):
            after = _clean(top[k + 1]) if k + 1 < len(top) else ""
            # …发展规划 ‖ （2021-2025 年）: the span printed on the line under the title
            spanned = _SPAN_LINE.fullmatch(after) and "（" not in acc[-12:] \
                and not _FIVE_YEAR.search(acc)  # (“十五五”…规划 names its period already)
            return acc + after if spanned else acc
    return None


_ANNEX_LINE = re.compile(r"附件\s*[\d一二三四五六七八九十]*[:：]?")
_SPAN_LINE = re.compile(r"[（(]20\d{2}\s*[—\-–－~～至]+\s*20\d{2}\s*年?[）)]")


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

    cover = None
    for line in top[:6]:  # the cover notice's own title: '广东省科学技术厅关于修订印发《…》的通知'
        s = _FRONT_TITLE_KEY.sub("", _clean(line))  # also as a page's 标题: field
        found = leading_region(s) if "关于" in s[:120] and "。" not in s else None
        if found:
            cover = _nested_region(found, s[len(found):])
            break
    if title:
        if title.startswith("中华人民共和国"):
            return jurisdiction.NATIONAL
        head = re.sub(r"^(?:解读)?《?", "", title).removeprefix("关于印发")
        found = leading_region(head)
        if found:
            own = _nested_region(found, head[len(found):])
            # a title that opens with another place the issuer does not contain ('香港特别行政区、
            # 澳门…参与广东省…的若干规定' issued by 广东省科学技术厅) is about it, not for it
            return own if cover is None or _within(own, cover) else cover
    if cover:
        return cover
    return (jurisdiction.issuer([title or "", *top]) or _front_issuer(top)
            or jurisdiction.issuer(tail) or _named_in_title(title or "")
            or jurisdiction.master_plan_region(text[:2000]))


def _named_in_title(title: str) -> str | None:
    """关于加快推进平潭综合实验区…的实施意见: the place a title names after its 关于, when no issuer
    says whose the document is (a full name, never a two-character fragment)."""
    start = title.find("关于")
    if start < 0:
        return None
    from planwatch.catalog.regions import leading_region

    for i in range(start + 2, min(len(title), start + 16)):
        found = leading_region(title[i:])
        if found and len(found) >= 3 and found.endswith(_PLACE_END):
            return found
    return None


_FRONT_ISSUER = re.compile(r"(?:发布单位|发布机构|发文机关)[:：]\s*([^\s:：]{2,40}?)"
                           r"(?=发布日期|发布时间|层级|类型|栏目|成文日期|$|\s)")


def _front_issuer(top: list[str]) -> str | None:
    """The place of the issuing body a page's front matter names
    (``发布单位: 上海市发展和改革委员会``)."""
    from planwatch.catalog.regions import leading_region

    m = front_matter(top[:12], _FRONT_ISSUER)
    return leading_region(m.group(1)) if m else None


def _within(inner: str, outer: str) -> bool:
    from planwatch.catalog.regions import lookup

    return inner == outer or any(outer in (i.parent, i.province) for i in lookup(inner))


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
    r"^.{0,30}?关于.{2,60}(?:条例|办法|规定|细则|指引|规则)(?:（[^（）]{0,8}）)?的通知$")
# 财政部国家税务总局关于国家大学科技园税收政策的通知: tax rules, whatever the notice is called
_TAX_NOTICE = re.compile(r"关于.{0,40}(?:税收|税前|加计扣除|增值税|所得税|关税).{0,30}的通知$")
# 本通知自2022年5月19日起实施，有效期两年: a notice in force for a term is itself rules
_NOTICE_IN_FORCE = re.compile(r"本通知自[^。；]{0,20}(?:施行|实施)[^。]{0,6}有效期")
_ISSUED_BARE = re.compile(r"关于(?:印发|修订|修改|转发)(?!《)(.{4,80})的通知$")
_QA = re.compile(r"^(?:政策|权威)?解读[：:][^。，；《]{2,60}?(?:政策解答|问答|指引|指南)")
_INTERPRETATION = re.compile(r"^(?:政策|权威)?解读[：:]")
_EXPLAINED_TITLE = re.compile(
    r"^(?P<t>[^，。；：]{4,60}?(?:方案|意见|计划|措施|规划|纲要)(?:[（(][^（）()]{4,16}[）)])?)"
    r"(?:政策)?解读(?:材料)?$")
_INTERPRETED = re.compile(r"^(?:政策|权威)?解读[：:]\s*.{0,30}?《(?P<t>[^》]{4,80})》")


def classify(title: str) -> DocType | None:
    """规划/纲要 → plan; 评估报告 → evaluation_report;
    意见/方案/行动计划/措施 → implementation_opinion; 条例/办法/规定/细则/指引 → regulation
    (rules: their numbers are conditions, caps and penalties, not commitments)."""
    title = re.sub(r"[（(][^（）()]*[）)]$", "", title)
    # 关于修订《…细则》的通知 is the rules it carries
    issued = re.search(
        r"(?:印发|修订|修改|转发|下发|颁发|批转|延长)[^《》。，]{0,24}?《([^《》]{4,80})》", title)
    if issued and title.endswith("通知"):
        return classify(issued.group(1))
    bare = _ISSUED_BARE.search(title)  # 关于印发…管理办法的通知 without 《》
    if bare:
        return classify(bare.group(1))
    if re.search(r"评估(?:报告)?$|评估报告|总结报告", title):
        return "evaluation_report"
    if _RULES.search(title) or _RULES_NOTICE.search(title) or _TAX_NOTICE.search(title):
        return "regulation"
    if re.search(r"(?:实施)?意见$|方案$|计划$|措施$|举措$|要点$|政策$|工作安排$", title) \
            or _WORK_REPORT.search(title):  # a 政府工作报告 sets the year's goals and work
        return "implementation_opinion"
    if re.search(r"规划|纲要", title):
        return "plan"
    return None


def interpreted_type(top: list[str]) -> tuple[bool, DocType | None]:
    """A 政策解读 is typed by the document it explains (政策解读：《…管理办法》政策解读 →
    regulation, 《…实施意见》 → implementation_opinion); a 政策解答 of a procedure is rules."""
    for line in top[:3]:
        s = _clean(line)
        m = _INTERPRETED.search(s)
        if m:
            return True, classify(m.group("t"))
        if _QA.search(s):
            return True, "regulation"
        if _INTERPRETATION.search(s):  # a 解读 naming no document: only a plan or rules it
            named = classify(_INTERPRETATION.sub("", s))  # names are typed; the rest explain
            if named in ("plan", "regulation"):
                return True, named
            # '…建设实施方案（2016-2020年）解读': the title of the explained document, unquoted
            titled = _EXPLAINED_TITLE.match(_INTERPRETATION.sub("", s))
            return True, classify(titled.group("t")) if titled else None
    return False, None


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
    m = _TITLE_YEAR.match(title) or _YEAR_PROGRAMME.match(title) or _BRACKETED_YEAR.search(title)
    if m and doc_type != "plan":  # 2021年…重点工作安排: a one-year document
        return int(m.group(1)), int(m.group(1))
    windows = _WINDOW.findall(text) if doc_type == "regulation" else []
    if windows:  # 自2016年1月1日至2018年12月31日，对…免征: the rules' own windows
        return min(int(a) for a, _ in windows), max(int(b) for _, b in windows)
    extended = _EXTENDED.search(text) if doc_type == "regulation" else None
    if extended:  # 有效期延长至2030年2月28日: the rules run on from the notice to then
        return _issue_year(issued, number), int(extended.group(1))
    force = _IN_FORCE.search(text)
    span = _in_force_span(force) if force and doc_type != "plan" else None
    if span and (span[1] is not None or doc_type == "regulation"):
        return span  # 自2020年1月1日起施行，有效期3年
    # an opinion runs from its issue (本意见自2021年2月1日起施行 in one issued 2020-12-31 starts
    # 2020), a rule from the day it takes force; the horizon is still the last dated goal
    issue = _issue_year(issued, number)
    start = issue if issue is not None and doc_type != "regulation" else (
        span[0] if span else issue)
    if start is not None and _WORK_REPORT.search(title):
        return start, start  # a 政府工作报告 is the programme of its own year
    if doc_type != "plan" and start is not None:
        years = [int(y) for y in _BY_YEAR.findall(text) if int(y) >= start]
        if years:
            goals = [y for y in _goal_years(text) if y >= start]
            # stages (（四）到2035年 / 到2022年，… 到2035年，…) count when no goal states a number
            goals = goals + [y for y in _stage_years(text, not goals) if y >= start]
            # 到2025年，…（quantified）‖ 到2030年，…基本建成…: a later stage paragraph of its
            # own, near enough to be the document's horizon rather than a 2035 vision
            goals = goals + [y for y in _opening_stages(text)
                             if start <= y <= start + _NEAR and y not in _VISION_YEARS]
            return start, max(goals) if goals else Counter(years).most_common(1)[0][0]
        spans = [five_year_span(o)[1] for o in _PERIOD_OF.findall(text)]
        end = max((y for y in spans if y >= start), default=None)
        if end is None:  # 步骤安排: 2017年7月底前…，2018年上半年… — the last step's year
            end = max((int(y) for y in _STEP_YEAR.findall(text) if int(y) >= start),
                      default=None)
        if end is None:  # 从现在起至2017年12月底: the window of the work
            end = max((y for y in _stage_years(text) if y >= start), default=None)
        return start, end if end is not None else _in_force_end(text, start, issued)
    ordinals = _FIVE_YEAR.findall(text[:3000]) if doc_type != "regulation" else []
    if ordinals:  # a rules document citing a 十四五 plan does not run over it
        return five_year_span(max(ordinals, key="一二三四五六七八九".index))
    return start, None


# （四）到2035年，… / 远期目标：到2035年，…: a stage of the document's own, set out as a goal
_STAGE_LINE = re.compile(r"(?m)^\s*(?:[（(][一二三四五六七八九十]{1,2}[)）]"
                         r"|(?:近期|中期|远期)目标[：:]?)\s*到\s*(20\d{2})\s*年")
_STAGE_PARA = re.compile(r"(?m)^\s*到\s*(20\d{2})\s*年[，,]")
# 从现在起至2017年12月底 / 即日起至…: the window the document's work runs in
_UNTIL = re.compile(r"(?:现在|即日|今日|印发之日)起?\s*至\s*(20\d{2})\s*年")
# （二）工作目标。2019年全市生活垃圾分类工作明确三大目标: the year the goals are set for
_YEAR_GOALS = re.compile(r"目标(?:任务)?[。：:]\s*(20\d{2})年[^。；，]{0,30}?目标")


def _in_force_end(text: str, start: int, issued: str | None) -> int | None:
    """The last year of a document in force until a date (自发布之日起施行，有效期至2027年12月31日)
    or for a term from its issue (自发布之日起试行，有效期三年: issued 2024-05-18, to 2027)."""
    until = max((int(y) for y in _VALID_UNTIL.findall(text) if int(y) >= start), default=None)
    term = _ISSUE_TERM.search(text) if until is None and issued else None
    if term is None or issued is None:
        return until
    return _term_end(int(issued[:4]), term.group(1), issued[5:] == "01-01")


def _stage_years(text: str, paragraphs: bool = True) -> list[int]:
    """The years of the stages a document sets out (its last stage is where it runs to, also
    when that stage states no number) and of the window its work runs in. Paragraphs opening
    with 到20XX年 are stages when there are two or more of them (到2022年，… / 到2035年，…)."""
    opening = _opening_stages(text)
    return [int(y) for pattern in (_STAGE_LINE, _UNTIL, _YEAR_GOALS)
            for y in pattern.findall(text)] + (opening if paragraphs and len(set(opening)) >= 2
                                               else [])


_NEAR = 7  # years after the issue: a stage this close is the document's own horizon
_VISION_YEARS = (2035, 2050)  # 到2035年 / 到本世纪中叶: the national vision, no plan's horizon


def _opening_stages(text: str) -> list[int]:
    """The years of the paragraphs opening with 到20XX年， (a stage of the document's own)."""
    return [int(y) for y in _STAGE_PARA.findall(text)]


def _goal_years(text: str) -> list[int]:
    """The 到20XX年 years of sentences that also name a number: a quantified goal's year (到2035年，
    全面建成科技强市 is a vision, not a commitment the period runs to)."""
    out: list[int] = []
    for sentence in re.split(r"[。；;\n]", text):
        for m in _BY_YEAR.finditer(sentence):
            if re.search(r"\d", sentence[:m.start()] + sentence[m.end():]):
                out.append(int(m.group(1)))
    return out


def _in_force_span(force: re.Match[str]) -> tuple[int, int | None]:
    """First and last year a rule is in force: N years from 1 January end in the year before the
    N-th anniversary (2020-01-01 + 3 → 2022), from any other day in that anniversary's year
    (2024-12-20 + 5 → 2029)."""
    first = int(force.group("y") or force.group("y2"))
    if force.group("until"):  # 有效期至2015年5月31日
        return first, int(force.group("until"))
    term = force.group("n")
    if not term:
        return first, None
    month, day = force.group("mo") or force.group("mo2"), force.group("d") or force.group("d2")
    return first, _term_end(first, term, month is None or (int(month), int(day)) == (1, 1))


def _term_end(first: int, term: str, from_new_year: bool) -> int:
    """The last year of a term of ``term`` years (3, 三) starting in ``first``: the year before
    the anniversary's when it starts on 1 January, else the anniversary's year."""
    return first + int(cn2an.cn2an(term, "smart")) - (1 if from_new_year else 0)


def _issue_year(issued: str | None, number: str | None) -> int | None:
    if issued:
        return int(issued[:4])
    if number:
        m = re.search(r"\d{4}", number)
        return int(m.group(0)) if m else None
    return None
