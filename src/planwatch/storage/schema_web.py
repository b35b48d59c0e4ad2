"""Head tables of the multi-user web workflow (migration 0004; departments 0006): users, API
tokens, sessions, departments, submissions of actuals, indicator responsibility, task progress,
plan visibility, pending uploads and extraction corrections. Registered on the same ``metadata`` as
:mod:`planwatch.storage.schema` (which imports this module at its end)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
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

from planwatch.model.codes import ProgressStatus, Role, SubmissionKind, SubmissionStatus
from planwatch.storage.metadata import metadata
from planwatch.storage.types import UTCDateTime

ROLES = tuple(Role)
SUBMISSION_STATES = tuple(SubmissionStatus)
SUBMISSION_KINDS = tuple(SubmissionKind)
TASK_STATES = tuple(ProgressStatus)
"""The codes (model.codes) the check constraints below allow."""

departments = Table(
    "departments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("region_id", Integer, ForeignKey("regions.id"), nullable=True),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("region_id", "name_key"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("department", String(200), nullable=True),
    Column("active", Boolean, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("department_id", Integer, nullable=True),  # departments.id (migration 0006)
    Column("display_name", String(100), nullable=True),  # 姓名 (migration 0009)
    CheckConstraint("role IN ('admin', 'reviewer', 'department', 'viewer')", name="role"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("name", String(100), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("last_used_at", UTCDateTime(), nullable=True),
    Column("expires_at", UTCDateTime(), nullable=True),
    Column("revoked_at", UTCDateTime(), nullable=True),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
)

app_secrets = Table(
    "app_secrets",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", String(200), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

submissions = Table(
    "submissions",
    metadata,
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
    Column("kind", String(12), nullable=False, server_default="value"),
    Column("reason", Text, nullable=True),
    Column("old_value", Float, nullable=True),
    Column("department_id", Integer, nullable=True),  # departments.id (migration 0006)
    Column("submitted_by_id", Integer, nullable=True),  # users.id (migration 0008)
    CheckConstraint("status IN ('draft', 'submitted', 'approved', 'returned')", name="status"),
    CheckConstraint("actual_status IN ('provisional', 'final')", name="actual_status"),
)
Index("ix_submissions_plan_id_status", submissions.c.plan_id, submissions.c.status)

indicator_owners = Table(
    "indicator_owners",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("indicator", String(300), nullable=False),
    Column("department", String(200), nullable=False),
    Column("set_by", String(100), nullable=False),
    Column("set_at", UTCDateTime(), nullable=False),
    Column("department_id", Integer, nullable=True),  # departments.id (migration 0006)
    UniqueConstraint("plan_id", "indicator"),
)

task_progress = Table(
    "task_progress",
    metadata,
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
    Column("department_id", Integer, nullable=True),  # departments.id (migration 0008)
    CheckConstraint("status IN ('in_progress', 'done', 'blocked')", name="status"),
)
Index("ix_task_progress_plan_id_task_number", task_progress.c.plan_id, task_progress.c.task_number)

plan_visibility = Table(
    "plan_visibility",
    metadata,
    Column("plan_id", Integer, ForeignKey("plans.id"), primary_key=True),
    Column("is_public", Boolean, nullable=False),
    Column("changed_by", String(100), nullable=False),
    Column("changed_at", UTCDateTime(), nullable=False),
)

plan_archive = Table(
    "plan_archive",
    metadata,
    Column("plan_id", Integer, ForeignKey("plans.id"), primary_key=True),
    Column("archived_by", String(100), nullable=False),
    Column("archived_at", UTCDateTime(), nullable=False),
    Column("reason", Text, nullable=False),
)

pending_uploads = Table(
    "pending_uploads",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("user_name", String(100), nullable=False),
    Column("source_name", String(500), nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("plan_json", Text, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("confirmed_at", UTCDateTime(), nullable=True),
    Column("confirmed_by", String(100), nullable=True),
)

extraction_corrections = Table(
    "extraction_corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id"), nullable=False),
    Column("version_id", Integer, ForeignKey("plan_versions.id"), nullable=False),
    Column("field", String(300), nullable=False),
    Column("old_value", Text, nullable=True),
    Column("new_value", Text, nullable=True),
    Column("corrected_by", String(100), nullable=False),
    Column("corrected_at", UTCDateTime(), nullable=False),
)
