"""The batch judgement of many stored plans (the dashboard's, compare's) gives, row for row, the
verdict, actual, target, 预警 and unreported rows of THE one evaluation view
(``workflow.overview.plan_evaluation``) — on generated plans that exercise every rule: missing
base years, 〔累计〕 and 年均增速 targets, growth-rate rows, comparators, 约束性 rows whose
projection decides the 预警, prose targets, revised targets, base-year-only values,
provisional and final values, a stored unit that no longer fits, two stored names of one
indicator — in SQLite and PostgreSQL."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from planwatch.model.plan import Baseline, Indicator, Meta, Plan, Target
from planwatch.storage import Storage, import_plan
from planwatch.storage.actuals import rebuild_latest
from planwatch.storage.plans import latest_plan
from planwatch.storage.revisions import list_targets, revise_target
from planwatch.storage.schema import actuals
from planwatch.workflow.overview import plan_evaluation
from planwatch.workflow.region_dashboard import plan_results
from planwatch.workflow.views import PlanItem
from tests.storage_fixtures import db_url, pg_database_url, storage  # noqa: F401

NAMES = ["研发经费投入强度", "高新技术企业数", "技术合同成交额", "每万人口高价值发明专利拥有量",
         "规上工业企业研发机构覆盖率", "科技型中小企业数", "高新技术产业产值占比", "研发人员数",
         "新型研发机构数", "孵化器数量"]
UNITS = ["%", "家", "亿元", "件", None, "个"]
YEARS = (2020, 2021, 2022, 2023, 2024, 2025, 2026)


def _maybe(rng: random.Random, value: object, p: float = 0.15) -> object:
    return None if rng.random() < p else value


def _indicator(rng: random.Random, name: str) -> Indicator:
    kind = rng.random()
    base = rng.choice([0.0, 5.0, 40.0, 120.0, 800.0]) * rng.uniform(0.5, 1.5)
    y0 = rng.choice([2020, 2020, 2020, 2021, None])
    y1 = rng.choice([2025, 2025, 2025, 2024, 2020, None])
    values: dict[str, object] = {
        "name": name, "unit": rng.choice(UNITS), "baseline_year": y0, "target_year": y1,
        "attribute": rng.choice(["约束性", "预期性", None]),
        "target_comparator": rng.choice(["=", ">=", "<=", "~", None]), "line": rng.randint(1, 99),
    }
    if kind < 0.15:       # the target is a growth rate (年均增长9%左右)
        g = round(rng.uniform(-2, 15), 1)
        values |= {"annual_growth_pct": g, "target": rng.choice([None, g])}
    elif kind < 0.3:      # B·(1+r)^n
        values |= {"baseline": base, "annual_growth_pct": round(rng.uniform(-3, 20), 1)}
    elif kind < 0.4:      # B + 〔累计〕
        values |= {"baseline": base, "cumulative_change": round(rng.uniform(-5, 50), 1),
                   "annual_growth_pct": _maybe(rng, 5.0, 0.5)}
    else:
        values |= {"baseline": _maybe(rng, base),
                   "target": _maybe(rng, round(base * rng.uniform(0.7, 2.5), 2), 0.1)}
    return Indicator.model_validate(values)


def _plan(rng: random.Random, n: int) -> Plan:
    names = rng.sample(NAMES, rng.randint(4, len(NAMES)))
    inds = [_indicator(rng, name) for name in names]
    prose = [Target(subject=f"{rng.choice(['省级重点实验室数', '国家级孵化器数', names[0]])}",
                    value=round(rng.uniform(10, 90), 1), unit=rng.choice(["家", "%"]),
                    year=rng.choice([2025, None]), comparator=rng.choice(["=", ">="]),
                    baseline=Baseline(year=2020, value=round(rng.uniform(5, 40), 1)),
                    quote="……", line=100 + k) for k in range(rng.randint(0, 2))]
    return Plan(doc=f"p{n}", meta=Meta(title=f"生成规划{n}", region=f"生成区{n}",
                                       region_level="district", period_start=2021,
                                       period_end=2025, doc_type="plan"),
                indicators=inds, targets=prose)


def _actual_rows(rng: random.Random, plan_id: int, plan: Plan) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    subjects = [(i.name, i.unit, i.baseline or i.annual_growth_pct or 10.0)
                for i in plan.indicators]
    subjects += [(t.subject, t.unit, t.baseline.value if t.baseline else 10.0)
                 for t in plan.targets]
    now = datetime.now(UTC)
    for name, unit, level in {s[0]: s for s in subjects}.values():
        if rng.random() < 0.15:
            continue
        stored = rng.choice([name, name, name, f"{name}（{unit or '个'}）"])  # a second name
        for year in YEARS:
            for status in ("final", "provisional"):
                if rng.random() < (0.45 if status == "final" else 0.25):
                    value = level * rng.uniform(0.6, 2.2) * rng.choice([1, 1, 1, -0.2, 0])
                    rows.append({
                        "plan_id": plan_id, "indicator": stored, "year": year,
                        "value": round(value, 3), "status": status, "recorded_at": now,
                        "unit": unit if rng.random() > 0.05 else "万人次",  # a unit that no
                        "source": "生成（测试）"})                             # longer fits
            if rng.random() < 0.2 and stored != name:
                stored = name
    return rows


def _store(store: Storage, seed: int, count: int) -> list[PlanItem]:
    rng = random.Random(seed)
    items = []
    for n in range(count):
        plan = _plan(rng, n)
        plan_id = import_plan(store, plan, f"p{n}.json", None, "test").plan_id
        rows = _actual_rows(rng, plan_id, plan)
        if rows:
            with store.atomic() as conn:  # a bulk load (values record_actuals would refuse)
                conn.execute(insert(actuals), rows)
                rebuild_latest(conn)
        stored = latest_plan(store, plan_id, apply_revisions=False)
        assert stored is not None
        if rng.random() < 0.3:
            from planwatch.storage.plans import list_versions
            version = list_versions(store, plan_id)[-1].id
            for t in list_targets(store, version)[:2]:
                revise_target(store, t.id, t.value * 1.1, user="test", reason="动态调整（测试）",
                              new_year=rng.choice([None, 2024]))
        items.append(PlanItem(id=plan_id, title=plan.meta.title or "", region=None,
                              region_id=None, doc_type="plan", period_start=2021,
                              period_end=2025, latest_version=1, is_public=False))
    return items


def _one_view(store: Storage, plan_id: int, year: int) -> tuple[object, ...]:
    plan = latest_plan(store, plan_id)
    assert plan is not None
    report = plan_evaluation(store, plan_id, plan, year)
    rows = [(r.name, r.verdict_code, r.actual, r.actual_year, r.target)
            for r in report.indicators]
    unreported = [r.name for r in report.indicators
                  if r.target is not None and r.actual_year != year]
    return rows, report.alerts, unreported


@pytest.mark.parametrize("seed", [1, 2])
def test_batch_equals_the_one_evaluation_view(storage: Storage, seed: int) -> None:  # noqa: F811
    items = _store(storage, seed, 40)
    verdicts: set[str] = set()
    alerts = 0
    kinds: set[str] = set()
    for year in (2021, 2023, 2025, 2026):
        for result in plan_results(storage, items, year):
            rows, found, unreported = _one_view(storage, result.plan_id, year)
            assert result.rows == rows, (seed, year, result.plan_id)
            assert result.alerts == found, (seed, year, result.plan_id)
            assert result.unreported == unreported
            verdicts |= {str(r[1]) for r in result.rows}
            alerts += len(result.alerts)
            kinds |= {f.code for f in result.alerts}
            kinds |= {"projection" for f in result.alerts if "按当前趋势预计难以实现" in f.message}
    # the generated plans exercise every verdict and raise warnings of every kind
    assert len(verdicts) == 9, verdicts
    assert alerts > 20
    assert kinds == {"unit-mismatch", "binding-target-at-risk", "behind-schedule", "projection"}
