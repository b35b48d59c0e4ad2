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
from planwatch.storage.departments import qualify
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


def _import_with_correction(s: Session, docx: Path) -> int:
    """Import page: upload the .docx, check and correct one extracted value, confirm."""
    page = s.page
    page.goto("/import")
    page.set_input_files("form[action='/import'] input[type=file]", str(docx))
    page.click("form[action='/import'] button[type=submit]")
    page.wait_for_selector("#confirm-form")
    name = page.locator(f"input[name='f:indicators.{RD}.name']")
    target = page.locator(f"input[name='f:indicators.{RD}.target']")
    assert (name.input_value(), target.input_value()) == (RD_NAME, "3")
    target.fill("3.1")
    s.shot("import-review")
    page.click("#confirm-form button[type=submit]")
    page.wait_for_selector("#import-done")
    page.click("#import-done a")
    page.wait_for_url("**/plans/*")
    return int(page.url.rstrip("/").rsplit("/", 1)[1])


def _assign_owner(s: Session, plan_id: int, department: str) -> None:
    """Indicator page: set the responsible department."""
    s.page.goto(f"/plans/{plan_id}/indicators/{RD}")
    form = s.page.locator(f"form[action='/plans/{plan_id}/indicators/{RD}/owner']")
    form.locator("input[name=department]").fill(department)
    form.locator("button[type=submit]").click()
    s.page.wait_for_load_state()


def _submit_actual(s: Session, plan_id: int, year: int, value: str) -> None:
    """Actuals page of a department: one cell of the grid, then 提交审核."""
    s.page.goto(f"/plans/{plan_id}/actuals")
    s.page.get_by_label(f"{RD_NAME} {year}年").fill(value)
    s.page.fill("input[name=source]", "2023年统计公报")
    s.shot("actuals-form")
    s.page.click(f"form[action='/plans/{plan_id}/actuals'] button[type=submit]")
    s.page.wait_for_load_state()
    s.shot("actuals-submitted")


def _approve(s: Session, submission_id: int) -> None:
    """Review queue: 通过 on the submission's row."""
    s.page.goto("/review")
    row = s.page.locator(f"#sub-{submission_id}")
    s.shot("review")
    row.locator(f"form[action='/review/{submission_id}/approve'] button").click()
    row.locator(".sub-approved").wait_for()


def _overview_row(s: Session, plan_id: int, year: int) -> str:
    s.page.goto(f"/plans/{plan_id}?year={year}")
    link = s.page.locator(f"a[href='/plans/{plan_id}/indicators/{RD}']")
    return str(link.locator("xpath=ancestor::tr").inner_text())


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
    # the demo's department of the plan's region (淄博市科技局: the plan's 市科技局)
    username, dept = next((u, a) for u, a in accounts.items()
                          if a.department == qualify("市科技局", "淄博市"))
    reviewer = sessions("reviewer")
    plan_id = _import_with_correction(reviewer, _seed_docx(tmp_path))
    assert plan_id == _zibo_plan_id(reviewer)
    _assign_owner(reviewer, plan_id, dept.department)
    before = reviewer.api("GET", f"/plans/{plan_id}/overview?year=2023")["indicators"][RD]
    assert (before["target"], before["owner"]) == (3.1, dept.department)
    row_before = _overview_row(reviewer, plan_id, 2023)
    assert before["verdict"] in row_before and dept.department in row_before

    department = sessions(username)
    _submit_actual(department, plan_id, 2023, "2.4")
    subs = department.api("GET", f"/plans/{plan_id}/submissions")
    assert [(x["indicator"], x["year"], x["value"], x["status"]) for x in subs] == [
        (RD_NAME, 2023, 2.4, "submitted")]

    _approve(reviewer, subs[0]["id"])
    after = reviewer.api("GET", f"/plans/{plan_id}/overview?year=2023")["indicators"][RD]
    assert (after["actual_year"], after["actual"]) == (2023, 2.4)
    assert after["verdict"] != before["verdict"]
    row_after = _overview_row(reviewer, plan_id, 2023)
    assert after["verdict"] in row_after and "2.4" in row_after
    reviewer.shot("overview")

    reviewer.page.goto(f"/plans/{plan_id}/reports")
    reviewer.page.fill("textarea[name=suggestions]", "（一）加强统筹调度。按季度通报进展。")
    reviewer.shot("reports")
    with reviewer.page.expect_download() as info:
        reviewer.page.click("button[name=format][value=docx]")
    download = info.value
    assert download.suggested_filename.endswith("年度监测报告.docx") or (
        download.suggested_filename.endswith("评估报告.docx"))  # named by its title
    assert "（一）加强统筹调度。按季度通报进展。" in _docx_text(Path(download.path()))
    _assert_docx_mentions(Path(download.path()).read_bytes(), RD_NAME)


