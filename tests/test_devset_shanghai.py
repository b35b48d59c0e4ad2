"""Dev set of real Shanghai plans: indicator tables and meta scored against hand-made gold.

Twenty-six real 规划/规划纲要 from ``../shared/corpus/shanghai-plans.jsonl``, ten of them
from the first two sealed sets, released to development (one-cell-per-paragraph and
row-per-paragraph tables, 类别 cells merged down, 〔累计〕 values, text targets). The gold in
``tests/fixtures/devset/shanghai/<id>.json`` was made by reading the texts, never from planwatch's
output; ``NOTES.md`` there records every judgement call. Only ``meta`` and ``indicators`` are
annotated (``scored_parts``), so only those are scored, with the shared scorer's own functions.

The texts are read from ``../shared`` (not copied into the project); without it the scoring tests
skip. ``FLOORS`` holds what the extractor measured when the gold landed, rounded down: raise them as
the table extraction improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
import re
from types import ModuleType
from typing import Any

import pytest

from planwatch.actions import extract_file
from tests.helpers import FIXTURES, SHARED, load_scorer

# Aggregate over the dev documents (scorer semantics: rows matched by name similarity >= 0.75;
# a row is fully correct when every scored field and the unit agree; meta_field_accuracy counts
# every gold meta field of every document). Measured when the first twelve landed: no table found
# (0 of 153 rows), meta 2 of 12 fully correct, 86 of 96 fields (the misses: 文号 printed only in the
# front matter, a 纲要's 人民代表大会 approval date as its issue date).
FLOORS: dict[str, float] = {
    # after tables laid out one cell per paragraph were rebuilt: 153 of 153 rows fully correct;
    # the second batch (sh-004 sh-009 sh-012 sh-014, gold committed before planwatch ran on them)
    # scored 48 of 48 as it landed: 201 of 201
    # the third batch (sh-003 sh-005 sh-010 sh-016 sh-019 sh-022 sh-025, the first sealed set,
    # released on 2026-12-06) scored 73 of 105 rows, fully correct 0.581, as it was released;
    # after the table fixes that followed: 306 of 306 rows of the 23 documents, fully correct.
    # The fourth batch (sh-017 sh-020 sh-023, sealed set 2, scored three times as sealed and
    # released on 2026-12-06) scored 17 of 26 rows as released (sh-020's header broke at a place
    # name before “十四五”); after that fix 332 of 332 rows of the 26 documents
    "indicators_precision": 0.99,
    "indicators_recall": 0.99,
    "indicators_fully_correct": 0.99,
    # after front-matter 文号 and 纲要 approval dates: 12 of 12 fully correct, 96 of 96 fields;
    # with the second batch 16 of 16, 128 of 128. Over the 23 documents 22 of 23, 183 of 184:
    # sh-003 prints no date in its body and its issue date is the front matter's 发布日期
    # (the fallback NOTES.md describes), which the meta reader does not take yet
    "meta_fully_correct": 0.95,
    "meta_field_accuracy": 0.99,
}

DEV_IDS = ("sh-001", "sh-002", "sh-003", "sh-004", "sh-005", "sh-006", "sh-007", "sh-008",
           "sh-009", "sh-010", "sh-011", "sh-012", "sh-013", "sh-014", "sh-015", "sh-016",
           "sh-017", "sh-018", "sh-019", "sh-020", "sh-021", "sh-022", "sh-023", "sh-024",
           "sh-025", "sh-026")
GOLD_DIR = FIXTURES / "devset" / "shanghai"
CORPUS = SHARED / "corpus" / "shanghai-plans.jsonl"
SCORED_PARTS = ["meta", "indicators"]
UNANNOTATED = ("targets", "tasks", "projects", "prior_results")
ROW_KEYS = {"name", "unit", "category", "baseline_year", "baseline", "target_year", "target",
            "target_comparator", "target_text", "annual_growth_pct", "growth_comparator",
            "cumulative_change", "attribute"}
COMPARATORS = {"=", ">=", "<=", "~"}


def _gold(doc_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD_DIR / f"{doc_id}.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} is absent: the Shanghai dev texts are read from ../shared/corpus, "
                    "not copied into the project")
    out: dict[str, str] = {}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in DEV_IDS:
                out[record["id"]] = record["text"]
    assert sorted(out) == sorted(DEV_IDS), "dev documents missing from the shared corpus"
    return out


@pytest.fixture(scope="module")
def scores(texts: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    scorer = load_scorer()
    work = tmp_path_factory.mktemp("shanghai-dev")
    indicators, meta = scorer.Tally(), scorer.Tally()
    preds: dict[str, list[dict[str, Any]]] = {}
    for doc_id in DEV_IDS:
        path = work / f"{doc_id}.md"
        path.write_text(texts[doc_id], encoding="utf-8")
        pred = extract_file(path).model_dump(mode="json")
        preds[doc_id] = pred["indicators"]
        gold = _gold(doc_id)
        scorer.score_rows(indicators, gold["indicators"], pred["indicators"], doc_id,
                          scorer.IND_FIELDS_NUM, scorer.IND_FIELDS_STR)
        _score_meta(scorer, meta, gold["meta"], pred["meta"], doc_id)
    ind = indicators.summary()
    checks = [ok for ok, _ in meta.fields.values()]
    total = [n for _, n in meta.fields.values()]
    return {
        "indicators_precision": ind["precision"],
        "indicators_recall": ind["recall"],
        "indicators_fully_correct": ind["fully_correct_rate"],
        "meta_fully_correct": meta.summary()["fully_correct_rate"],
        "meta_field_accuracy": round(sum(checks) / sum(total), 4),
        "misses": indicators.misses + meta.misses,
        "preds": preds,
    }


def _score_meta(scorer: ModuleType, tally: Any, gold: dict[str, Any], pred: dict[str, Any],
                doc_id: str) -> None:
    """The scorer's own meta rule (inline in its ``main``): every gold field, numbers by value."""
    tally.gold += 1
    tally.pred += 1
    tally.matched += 1
    ok_all = True
    for field in scorer.META_FIELDS:
        if field not in gold:
            continue
        g, p = gold.get(field), pred.get(field)
        ok = (scorer.num_eq(p, g) if isinstance(g, (int, float)) and not isinstance(g, bool)
              else scorer.norm(p) == scorer.norm(g))
        tally.field(field, ok)
        ok_all &= ok
        if not ok:
            tally.misses.append(f"{doc_id}: meta.{field} gold={g} pred={p}")
    tally.full += int(ok_all)


