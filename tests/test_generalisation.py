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
