"""Every HTML list that grows is paged (``?page=N&size=M``, counted and cut in SQL): the review
queue, a plan's submissions, an indicator's history, one's API tokens, the accounts and the
archived plans. More rows than a page → two pages with the right total; a page past the end
is empty; bad paging parameters → a Chinese 400 page, never a 500. SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from planwatch import actions
from planwatch.storage import paged
from tests.web_fixtures import DEPT_A, Web, dept as dept_actor, pg_database_url, web

__all__ = ["pg_database_url", "web"]  # fixtures used by name

SEED = "weihai-2022-plan.txt"
RD = "全社会R&D经费支出占GDP比重"
BAD_PAGING = ({"page": "0"}, {"page": "abc"}, {"page": "-1"}, {"page": "1.5"},
              {"size": "0"}, {"size": "501"}, {"page": "99999999"}, {"page": "１"})


def _plan_with_submissions(web: Web, count: int) -> int:
    """The 威海 plan with ``count`` pending submissions of dept_a (years 2001…)."""
    plan_id = web.store_plan(SEED)
    actions.set_indicator_owner(web.store, actions.SYSTEM, plan_id, RD, DEPT_A)
    for k in range(count):
        actions.submit_actual(web.store, dept_actor(web.store), plan_id, RD, 2001 + k, 2.0 + k)
    return plan_id


def _ids(html: str, attribute: str) -> list[int]:
    return [int(i) for i in re.findall(rf'{attribute}="(\d+)"', html)]


def _total(html: str) -> int:
    found = re.search(r'class="pager small"[^>]*data-total="(\d+)"', html)
    assert found, html[-2000:]
    return int(found.group(1))


def _two_pages(web: Web, url: str, attribute: str, headers: dict[str, str],
               expected: list[int]) -> None:
    """``url`` in pages of 2: all of ``expected`` in order, with the total and the links."""
    first = web.client.get(url, params={"size": 2}, headers=headers)
    assert first.status_code == 200, first.text[-1500:]
    assert _ids(first.text, attribute) == expected[:2]
    assert _total(first.text) == len(expected)
    assert f"共{len(expected)}条" in first.text and "下一页" in first.text
    assert "上一页" not in first.text
    second = web.client.get(url, params={"size": 2, "page": 2}, headers=headers)
    assert _ids(second.text, attribute) == expected[2:4]
    assert "上一页" in second.text
    last_page = -(-len(expected) // 2)
    last = web.client.get(url, params={"size": 2, "page": last_page}, headers=headers)
    assert "下一页" not in last.text
    past = web.client.get(url, params={"size": 2, "page": last_page + 3}, headers=headers)
    assert past.status_code == 200 and _ids(past.text, attribute) == []
    assert f"page={last_page}" in past.text  # 上一页 leads back to the last page
    every = [i for n in range(1, last_page + 1) for i in _ids(web.client.get(
        url, params={"size": 2, "page": n}, headers=headers).text, attribute)]
    assert every == expected


def _refuses_bad_paging(web: Web, url: str, headers: dict[str, str]) -> None:
    for bad in BAD_PAGING:
        r = web.client.get(url, params=bad, headers=headers)
        assert r.status_code == 400, (url, bad, r.status_code)
        assert "text/html" in r.headers["content-type"] and "分页参数无效" in r.text, bad


def test_review_queue_pages(web: Web) -> None:
    plan_id = _plan_with_submissions(web, 5)
    reviewer = web.bearer("reviewer")
    oldest_first = [s.id for s in actions.list_submissions(web.store, actions.SYSTEM, plan_id)]
    _two_pages(web, "/review", "data-submission", reviewer, oldest_first)
    html = web.client.get("/review", params={"size": 2, "plan": plan_id},
                          headers=reviewer).text
    following = re.search(r'href="([^"]+)" rel="next"', html)
    assert following and following.group(1) == f"/review?size=2&amp;plan={plan_id}&amp;page=2"
    _refuses_bad_paging(web, "/review", reviewer)


def test_plan_submissions_page_newest_first_and_own_only(web: Web) -> None:
    plan_id = _plan_with_submissions(web, 5)
    newest_first = [s.id for s in reversed(
        actions.list_submissions(web.store, actions.SYSTEM, plan_id))]
    url = f"/plans/{plan_id}/actuals"
    _two_pages(web, url, "data-submission", web.bearer("dept_a"), newest_first)
    _two_pages(web, url, "data-submission", web.bearer("reviewer"), newest_first)
    other = web.client.get(url, headers=web.bearer("dept_b"))
    assert other.status_code == 200 and _ids(other.text, "data-submission") == []
    assert _total(other.text) == 0 and "共0条" in other.text
    _refuses_bad_paging(web, url, web.bearer("dept_a"))


def test_indicator_history_pages(web: Web) -> None:
    plan_id = _plan_with_submissions(web, 5)
    index = next(s.index for s in actions.plan_overview(web.store, actions.SYSTEM,
                                                        plan_id).indicators if s.name == RD)
    newest_first = [s.id for s in reversed(
        actions.list_submissions(web.store, actions.SYSTEM, plan_id))]
    url = f"/plans/{plan_id}/indicators/{index}"
    _two_pages(web, url, "data-submission", web.bearer("reviewer"), newest_first)
    _refuses_bad_paging(web, url, web.bearer("reviewer"))


def test_account_tokens_page(web: Web) -> None:
    for n in range(4):
        actions.create_token(web.store, actions.SYSTEM, "viewer", f"t{n}")
    headers = web.bearer("viewer")  # a fifth token
    ids = [t.id for t in reversed(actions.list_tokens(web.store, actions.SYSTEM, "viewer"))]
    assert len(ids) == 5
    _two_pages(web, "/account", "data-token", headers, ids)
    _refuses_bad_paging(web, "/account", headers)


def test_default_page_size_and_sql_total(web: Web) -> None:
    """Without ``size`` the lists show 50 rows (the review queue 100); the storage query counts
    every row and returns one page only."""
    plan_id = _plan_with_submissions(web, 3)
    rows, total = paged.page_submissions_newest(web.store, plan_id, offset=1, limit=1)
    assert total == 3 and len(rows) == 1
    html = web.client.get(f"/plans/{plan_id}/actuals", headers=web.bearer("dept_a")).text
    assert len(_ids(html, "data-submission")) == 3 and "下一页" not in html


@pytest.mark.parametrize("size", ["", " "])
def test_blank_paging_means_the_default(web: Web, size: str) -> None:
    r = web.client.get("/account", params={"size": size, "page": ""},
                       headers=web.bearer("viewer"))
    assert r.status_code == 200
