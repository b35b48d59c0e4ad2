"""Storage (SQLAlchemy 2 Core): plans with versions, targets and their revisions, actuals and an
audit log, on SQLite (default) or PostgreSQL. Imports neither web nor CLI code."""

from planwatch.storage.actuals import (
    ActualRecord,
    RecordSummary,
    best_actuals,
    get_actuals,
    record_actuals,
)
from planwatch.storage.audit_log import AuditEntry, query_audit, write_audit
from planwatch.storage.engine import Storage
from planwatch.storage.errors import RowsRejected, StorageError
from planwatch.storage.migrations import (
    MIGRATIONS,
    applied_migrations,
    pending_migrations,
    upgrade,
)
from planwatch.storage.opening import open_storage
from planwatch.storage.plans import (
    ImportResult,
    PlanSummary,
    PlanVersionInfo,
    get_version_plan,
    import_plan,
    latest_plan,
    list_plans,
    list_versions,
)
from planwatch.storage.regions import (
    RegionRecord,
    ensure_region,
    get_region,
    list_regions,
    region_path,
)
from planwatch.storage.revisions import (
    TargetRecord,
    TargetRevision,
    list_revisions,
    list_targets,
    revise_target,
)

__all__ = [
    "MIGRATIONS",
    "ActualRecord",
    "AuditEntry",
    "ImportResult",
    "PlanSummary",
    "PlanVersionInfo",
    "RecordSummary",
    "RegionRecord",
    "RowsRejected",
    "Storage",
    "StorageError",
    "TargetRecord",
    "TargetRevision",
    "applied_migrations",
    "best_actuals",
    "ensure_region",
    "get_actuals",
    "get_region",
    "get_version_plan",
    "import_plan",
    "latest_plan",
    "list_plans",
    "list_regions",
    "list_revisions",
    "list_targets",
    "list_versions",
    "open_storage",
    "pending_migrations",
    "query_audit",
    "record_actuals",
    "region_path",
    "revise_target",
    "upgrade",
    "write_audit",
]
