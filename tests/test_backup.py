"""Backup, restore and plan export: round trips on SQLite (file) and the local PostgreSQL."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from planwatch.cli import main
from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.storage import Storage, StorageError, import_plan, open_storage, record_actuals
from planwatch.storage.backup import backup, restore
from planwatch.storage.plan_export import export_plan
from tests.helpers import GOLD
from tests.storage_fixtures import PG_ADMIN_URL, _pg_unavailable

HTE = "高新技术企业"


def _gold(stem: str) -> Plan:
    return Plan.model_validate(json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8")))


def _fill(store: Storage) -> int:
    plan_id = import_plan(store, _gold("zibo-2022-plan"), "zibo.txt", None, "alice").plan_id
    import_plan(store, _gold("weihai-2022-plan"), "weihai.txt", None, "alice")
    record_actuals(store, plan_id, [Actual(indicator=HTE, year=2022, value=1100, unit="家")],
                   "bob", "统计公报")
    return plan_id


def _snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables a backup must carry, in a stable order."""
    engine = create_engine(url)
    out: dict[str, list[tuple[object, ...]]] = {}
    try:
        with engine.connect() as conn:
            for table in ("plans", "plan_versions", "actuals", "audit_log", "schema_migrations"):
                rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
                out[table] = [tuple(str(v) for v in row) for row in rows]
    finally:
        engine.dispose()
    return out


def test_sqlite_backup_restore_round_trip(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    store = open_storage(url)
    _fill(store)
    before = _snapshot(url)
    info = backup(url, tmp_path / "snap.db")
    assert info.plans == 2 and info.size > 0
    record_actuals(store, 1, [Actual(indicator=HTE, year=2023, value=1400, unit="家")], "bob")
    store.close()
    assert _snapshot(url) != before
    with pytest.raises(StorageError) as refused:
        restore(url, tmp_path / "snap.db")
    assert refused.value.code == "target-not-empty"
    restore(url, tmp_path / "snap.db", force=True)
    assert _snapshot(url) == before
    fresh = f"sqlite:///{tmp_path / 'new.db'}"
    restore(fresh, tmp_path / "snap.db")
    assert _snapshot(fresh) == before


def test_backup_while_a_writer_holds_a_transaction(tmp_path: Path) -> None:
    """The snapshot is consistent: an open, uncommitted write is not in it."""
    url = f"sqlite:///{tmp_path / 'live.db'}"
    store = open_storage(url)
    _fill(store)
    with store.atomic() as conn:
        conn.execute(text("DELETE FROM actuals"))
        info = backup(url, tmp_path / "snap.db")
    store.close()
    restored = f"sqlite:///{tmp_path / 'r.db'}"
    restore(restored, info.path)
    assert len(_snapshot(restored)["actuals"]) == 1


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    open_storage(url).close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PGDMP not sqlite")
    with pytest.raises(StorageError) as wrong:
        restore(url, junk)
    assert wrong.value.code == "wrong-backup-kind"
    other = tmp_path / "other.db"
    other_store = create_engine(f"sqlite:///{other}")
    with other_store.begin() as conn:
        conn.execute(text("CREATE TABLE t (x int)"))
    other_store.dispose()
    with pytest.raises(StorageError) as foreign:
        restore(url, other)
    assert foreign.value.code == "not-planwatch"
    with pytest.raises(StorageError) as memory:
        backup("sqlite://", tmp_path / "m.db")
    assert memory.value.code == "memory-database"
    assert not (tmp_path / "m.db").exists()


def test_failed_backup_leaves_no_partial_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        backup(f"sqlite:///{tmp_path / 'missing.db'}", tmp_path / "out.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.fixture()
def two_pg_databases() -> Iterator[tuple[str, str]]:
    names = [f"test_bk_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # server not reachable
        admin.dispose()
        _pg_unavailable(str(exc).splitlines()[0])
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_postgresql_backup_restore_round_trip(
    tmp_path: Path, two_pg_databases: tuple[str, str]
) -> None:
    live, other = two_pg_databases
    store = open_storage(live)
    _fill(store)
    store.close()
    before = _snapshot(live)
    info = backup(live, tmp_path / "snap.pgdump")
    assert info.path.read_bytes()[:5] == b"PGDMP"
    restore(other, info.path)
    assert _snapshot(other) == before
    with pytest.raises(StorageError) as refused:
        restore(other, info.path)
    assert refused.value.code == "target-not-empty"
    restore(other, info.path, force=True)
    assert _snapshot(other) == before
    with pytest.raises(StorageError) as wrong:
        restore(other, tmp_path / "nothing.db")
    assert wrong.value.code == "no-backup"


def test_export_holds_plan_actuals_and_history() -> None:
    store = open_storage("sqlite://")
    plan_id = _fill(store)
    data = export_plan(store, plan_id)
    assert data["format"] == "planwatch-plan-export/1"
    assert data["plan"]["meta"]["region"] == "淄博市"
    assert [(a["indicator"], a["year"], a["value"]) for a in data["actuals"]] == [
        (HTE, 2022, 1100.0)
    ]
    assert len(data["versions"]) == 1 and data["versions"][0]["plan"]["meta"]["region"] == "淄博市"
    assert {(e["entity"], e["field"]) for e in data["history"]} >= {
        ("plan", "created"), ("actual", "value")
    }
    json.dumps(data)  # plain JSON, nothing left to serialise
    with pytest.raises(StorageError):
        export_plan(store, 999)


def test_cli_backup_restore_export(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    store = open_storage(f"sqlite:///{db}")
    _fill(store)
    store.close()
    runner = CliRunner()
    res = runner.invoke(main, ["--db", f"sqlite:///{db}", "backup", str(tmp_path / "b.db")])
    assert res.exit_code == 0 and "2 个规划" in res.output, res.output
    res = runner.invoke(main, ["--db", f"sqlite:///{db}", "export", "淄博", "-o",
                               str(tmp_path / "e.json")])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["plan_id"] == 1
    res = runner.invoke(main, ["--db", f"sqlite:///{db}", "restore", str(tmp_path / "b.db")])
    assert res.exit_code == 1 and "--force" in res.output
    res = runner.invoke(main, ["--db", f"sqlite:///{tmp_path / 'n.db'}", "restore",
                               str(tmp_path / "b.db")])
    assert res.exit_code == 0, res.output
