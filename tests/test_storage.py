"""Storage: plan versions, regions, actuals (all-or-nothing), target revisions, audit log, atomic.

Every test runs on in-memory SQLite and on the local PostgreSQL (see tests/storage_fixtures.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.settings import Settings
from planwatch.storage import (
    RowsRejected,
    Storage,
    StorageError,
    best_actuals,
    ensure_region,
    get_actuals,
    get_version_plan,
    import_plan,
    latest_plan,
    list_plans,
    list_revisions,
    list_targets,
    list_versions,
    open_storage,
    query_audit,
    record_actuals,
    region_path,
    revise_target,
)
from tests.helpers import GOLD
from tests.storage_fixtures import db_url, pg_database_url, storage

__all__ = ["db_url", "pg_database_url", "storage"]  # fixtures used by name

HTE = "高新技术企业"  # 淄博's indicator-table name for the high-tech enterprise count


def gold(stem: str) -> Plan:
    return Plan.model_validate(json.loads((GOLD / f"{stem}.json").read_text("utf-8")))




def test_reimport_adds_versions_never_overwrites(storage: Storage) -> None:
    plan = gold("zibo-2022-plan")
    first = import_plan(storage, plan, "zibo.txt", "a" * 64, "alice")
    assert first.created
    assert import_plan(storage, plan, "zibo.txt", "a" * 64, "bob") == (
        first.plan_id, first.version_id, False)  # fmt: skip
    changed = plan.model_copy(deep=True)
    changed.indicators[0].target = 3.3
    changed.meta.doc_number = "X〔2022〕1号"
    second = import_plan(storage, changed, "zibo-v2.txt", "b" * 64, "bob")
    assert (second.plan_id, second.created) == (first.plan_id, True)
    assert [(v.version_no, v.source_name, v.imported_by)
            for v in list_versions(storage, first.plan_id)] == [
        (1, "zibo.txt", "alice"), (2, "zibo-v2.txt", "bob")]  # fmt: skip
    assert get_version_plan(storage, first.version_id) == plan
    assert latest_plan(storage, first.plan_id) == changed
    audit = [(e.user, e.field, e.old, e.new) for e in query_audit(storage, entity="plan")]
    name = plan.indicators[0].name
    assert audit == [
        ("alice", "created", None, "淄博市“十四五”科技创新规划"),
        ("alice", "version", None, 1),
        ("bob", "meta.doc_number", plan.meta.doc_number, "X〔2022〕1号"),
        ("bob", f"indicator[{name}].target", plan.indicators[0].target, 3.3),
        ("bob", "version", 1, 2),
    ]


def test_plans_listed_with_region_hierarchy(storage: Storage) -> None:
    zibo = import_plan(storage, gold("zibo-2022-plan"), "zibo.txt", None, "alice")
    zhifu = import_plan(storage, gold("zhifu-2021-plan"), "zhifu.txt", None, "alice")
    summaries = {p.id: p for p in list_plans(storage)}
    assert summaries[zibo.plan_id].period_start == 2021
    assert summaries[zhifu.plan_id].latest_version == 1
    region_id = summaries[zhifu.plan_id].region_id
    assert region_id is not None
    path = [(r.name, r.level) for r in region_path(storage, region_id)]
    assert path[-2:] == [("烟台市", "city"), ("芝罘区", "district")]


def test_ensure_region_is_idempotent_and_checks_levels(storage: Storage) -> None:
    shandong = ensure_region(storage, "山东省", "province", code="370000")
    yantai = ensure_region(storage, "烟台市", "city", shandong, code="370600")
    assert ensure_region(storage, "烟台市", "city", shandong) == yantai
    zhifu = ensure_region(storage, "芝罘区", "district", yantai)
    assert [r.code for r in region_path(storage, zhifu)] == ["370000", "370600", None]
    with pytest.raises(StorageError) as err:
        ensure_region(storage, "某省", "province", zhifu)
    assert err.value.code == "bad-region-hierarchy"
    with pytest.raises(StorageError):
        ensure_region(storage, "某地", "village")


def test_record_actuals_insert_update_and_audit(storage: Storage) -> None:
    plan_id = import_plan(storage, gold("zibo-2022-plan"), "zibo.txt", None, "alice").plan_id
    rows = [
        Actual(indicator=HTE, year=2022, value=1100, unit="家", status="provisional"),
        Actual(indicator="年登记技术合同成交额", year=2022, value=1_500_000, unit="万元"),
        # a catalogue synonym resolves to the plan's own indicator name
        Actual(indicator="全社会研发经费投入强度", year=2022, value=2.9, unit="%"),
    ]
    assert record_actuals(storage, plan_id, rows, "bob", "统计公报") == (3, 0, 0)
    assert record_actuals(storage, plan_id, rows, "bob", "统计公报") == (0, 0, 3)
    final = Actual(indicator=HTE, year=2022, value=1150, unit="家", status="final",
                   reported_on=date(2023, 3, 1))  # fmt: skip
    revised = Actual(indicator=HTE, year=2022, value=1120, unit="家", status="provisional")
    assert record_actuals(storage, plan_id, [final, revised], "carol") == (1, 1, 0)
    got = [(a.indicator, a.year, a.value, a.unit, a.status, a.submitted_by)
           for a in get_actuals(storage, plan_id)]  # fmt: skip
    assert got == [
        ("R&D经费支出占GDP的比重", 2022, 2.9, "%", "final", "bob"),
        ("年登记技术合同成交额", 2022, 150.0, "亿元", "final", "bob"),
        (HTE, 2022, 1150.0, "家", "final", "carol"),
        (HTE, 2022, 1120.0, "家", "provisional", "carol"),
    ]
    best = {(a.indicator, a.value) for a in best_actuals(storage, plan_id)}
    assert best == {("R&D经费支出占GDP的比重", 2.9), ("年登记技术合同成交额", 150.0), (HTE, 1150.0)}
    updates = [(e.user, e.field, e.old, e.new) for e in query_audit(storage, entity="actual")
               if e.old is not None]  # fmt: skip
    assert updates == [("carol", "value", 1100.0, 1120.0), ("carol", "source", "统计公报", None)]
    assert len(query_audit(storage, entity="actual")) == 6


def test_record_actuals_is_all_or_nothing(storage: Storage) -> None:
    plan_id = import_plan(storage, gold("zibo-2022-plan"), "zibo.txt", None, "alice").plan_id
    rows = [
        Actual(indicator=HTE, year=2022, value=1100, unit="家"),
        Actual(indicator="粮食产量", year=2022, value=5),
        Actual(indicator="年登记技术合同成交额", year=2022, value=1, unit="%"),
        Actual(indicator="R&D经费支出占GDP的比重", year=2022, value=120, unit="%"),
        Actual(indicator=HTE, year=1900, value=1),
        Actual(indicator=HTE, year=2022, value=1200, unit="家"),
    ]
    with pytest.raises(RowsRejected) as err:
        record_actuals(storage, plan_id, rows, "bob")
    assert [(p.line, p.code) for p in err.value.problems] == [
        (2, "unknown-indicator"), (3, "unit-mismatch"), (4, "out-of-range"),
        (5, "bad-year"), (6, "duplicate-row")]  # fmt: skip
    assert get_actuals(storage, plan_id) == []
    assert query_audit(storage, entity="actual") == []
    with pytest.raises(StorageError) as missing:
        record_actuals(storage, 999, rows[:1], "bob")
    assert missing.value.code == "unknown-plan"


def test_revise_target_keeps_original(storage: Storage) -> None:
    plan = gold("zibo-2022-plan")
    result = import_plan(storage, plan, "zibo.txt", None, "alice")
    table_targets = [t for t in list_targets(storage, result.version_id) if t.origin == "indicator"]
    hte = next(t for t in table_targets if t.subject == HTE)
    assert hte.catalog_code == "high_tech_enterprises"
    with pytest.raises(StorageError):
        revise_target(storage, hte.id, 1500, user="dave", reason="  ")
    rev = revise_target(storage, hte.id, 1500, user="dave", reason="中期评估调整",
                        new_year=2025, document="淄政办字〔2024〕1号")  # fmt: skip
    assert (rev.old_value, rev.new_value, rev.revised_by) == (hte.value, 1500.0, "dave")
    after = next(t for t in list_targets(storage, result.version_id) if t.id == hte.id)
    assert (after.value, after.original_value) == (1500.0, hte.original_value)
    assert list_revisions(storage, plan_id=result.plan_id) == [rev]
    current = latest_plan(storage, result.plan_id)
    assert current is not None
    assert next(i for i in current.indicators if i.name == HTE).target == 1500.0
    assert latest_plan(storage, result.plan_id, apply_revisions=False) == plan
    audit = [(e.field, e.old, e.new, e.source) for e in query_audit(storage, entity="target")]
    assert audit == [("value", hte.value, 1500.0, "淄政办字〔2024〕1号")]


def test_atomic_rolls_back_everything(storage: Storage) -> None:
    plan = gold("qingzhou-2021-plan")
    with pytest.raises(RuntimeError), storage.atomic():
        import_plan(storage, plan, "q.txt", None, "alice")
        assert len(list_plans(storage)) == 1  # visible inside the transaction
        raise RuntimeError("boom")
    assert list_plans(storage) == []
    assert query_audit(storage) == []
    plan_id = import_plan(storage, plan, "q.txt", None, "alice").plan_id
    bad = [Actual(indicator="高新技术企业数", year=2021, value=1),
           Actual(indicator="?", year=1, value=1)]  # fmt: skip
    with pytest.raises(RowsRejected), storage.atomic():
        import_plan(storage, gold("weihai-2022-plan"), "w.txt", None, "alice")
        record_actuals(storage, plan_id, bad, "bob")
    assert [p.id for p in list_plans(storage)] == [plan_id]


def test_sqlite_file_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = open_storage(f"sqlite:///{tmp_path / 'pw.db'}")
    with store.atomic() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with pytest.raises(IntegrityError), store.atomic() as conn:
        conn.execute(text("INSERT INTO plans (region_id, title, created_at, created_by) "
                          "VALUES (42, 't', '2024-01-01', 'x')"))  # fmt: skip
    store.close()


def test_settings_default_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANWATCH_DATABASE_URL", raising=False)
    assert Settings().database_url == "sqlite:///planwatch.db"
    monkeypatch.setenv("PLANWATCH_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert Settings().database_url == "postgresql+psycopg://u@h/db"


def test_storage_imports_no_web_or_cli() -> None:
    code = (
        "import sys, planwatch.storage, planwatch.catalog, planwatch.settings; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('fastapi', 'click', 'starlette', 'jinja2') or m in ('planwatch.cli', 'planwatch.web')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
