"""PDF reader: text layer, tables, page furniture, paragraphs across pages, scans, encryption."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from planwatch.errors import DocumentError
from planwatch.parse import Document, read_document
from planwatch.parse.ocr_engine import engine
from tests.helpers import SEEDS, skip_unless_ci
from tests.render import HEADER_TEXT, rendered_pdfs, soffice

PAGES = [
    ["一、总体要求", "到2030年，全市高新技术企业达到2000家，研发投入强度",
     "达到3.5%，技术合同成交额突破100亿元，"],
    ["科技型中小企业达到5000家。", "二、重点任务"],
    ["（一）强化企业主体", "支持企业建设研发机构。"],
]


def _cjk_pdf(path: Path, pages: list[list[str]], encrypt: str | None = None) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for no, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 9)
        c.drawString(72, 800, "某市科技创新规划（2026—2030年）")
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 740 - 18 * i, line)
        c.setFont("STSong-Light", 9)
        c.drawString(290, 40, f"— {no} —")
        c.showPage()
    c.save()
    return path


def test_furniture_removed_and_sentence_joined_across_pages(tmp_path: Path) -> None:
    doc = read_document(_cjk_pdf(tmp_path / "a.pdf", PAGES))
    assert [(b.kind, b.text, b.page) for b in doc.blocks] == [
        ("heading", "一、总体要求", 1),
        ("paragraph", "到2030年，全市高新技术企业达到2000家，研发投入强度达到3.5%，"
                      "技术合同成交额突破100亿元，科技型中小企业达到5000家。", 1),
        ("heading", "二、重点任务", 2),
        ("heading", "（一）强化企业主体", 3),
        ("paragraph", "支持企业建设研发机构。", 3),
    ]
    assert doc.format == "pdf"


def test_scan_without_any_text(tmp_path: Path) -> None:
    """A page with no text layer is OCRed (tests/test_ocr.py); when OCR finds no text either,
    one bilingual error says so."""
    if engine() is None:
        skip_unless_ci("tesseract with its chi_sim model is not installed")
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 300, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "scanned-pdf"
    assert "扫描" in err.value.zh and "OCR" in err.value.zh
    assert "scanned" in err.value.en and "OCR" in err.value.en


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = _cjk_pdf(tmp_path / "enc.pdf", PAGES[:1], encrypt="secret")
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "encrypted"


@pytest.mark.parametrize("data", [b"hello world", b"%PDF-1.7\n garbage", b"%PDF-1.4\n%%EOF"])
def test_damaged_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(DocumentError):
        read_document(path)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["qingzhou-2021-plan", "weihai-2022-plan"])
def test_libreoffice_pdf_matches_text(stem: str) -> None:
    if soffice() is None:
        skip_unless_ci("LibreOffice is not installed")
    source = read_document(SEEDS / f"{stem}.txt")
    doc = read_document(rendered_pdfs()[stem])
    assert [(b.kind, _norm(b.text)) for b in doc.blocks] == [
        (b.kind, _norm(b.text)) for b in source.blocks]
    def cells(d: Document) -> list[list[list[str]]]:
        return [[[_norm(c) for c in r] for r in b.rows] for _, b in d.tables()]

    assert cells(doc) == cells(source)
    pages = [b.page or 0 for b in doc.blocks]
    assert pages[0] == 1 and pages == sorted(pages) and pages[-1] > 5
    assert not any(HEADER_TEXT in b.text or re.fullmatch(r"—\s*\d+\s*—", b.text)
                   for b in doc.blocks)
