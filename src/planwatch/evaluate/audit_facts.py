"""Audit of the plan's past statements (发展基础) and footnotes against its own tables.

Finding codes:

* ``fact-prior-table-conflict`` — a past value in prose differs from the previous-period table
  (基础值 / 完成值) for the same indicator and year
* ``fact-baseline-conflict`` — a past value differs from the indicator table's 基期 column, or more
  were approved since a year (获批…4家) than the table says exist (1家)
* ``percent-points-confusion`` — a change of a share stated in % that is a difference in
  percentage points (比2015年提高了10.73%: 42.53 − 31.8), or the other way round
* ``growth-multiple-wording`` — 增长N倍 where N is the ratio (增长到N倍 / 是…的N倍 was meant)
* ``stated-change-mismatch`` — a stated increase (净增 / 增幅 / 倍) that the two levels do not give
* ``table-note-unused-marker`` — a footnote defines a marker (注：*代表…) no cell carries
* ``prose-table-name-mismatch`` — a prose target and a table row with the same value and year
  but different names for it (info)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from planwatch.evaluate.audit_util import half_unit, indicator_target_year, matching_indicator
from planwatch.evaluate.names import normalize_name, similarity
from planwatch.evaluate.progress import normalize_unit, resolve_target, units_compatible
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, ParamValue, Severity
from planwatch.model.plan import Fact, Indicator, Plan, PriorResult

Problem = tuple[str, dict[str, ParamValue]]
"""A message variant and its params."""
ChangeProblem = tuple[str, str, dict[str, ParamValue]]
"""A finding code, its message variant and the params."""

_QUALIFIERS = ("高价值", "有效", "国家", "省级", "市级", "区级", "县级", "以上", "新增", "累计",
               "年均", "人均", "新型", "专业化", "重点", "国内", "国际", "PCT")
_COUNT_UNITS = frozenset({"家", "个", "项", "件", "人", "名", "处", "所", "座", "条", "台", "套"})
_JOINER = re.compile(r"以及|、|及|和|与")
_SCOPE_WORDS = re.compile(r"国家级|国家|省级以上|省级|市级以上|市级|区级|县级|以上|全[市区县省国]")
_RANK_SYNONYMS = (
    ("国家级、省级", "省级以上"), ("国家和省级", "省级以上"), ("省级及以上", "省级以上"),
)


def same_subject(a: str, b: str, threshold: float = 0.6) -> bool:
    """Strict name match for past facts: similar, no differing qualifier, no list of subjects."""
    na, nb = normalize_name(a), normalize_name(b)
    if len(_JOINER.findall(na)) != len(_JOINER.findall(nb)):
        return False  # 孵化器 vs 孵化器及众创空间: one thing vs a sum of things
    if similarity(a, b) < threshold:
        return False
    return not any((q in na) != (q in nb) for q in _QUALIFIERS)


def _units_ok(fact: Fact, unit: str | None) -> bool:
    return units_compatible(fact.unit, unit, counts_interchangeable=True)


def _close(fact_value: float, comparator: str, table: float) -> bool:
    """Does the table value agree with the prose value (its printed precision, its comparator)?"""
    if comparator == "~":
        return abs(table - fact_value) <= 0.1 * abs(fact_value) + half_unit(fact_value)
    if comparator == ">=" and table >= fact_value:
        return True
    if comparator == "<=" and table <= fact_value:
        return True
    slack = max(half_unit(fact_value), half_unit(table))
    return abs(table - fact_value) <= slack + 1e-9


def _stated_values(fact: Fact) -> Iterator[tuple[int, float, str]]:
    if fact.kind not in ("level", "change"):
        return
    if fact.year is not None and fact.value is not None:
        yield fact.year, fact.value, fact.comparator
    if fact.compare_year is not None and fact.compare_value is not None:
        yield fact.compare_year, fact.compare_value, "="


def _fact_finding(code: str, problem: Problem, fact: Fact, context: str,
                  severity: Severity = Severity.WARNING) -> Finding:
    variant, params = problem
    return make_finding(code, params, variant=variant, severity=severity, line=fact.line,
                        context=context)


def _prior_value(row: PriorResult, year: int) -> float | None:
    return {row.baseline_year: row.baseline, row.actual_year: row.actual}.get(year)


def check_prior_table(plan: Plan) -> list[Finding]:
    """Past values in prose vs the previous-period results table."""
    out: list[Finding] = []
    seen: set[tuple[str, int, float]] = set()
    for fact in plan.facts:
        row = next((r for r in plan.prior_results
                    if same_subject(fact.subject, r.name) and _units_ok(fact, r.unit)), None)
        for year, value, comp in _stated_values(fact) if row else ():
            table = _prior_value(row, year) if row else None
            if row is None or table is None or _close(value, comp, table):
                continue
            if (row.name, year, value) in seen:
                continue
            seen.add((row.name, year, value))
            out.append(_fact_finding(
                "fact-prior-table-conflict",
                ("", {"quote": fact.quote, "subject": fact.subject, "year": year,
                      "value": value, "unit": fact.unit, "row": row.name, "table": table}),
                fact, row.name))
    return out


def _indicator_for(fact: Fact, plan: Plan) -> Indicator | None:
    return next((i for i in plan.indicators if i.baseline is not None and i.baseline_year
                 and same_subject(fact.subject, i.name) and _units_ok(fact, i.unit)), None)


def check_baselines(plan: Plan) -> list[Finding]:
    """Past values (and approval counts) in prose vs the indicator table's 基期 column."""
    out: list[Finding] = []
    seen: set[tuple[str, float]] = set()
    for fact in plan.facts:
        ind = _indicator_for(fact, plan)
        if ind is None or ind.baseline is None or ind.baseline_year is None:
            continue
        if fact.kind != "approved" and _in_prior_table(fact, plan, ind.baseline_year):
            continue  # judged against the previous-period table already
        problem = _baseline_problem(fact, ind, ind.baseline_year, ind.baseline)
        if problem is None or (ind.name, fact.value or 0.0) in seen:
            continue
        seen.add((ind.name, fact.value or 0.0))
        out.append(_fact_finding("fact-baseline-conflict", problem, fact, ind.name))
    return out


