"""The pages on a phone (390×844, real headless Chromium via Playwright) against a real
``planwatch serve`` subprocess on the living demo database: no page is wider than the screen
(``document.documentElement.scrollWidth <= window.innerWidth``; wide tables scroll inside their
own box), and the menu button opens and closes the main menu, which holds the navigation and
the user menu (我的账号 / 修改密码 / API令牌 / 退出). Screenshots of every page go to
test-artifacts/screenshots/mobile/."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planwatch.storage import latest_plan, list_plans, list_regions, open_storage
from tests.e2e_support import (
    CHROMIUM,
    ROOT,
    SCREENSHOTS,
    ServerProcess,
    launch_chromium,
    planwatch_cmd,
)

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
SHOTS = SCREENSHOTS / "mobile"
# elements wider than the screen that are not inside a box scrolling on its own
_OVERFLOW = """(w) => {
  const out = [];
  const scrolls = (el) => { for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p); if (s.overflowX === 'auto' || s.overflowX === 'scroll'
        || s.overflowX === 'hidden') return true; } return false; };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > w + 1 && !scrolls(el)) {
      out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (el.className && typeof el.className === 'string' ? '.' + el.className.trim()
            .replace(/\\s+/g, '.') : '') + ' right=' + Math.round(r.right));
    }
  }
  return out.slice(0, 8);
}"""


def _demo(folder: Path) -> tuple[str, str]:
    """The living demo (values, submissions, tasks) in ``folder``; the admin's name and
    password from its printed accounts."""
    out = subprocess.run([*planwatch_cmd(), "demo", "--no-serve", "--db-file",
                          str(folder / "demo.db")], capture_output=True, text=True, check=True,
                         timeout=300, cwd=ROOT)
    for line in out.stdout.splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 3 and parts[2] == "admin":
            return parts[0], parts[1]
    raise RuntimeError(f"no admin account in the demo output:\n{out.stdout}")


def _pages(db_url: str, admin: str) -> list[tuple[str, str]]:
    """(name, path) of the pages checked: a plan with indicators and tasks, the province's
    dashboard, and the comparison of its first two sub-regions."""
    store = open_storage(db_url)
    try:
        plans = [(p.id, latest_plan(store, p.id)) for p in list_plans(store)]
        plan_id = next(i for i, p in plans if p.indicators and p.tasks)
        [province, *_] = list_regions(store)
        subs = [r.id for r in list_regions(store, parent=province.id)][:2]
    finally:
        store.close()
    compare = "/compare?" + "&".join(f"regions={r}" for r in subs)
    return [("home", "/"), ("plan", f"/plans/{plan_id}"),
            ("indicator", f"/plans/{plan_id}/indicators/0"),
            ("actuals", f"/plans/{plan_id}/actuals"), ("tasks", f"/plans/{plan_id}/tasks"),
            ("review", "/review"), ("dashboard", f"/regions/{province.id}/dashboard"),
            ("compare", compare), ("import", "/import"), ("archived", "/archived"),
            ("reports", f"/plans/{plan_id}/reports"), ("account", "/account"),
            ("users", "/admin/users"),
            ("user", f"/admin/users/{admin}")]


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, list[tuple[str, str]]]]:
    """A signed-in admin's page at 390×844 on a served living demo, and the pages to open."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing (scripts/install-system-deps.sh installs it)")
        pytest.skip(f"{CHROMIUM} missing")
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("mobile")
    admin, password = _demo(folder)
    db_url = f"sqlite:///{folder / 'demo.db'}"
    pages = _pages(db_url, admin)
    with ServerProcess(db_url, folder / "server.log") as srv, sync_playwright() as pw:
        browser = launch_chromium(pw)
        context = browser.new_context(base_url=srv.url, locale="zh-CN", viewport=PHONE,
                                      device_scale_factor=2, is_mobile=True, has_touch=True)
        context.set_default_timeout(15_000)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto("/login")
        page.fill("input[name=username]", admin)
        page.fill("input[name=password]", password)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_load_state()
        assert "/login" not in page.url, page.inner_text("body")[:300]
        try:
            yield page, pages
        finally:
            context.close()
            browser.close()
        assert errors == [], f"JavaScript errors on the pages: {errors}"


