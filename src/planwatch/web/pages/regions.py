"""Region pages: the composite innovation index of a region's sub-regions (综合指数) and the
target cascade down to them (目标分解衔接)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import Response

from planwatch import actions
from planwatch.catalog.regions import code_of
from planwatch.reports.cascade_report import cascade_table
from planwatch.reports.index_report import IndexReport, note_parts, rank_chart, tables
from planwatch.storage.regions import RegionRecord
from planwatch.web import i18n
from planwatch.web.deps import CurrentActor, StoreDep
from planwatch.web.pages.common import page_router, render
from planwatch.workflow.region_dashboard import Dashboard, SubRegion
from planwatch.workflow.views import RegionNode

router = page_router()
IndexYear = Annotated[int | None, Query(ge=1949, le=2100)]


def _notes(request: Request, report: IndexReport) -> list[str]:
    """The index notes in the page's language (names and labels translated too)."""
    lang = i18n.lang_of(request)
    sep = ", " if lang == "en" else "、"

    def shown(value: str | list[str]) -> str:
        items = [value] if isinstance(value, str) else value
        return sep.join(i18n.translate(v, lang) for v in items)

    return [i18n.translate(text, lang, **{k: shown(v) for k, v in values.items()})
            for text, values in note_parts(report)]


@router.get("/regions/{region_id}/index")
def region_index(request: Request, region_id: int, store: StoreDep, actor: CurrentActor,
                 year: IndexYear = None, base_year: IndexYear = None) -> Response:
    """综合指数: ranking with rank intervals, dimension scores, what moves the ranks, notes —
    the tables of the .md/.xlsx report."""
    region = actions.find_region(store, str(region_id))
    report = actions.region_index(store, actor, region, year, base_year=base_year)
    return render(request, "region_index.html", {
        "region": region, "r": report, "tables": tables(report), "notes": _notes(request, report),
        "charts": {"ranks": rank_chart(report)}})


@router.get("/regions/{region_id}/cascade")
def region_cascade(request: Request, region_id: int, store: StoreDep,
                   actor: CurrentActor) -> Response:
    """目标分解衔接: the cascade table and its findings (the CLI's table)."""
    region = actions.find_region(store, str(region_id))
    view = actions.region_cascade(store, actor, region)
    findings = [f for row in view.rows for f in row.findings]
    return render(request, "region_cascade.html", {
        "region": region, "table": cascade_table(view.rows, view.names), "findings": findings})


MAPS = Path(__file__).resolve().parents[1] / "static" / "vendor" / "maps"
COUNTRY_MAP = "china.json"