def _in_prior_table(fact: Fact, plan: Plan, year: int) -> bool:
    return any(same_subject(fact.subject, r.name) and _prior_value(r, year) is not None
               for r in plan.prior_results)


def _baseline_problem(fact: Fact, ind: Indicator, year: int, base: float) -> Problem | None:
    table: dict[str, ParamValue] = {"name": ind.name, "year": year, "base": base,
                                    "table_unit": ind.unit}
    if fact.kind == "approved":
        since, until, value = fact.compare_year, fact.year, fact.value
        if since is None or until is None or value is None or not since <= year <= until:
            return None
        if normalize_unit(fact.unit) not in _COUNT_UNITS or value <= base:
            return None
        return "approved", {"since": since, "quote": fact.quote, "value": value,
                            "unit": fact.unit, **table}
    for fact_year, value, comp in _stated_values(fact):
        if fact_year == year and not _close(value, comp, base):
            return "stated", {"quote": fact.quote, "value": value, "unit": fact.unit, **table}
    return None


def _table_base(fact: Fact, plan: Plan) -> float | None:
    """The value at the fact's comparison year: stated, else the prior or indicator table."""
    if fact.compare_value is not None:
        return fact.compare_value
    year = fact.compare_year
    if year is None:
        return None
    for row in plan.prior_results:
        if same_subject(fact.subject, row.name) and _units_ok(fact, row.unit):
            value = _prior_value(row, year)
            if value is not None:
                return value
    ind = _indicator_for(fact, plan)
    return ind.baseline if ind is not None and ind.baseline_year == year else None


def _derived_bases(plan: Plan) -> dict[tuple[str, float], float]:
    """比…净增D: the base is value − D (used to check a 增幅 stated next to it)."""
    out: dict[tuple[str, float], float] = {}
    for fact in plan.facts:
        if fact.change_kind == "difference" and fact.value is not None and fact.change_value:
            out[(fact.subject, fact.value)] = fact.value - fact.change_value
    return out


def check_changes(plan: Plan) -> list[Finding]:
    """Stated increases (净增 / 增幅 / 百分点 / 倍) against the levels they connect."""
    out: list[Finding] = []
    derived = _derived_bases(plan)
    for fact in plan.facts:
        if fact.change_kind is None or fact.change_value is None or fact.value is None:
            continue
        base = _table_base(fact, plan)
        if base is None and fact.change_kind != "difference":
            base = derived.get((fact.subject, fact.value))
        problem = _change_problem(fact, fact.value, base) if base else _integer_problem(fact)
        if problem is not None:
            code, variant, params = problem
            out.append(_fact_finding(code, (variant, params), fact, fact.subject))
    return out


def _tolerances(value: float, base: float, change: float) -> tuple[float, float, float]:
    """Allowed error of a points difference, a % change and a ratio, from printed precision."""
    dv, db = half_unit(value), half_unit(base)
    points = half_unit(change) + dv + db
    percent = half_unit(change) + 100 * (dv / base + value * db / base**2)
    ratio = half_unit(change) + dv / base + value * db / base**2
    return points + 1e-9, percent + 1e-9, ratio + 1e-9


