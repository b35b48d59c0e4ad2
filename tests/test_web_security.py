"""Web security: permissions enforced with nothing changed (403), locked approved values, CSRF,
login throttling, upload size and type limits, escaping, cookie flags."""

from __future__ import annotations

from planwatch import actions
from planwatch.model.plan import Meta, Plan
from planwatch.storage import import_plan, open_storage
from planwatch.storage.submissions import list_submissions
from planwatch.storage.task_progress import list_progress
from tests.web_fixtures import (
    DEPT_A,
    DEPT_B,
    SAMPLES,
    Web,
    counts,
    dept as dept_actor,
    make_web,
    pg_database_url,
    sqlite_web,
    web,
)

__all__ = ["pg_database_url", "sqlite_web", "web"]  # fixtures used by name

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"


def _owned_plan(web: Web) -> int:
    plan_id = web.store_plan(SEED)
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, DEPT_A)
    return plan_id


def _approved(web: Web, plan_id: int) -> int:
    dept = dept_actor(web.store)
    sub = actions.submit_actual(web.store, dept, plan_id, RD, 2022, 2.5)
    actions.approve_submission(web.store, actions.Actor("reviewer", "reviewer"), sub.id)
    return sub.id


def test_department_cannot_submit_another_departments_indicator(web: Web) -> None:
    plan_id = _owned_plan(web)
    before = counts(web.store)
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=web.bearer("dept_b"),
                        json={"indicator": RD, "year": 2022, "value": 2.5})
    assert r.status_code == 403, r.text
    assert r.json()["code"] == "forbidden"
    assert counts(web.store) == before


def test_unassigned_indicator_and_viewer_are_refused(web: Web) -> None:
    plan_id = _owned_plan(web)
    before = counts(web.store)
    body = {"indicator": "万人高价值发明专利拥有量", "year": 2022, "value": 6}
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=web.bearer("dept_a"),
                        json=body)
    assert r.status_code == 403
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=web.bearer("viewer"),
                        json={**body, "indicator": RD})
    assert r.status_code == 403
    assert counts(web.store) == before


def test_department_cannot_approve_nor_change_a_locked_value(web: Web) -> None:
    plan_id = _owned_plan(web)
    sub_id = _approved(web, plan_id)
    before, rows = counts(web.store), list_submissions(web.store, plan_id)
    dept = web.bearer("dept_a")
    r = web.client.patch(f"/api/v1/submissions/{sub_id}", headers=dept, json={"value": 9.9})
    assert r.status_code == 403, r.text
    r = web.client.post(f"/api/v1/submissions/{sub_id}/approve", headers=dept, json={})
    assert r.status_code == 403
    r = web.client.post(f"/api/v1/submissions/{sub_id}/approve",
                        headers=web.bearer("reviewer"), json={})
    assert r.status_code == 409  # approved once: locked, a second review is a conflict
    assert counts(web.store) == before
    assert list_submissions(web.store, plan_id) == rows
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", headers=dept,
                        json={"indicator": RD, "year": 2022, "value": 2.55})
    assert r.status_code == 409, r.text  # the cell is locked: a correction request is needed
    assert "更正申请" in r.json()["detail_zh"] and r.json()["code"] == "conflict"
    r = web.client.post(f"/api/v1/plans/{plan_id}/corrections", headers=dept,
                        json={"indicator": RD, "year": 2022, "value": 2.55, "reason": "统计局修订"})
    assert r.status_code == 201, r.text
    assert (r.json()["kind"], r.json()["status"], r.json()["reason"]) == (
        "correction", "submitted", "统计局修订")


def test_department_cannot_report_on_another_departments_task(web: Web) -> None:
    plan_id = web.store_plan("yantai-2024-opinion.txt")
    plan = actions.find_plan(web.store, str(plan_id))[1]
    foreign = next(t for t in plan.tasks if t.lead and DEPT_B not in t.lead)
    before = counts(web.store)
    r = web.client.post(f"/api/v1/plans/{plan_id}/tasks/{foreign.number}/progress",
                        headers=web.bearer("dept_b"), json={"report": "擅自填报"})
    assert r.status_code == 403, r.text
    assert counts(web.store) == before
    assert list_progress(web.store, plan_id) == []


