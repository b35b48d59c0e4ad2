"""首页 by role in a real browser (headless Chromium, tests/test_e2e.py's sessions) on the living
demo (``planwatch demo`` without ``--plain``): a department sees its 待填报 and the returned
submission with the reviewer's comment; a reviewer's cards lead to pages listing as many rows
as the card says. Screenshots: test-artifacts/screenshots/home-*.png."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from planwatch.workflow.demo_activity import RETURN_COMMENT
from tests.e2e_support import Account, ServerProcess, make_demo_db
from tests.test_e2e import Session, browser

__all__ = ["browser"]  # fixture used by name
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def living(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[ServerProcess, dict[str, Account]]]:
    folder = tmp_path_factory.mktemp("e2e-home")
    accounts = make_demo_db(folder / "demo.db", plain=False)
    with ServerProcess(f"sqlite:///{folder / 'demo.db'}", folder / "server.log") as srv:
        yield srv, accounts


def _count(page: Any, card: str) -> int:
    return int(page.locator(f"#card-{card}").get_attribute("data-count"))


def _open(browser: Any, living: tuple[ServerProcess, dict[str, Account]],
          username: str | None) -> Session:
    srv, accounts = living
    return Session(browser, srv, accounts[username] if username else None)


def test_department_home_in_chromium(browser: Any, living: Any) -> None:
    s = _open(browser, living, "dept01")  # 青州市科技局: one value returned, one waiting
    try:
        page = s.page
        page.goto("/")
        assert _count(page, "returned") == 1 and _count(page, "to-fill") >= 1
        assert RETURN_COMMENT in page.locator("#returned").inner_text()
        assert page.locator("tr.to-fill").count() == _count(page, "to-fill")
        s.shot("home-department")
        page.locator("#to-fill a.btn").first.click()
        page.wait_for_url("**/plans/*/actuals")
        assert s.errors == [] and s.problems == []
    finally:
        s.close()


def test_reviewer_home_in_chromium(browser: Any, living: Any) -> None:
    s = _open(browser, living, "reviewer")
    try:
        page = s.page
        page.goto("/")
        pending, overdue = _count(page, "review"), _count(page, "overdue")
        assert pending >= 1 and overdue >= 1 and _count(page, "warnings") >= 1
        s.shot("home-reviewer")
        link = page.locator("a.overdue-tasks").first
        tasks = int(link.get_attribute("data-n"))
        link.click()
        page.wait_for_url("**/tasks?*")
        assert int(page.locator("[data-count=tasks]").inner_text()) == tasks
        assert page.locator("tr.overdue").count() == tasks
        page.goto("/")
        page.locator("#card-review").click()
        page.wait_for_url("**/review")
        assert int(page.locator("nav.pager").get_attribute("data-total")) == pending
        s.page.set_viewport_size({"width": 390, "height": 844})
        page.goto("/")
        s.shot("home-reviewer-mobile")
        assert s.errors == [] and s.problems == []
    finally:
        s.close()


def test_public_home_in_chromium(browser: Any, living: Any) -> None:
    s = _open(browser, living, None)
    try:
        s.page.goto("/")
        assert s.page.locator("#card-review").count() == 0
        assert s.page.locator("li.plan a[href^='/public/plans/']").count() >= 1
        s.shot("home-public")
    finally:
        s.close()
