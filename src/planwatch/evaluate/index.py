"""Composite innovation index (区域科技创新综合指数) in the way of the European Innovation
Scoreboard: per indicator a square-root transform when skewed, min/max over the whole reference
set (all regions × all years) without outliers, min–max normalisation, a weighted mean over the
indicators a region has data for, scores relative to the reference average and four performance
groups. Method, parameters and departures: ``docs/index-method.md``.

Arrays are (regions, indicators, years); NaN is a missing value. The uncertainty analysis lives in
:mod:`planwatch.evaluate.index_uncertainty`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from planwatch.errors import PlanwatchError
from planwatch.evaluate.index_framework import Aggregation, IndexFramework, Normalisation
from planwatch.model.codes import IndexExclusion as Exclusion, PerformanceGroup

FloatArray = npt.NDArray[np.float64]

GEOMETRIC_FLOOR = 1.0
"""Geometric aggregation works on normalised values mapped linearly onto [1, 100]."""


class IndexValue(NamedTuple):
    """One observation: a region's value of a catalogue indicator in a year (canonical unit)."""

    region: str
    code: str
    year: int
    value: float


@dataclass(frozen=True)
class IndexData:
    """Observations as an array over (regions, indicators, years)."""

    regions: tuple[str, ...]
    codes: tuple[str, ...]
    years: tuple[int, ...]
    values: FloatArray

    @classmethod
    def from_values(cls, codes: Iterable[str], rows: Iterable[IndexValue],
                    regions: Iterable[str] = ()) -> IndexData:
        """Lay ``rows`` out on the framework's ``codes``; rows of other codes are ignored, a
        later row for the same cell replaces an earlier one. ``regions`` lists regions to keep
        even without data (they get no score)."""
        code_list = tuple(codes)
        kept = [r for r in rows if r.code in code_list and np.isfinite(r.value)]
        region_list = tuple(dict.fromkeys([*regions, *(r.region for r in kept)]))
        years = tuple(sorted({r.year for r in kept}))
        values = np.full((len(region_list), len(code_list), len(years)), np.nan)
        r_at = {key: i for i, key in enumerate(region_list)}
        k_at = {key: i for i, key in enumerate(code_list)}
        y_at = {key: i for i, key in enumerate(years)}
        for row in kept:
            values[r_at[row.region], k_at[row.code], y_at[row.year]] = row.value
        return cls(region_list, code_list, years, values)

    def year_index(self, year: int) -> int:
        if year not in self.years:
            raise PlanwatchError(f"{year}年没有任何地区的指标数据，无法计算综合指数",
                                 f"no region has data for {year}: no index can be computed")
        return self.years.index(year)


@dataclass(frozen=True)
class Prepared:
    """Transformed values (skew transform, direction) and the min/max/mean/SD of each indicator
    over the reference set with outliers left out."""

    values: FloatArray
    low: FloatArray
    high: FloatArray
    mean: FloatArray
    sd: FloatArray
    transformed: tuple[str, ...]
    excluded: dict[str, Exclusion]


@dataclass(frozen=True)
class RegionScore:
    region: str
    score: float | None
    rank: int | None
    relative: float | None
    """Score as % of the reference average (100 = average)."""
    group: PerformanceGroup | None
    coverage: float
    """Share of the indicator weight the region has data for in the year."""
    change: float | None
    """Score minus the score of the base year (same normalisation)."""
    dimensions: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class IndexResult:
    year: int
    base_year: int | None
    scores: list[RegionScore]
    reference_average: float | None
    weights: dict[str, float]
    transformed: tuple[str, ...]
    excluded: dict[str, Exclusion]
    params: dict[str, object]


def skewness(values: FloatArray) -> float:
    """Sample skewness (Fisher–Pearson, bias-adjusted, as Excel's SKEW); 0 below 3 values."""
    n = values.size
    sd = float(values.std(ddof=1)) if n > 1 else 0.0
    if n < 3 or sd == 0:
        return 0.0
    m3 = float(np.sum(((values - values.mean()) / sd) ** 3))
    return n / ((n - 1) * (n - 2)) * m3


def _bounds(values: FloatArray, outlier_sd: float | None) -> FloatArray:
    """The reference values that set min/max: those within mean ± k·SD (all when k is None)."""
    if outlier_sd is None or values.size < 3:
        return values
    sd = float(values.std(ddof=1))
    if sd == 0:
        return values
    kept: FloatArray = values[np.abs(values - values.mean()) <= outlier_sd * sd]
    return kept


