"""Dev sets of Shanghai government pages copied whole from a public repository (their texts are
in the project, beside their gold: they are not in ``../shared``): two dev sets whose gold was
written before planwatch ran on them (``repo``, ``repo2``) and sealed set 6, scored once and then
released (``released6``). Floors are the scores measured when the rules learnt from them landed,
so a later change that loses one of those readings fails here (issue 7)."""

from __future__ import annotations

import json
import re
from types import ModuleType
from typing import Any

import pytest

from tests.helpers import ROOT, load_script

DEVSET = ROOT / "tests" / "fixtures" / "devset"

# set: (part, metric) -> floor
FLOORS: dict[str, dict[tuple[str, str], float]] = {
    # 2026-12-07 (eighth session): released 7, 8, 17, 21 raised to what the subject and year
    # fixes reach (五个新城 in a list of places, a note after the number, 与2021年相比，2025年…,
    # a bare change word naming the level before it)
    "repo": {("targets", "f1"): 0.94, ("tasks", "fully_correct_rate"): 0.98,
             ("meta", "fully_correct_rate"): 1.0},
    "repo2": {("targets", "f1"): 0.80, ("tasks", "fully_correct_rate"): 1.0,
              ("meta", "fully_correct_rate"): 1.0},
    # released6/policy targets 0.522 → 0.757 (2026-12-07, third session): a year run into its
    # work (，2019年创建…) dates a6-007's goals as its gold does
    "released6/policy": {("targets", "f1"): 0.75, ("tasks", "fully_correct_rate"): 0.98,
                         ("meta", "fully_correct_rate"): 0.66},
    "released6/policy-second": {("targets", "f1"): 0.93, ("tasks", "fully_correct_rate"): 1.0},
    "released7/policy": {("targets", "f1"): 0.89, ("tasks", "fully_correct_rate"): 0.89,
                         ("meta", "fully_correct_rate"): 0.85},
    "released8/policy": {("targets", "f1"): 0.91, ("tasks", "fully_correct_rate"): 0.97,
                         ("meta", "fully_correct_rate"): 0.85},
    "released9/policy": {("targets", "f1"): 0.74, ("tasks", "fully_correct_rate"): 1.0,
                         ("meta", "fully_correct_rate"): 0.85},
    "released10/policy": {("targets", "f1"): 0.77, ("tasks", "fully_correct_rate"): 0.86,
                          ("meta", "fully_correct_rate"): 0.91},
    "released11/policy": {("targets", "f1"): 0.57, ("tasks", "fully_correct_rate"): 0.95,
                          ("meta", "fully_correct_rate"): 0.66},
    "released12/policy": {("targets", "f1"): 0.82, ("tasks", "fully_correct_rate"): 0.90,
                          ("meta", "fully_correct_rate"): 0.70},
    "released13/policy": {("targets", "f1"): 0.77, ("tasks", "fully_correct_rate"): 0.90,
                          ("meta", "fully_correct_rate"): 0.66},
    "released14/policy": {("targets", "f1"): 0.71, ("tasks", "fully_correct_rate"): 0.90,
                          ("meta", "fully_correct_rate"): 0.77},
    "released15/policy": {("targets", "f1"): 0.81, ("tasks", "fully_correct_rate"): 0.98,
                          ("meta", "fully_correct_rate"): 0.75,
                          ("indicators", "fully_correct_rate"): 1.0,
                          ("projects", "fully_correct_rate"): 0.92},
    "released16/policy": {("targets", "f1"): 0.91, ("tasks", "fully_correct_rate"): 1.0,
                          ("meta", "fully_correct_rate"): 0.66,
                          ("indicators", "fully_correct_rate"): 0.87},
    "released17/policy": {("targets", "f1"): 0.87, ("tasks", "fully_correct_rate"): 0.93,
                          ("meta", "fully_correct_rate"): 0.88},
    # fee caps and cuts of 若干措施, read as conditions by design (see its README)
    "released25/policy": {("targets", "f1"): 0.35, ("meta", "fully_correct_rate"): 0.83},
    "released24/policy": {("meta", "fully_correct_rate"): 1.0},  # one rules document
    "released23/policy": {("targets", "f1"): 0.82, ("tasks", "fully_correct_rate"): 1.0,
                          ("meta", "fully_correct_rate"): 1.0,
                          ("indicators", "fully_correct_rate"): 0.80},
    "released22/policy": {("targets", "f1"): 0.87, ("tasks", "fully_correct_rate"): 0.96,
                          ("meta", "fully_correct_rate"): 0.66,
                          ("indicators", "fully_correct_rate"): 0.82},
    "released21/policy": {("targets", "f1"): 0.85, ("tasks", "fully_correct_rate"): 0.93,
                          ("meta", "fully_correct_rate"): 0.85},
    "released20/policy": {("targets", "f1"): 0.73, ("tasks", "fully_correct_rate"): 0.83,
                          ("meta", "fully_correct_rate"): 0.87},
    "released19/policy": {("targets", "f1"): 0.68, ("tasks", "fully_correct_rate"): 1.0,
                          ("meta", "fully_correct_rate"): 0.85},
    # 2026-12-07 (seventh session): 主责 beside 牵头 supports, branches named by their place
    "released18/policy": {("targets", "f1"): 0.82, ("tasks", "fully_correct_rate"): 0.78,
                          ("meta", "fully_correct_rate"): 0.71,
                          ("indicators", "fully_correct_rate"): 1.0},
    "released14/tables": {("indicators", "fully_correct_rate"): 0.93,
                          ("meta", "fully_correct_rate"): 0.75},
    "released6/tables": {("indicators", "fully_correct_rate"): 1.0,
                         ("meta", "fully_correct_rate"): 1.0},
}


