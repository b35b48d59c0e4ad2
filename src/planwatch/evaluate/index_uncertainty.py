"""Uncertainty and sensitivity of the composite index, as the JRC audits composite indicators
(OECD/JRC Handbook on Constructing Composite Indicators, 2008, ch. 7): a Monte Carlo over the
weights, the normalisation and the aggregation gives every region a rank interval; runs that
vary one choice at a time, and the first-order share of rank variance of each discrete choice,
say which assumption moves the ranks. Method: ``docs/index-method.md``."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from planwatch.evaluate.index import (
    FloatArray,
    IndexData,
    Prepared,
    active_weights,
    aggregate_many,
    normalise,
    positive,
    prepare,
)
from planwatch.evaluate.index_framework import Aggregation, IndexFramework, Normalisation
from planwatch.model.codes import IndexFactor

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class RankInterval:
    region: str
    nominal: int | None
    median: float | None
    low: float | None
    """5th percentile of the simulated ranks."""
    high: float | None
    """95th percentile of the simulated ranks."""


@dataclass(frozen=True)
class FactorEffect:
    factor: IndexFactor
    mean_shift: float
    """Mean |simulated rank − nominal rank| over regions and runs when only this choice varies."""
    first_order: float | None
    """Share of the rank variance of the joint Monte Carlo explained by this choice alone
    (discrete choices only; None for the weights)."""


@dataclass(frozen=True)
class UncertaintyResult:
    year: int
    draws: int
    seed: int
    intervals: list[RankInterval]
    effects: list[FactorEffect]


class _Scorer:
    """Normalised matrices of one year, computed once per normalisation method."""

    def __init__(self, prep: Prepared, year_at: int, min_coverage: float) -> None:
        self.prep, self.year_at, self.min_coverage = prep, year_at, min_coverage
        self._cache: dict[tuple[Normalisation, Aggregation], FloatArray] = {}

    def values(self, method: Normalisation, how: Aggregation) -> FloatArray:
        key = (method, how)
        if key not in self._cache:
            norm = normalise(self.prep, self.year_at, method)
            self._cache[key] = positive(self.prep, norm, method) if how == "geometric" else norm
        return self._cache[key]

    def scores(self, method: Normalisation, how: Aggregation, weights: FloatArray) -> FloatArray:
        return aggregate_many(self.values(method, how), weights, how, self.min_coverage)


def simulation_ranks(scores: FloatArray) -> FloatArray:
    """Ranks (1 = best) in every column of ``scores`` (regions, runs); NaN where no score. Ties
    are broken by region order (ties of continuous scores are rare)."""
    filled = np.where(np.isfinite(scores), scores, -np.inf)
    order = np.argsort(-filled, axis=0, kind="stable")
    ranks = np.empty(scores.shape, dtype=np.float64)
    np.put_along_axis(ranks, order, np.arange(1, scores.shape[0] + 1, dtype=np.float64)[:, None]
                      * np.ones((1, scores.shape[1])), axis=0)
    ranks[~np.isfinite(scores)] = np.nan
    return ranks


def draw_weights(rng: np.random.Generator, nominal: FloatArray, spread: float,
                 draws: int) -> FloatArray:
    """Weight columns (indicators, draws): each nominal weight × U(1 − spread, 1 + spread),
    renormalised to sum to 1; zero weights stay zero."""
    factors = rng.uniform(1.0 - spread, 1.0 + spread, size=(nominal.size, draws))
    w = nominal[:, None] * factors
    return np.asarray(w / w.sum(axis=0, keepdims=True), dtype=np.float64)


def _mean_shift(ranks: FloatArray, nominal: FloatArray) -> float:
    diff = np.abs(ranks - nominal[:, None])
    ok = np.isfinite(diff)
    return float(diff[ok].mean()) if ok.any() else 0.0


def first_order_share(ranks: FloatArray, choice: IntArray) -> float | None:
    """Σ_r Var(E[rank_r | choice]) / Σ_r Var(rank_r) over the regions ranked in every run."""
    full = np.all(np.isfinite(ranks), axis=1)
    if not full.any():
        return None
    sub = ranks[full]
    total = float(sub.var(axis=1).sum())
    if total == 0:
        return 0.0
    grand = sub.mean(axis=1)
    explained = 0.0
    for level in np.unique(choice):
        pick = choice == level
        share = pick.mean()
        explained += float(share * ((sub[:, pick].mean(axis=1) - grand) ** 2).sum())
    return explained / total


def _intervals(data: IndexData, ranks: FloatArray,
               nominal: FloatArray) -> list[RankInterval]:
    out: list[RankInterval] = []
    for r, region in enumerate(data.regions):
        row = ranks[r][np.isfinite(ranks[r])]
        nom = int(nominal[r]) if np.isfinite(nominal[r]) else None
        if row.size == 0:
            out.append(RankInterval(region, nom, None, None, None))
            continue
        low, med, high = np.percentile(row, [5, 50, 95])
        out.append(RankInterval(region, nom, float(med), float(low), float(high)))
    out.sort(key=lambda i: (i.median is None, i.median or 0.0, i.region))
    return out


def index_uncertainty(framework: IndexFramework, data: IndexData, year: int,
                      draws: int | None = None, seed: int | None = None) -> UncertaintyResult:
    """Rank intervals and the effect of each choice for ``year``."""
    settings = framework.uncertainty
    n = draws or settings.draws
    rng = np.random.default_rng(settings.seed if seed is None else seed)
    prep = prepare(framework, data)
    weights = active_weights(framework, prep, data.codes)
    scorer = _Scorer(prep, data.year_index(year), framework.min_coverage)
    nominal = simulation_ranks(scorer.scores(framework.normalisation, framework.aggregation,
                                             weights[:, None]))[:, 0]
    norms, aggs = settings.normalisations, settings.aggregations
    w_draws = draw_weights(rng, weights, settings.weight_spread, n)
    norm_pick = rng.integers(len(norms), size=n)
    agg_pick = rng.integers(len(aggs), size=n)
    scores = np.full((len(data.regions), n), np.nan)
    for i, method in enumerate(norms):
        for j, how in enumerate(aggs):
            sel = (norm_pick == i) & (agg_pick == j)
            if sel.any():
                scores[:, sel] = scorer.scores(method, how, w_draws[:, sel])
    ranks = simulation_ranks(scores)
    base = weights[:, None]
    effects = [
        FactorEffect(IndexFactor.WEIGHTS, _mean_shift(simulation_ranks(scorer.scores(
            framework.normalisation, framework.aggregation, w_draws)), nominal), None),
        FactorEffect(IndexFactor.NORMALISATION, _mean_shift(simulation_ranks(np.hstack([
            scorer.scores(m, framework.aggregation, base) for m in norms])), nominal),
            first_order_share(ranks, norm_pick)),
        FactorEffect(IndexFactor.AGGREGATION, _mean_shift(simulation_ranks(np.hstack([
            scorer.scores(framework.normalisation, a, base) for a in aggs])), nominal),
            first_order_share(ranks, agg_pick)),
    ]
    return UncertaintyResult(year=year, draws=n, seed=settings.seed if seed is None else seed,
                             intervals=_intervals(data, ranks, nominal), effects=effects)
