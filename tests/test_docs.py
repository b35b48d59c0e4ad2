"""Every CLI command is documented in docs/cli.md."""

from __future__ import annotations

import click

from planwatch.cli import main
from tests.helpers import ROOT


def _commands(group: click.Group, prefix: str = "planwatch") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix} {name}"
        out.append(full)
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full))
    return out


def test_every_command_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [c for c in _commands(main) if f"`{c}`" not in doc]
    assert missing == []
