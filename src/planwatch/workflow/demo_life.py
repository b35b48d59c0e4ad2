"""Life in the demo (演示数据): what a newcomer needs to see the product work — published values
where they are real and comparable, a simulated series for the other years (labelled
``模拟数据（演示用）`` wherever a value appears), simulated plans for the rest of the province's
cities and for the province itself (titles say so), submissions waiting for review and one
returned, task progress reports (done, under way, one blocked, some overdue).

Nothing here is presented as real: every simulated value carries :data:`SIMULATED_SOURCE`,
every simulated plan :data:`SIMULATED_TITLE` in its title."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources

from planwatch.catalog.indicators import load_catalog, map_indicator
from planwatch.catalog.regions import RegionInfo, prefectures
from planwatch.model.actual import Actual
from planwatch.model.plan import Indicator, Meta, Plan, Task

SIMULATED_SOURCE = "模拟数据（演示用）"
SIMULATED_TITLE = "（模拟数据·演示用）"
PUBLISHED_PREFIX = "已公开数据："
PACES = (1.25, 1.0, 0.8, 0.45, -0.15)
"""Share of the planned path each indicator travels (ahead, on track, behind, far behind,
regressing), by position in the plan."""
COUNT_UNITS = frozenset({"家", "个", "项", "件", "人", "所", "户", "名"})


@dataclass(frozen=True)
class PublishedValue:
    region: str
    indicator: str
    year: int
    value: float
    unit: str
    source_url: str
    quote: str


def published_values() -> list[PublishedValue]:
    """The full-year published values shipped with planwatch (``data/published-actuals.csv``,
    a selection of ``shared/data/actuals-published.csv``: part-year figures and other
    indicators left out), each with its source and the sentence it was read in."""
    text = (resources.files("planwatch") / "data" / "published-actuals.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return [PublishedValue(r["region"], r["indicator"], int(r["year"]), float(r["value"]),
                           r["unit"], r["source_url"], r["quote"]) for r in rows]


def _rounded(value: float, unit: str | None) -> float:
    return float(round(value)) if unit in COUNT_UNITS else round(value, 2)


def _wobble(k: int, year: int) -> float:
    """A deterministic ±3 % so that simulated series are not straight lines."""
    return 1 + 0.03 * (((k * 7 + year) % 3) - 1)


def simulated_series(ind: Indicator, k: int, last_year: int) -> list[Actual]:
    """Values for the years after the base year up to ``last_year`` (at most the target year)
    on the k-th pace; a row whose target is a growth rate gets rates around it."""
    pace = PACES[k % len(PACES)]
    b, t, y0, y1 = ind.baseline, ind.target, ind.baseline_year, ind.target_year
    if y0 is None or y1 is None or y1 <= y0:
        return []
    years = range(y0 + 1, min(last_year, y1) + 1)
    if b is None and ind.annual_growth_pct is not None:
        rate = ind.annual_growth_pct
        return [_actual(ind, y, round(rate * (0.6 + 0.5 * pace) * _wobble(k, y), 2))
                for y in years]
    if b is None or t is None:
        return []
    return [_actual(ind, y, _rounded(b + (t - b) * (y - y0) / (y1 - y0) * pace
                                     * _wobble(k, y), ind.unit)) for y in years]


def _actual(ind: Indicator, year: int, value: float) -> Actual:
    return Actual(indicator=ind.name, year=year, value=value, unit=ind.unit,
                  source=SIMULATED_SOURCE)


def published_for(plan: Plan, values: list[PublishedValue]) -> list[Actual]:
    """Published values of the plan's region for the plan's indicators (same catalogue
    indicator), in the plan's unit where it is the same quantity."""
    catalog = load_catalog()
    out: list[Actual] = []
    for pv in values:
        if pv.region != plan.meta.region:
            continue
        code = map_indicator(pv.indicator)
        for ind in plan.indicators:
            if code is None or map_indicator(ind.name, ind.unit) != code:
                continue
            factor = catalog.unit_factor(code, ind.unit)
            if factor:
                out.append(Actual(indicator=ind.name, year=pv.year, value=pv.value / factor,
                                  unit=ind.unit, source=f"{PUBLISHED_PREFIX}{pv.source_url}"))
    return out


def life_values(plan: Plan, last_year: int, values: list[PublishedValue]) -> list[Actual]:
    """Published values first; simulated ones for the other (indicator, year) cells."""
    real = published_for(plan, values)
    taken = {(a.indicator, a.year) for a in real}
    simulated = [a for k, ind in enumerate(plan.indicators)
                 for a in simulated_series(ind, k, last_year)
                 if (a.indicator, a.year) not in taken]
    return [*real, *simulated]


# ------------------------------------------------------------------- simulated plans (cities)
@dataclass(frozen=True)
class SimRow:
    code: str
    unit: str
    low: float
    high: float
    growth: float
    """Planned growth over five years (target = baseline × (1 + growth))."""


SIM_ROWS = (
    SimRow("rd_intensity", "%", 1.6, 3.6, 0.22),
    SimRow("high_tech_output_share", "%", 38.0, 62.0, 0.15),
    SimRow("high_value_invention_patents_per_10k", "件/万人", 2.0, 14.0, 0.8),
    SimRow("enterprises_with_rd_share", "%", 25.0, 55.0, 0.25),
    SimRow("high_tech_enterprises", "家", 250.0, 3500.0, 0.9),
    SimRow("tech_smes", "家", 600.0, 6000.0, 0.8),
    SimRow("tech_contract_turnover", "亿元", 20.0, 300.0, 1.2),
)

