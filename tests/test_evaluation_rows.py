"""The rows the evaluation judges, stored per plan version (``evaluation_rows``), are what the
version's document gives (``evaluate.rows.evaluation_rows`` with its current targets), and the
kept latest values (``actuals_latest``) what every stored value gives: for every sample plan,
after every kind of write (a new plan, a new version, an identical re-import, a revised table or
prose target, values recorded and corrected), and after migration 0010 fills an old database.
After each write the dashboard equals one computed on rows and latest values derived again from
scratch, and the batch equals the one evaluation view — SQLite and PostgreSQL."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from planwatch.evaluate.rows import EvaluationRow, evaluation_rows
from planwatch.model.actual import Actual
from planwatch.model.plan import Baseline, Indicator, Meta, Plan, Target
from planwatch.storage import (
    MIGRATIONS,
    Storage,
    import_plan,
    open_storage,
    record_actuals,
    upgrade,
)
from planwatch.storage.actuals import rebuild_latest
from planwatch.storage.plan_details import refresh_evaluation_rows
from planwatch.storage.plans import canonical_json, get_version_plan, latest_plan, list_plans
from planwatch.storage.region_reads import version_rows
from planwatch.storage.revisions import revise_latest_target
from planwatch.storage.schema import (
    actuals,
    actuals_latest,
    plan_versions,
    plans,
    regions,
    targets,
)
from planwatch.storage.types import as_author, utcnow
from planwatch.workflow.demo import sample_plans
from planwatch.workflow.overview import plan_evaluation
from planwatch.workflow.principal import SYSTEM
from planwatch.workflow.region_dashboard import dashboard_json, plan_results, region_dashboard
from planwatch.workflow.views import PlanItem
from tests.storage_fixtures import backend_url, db_url, pg_database_url, storage  # noqa: F401

YEAR = 2023


def _plan(region: str, level: str, parent: str | None, shift: float = 0.0) -> Plan:
    """Every kind of row: a printed target, 〔累计〕, B·(1+r)^n, a growth-rate target of −0.0
    (its sign kept), no comparator; prose targets: one evaluable, one restating a table row
    (dropped), one that is not a level (dropped)."""
    rows = [
        Indicator(name="研发经费投入强度", unit="%", baseline_year=2020, baseline=2.1 + shift,
                  target_year=2025, target=2.8, attribute="约束性", line=3),
        Indicator(name="高新技术企业数", unit="家", baseline_year=2020, baseline=120,
                  target_year=2025, cumulative_change=80.0, line=4),
        Indicator(name="技术合同成交额", unit="亿元", baseline_year=2020, baseline=50,
                  target_year=2025, annual_growth_pct=12.0, line=5),
        Indicator(name="科技型中小企业数增速", unit="%", target_year=2025, target=-0.0,
                  annual_growth_pct=-0.0, target_comparator=None, line=6),
    ]
    prose = [
        Target(subject="省级重点实验室数", value=30, unit="家", year=2025, comparator=">=",
               baseline=Baseline(year=2020, value=18), quote="……", line=40),
        Target(subject="研发经费投入强度", value=2.8, unit="%", year=2025,
               baseline=Baseline(year=2020, value=2.1), quote="……", line=41),
        Target(subject="孵化器面积", value=10, unit="万平方米", kind="increment", quote="……",
               line=42),
    ]
    return Plan(doc=f"{region}.json", meta=Meta(
        title=f"{region}科技创新规划（测试）", region=region, region_level=level,
        parent_region=parent, doc_type="plan", period_start=2021, period_end=2025),
        indicators=rows, targets=prose)


def _from_documents(store: Storage) -> dict[int, list[EvaluationRow]]:
    """Every version's rows derived again: its document with the targets it holds now."""
    with store.reading() as conn:
        ids = [int(i) for i in conn.execute(select(plan_versions.c.id)).scalars()]
    out = {}
    for vid in ids:
        plan = get_version_plan(store, vid, apply_revisions=True)
        assert plan is not None
        out[vid] = evaluation_rows(plan)
    return out


def _stored(store: Storage) -> dict[int, list[EvaluationRow]]:
    with store.reading() as conn:
        ids = [int(i) for i in conn.execute(select(plan_versions.c.id)).scalars()]
    return version_rows(store, ids)


