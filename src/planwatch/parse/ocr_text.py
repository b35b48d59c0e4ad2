"""Text clean-up for OCR output: word joining, spaces inside Chinese, digit confusions.

Chinese OCR puts spaces between characters, reads ``一`` for the dash between two years,
``O``/``o`` for 0 and ``l``/``I``/``|`` for 1 inside numbers, ``,`` for ``，`` after Chinese, and
``．``/``。`` for a decimal point between digits. Each fix applies only where the neighbours
leave no other reading (digits on both sides, or Chinese on both sides), so real text is never
rewritten.
"""

from __future__ import annotations

import re

from planwatch.parse.normalize import join_parts, normalize_line

_CJK = r"\u3400-\u9fff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’《》（）"
_SPACE_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}%])\s+(?=[{_CJK}{_CJK_PUNCT}\d(\[%])"
                        rf"|(?<=[\d)\]%])\s+(?=[{_CJK}{_CJK_PUNCT}])")
_SPACE_NUM = re.compile(r"(?<=\d)\s+(?=[.%])|(?<=\d\.)\s+(?=\d)|(?<=[(\[])\s+|\s+(?=[)\]])")
_YEAR_DASH = re.compile(r"(?<=(?:19|20)\d\d)\s*[一_~-]\s*(?=(?:19|20)\d\d)|(?<=\d)一(?=\d)")
_DASH_BULLET = re.compile(rf"^[一—_\-]{{2}}(?=[{_CJK}])")
_DOC_YEAR = re.compile(r"[〔【\[［(（]\s*((?:19|20)\d\d)\s*[〕】\]］)）]\s*(?=\d{1,4}\s*号)")
_NUMERAL = "一二三四五六七八九十"
_NUMBER_JUNK = re.compile(rf"^（[^{_NUMERAL}（）\s]([{_NUMERAL}]{{1,3}})）(?=[{_CJK}])")
_DATE_JUNK = re.compile(rf"((?:19|20)\d\d年\d{{1,2}}月\d{{1,2}})[{_CJK}](?=日)")
_ASCII_CLOSE = re.compile(r"“([^“”\"]{1,40})\"")
_PAGE_NO = re.compile(r"[一—－\-_~]{1,2}\s*(\d{1,4})\s*[一—－\-_~]{1,2}")
_ZERO = re.compile(r"(?<=\d)[Oo](?=\d|\b)|(?<=\b)[Oo](?=\d)")
_ONE = re.compile(rf"(?<=\d)[lI|](?=\d)|(?<=[.])[lI|](?=\d)|(?<=\d)[lI|](?=[.])"
                  rf"|(?<=[{_CJK}])\s*[lI|](?=\d)")
_DECIMAL = re.compile(r"(?<=\d)[．。·](?=\d)")
_COMMA = re.compile(rf"(?<=[{_CJK}])\s*,\s*(?=[{_CJK}\d])")
_SEMI = re.compile(rf"(?<=[{_CJK}])\s*;\s*(?=[{_CJK}])")
_COLON = re.compile(rf"(?<=[{_CJK}])\s*:\s*(?=\S)")
_PAREN = re.compile(r"\(\s*([一二三四五六七八九十]+)\s*\)")
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")
_BRACKET = re.compile(r"[〈《<]([^〈《<〉》>()（）]{1,30})[)）]")
_PAREN_PAIR = re.compile(r"\(([^()]*[\u3400-\u9fff%][^()]*)\)")
_PERCENT_UNIT = re.compile(r"[(（]\s*(?:9%6|9%|%6|96|9|%|0/0)\s*[)）]$")
_PERSON_YEAR = re.compile(r"(?<=人)\s*[:：.·•]\s*(?=年)")
_RD = re.compile(r"(?<![A-Za-z])R\s*[S8$&]{1,2}\s*D(?![A-Za-z])")
_CLOSE = re.compile("[”’]")
_OPEN = re.compile("[“‘]")
_NUMBER_CELL = re.compile(r"[*＊]?[\[(]?[-+]?\d+(?:\.\d+)?%?[\])]?[*＊]?")
_DASH_CELL = re.compile(r"[一—\-_~－=]{1,3}")


def join_words(texts: list[str], spans: list[tuple[int, int]]) -> str:
    """Join the words of one OCR line: a space only between two Latin/digit words set apart."""
    out = ""
    prev_right: int | None = None
    for text, (left, right) in zip(texts, spans, strict=True):
        if out and prev_right is not None and _ASCII_WORD.match(out[-1]) and \
                _ASCII_WORD.match(text[0]) and left - prev_right > 12:
            out += " " + text
        else:
            out += text
        prev_right = right
    return out


def clean_line(text: str) -> str:
    """One OCR line as the text-layer reader would give it."""
    text = normalize_line(text)
    if not text:
        return ""
    if _PAGE_NO.fullmatch(text):
        return _PAGE_NO.sub(r"— \1 —", text)
    text = _DASH_BULLET.sub("——", text)
    for _ in range(2):
        text = _SPACE_CJK.sub("", text)
    text = _SPACE_NUM.sub("", _SPACE_NUM.sub("", text))
    text = _YEAR_DASH.sub("—", text)
    text = _ZERO.sub("0", text)
    text = _ONE.sub("1", text)
    text = _DECIMAL.sub(".", text)
    text = _COMMA.sub("，", text)
    text = _SEMI.sub("；", text)
    text = _COLON.sub("：", text)
    text = _BRACKET.sub(r"（\1）", text)
    text = _PERSON_YEAR.sub("·", _RD.sub("R&D", text))
    text = _PAREN_PAIR.sub(r"（\1）", text)
    text = _DOC_YEAR.sub(r"〔\1〕", text)
    text = _ASCII_CLOSE.sub(r"“\1”", _DATE_JUNK.sub(r"\1", text))
    return _NUMBER_JUNK.sub(r"（\1）", _PAREN.sub(r"（\1）", text))


def clean_cell(lines: list[str]) -> str:
    """A table cell: its OCR lines cleaned and joined as one broken sentence; a quote mark
    with no partner at either end of the cell is debris."""
    out = ""
    for line in lines:
        out = join_parts(out, clean_line(line))
    out = _PERCENT_UNIT.sub("（%）", clean_line(out))
    if out[:1] in "”’\"'" or (out[:1] in "“‘" and not _CLOSE.search(out)):
        out = out[1:].strip()
    if out[-1:] in "“‘\"'" or (out[-1:] in "”’" and not _OPEN.search(out)):
        out = out[:-1].strip()
    return out


def is_number(cell: str) -> bool:
    return _NUMBER_CELL.fullmatch(cell.replace(" ", "")) is not None


def fix_dash_cells(rows: list[list[str]]) -> list[list[str]]:
    """A cell that is only a dash-like mark (OCR reads ``—`` or ``--`` as ``一`` or ``_``) in a
    column of numbers is the empty-value dash ``--``, never the numeral 一."""
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        cells = [r[c].strip() for r in rows if c < len(r) and r[c].strip()]
        numeric = sum(is_number(v) for v in cells)
        dashes = sum(_DASH_CELL.fullmatch(v) is not None for v in cells)
        if numeric < 1 or numeric + dashes < len(cells) // 2 + 1:
            continue
        for r in rows:
            if c < len(r) and _DASH_CELL.fullmatch(r[c].strip()):
                r[c] = "--"
    return rows


_SPLIT_BRACKET = re.compile(r"[〈《<]([^〈《<〉》>()（）]{1,80})[)）]")
_LOST_OPEN = re.compile(r"([。；])([^。；（）()]{2,80}(?:牵头|负责|配合)[^。；（）()]{0,40})[)）]$")


def clean_paragraph(text: str) -> str:
    """A paragraph joined from OCR lines: brackets misread on one line and closed on the next
    (《市科技局、…按职责分工负责)) are paired now that the lines are one, and a responsibility
    note at the end whose opening bracket was lost (…支撑。科技局牵头，市农业农村局配合)) gets
    it back."""
    text = _SPLIT_BRACKET.sub(r"（\1）", text)
    return _LOST_OPEN.sub(r"\1（\2）", text)
