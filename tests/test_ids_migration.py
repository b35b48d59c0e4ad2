"""Migration 0008: progress reports get the department id (the name resolved within the plan's
region), submissions and audit rows the id of the account that wrote them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from planwatch.storage import MIGRATIONS, open_storage, upgrade
from planwatch.storage.departments import list_departments
from planwatch.storage.schema import audit_log, plan_versions, plans, regions
from planwatch.storage.schema_web import departments, submissions, task_progress, users
from planwatch.storage.types import utcnow
from tests.storage_fixtures import backend_url, pg_database_url

__all__ = ["pg_database_url"]

BEFORE = "0007_plan_archive"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planwatch.db'}"
    return backend_url(request, request.param)


def _old_database(url: str) -> dict[str, int]:
    """Two cities' plans naming 市科技局, one department row already there, progress reports
    and a submission by name, audit rows of an account and of the CLI."""
    old = open_storage(url, migrate=False)
    upgrade(old, target=BEFORE)
    now = utcnow()
    ids: dict[str, int] = {}
    with old.atomic() as conn:
        for city in ("烟台市", "日照市"):
            region = conn.execute(regions.insert().values(name=city, level="city"))
            ids[city] = region.inserted_primary_key[0]
            plan = conn.execute(plans.insert().values(
                region_id=ids[city], title=f"{city}规划", created_at=now, created_by="t"))
            ids[f"plan {city}"] = plan.inserted_primary_key[0]
            conn.execute(plan_versions.insert().values(
                plan_id=ids[f"plan {city}"], version_no=1, content_sha256="0" * 64,
                plan_json=json.dumps({"meta": {}, "tasks": []}), imported_at=now,
                imported_by="t"))
        dept = conn.execute(departments.insert().values(
            region_id=ids["烟台市"], name="烟台市科技局", name_key="烟台市科技局", created_at=now))
        ids["yantai kj"] = dept.inserted_primary_key[0]
        for city, name in (("烟台市", "市科技局"), ("日照市", "市 科技局"), ("日照市", None)):
            conn.execute(task_progress.insert().values(
                plan_id=ids[f"plan {city}"], task_number=1, department=name, report="进展",
                status="in_progress", reported_on=now.date(), reported_by="kj",
                reported_at=now))
        account = conn.execute(users.insert().values(
            username="kj", password_hash="x", role="department", department="烟台市科技局",
            department_id=ids["yantai kj"], active=True, created_at=now))
        ids["kj"] = account.inserted_primary_key[0]
        conn.execute(submissions.insert().values(
            plan_id=ids["plan 烟台市"], indicator="研发投入", year=2023, value=2.0,
            actual_status="final", status="submitted", department="烟台市科技局",
            department_id=ids["yantai kj"], submitted_by="kj", created_at=now, updated_at=now))
        for who in ("kj", "cli"):
            conn.execute(audit_log.insert().values(at=now, user_name=who, entity="plan",
                                                   entity_id=1, field="x"))
    old.close()
    return ids


def test_progress_departments_and_authors_become_ids(db_url: str) -> None:
    names = [m.name for m in MIGRATIONS]
    assert names[names.index(BEFORE) + 1] == "0008_ids_of_authors_and_progress_departments"
    ids = _old_database(db_url)
    store = open_storage(db_url)  # applies 0008 and every later migration
    by_id = {d.id: (d.region, d.name) for d in list_departments(store)}
    with store.reading() as conn:
        progress = [(r.department_id, r.department) for r in conn.execute(
            select(task_progress).order_by(task_progress.c.id))]
        submitted = conn.execute(select(submissions.c.submitted_by_id)).scalar_one()
        audit = dict(conn.execute(select(audit_log.c.user_name, audit_log.c.user_id)).all())
    store.close()
    yantai, rizhao, nobody = progress
    assert yantai == (ids["yantai kj"], "市科技局")  # the existing row of the plan's region
    assert by_id[rizhao[0]] == ("日照市", "日照市科技局")  # created in its own region
    assert rizhao[0] != ids["yantai kj"]
    assert nobody == (None, None)
    assert submitted == ids["kj"]
    assert audit == {"kj": ids["kj"], "cli": None}