@lru_cache(maxsize=1)
def _map_index() -> dict[str, str]:
    try:
        raw = json.loads((MAPS / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in raw.items()}


def _code(region: RegionRecord) -> str | None:
    return region.code or code_of(region.name)


def map_file(region: RegionRecord | None) -> str | None:
    """The vendored boundary file whose features are ``region``'s sub-regions: the country's
    provinces (None), a province's cities, a city's counties and districts (index.json: the
    first two digits of a province's 区划代码, the first four of a city's)."""
    if region is None:
        return COUNTRY_MAP
    code = _code(region)
    if code is None or region.level not in ("province", "city"):
        return None
    return _map_index().get(code[:2] if region.level == "province" else code[:4])


@lru_cache(maxsize=32)
def _feature_names(path: str) -> dict[str, str]:
    """区划代码 → the feature's name in a vendored boundary file (names there may be short:
    河北 for 河北省)."""
    try:
        geo = json.loads((MAPS / path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(f.get("id")): str(f.get("properties", {}).get("name"))
            for f in geo.get("features", []) if f.get("id")}


def _map_value(s: SubRegion, indicator: str | None) -> float | None:
    if indicator is None:
        return s.on_track_share
    cell = s.cells.get(indicator)
    return None if cell is None else cell.canonical_actual


def _feature(s: SubRegion, names: dict[str, str]) -> str:
    code = _code(s.region)
    return names.get(code[:6].ljust(6, "0"), s.region.name) if code else s.region.name


def map_data(d: Dashboard, indicator: str | None = None) -> dict[str, object] | None:
    """The choropleth: share on track, or one indicator's latest actual (catalogue unit)."""
    if d.region is None and not d.national:
        return None
    path = map_file(d.region)
    if path is None:
        return None
    names = _feature_names(path)
    values = [_map_value(s, indicator) for s in d.subregions]
    known = [v for v in values if v is not None]
    unit = next((c.canonical_unit for s in d.subregions
                 if indicator and (c := s.cells.get(indicator))), None)
    return {"url": f"/static/vendor/maps/{path}", "key": path,
            "metric": "share" if indicator is None else "value",
            "label": "进度正常比例(%)" if indicator is None
            else f"{d.names.get(indicator, indicator)}（{unit or ''}）",
            "min": 0 if indicator is None else min(known, default=0),
            "max": 100 if indicator is None else max(known, default=1),
            "regions": [{"name": _feature(s, names), "region": s.region.name, "value": v,
                         "href": f"/regions/{s.region.id}/dashboard?year={d.year}"
                         if s.has_children else None}
                        for s, v in zip(d.subregions, values, strict=True)]}


def _dashboard_page(request: Request, d: Dashboard, region: RegionRecord | None,
                    indicator: str | None) -> Response:
    chosen = indicator if indicator in d.codes else None
    return render(request, "region_dashboard.html", {
        "region": region, "d": d, "names": d.names, "counts": d.counts, "indicator": chosen,
        "columns": [chosen] if chosen else d.codes, "map": map_data(d, chosen)})


@router.get("/regions/{region_id}/dashboard")
def region_dashboard(request: Request, region_id: int, store: StoreDep, actor: CurrentActor,
                     year: IndexYear = None,
                     indicator: Annotated[str | None, Query(max_length=80)] = None) -> Response:
    """监测看板: verdict matrix of the sub-regions' plans, counts, 预警, reporting, map
    (``indicator``: one catalogue indicator's column, and the map coloured by its value);
    each sub-region with the regions under it summed (下辖地区)."""
    region = actions.find_region(store, str(region_id))
    return _dashboard_page(request, actions.region_dashboard(store, actor, region, year),
                           region, indicator)


@router.get("/national/dashboard")
def national_dashboard(request: Request, store: StoreDep, actor: CurrentActor,
                       year: IndexYear = None,
                       indicator: Annotated[str | None, Query(max_length=80)] = None
                       ) -> Response:
    """全国监测看板: one row per province (its own plan), each with its cities and counties
    summed — not thousands of county rows; a province's row opens its dashboard."""
    return _dashboard_page(request, actions.region_dashboard(store, actor, None, year), None,
                           indicator)


def _flat(nodes: list[RegionNode], depth: int = 0) -> list[tuple[int, str, int]]:
    out: list[tuple[int, str, int]] = []
    for n in nodes:
        if n.id is not None:
            out.append((n.id, n.name, depth))
        out += _flat(n.children, depth + 1)
    return out


def compare_charts(d: Dashboard) -> dict[str, object]:
    """One small chart per indicator: each region's latest actual and its target, in the
    catalogue's unit (static/js/compare-chart.js)."""
    names = d.names
    charts: dict[str, object] = {}
    for code in d.codes:
        cells = [s.cells.get(code) for s in d.subregions]
        unit = next((c.canonical_unit for c in cells if c is not None), None)
        charts[code] = {"title": names[code], "unit": unit,
                        "regions": [s.region.name for s in d.subregions],
                        "actual": [c.canonical_actual if c else None for c in cells],
                        "target": [c.canonical_target if c else None for c in cells]}
    return charts


@router.get("/compare")
def compare(request: Request, store: StoreDep, actor: CurrentActor,
            regions: Annotated[list[int] | None, Query(max_length=50)] = None,
            year: IndexYear = None) -> Response:
    """对比: chosen regions side by side (the dashboard's cells), with a chart per indicator."""
    options = _flat(actions.regions_tree(store, actor))
    chosen = [actions.find_region(store, str(i)) for i in regions or []]
    d = actions.compare_regions(store, actor, chosen, year) if chosen else None
    return render(request, "compare.html", {
        "options": options, "chosen": {r.id for r in chosen}, "d": d,
        "names": d.names if d else {}, "charts": compare_charts(d) if d else {}})
