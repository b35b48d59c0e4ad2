"""Many plans' indicator rows judged at once with the batch evaluator (:mod:`.batch`), by the
rules the one-plan evaluation (:func:`planwatch.evaluate.status.assess_plan`) applies row by row:
rows as :mod:`.rows` gives them (:class:`~planwatch.evaluate.rows.EvaluationRow`), the target
resolved (printed value, base + 〔累计〕, base·(1+r)^n, or the growth rate itself),
the latest actual at or before the year (final before provisional), a unit that does not fit
→ 无法判断, a base-year value alone → 暂无数据, growth-rate rows against their rate, the others
on the straight or compound path. The same verdicts; ``tests/test_batch_plans.py`` checks
them against the scalar evaluator on generated plans.

:func:`row_findings` gives a row's 预警 exactly as ``findings_for`` words them (projections
computed, from the row's series, only where they can change the warning)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, TypeVar

import numpy as np

from planwatch.catalog.names import name_key
from planwatch.evaluate.batch import SCHEDULE_CODES, FloatArray, evaluate_batch, rate_status
from planwatch.evaluate.progress import EPS, compound_value, units_compatible
from planwatch.evaluate.projection import project
from planwatch.evaluate.rows import EvaluationRow
from planwatch.evaluate.status import AT_RISK, findings_for
from planwatch.model.actual import Actual
from planwatch.model.evaluation import (
    EvaluationParams,
    IndicatorEvaluation,
    IndicatorInputs,
    PathKind,
    Reason,
    ScheduleStatus,
)
from planwatch.model.findings import Finding
from planwatch.model.labels import VERDICT_OF_SCHEDULE, VerdictCode

COMPARATORS = {"=": 0, ">=": 1, "<=": 2, "~": 3}
"""Comparator → index in :data:`planwatch.evaluate.batch.COMPARATOR_CODES`."""


@lru_cache(maxsize=4096)
def _compatible(a: str | None, b: str | None) -> bool:
    return units_compatible(a, b)


def clear_caches() -> None:
    """Forget the memoised unit checks (benchmarks measure cold)."""
    _compatible.cache_clear()


class Observation(Protocol):
    """An actual as the batch reads it (``model.actual.Actual`` is one)."""

    @property
    def indicator(self) -> str: ...
    @property
    def year(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def status(self) -> str: ...


Obs = TypeVar("Obs", bound=Observation)


def choose_actuals(inds: Sequence[EvaluationRow], candidates: Sequence[Obs]) -> list[Obs | None]:
    """Per row, the actual the one evaluation judges: among the plan's candidates (each stored
    name's best at or before the year, in name order) those whose name has the row's key, the
    latest (final before provisional; the first on a tie, as ``status.latest_actual``)."""
    best: dict[str, Obs] = {}
    for a in candidates:
        key = name_key(a.indicator)
        held = best.get(key)
        if held is None or (a.year, a.status == "final") > (held.year, held.status == "final"):
            best[key] = a
    return [best.get(name_key(ind.name)) for ind in inds]


VERDICTS: tuple[VerdictCode, ...] = tuple(VerdictCode)
_VERDICT_OF_CODE = np.array([-1 if s is None else VERDICTS.index(VERDICT_OF_SCHEDULE[s])
                             for s in SCHEDULE_CODES], dtype=np.int8)
"""Schedule status code (:data:`~planwatch.evaluate.batch.SCHEDULE_CODES`) → verdict index."""
_NOT_EVALUABLE = VERDICTS.index(VerdictCode.NOT_EVALUABLE)
_NO_DATA = VERDICTS.index(VerdictCode.NO_DATA)


@dataclass(frozen=True)
class RowVerdicts:
    """Arrays over the rows, in the order given."""

    verdict: list[VerdictCode]
    verdict_index: np.ndarray
    """Each verdict's index in :data:`VERDICTS` (int8: counted without a Python object)."""
    status: list[ScheduleStatus | None]
    target: FloatArray
    """The resolved target (NaN: none)."""
    path: list[PathKind]
    unit_ok: np.ndarray
    completion: FloatArray
    """The 进度完成率 the verdict used (NaN: none)."""
    time_progress: FloatArray
    actual_year: FloatArray
    """The year of the chosen actual (NaN: none)."""


def _col(values: Sequence[float | int | None]) -> FloatArray:
    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


def _grown(ind: EvaluationRow) -> float:
    """B·(1+r)^n of a row that has all four numbers (``progress.resolve_target``)."""
    assert ind.baseline is not None and ind.annual_growth_pct is not None
    assert ind.target_year is not None and ind.baseline_year is not None
    return compound_value(ind.baseline, ind.annual_growth_pct / 100.0,
                          ind.target_year - ind.baseline_year)


def _targets(inds: Sequence[EvaluationRow], b: FloatArray, y0: FloatArray, y_t: FloatArray
             ) -> tuple[FloatArray, np.ndarray, np.ndarray]:
    """Resolved targets, rate rows, compound rows (``progress.resolve_target``/``path_kind``)."""
    printed = _col([i.target for i in inds])
    growth = _col([i.annual_growth_pct for i in inds])
    cumulative = _col([i.cumulative_change for i in inds])
    with np.errstate(invalid="ignore"):
        rate = ~np.isnan(growth) & np.isnan(b) & (np.isnan(printed)
                                                   | (np.abs(printed - growth) < EPS))
    target = np.where(rate, growth, printed)
    from_cum = ~rate & np.isnan(printed) & ~np.isnan(b) & ~np.isnan(cumulative)
    target = np.where(from_cum, b + cumulative, target)
    grown = (~rate & np.isnan(printed) & ~from_cum & ~np.isnan(b) & ~np.isnan(growth)
             & ~np.isnan(y0) & ~np.isnan(y_t))
    rows = np.flatnonzero(grown)
    if rows.size:  # the scalar arithmetic, bit for bit
        target[rows] = [_grown(inds[k]) for k in rows.tolist()]
    compound = ~rate & ~np.isnan(growth) & np.isnan(cumulative)
    return target, rate, compound


