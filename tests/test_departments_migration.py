"""Migration 0006 turns department names into department rows of their region: plan task names
and indicator owners of each plan's region, accounts of the region their name opens with (or the
only region whose plans name them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from planwatch.storage import MIGRATIONS, open_storage, upgrade
from planwatch.storage.departments import list_departments
from planwatch.storage.schema import plan_versions, plans, regions
from planwatch.storage.schema_web import indicator_owners, submissions, users
from planwatch.storage.types import utcnow
from tests.storage_fixtures import backend_url, pg_database_url

__all__ = ["pg_database_url"]

BEFORE = "0005_locked_values_confirmed_uploads_token_expiry"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planwatch.db'}"
    return backend_url(request, request.param)


def _plan_json(leads: list[str]) -> str:
    return json.dumps({"meta": {}, "tasks": [{"number": i, "title": "任务", "lead": [name]}
                                             for i, name in enumerate(leads, start=1)]},
                      ensure_ascii=False)


def test_department_names_become_rows_of_their_region(db_url: str) -> None:
    assert MIGRATIONS[-1].name > BEFORE
    old = open_storage(db_url, migrate=False)
    upgrade(old, target=BEFORE)
    now = utcnow()
    with old.atomic() as conn:
        region = {}
        for name in ("烟台市", "日照市"):
            region[name] = conn.execute(regions.insert().values(
                name=name, level="city")).inserted_primary_key[0]
        plan = {}
        for name, leads in (("烟台市", ["市科技局", "市财政局"]), ("日照市", ["市科技局"])):
            plan[name] = conn.execute(plans.insert().values(
                region_id=region[name], title=f"{name}规划", created_at=now,
                created_by="t")).inserted_primary_key[0]
            conn.execute(plan_versions.insert().values(
                plan_id=plan[name], version_no=1, plan_json=_plan_json(leads),
                content_sha256="0" * 64, imported_at=now, imported_by="t"))
        conn.execute(indicator_owners.insert().values(
            plan_id=plan["日照市"], indicator="研发投入", department="市科技局", set_by="t",
            set_at=now))
        conn.execute(submissions.insert().values(
            plan_id=plan["日照市"], indicator="研发投入", year=2023, value=2.0,
            actual_status="final", status="submitted", department="市科技局",
            submitted_by="kj", created_at=now, updated_at=now))
        for username, dept in (("yt", "烟台市科技局"), ("cz", "市财政局"), ("kj", "市科技局")):
            conn.execute(users.insert().values(
                username=username, password_hash="x", role="department", department=dept,
                active=True, created_at=now))
    old.close()
    store = open_storage(db_url)  # applies 0006
    by_id = {d.id: (d.region, d.name) for d in list_departments(store)}
    assert set(by_id.values()) >= {("烟台市", "烟台市科技局"), ("烟台市", "烟台市财政局"),
                                   ("日照市", "日照市科技局")}
    with store.reading() as conn:
        accounts = {r.username: r.department_id for r in conn.execute(select(users))}
        owner = conn.execute(select(indicator_owners.c.department_id)).scalar_one()
        submitted = conn.execute(select(submissions.c.department_id)).scalar_one()
    store.close()
    assert by_id[accounts["yt"]] == ("烟台市", "烟台市科技局")  # the region it names
    assert by_id[accounts["cz"]] == ("烟台市", "烟台市财政局")  # the one region naming it
    assert by_id[accounts["kj"]] == (None, "市科技局")  # two cities name it: not told
    assert by_id[owner] == ("日照市", "日照市科技局")
    assert submitted == owner
