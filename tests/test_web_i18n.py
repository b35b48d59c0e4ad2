"""English toggle of the HTML pages: Chinese by default, English with the ``lang`` cookie
(set by ``GET /lang/en?next=…`` or ``?lang=en``); data stays as stored; ``next`` must be
local."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

import pytest

from planwatch import actions
from planwatch.web.i18n import CATALOGUE, safe_next, switch_url, translate
from tests.web_fixtures import Web, make_web

SEED = "weihai-2022-plan.txt"


@pytest.fixture
def site() -> Iterator[Web]:
    """The app on in-memory SQLite with SEED stored and public; a reviewer signed in."""
    store = actions.open_store("sqlite://")
    w = make_web(store)
    plan_id = w.store_plan(SEED)
    actions.set_plan_public(store, actions.SYSTEM, plan_id, True)
    try:
        yield w
    finally:
        w.client.close()
        store.close()


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def headings(html: str) -> list[str]:
    return [text_of(h).strip() for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, re.S)]


def badges(html: str) -> list[str]:
    return re.findall(r'<span class="l">([^<]+)</span>', html)


def test_overview_chinese_by_default(site: Web) -> None:
    site.login("reviewer")
    html = site.client.get("/plans/1").text
    assert '<html lang="zh-CN">' in html
    assert {"指标监测", "审核发现"} <= set(headings(html))
    assert badges(html)[:8] == ["提前实现", "快于预期", "基本符合预期", "滞后", "倒退",
                                "已实现", "未实现", "暂无数据"]
    assert "Ahead of schedule" not in html


def test_overview_in_english_with_cookie(site: Web) -> None:
    site.login("reviewer")
    chinese = site.client.get("/plans/1").text
    site.client.cookies.set("lang", "en")
    html = site.client.get("/plans/1").text
    assert '<html lang="en">' in html
    assert {"Indicator monitoring", "Audit findings"} <= set(headings(html))
    assert badges(html)[:8] == ["Achieved early", "Ahead of schedule", "On track", "Behind",
                                "Regressing", "Achieved", "Missed", "No data"]
    assert "<th>Verdict</th>" in html and "<th>进度判断</th>" not in html
    title = re.search(r"<h1>(.*?)</h1>", chinese, re.S)
    assert title and f"<h1>{title.group(1)}</h1>" in html  # the plan title is data: unchanged
    names = re.findall(r'<td class="name"><a [^>]+>([^<]+)</a>', chinese)
    assert names and names == re.findall(r'<td class="name"><a [^>]+>([^<]+)</a>', html)


def test_public_page_both_languages(site: Web) -> None:
    site.client.cookies.clear()
    zh = site.client.get("/public/plans/1")
    assert zh.status_code == 200
    assert "指标进展" in headings(zh.text) and "暂无数据" in badges(zh.text)
    en = site.client.get("/public/plans/1?lang=en")
    assert en.status_code == 200
    assert "Indicator progress" in headings(en.text) and "No data" in badges(en.text)
    assert "指标进展" not in en.text
    assert en.cookies.get("lang") == "en"  # ?lang=en remembers the choice
    again = site.client.get("/public/plans/1")
    assert "Indicator progress" in headings(again.text)


def test_lang_route_sets_cookie_and_redirects_back(site: Web) -> None:
    r = site.client.get("/lang/en", params={"next": "/public/plans/1?year=2023"},
                        follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/public/plans/1?year=2023"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("lang=en;") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    home = site.client.get("/")
    assert "Regions &amp; plans" in home.text and '<html lang="en">' in home.text
    back = site.client.get("/lang/zh", params={"next": "/"}, follow_redirects=False)
    assert back.headers["set-cookie"].startswith("lang=zh;")
    site.client.cookies.set("lang", "zh")
    assert "<h1>地区与规划</h1>" in site.client.get("/").text


@pytest.mark.parametrize("target", ["https://evil.example/x", "//evil.example/x",
                                    "/\\evil.example", "javascript:alert(1)", "evil.example",
                                    "/ok\r\nSet-Cookie: x=1", ""])
def test_lang_route_rejects_external_next(site: Web, target: str) -> None:
    r = site.client.get("/lang/en", params={"next": target}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/"


def test_lang_route_unknown_language(site: Web) -> None:
    r = site.client.get("/lang/fr", params={"next": "/"}, follow_redirects=False)
    assert r.status_code == 404
    assert "set-cookie" not in r.headers


def test_unknown_cookie_value_falls_back_to_chinese(site: Web) -> None:
    site.client.cookies.set("lang", "<script>")
    html = site.client.get("/").text
    assert '<html lang="zh-CN">' in html and "<script>" not in text_of(html).split("lang")[0]


def test_toggle_links_keep_the_page_and_drop_lang() -> None:
    from starlette.requests import Request

    scope = {"type": "http", "method": "GET", "path": "/plans/1",
             "query_string": b"year=2023&lang=en", "headers": []}
    assert switch_url(Request(scope), "zh") == "/lang/zh?next=%2Fplans%2F1%3Fyear%3D2023"
    assert safe_next("/plans/1?year=2023") == "/plans/1?year=2023"


def test_header_toggle_and_csp_kept(site: Web) -> None:
    r = site.client.get("/public/plans/1")
    assert 'href="/lang/en?next=%2Fpublic%2Fplans%2F1"' in r.text
    assert ">中文</a> | <a" in r.text and ">English</a>" in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]


def test_translate_fills_fields_and_falls_back() -> None:
    english = translate("指标 {n} 项，有实际值 {m} 项", "en", n=3, m=1)
    assert english == "3 indicators, 1 with actuals"
    assert translate("指标 {n} 项，有实际值 {m} 项", "zh", n=3, m=1) == "指标 3 项，有实际值 1 项"
    assert translate("某个未收录的数据名称", "en") == "某个未收录的数据名称"
    assert CATALOGUE["倒退"] == "Regressing"


PAGES = ["/", "/plans/1", "/plans/1/indicators/1", "/plans/1/actuals", "/plans/1/tasks",
         "/plans/1/reports", "/review", "/import", "/public/plans/1", "/plans/99"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_renders_in_both_languages(site: Web, lang: str) -> None:
    site.login("admin")
    site.client.cookies.set("lang", lang)
    for page in PAGES:
        r = site.client.get(page)
        assert r.status_code == (404 if page == "/plans/99" else 200), page
        assert f'<html lang="{"en" if lang == "en" else "zh-CN"}">' in r.text, page
    review = site.client.get("/review").text
    assert ("<h1>Review</h1>" in review) == (lang == "en")
    indicator = site.client.get("/plans/1/indicators/1").text
    assert ("<h2>Indicator facts</h2>" in indicator) == (lang == "en")
    assert ("<h2>指标信息</h2>" in indicator) == (lang == "zh")