def test_stored_rows_are_the_documents_rows_for_every_sample_plan(
        storage: Storage) -> None:  # noqa: F811
    samples = [*sample_plans(), ("made.json", _plan("某市", "city", None))]
    for name, plan in samples:
        import_plan(storage, plan, name, None, "test")
    stored = _stored(storage)
    assert stored == _from_documents(storage)
    # the samples' 36 table rows and their two evaluable prose targets, and the made plan's
    assert sum(len(p.indicators) for _, p in samples) == 40
    assert sum(len(rows) for rows in stored.values()) == 40 + 2 + 1
    made = next(p.id for p in list_plans(storage) if p.title.startswith("某市"))
    plan = latest_plan(storage, made)
    assert plan is not None
    rows = stored[max(stored)]
    assert [r.name for r in rows] == [*(i.name for i in plan.indicators), "省级重点实验室数"]
    rate = rows[3]
    assert rate.target is not None and math.copysign(1.0, rate.target) == -1.0  # −0.0 kept


def _one_view(store: Storage, plan_id: int, year: int) -> tuple[object, ...]:
    plan = latest_plan(store, plan_id)
    assert plan is not None
    report = plan_evaluation(store, plan_id, plan, year)
    return ([(r.name, r.verdict_code, r.actual, r.actual_year, r.target)
             for r in report.indicators], report.alerts,
            [r.name for r in report.indicators if r.target is not None
             and r.actual_year != year])


def _kept(store: Storage) -> dict[tuple[int, str], tuple[object, ...]]:
    with store.reading() as conn:
        return {(r.plan_id, r.indicator): (r.year, r.value, r.unit, r.status)
                for r in conn.execute(select(actuals_latest))}


def _latest_from_scratch(store: Storage) -> dict[tuple[int, str], tuple[object, ...]]:
    """Per plan and name, from every stored value: the latest year, the final before the
    provisional."""
    out: dict[tuple[int, str], tuple[object, ...]] = {}
    with store.reading() as conn:
        for r in conn.execute(select(actuals)):
            held = out.get((r.plan_id, r.indicator))
            if held is None or (r.year, r.status == "final") > (held[0], held[3] == "final"):
                out[(r.plan_id, r.indicator)] = (r.year, r.value, r.unit, r.status)
    return out


def _check(store: Storage, step: str) -> None:
    """Stored rows = rows derived from the documents, kept latest values = those of every
    value; the batch = the one evaluation view; the national dashboard = the one on rows and
    latest values derived again from scratch — this year and an earlier one (values of a later
    year read again)."""
    assert _stored(store) == _from_documents(store), step
    assert _kept(store) == _latest_from_scratch(store), step
    items = [PlanItem(id=p.id, title=p.title, region=None, region_id=p.region_id,
                      doc_type=p.doc_type, period_start=p.period_start,
                      period_end=p.period_end, latest_version=p.latest_version,
                      is_public=False) for p in list_plans(store)]
    for year in (YEAR, YEAR - 1):
        for result in plan_results(store, items, year):
            rows, alerts, unreported = _one_view(store, result.plan_id, year)
            assert (result.rows, result.alerts, result.unreported) == (
                rows, alerts, unreported), (step, year)
    shown = [dashboard_json(region_dashboard(store, SYSTEM, None, y)) for y in (YEAR, YEAR - 1)]
    with store.atomic() as conn:
        for vid in _stored(store):
            refresh_evaluation_rows(conn, vid)
        rebuild_latest(conn)
    assert [dashboard_json(region_dashboard(store, SYSTEM, None, y))
            for y in (YEAR, YEAR - 1)] == shown, step


def _values(store: Storage, plan_id: int, value: float, status: str = "final") -> None:
    record_actuals(store, plan_id, [
        Actual(indicator="研发经费投入强度", year=YEAR, value=value, unit="%", status=status),
        Actual(indicator="研发经费投入强度", year=YEAR - 1, value=value - 0.1, unit="%",
               status=status),
        Actual(indicator="省级重点实验室数", year=YEAR - 1, value=value * 10, unit="家",
               status=status),
        Actual(indicator="高新技术企业数", year=YEAR, value=value * 70, unit="家",
               status=status)], "test")


