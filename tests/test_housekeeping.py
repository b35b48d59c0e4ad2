"""Housekeeping and verbs with an actor: expired sessions and stale uploads purged, lists paged,
content-less web uploads refused as the CLI refuses them, no CDN-loaded Swagger UI, and the CLI
acting as a named account (``--as``) recorded as such."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select, update

from planwatch import actions
from planwatch.cli import main
from planwatch.storage import open_storage
from planwatch.storage.plan_access import PendingUpload, add_pending
from planwatch.storage.schema_web import pending_uploads, web_sessions
from planwatch.storage.types import utcnow
from tests.web_fixtures import DEPT_A, Web, dept as dept_actor, make_web, pg_database_url, web

__all__ = ["pg_database_url", "web"]

RD = "全社会R&D经费支出占GDP比重"


def _count(web: Web, table: object) -> int:
    with web.store.reading() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_expired_sessions_and_stale_uploads_are_purged(web: Web) -> None:
    web.login("dept_a")
    web.login("dept_b")
    with web.store.atomic() as conn:
        conn.execute(update(web_sessions).values(expires_at=utcnow() - timedelta(minutes=1)))
    add_pending(web.store, PendingUpload(id="f" * 32, user_name="reviewer", source_name="x.txt",
                                         source_sha256="0" * 64, plan_json="{}",
                                         created_at=utcnow() - timedelta(days=2)))
    assert (_count(web, web_sessions), _count(web, pending_uploads)) == (2, 1)
    assert actions.housekeeping(web.store) == (2, 1)
    assert (_count(web, web_sessions), _count(web, pending_uploads)) == (0, 0)


def test_contentless_web_upload_is_refused(web: Web, tmp_path: Path) -> None:
    headers = web.bearer("reviewer")
    r = web.client.post("/api/v1/uploads", headers=headers,
                        files={"file": ("empty.txt", "啊。\n".encode())})
    assert r.status_code == 422, r.text
    assert "未识别到规划内容" in r.json()["detail_zh"]
    assert _count(web, pending_uploads) == 0


def test_submissions_are_paged(web: Web) -> None:
    plan_id = web.store_plan("weihai-2022-plan.txt")
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, DEPT_A)
    dept = dept_actor(web.store)
    for year in range(2010, 2015):
        actions.submit_actual(web.store, dept, plan_id, RD, year, 2.0)
    r = web.client.get(f"/api/v1/plans/{plan_id}/submissions?limit=2&offset=2",
                       headers=web.bearer("dept_a"))
    assert r.status_code == 200 and r.headers["x-total-count"] == "5"
    assert [s["year"] for s in r.json()] == [2012, 2013]
    assert web.client.get(f"/api/v1/plans/{plan_id}/submissions?limit=0",
                          headers=web.bearer("dept_a")).status_code == 422


def test_no_swagger_ui_from_a_cdn_but_the_openapi_document(web: Web) -> None:
    assert web.client.get("/api/v1/docs").status_code == 404
    doc = web.client.get("/api/v1/openapi.json")
    assert doc.status_code == 200 and "/api/v1/review" in doc.json()["paths"]


def test_cli_acts_as_a_named_account(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    store = open_storage(f"sqlite:///{db}")
    site = make_web(store)
    plan_id = site.store_plan("zibo-2022-plan.txt")
    site.client.close()

    def cli(*args: str) -> tuple[int, str]:
        res = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", *args])
        return res.exit_code, res.output

    base = ("revise", str(plan_id), "高新技术企业", "--value", "2000", "--reason", "省下达任务调增",
            "--document", "淄科字〔2023〕5号")
    assert cli(*base)[0] != 0  # accounts exist: --as required
    assert cli(*base, "--as", "张三")[0] != 0  # not an account
    assert cli(*base, "--as", "dept_a")[0] != 0  # not a reviewer
    code, out = cli(*base, "--as", "reviewer")
    assert code == 0, out
    history = actions.plan_history(store, actions.SYSTEM, plan_id).entries
    assert any(e.user == "reviewer" and e.kind == "target_revision" for e in history)
    assert not any(e.user in ("cli", "张三") for e in history if e.kind == "target_revision")
    store.close()
