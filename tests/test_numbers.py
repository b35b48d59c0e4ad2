"""Number and table-cell parsing as plans print them."""

from __future__ import annotations

import pytest

from planwatch.extract.numbers import (
    comparator_after,
    comparator_before,
    find_numbers,
    parse_cell,
    parse_number,
)


@pytest.mark.parametrize(("text", "value"), [
    ("1,234.5", 1234.5),
    ("5.805", 5.805),
    ("二〇三五", 2035.0),
    ("三千五百", 3500.0),
    ("2万", 20000.0),
    ("0", 0.0),
    ("翻一番", None),
    ("", None),
])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("raw", "value", "comparator", "cumulative", "missing", "starred"), [
    ("2.79", 2.79, "=", False, False, False),
    ("≥3.2", 3.2, ">=", False, False, False),
    ("9.5 左右", 9.5, "~", False, False, False),
    ("9.5左右", 9.5, "~", False, False, False),
    ("1500以上", 1500.0, ">=", False, False, False),
    ("〔0.21〕", 0.21, "=", True, False, False),
    ("[3.45]", 3.45, "=", True, False, False),
    ("〔800〕", 800.0, "=", True, False, False),
    ("5.8*", 5.8, "=", False, False, True),
    (">46.5\u2217", 46.5, ">=", False, False, True),  # a PDF's ∗ (U+2217) is the same star
    ("6左右＊", 6.0, "~", False, False, True),
    ("--", None, "=", False, True, False),
    ("—", None, "=", False, True, False),
    ("", None, "=", False, True, False),
    ("3.2%", 3.2, "=", False, False, False),
    ("-2.5", -2.5, "=", False, False, False),
    ("〔-13.5〕", -13.5, "=", True, False, False),
    ("〔2.5个百分点〕", 2.5, "=", True, False, False),
    ("≤0.5", 0.5, "<=", False, False, False),
])
def test_parse_cell(raw: str, value: float | None, comparator: str, cumulative: bool,
                    missing: bool, starred: bool) -> None:
    cell = parse_cell(raw)
    assert (cell.value, cell.comparator, cell.cumulative, cell.missing, cell.starred) == (
        value, comparator, cumulative, missing, starred)
    assert cell.ok


def test_unreadable_cell_is_not_ok() -> None:
    cell = parse_cell("翻一番")
    assert (cell.value, cell.missing, cell.ok) == (None, False, False)


def test_comparators_and_find_numbers() -> None:
    assert comparator_after("以上，") == ">="
    assert comparator_after(" 左右") == "~"
    assert comparator_after("以内") == "<="
    assert comparator_after("家") is None
    assert comparator_before("突破") == ">="
    assert comparator_before("控制在") == "<="
    assert find_numbers("达到 2.8%，新增三千家") == [(3, 6, 2.8), (10, 12, 3000.0)]


@pytest.mark.parametrize(("before", "expected"), [
    ("单个项目补助不超过", "<="), ("数量超过", ">="), ("占比超", ">="), ("企业逾", ">="),
    ("不高于", "<="), ("不低于", ">="), ("近", "~"), ("控制在", "<="), ("达到", None),
])
def test_comparator_before_longest_word_wins(before: str, expected: str | None) -> None:
    assert comparator_before(before) == expected


def _cn2an_reading(text: str) -> float | None:
    import cn2an
    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


_SMALL = [*"一二三四五六七八九十两", *(a + "十" + b for a in ["", *"一二三四五六七八九两"]
                                   for b in ["", *"一二三四五六七八九"])]


@pytest.mark.parametrize("text", [*_SMALL, "〇十", "十十", "一十一", "十百", "一百零五",
                                  "三千五百", "两万", "十二点五"])
def test_small_numerals_read_as_cn2an_reads_them(text: str) -> None:
    """一 … 九十九 are read without cn2an (a fast path for headings' numbers): the same value."""
    assert parse_number(text) == _cn2an_reading(text), text
