"""The dashboard of a region (地区监测看板): for every direct sub-region, the plan in force in the
year; the verdicts laid out as a matrix of sub-regions × catalogue indicators, counts by
verdict, the 预警 of all of them, and who has not reported the year — and, for each sub-region,
the same summed over every region below it (下辖地区: the country's row of a province covers its
cities and counties).

Read and judged at scale: the region tree, the plans, the rows stored with their versions (no
document parsed: :mod:`planwatch.evaluate.rows`) and the actuals of the year are read in a few
set-based queries (:mod:`planwatch.storage.region_reads`), every row of every plan is judged in
one call of the batch evaluator
(:mod:`planwatch.evaluate.batch_plans`) — with the verdicts THE evaluation view
(:func:`planwatch.workflow.overview.plan_evaluation`) gives, so every cell here is the one its
plan page shows (tests/test_region_dashboard.py, tests/test_batch_plans.py) — and the regions
below are counted by verdict index, without a cell object each."""

from __future__ import annotations

import gc
import math
import threading
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import chain

import numpy as np

from planwatch.catalog.indicators import IndicatorMatch, load_catalog, match_indicator
from planwatch.catalog.names import name_key
from planwatch.evaluate.batch_plans import (
    VERDICTS,
    RowVerdicts,
    choose_actuals,
    clear_caches as clear_batch_caches,
    judge_rows,
    needs_series,
    row_findings,
)
from planwatch.evaluate.rows import EvaluationRow
from planwatch.model.actual import Actual
from planwatch.model.finding_messages import finding_text
from planwatch.model.findings import Finding
from planwatch.model.labels import VerdictCode, label
from planwatch.reports.text import figure
from planwatch.storage import Storage
from planwatch.storage.actuals import latest_actual_year
from planwatch.storage.region_reads import (
    Observed,
    PlanHead,
    all_regions,
    best_actuals_of,
    latest_actuals,
    plan_heads,
    version_rows,
)
from planwatch.storage.regions import RegionRecord
from planwatch.workflow.errors import Invalid
from planwatch.workflow.principal import Actor
from planwatch.workflow.views import PlanItem

ON_TRACK = frozenset({VerdictCode.ACHIEVED_EARLY, VerdictCode.ACHIEVED, VerdictCode.AHEAD,
                      VerdictCode.ON_TRACK})
UNJUDGED = frozenset({VerdictCode.NO_DATA, VerdictCode.NOT_EVALUABLE})
AT_RISK = frozenset({VerdictCode.BEHIND, VerdictCode.REGRESSING, VerdictCode.MISSED})


@dataclass(frozen=True)
class Cell:
    verdict_code: VerdictCode
    verdict: str
    plan_id: int
    indicator: str
    """The indicator's name as the plan prints it."""
    actual: float | None
    target: float | None
    unit: str | None
    actual_year: int | None = None
    canonical_actual: float | None = None
    canonical_target: float | None = None
    """Actual and target in the catalogue's unit (``canonical_unit``), for comparing regions."""
    canonical_unit: str | None = None


@dataclass(frozen=True)
class Tally:
    """Cells of many plans counted: judged (a verdict other than 暂无数据/无法判断), on track
    (提前实现, 已实现, 快于预期, 基本符合预期), at risk (滞后, 倒退, 未实现)."""

    cells: int = 0
    judged: int = 0
    on_track: int = 0
    at_risk: int = 0

    @property
    def on_track_share(self) -> float | None:
        return None if not self.judged else 100.0 * self.on_track / self.judged


@dataclass(frozen=True)
class Below:
    """Every region under a sub-region (下辖地区), summed: how many, how many with a plan in
    force, how many of those lack a value of the year, their cells in all and by indicator."""

    regions: int = 0
    with_plan: int = 0
    unreporting: int = 0
    tally: Tally = field(default_factory=Tally)
    by_code: dict[str, Tally] = field(default_factory=dict)


