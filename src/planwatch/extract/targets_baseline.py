"""Baselines for prose targets: the 基期 column of the plan's own indicator table, else a value
stated in the past-results prose (发展基础 / “十三五” 成就) for the year before the plan period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.catalog.names import subject_similarity
from planwatch.catalog.units import same_unit
from planwatch.extract.targets_parse import LEVEL_VERBS, find_mentions, strip_scope
from planwatch.extract.targets_text import Para, Period, split_sentences
from planwatch.model.plan import Baseline, Indicator, PriorResult, Target

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_FROM_ON = re.compile(r"[从由].*$")
_YEAR_TAIL = re.compile(r"(?:\d{4}\s*年的?|增长到|到)+$")
_THRESHOLD = 0.6


@dataclass
class PastFact:
    subject: str
    value: float
    unit: str
    year: int


def _clause_start(sentence: str, at: int) -> int:
    """After the last clause mark or dash run (…协作网络--中国创新驿站站点92家)."""
    cut = max(sentence.rfind(c, 0, at) for c in "，,；;：:")
    for dash in ("--", "——"):
        found = sentence.rfind(dash, 0, at)
        if found >= 0:
            cut = max(cut, found + len(dash) - 1)
    return cut + 1


def past_facts(para: Para, period: Period) -> list[PastFact]:
    """'国家科技型中小企业数量达到 256 家' → PastFact dated to the base year (period start − 1)."""
    if period.start is None:
        return []
    base = period.start - 1
    out: list[PastFact] = []
    for _, sentence in split_sentences(para.text):
        for m in find_mentions(sentence):
            start = _clause_start(sentence, m.start)
            seg = sentence[start:m.start]
            years = [int(y) for y in _YEAR.findall(seg)]
            year = years[-1] if years else base
            subject = LEVEL_VERBS.sub("", strip_scope(_FROM_ON.sub("", seg))).strip()
            subject = _YEAR_TAIL.sub("", subject).strip()
            if subject and year == base and m.comparator == "=":
                out.append(PastFact(subject, m.value, m.unit, year))
    return out


def _similarity(a: str, b: str) -> float:
    return subject_similarity(a, b)


_COUNTS = {"个", "家", "处", "所", "座"}


def _unit_of(target: Target) -> str | None:
    return "%" if target.unit == "百分点" else target.unit


def _same_unit(a: str | None, b: str | None) -> bool:
    return same_unit(a, b) or (a in _COUNTS and b in _COUNTS)


@dataclass(frozen=True)
class _Row:
    """A tabled starting value: the indicator table's 基期 column or a prior table's 完成 column."""

    name: str
    unit: str | None
    year: int | None
    value: float
    target: float | None = None


def table_rows(indicators: list[Indicator], prior: list[PriorResult],
               period: Period) -> list[_Row]:
    """Indicator-table baselines, then previous-plan actuals for the year before the period."""
    rows = [_Row(i.name, i.unit, i.baseline_year, i.baseline, i.target) for i in indicators
            if i.baseline is not None]
    base = period.start - 1 if period.start else None
    rows.extend(_Row(r.name, r.unit, r.actual_year, r.actual) for r in prior
                if r.actual is not None and r.actual_year == base)
    return rows


_Named = tuple[str, str | None, int | None, float]  # name, unit, year, value


def _best(target: Target, named: list[_Named]) -> tuple[float, _Named] | None:
    best: tuple[float, _Named] | None = None
    unit = _unit_of(target)
    for candidate in named:
        if not _same_unit(candidate[1], unit):
            continue
        score = _similarity(target.subject, candidate[0])
        if score >= _THRESHOLD and (best is None or score > best[0]):
            best = (score, candidate)
    return best


def _baseline(target: Target, rows: list[_Named], facts: list[_Named]) -> Baseline | None:
    """The closest-named starting value; the table wins ties with the prose."""
    table = _best(target, rows)
    prose = _best(target, facts)
    won = table if table and (prose is None or table[0] >= prose[0]) else prose
    if won is None:
        return None
    _, _, year, value = won[1]
    return Baseline(year=year, value=value)


def _restates_table_row(target: Target, rows: list[_Row]) -> bool:
    """A prose number equal to the target of a similarly named table row restates that row: the
    row is a stock with a baseline, so the prose commitment is a level, whatever its verb
    (建成/累计培育 N 家 where the table runs from its base to N)."""
    named: list[_Named] = [(r.name, r.unit, r.year, r.value) for r in rows
                           if r.target is not None and abs(r.target - target.value) < 1e-9]
    return _best(target, named) is not None


def attach_baselines(targets: list[Target], rows: list[_Row],
                     facts: list[PastFact]) -> None:
    """Fill ``baseline`` of level and change-per-year targets for the whole jurisdiction."""
    tabled: list[_Named] = [(r.name, r.unit, r.year, r.value) for r in rows]
    stated: list[_Named] = [(f.subject, f.unit, f.year, f.value) for f in facts]
    for t in targets:
        if t.kind == "increment" and _restates_table_row(t, rows):
            t.kind = "level"
        if t.kind not in ("level", "change_per_year") or t.subject.endswith("）") \
                or t.baseline is not None:  # the sentence gave its own (从X提高到Y)
            continue
        t.baseline = _baseline(t, tabled, stated)
