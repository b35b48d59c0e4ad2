"""Named, ordered schema migrations (数据库迁移).

Each migration is a function of a Connection, applied once, in order, inside its own
transaction, and recorded in ``schema_migrations``. Migrations define their own frozen tables —
never import the head tables from :mod:`planwatch.storage.schema`, which keep changing.
Add a migration by appending to :data:`MIGRATIONS`; never edit or rename an applied one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    select,
)

from planwatch.storage.engine import Storage
from planwatch.storage.errors import StorageError
from planwatch.storage.migration_0004 import apply_0004
from planwatch.storage.migration_0005 import apply_0005
from planwatch.storage.migration_0006 import apply_0006
from planwatch.storage.migration_0008 import apply_0008
from planwatch.storage.migration_0010 import apply_0010
from planwatch.storage.schema import NAMING_CONVENTION, schema_migrations
from planwatch.storage.types import UTCDateTime, utcnow

_PG_LOCK_KEY = 7_235_001  # advisory lock so two processes never migrate at once


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _m0001_initial(conn: Connection) -> None:
    md = MetaData(naming_convention=NAMING_CONVENTION)
    Table(
        "regions", md,
        Column("id", Integer, primary_key=True),
        Column("code", String(12), nullable=True, unique=True),
        Column("name", String(100), nullable=False),
        Column("level", String(16), nullable=False),
        Column("parent_id", Integer, ForeignKey("regions.id"), nullable=True),
        CheckConstraint("level IN ('province', 'city', 'county', 'district')", name="level"),
    )  # fmt: skip
    Table(
        "plans", md,
        Column("id", Integer, primary_key=True),
        Column("region_id", Integer, ForeignKey("regions.id"), nullable=True),
        Column("title", String(300), nullable=False),
        Column("doc_type", String(40), nullable=True),
        Column("period_start", Integer, nullable=True),
        Column("period_end", Integer, nullable=True),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("created_by", String(100), nullable=False),
        UniqueConstraint("region_id", "title"),
    )  # fmt: skip
    Table(
        "plan_versions", md,
        Column("id", Integer, primary_key=True),
        Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
        Column("version_no", Integer, nullable=False),
        Column("plan_json", Text, nullable=False),
        Column("content_sha256", String(64), nullable=False),
        Column("source_name", String(500), nullable=True),
        Column("source_sha256", String(64), nullable=True),
        Column("imported_at", UTCDateTime(), nullable=False),
        Column("imported_by", String(100), nullable=False),
        UniqueConstraint("plan_id", "version_no"),
    )  # fmt: skip
    _m0001_detail_tables(md)
    md.create_all(conn)


def _m0001_detail_tables(md: MetaData) -> None:
    Table(
        "indicators", md,
        Column("id", Integer, primary_key=True),
        Column("version_id", Integer, ForeignKey("plan_versions.id"), nullable=False),
        Column("position", Integer, nullable=False),
        Column("role", String(16), nullable=False),
        Column("name", String(300), nullable=False),
        Column("unit", String(50), nullable=True),
        Column("catalog_code", String(80), nullable=True, index=True),
        Column("baseline_year", Integer, nullable=True),
        Column("baseline", Float, nullable=True),
        Column("target_year", Integer, nullable=True),
        Column("target", Float, nullable=True),
        Column("target_comparator", String(4), nullable=True),
        Column("annual_growth_pct", Float, nullable=True),
        Column("attribute", String(10), nullable=True),
        Column("actual_year", Integer, nullable=True),
        Column("actual", Float, nullable=True),
        CheckConstraint("role IN ('indicator', 'prior_result')", name="role"),
    )  # fmt: skip
    Table(
        "targets", md,
        Column("id", Integer, primary_key=True),
        Column("version_id", Integer, ForeignKey("plan_versions.id"), nullable=False),
        Column("indicator_id", Integer, ForeignKey("indicators.id"), nullable=True),
        Column("origin", String(16), nullable=False),
        Column("position", Integer, nullable=False),
        Column("subject", String(300), nullable=False),
        Column("catalog_code", String(80), nullable=True),
        Column("unit", String(50), nullable=True),
        Column("comparator", String(4), nullable=True),
        Column("kind", String(20), nullable=True),
        Column("period", String(20), nullable=True),
        Column("year", Integer, nullable=True),
        Column("value", Float, nullable=False),
        Column("value_max", Float, nullable=True),
        Column("original_year", Integer, nullable=True),
        Column("original_value", Float, nullable=False),
        Column("quote", Text, nullable=True),
        CheckConstraint("origin IN ('indicator', 'prose')", name="origin"),
    )  # fmt: skip
    _m0001_log_tables(md)


def _m0001_log_tables(md: MetaData) -> None:
    Table(
        "actuals", md,
        Column("id", Integer, primary_key=True),
        Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
        Column("indicator", String(300), nullable=False),
        Column("catalog_code", String(80), nullable=True),
        Column("year", Integer, nullable=False),
        Column("value", Float, nullable=False),
        Column("unit", String(50), nullable=True),
        Column("status", String(12), nullable=False),
        Column("source", String(500), nullable=True),
        Column("reported_on", Date, nullable=True),
        Column("recorded_at", UTCDateTime(), nullable=False),
        UniqueConstraint("plan_id", "indicator", "year", "status"),
        CheckConstraint("status IN ('provisional', 'final')", name="status"),
    )  # fmt: skip
    Table(
        "audit_log", md,
        Column("id", Integer, primary_key=True),
        Column("at", UTCDateTime(), nullable=False),
        Column("user_name", String(100), nullable=False),
        Column("entity", String(40), nullable=False),
        Column("entity_id", Integer, nullable=True),
        Column("field", String(80), nullable=True),
        Column("old_value", Text, nullable=True),
        Column("new_value", Text, nullable=True),
        Column("source", String(500), nullable=True),
    )  # fmt: skip


def _m0002_target_revisions(conn: Connection) -> None:
    md = MetaData(naming_convention=NAMING_CONVENTION)
    Table("targets", md, Column("id", Integer, primary_key=True))
    Table(
        "target_revisions", md,
        Column("id", Integer, primary_key=True),
        Column("target_id", Integer, ForeignKey("targets.id"), nullable=False),
        Column("old_year", Integer, nullable=True),
        Column("new_year", Integer, nullable=True),
        Column("old_value", Float, nullable=False),
        Column("new_value", Float, nullable=False),
        Column("reason", Text, nullable=False),
        Column("document", String(300), nullable=True),
        Column("revised_by", String(100), nullable=False),
        Column("revised_at", UTCDateTime(), nullable=False),
    )  # fmt: skip
    md.tables["target_revisions"].create(conn)


def _m0003_submitted_by_and_audit_index(conn: Connection) -> None:
    column_type = String(100).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE actuals ADD COLUMN submitted_by {column_type}")
    md = MetaData()
    audit = Table("audit_log", md, Column("entity", String(40)), Column("entity_id", Integer))
    Index("ix_audit_log_entity_entity_id", audit.c.entity, audit.c.entity_id).create(conn)


def _m0007_plan_archive(conn: Connection) -> None:
    """Archived plans: who, when and why (a plan is never deleted)."""
    md = MetaData(naming_convention=NAMING_CONVENTION)
    Table("plans", md, Column("id", Integer, primary_key=True))
    Table(
        "plan_archive", md,
        Column("plan_id", Integer, ForeignKey("plans.id"), primary_key=True),
        Column("archived_by", String(100), nullable=False),
        Column("archived_at", UTCDateTime(), nullable=False),
        Column("reason", Text, nullable=False),
    )  # fmt: skip
    md.tables["plan_archive"].create(conn)


def _m0009_user_display_names(conn: Connection) -> None:
    """An account's display name (姓名), shown beside its username; none for existing ones."""
    column_type = String(100).compile(dialect=conn.dialect)
    conn.exec_driver_sql(f"ALTER TABLE users ADD COLUMN display_name {column_type}")


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _m0001_initial),
    Migration("0002_target_revisions", _m0002_target_revisions),
    Migration("0003_actuals_submitted_by_audit_index", _m0003_submitted_by_and_audit_index),
    Migration("0004_users_submissions_tasks", apply_0004),
    Migration("0005_locked_values_confirmed_uploads_token_expiry", apply_0005),
    Migration("0006_departments_of_regions", apply_0006),
    Migration("0007_plan_archive", _m0007_plan_archive),
    Migration("0008_ids_of_authors_and_progress_departments", apply_0008),
    Migration("0009_user_display_names", _m0009_user_display_names),
    Migration("0010_evaluation_rows_latest_actual_index", apply_0010),
)


