"""Numbers as plans print them: Arabic, Chinese numerals, separators, ranges, comparators,
cumulative cells (〔0.21〕, [3.45]) and missing-value dashes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

Comparator = str  # one of "=", ">=", "<=", "~"

CN_DIGITS = "〇零一二两三四五六七八九十百千万亿"
_CN_NUM = re.compile(f"[{CN_DIGITS}]+(?:点[{CN_DIGITS}]+)?")
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_ANY_NUMBER = re.compile(rf"\d+(?:,\d{{3}})*(?:\.\d+)?|{_CN_NUM.pattern}")
_DASHES = {"--", "—", "——", "-", "–", "/", "－", "――", "─", "……", "…"}

GE_WORDS = ("以上", "突破", "超过", "不低于", "不少于", "至少", "高于", "逾", "过")
LE_WORDS = ("以下", "以内", "不超过", "不高于", "低于", "内")
APPROX_WORDS = ("左右", "约", "上下", "近")
_SUFFIX_WORDS = tuple(w for w in GE_WORDS + LE_WORDS + APPROX_WORDS if len(w) > 1)


@lru_cache(maxsize=8192)
def parse_number(text: str) -> float | None:
    """Parse one number: '1,234.5', '２.５', '二〇三五', '三千五百', '2万' (=20000).

    None if the text is not one number."""
    s = text.strip().replace(" ", "")
    if not s:
        return None
    mult = 1.0
    if len(s) > 1 and s[-1] in "万亿" and _ARABIC.fullmatch(s[:-1]):
        mult = 1e4 if s[-1] == "万" else 1e8
        s = s[:-1]
    if _ARABIC.fullmatch(s):
        return round(float(s.replace(",", "")) * mult, 6)  # 1.39万 is 13900, not 13899.99…
    if all(ch in CN_DIGITS + "点" for ch in s):
        return _parse_chinese(s)
    return None


def _parse_chinese(s: str) -> float | None:
    if all(ch in "〇零一二三四五六七八九" for ch in s) and len(s) >= 2:
        # digit-by-digit, as in years: 二〇三五
        return float("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in s))
    small = _small_chinese(s.replace("两", "二"))
    if small is not None:
        return small
    try:
        value = cn2an.cn2an(s.replace("两", "二"), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


_UNITS_DIGIT = "一二三四五六七八九"


def _small_chinese(s: str) -> float | None:
    """一 … 九十九 (the numbers of headings and items, most of a document's numerals) read
    directly, as cn2an reads them; None for anything else."""
    if len(s) == 1:
        return float(_UNITS_DIGIT.index(s) + 1) if s in _UNITS_DIGIT else (
            10.0 if s == "十" else None)
    tens, sep, units = s.partition("十")
    if not sep or len(tens) > 1 or len(units) > 1 or (tens and tens not in _UNITS_DIGIT) \
            or (units and units not in _UNITS_DIGIT):
        return None
    return float((_UNITS_DIGIT.index(tens) + 1 if tens else 1) * 10
                 + (_UNITS_DIGIT.index(units) + 1 if units else 0))


@dataclass(frozen=True)
class Cell:
    """A table cell read as a number."""

    value: float | None
    comparator: Comparator = "="
    cumulative: bool = False
    missing: bool = False
    raw: str = ""
    starred: bool = False

    @property
    def ok(self) -> bool:
        return self.value is not None or self.missing


_CUMULATIVE = re.compile(r"^[〔\[［【(（](.*)[〕\]］】)）]$")
_CELL_PREFIX = {"≥": ">=", ">=": ">=", ">": ">=", "≤": "<=", "<=": "<=", "<": "<=", "约": "~",
                "~": "~", "≈": "~"}
_CELL_PREFIXES = tuple(sorted(_CELL_PREFIX.items(), key=lambda kv: -len(kv[0])))


# the marks a PDF prints for a table note's star: ∗ (U+2217), ＊ (fullwidth), ⁎, ✱
_STARS = str.maketrans({"\u2217": "*", "\uff0a": "*", "\u204e": "*", "\u2731": "*"})


@lru_cache(maxsize=8192)
def parse_cell(raw: str) -> Cell:
    """Read a table cell: '2.79', '≥3.2', '9.5左右', '〔0.21〕', '[3.45]', '--', '1500以上',
    '5.8*', '-2.5', '〔2.5个百分点〕'."""
    s = raw.strip().replace(" ", "").replace("\u3000", "").translate(_STARS)
    if s in _DASHES or not s:
        return Cell(None, missing=True, raw=raw)
    cumulative = False
    m = _CUMULATIVE.match(s)
    if m:
        cumulative, s = True, m.group(1)
    starred = s.endswith("*") or s.startswith("*")
    s = s.strip("*")
    comparator: Comparator = "="
    for prefix, comp in _CELL_PREFIXES:
        if s.startswith(prefix):
            comparator, s = comp, s[len(prefix):]
            break
    s, suffix_comp = strip_comparator_suffix(s)
    if suffix_comp:
        comparator = suffix_comp
    s, sign = _strip_sign(_strip_cell_unit(s))
    value = parse_number(s)
    if value is not None:
        value *= sign
    if value is None and cumulative:
        # "[累计]" style header cells or "〔--〕" are not numbers
        return Cell(None, missing=s in _DASHES, cumulative=True, raw=raw)
    return Cell(value, comparator, cumulative, False, raw, starred)


_CELL_UNITS = ("个百分点", "百分点", "%", "％")
_MINUS = ("-", "−", "－", "–")


def _strip_cell_unit(s: str) -> str:
    """'2.5个百分点' → '2.5', '3.2%' → '3.2' (units a value cell may repeat)."""
    for unit in _CELL_UNITS:
        if s.endswith(unit) and len(s) > len(unit):
            return s[: -len(unit)]
    return s


def _strip_sign(s: str) -> tuple[str, float]:
    """'-2.5' → ('2.5', -1.0); '+3' → ('3', 1.0). A lone dash is a missing value, not a sign."""
    if len(s) > 1 and s[0] in _MINUS and s[1].isdigit():
        return s[1:], -1.0
    if len(s) > 1 and s[0] == "+" and s[1].isdigit():
        return s[1:], 1.0
    return s, 1.0


def strip_comparator_suffix(s: str) -> tuple[str, Comparator | None]:
    """'1500以上' → ('1500', '>='); '9.5左右' → ('9.5', '~')."""
    if not s.endswith(_SUFFIX_WORDS):
        return s, None
    for words, comp in ((GE_WORDS, ">="), (LE_WORDS, "<="), (APPROX_WORDS, "~")):
        for w in words:
            if len(w) > 1 and s.endswith(w):
                return s[: -len(w)], comp
    return s, None


def comparator_after(text: str) -> Comparator | None:
    """Comparator word right after a number+unit: '以上' → '>=', '左右' → '~', '以内' → '<='."""
    t = text.lstrip()
    for words, comp in ((("以上", "及以上"), ">="), (("以下", "以内"), "<="), (("左右",), "~")):
        if any(t.startswith(w) for w in words):
            return comp
    return None


_BEFORE_WORDS: tuple[tuple[str, Comparator], ...] = tuple(sorted((
    ("达到或超过", ">="), ("不超过", "<="), ("不突破", "<="), ("不超出", "<="), ("不高于", "<="),
    ("不多于", "<="), ("不大于", "<="),
    ("不低于", ">="), ("不少于", ">="), ("突破", ">="), ("超过", ">="), ("至少", ">="),
    ("高于", ">="), ("多于", ">="), ("控制在", "<="), ("低于", "<="), ("少于", "<="),
    ("约", "~"), ("近", "~"), ("超", ">="), ("逾", ">="),
), key=lambda wc: -len(wc[0])))
_BEFORE_ENDINGS = tuple(word for word, _ in _BEFORE_WORDS)


def comparator_before(text: str) -> Comparator | None:
    """Comparator verb right before a number: '突破', '超过', '超', '逾', '不低于' → '>=';
    '不超过', '控制在' → '<=' (the longest word wins: 不超过 is not 超过); '约', '近' → '~'."""
    t = text.rstrip()
    if not t.endswith(_BEFORE_ENDINGS):
        return None
    for word, comp in _BEFORE_WORDS:
        if t.endswith(word):
            return comp
    return None


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """(start, end, value) for each Arabic or Chinese number in running text."""
    out: list[tuple[int, int, float]] = []
    for m in _ANY_NUMBER.finditer(text):
        v = parse_number(m.group())
        if v is not None:
            out.append((m.start(), m.end(), v))
    return out