def _docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _assert_docx_mentions(body: bytes, text: str) -> None:
    """A valid Word file (zip with word/document.xml, readable by python-docx) naming ``text``."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        assert "word/document.xml" in archive.namelist()
    word = WordDocument(io.BytesIO(body))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert any(text in t for t in [*(p.text for p in word.paragraphs), *cells])


def test_pages_tour_with_chart_and_public_view(sessions: Any) -> None:
    """Region tree, overview, indicator page (ECharts draws its SVG), tasks and the public page
    of an anonymous visitor; screenshots of each, no JavaScript error anywhere."""
    reviewer = sessions("reviewer")
    plan_id = _zibo_plan_id(reviewer)
    page = reviewer.page
    page.goto("/")
    assert "淄博" in page.inner_text("main")
    reviewer.shot("regions")
    page.click(f"main a[href='/plans/{plan_id}']")
    page.wait_for_url(f"**/plans/{plan_id}")
    assert RD_NAME in page.inner_text("main")
    reviewer.shot("overview-latest")
    page.goto(f"/plans/{plan_id}/indicators/{RD}")
    page.locator("[data-chart=main] svg").first.wait_for()
    assert RD_NAME in page.inner_text("h1")
    reviewer.shot("indicator")
    with_tasks = [p["id"] for p in reviewer.api("GET", "/plans")
                  if reviewer.api("GET", f"/plans/{p['id']}/tasks?mine=false")]
    assert with_tasks, "the demo has plans with tasks"
    page.goto(f"/plans/{with_tasks[0]}/tasks")
    assert page.locator("tr[id^=task-]").count() > 0
    reviewer.shot("tasks")

    visitor = sessions(None)
    visitor.page.goto(f"/public/plans/{plan_id}")
    text = visitor.page.inner_text("main")
    assert RD_NAME in text
    assert "责任部门" not in text and "待审核" not in text  # nothing internal in public
    visitor.shot("public")
    assert visitor.page.request.get(f"/api/v1/plans/{plan_id}/overview").status == 401


def test_admin_archives_and_unarchives_a_plan(sessions: Any) -> None:
    """Overview → 归档规划… → the confirmation page with its reason → 确认归档: the plan leaves the
    region tree and is listed on 已归档规划; 取消归档 the same way brings it back. A reviewer
    sees no archive button."""
    admin = sessions("admin")
    plan_id = next(int(p["id"]) for p in admin.api("GET", "/plans") if "淄博" not in p["title"])
    page = admin.page
    page.goto(f"/plans/{plan_id}")
    page.click(f"a[href='/plans/{plan_id}/archive']")
    page.wait_for_url(f"**/plans/{plan_id}/archive")
    page.fill("textarea[name=reason]", "已被新规划替代")
    admin.shot("archive-confirm")
    page.click(f"form[action='/plans/{plan_id}/archive'] button[type=submit]")
    page.wait_for_url(f"**/plans/{plan_id}")
    assert "已被新规划替代" in page.inner_text("#archived")
    page.goto("/")
    assert page.locator(f"main a[href='/plans/{plan_id}']").count() == 0
    page.goto("/archived")
    assert page.locator(f"tr[data-plan='{plan_id}']").count() == 1
    admin.shot("archived")
    page.click(f"tr[data-plan='{plan_id}'] a[href='/plans/{plan_id}/archive']")
    page.fill("textarea[name=reason]", "误归档")
    page.click(f"form[action='/plans/{plan_id}/unarchive'] button[type=submit]")
    page.wait_for_url(f"**/plans/{plan_id}")
    assert page.locator("#archived").count() == 0
    reviewer = sessions("reviewer")
    reviewer.page.goto(f"/plans/{plan_id}")
    assert reviewer.page.locator(f"a[href='/plans/{plan_id}/archive']").count() == 0


IMPORT_SEED = "zhifu-2021-plan.txt"


def _in_view(page: Any, selector: str) -> bool:
    """``selector`` lies inside the window (the source pane kept in view)."""
    return bool(page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                    return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0; }""",
        selector))


