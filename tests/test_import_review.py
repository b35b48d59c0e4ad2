"""Import review that can fix anything (issue 9 item 5): every field of indicators, targets,
tasks and the plan facts corrected, rows added and deleted, uploads listed, resumed and
discarded, refused fields answered next to the field in Chinese and English with nothing
stored, the source jump landing on the row an item came from (.txt and .docx), and the stored
plan equal to the corrected preview — on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from planwatch import actions
from planwatch.model.plan import Indicator, Plan, Target, Task
from planwatch.parse import read_document
from planwatch.storage import latest_plan, list_plans
from planwatch.storage.plan_access import list_corrections
from planwatch.web.i18n import CATALOGUE
from planwatch.web.i18n_import import IMPORT_CATALOGUE
from planwatch.web.pages.import_form import FieldError, parse_bound, parse_number, show
from planwatch.workflow.upload_source import source_rows
from tests.render import render_docx
from tests.web_fixtures import SAMPLES, Web, dept, pg_database_url, sqlite_web, web

__all__ = ["pg_database_url", "sqlite_web", "web"]  # fixtures used by name

SEED = "weihai-2022-plan.txt"  # indicators, prose targets
TASKS_SEED = "yantai-2024-opinion.txt"  # numbered tasks with 牵头/配合 departments
DOCX_SEED = "zibo-2022-plan.txt"  # an indicator table, rendered to .docx
C = actions.Correction


def _reviewer(w: Web) -> actions.Actor:
    return dept(w.store, "reviewer")


def _preview(w: Web, name: str = SEED, path: Path | None = None) -> actions.UploadPreview:
    return actions.preview_upload(w.store, _reviewer(w), path or SAMPLES / name, name)


def _comparable(plan: Plan) -> dict[str, Any]:
    data = plan.model_dump(mode="json")
    return {k: data[k] for k in ("meta", "indicators", "targets", "tasks")}


def _both(folder: Path) -> Path:
    """A document with an indicator table, prose targets and numbered tasks: SEED's text
    followed by TASKS_SEED's."""
    path = folder / "both.txt"
    path.write_text("\n\n".join((SAMPLES / n).read_text(encoding="utf-8")
                                for n in (SEED, TASKS_SEED)), encoding="utf-8")
    return path


