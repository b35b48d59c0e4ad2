"""Opening a database: an engine for the URL, then the pending migrations (storage.engine knows
nothing of migrations, so the two never import each other)."""

from __future__ import annotations

from sqlalchemy import create_engine

from planwatch.storage.engine import Storage, normalize_url, sqlite_engine
from planwatch.storage.migrations import upgrade


def open_storage(url: str, *, migrate: bool = True, echo: bool = False) -> Storage:
    """Open ``url`` (``sqlite:///file.db``, ``sqlite://`` in memory, ``postgresql+psycopg://…``)
    and, unless ``migrate=False``, apply pending migrations."""
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = sqlite_engine(url, echo)
    else:
        engine = create_engine(url, echo=echo, pool_pre_ping=True)
    storage = Storage(engine)
    if migrate:
        upgrade(storage)
    return storage
