"""Locked means locked (SQLite and PostgreSQL): after approval a cell (plan, indicator, year,
口径) takes a new value only through a correction request with a reason, approved by a reviewer,
the old value kept; submissions and Excel rows for a locked cell are refused at submission;
plausibility flags reach the reviewer; four-eyes; the CLI import is an audited reviewer action."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch import actions
from planwatch.cli import main
from planwatch.settings import Settings
from planwatch.storage import get_actuals, open_storage
from planwatch.storage.audit_log import query_audit
from planwatch.storage.submissions import get_submission
from planwatch.workflow.plausibility import ReviewPolicy
from planwatch.workflow.review_queue import review_queue
from tests.actuals_helpers import write_csv
from tests.web_fixtures import DEPT_A, Web, dept as dept_actor, make_web, pg_database_url, web

__all__ = ["pg_database_url", "web"]

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"
REVIEWER = actions.Actor("reviewer", "reviewer")


def _plan(web: Web) -> int:
    plan_id = web.store_plan(SEED)
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, DEPT_A)
    return plan_id


def _locked(web: Web, plan_id: int, value: float = 2.95) -> None:
    sub = actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2023, value)
    actions.approve_submission(web.store, REVIEWER, sub.id)


def test_excel_upload_for_a_locked_cell_is_refused(web: Web, tmp_path: Path) -> None:
    plan_id = _plan(web)
    _locked(web, plan_id)
    path = write_csv(tmp_path / "a.csv", [[RD, "%", 2023, 5.9, "最终数", "", "", ""]])
    with path.open("rb") as fh:
        r = web.client.post(f"/api/v1/plans/{plan_id}/submissions/file",
                            headers=web.bearer("dept_a"), files={"file": ("a.csv", fh)})
    assert r.status_code == 409, r.text
    body = r.json()
    assert "锁定" in body["detail_zh"] and "correction" in body["detail_en"]
    assert any("2023" in p for p in body["problems"])
    assert len(actions.list_submissions(web.store, REVIEWER, plan_id)) == 1  # nothing new
    assert [a.value for a in get_actuals(web.store, plan_id) if a.year == 2023] == [2.95]


def test_a_provisional_value_does_not_lock_the_final_one(web: Web) -> None:
    plan_id = _plan(web)
    sub = actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2023, 2.9,
                                actual_status="provisional")
    actions.approve_submission(web.store, REVIEWER, sub.id)
    final = actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2023, 2.95)
    assert final.status == "submitted"


def test_correction_request_replaces_the_value_and_keeps_the_old_one(web: Web) -> None:
    plan_id = _plan(web)
    _locked(web, plan_id)
    with pytest.raises(actions.Invalid):
        actions.request_correction(web.store, dept_actor(web.store), plan_id, RD, 2023, 3.1,
                                   reason="  ")
    fix = actions.request_correction(web.store, dept_actor(web.store), plan_id, RD, 2023, 3.1,
                                     reason="统计局年报修订")
    assert [a.value for a in get_actuals(web.store, plan_id) if a.year == 2023] == [2.95]
    done = actions.approve_submission(web.store, REVIEWER, fix.id)
    assert (done.status, done.old_value, done.reason) == ("approved", 2.95, "统计局年报修订")
    [live] = [a for a in get_actuals(web.store, plan_id) if a.year == 2023]
    assert live.value == 3.1
    changes = [e for e in query_audit(web.store, entity="actual", entity_id=live.id)
               if e.field == "value"]
    assert [(e.old, e.new) for e in changes][-1] == (2.95, 3.1)


def test_correction_without_a_locked_value_is_refused(web: Web) -> None:
    plan_id = _plan(web)
    with pytest.raises(actions.Conflict):
        actions.request_correction(web.store, dept_actor(web.store), plan_id, RD, 2023, 3.1,
                                   reason="x")


def test_plausibility_flags_reach_the_reviewer(web: Web) -> None:
    plan_id = _plan(web)
    _locked(web, plan_id)  # 2023: 2.95 %
    jump = actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2024, 5.9)
    share = actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2025, 140.0)
    calm = actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2022, 2.9)
    page = review_queue(web.store, REVIEWER)
    flags = {i.submission.id: {f.code for f in i.flags} for i in page.items}
    assert "jump" in flags[jump.id]
    assert {"share-over-100", "far-beyond-target"} <= flags[share.id]
    assert flags[calm.id] == set()
    wide = review_queue(web.store, REVIEWER, policy=ReviewPolicy(jump_pct=150))
    assert "jump" not in {f.code for i in wide.items if i.submission.id == jump.id
                          for f in i.flags}
    r = web.client.get("/api/v1/review", headers=web.bearer("reviewer"))
    assert r.status_code == 200
    api = {i["submission"]["id"]: [f["code"] for f in i["flags"]] for i in r.json()["items"]}
    assert "jump" in api[jump.id]
    html = web.client.get("/review", headers=web.bearer("reviewer")).text
    assert "比上年" in html and "超过100%" in html


def test_review_queue_pages(web: Web) -> None:
    plan_id = _plan(web)
    for year in range(2010, 2017):
        actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, year, 2.0)
    first = review_queue(web.store, REVIEWER, limit=3)
    rest = review_queue(web.store, REVIEWER, offset=3, limit=10)
    assert (first.total, len(first.items), len(rest.items)) == (7, 3, 4)
    assert {i.submission.year for i in first.items + rest.items} == set(range(2010, 2017))
    r = web.client.get("/api/v1/review?limit=2&offset=6", headers=web.bearer("reviewer"))
    assert (r.json()["total"], len(r.json()["items"])) == (7, 1)


def test_four_eyes_forbids_reviewing_ones_own_entry() -> None:
    store = open_storage("sqlite://")
    site = make_web(store, four_eyes=True)
    plan_id = _plan(site)
    own = actions.submit_actual(store, dept_actor(store, "reviewer"), plan_id, RD, 2023, 2.9)
    r = site.client.post(f"/api/v1/submissions/{own.id}/approve",
                         headers=site.bearer("reviewer"), json={})
    assert r.status_code == 403 and "四眼" in r.json()["detail_zh"]
    actions.add_user(store, actions.SYSTEM, "rev2", "correct-horse-1", "reviewer")
    r = site.client.post(f"/api/v1/submissions/{own.id}/approve", headers=site.bearer("rev2"),
                         json={})
    assert r.status_code == 200 and get_submission(store, own.id).reviewer == "rev2"
    assert Settings(four_eyes=True).four_eyes
    store.close()


def _cli(db: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", *args], catch_exceptions=False)
    return res.exit_code, res.output


def test_cli_import_is_an_audited_reviewer_action(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    store = open_storage(f"sqlite:///{db}")
    site = make_web(store)
    plan_id = _plan(site)
    _locked(site, plan_id)
    site.client.close()
    path = write_csv(tmp_path / "a.csv", [[RD, "%", 2023, 5.9, "最终数", "", "", ""]])
    code, out = _cli(db, "actuals", "import", str(path), "--plan", str(plan_id))
    assert code != 0 and "--as" in out  # accounts exist: who acts must be named
    code, out = _cli(db, "actuals", "import", str(path), "--plan", str(plan_id), "--as",
                     "dept_a")
    assert code != 0  # a department account is not a reviewer
    code, out = _cli(db, "actuals", "import", str(path), "--plan", str(plan_id), "--as",
                     "reviewer")
    assert code != 0 and "锁定" in out
    assert [a.value for a in get_actuals(store, plan_id) if a.year == 2023] == [2.95]
    code, out = _cli(db, "actuals", "import", str(path), "--plan", str(plan_id), "--as",
                     "reviewer", "--correct", "统计局修订")
    assert code == 0, out
    [live] = [a for a in get_actuals(store, plan_id) if a.year == 2023]
    assert live.value == 5.9 and live.submitted_by == "reviewer"
    [entry] = [e for e in query_audit(store, entity="actual", entity_id=live.id)
               if e.field == "value" and e.new == 5.9]
    assert entry.user == "reviewer" and "统计局修订" in (entry.source or "")
    store.close()