def _change_problem(fact: Fact, value: float, base: float) -> ChangeProblem | None:
    change, kind = fact.change_value or 0.0, fact.change_kind
    tol_pts, tol_pct, tol_ratio = _tolerances(value, base, change)
    points, percent, ratio = value - base, (value / base - 1) * 100, value / base
    said: dict[str, ParamValue] = {"quote": fact.quote, "base": base, "value": value,
                                   "change": change}
    if kind == "percent" and abs(percent - change) > tol_pct:
        if normalize_unit(fact.unit) == "%" and abs(points - change) <= tol_pts:
            return ("percent-points-confusion", "percent",
                    {**said, "points": round(points, 4), "growth": percent})
        return ("stated-change-mismatch", "percent", {**said, "growth": percent})
    if kind == "points" and abs(points - change) > tol_pts:
        code = "percent-points-confusion" if abs(percent - change) <= tol_pct else (
            "stated-change-mismatch")
        return (code, "points", {**said, "points": round(points, 4)})
    if kind == "difference" and abs(points - change) > tol_pts:
        return ("stated-change-mismatch", "difference", {**said, "points": round(points, 4)})
    if kind in ("growth_multiple", "multiple_of"):
        return _multiple_problem(fact, said, ratio, change, tol_ratio)
    return None


def _multiple_problem(fact: Fact, said: dict[str, ParamValue], ratio: float, change: float,
                      tol: float) -> ChangeProblem | None:
    expected = ratio - 1 if fact.change_kind == "growth_multiple" else ratio
    if abs(expected - change) <= tol:
        return None
    if fact.change_kind == "growth_multiple" and abs(ratio - change) <= tol:
        return ("growth-multiple-wording", "", {**said, "ratio": ratio, "grown": ratio - 1})
    return ("stated-change-mismatch", "multiple", {**said, "ratio": ratio})


def _integer_problem(fact: Fact) -> ChangeProblem | None:
    """增幅P% of a count with no base: some whole-number base must give P% (19人，增幅217%)."""
    value, change = fact.value, fact.change_value
    if fact.change_kind != "percent" or value is None or change is None or change <= -100:
        return None
    if normalize_unit(fact.unit) not in _COUNT_UNITS or value != int(value):
        return None
    guess = value / (1 + change / 100)
    for base in {math.floor(guess), math.ceil(guess)}:
        if base >= 1 and abs((value / base - 1) * 100 - change) <= half_unit(change) + 1e-9:
            return None
    return ("stated-change-mismatch", "integer",
            {"quote": fact.quote, "value": value, "unit": fact.unit, "change": change})


def check_table_notes(plan: Plan) -> list[Finding]:
    """A footnote defines a marker that no cell of its table carries."""
    return [
        _fact_finding("table-note-unused-marker",
                      ("", {"quote": fact.quote, "marker": fact.subject}),
                      fact, fact.subject, Severity.INFO)
        for fact in plan.facts
        if fact.kind == "table_note" and fact.value == 0
    ]


def _core(name: str) -> str:
    s = re.sub(r"\s+", "", name)
    for old, new in _RANK_SYNONYMS:
        s = s.replace(old, new)
    return normalize_name(s)


def _shares_core(a: str, b: str, size: int = 4) -> bool:
    """Some ``size`` characters in common once rank and area words are set aside (省级以上 or
    全市 shared by 孵化器 and 研发机构 make them no more one thing)."""
    ca, cb = _SCOPE_WORDS.sub("", _core(a)), _SCOPE_WORDS.sub("", _core(b))
    return any(ca[i:i + size] in cb for i in range(len(ca) - size + 1))


def check_names(plan: Plan, threshold: float = 0.6) -> list[Finding]:
    """A prose target and a table row: same value and year, different names (info)."""
    out: list[Finding] = []
    for target in plan.targets:
        if target.kind != "level":
            continue
        matched = matching_indicator(target, plan.indicators, threshold)
        for ind in plan.indicators:
            value, _ = resolve_target(ind)
            same = (value is not None and math.isclose(value, target.value)
                    and target.year == indicator_target_year(ind, plan)
                    and units_compatible(target.unit, ind.unit, counts_interchangeable=True))
            if not same or ind is matched or _core(target.subject) == _core(ind.name):
                continue
            if _shares_core(target.subject, ind.name):
                out.append(make_finding(
                    "prose-table-name-mismatch",
                    {"quote": target.quote, "name": ind.name, "value": value, "unit": ind.unit,
                     "year": target.year, "subject": target.subject},
                    severity=Severity.INFO, line=target.line, context=ind.name))
    return out


def audit_facts(plan: Plan) -> list[Finding]:
    """Every check of this module."""
    return (check_prior_table(plan) + check_baselines(plan) + check_changes(plan)
            + check_table_notes(plan) + check_names(plan))