def test_corrected_preview_is_the_stored_plan(web: Web, tmp_path: Path) -> None:
    """extract → set every kind of field, add and delete rows → confirm → read back."""
    preview = _preview(web, "both.txt", _both(tmp_path))
    plan = preview.plan
    assert plan.indicators and plan.tasks and len(plan.targets) >= 2
    fixes = [
        C(field="meta.title", value="烟台市科技创新实施意见（更正）"),
        C(field="meta.region", value="烟台市"), C(field="meta.period_start", value=2024),
        C(field="meta.period_end", value=2027),
        C(field="indicators.1.name", value="研发经费投入强度"),
        C(field="indicators.1.unit", value="%"),
        C(field="indicators.1.baseline", value=None),  # cleared → null
        C(field="indicators.1.baseline_year", value=None),
        C(field="indicators.1.target", value=3.2), C(field="indicators.1.target_comparator",
                                                     value=">="),
        C(field="indicators.1.target_year", value=2027),
        C(field="indicators.1.attribute", value="约束性"),
        C(field="indicators.1.annual_growth_pct", value=8.0),
        C(field="indicators.1.growth_comparator", value=">="),
        C(field="targets.0.subject", value="高新技术企业"), C(field="targets.0.value", value=35),
        C(field="targets.0.value_max", value=40), C(field="targets.0.year", value=2027),
        C(field="tasks.0.title", value="建设创新平台"),
        C(field="tasks.0.lead", value=["市科技局"]),
        C(field="tasks.0.support", value=["市发展改革委", "市财政局"]),
        C(field="tasks.0.deadline", value="2026年底前"),
        C(op="delete", field="targets.1"), C(op="delete", field=f"tasks.{len(plan.tasks) - 1}"),
        C(op="add", field="indicators", value={"name": "技术合同成交额", "unit": "亿元",
                                               "target": 200, "target_year": 2027}),
        C(op="add", field="targets", value={"subject": "孵化器", "value": 10, "unit": "家"}),
        C(op="add", field="tasks", value={"title": "新增任务", "lead": ["市教育局"],
                                          "deadline": "2025年"}),
    ]
    expected = plan.model_copy(deep=True)
    expected.meta.title, expected.meta.region = "烟台市科技创新实施意见（更正）", "烟台市"
    expected.meta.period_start, expected.meta.period_end = 2024, 2027
    ind = expected.indicators[1]
    ind.name, ind.unit, ind.baseline, ind.baseline_year = "研发经费投入强度", "%", None, None
    ind.target, ind.target_comparator, ind.target_year = 3.2, ">=", 2027
    ind.attribute, ind.annual_growth_pct, ind.growth_comparator = "约束性", 8.0, ">="
    tgt = expected.targets[0]
    tgt.subject, tgt.value, tgt.value_max, tgt.year = "高新技术企业", 35, 40, 2027
    task = expected.tasks[0]
    task.title, task.lead, task.support = "建设创新平台", ["市科技局"], ["市发展改革委", "市财政局"]
    task.deadline, task.deadline_year = "2026年底前", 2026
    del expected.targets[1]
    last = expected.tasks.pop()
    expected.indicators.append(Indicator(name="技术合同成交额", unit="亿元", target=200,
                                         target_year=2027))
    expected.targets.append(Target(subject="孵化器", value=10, unit="家", quote=""))
    expected.tasks.append(Task(number=max(t.number for t in plan.tasks) + 1, title="新增任务",
                               lead=["市教育局"], deadline="2025年", deadline_year=2025))

    result = actions.confirm_upload(web.store, _reviewer(web), preview.upload_id, fixes)
    stored = latest_plan(web.store, result.plan_id)
    assert stored is not None
    assert _comparable(stored) == _comparable(expected)
    records = {c.field: (c.old_value, c.new_value) for c in list_corrections(web.store,
                                                                             result.plan_id)}
    assert plan.indicators[1].baseline is not None
    assert records["indicators.1.baseline"][1] is None
    old, new = records[f"delete:tasks.{len(plan.tasks) - 1}"]
    assert new is None and last.title in str(old)
    old, new = records[f"add:indicators.{len(plan.indicators)}"]
    assert old is None and "技术合同成交额" in str(new)
    assert result.corrections == len(records)
    assert actions.list_uploads(web.store, _reviewer(web)) == []


def test_refused_corrections_name_their_fields_and_store_nothing(web: Web) -> None:
    preview = _preview(web)
    fixes = [C(field="indicators.0.name", value=""), C(field="indicators.1.target", value="x"),
             C(field="indicators.1.target_year", value=1800),
             C(field="targets.0.value", value=None),
             C(field="indicators.0.attribute", value="重要"),
             C(field="meta.period_end", value=1990),
             C(op="add", field="tasks", value={"lead": ["市科技局"]}),
             C(op="delete", field="indicators.999"), C(field="indicators.0.nosuch", value=1)]
    with pytest.raises(actions.CorrectionsInvalid) as info:
        actions.confirm_upload(web.store, _reviewer(web), preview.upload_id, fixes)
    problems = {p.field: p for p in info.value.fields}
    assert set(problems) == {"indicators.999", "indicators.0.nosuch"}  # paths first
    fixes = fixes[:7]
    with pytest.raises(actions.CorrectionsInvalid) as info:
        actions.confirm_upload(web.store, _reviewer(web), preview.upload_id, fixes)
    problems = {p.field: p for p in info.value.fields}
    assert {"indicators.0.name", "indicators.1.target", "indicators.1.target_year",
            "targets.0.value", "indicators.0.attribute", "meta.period_end",
            "tasks.new6.title"} <= set(problems)
    assert problems["tasks.new6.title"].correction == 6
    assert problems["targets.0.value"].zh == "不能为空"
    assert all(p.zh and p.en and not re.search(r"[\u4e00-\u9fff]", p.en)
               for f, p in problems.items() if f != "indicators.0.attribute")
    assert "须为" in info.value.zh and "invalid" in info.value.en
    assert list_plans(web.store) == []
    # the upload is still pending and confirms once corrected
    result = actions.confirm_upload(web.store, _reviewer(web), preview.upload_id,
                                    [C(field="indicators.0.name", value="改名")])
    assert result.created and result.corrections == 1


