"""Dev set: 97 real policy documents planwatch was not written for, hand-checked (17 first, then
the 11 of dev-2, issue 7: gold committed before the extractor was run on them; then the 10 of
the first sealed set, scored twice as sealed and released on 2026-12-06; then the 22 of sealed
sets 2 and 3, scored three and two times as sealed and released on 2026-12-06 when sealed set 4
was drawn; then the 12 of sealed set 4, scored once as sealed and released the same day when
sealed set 5 was drawn; then the 10 of dev-5, gold committed before the extractor was run on
them; then the 12 of sealed set 5, scored once as sealed and released the same day; then the 3
of sealed set 26, scored once and released on 2026-12-07).

Gold in ``tests/fixtures/devset/policy/<id>.json`` (judgement calls in ``../NOTES.md``); the texts
are read from ``../shared/corpus/policy-texts.jsonl`` (extractor input ``title + "\\n" + text`` as
``<id>.txt``). Each document is extracted and scored with the shared scorer's functions through
``scripts/devset-score``. ``FLOORS`` holds what the extractor measured when the gold was
committed, rounded down: a fix raises them, nothing may lower them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.helpers import FIXTURES, ROOT, SHARED, load_script

# policy texts carry no indicator/prior/project tables: any row found is a false one; every rules
# document (条例/办法/规定/解读) yields no targets and no tasks
_CLEAN: dict[str, dict[str, float]] = {
    "indicators": {"precision": 1.0},
    "prior_results": {"precision": 1.0},
    "projects": {"precision": 1.0},
    "rules": {"clean_rate": 1.0},
}

# part -> metric -> floor over all 60 documents (rounded down; raise after every fix). When sealed
# sets 2 and 3 were released (22 documents, before any fix for them): targets P 0.928 R 0.892
# F1 0.910 fully 0.866 over the 60 (the 22: sealed-2 F1 0.754, sealed-3 F1 0.897). After the
# fixes (今年/年内 and one-year documents, a verb and its object, 万千瓦 kept, time limits cut to,
# a class threshold past the carried verb): 60 documents targets P 0.948 R 0.933 F1 0.940
# fully 0.900, tasks fully 0.947, meta fully 0.767; the 22: targets P 0.934 R 0.944 F1 0.939.
# Then a government suffix printed once for a list of cities (广州、深圳、珠海市政府) and a
# bracketed span in an explained title (（2021-2025）): tasks fully 0.956 (the 22: 1.000), meta
# fully 0.800. Then kinds (突破 runs on, outputs formed, ratios per head, shares), later years,
# 解读 titles: 60 documents targets P 0.948 R 0.936 F1 0.942 fully 0.915, meta fully 0.817
# (titles and doc types 60 of 60); the 22: targets fully 0.900.
# Sealed set 4 released (12 documents; scored once as sealed: targets F1 0.684, tasks recall
# 0.582 fully 0.557, meta 0.583). After the fixes for it (bare responsibility notes closing a
# measure, chapter-numbered measures with notes, notes closing each paragraph of a measure,
# 等…成员单位, battery units, the year opening a number's own clause): 72 documents targets
# P 0.939 R 0.927 F1 0.933 fully 0.908, tasks P 0.987 R 0.974 fully 0.967, meta 0.792; the 12:
# targets F1 0.766, tasks recall 0.949 fully 0.949.
# Dev-5 added (10 documents, gold before the extractor ran on them): targets P 1.000 R 0.857
# F1 0.923 (7 gold), meta fully 0.400 as measured; 82 documents targets P 0.940 R 0.926 F1 0.933
# fully 0.907, tasks fully 0.967, meta 0.744; after tax notices and notices in force for a
# term read as rules: meta 0.768, doc types 82 of 82.
# Sealed set 5 released (12 documents; scored once as sealed: targets F1 0.889 of 5, meta
# 0.583); with windows of rules (自…至…), 有效期两年 and series titles (《…》科研机构篇): 94
# documents targets P 0.940 R 0.924 F1 0.932 fully 0.906, tasks fully 0.967, meta 0.798.
FLOORS: dict[str, dict[str, float]] = {
    "targets": {"precision": 0.93, "recall": 0.92, "f1": 0.93, "fully_correct_rate": 0.90},
    "tasks": {"precision": 0.98, "recall": 0.97, "fully_correct_rate": 0.96},
    "meta": {"fully_correct_rate": 0.79},
    # the released 22 follow their annotators' calls on the period of an opinion without a
    # horizon (see NOTES.md), which the meta reader does not all take
    "meta_fields": {"title": 0.98, "region": 0.97, "region_level": 0.97, "doc_type": 0.98,
                    "period_start": 0.89, "period_end": 0.87, "issued": 1.0,
                    "doc_number": 1.0},
    **_CLEAN,
}

# the 22 of sealed sets 2 and 3: what the fixes for them reached
FLOORS_RELEASED2: dict[str, dict[str, float]] = {
    "targets": {"precision": 0.93, "recall": 0.94, "f1": 0.93, "fully_correct_rate": 0.90},
    "tasks": {"precision": 1.0, "recall": 1.0, "fully_correct_rate": 1.0},
}

# dev-5 as its gold landed
FLOORS_DEV5: dict[str, dict[str, float]] = {
    "targets": {"precision": 1.0, "recall": 0.85, "f1": 0.92},
}

# the 12 of sealed set 4: what the fixes for them reached
FLOORS_RELEASED3: dict[str, dict[str, float]] = {
    "targets": {"precision": 0.75, "recall": 0.78, "f1": 0.76, "fully_correct_rate": 0.78},
    "tasks": {"precision": 1.0, "recall": 0.94, "fully_correct_rate": 0.94},
}

# the 38 documents before sealed sets 2 and 3 were released keep their floors (part -> metric ->
# floor, rounded down). Measured when the first sealed set was released into the dev set
# (2026-12-06, before any fix for it): 38 documents targets P 0.913 R 0.910 F1 0.911, meta
# fully correct 0.816 (the 10 released: targets F1 0.772, tasks 0/6, meta 0.5). After the
# released-set fixes: 38 documents targets P 0.952 R 0.930 F1 0.941 fully 0.920, tasks fully
# 0.951, meta 0.947.
FLOORS_DEV38: dict[str, dict[str, float]] = {
    "targets": {"precision": 0.95, "recall": 0.92, "f1": 0.94, "fully_correct_rate": 0.91},
    "tasks": {"precision": 0.98, "recall": 0.98, "fully_correct_rate": 0.97},
    "meta": {"fully_correct_rate": 0.94},
    "meta_fields": {"title": 1.0, "region": 1.0, "region_level": 1.0, "doc_type": 1.0,
                    # policy-088 (a printed issue date, gold start null) and province-010 (no
                    # date printed, gold 2023), as in FLOORS_DEV28
                    "period_start": 0.94, "period_end": 1.0, "issued": 1.0,
                    "doc_number": 1.0},
    **_CLEAN,
}

# the 28 documents of dev-1 and dev-2 keep the floors they had before the released set was added:
# a fix for the released documents may not cost them
FLOORS_DEV28: dict[str, dict[str, float]] = {
    "targets": {"precision": 0.95, "recall": 0.92, "f1": 0.93, "fully_correct_rate": 0.91},
    "tasks": {"precision": 0.97, "recall": 0.95, "fully_correct_rate": 0.94},
    "meta": {"fully_correct_rate": 0.92},
    "meta_fields": {"title": 1.0, "region": 1.0, "region_level": 1.0, "doc_type": 1.0,
                    # period_start: policy-088 now has its printed issue date (2017-05-04) and
                    # find_period takes a rules document's issue year as its start; gold: null.
                    # province-010 prints no date (gold 2023)
                    "period_start": 0.92, "period_end": 1.0, "issued": 1.0,
                    "doc_number": 1.0},
}

# the 10 released documents: what the fixes for them reached (before: targets P 0.736 R 0.812
# F1 0.772 fully 0.625 against the corrected gold, tasks fully 0.000, meta fully 0.500)
FLOORS_RELEASED: dict[str, dict[str, float]] = {
    "targets": {"precision": 0.95, "recall": 0.93, "f1": 0.94, "fully_correct_rate": 0.93},
    "tasks": {"precision": 1.0, "recall": 1.0, "fully_correct_rate": 1.0},
    "meta": {"fully_correct_rate": 1.0},
}

# the first 17 keep the floors they had before dev-2 was added: a fix for the new documents may
# not cost the old ones. One deliberate exception (2026-12-06): province-015's
# `2023年支持承保规模不低于1000亿美元` is now read as the dated commitment it is (the gold has it),
# but its subject lacks the 出口信用保险 of the clause before, so the scorer counts it as a false
# target beside the missed one: precision and F1 0.989
FLOORS_DEV1: dict[str, dict[str, float]] = {
    "targets": {"precision": 0.98, "recall": 0.98, "f1": 0.98, "fully_correct_rate": 0.96},
    "tasks": {"precision": 0.97, "recall": 0.97, "fully_correct_rate": 0.96},
    "meta": {"fully_correct_rate": 0.94},
}

DEV1_IDS = ["country-062", "province-048", "country-077", "province-006", "country-022",
            "department-037", "policy-019", "province-058", "country-058", "province-015",
            "country-034", "province-055", "country-102", "policy-088", "country-068",
            "province-029", "policy-076"]
DEV2_IDS = ["country-079", "country-076", "province-010", "province-001", "province-040",
            "province-014", "department-045", "country-075", "department-005", "policy-059",
            "country-024"]
# the first sealed set, released to development on 2026-12-06 (gold by independent annotators)
RELEASED_IDS = ["country-078", "policy-042", "country-050", "department-051", "country-097",
                "policy-030", "country-026", "policy-077", "country-064", "province-020"]
# sealed sets 2 and 3, released to development on 2026-12-06 (gold by independent annotators)
RELEASED2_IDS = ["country-014", "country-080", "country-111", "department-000", "department-011",
                 "policy-015", "policy-016", "policy-050", "policy-056", "policy-057",
                 "policy-058", "policy-075", "policy-092", "policy-093", "policy-097",
                 "province-000", "province-004", "province-018", "province-021", "province-039",
                 "province-042", "province-045"]
DEV38_IDS = DEV1_IDS + DEV2_IDS + RELEASED_IDS
# sealed set 4, released to development on 2026-12-06 after one scoring
RELEASED3_IDS = ["country-003", "country-051", "country-090", "country-092", "country-108",
                 "province-005", "province-011", "province-013", "province-028", "province-037",
                 "province-043", "province-057"]
# dev-5: 10 documents, gold by reading before the extractor ran on them (2026-12-06)
DEV5_IDS = ["country-113", "country-081", "province-061", "country-104", "country-101",
            "country-001", "country-033", "country-013", "country-119", "department-022"]
# sealed set 5, released to development on 2026-12-06 after one scoring
RELEASED4_IDS = ["country-008", "country-015", "country-039", "country-041", "country-045",
                 "country-074", "country-100", "department-033", "policy-011", "policy-079",
                 "policy-101", "province-035"]
# sealed set 26 (the only 3 documents of the corpus's 177 unused ones that met its rule),
# released to development on 2026-12-07 after one scoring
RELEASED26_IDS = ["country-037", "department-013", "province-019"]
DEV_IDS = DEV38_IDS + RELEASED2_IDS + RELEASED3_IDS + DEV5_IDS + RELEASED4_IDS + RELEASED26_IDS
GOLD_DIR = FIXTURES / "devset" / "policy"
CORPUS = SHARED / "corpus" / "policy-texts.jsonl"
SECTIONS = ("indicators", "prior_results", "targets", "tasks", "projects", "meta")


def _need_corpus() -> None:
    if not CORPUS.exists():
        pytest.skip(f"../shared is absent ({CORPUS} not found): the dev set's texts live there")


def _load_script() -> ModuleType:
    return load_script(ROOT / "scripts" / "devset-score", "devset_score")


@pytest.fixture(scope="module")
def golds() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(GOLD_DIR.glob("*.json"))}


@pytest.fixture(scope="module")
def scored(golds: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The whole set's score and the first 17's, from one extraction."""
    _need_corpus()
    ds = _load_script()
    preds = ds.extract_texts(ds.corpus_texts(golds, CORPUS))
    first = {k: v for k, v in golds.items() if k in DEV1_IDS}
    dev28 = {k: v for k, v in golds.items() if k in DEV1_IDS + DEV2_IDS}
    released = {k: v for k, v in golds.items() if k in RELEASED_IDS}
    dev38 = {k: v for k, v in golds.items() if k in DEV38_IDS}
    released2 = {k: v for k, v in golds.items() if k in RELEASED2_IDS}
    released3 = {k: v for k, v in golds.items() if k in RELEASED3_IDS}
    dev5 = {k: v for k, v in golds.items() if k in DEV5_IDS}
    return {"all": dict(ds.score(ds.load_scorer(), golds, preds)),
            "dev38": dict(ds.score(ds.load_scorer(), dev38, preds)),
            "released2": dict(ds.score(ds.load_scorer(), released2, preds)),
            "released3": dict(ds.score(ds.load_scorer(), released3, preds)),
            "dev5": dict(ds.score(ds.load_scorer(), dev5, preds)),
            "dev1": dict(ds.score(ds.load_scorer(), first, preds)),
            "dev28": dict(ds.score(ds.load_scorer(), dev28, preds)),
            "released": dict(ds.score(ds.load_scorer(), released, preds))}