@dataclass(frozen=True)
class SubRegion:
    region: RegionRecord
    plan: PlanItem | None
    has_children: bool = False
    """Whether the sub-region has sub-regions of its own (its dashboard can be opened)."""
    cells: dict[str, Cell] = field(default_factory=dict)
    """Catalogue code → cell."""
    alerts: list[Finding] = field(default_factory=list)
    unreported: list[str] = field(default_factory=list)
    """Indicators of the plan with a target and no actual for the year."""
    below: Below | None = None
    """The regions under it, summed (None when it has none, and in a comparison)."""

    @property
    def judged(self) -> int:
        """Cells with a verdict (not 暂无数据 / 无法判断)."""
        return sum(1 for c in self.cells.values() if c.verdict_code not in UNJUDGED)

    @property
    def on_track_share(self) -> float | None:
        """Share (0–100) of the judged cells at 提前实现, 已实现, 快于预期 or 基本符合预期."""
        if not self.judged:
            return None
        good = sum(1 for c in self.cells.values() if c.verdict_code in ON_TRACK)
        return 100.0 * good / self.judged


@dataclass(frozen=True)
class Dashboard:
    region: RegionRecord | None
    """The region whose sub-regions these are (None for a chosen comparison)."""
    year: int
    subregions: list[SubRegion]
    codes: list[str]
    """Catalogue indicators that at least one sub-region's plan holds, in catalogue order."""
    counts: dict[str, int]
    """Verdict code → cells (the sub-regions' own plans)."""
    below: Below | None = None
    """Every region under ``region`` (the sub-regions included), summed (None in a
    comparison)."""
    national: bool = False
    """The country's dashboard (``region`` None): the provinces."""

    @property
    def names(self) -> dict[str, str]:
        catalog = load_catalog()
        return {c: (e.name_zh if (e := catalog.get(c)) else c) for c in self.codes}


def plan_in_force(plans: list[PlanItem], year: int) -> PlanItem | None:
    """The plan whose period holds ``year`` (a 规划 before an 实施意见, then the later start);
    else one whose base year it is (the year before its period); else the plan that started
    last before it."""
    def key(p: PlanItem) -> tuple[bool, int, int]:
        return (p.doc_type == "plan", p.period_start or 0, p.id)

    for shift in (0, 1):
        holding = [p for p in plans
                   if (p.period_start or 0) - shift <= year <= (p.period_end or 9999)]
        if holding:
            return max(holding, key=key)
    earlier = [p for p in plans if (p.period_start or 0) <= year]
    return max(earlier, key=lambda p: (p.period_start or 0, p.doc_type == "plan", p.id),
               default=None)


def _scaled(value: float | None, factor: float) -> float | None:
    return None if value is None else value * factor


@lru_cache(maxsize=8192)
def _match(name: str, unit: str | None) -> IndicatorMatch | None:
    return match_indicator(name, unit)


def clear_caches() -> None:
    """Forget the memoised catalogue matches and unit checks (benchmarks measure cold)."""
    _match.cache_clear()
    clear_batch_caches()


def _opt(x: float) -> float | None:
    return None if math.isnan(x) else float(x)


@dataclass(frozen=True)
class _Judged:
    """One plan's rows in the batch: the rows, their candidate and chosen actuals, and where
    they start in it."""

    plan: PlanItem
    rows: list[EvaluationRow]
    candidates: list[Observed]
    chosen: list[Observed | None]
    offset: int


def _cells(j: _Judged, v: RowVerdicts) -> dict[str, Cell]:
    """Catalogue code → the first row of the plan matching it (as the plan page lists them)."""
    out: dict[str, Cell] = {}
    for n, (ind, got) in enumerate(zip(j.rows, j.chosen, strict=True)):
        match = _match(ind.name, ind.unit)
        if match is None or match.code in out:
            continue
        k = j.offset + n
        actual = None if got is None else got.value
        target = _opt(v.target[k])
        out[match.code] = Cell(
            verdict_code=v.verdict[k], verdict=label("verdict", v.verdict[k]),
            plan_id=j.plan.id, indicator=ind.name, actual=actual, target=target,
            unit=ind.unit, actual_year=None if got is None else got.year,
            canonical_actual=_scaled(actual, match.factor),
            # a growth-rate target is not a level of the unit
            canonical_target=None if v.path[k] == "rate" else _scaled(target, match.factor),
            canonical_unit=match.unit)
    return out


