"""Generalisation: full documents in layouts the seeds do not have, scored like the seeds.

Each ``tests/fixtures/unseen/<stem>.txt|.md|.docx`` is a realistic plan written for this test (other
provinces, 十五五 tables with 单位/类别/属性 columns, 任务分工表, messy PDF conversions, project
tables with other columns, prior-period tables); ``<stem>.json`` is its hand-written gold in the
shared gold format. The extraction is scored with the shared scorer's own functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from planwatch.actions import extract_file
from tests.helpers import FIXTURES, load_scorer

UNSEEN = FIXTURES / "unseen"
DOCS = sorted(p for p in UNSEEN.iterdir() if p.suffix in (".txt", ".md", ".docx"))
SECTIONS = ("indicators", "prior_results", "targets", "tasks", "projects", "meta")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_scorer()


def _score(scorer: ModuleType, doc: Path) -> dict[str, Any]:
    gold = json.loads(doc.with_suffix(".json").read_text(encoding="utf-8"))
    pred = extract_file(doc).model_dump(mode="json")
    tallies = {k: scorer.Tally() for k in SECTIONS}
    stem = doc.stem
    ind_num, ind_str = scorer.IND_FIELDS_NUM, scorer.IND_FIELDS_STR
    scorer.score_rows(tallies["indicators"], gold["indicators"], pred["indicators"], stem,
                      ind_num, ind_str)
    scorer.score_rows(tallies["prior_results"], gold["prior_results"], pred["prior_results"],
                      stem, ["baseline_year", "baseline", "target_year", "target",
                             "actual_year", "actual"], [])
    scorer.score_targets(tallies["targets"], gold["targets"], pred["targets"], stem,
                         gold["meta"]["period_end"])
    scorer.score_tasks(tallies["tasks"], gold["tasks"], pred["tasks"], stem)
    scorer.score_projects(tallies["projects"], gold["projects"], pred["projects"], stem)
    misses = [m for t in tallies.values() for m in t.misses]
    meta_ok = True
    for field in scorer.META_FIELDS:
        g, p = gold["meta"].get(field), pred["meta"].get(field)
        ok = (scorer.num_eq(p, g) if isinstance(g, (int, float)) and not isinstance(g, bool)
              else scorer.norm(p) == scorer.norm(g))
        if not ok:
            meta_ok = False
            misses.append(f"{stem}: meta.{field} gold={g} pred={p}")
    summary = {k: tallies[k].summary() for k in SECTIONS if k != "meta"}
    return {"summary": summary, "meta_ok": meta_ok, "misses": misses}


def test_fixture_set_is_complete() -> None:
    assert len(DOCS) >= 4
    for doc in DOCS:
        assert doc.with_suffix(".json").exists(), doc.name
        gold = json.loads(doc.with_suffix(".json").read_text(encoding="utf-8"))
        assert set(SECTIONS) <= set(gold)


@pytest.mark.parametrize("doc", DOCS, ids=[d.stem for d in DOCS])
def test_unseen_document_scores_like_the_seeds(scorer: ModuleType, doc: Path) -> None:
    result = _score(scorer, doc)
    s, misses = result["summary"], "\n".join(result["misses"])
    assert result["meta_ok"], misses
    for section in ("indicators", "prior_results", "tasks"):
        assert s[section]["f1"] == 1.0, misses
        assert s[section]["fully_correct_rate"] == 1.0, misses
    assert s["projects"]["f1"] >= 0.95, misses
    assert s["targets"]["f1"] >= 0.85, misses


def test_target_subjects_are_clean() -> None:
    """Bullet dashes (——) and scope words are not part of a subject; quotes hold the number."""
    for doc in DOCS:
        plan = extract_file(doc)
        assert plan.targets, doc.name
        for t in plan.targets:
            assert t.subject and not t.subject.startswith(("—", "-", "到", "全市")), t.subject
            assert any(ch.isdigit() or ch in "〇一二三四五六七八九十百千万" for ch in t.quote), t


# --- the general rules the unseen documents needed, pinned on minimal sentences -------------

def _one(sentence: str) -> tuple[float, str, str, str]:
    from planwatch.extract.targets_parse import parse_sentence

    cands, _ = parse_sentence(sentence)
    assert len(cands) == 1, [c.subject for c in cands]
    c = cands[0]
    return c.value, c.unit, c.comparator, c.kind


@pytest.mark.parametrize(("sentence", "expected"), [
    ("比重达到百分之四十五。", (45.0, "%", "=", "level")),
    ("技术合同成交额达到 1 5 亿元。", (15.0, "亿元", "=", "level")),
    ("科技信贷余额达到1.5万亿元。", (15000.0, "亿元", "=", "level")),
    ("每年培训技术转移从业人员1000人次以上。", (1000.0, "人次", ">=", "increment")),
    ("每年选派科技特派员60名。", (60.0, "名", "=", "increment")),
    ("设立规模20亿元的科技创新投资基金。", (20.0, "亿元", "=", "level")),
    ("设立1亿元科技创新引导基金。", (1.0, "亿元", "=", "level")),
    ("力争进入全国县域科技创新百强县前30名。", (30.0, "名", "<=", "rank")),
    ("力争突破关键核心技术100项。", (100.0, "项", "=", "increment")),
    ("其中国家级孵化载体15家。", (15.0, "家", "=", "level")),
])
def test_sentence_rules(sentence: str, expected: tuple[float, str, str, str]) -> None:
    assert _one(sentence) == expected


def test_fund_subject_names_the_fund() -> None:
    from planwatch.extract.targets_parse import parse_sentence

    cands, _ = parse_sentence("设立总规模50亿元的市科技创新基金。")
    assert [c.subject for c in cands] == ["市科技创新基金总规模"]


@pytest.mark.parametrize("sentence", [
    "对首次认定的高新技术企业奖励20万元。",
    "对研发投入增量给予最高200万元奖励。",
])
def test_policy_amounts_are_not_targets(sentence: str) -> None:
    from planwatch.extract.targets_parse import parse_sentence

    assert parse_sentence(sentence)[0] == []


@pytest.mark.parametrize(("header", "role"), [
    ("指标名称（单位）", "name"),
    ("项目单位", "undertaker"),
    ("所在乡镇（街道）", "location"),
    ("计划总投资（亿元）", "investment"),
])
def test_header_roles(header: str, role: str) -> None:
    from planwatch.extract.tables import classify_header

    assert classify_header(header).role == role


def test_nested_region_and_doc_number_run_into_title(tmp_path: Path) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "湖北省人民政府办公厅关于印发湖北省宜昌市科技创新示范区建设实施方案（2025—2027年）的通知"
        "鄂政办发〔2025〕3号\n\n"
        "湖北省宜昌市科技创新示范区建设实施方案（2025—2027年）\n\n"
        "一、工作目标\n\n到2027年，全市高新技术企业达到1500家。\n", encoding="utf-8")
    meta = extract_file(doc).meta
    assert meta.title == "湖北省宜昌市科技创新示范区建设实施方案（2025—2027年）"
    assert meta.doc_type == "implementation_opinion"
    assert (meta.region, meta.region_level, meta.parent_region) == ("宜昌市", "city", "湖北省")
    assert meta.doc_number == "鄂政办发〔2025〕3号"
