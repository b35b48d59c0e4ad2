"""scripts/precision-study.py: the fixed-seed draw, the judge's CSV and the Wilson interval."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import ROOT, load_script


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return load_script(ROOT / "scripts" / "precision-study.py", "precision_study")


def test_wilson_interval_matches_the_issue(study: ModuleType) -> None:
    # issue 7: 41 commitments of 100 drawn targets, 95 % interval 32–51 %
    lo, hi = study.wilson(41, 100)
    assert (round(lo, 3), round(hi, 3)) == (0.319, 0.508)
    assert study.wilson(0, 0) == (0.0, 1.0)
    assert study.wilson(10, 10)[1] == pytest.approx(1.0)


def test_draw_is_fixed_by_the_seed(study: ModuleType) -> None:
    targets = {f"doc-{d:03d}": [{}] * (d % 7) for d in range(60)}
    pop = study.population(targets)
    first = study.draw(pop, 20, seed=7)
    assert first == study.draw(pop, 20, seed=7) and len(set(first)) == 20
    assert first != study.draw(pop, 20, seed=8)
    assert all(i < len(targets[doc]) for doc, i in first)
    assert len(study.draw(pop[:5], 100)) == 5


def test_sentence_around_the_quote(study: ModuleType) -> None:
    text = "标题\n一、目标\n到2025年，高新技术企业达到\n500家。每年新增10家；其他。"
    # line breaks are joined (a sentence may wrap), so a heading line before it stays in view
    expected = "标题一、目标到2025年，高新技术企业达到500家。"
    assert study.sentence_around(text, "达到500家") == expected
    assert study.sentence_around(text, "新增10家") == "每年新增10家；"
    assert study.sentence_around(text, "不存在") == ""


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "index", "verdict", "fully_correct"])
        w.writeheader()
        w.writerows(rows)
    return path


def test_judgements_and_report(study: ModuleType, tmp_path: Path) -> None:
    rows = [{"id": "a", "index": str(i), "verdict": v, "fully_correct": f}
            for i, (v, f) in enumerate([("commitment", "yes"), ("commitment", "no"),
                                         ("condition", ""), ("funding_rule", ""), ("", "")])]
    judged = study.read_judgements(_write(tmp_path / "j.csv", rows))
    assert len(judged) == 4  # the unjudged row is left out
    report = "\n".join(study.precision_report(judged))
    assert "precision (commitments): 2/4 = 0.500" in report
    assert "fully correct commitments: 1/4 = 0.250" in report


@pytest.mark.parametrize("bad", [
    {"id": "a", "index": "0", "verdict": "maybe", "fully_correct": ""},
    {"id": "a", "index": "0", "verdict": "commitment", "fully_correct": ""},
])
def test_bad_judgements_are_refused(study: ModuleType, tmp_path: Path,
                                    bad: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        study.read_judgements(_write(tmp_path / "j.csv", [bad]))
    assert study.main(["score", str(tmp_path / "j.csv")]) == 2
