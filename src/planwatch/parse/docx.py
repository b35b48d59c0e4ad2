"""Word (.docx) reader: paragraphs, real tables (merged cells repeated), rebuilt auto-numbering.

Guards before python-docx sees the file: an OLE compound file (encrypted .docx or old .doc),
something that is not a zip, and zip bombs (total uncompressed size or compression ratio).
``line`` on a block is the 1-based index of the paragraph/table in the document body.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from planwatch.errors import DocumentError
from planwatch.parse.cellrun import cell_tables
from planwatch.parse.document import Document
from planwatch.parse.docx_numbering import Numbering, W, parse_numbering
from planwatch.parse.layout import Item, finish

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_TOC_STYLE = re.compile(r"^(?:toc|目录)\s*\d", re.I)


def check_container(data: bytes) -> None:
    """Raise DocumentError for encrypted/old Word files, non-zips and zip bombs."""
    if data.startswith(OLE_SIGNATURE):
        raise DocumentError(
            "encrypted",
            "文件已加密，或是旧版 .doc 格式：请另存为未加密的 .docx",
            "the file is encrypted or an old .doc: save it as an unencrypted .docx",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise DocumentError("not-docx", "不是有效的 .docx 文件（不是 zip 包）",
                            "not a valid .docx file (not a zip archive)") from exc
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > MAX_UNCOMPRESSED or (packed and total / packed > MAX_RATIO and total > 1 << 20):
        raise DocumentError("zip-bomb", "文件解压后过大（疑似压缩炸弹）",
                            "file expands too much when unzipped (zip bomb suspected)")


def read_docx(data: bytes, name: str) -> Document:
    """Read a .docx file into a Document."""
    check_container(data)
    try:
        import docx

        word = docx.Document(io.BytesIO(data))
        items = _body_items(word)
    except DocumentError:
        raise
    except RecursionError as exc:
        raise DocumentError("too-deep", "文档结构嵌套过深", "document nesting too deep") from exc
    except Exception as exc:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError…
        raise DocumentError("damaged", f"无法读取 .docx 文件：{type(exc).__name__}",
                            f"cannot read the .docx file: {exc}") from exc
    return Document(blocks=finish(cell_tables(items)), source=name, format="docx")


def _numbering(word: Any) -> Numbering:
    try:
        part = word.part.numbering_part
    except (KeyError, NotImplementedError):
        return Numbering()
    return parse_numbering(part.element)


class _Styles:
    """Paragraph styles by id: heading level and inherited numbering."""

    def __init__(self, word: Any) -> None:
        self.by_id: dict[str, Any] = {}
        styles = word.styles.element
        for st in styles.iter(f"{W}style"):
            self.by_id[st.get(f"{W}styleId") or ""] = st

    def _chain(self, style_id: str | None) -> list[Any]:
        out: list[Any] = []
        while style_id and style_id in self.by_id and len(out) < 20:
            st = self.by_id[style_id]
            out.append(st)
            based = st.find(f"{W}basedOn")
            style_id = None if based is None else based.get(f"{W}val")
        return out

    def heading_level(self, style_id: str | None) -> int | None:
        for st in self._chain(style_id):
            name_el = st.find(f"{W}name")
            name = "" if name_el is None else name_el.get(f"{W}val") or ""
            m = _HEADING_STYLE.match(name.strip())
            if m:
                return int(m.group(1))
            if name.strip().lower() in ("title", "标题"):
                return 1
            outline = st.find(f"{W}pPr/{W}outlineLvl")
            if outline is not None:
                return int(outline.get(f"{W}val") or 0) + 1
        return None

    def is_toc(self, style_id: str | None) -> bool:
        """Table-of-contents entry styles (TOC 1, 目录 1…): page furniture, not content."""
        st = self.by_id.get(style_id or "")
        name_el = None if st is None else st.find(f"{W}name")
        name = "" if name_el is None else (name_el.get(f"{W}val") or "")
        return _TOC_STYLE.match(name.strip()) is not None

    def num_pr(self, style_id: str | None) -> tuple[str, int] | None:
        for st in self._chain(style_id):
            pr = st.find(f"{W}pPr/{W}numPr")
            if pr is not None:
                num = pr.find(f"{W}numId")
                lvl = pr.find(f"{W}ilvl")
                return (num.get(f"{W}val") or "" if num is not None else "",
                        int(lvl.get(f"{W}val") or 0) if lvl is not None else 0)
        return None


def _paragraph_numbering(p: Any, styles: _Styles) -> tuple[str, int] | None:
    pr = p.find(f"{W}pPr/{W}numPr")
    style = p.find(f"{W}pPr/{W}pStyle")
    style_id = None if style is None else style.get(f"{W}val")
    from_style = styles.num_pr(style_id)
    if pr is None:
        return from_style
    num = pr.find(f"{W}numId")
    lvl = pr.find(f"{W}ilvl")
    num_id = num.get(f"{W}val") if num is not None else (from_style[0] if from_style else "")
    ilvl = int(lvl.get(f"{W}val") or 0) if lvl is not None else (from_style[1] if from_style else 0)
    return (num_id or "", ilvl)


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_TAGS = frozenset({f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"})


def _paragraph_text(p: Any) -> str:
    """Text of a paragraph; tabs as spaces, line breaks as newlines, VML fallbacks skipped."""
    parts: list[str] = []
    stack = [p]
    while stack:
        el = stack.pop()
        if el.tag == _MC_FALLBACK:
            continue
        if el.tag in _TEXT_TAGS:
            parts.append(el.text or "" if el.tag == f"{W}t" else
                         " " if el.tag == f"{W}tab" else "\n")
            continue
        stack.extend(reversed(list(el)))
    return "".join(parts)


class _Reader:
    def __init__(self, word: Any) -> None:
        self.styles = _Styles(word)
        self.numbering = _numbering(word)
        self.index = 0

    def paragraph(self, p: Any) -> tuple[str, int | None]:
        """The paragraph's text with its auto-number prefixed, and its heading level."""
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = None if style is None else style.get(f"{W}val")
        if self.styles.is_toc(style_id):
            return "", None
        text = _paragraph_text(p)
        num = _paragraph_numbering(p, self.styles)
        if num is not None and num[0] not in ("", "0") and text.strip():
            text = self.numbering.label(*num) + text
        level = self.styles.heading_level(style_id)
        outline = p.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and (outline.get(f"{W}val") or "9") != "9":
            level = int(outline.get(f"{W}val") or 0) + 1
        return text, level


