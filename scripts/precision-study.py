#!/usr/bin/env python3
"""Target precision on the whole policy corpus: draw a fixed random sample, judge it, score it.

    scripts/precision-study.py draw  [--n 100] [--seed 20261206] [--out CSV]
    scripts/precision-study.py score [JUDGEMENTS.csv]

``draw`` extracts every record of ``../shared/corpus/policy-texts.jsonl`` (input
``title + "\\n" + text`` as ``<id>.txt``, as for the gold), lists every extracted target as
(document id, target index), draws ``--n`` of them with ``random.Random(seed).sample`` from that
list in document-id order, and writes them to a CSV with the target's fields, its quote and the
sentence around the quote. The columns ``verdict`` and ``fully_correct`` are left empty for the
judge. A rerun with the same extractor and seed draws the same targets.

``score`` reads a judgement CSV (the drawn CSV with ``verdict``/``fully_correct`` filled in, or
any CSV with columns ``id,index,verdict,fully_correct``) and prints the precision — commitments
among the judged targets — with a Wilson 95 % interval, the verdicts' counts, and the share of
fully correct targets (a commitment whose value, unit, year, comparator, kind and subject are all
right).

verdict: commitment | past_fact | condition | funding_rule | reference_count | fragment | other
fully_correct: yes | no (only read for commitments)
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "policy-texts.jsonl"
STUDY = ROOT / "benchmarks" / "precision-study"
SEED = 20261206
VERDICTS = ("commitment", "past_fact", "condition", "funding_rule", "reference_count",
            "fragment", "other")
FIELDS = ("subject", "value", "value_max", "unit", "year", "period", "comparator", "kind")
COLUMNS = ("id", "index", *FIELDS, "quote", "sentence", "verdict", "fully_correct")
_SENTENCE_END = "。；！？"


def read_corpus(path: Path = CORPUS) -> dict[str, str]:
    """Every record's extractor input, by id."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["id"]] = rec["title"] + "\n" + rec["text"]
    return out


def extract_all(texts: dict[str, str]) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Targets of every document (plan JSON dicts) and the ids that failed to extract."""
    sys.path.insert(0, str(ROOT / "src"))
    from planwatch.actions import extract_file
    from planwatch.errors import PlanwatchError

    targets: dict[str, list[dict[str, Any]]] = {}
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="precision-") as tmp:
        for doc_id, text in texts.items():
            path = Path(tmp) / f"{doc_id}.txt"
            path.write_text(text, encoding="utf-8")
            try:
                plan = extract_file(path)
            except PlanwatchError:
                errors.append(doc_id)
                continue
            targets[doc_id] = [t.model_dump(mode="json") for t in plan.targets]
    return targets, errors


def population(targets: dict[str, list[dict[str, Any]]]) -> list[tuple[str, int]]:
    """(document id, target index) of every extracted target, in a stable order."""
    return [(doc_id, i) for doc_id in sorted(targets) for i in range(len(targets[doc_id]))]


def draw(pop: Sequence[tuple[str, int]], n: int, seed: int = SEED) -> list[tuple[str, int]]:
    """``n`` targets drawn without replacement with a fixed seed, in document order."""
    picked = random.Random(seed).sample(list(pop), min(n, len(pop)))
    return sorted(picked)


def sentence_around(text: str, quote: str, limit: int = 160) -> str:
    """The sentence of the line-joined text that holds ``quote`` ('' if the quote is not there)."""
    joined = text.replace("\n", "")
    at = joined.find(quote) if quote else -1
    if at < 0:
        return ""
    start, end = at, at + len(quote)
    while start > 0 and joined[start - 1] not in _SENTENCE_END and at - start < limit:
        start -= 1
    while end < len(joined) and joined[end] not in _SENTENCE_END and end - at < limit:
        end += 1
    return joined[start:min(end + 1, len(joined))]


def sample_rows(picked: Iterable[tuple[str, int]], targets: dict[str, list[dict[str, Any]]],
                texts: dict[str, str]) -> list[dict[str, str]]:
    """CSV rows for the judge: the target's fields, quote, sentence; verdict columns empty."""
    rows = []
    for doc_id, i in picked:
        t = targets[doc_id][i]
        row = {"id": doc_id, "index": str(i)}
        row.update({f: "" if t.get(f) is None else str(t.get(f)) for f in FIELDS})
        row["quote"] = t.get("quote") or ""
        row["sentence"] = sentence_around(texts[doc_id], row["quote"])
        row["verdict"] = row["fully_correct"] = ""
        rows.append(row)
    return rows