def test_pending_uploads_listed_resumed_and_discarded(web: Web) -> None:
    first, second = _preview(web), _preview(web, TASKS_SEED)
    reviewer = _reviewer(web)
    listed = actions.list_uploads(web.store, reviewer)
    assert [u.id for u in listed] == [second.upload_id, first.upload_id]
    assert listed[0].source_name == TASKS_SEED
    admin = dept(web.store, "admin")
    assert actions.list_uploads(web.store, admin) == []
    review = actions.upload_review(web.store, admin, first.upload_id)  # an admin may resume
    assert review.plan == first.plan and review.source
    actions.discard_upload(web.store, reviewer, first.upload_id)
    with pytest.raises(actions.NotFound):
        actions.upload_review(web.store, reviewer, first.upload_id)
    with pytest.raises(actions.NotFound):
        actions.confirm_upload(web.store, reviewer, first.upload_id)
    with pytest.raises(actions.Forbidden):
        actions.list_uploads(web.store, dept(web.store, "dept_a"))
    actions.confirm_upload(web.store, reviewer, second.upload_id)
    with pytest.raises(actions.Conflict):
        actions.discard_upload(web.store, reviewer, second.upload_id)
    assert actions.list_uploads(web.store, reviewer) == []


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("seed", [DOCX_SEED, TASKS_SEED])
def test_source_jump_lands_on_the_row_the_item_came_from(sqlite_web: Web, tmp_path: Path,
                                                         fmt: str, seed: str) -> None:
    path = SAMPLES / seed
    if fmt == "docx":
        path = render_docx(read_document(path), tmp_path / "plan.docx")
    preview = _preview(sqlite_web, seed, path)
    review = actions.upload_review(sqlite_web.store, _reviewer(sqlite_web), preview.upload_id)
    rows = {r.key: r for r in review.source}
    assert review.plan.indicators or review.plan.tasks
    for i, task in enumerate(review.plan.tasks):
        row = rows[review.anchors[f"tasks.{i}"]]
        assert _squash(task.title)[:6] in _squash(row.text), (fmt, task.title)
    for i, ind in enumerate(review.plan.indicators):
        row = rows[review.anchors[f"indicators.{i}"]]
        assert row.kind == "table" and row.cells, (fmt, ind.name)
        assert any(c and c[:2] in ind.name for c in row.cells), (fmt, ind.name, row.cells)
        numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", row.text)}
        assert ind.target is None or ind.target in numbers, (fmt, ind.name, row.text)
    for i, target in enumerate(review.plan.targets):
        row = rows[review.anchors[f"targets.{i}"]]
        assert _squash(target.quote)[:10] in _squash(row.text), (fmt, target.quote)


def test_source_rows_split_tables_into_rows(tmp_path: Path) -> None:
    docx = render_docx(read_document(SAMPLES / DOCX_SEED), tmp_path / "plan.docx")
    rows = source_rows(docx)
    keys = [r.key for r in rows]
    assert len(keys) == len(set(keys))
    tables = [r for r in rows if r.kind == "table"]
    assert tables and sum(r.first for r in tables) == len({r.table for r in tables})


def test_values_printed_and_parsed_as_in_the_plan() -> None:
    from planwatch.web.pages.import_form import SECTIONS

    target = next(s for s in SECTIONS["indicators"] if s.name == "target")
    assert show(target, {"target": 3.2, "target_comparator": ">="}) == "≥3.2"
    assert show(target, {"target": 35.0, "target_max": 40.0, "target_comparator": "="}) == \
        "35–40"
    assert show(target, {"target": 5.0, "target_comparator": "~"}) == "约5"
    assert parse_bound("≥3.2", "=") == (">=", 3.2, None)
    assert parse_bound("＞＝３．２") == (">=", 3.2, None)
    assert parse_bound("不低于 1,500", "=") == (">=", 1500.0, None)
    assert parse_bound("〔3000—4000〕", "=") == ("=", 3000.0, 4000.0)
    assert parse_bound("-5", None) == (None, -5.0, None)
    assert parse_bound("  ") == (None, None, None)
    assert parse_number("2.95%") == 2.95
    for bad in ("abc", "3..2", ">3", "1-2-3"):
        with pytest.raises(FieldError):
            parse_bound(bad, "=")
    with pytest.raises(FieldError):
        parse_bound("1-2", None, ranged=False)