def _unreported(judged: dict[int, _Judged], v: RowVerdicts, year: int) -> dict[int, list[str]]:
    """Per key of ``judged``, its rows with a target and no value of ``year`` (one mask over
    the batch; each missing row found in its plan by the plans' offsets)."""
    with np.errstate(invalid="ignore"):
        missing = np.flatnonzero(~np.isnan(v.target) & (v.actual_year != year)).tolist()
    keys = list(judged)
    starts = [judged[k].offset for k in keys]
    out: dict[int, list[str]] = {k: [] for k in keys}
    for row in missing:
        key = keys[bisect_right(starts, row) - 1]
        j = judged[key]
        out[key].append(j.rows[row - j.offset].name)
    return out


def _alerts(j: _Judged, v: RowVerdicts, year: int,
            series: dict[int, dict[str, list[Actual]]]) -> list[Finding]:
    return [f for n, (ind, got) in enumerate(zip(j.rows, j.chosen, strict=True))
            for f in row_findings(ind, got, v, j.offset + n, year, series.get(j.plan.id))]


def latest_reported_year(store: Storage, plans: list[PlanItem]) -> int:
    """The latest year, up to last year, any of the plans has an actual for (else last
    year)."""
    last = date.today().year - 1
    found = latest_actual_year(store, [p.id for p in plans], last)
    return last if found is None else found


@dataclass(frozen=True)
class _Tree:
    """Every region, read once: children by parent (by name), records by id."""

    by_id: dict[int, RegionRecord]
    children: dict[int | None, list[RegionRecord]]

    @classmethod
    def read(cls, store: Storage) -> _Tree:
        records = all_regions(store)
        children: dict[int | None, list[RegionRecord]] = {}
        for r in records:
            children.setdefault(r.parent_id, []).append(r)
        return cls({r.id: r for r in records}, children)

    def below(self, region_id: int) -> list[int]:
        """Ids of every region under ``region_id`` (not itself)."""
        out: list[int] = []
        stack = [region_id]
        while stack:
            kids = self.children.get(stack.pop(), [])
            out += [k.id for k in kids]
            stack += [k.id for k in kids]
        return out


def _item(h: PlanHead, tree: _Tree) -> PlanItem:
    region = tree.by_id.get(h.region_id) if h.region_id is not None else None
    return PlanItem(id=h.id, title=h.title, region=region.name if region else None,
                    region_id=h.region_id, doc_type=h.doc_type, period_start=h.period_start,
                    period_end=h.period_end, latest_version=h.latest_version,
                    is_public=h.is_public)


def _plans(store: Storage, tree: _Tree, region_ids: set[int] | None
           ) -> tuple[dict[int, list[PlanItem]], dict[int, int]]:
    """The plans (not archived) of the regions by region, and plan id → latest version id
    (one query)."""
    by_region: dict[int, list[PlanItem]] = {}
    versions: dict[int, int] = {}
    for h in plan_heads(store, region_ids, public_only=False):
        if h.region_id is None or (region_ids is not None and h.region_id not in region_ids):
            continue
        by_region.setdefault(h.region_id, []).append(_item(h, tree))
        if h.version_id is not None:
            versions[h.id] = h.version_id
    return by_region, versions


