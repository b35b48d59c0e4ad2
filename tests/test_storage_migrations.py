"""Named migrations: a fresh database, one upgraded step by step from the first migration, and
``metadata.create_all`` of the head schema must all end with the same reflected schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select

from planwatch.model.actual import Actual
from planwatch.model.plan import Indicator, Meta, Plan
from planwatch.storage import (
    MIGRATIONS,
    StorageError,
    applied_migrations,
    get_actuals,
    import_plan,
    list_versions,
    open_storage,
    pending_migrations,
    record_actuals,
    upgrade,
)
from planwatch.storage.schema import metadata, schema_migrations
from tests.storage_fixtures import _reset_pg, backend_url, pg_database_url

__all__ = ["pg_database_url"]  # fixture used by name

ALL = [m.name for m in MIGRATIONS]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database that outlives one open_storage (SQLite: a file)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planwatch.db'}"
    return backend_url(request, request.param)


def _wipe(url: str) -> None:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink()
    else:
        _reset_pg(url)


def reflect(url: str) -> dict[str, Any]:
    """Tables → columns, keys, constraints and indexes, normalized for comparison."""
    store = open_storage(url, migrate=False)
    with store.engine.connect() as conn:
        insp = inspect(conn)
        schema = {table: _table(insp, table) for table in sorted(insp.get_table_names())}
    store.close()
    return schema


def _table(insp: Any, table: str) -> dict[str, Any]:
    return {
        "columns": sorted(
            (c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(table)
        ),
        "pk": sorted(insp.get_pk_constraint(table)["constrained_columns"]),
        "fks": sorted(
            (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"])
            for fk in insp.get_foreign_keys(table)
        ),
        "uniques": sorted(
            (u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(table)
        ),
        "indexes": sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"]))
            for i in insp.get_indexes(table)
        ),
        "checks": sorted(
            (c["name"], " ".join(c["sqltext"].split())) for c in insp.get_check_constraints(table)
        ),
    }


def _plan() -> Plan:
    return Plan(
        meta=Meta(title="某市科技创新规划", region="某市", region_level="city"),
        indicators=[Indicator(name="高新技术企业数", unit="家", baseline=100, target=200)],
    )


def test_migration_names_are_unique_and_ordered() -> None:
    assert len(set(ALL)) == len(ALL) >= 3
    assert sorted(ALL) == ALL
    assert all(name[:4].isdigit() and name[4] == "_" for name in ALL)


def test_fresh_upgrade_equals_head_schema(db_url: str) -> None:
    fresh = open_storage(db_url)
    assert applied_migrations(fresh) == ALL
    assert pending_migrations(fresh) == []
    assert upgrade(fresh) == []  # idempotent
    fresh.close()
    migrated = reflect(db_url)

    head = open_storage(db_url, migrate=False)
    with head.atomic() as conn:
        metadata.drop_all(conn)
        metadata.create_all(conn)
    head.close()
    assert reflect(db_url) == migrated
    assert "target_revisions" in migrated
    assert ("submitted_by", "VARCHAR(100)", True) in migrated["actuals"]["columns"]


def test_upgrade_from_first_migration_keeps_data_and_matches_fresh(db_url: str) -> None:
    old = open_storage(db_url, migrate=False)
    assert upgrade(old, target=ALL[0]) == [ALL[0]]
    assert pending_migrations(old) == ALL[1:]
    with old.engine.connect() as conn:
        cols = {c["name"] for c in inspect(conn).get_columns("actuals")}
        assert "submitted_by" not in cols
        assert "target_revisions" not in inspect(conn).get_table_names()
    old.close()
    step_by_step = open_storage(db_url)  # applies the pending ones
    assert applied_migrations(step_by_step) == ALL
    plan_id, _, _ = import_plan(step_by_step, _plan(), "a.txt", None, "alice")
    record_actuals(step_by_step, plan_id, [Actual(indicator="高新技术企业数", year=2022,
                                                  value=150, unit="家")], "bob")  # fmt: skip
    with step_by_step.atomic() as conn:
        recorded = conn.execute(select(schema_migrations.c.name)).scalars().all()
    step_by_step.close()
    assert sorted(recorded) == ALL
    upgraded = reflect(db_url)

    _wipe(db_url)
    open_storage(db_url).close()
    assert reflect(db_url) == upgraded
    assert len(upgraded) == len(metadata.tables)


def test_data_written_before_later_migrations_survives(db_url: str) -> None:
    old = open_storage(db_url, migrate=False)
    upgrade(old, target=ALL[0])
    old.close()
    store = open_storage(db_url)
    plan_id, _, created = import_plan(store, _plan(), "a.txt", "0" * 64, "alice")
    assert created
    assert [v.version_no for v in list_versions(store, plan_id)] == [1]
    row = Actual(indicator="高新技术企业数", year=2023, value=180)
    record_actuals(store, plan_id, [row], "bob")
    assert [(a.value, a.submitted_by) for a in get_actuals(store, plan_id)] == [(180.0, "bob")]
    store.close()


def test_unknown_target_migration_is_refused() -> None:
    store = open_storage("sqlite://", migrate=False)
    with pytest.raises(StorageError) as err:
        upgrade(store, target="9999_nope")
    assert err.value.code == "unknown-migration"
    assert applied_migrations(store) == []
    store.close()
