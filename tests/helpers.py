"""Shared test helpers (paths to the shared seeds/gold, the scorer)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
SCORER = SHARED / "bin" / "score-extraction"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_scorer() -> ModuleType:
    """Import the shared scorer script as a module."""
    loader = importlib.machinery.SourceFileLoader("score_extraction", str(SCORER))
    spec = importlib.util.spec_from_loader("score_extraction", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module
