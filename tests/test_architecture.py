"""Layering rules: the core imports neither click nor fastapi; the public API is __all__."""

from __future__ import annotations

import ast
from pathlib import Path

import planwatch

SRC = Path(planwatch.__file__).parent
EDGE = {"cli.py", "web"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_does_not_import_front_ends() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        if rel.parts[0] in EDGE or rel.name.startswith("cli"):
            continue
        bad = _imports(path) & {"click", "fastapi", "starlette", "uvicorn"}
        if bad:
            offenders.append(f"{rel}: {sorted(bad)}")
    assert offenders == []


def test_public_api() -> None:
    assert sorted(planwatch.__all__) == ["Plan", "PlanwatchError", "__version__"]
    for name in planwatch.__all__:
        assert hasattr(planwatch, name)
