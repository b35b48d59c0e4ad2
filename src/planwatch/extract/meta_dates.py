"""Issue dates and document numbers (文号) of a document: printed lines near the top or at the
signature, never a crawl's or repository's publication date (see docs/extraction-meta.md)."""

from __future__ import annotations

import re
from typing import Any

import cn2an

from planwatch.parse.layout import FRONT_KEYS

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,10}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号"
)
_FRONT_MATTER = re.compile(rf"^(?:{FRONT_KEYS})[:：]")
_FRONT_NUMBER = re.compile(r"(?:发文字号|文号)[:：]\s*(" + DOC_NUMBER.pattern + ")")
_DOC_NUMBER_AFTER_TITLE = re.compile(r"^.{4,80}?通知(" + DOC_NUMBER.pattern + ")")
# a publication note: '…办公室2015年7月16日以粤科规财字〔2015〕104号发布'
_ISSUED_AS = re.compile(r"以(" + DOC_NUMBER.pattern + r")(?:印发|发布|下发)")
# the number of a document cited by name ('《…若干意见》（国办发〔2021〕32号）') is not this one's
_CITED = re.compile(r"》\s*[（(]?$")
_CN_DIGIT = "〇○零一二三四五六七八九十"
DATE = re.compile(
    rf"^[（(]?(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
    rf"\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日(?:印发|(?:首次)?发布|起施行)?[）)]?$"
)
DATE_CORE = (
    rf"(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*月"
    rf"\s*(\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})\s*日"
)
_SIGNED_DATE = re.compile(r"(?:人民政府|办公室|办公厅|委员会)" + DATE_CORE)
# a signature run together with its date: issuing bodies only, then the date ('科技部 发展改革委
# …国家食品药品监管总局2017年5月26日')
_SIGNATURE_DATE = re.compile(
    r"^(?:附件[:：])?[\u4e00-\u9fff、（）()]{2,200}?(?:部|委|局|厅|院|署|办|府|室|会|行|组)"
    r"(?:[（(][\u4e00-\u9fff]{1,10}[）)])?" + DATE_CORE
    + r"(?![，,、起前以至到]|印发|下发|发布|出台|颁布|召开)")
# a decree signed by its head ('总 理 李克强2013年7月18日', '部长 万钢二○一六年六月二十三日')
_HEAD_SIGNED = re.compile(
    r"(?:^|(?<=。))(?:总理|主席|部长|主任|署长|局长|省长|市长|区长|县长)[\u4e00-\u9fff]{2,4}?"
    + DATE_CORE)
# a dated list or form: '单位：广东省科学技术厅 时间：2023年1月5日'
_LABELLED_DATE = re.compile(r"(?:成文日期|印发日期|^单位[:：].{0,60}?时间)[:：]" + DATE_CORE
                            + r"(?![至起前—\-~～])")
# a publication note in brackets run together with the title
# ('…政策解答（2017年5月4日首次发布）为…')
_BRACKET_DATE = re.compile(r"[（(]" + DATE_CORE + r"(?:印发|(?:首次)?发布)[）)]")
# a 纲要's approval by the people's congress
# ('2026年2月7日上海市第十六届人民代表大会第四次会议批准'): a line of its own, or run together
# with the 决议 heading before it — not a clause of a sentence ('于2021年1月27日…批准的《…纲要》')
_APPROVED = re.compile(
    r"(?<![于在经，,])" + DATE_CORE
    + r"[\u4e00-\u9fff]{2,40}?(?:人民代表大会|人大常委会|常务委员会)"
    r"[\u4e00-\u9fff]{0,20}?(?:批准|通过)(?![的了])")


# one event of a rule's history: '2008年11月21日北京市第十三届人民代表大会常务委员会…修订'
# ('（2011年8月26日省人民政府令第190号公布　2016年9月21日省人民政府令第223号修正）': a decree's
# number inside an event, and its publication, are part of its history too)
_HISTORY = re.compile(
    DATE_CORE + r"(?:[^。；\d]|令第\d{1,4}号){2,120}?(?:通过|修正|修订|修改|公布)")
# a 公告 or 令 printed over two lines: '浙江省…常务委员会公告' ‖ '第 48 号'
_ANNOUNCER = re.compile(r"[\u4e00-\u9fff]{2,40}(?:公告|令)")
_NTH = re.compile(r"第\d{1,4}号")


# a publication note under the title: '（经省人民政府同意，省科学技术厅2015年7月16日以粤科规财字
# 〔2015〕104号发布 自2015年7月16日起施行）'
_NOTE_PUBLISHED = re.compile(
    r"^[（(][^（）()]{0,80}?" + DATE_CORE + r"以?[^，。；（）()]{2,30}?[令号]第?\s*\d*\s*号?"
    r"(?:印发|发布|公布)")  # （2019年11月21日上海市人民政府令第25号公布　自…起施行）


