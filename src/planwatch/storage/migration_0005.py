"""Migration 0005 (frozen — never edit once applied): locked values and correction requests,
confirmed uploads kept as tombstones, API token expiry and revocation.

* ``submissions.kind`` ('value' | 'correction'), ``reason`` (why a locked value is corrected)
  and ``old_value`` (the live value a correction replaced);
* ``pending_uploads.confirmed_at`` / ``confirmed_by`` (a confirmed upload is kept, so that a
  second confirm is a 409 conflict and not a second plan version);
* ``api_tokens.expires_at`` and ``revoked_at``.
"""

from __future__ import annotations

from sqlalchemy import Connection, Float, String, Text

from planwatch.storage.types import UTCDateTime


def _add(conn: Connection, table: str, column: str, ddl: str) -> None:
    conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}")


def apply_0005(conn: Connection) -> None:
    dialect = conn.dialect
    kind = String(12).compile(dialect=dialect)
    stamp = UTCDateTime().compile(dialect=dialect)
    name = String(100).compile(dialect=dialect)
    _add(conn, "submissions", "kind", f"{kind} DEFAULT 'value' NOT NULL")
    _add(conn, "submissions", "reason", Text().compile(dialect=dialect))
    _add(conn, "submissions", "old_value", Float().compile(dialect=dialect))
    _add(conn, "pending_uploads", "confirmed_at", stamp)
    _add(conn, "pending_uploads", "confirmed_by", name)
    _add(conn, "api_tokens", "expires_at", stamp)
    _add(conn, "api_tokens", "revoked_at", stamp)