def test_no_page_is_wider_than_a_phone(phone: tuple[Any, list[tuple[str, str]]]) -> None:
    page, pages = phone
    SHOTS.mkdir(parents=True, exist_ok=True)
    wide: dict[str, object] = {}
    for name, path in pages:
        response = page.goto(path)
        assert response is not None and response.status == 200, (path, response)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
        scroll, inner = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]")
        # a phone lays out a page wider than its screen in a wider (zoomed out) viewport
        if scroll > inner or inner != PHONE["width"]:
            wide[path] = (scroll, inner, page.evaluate(_OVERFLOW, PHONE["width"]))
    assert wide == {}, f"pages wider than {PHONE['width']} px: {wide}"


def test_menu_button_opens_the_menu(phone: tuple[Any, list[tuple[str, str]]]) -> None:
    page, _ = phone
    page.goto("/")
    button = page.locator(".menu-button")
    users_link = page.locator(".mainnav a[href='/admin/users']")
    assert button.is_visible() and not users_link.is_visible()  # the menu starts closed
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert users_link.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.locator("details.usermenu > summary").click()
    assert page.locator(".usermenu-items a[href='/account#tokens']").is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "menu-open.png"))
    page.locator(".usermenu-items a[href='/account#password']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/account#password")
    assert page.locator("#password input[name=current]").is_visible()
    assert not page.locator(".mainnav a[href='/admin/users']").is_visible()  # closed again
    button.click()
    button.click()
    assert not users_link.is_visible() and button.get_attribute("aria-expanded") == "false"


def test_wide_screens_keep_the_menu_bar(phone: tuple[Any, list[tuple[str, str]]]) -> None:
    page, _ = phone
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        page.goto("/")
        assert not page.locator(".menu-button").is_visible()
        assert page.locator(".mainnav a[href='/admin/users']").is_visible()
        page.locator("details.usermenu > summary").click()
        assert page.locator(".usermenu-items a[href='/account#password']").is_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "desktop-usermenu.png"))
        page.locator("h1").first.click()  # a click elsewhere closes the user menu
        assert not page.locator(".usermenu-items a[href='/account#password']").is_visible()
    finally:
        page.set_viewport_size(PHONE)


def _signs_in(page: Any, username: str, password: str) -> bool:
    """Whether ``username`` can sign in, in a fresh phone-sized context of the same browser."""
    origin = "/".join(page.url.split("/", 3)[:3])
    context = page.context.browser.new_context(base_url=origin, viewport=PHONE, is_mobile=True)
    try:
        other = context.new_page()
        other.goto("/login")
        other.fill("input[name=username]", username)
        other.fill("input[name=password]", password)
        other.click("form[action='/login'] button[type=submit]")
        other.wait_for_load_state()
        return "/login" not in other.url
    finally:
        context.close()


def test_admin_creates_and_deactivates_an_account_on_a_phone(
        phone: tuple[Any, list[tuple[str, str]]]) -> None:
    page, _ = phone
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto("/admin/users")
    page.locator("#new-user > summary").click()
    form = page.locator("form[action='/admin/users']")
    form.locator("input[name=username]").fill("phone1")
    form.locator("input[name=display_name]").fill("移动端用户")
    form.locator("select[name=role]").select_option("viewer")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    password = page.locator("#created code.secret").inner_text().strip()
    assert len(password) >= 10
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(SHOTS / "user-created.png"), full_page=True)
    assert _signs_in(page, "phone1", password)
    page.goto("/admin/users/phone1")
    page.locator("a[href='/admin/users/phone1/confirm/deactivate']").click()
    page.wait_for_load_state()
    page.screenshot(path=str(SHOTS / "user-confirm.png"), full_page=True)
    page.locator("form[action='/admin/users/phone1/deactivate'] button[type=submit]").click()
    page.wait_for_load_state()
    assert "已停用" in page.locator("p.alert-ok").inner_text()
    assert not _signs_in(page, "phone1", password)
