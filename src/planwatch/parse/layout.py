"""Layout rules shared by every reader: headings, captions, page furniture, broken lines.

Readers emit :class:`Item` s (raw lines/paragraphs, explicit headings, tables) in reading order;
:func:`finish` turns them into the neutral blocks: numbered short lines become headings (level from
the numbering style: 第X章/一、 → 1, （一） → 2, 1. → 3, （1） → 4, ① → 5), page numbers are
dropped, one-column tables (text boxes such as 专栏) become paragraphs, and a paragraph broken
mid-sentence is joined to the next one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from planwatch.parse.document import Block, table_block
from planwatch.parse.normalize import has_content, join_parts, normalize_line

ItemKind = Literal["text", "heading", "table"]

_CN = "一二三四五六七八九十百零〇两"
_NUMBERING: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^第[{_CN}\d]+[章编篇]|^第[{_CN}\d]+部分"), 1),
    (re.compile(rf"^第[{_CN}\d]+节"), 2),
    (re.compile(rf"^[{_CN}]+\s*[、.．]"), 1),
    (re.compile(rf"^[（(]\s*[{_CN}]+\s*[）)]"), 2),
    (re.compile(r"^\d{1,2}\s*(?:[、．]|\.(?!\d))"), 3),
    (re.compile(r"^[（(]\s*\d{1,2}\s*[）)]"), 4),
    (re.compile(r"^[①-⑳]"), 5),
)
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①-⑳
_NUMBERING_FIRST = frozenset(f"第{_CN}（(0123456789{_CIRCLED}")
_CAPTION = re.compile(rf"^(?:附?表|专栏|图|附件)\s*[\d{_CN}]+(?:[-—–.]\d+)?(?:\s|[:：]|$|[^\d])")
_FURNITURE = (
    re.compile(r"^[-—–－~·•\s]*\d{1,4}[-—–－~·•\s]*$"),
    re.compile(r"^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$"),
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),
    re.compile(r"^(?:page|Page|PAGE)\s*\d+(?:\s*of\s*\d+)?$"),
    re.compile(r"^[=＝]{3,}\s*正文\s*[=＝]{3,}$"),  # a crawler's mark where the page's text begins
    re.compile(r"^\*(?:\s*\*){1,}$"),  # a converter's page break (* * *)
    re.compile(r"^\[\s*第\s*\d+\s*页\s*\]$"),  # a converter's page mark ([第 2 页])
)
_ANY_FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE))
_FINAL = set("。；！？：…!?;:")
_CLOSERS = set("”’」』）)】》\"'")
_SOFT_PUNCT = re.compile(r"[，,、；;。：:！？!?]")
_CN_DIGIT = "〇零一二三四五六七八九十"
# the fields of a page's front matter (Markdown ``标题: …``, a crawler's header ``发布时间: …``)
# and of the 政府信息公开 table above the text (``发文字号：…``, ``成文日期：…``)
FRONT_KEYS = (r"标题|文号|发文字号|发布单位|发布机构|发文机关|发布日期|发布时间|成文日期|索引号"
              r"|栏目|原文链接|本地目录|主题分类|有效性")
# the labels of a responsibility note (牵头单位：… 责任单位：… 完成时限：…)
NOTE_LABEL = r"(?:牵头|责任|配合|协办|参与)(?:单位|部门)[:：]|完成(?:时限|期限|时间)[:：]"
_FORMAL_LINE = (
    # notice title: …关于印发…的通知 / …关于…的意见
    re.compile(r"^.{0,80}关于.{2,80}的(?:通知|意见|实施意见|指导意见|决定|批复|函|通报|报告)$"),
    # document number: 浙政办发〔2025〕21号
    re.compile(r"^\S{0,12}[〔\[［【（(]\s*\d{4}\s*[〕\]］】）)]\s*\d{1,4}\s*号$"),
    # addressee: 各市、县（市、区）人民政府，省政府直属各单位：
    re.compile(r"^各.{1,80}[：:]$"),
    # date: 2025年4月10日 / 二〇二五年四月十日
    re.compile(rf"^[\d{_CN_DIGIT}]{{4}}\s*年\s*[\d{_CN_DIGIT}]{{1,3}}\s*月"
               rf"(?:\s*[\d{_CN_DIGIT}]{{1,3}}\s*日)?$"),
    # signature: 浙江省人民政府办公厅 / 烟台市科学技术局
    re.compile(r"^[\u4e00-\u9fff（）()]{1,24}(?:人民政府|办公厅|办公室|委员会|[^布格大全结当]局|厅)$"),
    # signature and date on one line: 科技部2020年2月17日
    re.compile(rf"^[\u4e00-\u9fff、\s]{{1,60}}(?:部|委|局|厅|院|署|办|府|室|会)\s*"
               rf"[\d{_CN_DIGIT}]{{4}}\s*年\s*[\d{_CN_DIGIT}]{{1,3}}\s*月\s*[\d{_CN_DIGIT}]{{1,3}}\s*日$"),
    # a field of a page's header or of the 政府信息公开 table: 发布时间: … / 发文字号：…
    re.compile(rf"^(?:{FRONT_KEYS})\s*[:：]"),
    # the portal's footer: 来源：平潭综合实验区管委会办公室 / 附件下载
    re.compile(r"^(?:来源[:：]\S{2,40}|附件下载|扫一扫.{0,10}|打印本页|关闭窗口)$"),
    # a note in brackets: （此件主动公开） / （经省人民政府同意，…以…号发布 自…起施行）
    re.compile(r"^[（(][^（）()]*(?:公开|发布|印发|施行|实施|删减)[^（）()]*[）)]$"),
    # a contact line: 联系电话：010-58884332
    re.compile(r"^联系(?:电话|人|方式|地址)[：:]"),
    # a news headline: 中共中央办公厅 国务院办公厅印发《关于…的若干意见》
    re.compile(r"^[^。，：:；《]{2,40}?印发《[^《》]+》$"),
)
MAX_HEADING_CHARS = 40
MAX_RUNNING_HEADER_CHARS = 60
SHORT_TITLE_CHARS = 30


@dataclass
class Item:
    """A raw unit from a reader, before layout rules. ``level`` is an explicit heading level."""

    kind: ItemKind
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    level: int | None = None
    line: int | None = None
    page: int | None = None
    row_lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class TableBlock(Block):
    """A table block that knows the source line of each of its rows (a table rebuilt from
    paragraphs spans many more lines than it has rows)."""

    row_lines: tuple[int, ...] = ()
    # the cells again with their line breaks kept (区生态环境局 ‖ 各街镇: two units in one cell),
    # row for row with ``rows``; empty where the reader had none
    broken_rows: tuple[tuple[str, ...], ...] = ()


def numbering_level(text: str) -> int | None:
    """Level of the numbering prefix (一、 → 1, （一） → 2, 1. → 3, （1） → 4, ① → 5), or None."""
    if not text or text[0] not in _NUMBERING_FIRST:
        return None
    for pattern, level in _NUMBERING:
        if pattern.match(text):
            return level
    return None


_SENTENCE_MARK = re.compile(r"[。；！？;!?]")


def heading_level(text: str) -> int | None:
    """Level when ``text`` is a numbered heading line (short, no sentence inside), else None."""
    level = numbering_level(text)
    if level is None or len(text.replace(" ", "")) > MAX_HEADING_CHARS:
        return None
    body = text.rstrip("。.")
    if _SENTENCE_MARK.search(body):
        return None
    return level


def is_caption(text: str) -> bool:
    """表1 …, 专栏2：…, 图3 …, 附件 captions."""
    return bool(text) and text[0] in "附表专图" and _CAPTION.match(text) is not None


def is_furniture(text: str) -> bool:
    """Page numbers and page furniture: ``— 12 —``, ``- 3 -``, ``第 3 页``, lone digits."""
    return _ANY_FURNITURE.match(text) is not None


def ends_sentence(text: str) -> bool:
    """The text ends in sentence-final punctuation (closing quotes/brackets looked through)."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in _FINAL