def test_import_review_fixes_a_docx_extraction(sessions: Any, tmp_path: Path) -> None:
    """Upload a .docx → "定位" lands on the table row of each indicator, with the source pane
    in view however far the form is scrolled → correct a comparator, clear a number, add and
    delete rows → a refused year is answered next to its field with what was typed kept →
    fixed, 确认入库 → the success message links to the stored plan, which holds the fixes."""
    docx = render_docx(read_document(SAMPLES / IMPORT_SEED), tmp_path / "zhifu.docx")
    s = sessions("reviewer")
    page = s.page
    page.goto("/import")
    page.set_input_files("form[action='/import'] input[type=file]", str(docx))
    page.click("form[action='/import'] button[type=submit]")
    page.wait_for_selector("#confirm-form")
    rows = page.locator("#tbl-indicators tbody tr[id^='row-indicators.']")
    count = rows.count()
    assert count >= 3
    for i in (0, count - 1):
        name = page.locator(f"[name='f:indicators.{i}.name']").input_value()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.locator(f"[id='row-indicators.{i}'] a.jump").click()
        hit = page.locator("#source .ln.hl")
        assert hit.count() == 1 and "trow" in (hit.get_attribute("class") or "")
        assert name[:2] in hit.inner_text(), (name, hit.inner_text())
        assert _in_view(page, "#source .ln.hl"), "source row scrolled out of view"
    s.shot("import-review-docx-jump")

    names = [page.locator(f"[name='f:indicators.{i}.name']").input_value() for i in (0, 1)]
    page.fill("[name='f:meta.title']", "芝罘区科技创新规划（导入核对）")
    page.fill("[name='f:indicators.0.target']", "≥3.2")
    page.fill("[name='f:indicators.1.baseline']", "")
    page.fill("[name='f:indicators.2.target_year']", "二〇二五")
    page.click("[data-add-row=indicators]")
    page.fill("[name='f:indicators.n1.name']", "新增指标（核对）")
    page.fill("[name='f:indicators.n1.target']", "35–40")
    if page.locator("[name='del:targets.0']").count():
        page.check("[name='del:targets.0']")
    page.click("#confirm-form button[type=submit]:not([formaction])")
    page.wait_for_selector("#form-errors")
    err = page.locator("[id='err-indicators.2.target_year']")
    assert "须为四位年份" in err.inner_text()
    assert page.locator("[name='f:indicators.n1.name']").input_value() == "新增指标（核对）"
    s.shot("import-review-refused")

    page.fill("[name='f:indicators.2.target_year']", "2025")
    page.click("#confirm-form button[type=submit]:not([formaction])")
    page.wait_for_selector("#import-done")
    assert "已确认入库" in page.inner_text("#import-done")
    s.shot("import-confirmed")
    page.click("#import-done a")
    page.wait_for_url("**/plans/*")
    plan_id = int(page.url.rstrip("/").rsplit("/", 1)[1])
    by_name = {r["name"]: r for r in s.api("GET", f"/plans/{plan_id}/overview")["indicators"]}
    assert by_name[names[0]]["target"] == 3.2 and by_name[names[1]]["baseline"] is None
    assert by_name["新增指标（核对）"]["target"] == 35
