"""Every list of the JSON API answers one page (``offset``/``limit``) with the total in
``X-Total-Count``; out-of-range paging is a 422 problem, never a 500. SQLite and PostgreSQL."""

from __future__ import annotations

from planwatch import actions
from planwatch.model.actual import Actual
from planwatch.storage import record_actuals
from tests.web_fixtures import Web, pg_database_url, web

__all__ = ["pg_database_url", "web"]  # fixtures used by name

SAMPLES = ["weihai-2022-plan.txt", "zibo-2022-plan.txt", "yantai-2024-opinion.txt"]


def _paged(web: Web, url: str, headers: dict[str, str]) -> None:
    whole = web.client.get(url, headers=headers)
    assert whole.status_code == 200, (url, whole.text)
    rows = whole.json()
    total = int(whole.headers["X-Total-Count"])
    assert total == len(rows) and total >= 2, (url, total)
    first = web.client.get(url, params={"limit": 1}, headers=headers)
    second = web.client.get(url, params={"offset": 1, "limit": 1}, headers=headers)
    assert first.json() == rows[:1] and second.json() == rows[1:2], url
    assert first.headers["X-Total-Count"] == str(total)
    past = web.client.get(url, params={"offset": total + 5}, headers=headers)
    assert past.status_code == 200 and past.json() == [], url
    for bad in ({"limit": 0}, {"limit": 100_000}, {"offset": -1}):
        r = web.client.get(url, params=bad, headers=headers)
        assert r.status_code == 422, (url, bad, r.status_code)


def test_every_list_is_paged(web: Web) -> None:
    ids = [web.store_plan(name) for name in SAMPLES]
    weihai = ids[0]
    with_tasks = ids[2]  # the 烟台 opinion carries measures with lead departments
    actions.create_token(web.store, actions.SYSTEM, "admin", "second")
    admin = web.bearer("admin")
    for url in ("/api/v1/plans", f"/api/v1/plans/{with_tasks}/tasks", "/api/v1/users",
                "/api/v1/users/admin/tokens", f"/api/v1/plans/{weihai}/actuals"):
        if url.endswith("/actuals"):
            plan = actions.find_plan(web.store, str(weihai))[1]
            rows = [{"indicator": ind.name, "year": 2022, "value": ind.baseline, "unit": ind.unit}
                    for ind in plan.indicators if ind.baseline is not None][:3]
            record_actuals(web.store, weihai, [Actual(**r) for r in rows], "admin", "test")
        _paged(web, url, admin)
