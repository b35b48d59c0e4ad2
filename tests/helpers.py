"""Shared test helpers (paths to the shared seeds/gold, the scorer and scoring a folder)."""

from __future__ import annotations

import contextlib
import importlib.machinery
import importlib.util
import io
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SCORER = SHARED / "bin" / "score-extraction"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_script(path: Path, name: str) -> ModuleType:
    """Import a script without a .py suffix (or any file of Python) as a module."""
    loader = importlib.machinery.SourceFileLoader(name, str(path))
    spec = importlib.util.spec_from_loader(name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def load_scorer() -> ModuleType:
    """Import the shared scorer script as a module."""
    return load_script(SCORER, "score_extraction")


def score_dir(pred: Path, gold: Path = GOLD) -> dict[str, dict[str, float]]:
    """The shared scorer's JSON result for the plan JSONs in ``pred`` against ``gold``."""
    scorer, out = load_scorer(), pred / "score.json"
    old = sys.argv
    sys.argv = ["score-extraction", "--gold", str(gold), "--pred", str(pred), "--json", str(out)]
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            scorer.main()
    finally:
        sys.argv = old
    result: dict[str, dict[str, float]] = json.loads(out.read_text())
    return result


def skip_unless_ci(reason: str) -> None:
    """Skip a test whose system tool is missing on a developer machine; in CI (env ``CI`` set,
    where scripts/install-system-deps.sh installs every tool) a missing tool is a failure."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (scripts/install-system-deps.sh installs it)")
    pytest.skip(reason)
