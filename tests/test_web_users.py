"""User management in the web app (/admin/users) and the JSON API (/api/v1/users): admins
create accounts (a one-time password shown once), change the display name, role and
department, reset passwords, revoke tokens, deactivate and re-activate — destructive ones after
a confirmation page, every change audited, CSRF-checked and refused (403) for other roles. An
admin cannot deactivate or demote themselves and the last active admin stays. The header's
user menu leads to the password and token forms of /account. SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch import actions
from planwatch.cli import main
from planwatch.storage import open_storage
from planwatch.storage.audit_log import query_audit
from planwatch.storage.users import UserRecord, get_user
from tests.web_fixtures import (
    DEPT_A,
    DEPT_B,
    PASSWORD,
    Web,
    counts,
    make_web,
    pg_database_url,
    sqlite_web,
    web,
)

__all__ = ["pg_database_url", "sqlite_web", "web"]  # fixtures used by name


def _form(html: str, action: str) -> str:
    found = re.search(rf'<form method="post" action="{re.escape(action)}".*?</form>', html,
                      flags=re.S)
    assert found, f"no form posting to {action}"
    return found.group(0)


def _department_id(web: Web, name: str) -> int:
    return next(d.id for d in actions.list_departments(web.store, actions.SYSTEM)
                if d.name == name)


def _user(web: Web, username: str) -> UserRecord:
    user = get_user(web.store, username=username)
    assert user is not None
    return user


def _audit(web: Web, username: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.user, e.field, e.new) for e in query_audit(web.store, entity="user",
                                                           entity_id=_user(web, username).id)]


def _secret(html: str) -> str:
    found = re.search(r'<code class="secret">([^<]+)</code>', html)
    assert found, "no one-time password on the page"
    return found.group(1)


def test_admin_creates_accounts_with_a_one_time_password(sqlite_web: Web) -> None:
    web = sqlite_web
    csrf = web.login("admin")["X-CSRF-Token"]
    page = web.client.get("/admin/users").text
    form = _form(page, "/admin/users")
    assert f'name="csrf_token" value="{csrf}"' in form
    assert '<option value="department"' in form
    dept = _department_id(web, DEPT_A)
    data = {"username": "wang5", "display_name": "王五", "role": "department",
            "department_id": str(dept)}
    assert web.client.post("/admin/users", data=data).status_code == 403  # no CSRF token
    r = web.client.post("/admin/users", data={**data, "csrf_token": csrf})
    assert r.status_code == 201 and r.headers["cache-control"] == "no-store"
    password = _secret(r.text)
    assert actions.authenticate(web.store, "wang5", password) is not None
    user = _user(web, "wang5")
    assert (user.display_name, user.role, user.department_id) == ("王五", "department", dept)
    assert [f for _, f, _ in _audit(web, "wang5")] == ["created"]
    assert f'data-user="{user.id}"' in web.client.get("/admin/users").text
    assert password not in web.client.get("/admin/users").text  # shown once
    again = web.client.post("/admin/users", data={**data, "csrf_token": csrf})
    assert again.status_code == 409 and "用户已存在" in again.text
    assert 'value="wang5"' in again.text  # the form keeps what was typed
    no_dept = web.client.post("/admin/users", data={"username": "li4", "role": "department",
                                                     "csrf_token": csrf})
    assert no_dept.status_code == 409 and "部门用户须指定所属部门" in no_dept.text
    weak = web.client.post("/admin/users", data={"username": "li4", "role": "viewer",
                                                 "password": "li4-li4-li4", "csrf_token": csrf})
    assert weak.status_code == 422 and "不能包含用户名" in weak.text
    assert get_user(web.store, username="li4") is None
    given = web.client.post("/admin/users", data={
        "username": "zhao6", "role": "reviewer", "department_id": str(dept),
        "password": "a-long-secret-7", "csrf_token": csrf})
    assert given.status_code == 201 and 'class="secret"' not in given.text  # not generated
    reviewer = _user(web, "zhao6")
    assert (reviewer.role, reviewer.department_id) == ("reviewer", None)  # no department


def test_admin_changes_name_role_and_department(web: Web) -> None:
    token = web.bearer("dept_a")
    csrf = web.login("admin")["X-CSRF-Token"]
    page = web.client.get("/admin/users/dept_a")
    assert page.status_code == 200
    assert f'name="csrf_token" value="{csrf}"' in _form(page.text, "/admin/users/dept_a/name")
    r = web.client.post("/admin/users/dept_a/name", follow_redirects=False,
                        data={"display_name": " 张三 ", "csrf_token": csrf})
    assert r.status_code == 303 and r.headers["location"] == "/admin/users/dept_a?done=name"
    assert _user(web, "dept_a").display_name == "张三"
    assert "已修改姓名" in web.client.get(r.headers["location"]).text
    r = web.client.post("/admin/users/dept_a/role", follow_redirects=False,
                        data={"role": "reviewer", "department_id": "", "csrf_token": csrf})
    assert r.status_code == 303
    moved = _user(web, "dept_a")
    assert (moved.role, moved.department_id, moved.department) == ("reviewer", None, None)
    web.client.cookies.clear()
    assert web.client.get("/api/v1/auth/me", headers=token).status_code == 401  # access ended
    csrf = web.login("admin")["X-CSRF-Token"]
    back = web.client.post("/admin/users/dept_a/role", data={"role": "department",
                                                             "csrf_token": csrf})
    assert back.status_code == 422 and "部门账号须指定所属部门" in back.text
    target = _department_id(web, DEPT_B)
    r = web.client.post("/admin/users/dept_a/role", follow_redirects=False,
                        data={"role": "department", "department_id": str(target),
                              "csrf_token": csrf})
    assert r.status_code == 303
    user = _user(web, "dept_a")
    assert (user.role, user.department_id, user.department) == ("department", target, DEPT_B)
    fields = [(f, n) for _, f, n in _audit(web, "dept_a")]
    assert ("display_name", "张三") in fields and ("role", "reviewer") in fields
    assert ("role", "department") in fields and ("department", DEPT_B) in fields
    bad = web.client.post("/admin/users/dept_a/role", data={"role": "root",
                                                            "csrf_token": csrf})
    assert bad.status_code == 422 and "未知角色" in bad.text


def test_reset_revoke_and_deactivate_after_confirming(web: Web) -> None:
    actions.create_token(web.store, actions.SYSTEM, "dept_b", "sync")
    csrf = web.login("admin")["X-CSRF-Token"]
    page = web.client.get("/admin/users/dept_b").text
    for action in ("reset-password", "revoke-tokens", "deactivate"):
        assert f'href="/admin/users/dept_b/confirm/{action}"' in page
        confirm = web.client.get(f"/admin/users/dept_b/confirm/{action}")
        assert confirm.status_code == 200 and "审计日志" in confirm.text
        assert f'value="{csrf}"' in _form(confirm.text, f"/admin/users/dept_b/{action}")
        assert web.client.post(f"/admin/users/dept_b/{action}").status_code == 403  # CSRF
    assert web.client.get("/admin/users/dept_b/confirm/delete").status_code == 422
    r = web.client.post("/admin/users/dept_b/revoke-tokens", data={"csrf_token": csrf},
                        follow_redirects=False)
    assert r.status_code == 303
    assert all(t.revoked_at for t in actions.list_tokens(web.store, actions.SYSTEM, "dept_b"))
    r = web.client.post("/admin/users/dept_b/reset-password", data={"csrf_token": csrf})
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    new = _secret(r.text)
    assert actions.authenticate(web.store, "dept_b", new) is not None
    assert actions.authenticate(web.store, "dept_b", PASSWORD) is None
    r = web.client.post("/admin/users/dept_b/deactivate", data={"csrf_token": csrf},
                        follow_redirects=False)
    assert r.status_code == 303 and not _user(web, "dept_b").active
    assert actions.authenticate(web.store, "dept_b", new) is None
    after = web.client.get(r.headers["location"]).text
    assert "已停用" in after and 'action="/admin/users/dept_b/activate"' in after
    r = web.client.post("/admin/users/dept_b/activate", data={"csrf_token": csrf},
                        follow_redirects=False)
    assert r.status_code == 303 and _user(web, "dept_b").active
    fields = [f for _, f, _ in _audit(web, "dept_b")]
    assert fields.count("active") == 2 and "password_hash" in fields
    assert "tokens-revoked" in fields


def test_admins_keep_their_own_rights_and_the_last_admin_stays(web: Web) -> None:
    csrf = web.login("admin")["X-CSRF-Token"]
    own = web.client.get("/admin/users/admin").text
    assert "/admin/users/admin/confirm/deactivate" not in own
    assert '<option value="reviewer"' not in _form(own, "/admin/users/admin/role")
    r = web.client.post("/admin/users/admin/deactivate", data={"csrf_token": csrf})
    assert r.status_code == 403 and "不能停用自己的账号" in r.text
    r = web.client.post("/admin/users/admin/role", data={"role": "viewer", "csrf_token": csrf})
    assert r.status_code == 403 and "不能取消自己的管理员角色" in r.text
    assert _user(web, "admin").role == "admin" and _user(web, "admin").active
    with pytest.raises(actions.Conflict, match="最后一个有效的管理员"):
        actions.set_active(web.store, actions.SYSTEM, "admin", False)
    with pytest.raises(actions.Conflict, match="最后一个有效的管理员"):
        actions.set_role(web.store, actions.SYSTEM, "admin", "reviewer")
    r = web.client.post("/admin/users/reviewer/role", data={"role": "admin", "csrf_token": csrf},
                        follow_redirects=False)
    assert r.status_code == 303 and _user(web, "reviewer").role == "admin"
    r = web.client.post("/admin/users/reviewer/deactivate", data={"csrf_token": csrf},
                        follow_redirects=False)
    assert r.status_code == 303  # another admin is left: allowed
    with pytest.raises(actions.Conflict):  # the inactive one does not count
        actions.set_active(web.store, actions.SYSTEM, "admin", False)
    actions.set_active(web.store, actions.SYSTEM, "reviewer", True)
    actions.set_role(web.store, actions.SYSTEM, "admin", "viewer")  # another admin is active
    assert _user(web, "admin").role == "viewer"


PAGE_POSTS = [("/admin/users", {"username": "x1", "role": "viewer"}),
              ("/admin/users/dept_a/name", {"display_name": "越权"}),
              ("/admin/users/dept_a/role", {"role": "admin"}),
              ("/admin/users/dept_a/deactivate", {}),
              ("/admin/users/dept_a/activate", {}),
              ("/admin/users/dept_a/reset-password", {}),
              ("/admin/users/dept_a/revoke-tokens", {})]


@pytest.mark.parametrize("user", ["reviewer", "dept_a", "viewer"])
def test_user_management_is_refused_for_others(web: Web, user: str) -> None:
    actions.create_token(web.store, actions.SYSTEM, "dept_a", "keep")
    csrf = web.login(user)["X-CSRF-Token"]
    before = counts(web.store), _user(web, "dept_a")
    assert "/admin/users" not in web.client.get("/").text
    for path in ("/admin/users", "/admin/users/dept_a", f"/admin/users/{user}",
                 "/admin/users/dept_a/confirm/deactivate"):
        r = web.client.get(path)
        assert r.status_code == 403 and "仅管理员可执行此操作" in r.text, path
    for path, data in PAGE_POSTS:
        r = web.client.post(path, data={**data, "csrf_token": csrf})
        assert r.status_code == 403, (path, r.status_code)
    api = [("POST", "/api/v1/users/dept_a/reset-password", None),
           ("PATCH", "/api/v1/users/dept_a", {"role": "admin"}),
           ("PATCH", f"/api/v1/users/{user}", {"role": "admin"}),
           ("PATCH", "/api/v1/users/dept_a", {"active": False})]
    for method, path, body in api:
        r = web.client.request(method, path, json=body, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 403, (method, path, r.status_code)
    assert (counts(web.store), _user(web, "dept_a")) == before
    assert get_user(web.store, username="x1") is None
    assert any(not t.revoked_at for t in actions.list_tokens(web.store, actions.SYSTEM,
                                                            "dept_a"))


def test_api_edits_accounts_in_one_transaction(web: Web) -> None:
    headers = web.bearer("admin")
    target = _department_id(web, DEPT_B)
    r = web.client.post("/api/v1/users", headers=headers, json={
        "username": "api1", "password": "a-long-secret-7", "role": "viewer",
        "display_name": "接口用户"})
    assert r.status_code == 201 and r.json()["display_name"] == "接口用户"
    r = web.client.patch("/api/v1/users/api1", headers=headers, json={
        "display_name": "新名字", "role": "department", "department_id": target})
    assert r.status_code == 204, r.text
    got = web.client.get("/api/v1/users/api1", headers=headers).json()
    assert (got["display_name"], got["role"], got["department_id"]) == (
        "新名字", "department", target)
    # all or nothing: the name is not kept when the role change is refused
    r = web.client.patch("/api/v1/users/reviewer", headers=headers,
                         json={"display_name": "不该保存", "role": "department"})
    assert r.status_code == 422 and _user(web, "reviewer").display_name is None
    r = web.client.patch("/api/v1/users/admin", headers=headers, json={"active": False})
    assert r.status_code == 403 and "不能停用自己的账号" in r.json()["detail_zh"]
    r = web.client.post("/api/v1/users/api1/reset-password", headers=headers)
    assert r.status_code == 200
    assert actions.authenticate(web.store, "api1", r.json()["password"]) is not None
    own = web.bearer("viewer")
    assert web.client.get("/api/v1/users/viewer", headers=own).status_code == 200
    assert web.client.get("/api/v1/users/api1", headers=own).status_code == 403


def test_user_menu_leads_to_password_and_tokens(sqlite_web: Web) -> None:
    sqlite_web.login("dept_a")
    home = sqlite_web.client.get("/").text
    menu = re.search(r'<details class="usermenu">.*?</details>', home, flags=re.S)
    assert menu is not None
    for link in ('href="/account"', 'href="/account#password"', 'href="/account#tokens"',
                 'action="/logout"'):
        assert link in menu.group(0), link
    account = sqlite_web.client.get("/account").text
    assert 'id="password"' in account and 'id="tokens"' in account
    assert 'class="menu-button" href="#navpanel"' in home and 'id="navpanel"' in home


def test_user_pages_in_english(sqlite_web: Web) -> None:
    sqlite_web.login("admin")
    sqlite_web.client.cookies.set("lang", "en")
    pages = ["/admin/users", "/admin/users/dept_a", "/admin/users/dept_a/confirm/deactivate",
             "/admin/users/dept_a/confirm/reset-password",
             "/admin/users/dept_a/confirm/revoke-tokens"]
    data = {DEPT_A, DEPT_B, "威海市科技局", "烟台市科技局", "烟台市发展改革委"}
    for path in pages:
        text = sqlite_web.client.get(path).text
        for name in data:
            text = text.replace(name, "")
        body = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", text, flags=re.S)
        visible = re.sub(r"<[^>]+>", " ", body)
        chinese = set(re.findall(r"[\u4e00-\u9fff]+", visible)) - {"中文", "规"}
        assert chinese == set(), (path, chinese)


def test_cli_role_and_name(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    store = open_storage(f"sqlite:///{db}")
    site = make_web(store)

    def cli(*args: str, ok: bool = True) -> str:
        res = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", "user", *args])
        assert (res.exit_code == 0) == ok, res.output
        return res.output

    assert "张三" in cli("name", "dept_a", "张三")
    assert "reviewer" in cli("role", "dept_a", "--role", "reviewer")
    assert "dept_a\treviewer\t\t张三" in cli("list")
    assert DEPT_B in cli("role", "dept_a", "--role", "department", "--department", DEPT_B)
    assert "最后一个有效的管理员" in cli("role", "admin", "--role", "viewer", ok=False)
    assert "最后一个有效的管理员" in cli("deactivate", "admin", ok=False)
    user = get_user(store, username="dept_a")
    assert user is not None and (user.role, user.department) == ("department", DEPT_B)
    site.client.close()
    store.close()
