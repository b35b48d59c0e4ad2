"""End to end in Chromium (the fixtures of tests/test_e2e.py, its own demo server): a department
types ``2.95%`` and full-width digits into the entry form, withdraws one submission, and the
reviewer sees the other with its context (baseline, target, last year), ticks 全选 and approves
with the batch button. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_e2e import browser, server, sessions

__all__ = ["browser", "server", "sessions"]

pytestmark = pytest.mark.e2e

RD = 1  # indicators[1] of the 威海 plan: 全社会R&D经费支出占GDP比重, %, 2.36 (2020) → 2.8 (2025)
RD_NAME = "全社会R&D经费支出占GDP比重"
DEPARTMENT = "威海市科技局"


def test_typed_values_withdraw_and_batch_approve(sessions: Any,
                                                 server: tuple[Any, dict[str, Any]]) -> None:
    _, accounts = server
    username = next(u for u, a in accounts.items() if a.department == DEPARTMENT)
    reviewer = sessions("reviewer")
    plan_id = next(int(p["id"]) for p in reviewer.api("GET", "/plans") if "威海" in p["title"])
    reviewer.api("PUT", f"/plans/{plan_id}/indicators/{RD}/owner",
                 data={"department": DEPARTMENT})

    department = sessions(username)
    page = department.page
    page.goto(f"/plans/{plan_id}/actuals")
    assert "基期 2.36（2020）" in page.inner_text("main")
    page.get_by_label(f"{RD_NAME} 2024年").fill("2.95%")
    page.get_by_label(f"{RD_NAME} 2025年").fill("３．０１")
    page.fill("input[name=source]", "2024年统计公报")
    department.shot("review-typed-values")
    page.click(f"form[action='/plans/{plan_id}/actuals'] button[type=submit]")
    page.wait_for_load_state()
    assert "已提交 2 条" in page.inner_text("main")
    subs = {s["year"]: s for s in department.api("GET", f"/plans/{plan_id}/submissions")}
    assert (subs[2024]["value"], subs[2025]["value"]) == (2.95, 3.01)
    page.click(f"form[action='/submissions/{subs[2025]['id']}/withdraw'] button")
    page.wait_for_load_state()
    assert "已撤回" in page.inner_text("main")
    department.shot("review-withdrawn")

    page = reviewer.page
    page.goto("/review")
    row = page.locator(f"#sub-{subs[2024]['id']}")
    text = row.inner_text()
    assert "基期 2.36（2020）" in text and "目标 2.8（2025）" in text and "2024年统计公报" in text
    assert page.locator(f"#sub-{subs[2025]['id']}").count() == 0  # withdrawn: not pending
    page.check("input[data-check-all]")  # review.js ticks every row's box
    assert row.locator("input[name=ids]").is_checked()
    reviewer.shot("review-batch")
    page.click("#batch-approve button[type=submit]")
    page.wait_for_load_state()
    assert "已批量通过" in page.inner_text("main")
    approved = reviewer.api("GET", f"/plans/{plan_id}/submissions?status=approved")
    assert [s["id"] for s in approved] == [subs[2024]["id"]]