def prepare(framework: IndexFramework, data: IndexData) -> Prepared:
    """Per indicator: square root when skewed (non-negative data only), sign flipped for
    lower-is-better indicators, bounds over the reference set without outliers."""
    x = data.values.astype(np.float64, copy=True)
    k_count = len(data.codes)
    low, high = np.full(k_count, np.nan), np.full(k_count, np.nan)
    mean, sd = np.full(k_count, np.nan), np.full(k_count, np.nan)
    transformed: list[str] = []
    excluded: dict[str, Exclusion] = {}
    for k, (code, direction) in enumerate(zip(data.codes, framework.directions(), strict=True)):
        col = x[:, k, :]
        vals = col[np.isfinite(col)]
        if vals.size == 0:
            excluded[code] = Exclusion.NO_DATA
            continue
        if int(np.isfinite(col).any(axis=1).sum()) < 2:
            excluded[code] = Exclusion.SINGLE_REGION
            continue
        threshold = framework.skew_threshold
        if threshold is not None and vals.min() >= 0 and skewness(vals) > threshold:
            col = np.sqrt(col)
            transformed.append(code)
        if direction == "lower":
            col = -col
        x[:, k, :] = col
        kept = _bounds(col[np.isfinite(col)], framework.outlier_sd)
        low[k], high[k] = kept.min(), kept.max()
        if high[k] - low[k] <= 1e-12 * max(1.0, abs(high[k])):
            excluded[code] = Exclusion.CONSTANT
            continue
        clipped = np.clip(col[np.isfinite(col)], low[k], high[k])
        mean[k] = clipped.mean()
        sd[k] = clipped.std(ddof=1) if clipped.size > 1 else np.nan
    return Prepared(x, low, high, mean, sd, tuple(transformed), excluded)


def _rank01(col: FloatArray) -> FloatArray:
    """Ranks of one indicator among the regions of one year scaled to [0, 1] (ties averaged;
    0.5 when only one region has a value)."""
    out = np.full(col.shape, np.nan)
    ok = np.isfinite(col)
    n = int(ok.sum())
    if n == 0:
        return out
    if n == 1:
        out[ok] = 0.5
        return out
    _, inverse, counts = np.unique(col[ok], return_inverse=True, return_counts=True)
    starts = np.cumsum(counts) - counts
    ranks = (starts + (counts - 1) / 2.0)[inverse]
    out[ok] = ranks / (n - 1)
    return out


def normalise(prep: Prepared, year_at: int, method: Normalisation) -> FloatArray:
    """Normalised values (regions, indicators) of one year; excluded indicators are NaN."""
    col = prep.values[:, :, year_at]
    clipped = np.clip(col, prep.low, prep.high)
    if method == "minmax":
        with np.errstate(divide="ignore", invalid="ignore"):
            out = (clipped - prep.low) / (prep.high - prep.low)
    elif method == "zscore":
        with np.errstate(divide="ignore", invalid="ignore"):
            out = (clipped - prep.mean) / prep.sd
    else:
        out = np.stack([_rank01(col[:, k]) for k in range(col.shape[1])], axis=1)
    out[:, ~np.isfinite(prep.high - prep.low) | ~np.isfinite(prep.mean)] = np.nan
    return np.asarray(out, dtype=np.float64)


def positive(prep: Prepared, norm: FloatArray, method: Normalisation) -> FloatArray:
    """Normalised values mapped linearly onto [1, 100] for geometric aggregation: min–max and
    rank values as 1 + 99·n; z-scores by the z of the reference min and max."""
    if method == "zscore":
        with np.errstate(divide="ignore", invalid="ignore"):
            z_low = (prep.low - prep.mean) / prep.sd
            z_high = (prep.high - prep.mean) / prep.sd
            unit = (norm - z_low) / (z_high - z_low)
    else:
        unit = norm
    return np.asarray(GEOMETRIC_FLOOR + 99.0 * unit, dtype=np.float64)


def active_weights(framework: IndexFramework, prep: Prepared, codes: tuple[str, ...]) -> FloatArray:
    """Nominal weights with excluded indicators set to 0, renormalised to sum to 1."""
    w = np.array(framework.weights(), dtype=np.float64)
    for k, code in enumerate(codes):
        if code in prep.excluded:
            w[k] = 0.0
    total = w.sum()
    if total <= 0:
        raise PlanwatchError("框架中的指标都没有可用数据，无法计算综合指数",
                             "none of the framework's indicators has usable data")
    return np.asarray(w / total, dtype=np.float64)