def is_title_like(text: str) -> bool:
    """A short line without punctuation: a title, signature, date or caption line."""
    return len(text.replace(" ", "")) <= SHORT_TITLE_CHARS and not _SOFT_PUNCT.search(text)


def starts_block(text: str) -> bool:
    """The text opens a new unit: numbering, caption, a dash bullet or a bracketed number."""
    return (numbering_level(text) is not None or is_caption(text)
            or text.startswith(("——", "—-", "•", "●", "■", "◆", "★", "注：", "注:")))


def is_formal_line(text: str) -> bool:
    """A line of an official document's frame, never part of a sentence: notice title
    (关于…的通知), document number (…〔2025〕21号), addressee (各…：), date, signature."""
    return any(p.match(text) for p in _FORMAL_LINE)


# …。责任单位：区农村发展局牵头，区环境与国土资源局等参与: a measure's closing note, not a
# sentence broken off
_ENDS_WITH_NOTE = re.compile(r"(?:责任|牵头|配合|协办)(?:单位|部门)[:：][^。；;：:]{2,120}$")


# …保障煤炭长期稳定供应。（省能源局、各市能源主管部门）: a sentence and the note closing it
_NOTE_AFTER_SENTENCE = re.compile(r"[。；！？][（(][^（）()]{2,120}[）)]$")


def should_join(prev: Block, nxt: Block) -> bool:
    """Join ``prev`` and ``nxt`` when ``prev`` is a paragraph broken in mid-sentence."""
    if prev.kind != "paragraph" or nxt.kind != "paragraph":
        return False
    a, b = prev.text, nxt.text
    return not (ends_sentence(a) or is_caption(a) or is_title_like(a) or starts_block(b)
                or is_formal_line(a) or is_formal_line(b) or _ENDS_WITH_NOTE.search(a)
                or _NOTE_AFTER_SENTENCE.search(a) or _ARTICLE.match(a) or _ARTICLE.match(b))


# 第二条 算力、语料和模型调用支持 ‖ 对经认定的…: an article's heading, and the article after a
# paragraph, stand on their own
_ARTICLE = re.compile(rf"^第[{_CN}\d]+条(?![件例款])")


