"""Matching indicator names across prose, tables and plans by normalised text similarity."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")
_SCOPE = re.compile(r"[（(]([^（）()]*)[）)]\s*$")
_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("投入强度", "占GDP比重"),
    ("R&D", "研发"),
    ("R＆D", "研发"),
    ("研究与试验发展", "研发"),
    ("研究与开发", "研发"),
    ("地区生产总值", "GDP"),
    ("国内生产总值", "GDP"),
    ("生产总值", "GDP"),
    ("规模以上", "规上"),
    ("每万人口", "万人"),
    ("每万人", "万人"),
    ("每万名", "万名"),
    ("百分比", "比重"),
    ("占比", "比重"),
    ("比例", "比重"),
)
_FILLERS = ("全社会", "全市", "全区", "全县", "全省", "经费", "支出", "投入", "的", "各类", "总量")
_TAIL = re.compile(r"(数量|数|总数|个数)$")
DEFAULT_THRESHOLD = 0.6


def normalize_name(name: str) -> str:
    """Canonical form: no spaces/brackets/units, synonyms unified, filler words dropped."""
    s = re.sub(r"\s+", "", name)
    s = _BRACKETS.sub("", s)
    for old, new in _SYNONYMS:
        s = s.replace(old, new)
    for word in _FILLERS:
        s = s.replace(word, "")
    return _TAIL.sub("", s)


def scope_of(name: str) -> str | None:
    """A trailing bracketed scope such as （高新区） marks a sub-area target."""
    m = _SCOPE.search(re.sub(r"\s+", "", name))
    return m.group(1) if m else None


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} if len(s) > 1 else {s}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of character bigrams of the normalised names (1.0 = same).

    0 when each name carries characters the other lacks (a differing qualifier); word order
    does not matter for that test (有研发活动的规上工业企业 ~ 规上工业企业有研发活动).
    """
    na, nb = normalize_name(a), normalize_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    if set(na) - set(nb) and set(nb) - set(na):
        return 0.0  # each name has a qualifier the other lacks: 高价值 vs 有效, 省级 vs 国家级
    ba, bb = _bigrams(na), _bigrams(nb)
    return 2 * len(ba & bb) / (len(ba) + len(bb))


def best_match(
    name: str, candidates: Sequence[tuple[str, T]], threshold: float = DEFAULT_THRESHOLD
) -> tuple[T, float] | None:
    """The candidate whose name is most similar to ``name``, if above ``threshold``."""
    best: tuple[T, float] | None = None
    for cand_name, item in candidates:
        score = similarity(name, cand_name)
        if score >= threshold and (best is None or score > best[1]):
            best = (item, score)
    return best
