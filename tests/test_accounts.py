"""Accounts (SQLite and PostgreSQL): API tokens expire and can be revoked (API, CLI, page);
password change, reset and deactivation end sessions and tokens, re-activation revives none;
the current password is required; the password policy; X-Forwarded-For only from trusted
proxies; a global login rate limit."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import update

from planwatch import actions
from planwatch.cli import main
from planwatch.storage import open_storage
from planwatch.storage.schema_web import api_tokens
from planwatch.storage.types import utcnow
from planwatch.web.security import LoginThrottle, client_address
from tests.web_fixtures import PASSWORD, Web, make_web, pg_database_url, sqlite_web, web

__all__ = ["pg_database_url", "sqlite_web", "web"]

ME = "/api/v1/auth/me"


def _ok(web: Web, headers: dict[str, str]) -> bool:
    web.client.cookies.clear()
    return web.client.get(ME, headers=headers).status_code == 200


def test_tokens_expire_and_are_revoked(web: Web) -> None:
    token = web.bearer("dept_a")
    assert _ok(web, token)
    with web.store.atomic() as conn:
        conn.execute(update(api_tokens).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert not _ok(web, token)  # expired
    fresh = web.bearer("dept_a")
    [live] = [t for t in actions.list_tokens(web.store, actions.SYSTEM, "dept_a")
              if t.expires_at and t.expires_at > utcnow()]
    assert live.expires_at is not None and live.expires_at < utcnow() + timedelta(days=91)
    r = web.client.get("/api/v1/users/dept_a/tokens", headers=fresh)
    assert [t["id"] for t in r.json()][-1] == live.id and "token" not in r.json()[0]
    r = web.client.delete(f"/api/v1/users/dept_a/tokens/{live.id}", headers=fresh)
    assert r.status_code == 204
    assert not _ok(web, fresh)  # revoked
    other = web.bearer("dept_b")
    r = web.client.delete(f"/api/v1/users/dept_a/tokens/{live.id}", headers=other)
    assert r.status_code == 403


def test_password_change_needs_the_current_one_and_ends_other_access(web: Web) -> None:
    token = web.bearer("dept_a")
    other_session = web.login("dept_a")
    other_cookie = dict(web.client.cookies)
    csrf = web.login("dept_a")
    url = "/api/v1/users/dept_a"
    r = web.client.patch(url, headers=csrf, json={"password": "a-new-secret-9"})
    assert r.status_code == 403  # no current password
    r = web.client.patch(url, headers=csrf, json={"password": "a-new-secret-9",
                                                  "current_password": "wrong-one-123"})
    assert r.status_code == 403
    r = web.client.patch(url, headers=csrf, json={"password": "short",
                                                  "current_password": PASSWORD})
    assert r.status_code == 422 and "密码" in r.json()["detail_zh"]
    r = web.client.patch(url, headers=csrf, json={"password": "a-new-secret-9",
                                                  "current_password": PASSWORD})
    assert r.status_code == 204, r.text
    assert web.client.get(ME).status_code == 200  # this session stays
    web.client.cookies.clear()
    web.client.cookies.update(other_cookie)
    assert web.client.get(ME, headers=other_session).status_code == 401  # the other ended
    assert not _ok(web, token)


def test_reset_and_deactivation_end_access_and_reactivation_revives_nothing(web: Web) -> None:
    token = web.bearer("dept_b")
    web.login("dept_b")
    cookie = dict(web.client.cookies)
    actions.set_active(web.store, actions.SYSTEM, "dept_b", False)
    actions.set_active(web.store, actions.SYSTEM, "dept_b", True)
    assert not _ok(web, token)
    web.client.cookies.update(cookie)
    assert web.client.get(ME).status_code == 401
    token = web.bearer("dept_b")
    new = actions.reset_password(web.store, actions.SYSTEM, "dept_b")
    assert not _ok(web, token)
    assert actions.authenticate(web.store, "dept_b", new) is not None
    assert actions.authenticate(web.store, "dept_b", PASSWORD) is None


@pytest.mark.parametrize("password", ["short-1", "aaaaaaaaaaaa", "xx-dept_a-xx", "1234567890"])
def test_password_policy(sqlite_web: Web, password: str) -> None:
    with pytest.raises(actions.Invalid):
        actions.check_password(password, "dept_a")


def test_cli_deactivate_reset_revoke(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    store = open_storage(f"sqlite:///{db}")
    site = make_web(store)

    def cli(*args: str) -> str:
        res = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", "user", *args])
        assert res.exit_code == 0, res.output
        return res.output

    token = cli("token", "dept_a", "--days", "1").strip()
    assert _ok(site, {"Authorization": f"Bearer {token}"})
    assert "1\t" in cli("tokens", "dept_a")
    cli("revoke-tokens", "dept_a")
    assert not _ok(site, {"Authorization": f"Bearer {token}"})
    token = cli("token", "dept_a").strip()
    new = re.search(r"new password: (\S+)", cli("reset-password", "dept_a"))
    assert new is not None and actions.authenticate(store, "dept_a", new.group(1))
    assert not _ok(site, {"Authorization": f"Bearer {token}"})
    token = cli("token", "dept_a").strip()
    cli("deactivate", "dept_a")
    cli("activate", "dept_a")
    assert not _ok(site, {"Authorization": f"Bearer {token}"})
    assert "revoked" in cli("tokens", "dept_a")
    site.client.close()
    store.close()


def test_account_page_changes_password_and_revokes_tokens(sqlite_web: Web) -> None:
    sqlite_web.login("viewer")
    page = sqlite_web.client.get("/account")
    assert page.status_code == 200 and "修改密码" in page.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf is not None
    form = {"csrf_token": csrf.group(1)}
    r = sqlite_web.client.post("/account/tokens", data={**form, "name": "脚本", "days": "7"})
    assert r.status_code == 201 and "只显示这一次" in r.text
    [tok] = actions.list_tokens(sqlite_web.store, actions.SYSTEM, "viewer")
    r = sqlite_web.client.post(f"/account/tokens/{tok.id}/revoke", data=form,
                               follow_redirects=False)
    assert r.status_code == 303
    [tok] = actions.list_tokens(sqlite_web.store, actions.SYSTEM, "viewer")
    assert tok.revoked_at is not None
    r = sqlite_web.client.post("/account/password", data={**form, "current": "nope-nope-1",
                                                          "password": "another-secret-7"})
    assert r.status_code == 403 and "当前密码不正确" in r.text
    r = sqlite_web.client.post("/account/password", data={**form, "current": PASSWORD,
                                                          "password": "another-secret-7"},
                               follow_redirects=False)
    assert r.status_code == 303
    assert sqlite_web.client.get("/account").status_code == 200  # this session stays


def test_forwarded_for_only_from_trusted_proxies() -> None:
    assert client_address("203.0.113.9", "1.2.3.4", []) == "203.0.113.9"
    assert client_address("10.0.0.1", "1.2.3.4, 10.0.0.2", ["10.0.0.1", "10.0.0.2"]) == "1.2.3.4"
    assert client_address("10.0.0.1", "evil, 1.2.3.4", ["10.0.0.1"]) == "1.2.3.4"
    store = open_storage("sqlite://")
    site = make_web(store, login_max_failures=2)
    bad = {"username": "admin", "password": "wrong-wrong-1"}
    codes = [site.client.post("/api/v1/auth/login", json=bad,
                              headers={"X-Forwarded-For": f"198.51.100.{k}"}).status_code
             for k in range(4)]
    assert codes == [401, 401, 429, 429]  # a forged header does not escape the throttle
    store.close()


def test_global_login_rate_limit() -> None:
    throttle = LoginThrottle(max_failures=5, window=60, global_max=10)
    for k in range(10):
        assert not throttle.blocked(f"user{k}", f"10.0.0.{k}")
        throttle.failed(f"user{k}", f"10.0.0.{k}")
    assert throttle.blocked("someone-else", "192.0.2.1")
    assert throttle.retry_after("someone-else", "192.0.2.1") >= 1