def judge_rows(inds: Sequence[EvaluationRow], chosen: Sequence[Observation | None],
               params: EvaluationParams | None = None) -> RowVerdicts:
    """Verdicts of the rows ``inds`` with their chosen actuals (see :func:`choose_actuals`);
    direction 越高越好, as the one evaluation view judges every row."""
    p = params or EvaluationParams()
    b = _col([i.baseline for i in inds])
    y0 = _col([i.baseline_year for i in inds])
    y_t = _col([i.target_year for i in inds])
    target, rate, compound = _targets(inds, b, y0, y_t)
    a = _col([None if c is None else c.value for c in chosen])
    year = _col([None if c is None else c.year for c in chosen])
    unit_ok = np.array([c is not None and _compatible(i.unit, c.unit)
                        for i, c in zip(inds, chosen, strict=True)], dtype=np.bool_)
    has = ~np.isnan(a)
    with np.errstate(invalid="ignore"):
        base_only = has & unit_ok & (year <= y0)
    judged = has & unit_ok & ~base_only
    on_path = judged & ~rate
    res = evaluate_batch(
        b[:, None], target[:, None], np.where(on_path, a, np.nan)[:, None, None],
        baseline_year=y0[:, None], target_year=y_t[:, None], years=year[:, None, None],
        comparator=np.array([COMPARATORS[i.target_comparator or "="] for i in inds],
                            dtype=np.int8)[:, None],
        compound=compound[:, None], params=p)
    codes = np.where(judged & rate, rate_status(np.where(judged & rate, a, np.nan), target,
                                                params=p), res.schedule[:, 0, 0])
    status = [SCHEDULE_CODES[c] for c in codes.tolist()]
    index = np.where(codes != 0, _VERDICT_OF_CODE[codes],
                     np.where(has & ~base_only, _NOT_EVALUABLE, _NO_DATA)).astype(np.int8)
    verdict = [VERDICTS[k] for k in index.tolist()]
    path: list[PathKind] = ["rate" if r else "compound" if c else "linear"
                            for r, c in zip(rate.tolist(), compound.tolist(), strict=True)]
    return RowVerdicts(verdict=verdict, verdict_index=index, status=status, target=target,
                       path=path,
                       unit_ok=unit_ok, completion=np.where(rate, np.nan, res.completion[:, 0, 0]),
                       time_progress=np.where(rate, np.nan, res.time_progress[:, 0, 0]),
                       actual_year=year)


def _opt(x: float) -> float | None:
    return None if math.isnan(x) else float(x)


def needs_series(ind: EvaluationRow, chosen: Observation | None, v: RowVerdicts, k: int) -> bool:
    """Whether row ``k``'s warning depends on a projection (a 约束性 row judged on its path,
    not yet at risk, before its target year): only then is its series needed."""
    status = v.status[k]
    return (chosen is not None and ind.attribute == "约束性" and status is not None
            and status not in AT_RISK and v.path[k] != "rate" and ind.target_year is not None
            and chosen.year < ind.target_year)


def row_findings(ind: EvaluationRow, chosen: Observation | None, v: RowVerdicts, k: int,
                 year: int,
                 series: Mapping[str, Sequence[Actual]] | None = None) -> list[Finding]:
    """Row ``k``'s 预警 as ``evaluate.status.findings_for`` gives it; ``series``: the plan's
    actuals by name key (needed where :func:`needs_series`)."""
    if chosen is None:
        return []
    status = v.status[k]
    binding = ind.attribute == "约束性"
    unit_ok = bool(v.unit_ok[k])
    if unit_ok and (status is None or (status not in AT_RISK and not binding)):
        return []
    inputs = IndicatorInputs(
        baseline=ind.baseline, baseline_year=ind.baseline_year, target=_opt(v.target[k]),
        target_year=ind.target_year, comparator=ind.target_comparator or "=",
        binding=binding, actual=chosen.value, actual_year=chosen.year,
        actual_status=chosen.status, evaluation_year=year, path=v.path[k])
    ev = IndicatorEvaluation(
        indicator=ind.name, unit=ind.unit, line=ind.line, inputs=inputs,
        params=EvaluationParams(), time_progress=_opt(v.time_progress[k]),
        completion_of_change=_opt(v.completion[k]), schedule_status=status,
        reasons=[] if unit_ok else [Reason.UNIT_MISMATCH])
    if unit_ok and needs_series(ind, chosen, v, k):
        assert ind.target_year is not None
        rows = (series or {}).get(name_key(ind.name), [])
        points = sorted({a.year: a.value for a in rows if a.year <= chosen.year}.items())
        ev.projections, _ = project(
            points, baseline_year=ind.baseline_year, baseline=ind.baseline,
            target_year=ind.target_year, target=inputs.target, comparator=inputs.comparator,
            direction=inputs.direction, tolerance=ev.params.approx_tolerance)
    return findings_for(ev)
