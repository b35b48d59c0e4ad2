"""The same plan as .txt, .docx, .html and .pdf must extract to the same result.

Every seed is parsed from .txt, rendered to the other formats (tests/render.py; real Word tables
and automatic numbering, a web page with navigation noise, a LibreOffice PDF with running header
and page numbers), and extracted again. The .txt extraction is scored as the "gold" of the other
formats with the shared scorer's own functions, and every section must match completely.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from planwatch.actions import extract_file, plan_to_json
from tests.helpers import SEEDS, load_scorer, skip_unless_ci
from tests.render import rendered_pdfs, rendered_seeds, soffice

STEMS = sorted(p.stem for p in SEEDS.glob("*.txt"))
SECTIONS = ("indicators", "prior_results", "targets", "tasks", "projects", "meta")


@cache
def _scorer() -> Any:
    return load_scorer()


def score_plan(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Score one plan against another with the scorer's functions; {section: summary}."""
    sc = _scorer()
    t = {k: sc.Tally() for k in SECTIONS}
    doc = "doc"
    sc.score_rows(t["indicators"], gold.get("indicators", []), pred.get("indicators") or [], doc,
                  sc.IND_FIELDS_NUM, sc.IND_FIELDS_STR)
    sc.score_rows(t["prior_results"], gold.get("prior_results", []),
                  pred.get("prior_results") or [], doc,
                  ["baseline_year", "baseline", "target_year", "target", "actual_year", "actual"],
                  [])
    sc.score_targets(t["targets"], gold.get("targets", []), pred.get("targets") or [], doc,
                     (gold.get("meta") or {}).get("period_end"))
    sc.score_tasks(t["tasks"], gold.get("tasks", []), pred.get("tasks") or [], doc)
    sc.score_projects(t["projects"], gold.get("projects", []), pred.get("projects") or [], doc)
    meta, gm, pm = t["meta"], gold.get("meta") or {}, pred.get("meta") or {}
    meta.gold = meta.pred = meta.matched = 1
    ok_all = True
    for f in sc.META_FIELDS:
        g, p = gm.get(f), pm.get(f)
        numeric = isinstance(g, int | float) and not isinstance(g, bool)
        ok = sc.num_eq(p, g) if numeric else sc.norm(p) == sc.norm(g)
        meta.field(f, ok)
        ok_all &= ok
        if not ok:
            meta.misses.append(f"meta.{f} txt={g} other={p}")
    meta.full += int(ok_all)
    return {k: {**v.summary(), "misses": v.misses} for k, v in t.items()}


def _differences(gold: dict[str, Any], pred: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for section, s in score_plan(gold, pred).items():
        counts_differ = s["gold"] != s["pred"]
        if counts_differ or s["matched"] != s["gold"] or s["fully_correct_rate"] != 1.0:
            out.append(f"{section}: txt={s['gold']} other={s['pred']} matched={s['matched']} "
                       f"fully_correct={s['fully_correct_rate']}")
            out.extend(f"   {m}" for m in s["misses"][:10])
    return out


@cache
def _extracted(stem: str, fmt: str) -> dict[str, Any]:
    if fmt == "pdf":
        path = rendered_pdfs()[stem]
    else:
        path = rendered_seeds()[stem][fmt] if fmt != "txt" else SEEDS / f"{stem}.txt"
    data: dict[str, Any] = json.loads(plan_to_json(extract_file(path)))
    return data


def test_score_plan_detects_differences() -> None:
    gold = _extracted("zibo-2022-plan", "txt")
    assert _differences(gold, gold) == []
    broken = json.loads(json.dumps(gold))
    broken["meta"]["title"] = "别的规划"
    if broken.get("indicators"):
        broken["indicators"][0]["target"] = -1
    diffs = _differences(gold, broken)
    assert any(d.startswith("meta:") for d in diffs)
    if gold.get("indicators"):
        assert any(d.startswith("indicators:") for d in diffs)


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_docx_and_html_extract_like_txt(stem: str, fmt: str) -> None:
    assert _differences(_extracted(stem, "txt"), _extracted(stem, fmt)) == []


@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_pdf_extracts_like_txt(stem: str) -> None:
    if soffice() is None:
        skip_unless_ci("LibreOffice is not installed")
    assert _differences(_extracted(stem, "txt"), _extracted(stem, "pdf")) == []
