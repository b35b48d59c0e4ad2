"""Past facts (发展基础 / “十三五”成就): value statements about years before the plan period.

Read sentence by sentence in past-results sections (or sentences naming only past years):

* levels — ``截至2020年底，全市拥有高新技术企业703家`` → 高新技术企业 = 703 家 (2020)
* changes — ``由2015年的2.11%增加到2020年的2.79%`` (lists ``131家、6.97亿元`` pair up)
* stated changes attached to the fact before them — ``比2015年净增452家``, ``增幅达到180%``,
  ``比2015年提高了10.73%`` / ``1.48个百分点``, ``5年增长2.68倍``, ``是“十二五”末的3.8倍``
* approvals since a year — ``2016年以来，获批…省级科技企业孵化器4家、潍坊市级4家``

Table footnotes that define a marker (``注：*代表2019年完成数``) become ``table_note`` facts
(see :mod:`planwatch.extract.facts_notes`). Nothing here raises; what is not understood is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planwatch.extract.facts_notes import table_notes
from planwatch.extract.targets_text import Para, Period, build_paras, infer_period, split_sentences
from planwatch.model.plan import ChangeKind, Comparator, Fact, Plan
from planwatch.parse.document import Document

_NUM = r"\d+(?:\.\d+)?"
_UNIT = (
    r"(?:个百分点|百分点|%|亿元|万元|元|人·年|人年|万人|人次|家|个|项|件|人|名|处|所|座|条|台|套|次)"
)
_VAL = rf"{_NUM}(?:余|多)?{_UNIT}?"
_VLIST = rf"{_VAL}(?:、{_VAL})*"
_PLAN_END = r"[“\"]?十(?P<{0}p>[一二三四五六七八九])五[”\"]?末"


def _year(name: str) -> str:
    return rf"(?:(?P<{name}>(?:19|20)\d{{2}})年(?:年底|年末|底|末)?|{_PLAN_END.format(name)})"


_UP = r"增加|增长|提高|提升|上升|扩大|发展|下降|减少|降低"
_FROM_TO = re.compile(
    rf"(?:由|从)(?:{_year('y1')}的?)?(?P<v1>{_VLIST})，?[^，。；\d]{{0,4}}?(?:{_UP})(?:到|至)+"
    rf"(?:{_year('y2')}的?)?(?P<v2>{_VLIST})"
)
_COMPARE = re.compile(
    rf"(?:比|较)(?:{_year('y')}|上年|同期)(?P<verb>净增|净减|{_UP})了?(?P<v>{_NUM})"
    rf"(?P<u>个百分点|百分点|%|倍|{_UNIT})?"
)
_PCT = re.compile(rf"(?<!年均)(?:增幅|增长率|增速|增长)(?:达到|达|为)?(?P<v>{_NUM})%")
_MULTIPLE = re.compile(rf"(?:(?P<n>\d+)年)?(?:增长|增加|提高|扩大)了?(?P<v>{_NUM})倍")
_MULTIPLE_OF = re.compile(rf"是(?:{_year('y')})?的?(?P<v>{_NUM})倍")
_SINCE = re.compile(
    r"(?P<y>(?:19|20)\d{2})年以来|[“\"]?十(?P<p>[一二三四五六七八九])五[”\"]?(?:期间|时期|以来)"
)
_VERSUS = re.compile(r"(?:与|同)(?P<y>(?:19|20)\d{2})年(?:相比|比)")
_GAIN = re.compile(r"获批|新增|新建|认定|备案|获得|引进|入选|培育|组建|建成|获评|累计")
_DIGIT = re.compile(r"\d")
_LEAD_GAIN = re.compile(r"^(?:" + _GAIN.pattern + r")+")
_LEVEL = re.compile(rf"(?P<v>{_NUM})(?P<mod>余|多)?(?P<u>{_UNIT})")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})年")
_CN = "一二三四五六七八九"


@dataclass
class _Sentence:
    """A sentence without whitespace, where its characters came from, and its year context."""

    text: str
    where: Sequence[int]
    para: Para
    base_year: int | None
    since: int | None = None
    versus: int | None = None

    def line(self, at: int) -> int | None:
        return self.para.line_at(self.where[min(at, len(self.where) - 1)])

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


def extract_facts(doc: Document, plan: Plan, paras: list[Para] | None = None) -> list[Fact]:
    """All past facts of the document, then the table-note facts; ``paras`` (from build_paras)
    when the caller has them."""
    period = infer_period(doc, plan.meta.period_start, plan.meta.period_end)
    out: list[Fact] = []
    for para in build_paras(doc) if paras is None else paras:
        for offset, raw in split_sentences(para.text):
            sentence = _squash(raw, offset, para, period)
            if sentence is not None:
                out.extend(sentence_facts(sentence))
    return out + table_notes(doc)


def _squash(raw: str, offset: int, para: Para, period: Period) -> _Sentence | None:
    """The sentence without spaces, if it speaks about the past."""
    if (not para.past and "年" not in raw) or not _DIGIT.search(raw):
        return None  # every fact has an Arabic number; outside the past sections, a year too
    text = "".join(raw.split())
    start = period.start
    years = [int(y) for y in _ANY_YEAR.findall(text)]
    if start is not None and any(y >= start for y in years):
        return None
    if not para.past and not (start is not None and years):
        return None
    where: Sequence[int] = (range(offset, offset + len(raw)) if len(text) == len(raw)
                            else [offset + i for i, ch in enumerate(raw) if not ch.isspace()])
    base = start - 1 if start is not None else None
    sentence = _Sentence(text, where, para, base)
    since = _SINCE.search(text)
    if since:
        sentence.since = _since_year(since, start)
    versus = _VERSUS.search(text)
    sentence.versus = int(versus.group("y")) if versus else None
    return sentence


def _since_year(m: re.Match[str], start: int | None) -> int | None:
    if m.group("y"):
        return int(m.group("y"))
    return _plan_start(m.group("p"))


def _plan_start(ordinal: str | None) -> int | None:
    """十三五 → 2016."""
    if not ordinal:
        return None
    number = 10 + _CN.index(ordinal) + 1
    return 2010 + 5 * (number - 11) - 4


def _group_year(m: re.Match[str], name: str) -> int | None:
    if m.group(name):
        return int(m.group(name))
    first = _plan_start(m.group(name + "p"))
    return None if first is None else first + 4


def sentence_facts(s: _Sentence) -> list[Fact]:
    """Changes, levels and approvals of one sentence, with stated changes attached."""
    taken: list[tuple[int, int]] = []
    facts: list[tuple[int, Fact]] = []
    for m in _FROM_TO.finditer(s.text):
        facts += [(m.start(), f) for f in _changes(s, m)]
        taken.append(m.span())
    stated = _stated_changes(s)
    taken += [(start, end) for start, end, _ in stated]
    for m in _LEVEL.finditer(s.text):
        if not any(a <= m.start() < b for a, b in taken):
            fact = _level(s, m, facts)
            if fact is not None:
                facts.append((m.start(), fact))
    return _attach(sorted(facts, key=lambda pf: pf[0]), stated)


def _values(text: str) -> list[tuple[float, str | None, Comparator]]:
    out: list[tuple[float, str | None, Comparator]] = []
    for m in _LEVEL.finditer(text) if _LEVEL.search(text) else []:
        out.append((float(m.group("v")), m.group("u"), ">=" if m.group("mod") else "="))
    if not out:
        out = [(float(v), None, "=") for v in re.findall(_NUM, text)]
    return out


def _changes(s: _Sentence, m: re.Match[str]) -> list[Fact]:
    """``由A年的X增加到B年的Y``: one change fact per value pair."""
    before, after = _values(m.group("v1")), _values(m.group("v2"))
    if len(before) != len(after):
        return []
    year = _group_year(m, "y2") or s.base_year
    compare = _group_year(m, "y1")
    subjects = _split_subject(_subject(s.text, m.start()), len(after))
    out = []
    for subject, (v1, u1, _), (v2, u2, comp) in zip(subjects, before, after, strict=True):
        if subject:
            out.append(Fact(
                kind="change", subject=subject, value=v2, unit=u2 or u1, comparator=comp,
                year=year, compare_year=compare, compare_value=v1,
                quote=s.quote(m.start(), m.end()), line=s.line(m.start()),
            ))
    return out


def _split_subject(subject: str, n: int) -> list[str]:
    if n == 1:
        return [subject]
    parts = [p for p in re.split(r"及|和|、|与", subject) if p]
    return parts if len(parts) == n else [subject] * n


_LEAD = re.compile(
    r"^(?:截至|截止|到)?(?:(?:19|20)\d{2}年(?:年底|年末|底|末)?|[“\"]?十[一二三四五六七八九]五[”\"]?"
    r"(?:末|期间|时期|以来)?|\d{4}年以来|以来|[-—－~至]|全市|全区|全县|全省|我市|我区|我县|其中|共计|共"
    r"|累计|先后|拥有|建有|共有|现有|获批|认定|备案|新增|新建|入库|引进|获得|组建|建成|，)+"
)
_TAIL = re.compile(
    rf"(?:达到|达|为|增至|(?:{_UP})(?:到|至)|超过|突破|近|约|只有|仅有|仅|总量|总数|分别|大幅|稳步)+$"
)
_CHANGE_BEFORE = re.compile(rf"(?:{_UP})了?(?:近|约|超过)?$|第$")


def _subject(text: str, at: int) -> str:
    start = max(text.rfind(c, 0, at) for c in "，；：,;:") + 1
    return _clean(text[start:at])


def _clean(raw: str) -> str:
    subject = _LEAD.sub("", raw)
    subject = _LEAD_GAIN.sub("", subject)
    return _TAIL.sub("", subject).strip("、，的")


_HAN = re.compile(r"[\u4e00-\u9fff]")
_OVER_END = re.compile(r"(超过|突破|逾)$")
_NEAR_END = re.compile(r"近$|约$")


def _level(s: _Sentence, m: re.Match[str], prior: list[tuple[int, Fact]]) -> Fact | None:
    """``…高新技术企业703家``: a level, or an approval count when the sentence says since when."""
    start = max(s.text.rfind(c, 0, m.start()) for c in "，；：,;:") + 1
    prev = _mention_ends(s.text, start, m.start())
    if prev:
        start = prev[-1]
    raw = s.text[start:m.start()].lstrip("、和及")
    if _CHANGE_BEFORE.search(raw):
        return None  # 提高近10个百分点 (a change without its level), 第2名 (a rank)
    subject = _fill_elided(_clean(raw), prior)
    if len(subject) < 2 or not _HAN.search(subject):
        return None
    before = s.text[:m.start()]
    approved = s.since is not None and _GAIN.search(before) is not None
    years = [int(y) for y in _ANY_YEAR.findall(before) if s.versus != int(y) and s.since != int(y)]
    comp: Comparator = ">=" if m.group("mod") or _OVER_END.search(raw) else "="
    if _NEAR_END.search(raw):
        comp = "~"
    return Fact(
        kind="approved" if approved else "level", subject=subject, value=float(m.group("v")),
        unit=m.group("u"), comparator=comp, year=years[-1] if years else s.base_year,
        compare_year=s.since if approved else None,
        quote=s.quote(start, m.end()), line=s.line(m.start()),
    )


def _mention_ends(text: str, start: int, end: int) -> list[int]:
    return [m.end() for m in _LEVEL.finditer(text, start, end)]


_RANK_PREFIX = re.compile(r"^(.{1,6}?级(?:及?以上)?)")


def _fill_elided(subject: str, prior: list[tuple[int, Fact]]) -> str:
    """``省级科技企业孵化器4家、潍坊市级4家`` → 潍坊市级科技企业孵化器."""
    if not subject.endswith("级") or not prior:
        return subject
    last = prior[-1][1].subject
    m = _RANK_PREFIX.match(last)
    return subject + last[len(m.group(1)):] if m else subject


@dataclass
class _Change:
    value: float
    unit: str | None
    kind: ChangeKind
    compare_year: int | None = None
    years: int | None = None


def _stated_changes(s: _Sentence) -> list[tuple[int, int, _Change]]:
    out: list[tuple[int, int, _Change]] = []
    for m in _COMPARE.finditer(s.text):
        unit = m.group("u")
        sign = -1.0 if m.group("verb") in ("下降", "减少", "降低", "净减") else 1.0
        kind: ChangeKind = "percent" if unit == "%" else "difference"
        if unit and "百分点" in unit:
            kind = "points"
        elif unit == "倍":
            kind = "growth_multiple"
        out.append((m.start(), m.end(), _Change(
            sign * float(m.group("v")), unit, kind, _group_year(m, "y"))))
    for m in _PCT.finditer(s.text):
        out.append((m.start(), m.end(), _Change(float(m.group("v")), "%", "percent", s.versus)))
    for m in _MULTIPLE.finditer(s.text):
        years = int(m.group("n")) if m.group("n") else None
        out.append((m.start(), m.end(), _Change(float(m.group("v")), "倍", "growth_multiple",
                                                 years=years)))
    for m in _MULTIPLE_OF.finditer(s.text):
        out.append((m.start(), m.end(), _Change(float(m.group("v")), "倍", "multiple_of",
                                                 _group_year(m, "y"))))
    return _drop_overlaps(out)


def _drop_overlaps(items: list[tuple[int, int, _Change]]) -> list[tuple[int, int, _Change]]:
    kept: list[tuple[int, int, _Change]] = []
    for item in sorted(items, key=lambda i: (i[0], -i[1])):
        if not any(a <= item[0] < b for a, b, _ in kept):
            kept.append(item)
    return kept


def _attach(facts: list[tuple[int, Fact]], stated: list[tuple[int, int, _Change]]) -> list[Fact]:
    """Each stated change belongs to the last fact before it (a second one makes a copy)."""
    out = [f for _, f in facts]
    for start, _, change in stated:
        owners = [i for i, (pos, _) in enumerate(facts) if pos < start]
        if not owners:
            continue
        fact = out[owners[-1]]
        if fact.change_kind is not None:
            fact = fact.model_copy()
            out.append(fact)
        _apply(fact, change)
    return out


def _apply(fact: Fact, change: _Change) -> None:
    fact.change_value, fact.change_unit, fact.change_kind = change.value, change.unit, change.kind
    if fact.compare_year is None:
        if change.compare_year is not None:
            fact.compare_year = change.compare_year
        elif change.years is not None and fact.year is not None:
            fact.compare_year = fact.year - change.years
