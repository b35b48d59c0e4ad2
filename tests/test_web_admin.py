"""Web buttons for what was API/CLI only: archiving and unarchiving a plan after a confirmation
step (admins; audited), the archived plans (reviewers), moving a department account to another
department (admins; audited, its access ends); and assigning an indicator to a department of
the plan's region (reviewers). Hidden for the other roles and refused (403) when their forms are
sent anyway. SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from planwatch import actions
from planwatch.storage.audit_log import query_audit
from planwatch.storage.submissions import indicator_owners_of
from planwatch.storage.users import get_user
from tests.paging_helpers import two_pages
from tests.web_fixtures import DEPT_A, DEPT_B, Web, counts, pg_database_url, web

__all__ = ["pg_database_url", "web"]  # fixtures used by name

SAMPLES = ["weihai-2022-plan.txt", "zibo-2022-plan.txt", "yantai-2024-opinion.txt"]
RD = "全社会R&D经费支出占GDP比重"


def _form(html: str, action: str) -> str:
    found = re.search(rf'<form method="post" action="{re.escape(action)}".*?</form>', html,
                      flags=re.S)
    assert found, f"no form posting to {action}"
    return found.group(0)


def _plan_audit(web: Web, plan_id: int) -> list[tuple[str, str | None, str | None]]:
    return [(e.user, e.field, e.new) for e in query_audit(web.store, entity="plan",
                                                           entity_id=plan_id)]


def test_admin_archives_and_unarchives_after_confirming(web: Web) -> None:
    plan_id = web.store_plan(SAMPLES[0])
    csrf = web.login("admin")
    overview = web.client.get(f"/plans/{plan_id}").text
    assert f'href="/plans/{plan_id}/archive"' in overview and "归档规划…" in overview
    confirm = web.client.get(f"/plans/{plan_id}/archive")
    assert confirm.status_code == 200 and "确认归档" in confirm.text
    form = _form(confirm.text, f"/plans/{plan_id}/archive")
    assert f'name="csrf_token" value="{csrf["X-CSRF-Token"]}"' in form
    assert 'name="reason" required' in form
    url = f"/plans/{plan_id}/archive"
    no_csrf = web.client.post(url, data={"reason": "已被新规划替代"}, follow_redirects=False)
    assert no_csrf.status_code == 403
    empty = web.client.post(url, data={"reason": " ", "csrf_token": csrf["X-CSRF-Token"]})
    assert empty.status_code == 422 and "确认归档" in empty.text  # the form again, with why
    assert actions.plan_archive_state(web.store, actions.SYSTEM, plan_id) is None
    done = web.client.post(url, data={"reason": "已被新规划替代",
                                      "csrf_token": csrf["X-CSRF-Token"]},
                           follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/plans/{plan_id}"
    assert ("admin", "archived", "已被新规划替代") in _plan_audit(web, plan_id)
    assert f"/plans/{plan_id}\"" not in web.client.get("/").text  # gone from the region tree
    page = web.client.get(f"/plans/{plan_id}").text
    assert 'id="archived"' in page and "已被新规划替代" in page and "取消归档…" in page
    listed = web.client.get("/archived").text
    assert f'data-plan="{plan_id}"' in listed and "已被新规划替代" in listed
    again = web.client.post(url, data={"reason": "再次", "csrf_token": csrf["X-CSRF-Token"]})
    assert again.status_code == 409 and "已归档" in again.text
    back_form = web.client.get(url).text
    assert "确认取消归档" in back_form
    back = web.client.post(f"/plans/{plan_id}/unarchive", follow_redirects=False,
                           data={"reason": "误归档", "csrf_token": csrf["X-CSRF-Token"]})
    assert back.status_code == 303
    assert ("admin", "unarchived", "误归档") in _plan_audit(web, plan_id)
    assert actions.plan_archive_state(web.store, actions.SYSTEM, plan_id) is None
    assert f'data-plan="{plan_id}"' not in web.client.get("/archived").text


@pytest.mark.parametrize("user", ["reviewer", "dept_a", "viewer"])
def test_archive_is_hidden_and_refused_for_non_admins(web: Web, user: str) -> None:
    plan_id = web.store_plan(SAMPLES[0])
    csrf = web.login(user)
    assert f"/plans/{plan_id}/archive" not in web.client.get(f"/plans/{plan_id}").text
    page = web.client.get(f"/plans/{plan_id}/archive")
    assert page.status_code == 403 and "text/html" in page.headers["content-type"]
    assert "仅管理员可执行此操作" in page.text
    before = counts(web.store)
    for verb in ("archive", "unarchive"):
        r = web.client.post(f"/plans/{plan_id}/{verb}",
                            data={"reason": "越权", "csrf_token": csrf["X-CSRF-Token"]})
        assert r.status_code == 403, (verb, r.status_code)
    assert counts(web.store) == before
    assert actions.plan_archive_state(web.store, actions.SYSTEM, plan_id) is None
    archived = web.client.get("/archived")
    assert archived.status_code == (200 if user == "reviewer" else 403)
    assert "/admin/users" not in web.client.get("/").text
    assert web.client.get("/admin/users").status_code == 403


def test_archived_plans_page(web: Web) -> None:
    ids = [web.store_plan(name) for name in SAMPLES]
    for plan_id in ids:
        actions.archive_plan(web.store, actions.SYSTEM, plan_id, f"归档{plan_id}")
    two_pages(web, "/archived", 'data-plan="', web.bearer("reviewer"), list(reversed(ids)))


def _department_id(web: Web, name: str) -> int:
    return next(d.id for d in actions.list_departments(web.store, actions.SYSTEM)
                if d.name == name)


def test_admin_moves_a_department_account(web: Web) -> None:
    target = _department_id(web, DEPT_B)
    actions.create_token(web.store, actions.SYSTEM, "dept_a", "old")
    csrf = web.login("admin")
    assert 'href="/admin/users"' in web.client.get("/").text
    page = web.client.get("/admin/users")
    assert page.status_code == 200
    form = _form(page.text, "/admin/users/dept_a/department")
    assert f'name="csrf_token" value="{csrf["X-CSRF-Token"]}"' in form
    assert f'<option value="{target}"' in form
    assert "/admin/users/reviewer/department" not in page.text  # only department accounts
    r = web.client.post("/admin/users/dept_a/department", follow_redirects=False,
                        data={"department_id": target, "csrf_token": csrf["X-CSRF-Token"]})
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/users?done=moved")
    user = get_user(web.store, username="dept_a")
    assert user is not None and (user.department_id, user.department) == (target, DEPT_B)
    entries = [(e.user, e.field, e.new) for e in query_audit(web.store, entity="user",
                                                             entity_id=user.id)]
    assert ("admin", "department", DEPT_B) in entries
    assert all(t.revoked_at for t in actions.list_tokens(web.store, actions.SYSTEM, "dept_a"))
    assert "已调整部门" in web.client.get(r.headers["location"]).text
    wrong = web.client.post("/admin/users/reviewer/department",
                            data={"department_id": target, "csrf_token": csrf["X-CSRF-Token"]})
    assert wrong.status_code == 422 and "只有部门账号属于部门" in wrong.text
    missing = web.client.post("/admin/users/dept_b/department",
                              data={"department_id": 99999,
                                    "csrf_token": csrf["X-CSRF-Token"]})
    assert missing.status_code == 404 and "部门99999不存在" in missing.text
    no_csrf = web.client.post("/admin/users/dept_b/department", data={"department_id": target})
    assert no_csrf.status_code == 403


@pytest.mark.parametrize("user", ["reviewer", "dept_a", "viewer"])
def test_moving_departments_is_refused_for_non_admins(web: Web, user: str) -> None:
    target = _department_id(web, DEPT_B)
    csrf = web.login(user)
    before = counts(web.store)
    r = web.client.post("/admin/users/dept_a/department",
                        data={"department_id": target, "csrf_token": csrf["X-CSRF-Token"]})
    assert r.status_code == 403 and "仅管理员可执行此操作" in r.text
    assert counts(web.store) == before
    moved = get_user(web.store, username="dept_a")
    assert moved is not None and moved.department == DEPT_A


def test_accounts_page_pages(web: Web) -> None:
    ids = [u.id for u in actions.list_users(web.store, actions.SYSTEM)]
    assert len(ids) >= 5
    two_pages(web, "/admin/users", 'data-user="', web.bearer("admin"), ids)


def _rd_index(web: Web, plan_id: int) -> int:
    return next(s.index for s in actions.plan_overview(web.store, actions.SYSTEM,
                                                       plan_id).indicators if s.name == RD)


@pytest.mark.parametrize("user", ["reviewer", "admin"])
def test_reviewers_assign_an_indicator_to_a_department(web: Web, user: str) -> None:
    plan_id = web.store_plan(SAMPLES[0])
    url = f"/plans/{plan_id}/indicators/{_rd_index(web, plan_id)}"
    csrf = web.login(user)
    form = _form(web.client.get(url).text, f"{url}/owner")
    assert f'<option value="{DEPT_B}">' in form  # the plan's region's departments
    r = web.client.post(f"{url}/owner", follow_redirects=False,
                        data={"department": "市发展改革委", "csrf_token": csrf["X-CSRF-Token"]})
    assert r.status_code == 303
    owner = indicator_owners_of(web.store, plan_id)[RD]
    assert (owner.name, owner.department_id) == (DEPT_B, _department_id(web, DEPT_B))
    unknown = web.client.post(f"{url}/owner", data={"department": "不存在的局",
                                                    "csrf_token": csrf["X-CSRF-Token"]})
    assert unknown.status_code in (404, 422) and "text/html" in unknown.headers["content-type"]
    assert indicator_owners_of(web.store, plan_id)[RD].name == DEPT_B


@pytest.mark.parametrize("user", ["dept_a", "viewer"])
def test_assigning_an_indicator_is_hidden_and_refused_for_others(web: Web, user: str) -> None:
    plan_id = web.store_plan(SAMPLES[0])
    url = f"/plans/{plan_id}/indicators/{_rd_index(web, plan_id)}"
    csrf = web.login(user)
    assert f'action="{url}/owner"' not in web.client.get(url).text
    before = counts(web.store)
    r = web.client.post(f"{url}/owner", data={"department": DEPT_A,
                                              "csrf_token": csrf["X-CSRF-Token"]})
    assert r.status_code == 403 and "text/html" in r.headers["content-type"]
    assert counts(web.store) == before and RD not in indicator_owners_of(web.store, plan_id)
