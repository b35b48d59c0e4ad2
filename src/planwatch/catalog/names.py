"""Indicator names and target subjects: one normalisation in three layers, one matching rule.

Every layer that compares names (extraction, actuals import, evaluation, storage, workflow)
goes through this module; it imports nothing from planwatch but :mod:`planwatch.catalog.units`.

Layers, each built on the one before:

1. :func:`squash_name` — NFKC (full-width → half-width), no whitespace. Two names that squash
   alike are printed alike.
2. :func:`name_key` — the *identity* of an indicator: squashed, case-folded, a trailing unit in
   brackets dropped (``研发经费支出（亿元）`` is ``研发经费支出``; a trailing scope such as
   ``（高新区）`` is kept), punctuation dropped. Actuals, submissions and report rows are matched
   to a plan's indicator by equal keys, never by similarity.
3. :func:`canonical_name` — the catalogue's form: bracketed parts, a leading enumerator and a
   leading area word (全社会, 全市, 本市 …) dropped, ``R&D``/``研究与试验发展`` → ``研发``,
   ``规上`` → ``规模以上``, ``的`` dropped. ``indicators.yaml`` synonyms and patterns are written
   against this form.
4. :func:`comparable_name` — the form compared by similarity: canonical, then ``GDP`` for
   地区/国内生产总值, ``比重`` for 比例/占比/百分比, ``万人`` for 每万人(口), filler words
   (经费, 支出, 投入, 全市 …) and a counting tail (数量, 个数, 数) dropped.

Matching rule (:func:`similarity`, :func:`best_match`): the Dice coefficient of character
bigrams of the two comparable forms, 1.0 when equal, 0 when each carries characters the other
lacks (a differing qualifier: 高价值 vs 有效, 省级 vs 国家级); a match needs at least
:data:`NAME_THRESHOLD` (0.6). :func:`scope_of` gives a trailing sub-area (``（高新区）``); callers
that match a prose target to a table row require equal scopes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar

from planwatch.catalog.units import known_unit

T = TypeVar("T")

NAME_THRESHOLD = 0.6
"""Least :func:`similarity` for two names to be taken as one indicator."""

_TRAILING_BRACKET = re.compile(r"[(（\[【〔]([^()（）\[\]【】〔〕]*)[)）\]】〕]$")
_PUNCT = re.compile(r"[\"'“”‘’《》〈〉()（）\[\]【】〔〕、,，.。:：;；!！?？\-—–_~～·•・]+")
_BRACKETED = re.compile(r"[（(\[【〔][^）)\]】〕]*[）)\]】〕]")
_SCOPE = re.compile(r"[（(]([^（）()]*)[）)]\s*$")
_ENUMERATOR = re.compile(r"^\d+[.、]")
_LEADING_AREA = re.compile(r"^(全社会|全市|全区|全县|全省|本市|本区|本县)+")
_CANONICAL: tuple[tuple[str, str], ...] = (
    ("研究与试验发展", "研发"),
    ("研究与开发", "研发"),
    ("R&D", "研发"),
    ("规上", "规模以上"),
    ("的", ""),
)
_COMPARABLE: tuple[tuple[str, str], ...] = (
    ("投入强度", "占GDP比重"),
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
_FILLERS = ("全社会", "全市", "全区", "全县", "全省", "经费", "支出", "投入", "各类", "总量")
_TAIL = re.compile(r"(数量|数|总数|个数)$")


def squash_name(text: str | None) -> str:
    """NFKC, whitespace removed (``None`` → ``""``)."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


@lru_cache(maxsize=8192)
def name_key(text: str) -> str:
    """The identity of a name: squashed, case-folded, no trailing unit, no punctuation."""
    s = squash_name(text).casefold()
    m = _TRAILING_BRACKET.search(s)
    if m and m.start() > 0 and known_unit(m.group(1)):
        s = s[: m.start()]
    return _PUNCT.sub("", s)


def same_name(a: str | None, b: str | None) -> bool:
    """One indicator by identity (:func:`name_key`); empty names never match."""
    ka, kb = name_key(a or ""), name_key(b or "")
    return bool(ka) and ka == kb


@lru_cache(maxsize=8192)
def canonical_name(name: str) -> str:
    """The catalogue's form of a name (layer 3 in the module docstring)."""
    s = squash_name(name)
    s = _BRACKETED.sub("", s)
    s = re.sub(r"[a-z]+", lambda m: m.group(0).upper(), s)
    for old, new in _CANONICAL:
        s = s.replace(old, new)
    s = _ENUMERATOR.sub("", s)
    return _LEADING_AREA.sub("", s)


@lru_cache(maxsize=8192)
def comparable_name(name: str) -> str:
    """The form two names are compared in (layer 4 in the module docstring)."""
    s = canonical_name(name)
    for old, new in _COMPARABLE:
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
    """Dice coefficient of character bigrams of the comparable names (1.0 = same).

    0 when each name carries characters the other lacks (a differing qualifier); word order
    does not matter for that test (有研发活动的规上工业企业 ~ 规上工业企业有研发活动).
    """
    na, nb = comparable_name(a), comparable_name(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    if set(na) - set(nb) and set(nb) - set(na):
        return 0.0  # each name has a qualifier the other lacks: 高价值 vs 有效, 省级 vs 国家级
    ba, bb = _bigrams(na), _bigrams(nb)
    return 2 * len(ba & bb) / (len(ba) + len(bb))


_SUBJECT_NOISE = re.compile(r"[\s（）()“”\"、，。：:%]|数量|数$|比例|全市|全区|全县")


@lru_cache(maxsize=4096)
def _subject_chars(s: str) -> frozenset[str]:
    return frozenset(_SUBJECT_NOISE.sub("", s))


def subject_similarity(a: str, b: str) -> float:
    """The loose rule for a prose subject and a table row it may restate (a baseline to attach):
    Dice coefficient of the *sets* of characters, brackets, quotes, punctuation, %, 数量/比例 and
    全市/全区/全县 ignored; no qualifier veto (各类国家级、省级创新平台 ~ 省级以上创新平台).
    Matches at :data:`NAME_THRESHOLD` as well; the extractor requires the same unit besides."""
    ca, cb = _subject_chars(a), _subject_chars(b)
    if not ca or not cb:
        return 0.0
    return 2 * len(ca & cb) / (len(ca) + len(cb))


def similar(a: str, b: str, threshold: float = NAME_THRESHOLD) -> bool:
    """Do ``a`` and ``b`` name one indicator under the matching rule?"""
    return similarity(a, b) >= threshold


def best_match(
    name: str, candidates: Sequence[tuple[str, T]], threshold: float = NAME_THRESHOLD
) -> tuple[T, float] | None:
    """The candidate whose name is most similar to ``name``, if at least ``threshold`` (the
    first of equals wins)."""
    best: tuple[T, float] | None = None
    for cand_name, item in candidates:
        score = similarity(name, cand_name)
        if score >= threshold and (best is None or score > best[1]):
            best = (item, score)
    return best
