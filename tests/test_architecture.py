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


def _planwatch_modules(path: Path) -> set[str]:
    """Full names of the planwatch modules a file imports (``from planwatch import web`` →
    planwatch.web)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("planwatch"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("planwatch"):
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _is_front_end(module: str) -> bool:
    parts = module.split(".")
    return len(parts) > 1 and (parts[1] == "web" or parts[1].startswith("cli"))


def test_core_does_not_import_our_front_end_modules() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC)
        if rel.parts[0] in EDGE or rel.name.startswith("cli"):
            continue
        bad = sorted(m for m in _planwatch_modules(path) if _is_front_end(m))
        if bad:
            offenders.append(f"{rel}: {bad}")
    assert offenders == []


def test_front_end_detection() -> None:
    assert _is_front_end("planwatch.web.app") and _is_front_end("planwatch.cli_monitor")
    assert not _is_front_end("planwatch.actions") and not _is_front_end("planwatch.workflow")


def test_public_api() -> None:
    assert sorted(planwatch.__all__) == ["Plan", "PlanwatchError", "__version__"]
    for name in planwatch.__all__:
        assert hasattr(planwatch, name)


def test_actions_re_exports_every_workflow_verb_by_name() -> None:
    """actions.py names each verb of workflow/verbs.py (no star import); after adding a verb run
    scripts/sync-actions-verbs.py."""
    from planwatch import actions
    from planwatch.workflow import verbs

    exported = [n for n in vars(verbs) if not n.startswith("_") and n != "annotations"]
    missing = [n for n in exported if getattr(actions, n, None) is not getattr(verbs, n)]
    assert missing == []
    source = (SRC / "actions.py").read_text(encoding="utf-8")
    assert "import *" not in source
