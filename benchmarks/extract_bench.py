"""`make bench`: extraction speed on the sample plans.

Reports, with a baseline measured in the same run (decode + NFKC + a regex scan for numbers over
the same bytes — the least any extractor must do):
- median extraction time per sample document, and the ratio to the baseline — with cold caches:
  every content cache of planwatch (functools caches keyed by text) is cleared before each timed
  run, so a repeated document is not served from memory (the catalogues, loaded once per process
  as in the product, stay loaded);
- median time for a ~30,000-character .txt plan, cold (goal < 20 ms), and warm for comparison;
- documents/second over 1,000 documents, in one process and with a process pool;
- the real corpus (../shared/corpus: 280 policy texts and 26 Shanghai plans, each document
  different, so nothing is cached between them), extracted once in a fresh process: documents/s,
  errors, and the same baseline over the same files.
"""

from __future__ import annotations

import functools
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from planwatch.actions import expand_inputs, extract_file, extract_many

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "planwatch" / "data" / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
_NUM = re.compile(r"\d+(?:\.\d+)?")


def baseline(path: Path) -> int:
    text = unicodedata.normalize("NFKC", path.read_bytes().decode("utf-8", errors="replace"))
    return len(_NUM.findall(text))


def clear_content_caches() -> int:
    """Clear every functools cache in planwatch's modules except the once-per-process catalogue
    loads (``maxsize=1``); return how many were cleared."""
    cleared = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("planwatch") or module is None:
            continue
        for obj in vars(module).values():
            if isinstance(obj, functools._lru_cache_wrapper) and obj.cache_info().maxsize != 1:
                obj.cache_clear()
                cleared += 1
    return cleared


def median_ms(
    fn: Callable[[Path], object], path: Path, repeat: int = 15, *, cold: bool = False
) -> float:
    fn(path)  # warm-up: imports and catalogue loads, as in a running process
    times = []
    for _ in range(repeat):
        if cold:
            clear_content_caches()
        t0 = time.perf_counter()
        fn(path)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _write_corpus(tmp: Path) -> list[Path]:
    paths: list[Path] = []
    for name, suffix in (("policy-texts.jsonl", ".txt"), ("shanghai-plans.jsonl", ".md")):
        source = CORPUS / name
        if not source.exists():
            continue
        for line in source.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            body = rec["text"] if suffix == ".md" else rec["title"] + "\n" + rec["text"]
            path = tmp / f"{rec['id']}{suffix}"
            path.write_text(body, encoding="utf-8")
            paths.append(path)
    return paths


_CORPUS_RUN = """
import sys, time
from pathlib import Path
from planwatch.actions import extract_many
paths = [Path(p) for p in sys.argv[1:]]
t0 = time.perf_counter()
ok = sum(1 for o in extract_many(paths, workers=1) if o.plan is not None)
print(ok, time.perf_counter() - t0)
"""


def corpus_throughput(tmp: Path) -> None:
    """The real corpus, once, in a fresh process (cold caches, every document different)."""
    paths = _write_corpus(tmp)
    if not paths:
        print("\nreal corpus: ../shared/corpus not found — skipped")
        return
    done = subprocess.run([sys.executable, "-c", _CORPUS_RUN, *map(str, paths)],
                          capture_output=True, text=True, check=True)
    ok_text, seconds_text = done.stdout.split()
    ok, seconds = int(ok_text), float(seconds_text)
    t0 = time.perf_counter()
    for p in paths:
        baseline(p)
    base = time.perf_counter() - t0
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"\nreal corpus, cold, one fresh process: {len(paths)} documents ({chars:,} chars), "
          f"{len(paths) - ok} errors, {len(paths) / seconds:.1f} docs/s "
          f"({seconds:.2f} s; baseline {base:.3f} s, ratio {seconds / base:.0f})")


def make_30k(tmp: Path) -> Path:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    cut = text[:30000]
    out = tmp / "plan-30k.txt"
    out.write_text(cut[: cut.rfind("\n")], encoding="utf-8")
    return out


def throughput(paths: list[Path], workers: int) -> float:
    t0 = time.perf_counter()
    n = sum(1 for o in extract_many(paths, workers=workers) if o.plan is not None)
    return n / (time.perf_counter() - t0)


def main() -> int:
    samples = expand_inputs([SAMPLES])
    print("== extraction per document (median of 15, cold caches) ==")
    print(f"{'document':28s} {'chars':>7s} {'extract ms':>11s} {'baseline ms':>12s} {'ratio':>7s}")
    for p in samples:
        ext, base = median_ms(extract_file, p, cold=True), median_ms(baseline, p)
        chars = len(p.read_text(encoding="utf-8"))
        print(f"{p.stem:28s} {chars:7d} {ext:11.2f} {base:12.3f} {ext / base:7.1f}")
    with tempfile.TemporaryDirectory() as d:
        p30 = make_30k(Path(d))
        ext, base = median_ms(extract_file, p30, cold=True), median_ms(baseline, p30)
        warm = median_ms(extract_file, p30)
        verdict = "OK" if ext < 20 else "over goal"
        print(f"\n30,000-character plan: {ext:.2f} ms median with cold caches (goal < 20 ms: "
              f"{verdict}); warm {warm:.2f} ms; baseline {base:.3f} ms; ratio {ext / base:.1f}")
        corpus_throughput(Path(d))
    corpus = [samples[i % len(samples)] for i in range(1000)]
    one = throughput(corpus, 1)
    two = throughput(corpus, 2)
    print(f"\n1,000 documents: {one:.1f} docs/s in one process, {two:.1f} docs/s with 2 workers "
          f"(×{two / one:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
