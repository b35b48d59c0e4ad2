"""动态调整, history and version diff in a real browser (headless Debian Chromium via Playwright)
against a real ``planwatch serve`` on a fresh demo database: a reviewer revises a target on the
indicator page (reason and authorising document), sees it marked 已调整 with the original beside
it on the indicator and plan pages, finds the revision on 变更记录 by filtering, and a department
sees no form. Screenshots (desktop and phone width) go to test-artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_e2e import browser, server, sessions

__all__ = ["browser", "server", "sessions"]  # fixtures used by name

pytestmark = pytest.mark.e2e

HTE_ROW = 3  # 淄博: 高新技术企业 703 (2020) → 1800 (2025)
DOC = "淄科字〔2023〕5号"


def _zibo(s: Any) -> int:
    return next(int(p["id"]) for p in s.api("GET", "/plans") if "淄博" in p["title"])


def test_reviewer_revises_a_target_and_finds_it_in_the_history(sessions: Any,
                                                                server: Any) -> None:
    reviewer = sessions("reviewer")
    plan_id = _zibo(reviewer)
    page = reviewer.page
    page.goto(f"/plans/{plan_id}/indicators/{HTE_ROW}")
    form = page.locator("#revise-form")
    form.locator("input[name=value]").fill("2000")
    form.locator("textarea[name=reason]").fill("省下达任务调增")
    form.locator("input[name=document]").fill(DOC)
    reviewer.shot("revise-form")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/plans/{plan_id}/indicators/{HTE_ROW}?revised=1*")
    target = page.inner_text("#target")
    assert "2,000" in target and "已调整" in target and "1,800" in target, target
    assert "目标已调整" in page.inner_text("main")
    reviewer.shot("revise-done")

    page.goto(f"/plans/{plan_id}")
    row = page.locator(f"a[href='/plans/{plan_id}/indicators/{HTE_ROW}']").locator(
        "xpath=ancestor::tr").inner_text()
    assert "已调整" in row and "原目标 1,800" in row, row

    page.click(f"nav.tabs a[href='/plans/{plan_id}/history']")
    page.wait_for_url(f"**/plans/{plan_id}/history")
    page.select_option("#history-filter select[name=kind]", label="目标动态调整")
    page.click("#history-filter button[type=submit]")
    page.wait_for_url("**kind=target_revision*")
    rows = page.locator("#history tbody tr[data-entry]")
    assert rows.count() == 1
    text = rows.first.inner_text()
    assert "高新技术企业" in text and "1,800 → 2,000" in text and DOC in text, text
    reviewer.shot("history-filtered")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/plans/{plan_id}/history")
    reviewer.shot("history-mobile")

    _, accounts = server
    department = sessions(next(u for u, a in accounts.items() if a.role == "department"))
    department.page.goto(f"/plans/{plan_id}/indicators/{HTE_ROW}")
    assert department.page.locator("#revise-form").count() == 0
    assert "已调整" in department.page.inner_text("#target")
    assert department.page.locator(f"a[href='/plans/{plan_id}/history']").count() == 0
    assert department.page.goto(f"/plans/{plan_id}/history").status == 403