def applied_migrations(storage: Storage) -> list[str]:
    """Names of the migrations already applied, in order."""
    with storage.reading() as conn:
        schema_migrations.create(conn, checkfirst=True)
        rows = conn.execute(select(schema_migrations.c.name)).scalars().all()
    order = {m.name: i for i, m in enumerate(MIGRATIONS)}
    return sorted(rows, key=lambda name: order.get(name, len(order)))


def pending_migrations(storage: Storage) -> list[str]:
    """Names of migrations not yet applied."""
    done = set(applied_migrations(storage))
    return [m.name for m in MIGRATIONS if m.name not in done]


def upgrade(storage: Storage, target: str | None = None) -> list[str]:
    """Apply pending migrations in order (up to and including ``target``); return their names."""
    names = [m.name for m in MIGRATIONS]
    if target is not None and target not in names:
        raise StorageError(
            "unknown-migration", f"未知的迁移：{target}", f"unknown migration {target}"
        )
    stop = names.index(target) + 1 if target is not None else len(names)
    done: list[str] = []
    for migration in MIGRATIONS[:stop]:
        with storage.atomic() as conn:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
            schema_migrations.create(conn, checkfirst=True)
            already = conn.execute(
                select(schema_migrations.c.name).where(schema_migrations.c.name == migration.name)
            ).first()
            if already is not None:
                continue
            migration.apply(conn)
            conn.execute(
                schema_migrations.insert().values(name=migration.name, applied_at=utcnow())
            )
            done.append(migration.name)
    return done
