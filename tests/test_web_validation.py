"""Validation at the door (SQLite and PostgreSQL): NaN, Infinity, absurd years, over-long texts,
NUL bytes and future report dates are refused with a 422 problem-details body in Chinese and
English, nothing stored; HTML routes answer Chinese pages; a busy database is a 503."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from planwatch import actions
from planwatch.storage import open_storage
from tests.web_fixtures import (
    DEPT_A,
    PASSWORD,
    Web,
    counts,
    dept as dept_actor,
    make_web,
    pg_database_url,
    sqlite_web,
    web,
)

__all__ = ["pg_database_url", "sqlite_web", "web"]

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"


def _plan(web: Web) -> int:
    plan_id = web.store_plan(SEED)
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, DEPT_A)
    return plan_id


def _is_problem(r: object, status: int) -> dict[str, object]:
    assert getattr(r, "status_code") == status, getattr(r, "text")  # noqa: B009
    assert getattr(r, "headers")["content-type"].startswith("application/problem+json")  # noqa: B009
    body: dict[str, object] = getattr(r, "json")()  # noqa: B009
    assert {"type", "title", "status", "detail", "detail_zh", "detail_en", "code"} <= set(body)
    assert body["status"] == status
    return body


BAD_BODIES = [
    ('{"indicator": "%s", "year": 2022, "value": NaN}', "value"),
    ('{"indicator": "%s", "year": 2022, "value": Infinity}', "value"),
    ('{"indicator": "%s", "year": 99999, "value": 2.5}', "year"),
    ('{"indicator": "%s", "year": 2022, "value": 2.5, "source": "%s"}', "source"),
    ('{"indicator": "%s", "year": 2022, "value": 2.5, "source": "a\\u0000b"}', "source"),
]


@pytest.mark.parametrize(("template", "field"), BAD_BODIES)
def test_bad_submissions_are_422_problems(web: Web, template: str, field: str) -> None:
    plan_id = _plan(web)
    before = counts(web.store)
    raw = template % ((RD, "x" * 1_000_000) if template.count("%s") == 2 else (RD,))
    headers = {**web.bearer("dept_a"), "content-type": "application/json"}
    r = web.client.post(f"/api/v1/plans/{plan_id}/submissions", content=raw, headers=headers)
    body = _is_problem(r, 422)
    assert field in str(body["detail_en"]) and "输入无效" in str(body["detail_zh"])
    assert counts(web.store) == before


def test_verbs_refuse_what_the_api_refuses(web: Web) -> None:
    plan_id = _plan(web)
    dept = dept_actor(web.store)
    for kwargs in ({"value": float("nan")}, {"value": float("inf")}, {"year": 99999},
                   {"source": "x" * 501}, {"source": "a\x00b"}):
        args = {"year": 2022, "value": 2.5, **kwargs}
        with pytest.raises(actions.Invalid):
            actions.submit_actual(web.store, dept, plan_id, RD, args.pop("year"),
                                  args.pop("value"), **args)


def test_progress_dated_in_the_future_is_refused(web: Web) -> None:
    plan_id = web.store_plan("yantai-2024-opinion.txt")
    plan = actions.find_plan(web.store, str(plan_id))[1]
    task = next(t for t in plan.tasks if t.lead)
    before = counts(web.store)
    reviewer = web.bearer("reviewer")
    url = f"/api/v1/plans/{plan_id}/tasks/{task.number}/progress"
    future = (date.today() + timedelta(days=2)).isoformat()
    for body in ({"report": "进展", "reported_on": "2099-01-01"},
                 {"report": "进展", "reported_on": future},
                 {"report": "进展", "percent": float("nan")},
                 {"report": "a\x00b"}):
        r = web.client.post(url, json=body, headers=reviewer) if "percent" not in body else \
            web.client.post(url, content='{"report": "进展", "percent": NaN}',
                            headers={**reviewer, "content-type": "application/json"})
        _is_problem(r, 422)
    assert counts(web.store) == before
    ok = web.client.post(url, json={"report": "进展顺利", "reported_on": date.today().isoformat()},
                         headers=reviewer)
    assert ok.status_code == 201


def test_html_routes_answer_chinese_pages(sqlite_web: Web) -> None:
    sqlite_web.login("reviewer")
    r = sqlite_web.client.get("/plans/98765")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "未找到" in r.text
    r = sqlite_web.client.get("/no-such-page")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    r = sqlite_web.client.get("/api/v1/no-such-thing")
    _is_problem(r, 404)
    r = sqlite_web.client.get("/review?status=nonsense")
    assert r.status_code == 422 and "输入无效" in r.text and "text/html" in r.headers[
        "content-type"]


def test_busy_database_is_503_with_retry_after(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    store = open_storage(f"sqlite:///{db}")
    site = make_web(store)
    blocker = sqlite3.connect(db, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        r = site.client.post("/api/v1/auth/login",
                             json={"username": "reviewer", "password": PASSWORD})
    finally:
        blocker.rollback()
        blocker.close()
    body = _is_problem(r, 503)
    assert r.headers["retry-after"].isdigit() and "忙" in str(body["detail_zh"])
    site.client.close()
    store.close()
