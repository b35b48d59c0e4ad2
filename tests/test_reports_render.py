"""Render the reports through LibreOffice to PDF and PNG (test-artifacts/reports/) to view."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from planwatch.reports import build_report, render_report
from tests.helpers import ROOT
from tests.reports_helpers import synthetic_actuals, zibo_plan_with_tasks

ARTIFACTS = ROOT / "test-artifacts" / "reports"
TOOLS = ("soffice", "pdftoppm", "pdftotext")

pytestmark = [
    pytest.mark.slow,
    # in CI a missing tool fails (below) instead of silently skipping every render test
    pytest.mark.skipif(not os.environ.get("CI") and any(shutil.which(t) is None for t in TOOLS),
                       reason="needs LibreOffice and poppler-utils"),
]


def to_pdf(path: Path, outdir: Path) -> Path:
    """LibreOffice → PDF; HTML is imported into Writer (Writer/Web drops the page layout)."""
    profile = Path("/tmp") / f"lo-{uuid.uuid4().hex}"
    html = ["--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export"]
    convert = html if path.suffix == ".html" else ["--convert-to", "pdf"]
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", *convert,
             "--outdir", str(outdir), str(path)],
            check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / f"{path.stem}.pdf"


def to_png(pdf: Path, prefix: str) -> list[Path]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(ARTIFACTS / prefix)],
                   check=True, capture_output=True, timeout=120)
    return sorted(ARTIFACTS.glob(f"{prefix}-*.png"))


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60)
    return done.stdout.decode("utf-8")


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_render_to_png(fmt: str, tmp_path: Path) -> None:
    report = build_report(zibo_plan_with_tasks(), synthetic_actuals(), 2023)
    source = render_report(report, fmt, tmp_path / f"report-{fmt}.{fmt}")
    pdf = to_pdf(source, tmp_path)
    pngs = to_png(pdf, f"report-{fmt}")
    assert pngs and all(p.stat().st_size > 2_000 for p in pngs)
    text = "".join(pdf_text(pdf).split())
    assert "科技型中小企业" in text
    assert "2023年度监测评估报告" in text
    if fmt != "xlsx":
        assert "一、总体情况" in text
    if fmt == "docx":
        assert "—1—" in text  # 公文 page number footer
        assert 4 <= len(pngs) <= 10