SIM_TASKS = (
    ("建设概念验证中心和中试基地", "2024年底前"),
    ("实施关键核心技术攻关项目", "2025年底前"),
    ("培育科技领军企业", "2023年底前"),
    ("完善科技成果转化激励机制", "2022年底前"),
)


@dataclass
class SimulatedPlans:
    plans: list[tuple[str, Plan]] = field(default_factory=list)


def _sim_indicator(row: SimRow, rng: random.Random, scale: float = 1.0) -> Indicator:
    name = load_catalog().get(row.code)
    assert name is not None
    base = _rounded(rng.uniform(row.low, row.high) * scale, row.unit)
    target = _rounded(base * (1 + row.growth * rng.uniform(0.8, 1.2)), row.unit)
    return Indicator(name=name.name_zh, unit=row.unit, baseline_year=2020, baseline=base,
                     target_year=2025, target=target, attribute="预期性")


def simulated_city_plan(city: RegionInfo, province: str, seed: int) -> Plan:
    """A 十四五 S&T plan for ``city`` with the simulated indicator rows and four tasks with
    deadlines, its title marked simulated."""
    rng = random.Random(seed)
    return Plan(
        meta=Meta(title=f"{city.name}“十四五”科技创新规划{SIMULATED_TITLE}", region=city.name,
                  region_level="city", parent_region=province, province=province,
                  doc_type="plan", period_start=2021, period_end=2025),
        indicators=[_sim_indicator(row, rng) for row in SIM_ROWS],
        tasks=[Task(number=i, title=title, lead=["市科技局"], deadline=deadline)
               for i, (title, deadline) in enumerate(SIM_TASKS, start=1)])


def simulated_province_plan(province: str, cities: list[Plan]) -> Plan:
    """The province's own simulated plan from all its cities' plans (same catalogue
    indicator): additive targets a little below the cities' sum (consistent) except
    科技型中小企业, set above it (a shortfall the cascade flags); ratios the cities' mean."""
    rows: list[Indicator] = []
    for row in SIM_ROWS:
        name = load_catalog().get(row.code)
        assert name is not None
        of_cities = [i for p in cities for i in p.indicators
                     if map_indicator(i.name, i.unit) == row.code
                     and i.baseline is not None and i.target is not None]
        if not of_cities:
            continue
        base = [i.baseline or 0.0 for i in of_cities]
        target = [i.target or 0.0 for i in of_cities]
        if row.unit in COUNT_UNITS or row.unit == "亿元":
            factor = 1.08 if row.code == "tech_smes" else 0.97
            b, t = sum(base), sum(target) * factor
        else:
            b, t = sum(base) / len(base), sum(target) / len(target)
        rows.append(Indicator(name=name.name_zh, unit=row.unit, baseline_year=2020,
                              baseline=_rounded(b, row.unit), target_year=2025,
                              target=_rounded(t, row.unit), attribute="预期性"))
    return Plan(meta=Meta(title=f"{province}“十四五”科技创新规划{SIMULATED_TITLE}",
                          region=province, region_level="province", doc_type="plan",
                          period_start=2021, period_end=2025),
                indicators=rows)


def simulated_plans(province: str, existing: list[Plan]) -> list[tuple[str, Plan]]:
    """Simulated plans for the province's cities without a plan in ``existing`` and for the
    province (from every city plan, real or simulated)."""
    taken = {p.meta.region for p in existing}
    cities = sorted((p for p in prefectures() if p.parent == province and p.name not in taken),
                    key=lambda p: p.name)
    plans = [simulated_city_plan(c, province, seed=1000 + i) for i, c in enumerate(cities)]
    out = [(f"simulated-{c.name}.json", p) for c, p in zip(cities, plans, strict=True)]
    real_cities = [p for p in existing if p.meta.parent_region == province
                   and p.meta.region_level == "city"]
    if plans and province not in taken:
        out.append((f"simulated-{province}.json",
                    simulated_province_plan(province, [*real_cities, *plans])))
    return out


# ------------------------------------------------------------------ progress reports (tasks)
@dataclass(frozen=True)
class ProgressPlan:
    status: str
    percent: float | None
    report: str
    days_ago: int


PROGRESS = (
    ProgressPlan("done", 100.0, "已按计划完成，相关成果已通过验收。（演示）", 45),
    ProgressPlan("in_progress", 60.0, "项目已立项，正在推进建设。（演示）", 20),
    None,
    ProgressPlan("in_progress", 35.0, "已完成方案论证，进入实施阶段。（演示）", 200),
    ProgressPlan("blocked", 20.0, "配套资金尚未到位，需协调解决。（演示）", 10),
)
"""What the k-th task of a plan reports (None: nothing — overdue once its deadline passes);
the blocked report is used once per demo."""


def progress_for(k: int, today: date, blocked_used: bool) -> tuple[ProgressPlan, date] | None:
    plan = PROGRESS[k % len(PROGRESS)]
    if plan is None or (plan.status == "blocked" and blocked_used):
        return None
    return plan, today - timedelta(days=plan.days_ago)


# ------------------------------------------------------------------------- putting it in
@dataclass
class LifeResult:
    values: int = 0
    published: int = 0
    simulated_plans: int = 0
    pending: int = 0
    returned: int = 0
    progress: int = 0
    revisions: int = 0
