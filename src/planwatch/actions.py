"""The verbs every front end (CLI, web) calls. No click or web imports here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from planwatch.errors import PlanwatchError
from planwatch.extract import extract_plan
from planwatch.model.plan import Plan
from planwatch.parse import SUPPORTED_SUFFIXES, read_document


def extract_file(path: Path) -> Plan:
    """Read and extract one document. Raises PlanwatchError for unreadable input."""
    doc = read_document(path)
    plan = extract_plan(doc)
    plan.doc = path.name
    return plan


@dataclass
class ExtractOutcome:
    """The result of extracting one file: a plan, or a one-line bilingual error."""

    path: Path
    plan: Plan | None = None
    error: str | None = None
    error_code: str | None = None


def _safe_extract(path: Path) -> ExtractOutcome:
    try:
        return ExtractOutcome(path, plan=extract_file(path))
    except PlanwatchError as exc:
        return ExtractOutcome(path, error=str(exc), error_code=getattr(exc, "code", None))
    except RecursionError:
        return ExtractOutcome(path, error="文档结构过深 / document nesting too deep",
                              error_code="too-deep")
    except MemoryError:
        return ExtractOutcome(path, error="文档过大，内存不足 / out of memory", error_code="too-large")


def expand_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside directories (sorted, recursive)."""
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(p)
    return out


def extract_many(paths: list[Path], workers: int = 1) -> Iterator[ExtractOutcome]:
    """Extract many files, in parallel processes when workers > 1; yields in completion order."""
    if workers <= 1 or len(paths) <= 1:
        yield from map(_safe_extract, paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_safe_extract, paths, chunksize=4)


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=1)


def write_plan(plan: Plan, out_dir: Path, stem: str, fmt: str = "json") -> Path:
    """Write a plan as <stem>.json or <stem>.md; the file appears whole or not at all."""
    from planwatch.render_md import plan_to_markdown

    out_dir.mkdir(parents=True, exist_ok=True)
    text = plan_to_json(plan) if fmt == "json" else plan_to_markdown(plan)
    target = out_dir / f"{stem}.{fmt}"
    tmp = target.with_suffix(target.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)
    return target


def summarize(plan: Plan) -> str:
    """One-line bilingual summary of an extracted plan."""
    m = plan.meta
    return (
        f"{m.title or '(无标题)'} | 指标 indicators {len(plan.indicators)} · "
        f"上期完成 prior {len(plan.prior_results)} · 目标 targets {len(plan.targets)} · "
        f"任务 tasks {len(plan.tasks)} · 项目 projects {len(plan.projects)} · "
        f"发现 findings {len(plan.findings)}"
    )
