"""The extract command as a user runs it: good files, bad files, batches, formats, help."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from planwatch.cli import main
from planwatch.schema import validate_plan_json
from tests.helpers import SEEDS

SEED = SEEDS / "zibo-2022-plan.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "planwatch.cli", *args],
                          capture_output=True, text=True, timeout=120)


def test_extract_one_seed_writes_valid_json(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["extract", str(SEED), "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "zibo-2022-plan.json").read_text(encoding="utf-8"))
    validate_plan_json(data)
    assert data["meta"]["title"] == "淄博市“十四五”科技创新规划"
    assert "指标 indicators 8 · 上期完成 prior 6 · 目标 targets 20" in res.output


def test_extract_markdown_format(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["extract", str(SEED), "--out", str(tmp_path), "--format", "md"])
    assert res.exit_code == 0, res.output
    text = (tmp_path / "zibo-2022-plan.md").read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "## 主要指标 Indicators" in text


def _bad_files(d: Path) -> dict[str, Path]:
    files = {
        "unsupported": d / "plan.xls",
        "empty": d / "empty.txt",
        "notzip": d / "fake.docx",
        "encrypted": d / "locked.docx",
        "notpdf": d / "fake.pdf",
        "bomb": d / "bomb.docx",
    }
    files["unsupported"].write_bytes(b"\xd0\xcf\x11\xe0junk")
    files["empty"].write_bytes(b"")
    files["notzip"].write_bytes(b"this is not a zip file at all")
    files["encrypted"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    files["notpdf"].write_bytes(b"%PDF-1.4\n garbage without xref")
    with zipfile.ZipFile(files["bomb"], "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return files


def test_bad_files_one_line_errors_and_batch_continues(tmp_path: Path) -> None:
    bad = _bad_files(tmp_path)
    out = tmp_path / "out"
    proc = run("extract", *map(str, bad.values()), str(SEED), "--out", str(out))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("✗")]
    assert len(errors) == len(bad), proc.stderr
    for line in errors:
        assert " / " in line  # Chinese / English
    assert (out / "zibo-2022-plan.json").exists()
    assert sorted(p.name for p in out.iterdir()) == ["zibo-2022-plan.json"]


def test_oversized_file_rejected(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)
    proc = run("extract", str(big), "--out", str(tmp_path / "o"))
    assert proc.returncode == 1
    assert "50 MB" in proc.stderr


def test_missing_file(tmp_path: Path) -> None:
    proc = run("extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "nope.txt" in proc.stderr


def test_directory_in_parallel(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run("extract", str(SEEDS), "--out", str(out), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.glob("*.json"))) == len(list(SEEDS.glob("*.txt")))


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"]])
def test_help(args: list[str]) -> None:
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0
    assert "/" in res.output
