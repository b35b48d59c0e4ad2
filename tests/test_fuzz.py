"""Readers raise nothing but PlanwatchError on arbitrary, truncated or mangled input."""

from __future__ import annotations

import io
import tempfile
from functools import cache
from pathlib import Path

from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings, strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from planwatch.errors import PlanwatchError
from planwatch.parse import SUPPORTED_SUFFIXES, Document, read_document

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _read(data: bytes, suffix: str) -> Document | None:
    """read_document on a temp file; None when it raised a PlanwatchError (allowed)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        try:
            return read_document(path)
        except PlanwatchError:
            return None


@cache
def _docx_bytes() -> bytes:
    word = WordDocument()
    word.add_heading("一、总体要求", level=1)
    word.add_paragraph("到2030年，全市高新技术企业达到2000家。")
    table = word.add_table(rows=2, cols=2)
    for r, row in enumerate([["指标", "2030年"], ["企业数", "2000"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


@cache
def _pdf_bytes() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in range(2):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 740, f"第{page + 1}页：到2030年，全市高新技术企业达到2000家。")
        c.rect(72, 600, 200, 60)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_valid_samples_read() -> None:
    docx = _read(_docx_bytes(), ".docx")
    pdf = _read(_pdf_bytes(), ".pdf")
    assert docx is not None and "一、总体要求" in docx.full_text()
    assert pdf is not None and "2000家" in pdf.full_text()


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    _read(data, suffix)


@FUZZ
@given(text=st.text(max_size=2000), suffix=st.sampled_from((".txt", ".md", ".html", ".htm")),
       encoding=st.sampled_from(("utf-8", "utf-16", "gb18030")))
def test_arbitrary_text(text: str, suffix: str, encoding: str) -> None:
    _read(text.encode(encoding, errors="replace"), suffix)


_LINES = st.lists(st.sampled_from([
    "一、总体要求", "（一）发展目标", "\t序号", " \t弥河镇", "a\tb\tc", "", "— 3 —", "表1 指标",
    "| a | b |", "|---|---|", "# 标题", "**粗体**", "到 2 0 2 5 年，企业达到", "100家。", "\t",
    " ", "专栏1：重点", "[bookmark: _Toc1]", "1. 条目", "习",
]), max_size=60)


@FUZZ
@given(lines=_LINES)
def test_layout_shaped_text(lines: list[str]) -> None:
    doc = _read("\n".join(lines).encode("utf-8"), ".txt")
    if doc is not None:
        for block in doc.blocks:
            assert block.line is not None and block.line >= 1
            assert all(isinstance(c, str) for r in block.rows for c in r)


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=0.999), suffix=st.sampled_from((".docx", ".pdf")))
def test_truncated_files(cut: float, suffix: str) -> None:
    data = _docx_bytes() if suffix == ".docx" else _pdf_bytes()
    _read(data[: int(len(data) * cut)], suffix)


@FUZZ
@given(positions=st.lists(st.floats(min_value=0.0, max_value=0.999), min_size=1, max_size=8),
       value=st.integers(0, 255), suffix=st.sampled_from((".docx", ".pdf")))
def test_mangled_files(positions: list[float], value: int, suffix: str) -> None:
    data = bytearray(_docx_bytes() if suffix == ".docx" else _pdf_bytes())
    for pos in positions:
        data[int(len(data) * pos)] = value
    _read(bytes(data), suffix)