@pytest.fixture(scope="module")
def result(scored: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return scored["all"]


def test_gold_set_is_complete(golds: dict[str, dict[str, Any]]) -> None:
    assert sorted(golds) == sorted(DEV_IDS)
    kinds = {g["meta"]["doc_type"] for g in golds.values()}
    assert {"plan", "implementation_opinion", "regulation"} <= kinds
    for doc_id, gold in golds.items():
        assert gold["doc"] == f"{doc_id}.txt"
        assert set(SECTIONS) <= set(gold), doc_id
        if gold["meta"]["doc_type"] == "regulation":
            assert not gold["targets"] and not gold["tasks"], doc_id
        numbers = [t["number"] for t in gold["tasks"]]
        if len(numbers) != len(set(numbers)):  # numbering restarts per chapter
            assert all(t.get("section") for t in gold["tasks"]), doc_id


def test_gold_quotes_are_in_the_text(golds: dict[str, dict[str, Any]]) -> None:
    _need_corpus()
    texts = _load_script().corpus_texts(golds, CORPUS)
    for doc_id, gold in golds.items():
        joined = texts[doc_id][0].replace("\n", "")
        for t in gold["targets"]:
            for key in ("quote", "also_quote"):
                if t.get(key):
                    assert joined.count(t[key]) == 1, (doc_id, t[key])
        flat = re.sub(r"\s+", "", joined)
        assert re.sub(r"\s+", "", gold["meta"]["title"]) in flat, doc_id
        for task in gold["tasks"]:
            assert task["title"] in joined, (doc_id, task["title"])


def _measured(result: dict[str, Any], part: str, metric: str) -> float:
    if part == "meta_fields":
        return float(result["meta"]["field_accuracy"][metric])
    if part == "rules":
        n = result["rules_documents"]
        return 1 - len(result["rules_documents_with_targets_or_tasks"]) / n
    return float(result[part][metric])


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS.items() for m in ms])
def test_dev_set_score_does_not_fall(result: dict[str, Any], part: str, metric: str) -> None:
    measured = _measured(result, part, metric)
    keys = {"targets": "target", "tasks": "task", "meta": "meta.", "meta_fields": "meta."}
    key = keys.get(part, "")
    misses = "\n".join([m for m in result["misses"] if key in m][:60])
    assert measured >= FLOORS[part][metric], f"{part}.{metric} = {measured:.3f}\n{misses}"


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS_DEV38.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS_DEV38.items() for m in ms])
def test_first_thirty_eight_do_not_fall(scored: dict[str, dict[str, Any]], part: str,
                                        metric: str) -> None:
    measured = _measured(scored["dev38"], part, metric)
    assert measured >= FLOORS_DEV38[part][metric], f"dev38 {part}.{metric} = {measured:.3f}"


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS_RELEASED2.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS_RELEASED2.items() for m in ms])
def test_released_twenty_two_do_not_fall(scored: dict[str, dict[str, Any]], part: str,
                                         metric: str) -> None:
    measured = _measured(scored["released2"], part, metric)
    assert measured >= FLOORS_RELEASED2[part][metric], \
        f"released2 {part}.{metric} = {measured:.3f}"


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS_DEV5.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS_DEV5.items() for m in ms])
def test_dev5_does_not_fall(scored: dict[str, dict[str, Any]], part: str, metric: str) -> None:
    measured = _measured(scored["dev5"], part, metric)
    assert measured >= FLOORS_DEV5[part][metric], f"dev5 {part}.{metric} = {measured:.3f}"


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS_RELEASED3.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS_RELEASED3.items() for m in ms])
def test_released_twelve_do_not_fall(scored: dict[str, dict[str, Any]], part: str,
                                     metric: str) -> None:
    measured = _measured(scored["released3"], part, metric)
    assert measured >= FLOORS_RELEASED3[part][metric], \
        f"released3 {part}.{metric} = {measured:.3f}"


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS_DEV28.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS_DEV28.items() for m in ms])
def test_first_twenty_eight_do_not_fall(scored: dict[str, dict[str, Any]], part: str,
                                        metric: str) -> None:
    measured = _measured(scored["dev28"], part, metric)
    assert measured >= FLOORS_DEV28[part][metric], f"dev28 {part}.{metric} = {measured:.3f}"


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS_RELEASED.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS_RELEASED.items() for m in ms])
def test_released_ten_do_not_fall(scored: dict[str, dict[str, Any]], part: str,
                                  metric: str) -> None:
    measured = _measured(scored["released"], part, metric)
    assert measured >= FLOORS_RELEASED[part][metric], f"released {part}.{metric} = {measured:.3f}"