def test_dev_gold_files_are_complete_and_well_formed() -> None:
    assert sorted(p.stem for p in GOLD_DIR.glob("*.json")) == sorted(DEV_IDS)
    assert (GOLD_DIR / "NOTES.md").is_file()
    for doc_id in DEV_IDS:
        gold = _gold(doc_id)
        assert gold["doc"] == f"{doc_id}.md"
        assert gold["scored_parts"] == SCORED_PARTS
        assert all(gold[part] == [] for part in UNANNOTATED), doc_id
        meta = gold["meta"]
        assert meta["province"] == "上海市" and meta["doc_type"] == "plan", doc_id
        assert meta["period_end"] - meta["period_start"] == 4, doc_id
        assert gold["indicators"], doc_id
        for row in gold["indicators"]:
            where = f"{doc_id}: {row['name']}"
            assert set(row) >= ROW_KEYS, where
            assert row["name"] and not re.search(r"\s", row["name"]), where
            assert (row["target"] is None) == (row["target_comparator"] is None), where
            assert row["target_comparator"] in COMPARATORS | {None}, where
            assert (row["annual_growth_pct"] is None) == (row["growth_comparator"] is None), where
            assert (row["baseline"] is None) == (row["baseline_year"] is None), where
            assert row["target"] is None or row["target_year"] is not None, where
            assert row["attribute"] in ("预期性", "约束性", None), where
            assert row["target_year"] is None or (
                meta["period_start"] <= row["target_year"] <= meta["period_end"]), where


def _printed_forms(value: float) -> list[str]:
    forms = [f"{value:g}", f"{value:.2f}"]
    if value >= 10000:  # `1.2万` in a 亿元 column
        forms.append(f"{value / 10000:g}万")
    return forms


def test_dev_gold_is_read_from_the_text(texts: dict[str, str]) -> None:
    """Every name, text target and number of the gold is printed in its document."""
    for doc_id in DEV_IDS:
        text = texts[doc_id]
        flat = re.sub(r"\s+", "", text)
        for row in _gold(doc_id)["indicators"]:
            assert row["name"] in flat, f"{doc_id}: {row['name']}"
            if row["target_text"]:
                assert re.sub(r"\s+", "", row["target_text"]) in flat, f"{doc_id}: {row['name']}"
            for field in ("baseline", "target", "cumulative_change", "annual_growth_pct"):
                value = row[field]
                if value is not None:
                    assert any(f in text for f in _printed_forms(value)), \
                        f"{doc_id}: {row['name']}.{field}={value}"


def test_dev_set_scores_at_least_the_floors(scores: dict[str, Any]) -> None:
    misses = "\n".join(scores["misses"])
    measured = {k: scores[k] for k in FLOORS}
    for part, floor in FLOORS.items():
        assert measured[part] >= floor, f"{part} {measured[part]} < {floor}\n{measured}\n{misses}"


EXTRAS = ("target_max", "baseline_max", "cumulative_change_max", "baseline_comparator",
          "target_text", "category")


def test_dev_fields_the_scorer_does_not_read(scores: dict[str, Any]) -> None:
    """Fields the shared scorer does not read but the gold records: the upper bound of a range
    (``35-40``, ``〔3000—4000〕``, ``［25—27］``), the comparator of a base value (``≥150``), the
    words of a text target and the row's category. Every gold row that has one, and every
    extracted row that sets one, must agree (text compared without whitespace)."""
    checked, wrong = 0, []
    for doc_id in DEV_IDS:
        pred = {row["name"]: row for row in scores["preds"][doc_id]}
        for row in _gold(doc_id)["indicators"]:
            got = pred.get(row["name"], {})
            for field in EXTRAS:
                if row.get(field) is None and got.get(field) is None:
                    continue
                checked += 1
                if _squashed(row.get(field)) != _squashed(got.get(field)):
                    wrong.append(f"{doc_id}: {row['name']}.{field} gold={row.get(field)} "
                                 f"pred={got.get(field)}")
    assert checked >= 12
    assert wrong == []


def _squashed(value: Any) -> Any:
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value
