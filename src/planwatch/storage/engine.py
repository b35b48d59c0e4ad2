"""Opening a database and running work in one transaction (atomic)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

_ACTIVE: ContextVar[dict[int, Connection] | None] = ContextVar("planwatch_active_tx", default=None)

READONLY_KEY = "planwatch_readonly"

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=5000",
)


class Storage:
    """A database handle. Use :meth:`atomic` for every unit of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def atomic(self, *, readonly: bool = False) -> Iterator[Connection]:
        """One transaction: everything inside is saved together or not at all.

        Nested calls in the same context join the outer transaction through a SAVEPOINT, so
        storage functions can be composed into one larger all-or-nothing unit. On SQLite a
        writing transaction starts with ``BEGIN IMMEDIATE`` (it waits for the write lock up to
        the busy timeout instead of failing with "database is locked" when a read turns into a
        write); ``readonly=True`` starts a deferred one that never blocks other readers.
        """
        active = _ACTIVE.get() or {}
        conn = active.get(id(self))
        if conn is not None:
            with conn.begin_nested():
                yield conn
            return
        with self.engine.connect() as conn:
            conn.info[READONLY_KEY] = readonly
            with conn.begin():
                token = _ACTIVE.set({**active, id(self): conn})
                try:
                    yield conn
                finally:
                    _ACTIVE.reset(token)

    def reading(self) -> AbstractContextManager[Connection]:
        """A read-only transaction (``atomic(readonly=True)``)."""
        return self.atomic(readonly=True)

    def close(self) -> None:
        """Release all pooled connections."""
        self.engine.dispose()


def sqlite_engine(url: str, echo: bool) -> Engine:
    parsed = make_url(url)
    memory = parsed.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if memory:
        kwargs["poolclass"] = StaticPool  # one shared in-memory DB for every thread
    engine = create_engine(url, echo=echo, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy emit BEGIN itself (real transactions)
        cursor = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN" if conn.info.get(READONLY_KEY) else "BEGIN IMMEDIATE")

    return engine


def normalize_url(url: str) -> str:
    """Accept ``postgresql://`` / ``postgres://`` and use the psycopg 3 driver for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def inserted_id(result: Any) -> int:
    """Primary key of the row an ``insert()`` just created."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])