@pytest.mark.parametrize(("part", "metric"),
                         [(p, m) for p, ms in FLOORS_DEV1.items() for m in ms],
                         ids=[f"{p}.{m}" for p, ms in FLOORS_DEV1.items() for m in ms])
def test_first_seventeen_do_not_fall(scored: dict[str, dict[str, Any]], part: str,
                                     metric: str) -> None:
    measured = _measured(scored["dev1"], part, metric)
    assert measured >= FLOORS_DEV1[part][metric], f"dev1 {part}.{metric} = {measured:.3f}"


def test_score_reads_chapters_when_numbers_restart() -> None:
    """Tasks numbered anew in every chapter are matched chapter by chapter, not all to the first."""
    _need_corpus()  # the shared scorer lives in ../shared too
    ds = _load_script()
    gold = {"d": {"meta": {"doc_type": "implementation_opinion"}, "indicators": [],
                  "prior_results": [], "targets": [], "projects": [],
                  "tasks": [{"number": 1, "title": "甲", "lead": ["A"], "support": [],
                             "shared_responsibility": False, "section": "一章"},
                            {"number": 1, "title": "乙", "lead": ["B"], "support": [],
                             "shared_responsibility": False, "section": "二章"}]}}
    pred = {"d": {"tasks": [{"number": 1, "title": "甲", "lead": ["A"], "section": "一章"},
                            {"number": 1, "title": "乙", "lead": ["B"], "section": "二章"}]}}
    scored = ds.score(ds.load_scorer(), gold, pred)
    assert scored["tasks"]["fully_correct_rate"] == 1.0
    pred["d"]["tasks"][1]["section"] = "一章"  # both predicted in chapter one
    scored = ds.score(ds.load_scorer(), gold, pred)
    assert scored["tasks"]["fully_correct_rate"] == 0.5


def test_gold_dir_is_the_scripts_default() -> None:
    assert Path(_load_script().DEV_GOLD) == GOLD_DIR
