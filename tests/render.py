"""Render a parsed Document to .docx / .html / .pdf, so the readers can be tested on equivalents.

* .docx: python-docx; table blocks become real Word tables; headings of level 1 and 2 whose printed
  number follows the running count (一、 / （一）) use REAL Word automatic numbering from
  numbering.xml (the number is removed from the text, as Word documents have it), a running header
  and a ``— PAGE —`` footer are added so the PDF has page furniture.
* .html: a government-style page: header, nav, breadcrumb, sidebar and footer around
  ``<div id="zoom">``; tables are real ``<table>`` s whose first column merges repeated values
  into ``rowspan`` cells.
* .pdf: LibreOffice (``soffice --headless --convert-to pdf``) of the .docx with a fresh profile.
* a scan: :func:`scan_of` rasterises a PDF into an image-only one (the OCR tests and bench).
"""

from __future__ import annotations

import copy
import functools
import html
import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planwatch.parse.document import Block, Document
from planwatch.parse.docx_numbering import chinese_counting

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
NUM_ID = "901"
HEADER_TEXT = "planwatch 测试文档 页眉"
_LEVELS = ((0, "chineseCounting", "%1、"), (1, "chineseCounting", "（%2）"), (2, "decimal", "%3."))


def _el(tag: str, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _add_numbering(word: Any) -> None:
    """Add an abstractNum (一、 / （一） / 1.) and a num with id NUM_ID to numbering.xml."""
    root = word.part.numbering_part.element
    abstract = _el("w:abstractNum", abstractNumId=NUM_ID)
    for ilvl, fmt, text in _LEVELS:
        lvl = _el("w:lvl", ilvl=str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            lvl.append(_el(tag, val=val))
        abstract.append(lvl)
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    num = _el("w:num", numId=NUM_ID)
    num.append(_el("w:abstractNumId", val=NUM_ID))
    root.append(num)


def _set_numpr(paragraph: Any, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", val=str(ilvl)))
    numpr.append(_el("w:numId", val=NUM_ID))
    ppr.append(numpr)


def _set_fonts(word: Any) -> None:
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        rpr = word.styles[name].element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = _el("w:rFonts")
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")


def _add_page_furniture(word: Any) -> None:
    section = word.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    run = footer.add_run()
    for tag, extra in (("w:fldChar", {"fldCharType": "begin"}), ("w:instrText", {}),
                       ("w:fldChar", {"fldCharType": "end"})):
        el = _el(tag, **extra)
        if tag == "w:instrText":
            el.text = "PAGE"
        run._r.append(el)
    footer.add_run(" —")


class _Counter:
    """Mirror of Word's counters for NUM_ID: which heading labels Word will print."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}

    def expected(self, ilvl: int) -> str:
        n = chinese_counting(self.counts.get(ilvl, 0) + 1)
        return f"{n}、" if ilvl == 0 else f"（{n}）"

    def advance(self, ilvl: int) -> None:
        self.counts[ilvl] = self.counts.get(ilvl, 0) + 1
        for deeper in [k for k in self.counts if k > ilvl]:
            del self.counts[deeper]


def _add_heading(word: Any, block: Block, counter: _Counter) -> None:
    level = block.level or 1
    ilvl = level - 1
    style = f"Heading {min(level, 4)}"
    if ilvl in (0, 1) and block.text.startswith(counter.expected(ilvl)):
        body = block.text[len(counter.expected(ilvl)):].lstrip()
        paragraph = word.add_paragraph(body, style=style)
        _set_numpr(paragraph, ilvl)
        counter.advance(ilvl)
        return
    word.add_paragraph(block.text, style=style)


def _add_table(word: Any, block: Block) -> None:
    width = max(len(r) for r in block.rows)
    table = word.add_table(rows=len(block.rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(block.rows):
        for c in range(width):
            table.cell(r, c).text = row[c] if c < len(row) else ""


def render_docx(doc: Document, path: Path) -> Path:
    """Write ``doc`` as a .docx with real tables and real automatic heading numbering."""
    word = WordDocument()
    _add_numbering(word)
    _set_fonts(word)
    _add_page_furniture(word)
    counter = _Counter()
    for block in doc.blocks:
        if block.kind == "heading":
            _add_heading(word, block, counter)
        elif block.kind == "table":
            _add_table(word, block)
        else:
            word.add_paragraph(block.text)
    word.save(str(path))
    return path


def _html_table(block: Block) -> str:
    rows = [list(r) for r in block.rows]
    spans: dict[int, int] = {}
    r = 1
    while r < len(rows):
        end = r
        while end + 1 < len(rows) and rows[end + 1][:1] == rows[r][:1] and rows[r][:1] != [""]:
            end += 1
        spans[r] = end - r + 1
        r = end + 1
    out = ["<table border=\"1\" cellspacing=\"0\">"]
    for i, row in enumerate(rows):
        cells = [f"<td>{html.escape(c)}</td>" for c in row]
        if i in spans and spans[i] > 1:
            cells[0] = f"<td rowspan=\"{spans[i]}\">{html.escape(row[0])}</td>"
        elif i > 0 and i not in spans:
            cells = cells[1:]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title} - 某市人民政府门户网站</title><script>var x = "首页 导航";</script>
<style>.nav {{ color: red }}</style></head>
<body><div class="header"><div class="logo">某市人民政府门户网站</div>
<div class="topbar">无障碍浏览 | 长者模式 | 登录 | 注册</div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zfxxgk">政府信息公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="container"><div class="sidebar"><h3>相关文件</h3>
<ul><li><a>关于印发某某办法的通知</a></li>
<li><a>关于开展某某工作的意见</a></li></ul></div>
<div class="article"><div id="zoom">
{body}
</div><div class="share">分享到：微信 微博</div></div></div>
<div class="footer"><p>主办：某市人民政府办公室 地址：某市某路1号</p>
<p>网站标识码：3700000000 备案号：鲁ICP备00000000号</p></div></body></html>
"""


def render_html(doc: Document, path: Path) -> Path:
    """Write ``doc`` as a government-style web page with noise around the article."""
    parts: list[str] = []
    for block in doc.blocks:
        if block.kind == "table":
            parts.append(_html_table(block))
        elif block.kind == "heading":
            tag = f"h{min((block.level or 1) + 1, 6)}"
            parts.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
        else:
            parts.append(f"<p style=\"text-indent:2em\">{html.escape(block.text)}</p>")
    title = next((b.text for b in doc.blocks if b.kind != "table"), "")
    page = _PAGE.format(title=html.escape(title[:40]), body="\n".join(parts))
    path.write_text(page, encoding="utf-8")
    return path


def soffice() -> str | None:
    """The LibreOffice binary, when installed."""
    return shutil.which("soffice") or (
        "/usr/bin/soffice" if Path("/usr/bin/soffice").exists() else None)


def render_pdfs(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """Convert .docx files to PDF with one LibreOffice run and a fresh user profile."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="lo-") as profile:
        subprocess.run(
            [binary, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_paths)],
            check=True, capture_output=True, timeout=600,
        )
    outs = [out_dir / (p.stem + ".pdf") for p in docx_paths]
    missing = [p for p in outs if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice produced no PDF for {missing}")
    return outs


def render_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert one .docx to PDF with LibreOffice."""
    return render_pdfs([docx_path], out_dir)[0]


@functools.cache
def _render_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="planwatch-render-"))


@functools.cache
def rendered_seeds() -> dict[str, dict[str, Path]]:
    """Every seed rendered to .docx and .html once per test session (cached in a tmp dir):
    ``{stem: {"txt": path, "docx": path, "html": path}}``."""
    from planwatch.parse import read_document

    out = _render_dir()
    result: dict[str, dict[str, Path]] = {}
    for seed in sorted(SEEDS.glob("*.txt")):
        doc = read_document(seed)
        result[seed.stem] = {"txt": seed,
                             "docx": render_docx(doc, out / f"{seed.stem}.docx"),
                             "html": render_html(doc, out / f"{seed.stem}.html")}
    return result


@functools.cache
def rendered_pdfs() -> dict[str, Path]:
    """Every seed's .docx converted to PDF by LibreOffice once per session: ``{stem: path}``."""
    seeds = rendered_seeds()
    pdfs = render_pdfs([v["docx"] for v in seeds.values()], _render_dir())
    return dict(zip(seeds, pdfs, strict=True))


def copy_document(doc: Document) -> Document:
    """A deep copy (tests must not share mutable state)."""
    return copy.deepcopy(doc)


def scan_of(data: bytes, dpi: int = 200) -> bytes:
    """An image-only PDF: every page of ``data`` rasterised (no text layer)."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument(data)
    images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
              for i in range(len(pdf))]
    pdf.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()