def _script() -> ModuleType:
    return load_script(ROOT / "scripts" / "devset-score", "devset_score_pages")


def _scored(name: str) -> dict[str, Any]:
    ds = _script()
    folder = DEVSET / name
    golds = ds.load_gold(folder)
    preds = ds.extract_texts(ds.corpus_texts(golds, folder / "corpus.jsonl"))
    return dict(ds.score(ds.load_scorer(), golds, preds))


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Any]]:
    if not (ROOT.parent / "shared" / "bin" / "score-extraction").exists():
        pytest.skip("../shared is absent: the shared scorer lives there")
    return {name: _scored(name) for name in FLOORS}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floors(scores: dict[str, dict[str, Any]], name: str) -> None:
    result = scores[name]
    for (part, metric), floor in FLOORS[name].items():
        assert result[part][metric] >= floor, (name, part, metric, result[part][metric])
    assert not result["rules_documents_with_targets_or_tasks"], name


# the public repositories the released sets were copied from
SOURCES = ("zhiyao87/Shanghai-Gov-Docs-Index", "changwu/pingtan-gov-zwgk-archive",
           "LawRefBook/Laws", "mengke25/policy_text_frenq", "ZaynShao/energy-policy-analysis",
           "milaotou001/policy-funding-radar", "zgch1238/Huace_policy-document-analyzer",
           "JunFengXiang/electricity-policy-rag", "Caro-Li-C/opcstartup-site",
           "l317048418-ctrl/zhengcegzt", "ljz060707-lang/China-Real-Estate-Policy-Database",
           "gwen8316-bit/guangdong-storage-policy-radar", "PAOTENG/policy-radar",
           "tianxinyuan57/medical-policy-rag", "chairmenfrog/Policy_crawler",
           "HirezmingD/low-altitude-economy-wiki", "HUANGZHIHAO1994/GCCMPD-climate-policy-dataset")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_is_read_from_its_own_text(name: str) -> None:
    """Every record was copied whole (its length checked) and every quote is in its text."""
    folder = DEVSET / name
    records = [json.loads(line) for line in (folder / "corpus.jsonl").open(encoding="utf-8")]
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    assert sorted(r["id"] for r in records) == sorted(golds)
    for rec in records:
        assert rec["format"] in ("md", "txt", "html") and rec["repo"] in SOURCES
        if rec.get("length_verified") and "text_field" not in rec:
            # (a text stored as a field of a JSON file: the file's length was checked)
            assert len(rec["text"]) == rec["total_chars"], rec["id"]
        gold = golds[rec["id"]]
        assert gold["doc"] in (f"{rec['id']}.md", f"{rec['id']}.{rec['format']}")
        joined = rec["text"].replace("\n", "")
        for t in gold["targets"]:
            assert re.sub(r"\s+", "", t["quote"]) in re.sub(r"\s+", "", joined), (rec["id"], t)