def test_import_catalogue_agrees_with_the_shared_one() -> None:
    assert all(CATALOGUE[k] == v for k, v in IMPORT_CATALOGUE.items())


# --- the pages -----------------------------------------------------------------------------

def _csrf(html: str) -> str:
    found = re.search(r'<meta name="csrf-token" content="([0-9a-f]+)">', html)
    assert found
    return found.group(1)


def _upload_page(w: Web, name: str = SEED, path: Path | None = None) -> tuple[str, str, str]:
    """Upload through /import; (upload id, review page, csrf token)."""
    w.login("reviewer")
    token = _csrf(w.client.get("/import").text)
    with (path or SAMPLES / name).open("rb") as fh:
        r = w.client.post("/import", data={"csrf_token": token},
                          files={"file": (name, fh, "text/plain")}, follow_redirects=False)
    assert r.status_code == 303, r.text
    upload_id = r.headers["location"].rsplit("/", 1)[1]
    page = w.client.get(r.headers["location"])
    assert page.status_code == 200
    return upload_id, page.text, token


def _fields(page: str) -> dict[str, str]:
    return {k: unescape(v) for k, v in re.findall(r'name="(f:[^"]+)" value="([^"]*)"', page)}


def test_review_page_edits_adds_deletes_and_confirms(sqlite_web: Web, tmp_path: Path) -> None:
    w = sqlite_web
    upload_id, page, token = _upload_page(w, "both.txt", _both(tmp_path))
    preview = actions.upload_review(w.store, _reviewer(w), upload_id)
    fields = _fields(page)
    plan = preview.plan
    assert fields["f:meta.title"] == plan.meta.title
    assert fields["f:tasks.0.lead"] == "、".join(plan.tasks[0].lead)
    assert 'data-jump="' in page and "在原文中定位" in page
    assert not re.search(r">L\d+<", page)  # no line numbers shown
    form = {**fields, "csrf_token": token,
            "f:indicators.0.target": "≥3.2", "f:indicators.0.baseline": "",
            "f:indicators.0.attribute": "约束性",
            "f:tasks.0.support": "市财政局，市教育局", "f:tasks.0.deadline": "2026年底前",
            "del:targets.0": "1",
            "f:indicators.n1.name": "技术合同成交额", "f:indicators.n1.target": "200",
            "f:indicators.n1.unit": "亿元", "f:indicators.n2.name": "",  # blank: ignored
            "f:tasks.n1.title": "新增任务", "f:tasks.n1.lead": "市教育局、市科技局"}
    r = w.client.post(f"/import/{upload_id}/confirm", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    assert r.headers["location"].startswith("/import?confirmed=")
    done = w.client.get(r.headers["location"]).text
    plan_id = list_plans(w.store)[0].id
    assert "已确认入库" in done and f'href="/plans/{plan_id}"' in done
    stored = latest_plan(w.store, plan_id)
    assert stored is not None
    ind = stored.indicators[0]
    assert (ind.target, ind.target_comparator, ind.baseline, ind.attribute) == (
        3.2, ">=", None, "约束性")
    assert stored.tasks[0].support == ["市财政局", "市教育局"]
    assert stored.tasks[0].deadline_year == 2026
    assert len(stored.targets) == len(plan.targets) - 1
    assert stored.indicators[-1].name == "技术合同成交额" and stored.indicators[-1].unit == "亿元"
    assert len(stored.indicators) == len(plan.indicators) + 1
    assert stored.tasks[-1].lead == ["市教育局", "市科技局"]


def test_review_page_refuses_bad_fields_in_place(sqlite_web: Web) -> None:
    w = sqlite_web
    upload_id, page, token = _upload_page(w)
    fields = _fields(page)
    form = {**fields, "csrf_token": token, "f:indicators.1.target": "三点二",
            "f:indicators.0.name": "", "f:meta.period_start": "20x5",
            "f:indicators.n1.unit": "%"}
    r = w.client.post(f"/import/{upload_id}/confirm", data=form)
    assert r.status_code == 422
    html = r.text
    assert re.search(r"有2处需要修改", html), re.findall(r"有\d+处需要修改", html)
    assert re.search(r'name="f:indicators\.1\.target" value="三点二"[^>]*bad', html)
    assert re.search(r'id="err-indicators\.1\.target"[^>]*>须为数值', html)
    assert re.search(r'id="err-meta\.period_start"[^>]*>须为四位年份', html)
    assert "Traceback" not in html and "not a number" not in html
    assert list_plans(w.store) == []
    # workflow refusals (an emptied name, a new row without a name) are placed too
    form["f:indicators.1.target"], form["f:meta.period_start"] = "3.2", ""
    r = w.client.post(f"/import/{upload_id}/confirm", data=form)
    assert r.status_code == 422
    assert re.search(r'id="err-indicators\.0\.name"[^>]*>不能为空', r.text)
    assert re.search(r'id="err-indicators\.n1\.name"[^>]*>不能为空', r.text)
    assert 'name="f:indicators.n1.unit" value="%"' in r.text  # typed text kept
    assert list_plans(w.store) == []
    w.client.cookies.set("lang", "en")
    r = w.client.post(f"/import/{upload_id}/confirm", data=form)
    assert re.search(r'id="err-indicators\.0\.name"[^>]*>is required', r.text)
    w.client.cookies.set("lang", "zh")
    # clearing a number is null, not an error page
    form["f:indicators.0.name"], form["f:indicators.n1.unit"] = fields["f:indicators.0.name"], ""
    form["f:indicators.1.baseline"] = ""
    r = w.client.post(f"/import/{upload_id}/confirm", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    stored = latest_plan(w.store, list_plans(w.store)[0].id)
    assert stored is not None and stored.indicators[1].baseline is None


def test_import_page_lists_pending_uploads_to_resume_or_discard(sqlite_web: Web) -> None:
    w = sqlite_web
    upload_id, _, token = _upload_page(w)
    page = w.client.get("/import").text
    assert SEED in page and f'href="/import/{upload_id}"' in page and "继续核对" in page
    r = w.client.post(f"/import/{upload_id}/discard", data={"csrf_token": token},
                      follow_redirects=False)
    assert r.status_code == 303
    page = w.client.get(r.headers["location"]).text
    assert "已放弃该上传" in page and f'href="/import/{upload_id}"' not in page
    assert w.client.get(f"/import/{upload_id}").status_code == 404
    w.login("admin")
    assert "没有待确认的上传" in w.client.get("/import").text


def test_review_page_in_english(sqlite_web: Web) -> None:
    w = sqlite_web
    upload_id, _, _ = _upload_page(w)
    w.client.cookies.set("lang", "en")
    html = w.client.get(f"/import/{upload_id}").text
    for text in ("Check the extraction", "Indicator table", "Add an indicator",
                 "Confirm and store", "Discard this upload", "Show in the source text"):
        assert text in html
    assert "Uploads awaiting confirmation" in w.client.get("/import").text


def test_api_lists_reviews_and_discards_uploads(web: Web) -> None:
    csrf = web.login("reviewer")
    with (SAMPLES / SEED).open("rb") as fh:
        r = web.client.post("/api/v1/uploads", files={"file": (SEED, fh, "text/plain")},
                            headers=csrf)
    upload_id = r.json()["upload_id"]
    listed = web.client.get("/api/v1/uploads").json()
    assert [u["id"] for u in listed] == [upload_id] and listed[0]["source_name"] == SEED
    review = web.client.get(f"/api/v1/uploads/{upload_id}").json()
    assert review["anchors"]["indicators.0"] in {row["key"] for row in review["source"]}
    bad = web.client.post(f"/api/v1/uploads/{upload_id}/confirm", headers=csrf, json={
        "corrections": [{"field": "indicators.0.target", "value": "x"}]})
    assert bad.status_code == 422
    assert "indicators.0.target" in bad.json()["problems"][0]
    assert web.client.delete(f"/api/v1/uploads/{upload_id}", headers=csrf).status_code == 204
    assert web.client.get("/api/v1/uploads").json() == []
    assert web.client.get(f"/api/v1/uploads/{upload_id}").status_code == 404
