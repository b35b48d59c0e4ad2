"""The target cascade of a region (目标分解衔接): its own plans' table targets against its direct
sub-regions' for the same catalogue indicator and target year
(:func:`planwatch.evaluate.cascade.cascade`). Current targets (revisions applied); archived
plans and plans the actor may not see are left out."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.catalog.indicators import match_indicator
from planwatch.evaluate.cascade import CascadeRow, CascadeTarget, cascade
from planwatch.evaluate.progress import is_rate_indicator
from planwatch.model.plan import Plan
from planwatch.storage import Storage
from planwatch.storage.plans import latest_plan
from planwatch.storage.regions import RegionRecord, list_regions
from planwatch.workflow.overview import plan_items
from planwatch.workflow.principal import Actor

LEVEL_WORD = {"province": "市", "city": "县（市、区）", "county": "乡镇", "district": "街道"}


@dataclass(frozen=True)
class CascadeView:
    region: RegionRecord
    rows: list[CascadeRow]
    names: dict[str, str]
    """Sub-region key → name."""


def plan_targets(region: str, plan: Plan) -> list[CascadeTarget]:
    """The plan's table targets in catalogue codes and canonical units (rows whose target is
    a growth rate only for growth-rate indicators)."""
    out: list[CascadeTarget] = []
    for ind in plan.indicators:
        year = ind.target_year or plan.meta.period_end
        match = match_indicator(ind.name, ind.unit)
        if ind.target is None or year is None or match is None:
            continue
        if is_rate_indicator(ind) and match.unit != "%":
            continue
        out.append(CascadeTarget(region, match.code, year, ind.target * match.factor))
    return out


def region_targets(store: Storage, actor: Actor, region_ids: set[int]) -> list[CascadeTarget]:
    out: list[CascadeTarget] = []
    for item in plan_items(store, actor):
        if item.region_id not in region_ids:
            continue
        plan = latest_plan(store, item.id)
        if plan is not None:
            out += plan_targets(str(item.region_id), plan)
    return out


def region_cascade(store: Storage, actor: Actor, region: RegionRecord) -> CascadeView:
    children = list_regions(store, parent=region.id)
    keys = [str(c.id) for c in children]
    rows = cascade(region_targets(store, actor, {region.id}),
                   region_targets(store, actor, {c.id for c in children}), keys,
                   parent_name=region.name, child_word=LEVEL_WORD.get(region.level, "下级地区"))
    return CascadeView(region=region, rows=rows, names={str(c.id): c.name for c in children})