def aggregate_many(values: FloatArray, weights: FloatArray, how: Aggregation,
                   min_coverage: float) -> FloatArray:
    """Scores (regions, draws) for weight columns (indicators, draws): the weighted mean over the
    indicators each region has (weights renormalised over them); NaN below ``min_coverage`` of
    the weight. ``values`` are normalised (arithmetic) or positive (geometric)."""
    avail = np.isfinite(values)
    filled = np.where(avail, np.log(np.where(avail, values, 1.0)) if how == "geometric"
                      else values, 0.0)
    den = avail.astype(np.float64) @ weights
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (filled @ weights) / den
        coverage = den / weights.sum(axis=0)
    scores = np.exp(mean) if how == "geometric" else mean
    scores[~(coverage >= min_coverage - 1e-12)] = np.nan
    return np.asarray(scores, dtype=np.float64)


def scores_for(prep: Prepared, year_at: int, weights: FloatArray, method: Normalisation,
               how: Aggregation, min_coverage: float) -> FloatArray:
    """Scores of every region in one year for one configuration (0–100 scale for min–max and
    rank, 1–100 for geometric, mean z for z-scores)."""
    norm = normalise(prep, year_at, method)
    if how == "geometric":
        return aggregate_many(positive(prep, norm, method), weights[:, None], how,
                              min_coverage)[:, 0]
    scale = 1.0 if method == "zscore" else 100.0
    return scale * aggregate_many(norm, weights[:, None], how, min_coverage)[:, 0]


def competition_ranks(scores: FloatArray) -> list[int | None]:
    """1 + the number of regions with a higher score (ties share a rank); None without score."""
    ok = scores[np.isfinite(scores)]
    return [None if not np.isfinite(s) else 1 + int(np.sum(ok > s + 1e-9)) for s in scores]


def performance_group(relative: float, groups: tuple[float, float, float]) -> PerformanceGroup:
    leader, strong, moderate = groups
    if relative > leader:
        return PerformanceGroup.LEADER
    if relative >= strong:
        return PerformanceGroup.STRONG
    if relative >= moderate:
        return PerformanceGroup.MODERATE
    return PerformanceGroup.EMERGING


def _dimension_scores(framework: IndexFramework, prep: Prepared, year_at: int,
                      weights: FloatArray) -> dict[str, FloatArray]:
    out: dict[str, FloatArray] = {}
    start = 0
    for dim in framework.dimensions:
        stop = start + len(dim.indicators)
        w = np.zeros_like(weights)
        w[start:stop] = weights[start:stop]
        if w.sum() > 0:
            out[dim.code] = scores_for(prep, year_at, w / w.sum(), framework.normalisation,
                                       framework.aggregation, 1e-9)
        start = stop
    return out


def _num(x: float) -> float | None:
    return float(x) if np.isfinite(x) else None


def compute_index(framework: IndexFramework, data: IndexData, year: int,
                  base_year: int | None = None) -> IndexResult:
    """Scores, ranks, relative performance, groups and change since ``base_year``."""
    if data.codes != tuple(framework.codes()):
        raise ValueError("data must be laid out on the framework's codes")
    year_at = data.year_index(year)
    prep = prepare(framework, data)
    weights = active_weights(framework, prep, data.codes)
    method, how = framework.normalisation, framework.aggregation
    scores = scores_for(prep, year_at, weights, method, how, framework.min_coverage)
    base = (scores_for(prep, data.year_index(base_year), weights, method, how,
                       framework.min_coverage) if base_year is not None else None)
    avail = np.isfinite(normalise(prep, year_at, method))
    coverage = avail.astype(np.float64) @ weights
    finite = scores[np.isfinite(scores)]
    average = float(finite.mean()) if finite.size else None
    ranks = competition_ranks(scores)
    dims = _dimension_scores(framework, prep, year_at, weights)
    out: list[RegionScore] = []
    for r, region in enumerate(data.regions):
        score = _num(scores[r])
        relative = (score / average * 100.0 if score is not None and average else None)
        change = (score - float(base[r]) if score is not None and base is not None
                  and np.isfinite(base[r]) else None)
        out.append(RegionScore(
            region=region, score=score, rank=ranks[r], relative=relative,
            group=performance_group(relative, framework.groups) if relative is not None else None,
            coverage=float(coverage[r]), change=change,
            dimensions={code: _num(vals[r]) for code, vals in dims.items()}))
    out.sort(key=lambda s: (s.rank is None, s.rank or 0, s.region))
    return IndexResult(
        year=year, base_year=base_year, scores=out, reference_average=average,
        weights={code: float(w) for code, w in zip(data.codes, weights, strict=True)},
        transformed=prep.transformed, excluded=prep.excluded,
        params=framework.model_dump(mode="json"))
