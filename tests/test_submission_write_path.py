"""The submission write path on SQLite and PostgreSQL: token lookup (one join, last use
touched at most once a minute), indicator names cached per plan version (a new version with a
renamed indicator is seen at once), permissions and nothing stored on refusal."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from planwatch import actions
from planwatch.storage import import_plan
from planwatch.storage.audit_log import query_audit
from planwatch.storage.schema_web import api_tokens
from planwatch.storage.types import utcnow
from planwatch.storage.users import user_for_token
from planwatch.workflow.accounts import digest
from tests.web_fixtures import DEPT_A, Web, counts, pg_database_url, sample_plan, web

__all__ = ["pg_database_url", "web"]  # fixtures used by name

SEED = "weihai-2022-plan.txt"


def _last_used(web: Web, token: str) -> object:
    with web.store.reading() as conn:
        return conn.execute(select(api_tokens.c.last_used_at).where(
            api_tokens.c.token_sha256 == digest(token))).scalar_one()


def _set_last_used(web: Web, token: str, minutes_ago: float) -> None:
    with web.store.atomic() as conn:
        conn.execute(api_tokens.update().where(api_tokens.c.token_sha256 == digest(token))
                     .values(last_used_at=utcnow() - timedelta(minutes=minutes_ago)))


def test_token_lookup_and_touch(web: Web) -> None:
    token = actions.create_token(web.store, actions.SYSTEM, "dept_a")
    assert user_for_token(web.store, digest("not-a-token")) is None
    assert _last_used(web, token) is None
    user = user_for_token(web.store, digest(token))
    assert user is not None and (user.username, user.role, user.department) == (
        "dept_a", "department", DEPT_A)
    first = _last_used(web, token)
    assert first is not None
    assert user_for_token(web.store, digest(token)) is not None
    assert _last_used(web, token) == first  # within a minute: not written again
    _set_last_used(web, token, 2)
    stale = _last_used(web, token)
    assert user_for_token(web.store, digest(token)) is not None
    touched = _last_used(web, token)
    assert touched is not None and stale is not None and touched > stale
    actions.set_active(web.store, actions.SYSTEM, "dept_a", False)
    assert user_for_token(web.store, digest(token)) is None


def _submit(web: Web, headers: dict[str, str], plan_id: int, indicator: str) -> int:
    body = {"indicator": indicator, "year": 2023, "value": 1.5, "source": "test"}
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", json=body, headers=headers)
    return r.status_code


def test_names_follow_the_latest_version(web: Web) -> None:
    plan = sample_plan(SEED)
    plan_id = import_plan(web.store, plan, SEED, None, "test").plan_id
    reviewer = web.bearer("reviewer")
    old_name = plan.indicators[0].name
    spaced = " ".join(old_name)  # whitespace inside a name does not matter
    assert _submit(web, reviewer, plan_id, spaced) == 201
    plan.indicators[0].name = old_name + "（新口径）"
    assert import_plan(web.store, plan, SEED, None, "test").plan_id == plan_id
    assert _submit(web, reviewer, plan_id, old_name) == 404
    assert _submit(web, reviewer, plan_id, plan.indicators[0].name) == 201
    assert _submit(web, reviewer, plan_id + 99, plan.indicators[0].name) == 404
    created = [e for e in query_audit(web.store, entity="submission") if e.field == "created"]
    assert [e.new["indicator"] for e in created] == [old_name, plan.indicators[0].name]


def test_department_only_its_indicators(web: Web) -> None:
    plan = sample_plan(SEED)
    plan_id = import_plan(web.store, plan, SEED, None, "test").plan_id
    mine, other = plan.indicators[0].name, plan.indicators[1].name
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, mine, DEPT_A)
    dept = web.bearer("dept_a")
    before = counts(web.store)
    assert _submit(web, dept, plan_id, other) == 403
    assert _submit(web, web.bearer("viewer"), plan_id, mine) == 403
    assert counts(web.store) == before
    body = {"indicator": mine, "year": 2022, "value": 7.0, "draft": True}
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", json=body, headers=dept)
    assert r.status_code == 201, r.text
    got = r.json()
    assert (got["indicator"], got["status"], got["department"], got["submitted_by"],
            got["submitted_at"], got["value"]) == (mine, "draft", DEPT_A, "dept_a", None, 7.0)
    assert counts(web.store)["submissions"] == before["submissions"] + 1
