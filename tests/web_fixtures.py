"""Web test fixtures (imported by tests/test_web_*.py): an app on SQLite and on the local
PostgreSQL (see tests/storage_fixtures.py), accounts, sign-in helpers and the sample plans."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from planwatch import actions
from planwatch.model.plan import Plan
from planwatch.settings import Settings
from planwatch.storage import Storage, ensure_region, import_plan, open_storage
from planwatch.storage.schema import actuals, audit_log
from planwatch.storage.schema_web import submissions, task_progress
from planwatch.storage.users import get_user
from planwatch.web import create_app
from tests.storage_fixtures import backend_url, pg_database_url

__all__ = ["pg_database_url"]

SAMPLES = Path(actions.__file__).parent / "data" / "samples"
PASSWORD = "correct-horse-1"
WEIHAI = "威海市"
"""The region of weihai-2022-plan.txt: the test department accounts belong to its departments."""
DEPT_A = "威海市科技局"
DEPT_B = "威海市发展改革委"
DEPT_YT = "烟台市科技局"
DEPT_YT_B = "烟台市发展改革委"
USERS = {
    "admin": ("admin", None),
    "reviewer": ("reviewer", None),
    "dept_a": ("department", DEPT_A),
    "dept_b": ("department", DEPT_B),
    "dept_yt": ("department", DEPT_YT),
    "dept_ytb": ("department", DEPT_YT_B),
    "viewer": ("viewer", None),
}


@lru_cache(maxsize=8)
def _extracted(name: str) -> str:
    return actions.extract_file(SAMPLES / name).model_dump_json()


def sample_plan(name: str) -> Plan:
    """A bundled sample plan, extracted once per test session (a fresh copy each call)."""
    return Plan.model_validate_json(_extracted(name))


@dataclass
class Web:
    """An app with its store, a client and the test accounts (all with PASSWORD)."""

    store: Storage
    client: TestClient

    def login(self, username: str) -> dict[str, str]:
        """Sign the client in by cookie; returns the CSRF header for state changes."""
        self.client.cookies.clear()
        r = self.client.post("/api/v1/auth/login",
                             json={"username": username, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return {"X-CSRF-Token": r.json()["csrf_token"]}

    def bearer(self, username: str) -> dict[str, str]:
        """An Authorization header with a fresh API token of ``username`` (no cookie sent)."""
        self.client.cookies.clear()
        return {"Authorization": "Bearer " + actions.create_token(self.store, actions.SYSTEM,
                                                                 username)}

    def store_plan(self, name: str) -> int:
        return import_plan(self.store, sample_plan(name), name, None, "test").plan_id


def counts(store: Storage) -> dict[str, int]:
    """Row counts of the tables a refused request must leave untouched."""
    with store.atomic() as conn:
        return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in (audit_log, actuals, submissions, task_progress)}


def add_account(store: Storage, username: str, role: str = "department",
                department: str | None = DEPT_A) -> None:
    """An account; a department account joins the department of its region (威海市科技局 of
    威海市, 烟台市科技局 of 烟台市), the region created first as an import would."""
    region = None
    if department:
        region = department[:3]
        ensure_region(store, region, "city")
    actions.add_user(store, actions.SYSTEM, username, PASSWORD, role, department,
                     region=region)


def dept(store: Storage, username: str = "dept_a") -> actions.Actor:
    """The actor of a stored account (its department id included)."""
    user = get_user(store, username=username)
    assert user is not None
    return actions.Actor.from_user(user)


def make_web(store: Storage, **settings: object) -> Web:
    app = create_app(Settings(database_url="sqlite://", **settings), store)  # type: ignore[arg-type]
    for username, (role, department) in USERS.items():
        add_account(store, username, role, department)
    return Web(store, TestClient(app))


@pytest.fixture(params=["sqlite", "postgresql"])
def web(request: pytest.FixtureRequest) -> Iterator[Web]:
    """The app on an empty database, once per backend."""
    store = open_storage(backend_url(request, request.param))
    w = make_web(store)
    try:
        yield w
    finally:
        w.client.close()
        store.close()


@pytest.fixture
def sqlite_web() -> Iterator[Web]:
    """The app on in-memory SQLite only (for checks that do not depend on the backend)."""
    store = open_storage("sqlite://")
    w = make_web(store)
    try:
        yield w
    finally:
        w.client.close()
        store.close()
