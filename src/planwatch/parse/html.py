"""HTML reader: the article body of a (government) web page, not its navigation.

The page is decoded (BOM, ``<meta charset>``, then detection), noise is removed (scripts, nav,
header, footer, menus…), and the article root is the element with a typical article id/class
(zoom, article, content…) or else the deepest element holding most of the page's Chinese text.
Tables keep their cells with rowspan/colspan expanded (the merged cell repeated).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from planwatch.errors import DocumentError
from planwatch.parse.cellrun import cell_tables
from planwatch.parse.document import Document
from planwatch.parse.html_walk import walk
from planwatch.parse.layout import Item, finish
from planwatch.parse.normalize import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_NOISE_TAGS = ("script", "style", "noscript", "iframe", "nav", "header", "footer", "aside",
               "form", "select", "button", "svg", "template", "object", "embed")
_NOISE_HINT = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|header|footer|foot|breadcrumb|crumb|sidebar|side|share|"
    r"login|search|copyright|banner|topbar|toolbar|links?|friend|related|comment)s?($|[-_\s\d])",
    re.I)
_ARTICLE_HINT = re.compile(
    r"^(zoom|article|content|contents|main-?content|text|trs_editor|TRS_Editor|con|"
    r"art_?con|article[-_]?content|detail|pages?_content|view|wenzhang|zwnr|nr)$", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")
ROOT_SHARE = 0.6


def decode_html(data: bytes) -> str:
    """Decode with the BOM, the declared charset, or detection (GB2312/GBK read as GB18030)."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data)
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
            name = "gb18030"
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def _attr_words(tag: Any) -> list[str]:
    words = [str(tag.get("id") or "")]
    classes = tag.get("class") or []
    words.extend(str(c) for c in (classes if isinstance(classes, list) else [classes]))
    return [w for w in words if w]


def strip_noise(soup: Any) -> None:
    """Remove scripts, navigation, headers, footers and similar page furniture in place."""
    for tag in soup.find_all(_NOISE_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        words = _attr_words(tag)
        if any(_NOISE_HINT.search(w) for w in words) and not any(
            _ARTICLE_HINT.match(w) for w in words
        ):
            tag.decompose()


def article_root(soup: Any) -> Any:
    """The element holding the article: a typical article id/class, or the deepest element
    that holds most of the page's Chinese text."""
    body = soup.body or soup
    total = _cjk(body.get_text())
    if total == 0:
        return body
    for tag in body.find_all(True):
        words = _attr_words(tag)
        if (any(_ARTICLE_HINT.match(w) for w in words)
                and _cjk(tag.get_text()) >= ROOT_SHARE * total):
            return _deepest(tag, ROOT_SHARE * total)
    return _deepest(body, ROOT_SHARE * total)


def _deepest(tag: Any, need: float) -> Any:
    """Descend while one child still holds at least ``need`` Chinese characters."""
    while True:
        for child in tag.find_all(True, recursive=False):
            if child.name != "table" and _cjk(child.get_text()) >= need:
                tag = child
                break
        else:
            return tag


# a heading that names a document (…行动计划（2026—2028年）（征求意见稿）, …的通知)
_DOCUMENT_TITLE = re.compile(
    r"(?:规划|纲要|意见|方案|计划|措施|举措|办法|条例|规定|细则|指引|通知|决定|要点|清单)"
    r"(?:[（(][^（）()]{1,20}[）)])*$")


_PAGE_DATE = re.compile(r"(?<!\d)(20\d{2})-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class _Framed:
    """The document's title (and the date printed beside it) in the article's own <header>."""

    title: str
    line: int | None
    date: str | None


def _site_meta(soup: Any, name: str) -> str | None:
    """A government site's article metadata (``<meta name="ArticleTitle" content="…">``, the
    national metadata scheme for government web pages)."""
    tag = soup.find("meta", attrs={"name": re.compile(rf"^{name}$", re.I)})
    content = " ".join(str(tag.get("content") or "").split()) if tag is not None else ""
    return content or None


def _framed_title(soup: Any) -> _Framed | None:
    """The page's first <h1> when it names a document: kept even where it sits in the article's
    <header> (``<article><header class="policy-header"><h1>…</h1>``), which the noise rules
    remove with the site's own header; with it, a lone date printed in that header. Without an
    <h1>, the site's ``ArticleTitle`` metadata when it names a document (with ``PubDate``)."""
    h1 = soup.find("h1")
    if h1 is None:
        title = _site_meta(soup, "ArticleTitle")
        if title is None or not _DOCUMENT_TITLE.search(title):
            return None
        posted = _PAGE_DATE.search(_site_meta(soup, "PubDate") or "")
        return _Framed(title, None, "-".join(posted.groups()) if posted else None)
    text = " ".join(h1.get_text(" ").split())
    if not _DOCUMENT_TITLE.search(text):
        return None
    header = h1.find_parent("header")
    dates = set(_PAGE_DATE.findall(header.get_text(" "))) if header is not None else set()
    date = "-".join(dates.pop()) if len(dates) == 1 else None
    return _Framed(text, getattr(h1, "sourceline", None), date)


def _title_items(soup: Any, root: Any, framed: _Framed | None) -> list[Item]:
    """The page's <h1> when it sits outside the article root (a title above the article); a
    date printed beside a framed title as the page's posting date (发布日期), which the meta
    reader uses only where the body prints no date of its own."""
    h1 = soup.find("h1")
    if h1 is not None and h1 not in root.find_all("h1"):
        text, line = " ".join(h1.get_text(" ").split()), getattr(h1, "sourceline", None)
    elif h1 is None and framed is not None:
        text, line = framed.title, framed.line
    else:
        return []
    if not text or text in " ".join(root.get_text().split()):
        return []
    items = [Item("heading", text, level=1, line=line)]
    if h1 is None and framed is not None and framed.date is not None:
        items.append(Item("text", f"发布日期：{framed.date}", line=line))
    return items


def read_html(data: bytes, name: str) -> Document:
    """Read an .html/.htm page into a Document."""
    text = decode_html(data)
    try:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(text, "html.parser")
        framed = _framed_title(soup)
        strip_noise(soup)
        root = article_root(soup)
        items = _title_items(soup, root, framed) + walk(root)
    except RecursionError as exc:
        raise DocumentError("too-deep", "网页结构嵌套过深", "HTML nesting too deep") from exc
    except Exception as exc:  # bs4/html.parser raise many kinds on broken markup
        raise DocumentError(
            "damaged", f"无法解析网页：{type(exc).__name__}", f"cannot parse HTML: {exc}"
        ) from exc
    return Document(blocks=finish(cell_tables(items)), source=name, format="html")