def test_missing_csrf_token_on_cookie_request_is_refused(web: Web) -> None:
    plan_id = _owned_plan(web)
    csrf = web.login("dept_a")
    before = counts(web.store)
    body = {"indicator": RD, "year": 2022, "value": 2.5}
    url = f"/api/v1/plans/{plan_id}/submissions"
    assert web.client.post(url, json=body).status_code == 403
    assert web.client.post(url, json=body, headers={"X-CSRF-Token": "x" * 64}).status_code == 403
    assert counts(web.store) == before
    assert web.client.post(url, json=body, headers=csrf).status_code == 201


def test_csrf_form_field_is_accepted(sqlite_web: Web) -> None:
    web = sqlite_web
    csrf = web.login("reviewer")["X-CSRF-Token"]
    with (SAMPLES / SEED).open("rb") as fh:
        r = web.client.post("/api/v1/uploads", data={"csrf_token": csrf},
                            files={"file": (SEED, fh, "text/plain")})
    assert r.status_code == 201, r.text
    with (SAMPLES / SEED).open("rb") as fh:
        r = web.client.post("/api/v1/uploads", files={"file": (SEED, fh, "text/plain")})
    assert r.status_code == 403


def test_login_throttling(sqlite_web: Web) -> None:
    web = sqlite_web
    wrong = {"username": "reviewer", "password": "wrong-password"}
    codes = [web.client.post("/api/v1/auth/login", json=wrong).status_code for _ in range(5)]
    assert codes == [401] * 5
    right = {"username": "reviewer", "password": "correct-horse-1"}
    r = web.client.post("/api/v1/auth/login", json=right)
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 0
    other = {"username": "admin", "password": "correct-horse-1"}
    assert web.client.post("/api/v1/auth/login", json=other).status_code == 200


def test_session_cookie_flags(sqlite_web: Web) -> None:
    r = sqlite_web.client.post("/api/v1/auth/login",
                               json={"username": "viewer", "password": "correct-horse-1"})
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie


def test_oversized_upload_is_413_and_wrong_type_415() -> None:
    store = open_storage("sqlite://")
    web = make_web(store, max_upload_mb=0.01)
    csrf = web.login("reviewer")
    big = b"a" * 20_000
    r = web.client.post("/api/v1/uploads", files={"file": ("big.txt", big, "text/plain")},
                        headers=csrf)
    assert r.status_code == 413
    r = web.client.post("/api/v1/uploads", files={"file": ("x.exe", b"MZ", "text/plain")},
                        headers=csrf)
    assert r.status_code == 415
    r = web.client.post("/api/v1/uploads", files={"file": ("x.xlsx", b"PK", "text/plain")},
                        headers=csrf)
    assert r.status_code == 415  # actuals types are not plan documents
    web.client.close()
    store.close()


def test_plan_title_is_escaped_in_html(sqlite_web: Web) -> None:
    web = sqlite_web
    evil = "<script>alert(1)</script>规划"
    import_plan(web.store, Plan(meta=Meta(title=evil)), "evil.txt", None, "test")
    web.login("viewer")
    page = web.client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;规划" in page.text
    assert "<script>alert" not in page.text
    assert page.headers["x-content-type-options"] == "nosniff"


def test_login_form_needs_its_csrf_cookie(sqlite_web: Web) -> None:
    web = sqlite_web
    form = web.client.get("/login")
    assert form.status_code == 200 and 'name="csrf_token"' in form.text
    token = web.client.cookies.get("pw_login_csrf")
    data = {"username": "viewer", "password": "correct-horse-1", "next": "//evil.example"}
    assert web.client.post("/login", data=data).status_code == 403
    r = web.client.post("/login", data={**data, "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_bad_bearer_token_is_401(sqlite_web: Web) -> None:
    r = sqlite_web.client.get("/api/v1/plans", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401