def _judge(store: Storage, plans: dict[int, PlanItem], versions: dict[int, int], year: int
           ) -> tuple[dict[int, _Judged], RowVerdicts]:
    """Every plan's rows (table indicators, then evaluable prose targets) judged in one batch;
    ``plans``: region id → its plan in force."""
    stored = version_rows(store, {versions[p.id] for p in plans.values() if p.id in versions})
    candidates: dict[int, list[Observed]] = {}
    for obs in latest_actuals(store, [p.id for p in plans.values()], year):
        candidates.setdefault(obs.plan_id, []).append(obs)
    judged: dict[int, _Judged] = {}
    rows: list[EvaluationRow] = []
    chosen: list[Observed | None] = []
    for region_id, item in plans.items():
        mine = stored.get(versions.get(item.id, -1), [])
        found = candidates.get(item.id, [])
        picked = choose_actuals(mine, found)
        judged[region_id] = _Judged(item, mine, found, picked, len(rows))
        rows += mine
        chosen += picked
    return judged, judge_rows(rows, chosen)


def _series(store: Storage, judged: list[_Judged], v: RowVerdicts, year: int
            ) -> dict[int, dict[str, list[Actual]]]:
    """The series the 预警 of these plans need (约束性 rows whose projection decides), by plan
    and name key — one query, none when no row needs one."""
    pairs: set[tuple[int, str]] = set()
    for j in judged:
        keys = {name_key(ind.name) for n, (ind, got) in enumerate(zip(j.rows, j.chosen,
                                                                        strict=True))
                if needs_series(ind, got, v, j.offset + n)}
        pairs |= {(j.plan.id, a.indicator) for a in j.candidates
                  if name_key(a.indicator) in keys}
    if not pairs:
        return {}
    out: dict[int, dict[str, list[Actual]]] = {}
    for plan_id, rows in best_actuals_of(store, {p for p, _ in pairs}, up_to=year,
                                         names=pairs).items():
        for a in rows:
            out.setdefault(plan_id, {}).setdefault(name_key(a.indicator), []).append(a)
    return out


@dataclass(frozen=True)
class PlanResult:
    """One plan as the batch judges it: per row (table rows, then prose targets) name, verdict,
    actual, its year and the resolved target; the 预警; the rows not reported for the year."""

    plan_id: int
    rows: list[tuple[str, VerdictCode, float | None, int | None, float | None]]
    alerts: list[Finding]
    unreported: list[str]


def plan_results(store: Storage, plans: list[PlanItem], year: int) -> list[PlanResult]:
    """The plans judged in one batch, as the dashboard judges them (the same set-based reads);
    what the equivalence tests compare with the one evaluation view."""
    versions = {h.id: h.version_id for h in plan_heads(store, None, public_only=False)
                if h.version_id is not None}
    judged, v = _judge(store, {p.id: p for p in plans}, versions, year)
    series = _series(store, list(judged.values()), v, year)
    unreported = _unreported(judged, v, year)
    return [PlanResult(
        plan_id=j.plan.id,
        rows=[(ind.name, v.verdict[j.offset + n], None if got is None else got.value,
               None if got is None else got.year, _opt(v.target[j.offset + n]))
              for n, (ind, got) in enumerate(zip(j.rows, j.chosen, strict=True))],
        alerts=_alerts(j, v, year, series), unreported=unreported[key])
        for key, j in judged.items()]


_ON_TRACK = [VERDICTS.index(c) for c in ON_TRACK]
_AT_RISK = [VERDICTS.index(c) for c in AT_RISK]
_UNJUDGED = [VERDICTS.index(c) for c in UNJUDGED]


def _tally(by_verdict: list[int]) -> Tally:
    """Cells counted by verdict (index in :data:`VERDICTS` → cells) as a :class:`Tally`."""
    cells = sum(by_verdict)
    return Tally(cells=cells, judged=cells - sum(by_verdict[k] for k in _UNJUDGED),
                 on_track=sum(by_verdict[k] for k in _ON_TRACK),
                 at_risk=sum(by_verdict[k] for k in _AT_RISK))