def write_csv(rows: list[dict[str, str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval for k successes out of n (95 % by default)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def read_judgements(path: Path) -> list[dict[str, str]]:
    """Judged rows (verdict filled); raises ValueError on an unknown verdict or yes/no value."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            verdict = (row.get("verdict") or "").strip()
            if not verdict:
                continue
            if verdict not in VERDICTS:
                raise ValueError(f"{path.name}:{n}: verdict {verdict!r} not in {VERDICTS}")
            full = (row.get("fully_correct") or "").strip().lower()
            if verdict == "commitment" and full not in ("yes", "no"):
                raise ValueError(f"{path.name}:{n}: fully_correct must be yes or no")
            rows.append({"id": row["id"], "index": row["index"], "verdict": verdict,
                         "fully_correct": full})
    keys = [(r["id"], r["index"]) for r in rows]
    if len(keys) != len(set(keys)):
        raise ValueError(f"{path.name}: a target is judged twice")
    return rows


def precision_report(rows: list[dict[str, str]]) -> list[str]:
    """The printed summary of a judgement file."""
    n = len(rows)
    verdicts = Counter(r["verdict"] for r in rows)
    k = verdicts["commitment"]
    full = sum(1 for r in rows if r["verdict"] == "commitment" and r["fully_correct"] == "yes")
    lo, hi = wilson(k, n)
    flo, fhi = wilson(full, n)
    lines = [f"judged targets: {n}",
             f"precision (commitments): {k}/{n} = {k / n if n else 0:.3f} "
             f"(Wilson 95 % {lo:.3f}-{hi:.3f})",
             f"fully correct commitments: {full}/{n} = {full / n if n else 0:.3f} "
             f"(Wilson 95 % {flo:.3f}-{fhi:.3f}); {full}/{k} of the commitments"]
    lines += [f"  {v:16s} {verdicts[v]:4d}" for v in VERDICTS]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="extract the corpus and write the sample CSV")
    d.add_argument("--n", type=int, default=100)
    d.add_argument("--seed", type=int, default=SEED)
    d.add_argument("--corpus", type=Path, default=CORPUS)
    d.add_argument("--out", type=Path, default=STUDY / "sample.csv")
    d.add_argument("--exclude", nargs="*", default=[],
                   help="document ids left out of the draw (default: none, the whole corpus)")
    s = sub.add_parser("score", help="precision of a judgement CSV")
    s.add_argument("judgements", type=Path, nargs="?", default=STUDY / "judgements.csv")
    a = ap.parse_args(argv)
    if a.cmd == "draw":
        texts = {k: v for k, v in read_corpus(a.corpus).items() if k not in set(a.exclude)}
        targets, errors = extract_all(texts)
        pop = population(targets)
        rows = sample_rows(draw(pop, a.n, a.seed), targets, texts)
        write_csv(rows, a.out)
        print(f"{len(texts)} documents, {len(errors)} extraction errors, {len(pop)} targets; "
              f"{len(rows)} drawn (seed {a.seed}) -> {a.out}")
        return 0
    try:
        rows = read_judgements(a.judgements)
    except ValueError as exc:
        print(f"错误 / error: {exc}", file=sys.stderr)
        return 2
    for line in precision_report(rows):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
