"""Paragraphs back out of a page flattened into one line.

Text scraped from government portals often comes as the whole body on one line: paragraphs joined
by a space or by nothing (``…工作要求 （一）严格电梯选型配置标准。落实…（责任单位：…） （二）…``,
``（一）提高社会保障水平1.巩固拓展残疾人脱贫攻坚成果。``). Such a line is cut again:

- at every space between two CJK runs (Chinese prose has no spaces of its own), and
- before a numbering mark that continues a numbering sequence of the line (``一、`` … ``二、``,
  ``（一）`` … ``（二）``, ``1.`` … ``2.``): a mark is kept when its number is the next one of its
  kind, or 1 (一) where a mark of the level above has just opened; a first mark needs a break
  before it (a space, a sentence end or a heading). ``统一、规范`` or ``达到1.5万`` are no marks.

Only lines far longer than any paragraph of a normal document are touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.parse.layout import NOTE_LABEL

LONG_LINE = 1500  # characters: beyond this a line is a flattened page, not a paragraph

_CN = "一二三四五六七八九十"
_MARKS = (
    ("chapter", re.compile(rf"[{_CN}]{{1,3}}、(?=[\u4e00-\u9fff“])")),
    ("section", re.compile(rf"[（(][{_CN}]{{1,3}}[)）](?=\S)")),
    ("item", re.compile(r"(?<![\d.．])\d{1,2}[.．、](?= ?[\u4e00-\u9fff“])")),  # 8. 厘清…
    ("point", re.compile(r"[（(]\d{1,2}[)）](?=[\u4e00-\u9fff“])")),
)
_LEVEL = {"chapter": 0, "section": 1, "item": 2, "point": 3}
_BREAK_BEFORE = set("。；;：:！？!?）)” \u3000")
# a note after its measure (…新动能。 责任单位：各区属国企) stays with it
_SPACE_SPLIT = re.compile(
    r"(?<=[^\sA-Za-z0-9.%])[ \u3000]+"
    r"(?![\sA-Za-z0-9]"
    rf"|[；;，,]?\s*(?:{NOTE_LABEL}))")
# the portal's footer after the body: 来源：平潭综合实验区管委会办公室 附件下载
_FOOTER = re.compile(r"(?:来源[:：]|附件下载|扫一扫|打印本页|关闭窗口)")
_FOOTER_SPAN = 400
# the frame of an official document run into the text around it: the share buttons of the page,
# a document number on its own (not cited in brackets), a notice title before its addressee
# (…的通知|各片区管理局，…：), a signature's date before the title of what it signs
_CN_DAY = r"\d{4}年\d{1,2}月\d{1,2}日"
_FRAME = re.compile(
    r"微信\s*微博\s*QQ空间"
    r"|(?<![（(以》“\u4e00-\u9fff])[\u4e00-\u9fff]{2,8}[〔\[［]\d{4}[〕\]］]\d{1,4}号(?![）)文])"
    r"|(?<=的通知)(?=各[^。；]{2,80}[：:])"
    rf"|(?<=[ \u3000）)]){_CN_DAY}(?=[\u4e00-\u9fff])(?![起前以至到印发下出召])")


# the headings plans print under their chapter and section marks
_STANDARD_HEADING = re.compile(
    r"(?:编制背景|发展基础|发展现状|现状基础|现状与形势|面临形势|形势分析|总体要求|总体思路|指导思想"
    r"|基本原则|工作原则|主要目标|发展目标|工作目标|总体目标|具体目标|目标任务|主要任务|重点任务"
    r"|工作任务|主要措施|重点工作|保障措施|组织保障|工作要求|实施步骤|进度安排|责任分工|组织实施"
    r"|工作措施|规划目标|主要指标)(?=\S)")
_PUNCT_NEXT = re.compile(r"[。，,；;：:、）)]")


_CLOSE = re.compile(r"[)）]")


def _mark_end(line: str, mark: _Mark) -> int:
    """Where the text after a （一） mark begins."""
    close = _CLOSE.search(line, mark.at)
    return close.end() if close else mark.at


@dataclass(frozen=True)
class _Mark:
    at: int
    kind: str
    number: int


_DIGITS = {c: i for i, c in enumerate(_CN, start=1)}


def _number(text: str) -> int | None:
    """``12`` → 12, ``二十三`` → 23, ``十一`` → 11 (marks up to 99)."""
    s = text.strip("（）()、.． ")
    if s.isdigit():
        return int(s)
    if not s or any(c not in _DIGITS for c in s):
        return None
    if "十" not in s:
        return _DIGITS[s] if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _candidates(line: str) -> list[_Mark]:
    out: list[_Mark] = []
    for kind, pattern in _MARKS:
        for m in pattern.finditer(line):
            number = _number(m.group())
            if number is not None and 0 < number <= 99:
                out.append(_Mark(m.start(), kind, number))
    return sorted(out, key=lambda k: (k.at, _LEVEL[k.kind]))


def _opens(line: str, at: int) -> bool:
    """A break before ``at``: start, a space, a sentence's end or a closing bracket."""
    return at == 0 or line[at - 1] in _BREAK_BEFORE


def _marks(line: str) -> list[_Mark]:
    """The numbering marks that continue a sequence (see the module doc)."""
    last: dict[str, int] = {}
    kept: list[_Mark] = []
    for mark in _candidates(line):
        if kept and mark.at < kept[-1].at + 2:
            continue  # '（一）' is also read as '一）'… only the first reading counts
        prev = last.get(mark.kind)
        level = _LEVEL[mark.kind]
        above = kept[-1] if kept else None
        opened = above is not None and _LEVEL[above.kind] < level \
            and mark.at - above.at <= 60
        if prev is not None and mark.number == prev + 1:
            ok = True
        elif mark.number == 1:
            ok = _opens(line, mark.at) or opened
        else:
            ok = False
        if not ok:
            continue
        kept.append(mark)
        last[mark.kind] = mark.number
    return kept


def unflatten(line: str) -> list[str]:
    """The paragraphs of one flattened line (the line itself when it is not one)."""
    if len(line) <= LONG_LINE:
        return [line]
    marks = _marks(line)
    cuts = {m.at for m in marks}
    for mark in marks:  # 一、编制背景“十三五”时期，…: the standard heading ends before its text
        if mark.kind in ("chapter", "section"):
            head = _STANDARD_HEADING.match(line, line.index("、", mark.at) + 1
                                           if mark.kind == "chapter" else _mark_end(line, mark))
            if head is not None and not _PUNCT_NEXT.match(line, head.end()):
                cuts.add(head.end())
    cuts |= {m.end() for m in _SPACE_SPLIT.finditer(line)}
    cuts |= {m.start() for m in _FOOTER.finditer(line, max(0, len(line) - _FOOTER_SPAN))}
    for m in _FRAME.finditer(line):
        cuts |= {m.start(), m.end()}
    out: list[str] = []
    start = 0
    for cut in sorted(cuts):
        if cut > start:
            out.append(line[start:cut].strip())
            start = cut
    out.append(line[start:].strip())
    return [p for p in out if p]
