"""Baselines for prose targets: the 基期 column of the plan's own indicator table, else a value
stated in the past-results prose (发展基础 / “十三五” 成就) for the year before the plan period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.extract.targets_parse import LEVEL_VERBS, find_mentions, strip_scope
from planwatch.extract.targets_text import Para, Period, split_sentences
from planwatch.model.plan import Baseline, Indicator, PriorResult, Target

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_NOISE = re.compile(r"[\s（）()“”\"、，。：:%]|数量|数$|比例|全市|全区|全县")
_THRESHOLD = 0.6


@dataclass
class PastFact:
    subject: str
    value: float
    unit: str
    year: int


def _clause_start(sentence: str, at: int) -> int:
    cut = max(sentence.rfind(c, 0, at) for c in "，,；;：:")
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
            subject = LEVEL_VERBS.sub("", strip_scope(re.sub(r"[从由].*$", "", seg))).strip()
            subject = re.sub(r"(?:\d{4}\s*年的?|增长到|到)+$", "", subject).strip()
            if subject and year == base and m.comparator == "=":
                out.append(PastFact(subject, m.value, m.unit, year))
    return out


def _chars(s: str) -> set[str]:
    return set(_NOISE.sub("", s))


def _similarity(a: str, b: str) -> float:
    ca, cb = _chars(a), _chars(b)
    if not ca or not cb:
        return 0.0
    return 2 * len(ca & cb) / (len(ca) + len(cb))


_COUNTS = {"个", "家", "处", "所", "座"}


def _unit_of(target: Target) -> str | None:
    return "%" if target.unit == "百分点" else target.unit


def _same_unit(a: str | None, b: str | None) -> bool:
    a, b = (a or "").strip(), (b or "").strip()
    return a == b or (a in _COUNTS and b in _COUNTS)


@dataclass(frozen=True)
class _Row:
    """A tabled starting value: the indicator table's 基期 column or a prior table's 完成 column."""

    name: str
    unit: str | None
    year: int | None
    value: float


def table_rows(indicators: list[Indicator], prior: list[PriorResult],
               period: Period) -> list[_Row]:
    """Indicator-table baselines, then previous-plan actuals for the year before the period."""
    rows = [_Row(i.name, i.unit, i.baseline_year, i.baseline) for i in indicators
            if i.baseline is not None]
    base = period.start - 1 if period.start else None
    rows.extend(_Row(r.name, r.unit, r.actual_year, r.actual) for r in prior
                if r.actual is not None and r.actual_year == base)
    return rows


def _best(target: Target, named: list[tuple[str, str | None, Baseline]]
          ) -> tuple[float, Baseline] | None:
    best: tuple[float, Baseline] | None = None
    for name, unit, baseline in named:
        if not _same_unit(unit, _unit_of(target)):
            continue
        score = _similarity(target.subject, name)
        if score >= _THRESHOLD and (best is None or score > best[0]):
            best = (score, baseline)
    return best


def _baseline(target: Target, rows: list[_Row], facts: list[PastFact]) -> Baseline | None:
    """The closest-named starting value; the table wins ties with the prose."""
    table = _best(target, [(r.name, r.unit, Baseline(year=r.year, value=r.value)) for r in rows])
    prose = _best(target, [(f.subject, f.unit, Baseline(year=f.year, value=f.value))
                           for f in facts])
    if table and (prose is None or table[0] >= prose[0]):
        return table[1]
    return prose[1] if prose else None


def attach_baselines(targets: list[Target], rows: list[_Row],
                     facts: list[PastFact]) -> None:
    """Fill ``baseline`` of level and change-per-year targets for the whole jurisdiction."""
    for t in targets:
        if t.kind not in ("level", "change_per_year") or t.subject.endswith("）"):
            continue
        t.baseline = _baseline(t, rows, facts)
