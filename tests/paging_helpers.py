"""Checks of the paged HTML lists (tests/test_web_lists.py, tests/test_web_admin.py): rows are
found by the text before their id (``data-submission="``, ``id="sub-``), the total by the
pager's ``data-total``."""

from __future__ import annotations

import re

from tests.web_fixtures import Web

BAD_PAGING = ({"page": "0"}, {"page": "abc"}, {"page": "-1"}, {"page": "1.5"},
              {"size": "0"}, {"size": "501"}, {"page": "99999999"}, {"page": "１"})


def row_ids(html: str, prefix: str) -> list[int]:
    """The ids of the rows: the numbers after ``prefix`` (up to the closing quote)."""
    return [int(i) for i in re.findall(rf'{re.escape(prefix)}(\d+)"', html)]


def pager_total(html: str) -> int:
    found = re.search(r'class="pager small"[^>]*data-total="(\d+)"', html)
    assert found, html[-2000:]
    return int(found.group(1))


def two_pages(web: Web, url: str, prefix: str, headers: dict[str, str],
              expected: list[int]) -> None:
    """``url`` in pages of 2: all of ``expected`` in order, with the total and the links."""
    first = web.client.get(url, params={"size": 2}, headers=headers)
    assert first.status_code == 200, first.text[-1500:]
    assert row_ids(first.text, prefix) == expected[:2]
    assert pager_total(first.text) == len(expected)
    assert f"共{len(expected)}条" in first.text and "下一页" in first.text
    assert "上一页" not in first.text
    second = web.client.get(url, params={"size": 2, "page": 2}, headers=headers)
    assert row_ids(second.text, prefix) == expected[2:4]
    assert "上一页" in second.text
    last_page = -(-len(expected) // 2)
    last = web.client.get(url, params={"size": 2, "page": last_page}, headers=headers)
    assert "下一页" not in last.text
    past = web.client.get(url, params={"size": 2, "page": last_page + 3}, headers=headers)
    assert past.status_code == 200 and row_ids(past.text, prefix) == []
    assert f"page={last_page}" in past.text  # 上一页 leads back to the last page
    every = [i for n in range(1, last_page + 1) for i in row_ids(web.client.get(
        url, params={"size": 2, "page": n}, headers=headers).text, prefix)]
    assert every == expected


def refuses_bad_paging(web: Web, url: str, headers: dict[str, str]) -> None:
    for bad in BAD_PAGING:
        r = web.client.get(url, params=bad, headers=headers)
        assert r.status_code == 400, (url, bad, r.status_code)
        assert "text/html" in r.headers["content-type"] and "分页参数无效" in r.text, bad