def _counted(j: _Judged, verdicts: list[int]) -> list[tuple[str, int]]:
    """(catalogue code, verdict index) of the cells :func:`_cells` shows — without the cells
    (``verdicts``: the batch's verdict indices)."""
    seen: dict[str, int] = {}
    for n, ind in enumerate(j.rows):
        match = _match(ind.name, ind.unit)
        if match is not None and match.code not in seen:
            seen[match.code] = verdicts[j.offset + n]
    return list(seen.items())


def _below(ids: list[int], counted: dict[int, list[tuple[str, int]]],
           unreporting: set[int]) -> Below:
    """The regions ``ids`` summed: their cells counted at C speed (one Counter of (code,
    verdict) pairs), indicators in the order they first appear."""
    pairs = Counter(chain.from_iterable(counted.get(i, ()) for i in ids))
    everything = [0] * len(VERDICTS)
    by_code: dict[str, list[int]] = {}
    for (code, k), n in pairs.items():
        by_code.setdefault(code, [0] * len(VERDICTS))[k] += n
        everything[k] += n
    return Below(regions=len(ids), with_plan=sum(1 for i in ids if i in counted),
                 unreporting=sum(1 for i in ids if i in unreporting), tally=_tally(everything),
                 by_code={code: _tally(found) for code, found in by_code.items()})


def _dashboard(store: Storage, region: RegionRecord | None, regions: list[RegionRecord],
               year: int | None, tree: _Tree, *, with_below: bool,
               national: bool = False) -> Dashboard:
    """The sub-regions ``regions``; ``with_below``: each with every region under it summed."""
    below = {r.id: tree.below(r.id) for r in regions} if with_below else {}
    wanted = {r.id for r in regions} | {i for ids in below.values() for i in ids}
    everything = len(wanted) >= len(tree.by_id)
    by_region, versions = _plans(store, tree, None if everything else wanted)
    if year is None:
        year = latest_reported_year(store, [p for r in regions for p in by_region.get(r.id, [])])
    in_force = {rid: p for rid in wanted
                if (p := plan_in_force(by_region.get(rid, []), year)) is not None}
    judged, v = _judge(store, in_force, versions, year)
    own = [judged[r.id] for r in regions if r.id in judged]
    series = _series(store, own, v, year)
    verdicts = v.verdict_index.tolist()
    counted = {rid: _counted(j, verdicts) for rid, j in judged.items()}
    unreported = _unreported(judged, v, year)
    lagging = {rid for rid, names in unreported.items() if names}
    subs = []
    for r in regions:
        j = judged.get(r.id)
        kids = below.get(r.id, [])
        subs.append(SubRegion(
            region=r, plan=None if j is None else j.plan,
            has_children=bool(tree.children.get(r.id)),
            cells={} if j is None else _cells(j, v),
            alerts=[] if j is None else _alerts(j, v, year, series),
            unreported=unreported.get(r.id, []),
            below=_below(kids, counted, lagging) if kids else None))
    order = {e.code: i for i, e in enumerate(load_catalog().indicators)}
    codes = sorted({c for s in subs for c in s.cells}, key=lambda c: order.get(c, len(order)))
    counts = Counter(str(cell.verdict_code) for s in subs for cell in s.cells.values())
    total = _below(sorted(wanted), counted, lagging) if with_below else None
    return Dashboard(region=region, year=year, subregions=subs, codes=codes,
                     counts=dict(counts), below=total, national=national)


