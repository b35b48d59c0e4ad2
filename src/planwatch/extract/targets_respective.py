"""Values listed for years listed (``2021年至2024年…比例分别达到30%、60%、80%、100%``,
``到2023年、2025年，…分别达到300家、500家``): one target per value, each dated by its own year
and all with the subject named before 分别; a total split by year (``到2027年更新老旧设备5218台，
其中2024年850台、2025年1200台…``): each year's part a target of its own."""

from __future__ import annotations

import re
from dataclasses import replace

from planwatch.extract.targets_parse import Candidate, Mention

_YEAR = r"(20\d{2})\s*年(?:底|末)?"
# 2021年至2024年 / 2021—2024年: every year of the span
_RANGE = re.compile(rf"(20\d{{2}})\s*年?\s*(?:至|到|—|－|-|～|~)\s*{_YEAR}")
# 2023年、2025年 / 2024年和2025年 / 到2023年、2025年
_LIST = re.compile(rf"{_YEAR}(?:\s*(?:、|和|及|与|，|,)\s*(?:到)?{_YEAR})+")
_EACH = re.compile(r"分别")
_JOIN = re.compile(r"\s*(?:、|和|及|与|，|,)?\s*$")
_BREAK = re.compile(r"[。；;]")


def respective_years(sentence: str, cands: list[Candidate],
                     unparsed: list[Mention]) -> list[Candidate]:
    """The candidates of the sentence, where a 分别 run of values matches a list of years one to
    one: each value gets its year and the run's subject (new candidates for values the sentence
    reader left unparsed)."""
    out = list(cands)
    for each in _EACH.finditer(sentence):
        years, years_at = _years_before(sentence, each.start())
        if len(years) < 2:
            continue
        run = _run(sentence, each.end(), cands, unparsed)
        first = next((c for c in out if c.number_at == run[0].start), None) if run else None
        if first is None or len(run) != len(years) or years_at > first.quote_start + 40:
            continue
        subject = first.subject.removesuffix("分别")
        for m, year in zip(run, years, strict=True):
            own = next((c for c in out if c.number_at == m.start), None)
            dated = replace(first, subject=subject, value=m.value, value_max=m.value_max,
                            unit=m.unit, comparator=m.comparator, quote_end=m.end,
                            number_at=m.start, number_end=m.end, year=year)
            if own is None:
                out.append(dated)
            else:
                out[out.index(own)] = dated
    return sorted(out, key=lambda c: c.number_at)


def _years_before(sentence: str, at: int) -> tuple[list[int], int]:
    """The nearest list or span of years before ``at`` in the same sentence, and where it starts;
    none when a full stop or semicolon lies between."""
    best: tuple[list[int], int] = ([], -1)
    for m in _RANGE.finditer(sentence, 0, at):
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo < hi <= lo + 10 and m.start() > best[1]:
            best = (list(range(lo, hi + 1)), m.start())
    for m in _LIST.finditer(sentence, 0, at):
        if m.start() > best[1]:
            best = ([int(y) for y in re.findall(r"20\d{2}", m.group())], m.start())
    if best[1] < 0 or _BREAK.search(sentence, best[1], at):
        return [], -1
    return best


def _run(sentence: str, after: int, cands: list[Candidate],
         unparsed: list[Mention]) -> list[Mention]:
    """The values listed right after 分别(达到): each joined to the one before by 、/和/及 only."""
    mentions = sorted([*unparsed, *(_as_mention(c) for c in cands)], key=lambda m: m.start)
    run: list[Mention] = []
    for m in mentions:
        if m.start < after:
            continue
        gap = sentence[run[-1].end if run else after:m.start]
        if run and not _JOIN.fullmatch(gap):
            break
        if not run and re.search(r"[，,。；;]", gap):
            break
        run.append(m)
    return run


def _as_mention(c: Candidate) -> Mention:
    end = c.number_end if c.number_end >= 0 else c.quote_end
    return Mention(c.number_at, end, c.value, c.value_max, c.unit, c.comparator)


_PARTS = re.compile(r"其中\s*")
# 、2025年1200台 / 其中2024年 21台（套） / 2024年更换10万个: a year, maybe its verb, then the part
_PART_GAP = re.compile(r"\s*(?:[、，,]|和|及)?\s*(20\d{2})\s*年(?:底|末)?\s*"
                       r"(?:完成|实现|新增|更换|淘汰|更新|建设|建成|购置|新购置)?\s*")


def year_parts(sentence: str, cands: list[Candidate],
               unparsed: list[Mention]) -> list[Candidate]:
    """A total followed by 其中 and its parts for years (其中2024年850台、2025年1200台…): every
    part with the total's subject and unit, dated by its own year."""
    out = list(cands)
    for part in _PARTS.finditer(sentence):
        total = max((c for c in out if c.number_end <= part.start()),
                    key=lambda c: c.number_at, default=None)
        if total is None or _BREAK.search(sentence, total.number_end, part.start()):
            continue
        pos = part.start() + 2
        mentions = sorted([*unparsed, *(_as_mention(c) for c in out)], key=lambda m: m.start)
        for m in (m for m in mentions if m.start >= pos):
            gap = _PART_GAP.fullmatch(sentence, pos, m.start)
            if gap is None or m.unit != total.unit:
                break
            dated = replace(total, value=m.value, value_max=m.value_max, comparator=m.comparator,
                            quote_start=gap.start(1), quote_end=m.end, number_at=m.start,
                            number_end=m.end, year=int(gap.group(1)))
            own = next((c for c in out if c.number_at == m.start), None)
            if own is None:
                out.append(dated)
            else:
                out[out.index(own)] = dated
            pos = m.end
    return sorted(out, key=lambda c: c.number_at)