def classify_text(item: Item) -> Block | None:
    """A text item as a heading or paragraph block; None for furniture and empty debris."""
    return _text_block(item, normalize_line(item.text))


def _text_block(item: Item, text: str) -> Block | None:
    """:func:`classify_text` for a text already normalised."""
    if not text or not has_content(text) or is_furniture(text):
        return None
    if item.kind == "heading":
        level = numbering_level(text) or item.level or 1
        return Block("heading", text, level=level, line=item.line, page=item.page)
    numbered = heading_level(text)
    if numbered is not None:
        return Block("heading", text, level=numbered, line=item.line, page=item.page)
    return Block("paragraph", text, line=item.line, page=item.page)


def _joined(parts: list[str]) -> str:
    """A cell whose text broke over several lines: its normalised parts joined without a gap
    between Chinese."""
    out = ""
    for part in parts:
        out = join_parts(out, part)
    return out


def table_items(item: Item) -> list[Block]:
    """A table item as one table block, or as paragraphs when it has a single column (text box)."""
    width = max((len(r) for r in item.rows), default=0)
    if width <= 1:
        texts = [part for row in item.rows for cell in row for part in cell.split("\n")]
        out = [classify_text(Item("text", t, line=item.line, page=item.page)) for t in texts]
        return [b for b in out if b is not None]
    parts = [[[normalize_line(p) for p in cell.split("\n")] for cell in row] for row in item.rows]
    rows = [[_joined(cell) for cell in row] for row in parts]
    if not any(any(c for c in row) for row in rows):
        return []
    block = table_block(rows, line=item.line, page=item.page)
    row_lines = tuple(item.row_lines) if len(item.row_lines) == len(block.rows) else ()
    broken: tuple[tuple[str, ...], ...] = ()
    if any(len(cell) > 1 for row in parts for cell in row):  # a cell with its line breaks
        broken = tuple(tuple("\n".join(x for x in cell if x) for cell in cells)
                       for cells, row in zip(parts, rows, strict=True)
                       if any(c.strip() for c in row))
    if not row_lines and not broken:
        return [block]
    return [TableBlock(block.kind, block.text, block.rows, line=block.line, page=block.page,
                       row_lines=row_lines, broken_rows=broken)]


# the document's own title as its first line: no sentence mark, ends in a document word
_FIRST_TITLE = re.compile(
    r"^[^。，,；;：:！？]{4,80}(?:规划|纲要|意见|方案|计划|措施|办法|条例|规定|细则|指引|通知|决定"
    r"|解读|报告|要点|清单|纪律|准则|指南|公告|批复|的函)(?:[（(][^（）()]{1,20}[）)])?$")


def join_broken(blocks: list[Block]) -> list[Block]:
    """Join each paragraph broken in mid-sentence to the paragraph that continues it (never the
    document's title line to the first sentence)."""
    out: list[Block] = []
    for block in blocks:
        title = len(out) == 1 and _FIRST_TITLE.match(out[0].text.strip()) is not None
        if out and not title and should_join(out[-1], block):
            prev = out[-1]
            out[-1] = Block("paragraph", join_parts(prev.text, block.text),
                            line=prev.line, page=prev.page)
        else:
            out.append(block)
    return out


def _running_header_like(text: str) -> bool:
    return (len(text) <= MAX_RUNNING_HEADER_CHARS and numbering_level(text) is None
            and not ends_sentence(text) and has_content(text))


def running_headers(texts: list[str]) -> set[int]:
    """Indexes of running headers among the normalised texts of a reader's items ("" = table):
    a title line repeated next to page numbers.

    A line is a running header where it sits next to page furniture (``— 2 —``) and it sits next
    to page furniture at least twice, or it is the document's title line repeated further on.
    The first line of the document (the title itself) is always kept.
    """
    furniture = [bool(t) and is_furniture(t) for t in texts]
    if not any(furniture):
        return set()
    last = len(texts) - 1
    near = [(i > 0 and furniture[i - 1]) or (i < last and furniture[i + 1])
            for i in range(len(texts))]
    first = next((i for i, t in enumerate(texts) if t and not furniture[i]), -1)
    counts = Counter(t for i, t in enumerate(texts) if t and near[i] and not furniture[i])
    title = texts[first] if first >= 0 else ""
    drop = {t for t, n in counts.items()
            if _running_header_like(t) and (n >= 2 or t == title)}
    return {i for i, t in enumerate(texts) if i != first and near[i] and t in drop}


def finish(items: list[Item]) -> list[Block]:
    """Apply the layout rules to a reader's items and return the document's blocks."""
    texts = [normalize_line(it.text) if it.kind != "table" else "" for it in items]
    headers = running_headers(texts)
    blocks: list[Block] = []
    for i, item in enumerate(items):
        if i in headers:
            continue
        if item.kind == "table":
            blocks.extend(table_items(item))
        elif (block := _text_block(item, texts[i])) is not None:
            blocks.append(block)
    return join_broken(blocks)
