"""Every HTML list that grows is paged (``?page=N&size=M``, counted and cut in SQL): the review
queue, a plan's submissions, an indicator's history, one's API tokens, a region's plans (the
region tree shows the first ones), the accounts and the archived plans. More rows than a page
→ two pages with the right total; a page past the end is empty; bad paging parameters → a
Chinese 400 page, never a 500. SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from planwatch import actions
from planwatch.storage import import_plan, paged
from planwatch.web.pages import home as home_pages
from tests.paging_helpers import pager_total, refuses_bad_paging, row_ids, two_pages
from tests.web_fixtures import (
    DEPT_A,
    Web,
    dept as dept_actor,
    pg_database_url,
    sample_plan,
    web,
)

__all__ = ["pg_database_url", "web"]  # fixtures used by name

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"


def _plan_with_submissions(web: Web, count: int) -> int:
    """The 威海 plan with ``count`` pending submissions of dept_a (years 2001…)."""
    plan_id = web.store_plan(SEED)
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, DEPT_A)
    for k in range(count):
        actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2001 + k, 2.0 + k)
    return plan_id


def test_review_queue_pages(web: Web) -> None:
    plan_id = _plan_with_submissions(web, 5)
    reviewer = web.bearer("reviewer")
    oldest_first = [s.id for s in actions.list_submissions(web.store, actions.SYSTEM, plan_id)]
    two_pages(web, "/review", 'id="sub-', reviewer, oldest_first)
    html = web.client.get("/review", params={"size": 2, "plan": plan_id},
                          headers=reviewer).text
    following = re.search(r'href="([^"]+)" rel="next"', html)
    assert following and following.group(1) == f"/review?size=2&amp;plan={plan_id}&amp;page=2"
    refuses_bad_paging(web, "/review", reviewer)


def test_plan_submissions_page_newest_first_and_own_only(web: Web) -> None:
    plan_id = _plan_with_submissions(web, 5)
    newest_first = [s.id for s in reversed(
        actions.list_submissions(web.store, actions.SYSTEM, plan_id))]
    url = f"/plans/{plan_id}/actuals"
    two_pages(web, url, 'data-submission="', web.bearer("dept_a"), newest_first)
    two_pages(web, url, 'data-submission="', web.bearer("reviewer"), newest_first)
    other = web.client.get(url, headers=web.bearer("dept_b"))
    assert other.status_code == 200 and row_ids(other.text, 'data-submission="') == []
    assert pager_total(other.text) == 0 and "共0条" in other.text
    refuses_bad_paging(web, url, web.bearer("dept_a"))


def test_indicator_history_pages(web: Web) -> None:
    plan_id = _plan_with_submissions(web, 5)
    index = next(s.index for s in actions.plan_overview(web.store, actions.SYSTEM,
                                                        plan_id).indicators if s.name == RD)
    newest_first = [s.id for s in reversed(
        actions.list_submissions(web.store, actions.SYSTEM, plan_id))]
    url = f"/plans/{plan_id}/indicators/{index}"
    two_pages(web, url, 'data-submission="', web.bearer("reviewer"), newest_first)
    refuses_bad_paging(web, url, web.bearer("reviewer"))


def test_account_tokens_page(web: Web) -> None:
    for n in range(4):
        actions.create_token(web.store, actions.SYSTEM, "viewer", f"t{n}")
    headers = web.bearer("viewer")  # a fifth token
    ids = [t.id for t in reversed(actions.list_tokens(web.store, actions.SYSTEM, "viewer"))]
    assert len(ids) == 5
    two_pages(web, "/account", 'data-token="', headers, ids)
    refuses_bad_paging(web, "/account", headers)


def test_default_page_size_and_sqlpager_total(web: Web) -> None:
    """Without ``size`` the lists show 50 rows (the review queue 100); the storage query counts
    every row and returns one page only."""
    plan_id = _plan_with_submissions(web, 3)
    rows, total = paged.page_submissions_newest(web.store, plan_id, offset=1, limit=1)
    assert total == 3 and len(rows) == 1
    html = web.client.get(f"/plans/{plan_id}/actuals", headers=web.bearer("dept_a")).text
    assert len(row_ids(html, 'data-submission="')) == 3 and "下一页" not in html


@pytest.mark.parametrize("size", ["", " "])
def test_blank_paging_means_the_default(web: Web, size: str) -> None:
    r = web.client.get("/account", params={"size": size, "page": ""},
                       headers=web.bearer("viewer"))
    assert r.status_code == 200


def test_region_tree_shows_the_first_plans_and_links_the_paged_rest(
        web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(home_pages, "TREE_PLANS", 2)
    ids = []
    for k in range(5):
        plan = sample_plan(SEED)
        plan.meta.title = f"威海市科技创新规划（第{k}稿）"
        ids.append(import_plan(web.store, plan, SEED, None, "test").plan_id)
    actions.archive_plan(web.store, actions.SYSTEM, ids[4], "旧稿")
    listed = ids[:4]
    viewer = web.bearer("viewer")
    home = web.client.get("/", headers=viewer).text
    assert row_ids(home, 'data-plan="') == listed[:2]
    region_id = actions.plan_item(web.store, actions.SYSTEM, ids[0]).region_id
    link = f"/regions/{region_id}/plans"
    assert f'href="{link}"' in home and "查看全部4个规划" in home and "（4个规划）" in home
    two_pages(web, link, 'data-plan="', viewer, listed)
    refuses_bad_paging(web, link, viewer)
    for plan_id in (ids[1], ids[3], ids[4]):
        actions.set_plan_public(web.store, actions.SYSTEM, plan_id, True)
    web.client.cookies.clear()
    visitor = web.client.get(link)  # anonymous: the public plans only, never archived ones
    assert row_ids(visitor.text, 'data-plan="') == [ids[1], ids[3]]
    assert pager_total(visitor.text) == 2 and f"/public/plans/{ids[1]}" in visitor.text
    assert row_ids(web.client.get("/").text, 'data-plan="') == [ids[1], ids[3]]
    for missing in ("99999", "abc", "-1"):
        assert web.client.get(f"/regions/{missing}/plans").status_code == 404
