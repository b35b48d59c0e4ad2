"""Evaluation report speed: the DOCX report with a chart per indicator (goal < 3 s), next to the
Markdown rendering of the same report model (no charts) measured in the same run."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from planwatch.actions import extract_file
from planwatch.model.actual import Actual
from planwatch.model.plan import Plan
from planwatch.reports import build_report, render_report

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "planwatch" / "data" / "samples"


def synthetic_actuals(plan_path: Path) -> tuple[Plan, list[Actual]]:
    plan = extract_file(plan_path)
    rows = []
    for ind in plan.indicators:
        if ind.baseline is None or ind.target is None or ind.baseline_year is None:
            continue
        for k in range(1, 4):
            value = ind.baseline + (ind.target - ind.baseline) * k / 5 * 0.9
            rows.append(Actual(indicator=ind.name, year=ind.baseline_year + k, value=value,
                               unit=ind.unit, status="final", source="bench"))
    return plan, rows


def main() -> None:
    plan, actuals = synthetic_actuals(SAMPLE / "zibo-2022-plan.txt")
    with tempfile.TemporaryDirectory() as d:
        timings = {}
        for fmt in ("md", "docx", "docx"):
            t0 = time.perf_counter()
            report = build_report(plan, actuals, 2023)
            render_report(report, fmt, Path(d) / f"r.{fmt}")
            timings.setdefault(fmt, []).append(time.perf_counter() - t0)
    docx_cold, docx_warm = timings["docx"]
    md = timings["md"][0]
    print(f"== evaluation report ({len(plan.indicators)} indicators, charts) ==")
    print(f"DOCX with charts: {docx_cold:.2f} s first, {docx_warm:.2f} s again "
          f"(goal < 3 s: {'OK' if docx_cold < 3 else 'over goal'}); Markdown baseline "
          f"{md:.3f} s; ratio ×{docx_warm / md:.1f}")


if __name__ == "__main__":
    main()