def test_rows_and_dashboard_follow_every_write(storage: Storage) -> None:  # noqa: F811
    by = as_author("test")
    ids: dict[str, int] = {}

    def store_plan(key: str, plan: Plan) -> None:
        ids[key] = import_plan(storage, plan, f"{key}.json", None, "test").plan_id

    def revise(origin: str, position: int, value: float, year: int | None) -> None:
        done = revise_latest_target(storage, ids["province"], origin=origin, position=position,
                                    new_value=value, new_year=year, reason="动态调整（测试）",
                                    document="测试文件", by=by)
        assert done is not None

    steps: list[tuple[str, Callable[[], None]]] = [
        ("plans", lambda: (store_plan("province", _plan("甲省", "province", None)),
                           store_plan("city", _plan("甲省乙市", "city", "甲省")))),
        ("values", lambda: (_values(storage, ids["province"], 2.3),
                            _values(storage, ids["city"], 2.6, "provisional"))),
        ("new version", lambda: store_plan("province", _plan("甲省", "province", None, 0.2))),
        ("identical", lambda: store_plan("province", _plan("甲省", "province", None, 0.2))),
        ("table target", lambda: revise("indicator", 0, 3.4, 2024)),
        ("prose target", lambda: revise("prose", 0, 45.0, None)),
        ("corrected values", lambda: (_values(storage, ids["province"], 2.0),
                                      _values(storage, ids["city"], 2.9))),
    ]
    for step, write in steps:
        write()
        _check(storage, step)
    stored = _stored(storage)
    latest = stored[max(stored)]
    assert (latest[0].target, latest[0].target_year) == (3.4, 2024)
    assert latest[-1].name == "省级重点实验室数" and latest[-1].target == 45.0
    assert len(stored) == 3  # the identical re-import stored no version


def test_concurrent_writers_of_one_name_keep_its_latest_value(
        storage: Storage) -> None:  # noqa: F811
    """Two transactions write different years of one indicator (PostgreSQL): the second waits
    for the first (the name's lock), so the kept latest value is the latest of both."""
    if storage.dialect != "postgresql":
        pytest.skip("SQLite writers already hold the database write lock")
    plan_id = import_plan(storage, _plan("甲省", "province", None), "p.json", None, "t").plan_id

    def value(year: int) -> list[Actual]:
        return [Actual(indicator="研发经费投入强度", year=year, value=2.0, unit="%")]

    other = threading.Thread(target=record_actuals, args=(storage, plan_id, value(2022), "b"))
    with storage.atomic():
        record_actuals(storage, plan_id, value(2023), "a")
        other.start()
        other.join(timeout=1.0)
        assert other.is_alive()  # waiting for the name's lock
    other.join(timeout=10.0)
    assert not other.is_alive()
    assert _kept(storage) == _latest_from_scratch(storage) == {
        (plan_id, "研发经费投入强度"): (2023, 2.0, "%", "final")}


BEFORE = "0009_user_display_names"


@pytest.fixture(params=["sqlite", "postgresql"])
def file_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planwatch.db'}"
    return backend_url(request, request.param)


def test_upgrade_fills_the_rows_of_an_old_database(file_url: str) -> None:
    names = [m.name for m in MIGRATIONS]
    assert names[names.index(BEFORE) + 1] == "0010_evaluation_rows_latest_actual_index"
    old = open_storage(file_url, migrate=False)
    upgrade(old, target=BEFORE)
    now = utcnow()
    documents = [("甲省", _plan("甲省", "province", None)), ("乙市", _plan("乙市", "city", None)),
                 ("丙市", Plan(meta=Meta(title="丙市规划")))]
    with old.atomic() as conn:
        for n, (region, plan) in enumerate(documents, start=1):
            conn.execute(regions.insert().values(id=n, name=region, level="city"))
            conn.execute(plans.insert().values(id=n, region_id=n, title=f"{region}规划",
                                               created_at=now, created_by="t"))
            conn.execute(plan_versions.insert().values(
                id=n, plan_id=n, version_no=1, plan_json=canonical_json(plan),
                content_sha256="0" * 64, imported_at=now, imported_by="t"))
        # 甲省's first table target and its prose target revised before the upgrade
        for pos, (origin, value, year, original) in enumerate(
                [("indicator", 3.1, 2024, 2.8), ("prose", 40.0, 2025, 30.0)]):
            conn.execute(targets.insert().values(
                version_id=1, origin=origin, position=0, subject=f"t{pos}", value=value,
                year=year, original_value=original, original_year=2025))
        conn.execute(actuals.insert().values(plan_id=1, indicator="研发经费投入强度", year=2022,
                                             value=2.5, status="final", recorded_at=now))
    old.close()
    store = open_storage(file_url)  # applies 0010
    try:
        stored = _stored(store)
        assert stored == _from_documents(store)
        assert set(stored) == {1, 2, 3} and stored[3] == []
        assert (stored[1][0].target, stored[1][0].target_year) == (3.1, 2024)
        assert stored[1][-1].name == "省级重点实验室数" and stored[1][-1].target == 40.0
        assert stored[2][0].target == 2.8
        assert _kept(store) == {(1, "研发经费投入强度"): (2022, 2.5, None, "final")}
        with store.engine.connect() as conn:
            found = {i["name"] for i in inspect(conn).get_indexes("actuals")}
        assert ("ix_actuals_latest" in found) == (store.dialect == "postgresql")
    finally:
        store.close()