def _body_items(word: Any) -> list[Item]:
    reader = _Reader(word)
    items: list[Item] = []
    _block_items(word.element.body, reader, items)
    return items


def _block_items(container: Any, reader: _Reader, items: list[Item]) -> None:
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            reader.index += 1
            text, level = reader.paragraph(child)
            for i, line in enumerate(text.split("\n")):
                heading = level is not None and i == 0
                items.append(Item("heading" if heading else "text", line, level=level,
                                  line=reader.index))
        elif child.tag == f"{W}tbl":
            reader.index += 1
            items.append(Item("table", rows=_table_rows(child, reader), line=reader.index))
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _block_items(child, reader, items)


def _table_rows(tbl: Any, reader: _Reader) -> list[list[str]]:
    """Rows of a Word table: gridSpan cells repeated across, vMerge continuations repeat above."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(f"{W}tr"):
        row: list[str] = []
        for tc in tr.iterchildren(f"{W}tc"):
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            width = int(span.get(f"{W}val") or 1) if span is not None else 1
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            col = len(row)
            if merge is not None and (merge.get(f"{W}val") or "continue") == "continue" and rows:
                above = rows[-1]
                text = above[col] if col < len(above) else ""
            else:
                text = _cell_text(tc, reader)
            row.extend([text] * max(1, min(width, 50)))
        rows.append(row)
    return rows


def _cell_text(tc: Any, reader: _Reader) -> str:
    lines: list[str] = []
    for p in tc.iter(f"{W}p"):
        text, _ = reader.paragraph(p)
        lines.extend(x.strip() for x in text.split("\n") if x.strip())
    return "\n".join(lines)
