"""The dashboard of a region (地区监测看板): for every direct sub-region, the plan in force in the
year, evaluated by THE evaluation view (:func:`planwatch.workflow.overview.cached_evaluation`)
— so every verdict here is the one its plan page shows; the verdicts laid out as a matrix of
sub-regions × catalogue indicators, counts by verdict, the 预警 of all of them, and who has not
reported the year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from planwatch.catalog.indicators import load_catalog, match_indicator
from planwatch.model.findings import Finding
from planwatch.model.labels import VerdictCode, label
from planwatch.reports.build import IndicatorRow, Report
from planwatch.reports.text import figure
from planwatch.storage import Storage
from planwatch.storage.actuals import latest_actual_year
from planwatch.storage.regions import RegionRecord, list_regions
from planwatch.workflow.errors import Invalid
from planwatch.workflow.overview import cached_evaluation, plan_items
from planwatch.workflow.principal import Actor
from planwatch.workflow.views import PlanItem

ON_TRACK = frozenset({VerdictCode.ACHIEVED_EARLY, VerdictCode.ACHIEVED, VerdictCode.AHEAD,
                      VerdictCode.ON_TRACK})
UNJUDGED = frozenset({VerdictCode.NO_DATA, VerdictCode.NOT_EVALUABLE})


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
    """Verdict code → cells."""

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


def _cells(report: Report, plan_id: int) -> dict[str, Cell]:
    out: dict[str, Cell] = {}
    for row in report.indicators:
        match = match_indicator(row.name, row.unit)
        if match is None or match.code in out:
            continue
        rate = row.path == "rate"  # the target is a growth rate, not a level of the unit
        out[match.code] = Cell(
            verdict_code=row.verdict_code, verdict=label("verdict", row.verdict_code),
            plan_id=plan_id, indicator=row.name, actual=row.actual, target=row.target,
            unit=row.unit, actual_year=row.actual_year,
            canonical_actual=_scaled(row.actual, match.factor),
            canonical_target=None if rate else _scaled(row.target, match.factor),
            canonical_unit=match.unit)
    return out


def _unreported(rows: list[IndicatorRow], year: int) -> list[str]:
    return [r.name for r in rows if r.target is not None and r.actual_year != year]


def _subregion(store: Storage, actor: Actor, region: RegionRecord, plans: list[PlanItem],
               year: int) -> SubRegion:
    plan = plan_in_force(plans, year)
    below = bool(list_regions(store, parent=region.id))
    if plan is None:
        return SubRegion(region=region, plan=None, has_children=below)
    report = cached_evaluation(store, actor, plan.id, year)
    return SubRegion(region=region, plan=plan, has_children=below, cells=_cells(report, plan.id),
                     alerts=list(report.alerts),
                     unreported=_unreported(report.indicators, year))


def latest_reported_year(store: Storage, plans: list[PlanItem]) -> int:
    """The latest year, up to last year, any of the plans has an actual for (else last
    year)."""
    last = date.today().year - 1
    found = latest_actual_year(store, [p.id for p in plans], last)
    return last if found is None else found


def _plans_by_region(store: Storage, actor: Actor, ids: set[int]) -> dict[int, list[PlanItem]]:
    by_region: dict[int, list[PlanItem]] = {}
    for item in plan_items(store, actor):
        if item.region_id in ids:
            by_region.setdefault(item.region_id, []).append(item)
    return by_region


def _dashboard(store: Storage, actor: Actor, region: RegionRecord | None,
               regions: list[RegionRecord], year: int | None) -> Dashboard:
    by_region = _plans_by_region(store, actor, {r.id for r in regions})
    if year is None:
        year = latest_reported_year(store, [p for ps in by_region.values() for p in ps])
    subs = [_subregion(store, actor, r, by_region.get(r.id, []), year) for r in regions]
    order = {e.code: i for i, e in enumerate(load_catalog().indicators)}
    codes = sorted({c for s in subs for c in s.cells}, key=lambda c: order.get(c, len(order)))
    counts = Counter(str(cell.verdict_code) for s in subs for cell in s.cells.values())
    return Dashboard(region=region, year=year, subregions=subs, codes=codes,
                     counts=dict(counts))


def region_dashboard(store: Storage, actor: Actor, region: RegionRecord,
                     year: int | None = None) -> Dashboard:
    """The dashboard of ``region``'s direct sub-regions in ``year`` (default: the latest year
    one of their plans has an actual for)."""
    return _dashboard(store, actor, region, list_regions(store, parent=region.id), year)


def compare_regions(store: Storage, actor: Actor, regions: list[RegionRecord],
                    year: int | None = None) -> Dashboard:
    """Chosen regions side by side (对比): the dashboard's cells for them, any level."""
    if not regions:
        raise Invalid("请至少选择一个地区", "choose at least one region")
    unique = list({r.id: r for r in regions}.values())
    return _dashboard(store, actor, None, unique, year)


def dashboard_json(d: Dashboard) -> dict[str, object]:
    """The dashboard as the API returns it: verdict codes with their labels beside them."""
    names = d.names
    return {
        "region_id": d.region.id if d.region else None,
        "region": d.region.name if d.region else None, "year": d.year,
        "indicators": [{"code": c, "name": names[c]} for c in d.codes],
        "verdict_counts": d.counts,
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
            "alerts": [{"code": f.code, "severity": str(f.severity), "message": f.message}
                       for f in s.alerts],
            "unreported": s.unreported,
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
