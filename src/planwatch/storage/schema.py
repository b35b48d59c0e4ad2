"""Database tables (head schema). Models live in planwatch.model; these are only the tables.

The migrations in :mod:`planwatch.storage.migrations` must produce exactly this schema; a test
compares the reflected schema of ``metadata.create_all`` with that of a migrated database.
"""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from planwatch.storage.metadata import NAMING_CONVENTION as NAMING_CONVENTION, metadata
from planwatch.storage.types import UTCDateTime

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", UTCDateTime(), nullable=False),
)

regions = Table(
    "regions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(12), nullable=True, unique=True),
    Column("name", String(100), nullable=False),
    Column("level", String(16), nullable=False),
    Column("parent_id", Integer, ForeignKey("regions.id"), nullable=True),
    CheckConstraint("level IN ('province', 'city', 'county', 'district')", name="level"),
)

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("region_id", Integer, ForeignKey("regions.id"), nullable=True),
    Column("title", String(300), nullable=False),
    Column("doc_type", String(40), nullable=True),
    Column("period_start", Integer, nullable=True),
    Column("period_end", Integer, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("created_by", String(100), nullable=False),
    UniqueConstraint("region_id", "title"),
)

plan_versions = Table(
    "plan_versions",
    metadata,
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
)

indicators = Table(
    "indicators",
    metadata,
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
)

targets = Table(
    "targets",
    metadata,
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
)

actuals = Table(
    "actuals",
    metadata,
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
    Column("submitted_by", String(100), nullable=True),  # migration 0003
    UniqueConstraint("plan_id", "indicator", "year", "status"),
    CheckConstraint("status IN ('provisional', 'final')", name="status"),
)

# migration 0010: per actual name, the latest year first (final before provisional) with the
# value and unit in the index — the latest actual of every plan of the country read by an
# index-only scan (PostgreSQL; SQLite reads them by the unique key).
Index("ix_actuals_latest", actuals.c.plan_id, actuals.c.indicator, actuals.c.year.desc(),
      actuals.c.status, postgresql_include=["value", "unit"]).ddl_if(dialect="postgresql")

# migration 0010: per plan and stored indicator name its latest actual (the latest year; final
# before provisional), kept with every write of actuals (storage.actuals) — the dashboards read
# 64,000 of these for a country instead of every value (an earlier year's are read again).
actuals_latest = Table(
    "actuals_latest",
    metadata,
    Column("plan_id", Integer, ForeignKey("plans.id"), primary_key=True),
    Column("indicator", String(300), primary_key=True),
    Column("year", Integer, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(50), nullable=True),
    Column("status", String(12), nullable=False),
)

# migration 0010: the rows the evaluation judges of each plan version (its indicator table, then
# its evaluable prose targets: evaluate.rows.evaluation_rows), derived from the version's document
# with its current targets — written with the version, re-derived when a target is revised. One
# JSON array of rows (each in EvaluationRow's field order) per version: every float exactly as
# the document has it (a SQLite REAL column turns -0.0 into 0.0) and one row read per plan.
evaluation_rows = Table(
    "evaluation_rows",
    metadata,
    Column("version_id", Integer, ForeignKey("plan_versions.id"), primary_key=True),
    Column("rows_json", Text, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime(), nullable=False),
    Column("user_name", String(100), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", Integer, nullable=True),
    Column("field", String(80), nullable=True),
    Column("old_value", Text, nullable=True),
    Column("new_value", Text, nullable=True),
    Column("source", String(500), nullable=True),
    Column("user_id", Integer, nullable=True),  # users.id (migration 0008)
)
Index("ix_audit_log_entity_entity_id", audit_log.c.entity, audit_log.c.entity_id)  # 0003

# migration 0002 (动态调整: targets revised mid-period; the original stays in targets.original_*)
target_revisions = Table(
    "target_revisions",
    metadata,
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
)

# The web workflow tables (migration 0004) live in their own module on this same metadata.
from planwatch.storage import schema_web  # noqa: E402, F401
