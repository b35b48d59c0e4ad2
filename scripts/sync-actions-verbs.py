#!/usr/bin/env python3
"""Rewrite the block of ``src/planwatch/actions.py`` that re-exports the workflow verbs by name
from ``src/planwatch/workflow/verbs.py``. Run it after adding a verb there, then
``ruff check --fix``; tests/test_architecture.py checks that the two agree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTIONS = ROOT / "src" / "planwatch" / "actions.py"
VERBS = ROOT / "src" / "planwatch" / "workflow" / "verbs.py"
BLOCK = re.compile(r"from planwatch\.workflow\.verbs import \([^)]*\)\n")


def verb_names() -> list[str]:
    names: list[str] = []
    for node in ast.parse(VERBS.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            names += [a.asname or a.name for a in node.names]
    return sorted(set(names))


def block() -> str:
    body = "".join(f"    {n} as {n},\n" for n in verb_names())
    return ("from planwatch.workflow.verbs import (  # the workflow verbs, re-exported by name\n"
            + body + ")\n")


def main() -> None:
    text = ACTIONS.read_text(encoding="utf-8")
    ACTIONS.write_text(BLOCK.sub(lambda _: block(), text, count=1), encoding="utf-8")


if __name__ == "__main__":
    main()