# a speech's subtitle ('——2020年5月22日在第十三届全国人民代表大会第三次会议上'): the day it was
# delivered is the day the report was issued
_DELIVERED = re.compile(
    r"(?:^|[—–－-])" + DATE_CORE + r"在[\u4e00-\u9fff]{2,40}?(?:会议|大会)上")


def clean(text: str) -> str:
    return "".join(text.split()).replace("*", "").replace("#", "")


def find_issued(lines: list[str]) -> str | None:
    """An issue date on a line of its own ('2022年4月19日', '二〇二二年四月十九日'), or right
    after a signing body ('…人民政府2024年7月25日') where lines were run together."""
    lines = [s for s in (clean(line) for line in lines) if "月" in s and "日" in s]
    for line in lines:
        m = DATE.match(line)
        if m:
            found = _date(m.groups())
            if found:
                return found
    for line in lines:  # a rule's history: adopted …, amended …, revised … — the latest text
        events = [_date(m.groups()[:3]) for m in _HISTORY.finditer(line)]
        if len(events) >= 2 and events[-1]:
            return events[-1]
    patterns = (_SIGNED_DATE, _SIGNATURE_DATE, _HEAD_SIGNED, _APPROVED, _BRACKET_DATE,
                _LABELLED_DATE, _DELIVERED, _NOTE_PUBLISHED)
    for pattern in patterns:
        for line in lines:
            m = pattern.search(line)
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
        digits = s.replace("零", "〇").replace("○", "〇")
        return int("".join(str("〇一二三四五六七八九".index(c)) for c in digits))
    try:
        return int(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _front_field(s: str, field: re.Pattern[str]) -> re.Match[str] | None:
    """``field`` on a cleaned line of a page's Markdown front matter (the lines open with
    ``标题:`` or ``文号:``; a reader may run the fields of one line together)."""
    return field.search(s) if _FRONT_MATTER.match(s) else None


def front_matter(top: list[str], field: re.Pattern[str]) -> re.Match[str] | None:
    """``field`` read in a page's front matter, the first line that has it."""
    return next((m for line in top if (m := _front_field(clean(line), field))), None)


def find_doc_number(top: list[str]) -> str | None:
    """A document number printed on a short line near the top: 淄政字〔2022〕38号."""
    cleaned = [clean(line) for line in top]
    for s in cleaned:
        m = _front_field(s, _FRONT_NUMBER)
        if m:  # Markdown front matter: '文号: 沪府办发〔2026〕15号'
            return m.group(1)
        if len(s) > 40:
            continue
        m = next((m for m in DOC_NUMBER.finditer(s) if not _CITED.search(s, 0, m.start())), None)
        if m:
            return m.group(0)
    for s in cleaned:  # a number run together with the notice title ('…的通知浙政办发〔2025〕21号')
        m = _DOC_NUMBER_AFTER_TITLE.search(s) or _ISSUED_AS.search(s) or _AFTER_DATE.search(s)
        if m:
            return m.group(1)
    return _decree_number(cleaned) or _spread_number(cleaned)


def _decree_number(cleaned: list[str]) -> str | None:
    """The number of a 公告 or 令 that publishes a rule, printed over two lines under its issuer
    (…常务委员会公告 ‖ 第 48 号). (A decree named in a rule's history note, ``（…令第25号公布…）``,
    is how the text was published, not a number the page prints as its own.)"""
    for i, s in enumerate(cleaned[:-1]):
        if len(s) <= 40 and _ANNOUNCER.fullmatch(s) and _NTH.fullmatch(cleaned[i + 1]):
            return s + cleaned[i + 1]
    for s in cleaned:  # 中华人民共和国国务院令第432号《电力监管条例》已经…: run on into the text
        m = _DECREE_HEAD.match(s)
        if m:
            return m.group(1)
    return None


# a decree's own heading at the start of a line, alone or run on into its text
_DECREE_HEAD = re.compile(r"([\u4e00-\u9fff]{2,30}?(?:公告|令)第\d{1,4}号)(?:$|[《“])")


# 发布日期：2025-04-23 沪发改环资〔2025〕61 号: a page header's number after its dates
_AFTER_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(" + DOC_NUMBER.pattern + ")")


def _spread_number(cleaned: list[str]) -> str | None:
    """A number a page set over (cleaned) lines (京经信发 ‖ 〔2024〕 ‖ 65号) or that opens a line
    run on into the addressees (渝府办发〔2024〕29 号 各区县（自治县）人民政府，…)."""
    for i, s in enumerate(cleaned):
        m = DOC_NUMBER.match(s)
        if m:
            return m.group(0)
        joined = "".join(cleaned[i:i + 3])
        m = DOC_NUMBER.match(joined) if len(s) <= 10 else None
        if m and m.end() == len(joined):
            return m.group(0)
    return None


def five_year_span(ordinal: str) -> tuple[int, int]:
    """'十四五' → (2021, 2025): the sixth plan began in 1981, each later one five years on."""
    n = 10 + "一二三四五六七八九".index(ordinal) + 1
    start = 1981 + 5 * (n - 6)
    return start, start + 4
