"""Storage fixtures shared by tests/test_storage*.py (imported there, not a conftest).

``storage`` runs each test on in-memory SQLite and on the local PostgreSQL. For PostgreSQL a
fresh database ``test_<uuid>`` is created once per test session (and worker, with pytest -n) and
dropped at the end; each test starts from an empty ``public`` schema. Without a reachable server
the PostgreSQL cases are skipped — except in CI (env ``CI`` set), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from planwatch.storage import Storage, open_storage

PG_ADMIN_URL = os.environ.get(
    "PLANWATCH_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL must be reachable in CI: {reason}")
    pytest.skip(f"PostgreSQL not reachable: {reason}")


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """URL of a fresh PostgreSQL database for this test session (dropped afterwards)."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        _pg_unavailable(str(exc).splitlines()[0])
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _reset_pg(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def backend_url(request: pytest.FixtureRequest, backend: str) -> str:
    """A URL to an empty database of ``backend`` (``sqlite`` / ``postgresql``)."""
    if backend == "sqlite":
        return "sqlite://"
    url: str = request.getfixturevalue("pg_database_url")
    _reset_pg(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """URL of an empty database, once per backend."""
    return backend_url(request, request.param)


@pytest.fixture
def storage(db_url: str) -> Iterator[Storage]:
    """A migrated, empty Storage, once per backend."""
    store = open_storage(db_url)
    try:
        yield store
    finally:
        store.close()
