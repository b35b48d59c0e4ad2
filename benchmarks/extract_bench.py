"""`make bench`: extraction speed on the sample plans.

Reports, with a baseline measured in the same run (decode + NFKC + a regex scan for numbers over
the same bytes — the least any extractor must do):
- median extraction time per sample document, and the ratio to the baseline;
- median time for a ~30,000-character .txt plan (goal < 20 ms);
- documents/second over 1,000 documents, in one process and with a process pool.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from planwatch.actions import expand_inputs, extract_file, extract_many

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "planwatch" / "data" / "samples"
_NUM = re.compile(r"\d+(?:\.\d+)?")


def baseline(path: Path) -> int:
    text = unicodedata.normalize("NFKC", path.read_bytes().decode("utf-8", errors="replace"))
    return len(_NUM.findall(text))


def median_ms(fn: Callable[[Path], object], path: Path, repeat: int = 15) -> float:
    fn(path)  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(path)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


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
    print("== extraction per document (median of 15) ==")
    print(f"{'document':28s} {'chars':>7s} {'extract ms':>11s} {'baseline ms':>12s} {'ratio':>7s}")
    for p in samples:
        ext, base = median_ms(extract_file, p), median_ms(baseline, p)
        chars = len(p.read_text(encoding="utf-8"))
        print(f"{p.stem:28s} {chars:7d} {ext:11.2f} {base:12.3f} {ext / base:7.1f}")
    with tempfile.TemporaryDirectory() as d:
        p30 = make_30k(Path(d))
        ext, base = median_ms(extract_file, p30), median_ms(baseline, p30)
        verdict = "OK" if ext < 20 else "over goal"
        print(f"\n30,000-character plan: {ext:.2f} ms median (goal < 20 ms: {verdict}); "
              f"baseline {base:.3f} ms; ratio {ext / base:.1f}")
    corpus = [samples[i % len(samples)] for i in range(1000)]
    one = throughput(corpus, 1)
    two = throughput(corpus, 2)
    print(f"\n1,000 documents: {one:.1f} docs/s in one process, {two:.1f} docs/s with 2 workers "
          f"(×{two / one:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