_pause_lock = threading.Lock()
_pausing = 0
_resume = False


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a dashboard is built: judging a country
    keeps ~10⁵ small rows alive (no reference cycles among them), and each full collection
    they trigger walks every object of the process — on the national benchmark 40 % of the
    page's CPU time (measured). Reference counting frees as usual; a cycle made meanwhile is
    collected after. Overlapping requests: the collector resumes when the last one ends (and
    only if it ran before the first)."""
    global _pausing, _resume
    with _pause_lock:
        if _pausing == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pausing -= 1
            if _pausing == 0 and _resume:
                gc.enable()


def region_dashboard(store: Storage, actor: Actor, region: RegionRecord | None,
                     year: int | None = None) -> Dashboard:
    """The dashboard of ``region``'s direct sub-regions (None: the country's, i.e. the
    provinces) in ``year`` (default: the latest year one of their plans has an actual for),
    each with every region under it summed (下辖地区). ``actor`` signed in: every plan not
    archived counts, as on the plan pages."""
    with _collector_paused():
        tree = _Tree.read(store)
        regions = tree.children.get(None if region is None else region.id, [])
        return _dashboard(store, region, regions, year, tree, with_below=True,
                          national=region is None)


def compare_regions(store: Storage, actor: Actor, regions: list[RegionRecord],
                    year: int | None = None) -> Dashboard:
    """Chosen regions side by side (对比): the dashboard's cells for them, any level."""
    if not regions:
        raise Invalid("请至少选择一个地区", "choose at least one region")
    unique = list({r.id: r for r in regions}.values())
    with _collector_paused():
        return _dashboard(store, None, unique, year, _Tree.read(store), with_below=False)


def _tally_json(t: Tally) -> dict[str, object]:
    return {"cells": t.cells, "judged": t.judged, "on_track": t.on_track,
            "at_risk": t.at_risk, "on_track_share": t.on_track_share}


def below_json(b: Below | None) -> dict[str, object] | None:
    """The regions under a sub-region, summed (API form)."""
    if b is None:
        return None
    return {"regions": b.regions, "with_plan": b.with_plan, "unreporting": b.unreporting,
            **_tally_json(b.tally),
            "by_indicator": {code: _tally_json(t) for code, t in b.by_code.items()}}


def dashboard_json(d: Dashboard) -> dict[str, object]:
    """The dashboard as the API returns it: verdict codes with their labels beside them."""
    names = d.names
    return {
        "region_id": d.region.id if d.region else None,
        "region": d.region.name if d.region else ("全国" if d.national else None),
        "year": d.year,
        "indicators": [{"code": c, "name": names[c]} for c in d.codes],
        "verdict_counts": d.counts,
        "below": below_json(d.below),
        "subregions": [{
            "region_id": s.region.id, "name": s.region.name,
            "plan_id": s.plan.id if s.plan else None,
            "plan_title": s.plan.title if s.plan else None,
            "on_track_share": s.on_track_share,
            "cells": {code: {"verdict_code": str(c.verdict_code), "verdict": c.verdict,
                             "indicator": c.indicator, "actual": c.actual,
                             "actual_year": c.actual_year, "target": c.target, "unit": c.unit,
                             "canonical_actual": c.canonical_actual,
                             "canonical_target": c.canonical_target,
                             "canonical_unit": c.canonical_unit}
                      for code, c in s.cells.items()},
            "alerts": [{"code": f.code, "severity": str(f.severity), "message": f.message,
                        "message_en": finding_text(f, "en"), "params": f.params}
                       for f in s.alerts],
            "unreported": s.unreported,
            "below": below_json(s.below),
        } for s in d.subregions],
    }


def comparison_rows(d: Dashboard) -> list[tuple[str, list[str]]]:
    """The comparison as text rows (CLI): indicator (canonical unit) → one cell per region:
    latest actual (year) / target, verdict; canonical units so regions can be read across."""
    names = d.names
    out: list[tuple[str, list[str]]] = []
    for code in d.codes:
        unit = next((c.canonical_unit for s in d.subregions if (c := s.cells.get(code))), None)
        cells = []
        for s in d.subregions:
            c = s.cells.get(code)
            cells.append("—" if c is None else
                         f"{figure(c.canonical_actual)}"
                         f"{f'（{c.actual_year}）' if c.actual_year else ''} / "
                         f"{figure(c.canonical_target)} {c.verdict}")
        out.append((f"{names[code]}（{unit}）" if unit else names[code], cells))
    return out
