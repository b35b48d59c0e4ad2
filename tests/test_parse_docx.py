"""Word reader: auto-numbering rebuilt from numbering.xml, merged cells, headings, guards."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument

from planwatch.errors import DocumentError
from planwatch.parse import read_document
from planwatch.parse.docx_numbering import chinese_counting, format_number
from tests.helpers import SEEDS
from tests.render import NUM_ID, _add_numbering, _el, _set_numpr, render_docx


def test_chinese_counting() -> None:
    assert [chinese_counting(n) for n in (1, 9, 10, 11, 19, 20, 23, 99, 100, 105, 110)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十三", "九十九", "一百", "一百零五",
        "一百一十"]
    assert format_number(3, "upperRoman") == "III"
    assert format_number(28, "lowerLetter") == "ab"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(7, "decimal") == "7"


def _numbered_docx(path: Path) -> Path:
    word = WordDocument()
    _add_numbering(word)
    spec = [(0, "总体要求"), (1, "指导思想"), (1, "发展目标"), (2, "企业数量"), (0, "重点任务"),
            (1, "强化企业主体"), (None, "到2030年，企业达到100家。")]
    for ilvl, text in spec:
        style = {0: "Heading 1", 1: "Heading 2"}.get(ilvl if ilvl is not None else -1)
        paragraph = word.add_paragraph(text, style=style)
        if ilvl is not None:
            _set_numpr(paragraph, ilvl)
    restart = _el("w:num", numId="902")
    restart.append(_el("w:abstractNumId", val=NUM_ID))
    override = _el("w:lvlOverride", ilvl="2")
    override.append(_el("w:startOverride", val="5"))
    restart.append(override)
    word.part.numbering_part.element.append(restart)
    paragraph = word.add_paragraph("从五开始")
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", val="2"))
    numpr.append(_el("w:numId", val="902"))
    paragraph._p.get_or_add_pPr().append(numpr)
    word.save(str(path))
    return path


def test_numbering_rebuilt(tmp_path: Path) -> None:
    doc = read_document(_numbered_docx(tmp_path / "n.docx"))
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "一、总体要求"),
        ("heading", 2, "（一）指导思想"),
        ("heading", 2, "（二）发展目标"),
        ("heading", 3, "1.企业数量"),
        ("heading", 1, "二、重点任务"),
        ("heading", 2, "（一）强化企业主体"),
        ("paragraph", None, "到2030年，企业达到100家。"),
        ("heading", 3, "5.从五开始"),
    ]
    assert doc.format == "docx"
    assert [b.line for b in doc.blocks] == list(range(1, 9))


def test_merged_cells_repeated(tmp_path: Path) -> None:
    word = WordDocument()
    table = word.add_table(rows=3, cols=3)
    texts = [["指标", "目标", ""], ["", "2025年", "2030年"], ["企业数（家）", "10", "20"]]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 0).merge(table.cell(1, 0))
    path = tmp_path / "t.docx"
    word.save(str(path))
    [(_, block)] = list(read_document(path).tables())
    assert block.rows == (("指标", "目标", "目标"), ("指标", "2025年", "2030年"),
                          ("企业数（家）", "10", "20"))


def test_rendered_seed_round_trip(tmp_path: Path) -> None:
    source = read_document(SEEDS / "weihai-2022-plan.txt")
    path = render_docx(source, tmp_path / "weihai.docx")
    with zipfile.ZipFile(path) as zf:
        body = zf.read("word/document.xml").decode("utf-8")
    assert "全力建设更高水平的国家创新型城市" in body
    assert "三、全力建设更高水平的国家创新型城市" not in body  # the number comes from numbering
    doc = read_document(path)
    assert [(b.kind, b.text, b.rows) for b in doc.blocks] == [
        (b.kind, b.text, b.rows) for b in source.blocks]


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "encrypted"),
        (b"PK\x03\x04 not really a zip", "not-docx"),
        (b"plain text, not a docx", "not-docx"),
        (_zip_bytes({"word/document.xml": b"\0" * (3 << 20)}), "zip-bomb"),
        (_zip_bytes({"hello.txt": b"hello"}), "damaged"),
    ],
)
def test_bad_docx_raises_document_error(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == code


def test_encrypted_message_is_bilingual(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert "加密" in err.value.zh and "encrypted" in err.value.en


def test_empty_docx_is_empty_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    WordDocument().save(str(path))
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "empty"


def test_toc_entries_skipped(tmp_path: Path) -> None:
    word = WordDocument()
    toc = word.styles.add_style("TOC 1", 1)
    word.add_paragraph("一、总体要求\t3", style=toc)
    word.add_paragraph("二、重点任务\t5", style=toc)
    word.add_paragraph("一、总体要求", style="Heading 1")
    word.add_paragraph("到2030年，企业达到100家。")
    path = tmp_path / "toc.docx"
    word.save(str(path))
    texts = [b.text for b in read_document(path).blocks]
    assert texts == ["一、总体要求", "到2030年，企业达到100家。"]
