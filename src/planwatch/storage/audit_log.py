"""Audit log (操作留痕): who changed what, when, from which value to which, on what basis.

Every change to plans, targets and actuals writes rows here in the same transaction as the
change itself. Values are stored as JSON text.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, RowMapping, select

from planwatch.storage.engine import Storage
from planwatch.storage.schema import audit_log
from planwatch.storage.types import Author, as_author, utcnow


class AuditEntry(BaseModel):
    """One recorded change."""

    id: int
    at: datetime
    user: str
    """Display snapshot of the account's name; ``user_id`` identifies it."""
    user_id: int | None = None
    entity: str
    entity_id: int | None
    field: str | None
    old: Any
    new: Any
    source: str | None


def _dump(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def write_audit(
    conn: Connection,
    *,
    user: Author | str,
    entity: str,
    entity_id: int | None,
    field: str | None,
    old: Any = None,
    new: Any = None,
    source: str | None = None,
    at: datetime | None = None,
) -> None:
    """Append one audit row (inside the caller's transaction): the account id and, as a
    snapshot, its name; ``at`` (default now) lets a change share its record's timestamp."""
    author = as_author(user)
    conn.execute(
        audit_log.insert().values(
            at=at or utcnow(),
            user_id=author.user_id,
            user_name=author.name,
            entity=entity,
            entity_id=entity_id,
            field=field,
            old_value=_dump(old),
            new_value=_dump(new),
            source=source,
        )
    )


def query_audit(
    storage: Storage,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    user_id: int | None = None,
    since: datetime | None = None,
    limit: int = 1000,
) -> list[AuditEntry]:
    """Audit rows matching every given filter, oldest first."""
    query = select(audit_log).order_by(audit_log.c.id)
    if entity is not None:
        query = query.where(audit_log.c.entity == entity)
    if entity_id is not None:
        query = query.where(audit_log.c.entity_id == entity_id)
    if user_id is not None:
        query = query.where(audit_log.c.user_id == user_id)
    if since is not None:
        query = query.where(audit_log.c.at >= since)
    with storage.reading() as conn:
        rows = conn.execute(query.limit(limit)).mappings().all()
    return [AuditEntry(**audit_fields(row)) for row in rows]


def audit_fields(row: RowMapping) -> dict[str, Any]:
    """The :class:`AuditEntry` fields of an ``audit_log`` row (old and new values decoded)."""
    return {"id": row["id"], "at": row["at"], "user": row["user_name"],
            "user_id": row["user_id"], "entity": row["entity"], "entity_id": row["entity_id"],
            "field": row["field"],
            "old": None if row["old_value"] is None else json.loads(row["old_value"]),
            "new": None if row["new_value"] is None else json.loads(row["new_value"]),
            "source": row["source"]}
