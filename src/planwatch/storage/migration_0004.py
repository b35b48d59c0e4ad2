"""Migration 0004 (frozen copy — never edit once applied): the multi-user web workflow tables.

users, api_tokens, web_sessions, app_secrets, submissions, indicator_owners, task_progress,
plan_visibility, pending_uploads, extraction_corrections (head: storage/schema_web.py).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
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
)

from planwatch.storage.schema import NAMING_CONVENTION
from planwatch.storage.types import UTCDateTime

NEW_TABLES = (
    "users", "api_tokens", "web_sessions", "app_secrets", "submissions", "indicator_owners",
    "task_progress", "plan_visibility", "pending_uploads", "extraction_corrections",
)


def _tables(md: MetaData) -> None:
    Table("plans", md, Column("id", Integer, primary_key=True))
    Table("plan_versions", md, Column("id", Integer, primary_key=True))
    Table(
        "users",
        md,
        Column("id", Integer, primary_key=True),
        Column("username", String(100), nullable=False, unique=True),
        Column("password_hash", String(255), nullable=False),
        Column("role", String(16), nullable=False),
        Column("department", String(200), nullable=True),
        Column("active", Boolean, nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
        CheckConstraint("role IN ('admin', 'reviewer', 'department', 'viewer')", name="role"),
    )
    Table(
        "api_tokens",
        md,
        Column("id", Integer, primary_key=True),
        Column("token_sha256", String(64), nullable=False, unique=True),
        Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
        Column("name", String(100), nullable=True),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("last_used_at", UTCDateTime(), nullable=True),
    )
    Table(
        "web_sessions",
        md,
        Column("id", Integer, primary_key=True),
        Column("token_sha256", String(64), nullable=False, unique=True),
        Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("expires_at", UTCDateTime(), nullable=False),
    )
    Table(
        "app_secrets",
        md,
        Column("name", String(50), primary_key=True),
        Column("value", String(200), nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
    )


def _workflow_tables(md: MetaData) -> None:
    submissions = Table(
        "submissions",
        md,
        Column("id", Integer, primary_key=True),
        Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
        Column("indicator", String(300), nullable=False),
        Column("year", Integer, nullable=False),
        Column("value", Float, nullable=False),
        Column("unit", String(50), nullable=True),
        Column("source", String(500), nullable=True),
        Column("actual_status", String(12), nullable=False),
        Column("status", String(12), nullable=False),
        Column("department", String(200), nullable=True),
        Column("submitted_by", String(100), nullable=False),
        Column("submitted_at", UTCDateTime(), nullable=True),
        Column("reviewer", String(100), nullable=True),
        Column("reviewed_at", UTCDateTime(), nullable=True),
        Column("comment", Text, nullable=True),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("updated_at", UTCDateTime(), nullable=False),
        CheckConstraint("status IN ('draft', 'submitted', 'approved', 'returned')", name="status"),
        CheckConstraint("actual_status IN ('provisional', 'final')", name="actual_status"),
    )
    Index("ix_submissions_plan_id_status", submissions.c.plan_id, submissions.c.status)
    Table(
        "indicator_owners",
        md,
        Column("id", Integer, primary_key=True),
        Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
        Column("indicator", String(300), nullable=False),
        Column("department", String(200), nullable=False),
        Column("set_by", String(100), nullable=False),
        Column("set_at", UTCDateTime(), nullable=False),
        UniqueConstraint("plan_id", "indicator"),
    )
    task_progress = Table(
        "task_progress",
        md,
        Column("id", Integer, primary_key=True),
        Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
        Column("task_number", Integer, nullable=False),
        Column("department", String(200), nullable=True),
        Column("report", Text, nullable=False),
        Column("percent", Float, nullable=True),
        Column("status", String(16), nullable=False),
        Column("reported_on", Date, nullable=False),
        Column("reported_by", String(100), nullable=False),
        Column("reported_at", UTCDateTime(), nullable=False),
        CheckConstraint("status IN ('in_progress', 'done', 'blocked')", name="status"),
    )
    Index("ix_task_progress_plan_id_task_number",
          task_progress.c.plan_id, task_progress.c.task_number)


def _plan_tables(md: MetaData) -> None:
    Table(
        "plan_visibility",
        md,
        Column("plan_id", Integer, ForeignKey("plans.id"), primary_key=True),
        Column("is_public", Boolean, nullable=False),
        Column("changed_by", String(100), nullable=False),
        Column("changed_at", UTCDateTime(), nullable=False),
    )
    Table(
        "pending_uploads",
        md,
        Column("id", String(32), primary_key=True),
        Column("user_name", String(100), nullable=False),
        Column("source_name", String(500), nullable=False),
        Column("source_sha256", String(64), nullable=False),
        Column("plan_json", Text, nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
    )
    Table(
        "extraction_corrections",
        md,
        Column("id", Integer, primary_key=True),
        Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
        Column("version_id", Integer, ForeignKey("plan_versions.id"), nullable=False),
        Column("field", String(300), nullable=False),
        Column("old_value", Text, nullable=True),
        Column("new_value", Text, nullable=True),
        Column("corrected_by", String(100), nullable=False),
        Column("corrected_at", UTCDateTime(), nullable=False),
    )


def apply_0004(conn: Connection) -> None:
    """Create the web workflow tables."""
    md = MetaData(naming_convention=NAMING_CONVENTION)
    _tables(md)
    _workflow_tables(md)
    _plan_tables(md)
    md.create_all(conn, tables=[md.tables[name] for name in NEW_TABLES])
