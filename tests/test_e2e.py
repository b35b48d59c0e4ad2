"""End to end in a real browser (headless Debian Chromium via Playwright) against a real
``planwatch serve`` subprocess on a fresh demo database:

reviewer uploads a plan as .docx → corrects one extracted value → confirms → assigns the
indicator → a department submits an actual → the reviewer approves → the verdict on the plan
overview changes → the report downloads as a valid .docx. Screenshots of the key pages go to
test-artifacts/screenshots/.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document as WordDocument

from planwatch.parse import read_document
from tests.e2e_support import (
    CHROMIUM,
    SCREENSHOTS,
    Account,
    ServerProcess,
    launch_chromium,
    make_demo_db,
)
from tests.render import render_docx
from tests.web_fixtures import SAMPLES

pytestmark = pytest.mark.e2e

SEED = "zibo-2022-plan.txt"
RD = 0  # indicators[0]: R&D经费支出占GDP的比重 2.79 (2020) → 3.0 (2025)
RD_NAME = "R&D经费支出占GDP的比重"
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[ServerProcess, dict[str, Account]]]:
    """``planwatch serve`` on a fresh demo SQLite file (stopped after the module)."""
    folder = tmp_path_factory.mktemp("e2e")
    accounts = make_demo_db(folder / "demo.db")
    srv = ServerProcess(f"sqlite:///{folder / 'demo.db'}", folder / "server.log")
    with srv:
        yield srv, accounts


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing (scripts/install-system-deps.sh installs it)")
        pytest.skip(f"{CHROMIUM} missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        try:
            yield chromium
        finally:
            chromium.close()


class Session:
    """One browser context (own cookie jar) of one user on the test server."""

    def __init__(self, browser: Any, srv: ServerProcess, account: Account | None) -> None:
        self.context = browser.new_context(base_url=srv.url, locale="zh-CN",
                                           viewport={"width": 1280, "height": 900},
                                           accept_downloads=True)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.problems: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        if account is not None:
            self.sign_in(account)

    def sign_in(self, account: Account) -> None:
        """Through the /login form, as a person would. Should the form fail, the problem is
        recorded (the test fails at teardown) and the session signs in through the JSON API so
        that the rest of the flow is still exercised."""
        page = self.page
        page.goto("/login")
        page.fill("input[name=username]", account.username)
        page.fill("input[name=password]", account.password)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_load_state()
        if "/login" not in page.url:
            return
        self.problems.append(f"login form failed for {account.username}: "
                             f"{page.inner_text('body')[:200]}")
        r = page.request.post("/api/v1/auth/login", data={
            "username": account.username, "password": account.password})
        assert r.ok, r.text()
        page.goto("/")

    def csrf(self) -> dict[str, str]:
        r = self.page.request.get("/api/v1/auth/me")
        assert r.ok, r.text()
        return {"X-CSRF-Token": r.json()["csrf_token"]}

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        """A call with the browser's cookie (and CSRF header for state changes)."""
        if method != "GET":
            kwargs["headers"] = {**kwargs.get("headers", {}), **self.csrf()}
        r = self.page.request.fetch("/api/v1" + path, method=method, **kwargs)
        assert r.ok, f"{method} {path}: {r.status} {r.text()[:500]}"
        return r.json() if r.status != 204 else None

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def sessions(browser: Any, server: tuple[ServerProcess, dict[str, Account]]
             ) -> Iterator[Any]:
    """``open(username or None)`` → a signed-in Session; all closed after the test."""
    srv, accounts = server
    opened: list[Session] = []

    def open_(username: str | None) -> Session:
        s = Session(browser, srv, accounts[username] if username else None)
        opened.append(s)
        return s

    yield open_
    for s in opened:
        s.close()
    errors = [e for s in opened for e in s.errors]
    assert errors == [], f"JavaScript errors on the pages: {errors}"
    problems = [p for s in opened for p in s.problems]
    assert problems == [], problems


def _seed_docx(folder: Path) -> Path:
    return render_docx(read_document(SAMPLES / SEED), folder / "zibo-2022-plan.docx")


def _zibo_plan_id(s: Session) -> int:
    plans = s.api("GET", "/plans")
    ids = [p["id"] for p in plans if "淄博" in p["title"]]
    assert len(ids) == 1, plans
    return int(ids[0])


def _upload_and_confirm(s: Session, docx: Path) -> int:
    preview = s.api("POST", "/uploads", multipart={"file": {
        "name": docx.name, "mimeType": DOCX_MEDIA, "buffer": docx.read_bytes()}})
    ind = preview["plan"]["indicators"][RD]
    assert (ind["name"], ind["baseline"], ind["target"]) == (RD_NAME, 2.79, 3.0)
    fix = {"field": f"indicators.{RD}.target", "value": 3.1}
    confirmed = s.api("POST", f"/uploads/{preview['upload_id']}/confirm",
                      data={"corrections": [fix]})
    assert confirmed["corrections"] == 1
    return int(confirmed["plan_id"])


def test_login_page_rejects_wrong_password(sessions: Any) -> None:
    s = sessions(None)
    s.page.goto("/login")
    s.shot("login")
    s.page.fill("input[name=username]", "reviewer")
    s.page.fill("input[name=password]", "not-the-password")
    s.page.click("form[action='/login'] button[type=submit]")
    assert "/login" in s.page.url
    assert "用户名或密码错误" in s.page.inner_text("[role=alert]")


def test_upload_correct_submit_approve_report(
        sessions: Any, server: tuple[ServerProcess, dict[str, Account]],
        tmp_path: Path) -> None:
    _, accounts = server
    dept = accounts["dept01"]
    reviewer = sessions("reviewer")
    plan_id = _upload_and_confirm(reviewer, _seed_docx(tmp_path))
    assert plan_id == _zibo_plan_id(reviewer)
    reviewer.api("PUT", f"/plans/{plan_id}/indicators/{RD}/owner",
                 data={"department": dept.department})
    before = reviewer.api("GET", f"/plans/{plan_id}/overview?year=2023")
    row = before["indicators"][RD]
    assert (row["target"], row["owner"]) == (3.1, dept.department)

    department = sessions("dept01")
    sub = department.api("POST", f"/plans/{plan_id}/submissions", data={
        "indicator": RD_NAME, "year": 2023, "value": 2.4, "unit": "%"})
    assert (sub["status"], sub["submitted_by"]) == ("submitted", "dept01")

    approved = reviewer.api("POST", f"/submissions/{sub['id']}/approve",
                            data={"comment": "核实"})
    assert approved["status"] == "approved"
    after = reviewer.api("GET", f"/plans/{plan_id}/overview?year=2023")
    row_after = after["indicators"][RD]
    assert (row_after["actual_year"], row_after["actual"]) == (2023, 2.4)
    assert row_after["verdict"] != row["verdict"]

    r = reviewer.page.request.get(f"/api/v1/plans/{plan_id}/report?year=2023&format=docx")
    assert r.ok and "attachment" in r.headers["content-disposition"]
    _assert_docx_mentions(r.body(), RD_NAME)


def _assert_docx_mentions(body: bytes, text: str) -> None:
    """A valid Word file (zip with word/document.xml, readable by python-docx) naming ``text``."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        assert "word/document.xml" in archive.namelist()
    word = WordDocument(io.BytesIO(body))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert any(text in t for t in [*(p.text for p in word.paragraphs), *cells])
