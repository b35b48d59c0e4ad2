"""planwatch.catalog.units: one spelling, one compatibility rule, one conversion for units."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from planwatch.catalog import units
from planwatch.catalog.units import (
    UnitMismatch,
    complete_unit,
    convert,
    convertible,
    factor,
    interchangeable,
    is_count,
    is_percent,
    is_points,
    known_unit,
    normalize_unit,
    parse_unit,
    same_unit,
)


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("％", "%"),
        (" % ", "%"),
        ("（亿元）", "亿元"),
        ("(万元)", "万元"),
        ("【家】", "家"),
        ("人年", "人·年"),
        ("人•年", "人·年"),
        ("人.年", "人·年"),
        ("人 · 年", "人·年"),
        ("人年/万人", "人·年/万人"),
        ("个百分点", "百分点"),
        ("百分比", "%"),
        ("亿", "亿"),  # a bare scale word is not guessed to be money here
        ("万套（间）", "万套(间)"),  # an inner bracket belongs to the unit
        ("ｋｍ/ｋｍ²", "km/km2"),
        ("", ""),
    ],
)
def test_canonical_spelling(printed: str, canonical: str) -> None:
    assert normalize_unit(printed) == canonical


@pytest.mark.parametrize(
    ("given_", "wanted", "expected"),
    [
        ("万元", "亿元", 1e-4),
        ("亿元", "万元", 1e4),
        ("万亿元", "亿元", 1e4),
        ("元", "亿元", 1e-8),
        ("千元", "万元", 0.1),
        ("万人", "人", 1e4),
        ("名", "人", 1.0),
        ("人年", "人·年", 1.0),
        ("‰", "%", 0.1),
        ("件/万人", "件/人", 1e-4),
        ("人·年/万人", "人年/万人", 1.0),
        ("万千瓦", "千瓦", 1e4),
        ("亿", "亿元", 1.0),  # a bare scale word takes the other unit's base
        ("亿", "万元", 1e4),
        ("个百分点", "百分点", 1.0),
    ],
)
def test_factor(given_: str, wanted: str, expected: float) -> None:
    assert factor(given_, wanted) == pytest.approx(expected)
    assert convertible(given_, wanted)


@pytest.mark.parametrize(
    ("given_", "wanted"),
    [
        ("%", "亿元"),
        ("%", "百分点"),  # a change of a share is not a share
        ("百分点", "%"),
        ("亿元", "人"),
        ("件/万人", "件"),  # the catalogue may equate these for one indicator; units do not
        ("家", "项"),
        ("亿", "%"),
        ("万", "件/万人"),
        ("人·年", "人"),
    ],
)
def test_incompatible_units_raise_a_clear_error(given_: str, wanted: str) -> None:
    assert not convertible(given_, wanted)
    with pytest.raises(UnitMismatch) as err:
        convert(1.0, given_, wanted)
    assert err.value.given == given_ and err.value.wanted == wanted
    assert "不一致" in err.value.message_zh and "cannot be converted" in err.value.message_en
    assert isinstance(err.value, ValueError)


def test_counting_words_only_when_asked() -> None:
    assert not convertible("家", "个")
    assert convertible("家", "个", counts=True)
    assert interchangeable("家", "个", counts=True)
    assert factor("万家", "个", counts=True) == pytest.approx(1e4)
    assert not convertible("家", "亿元", counts=True)


def test_interchangeable_means_same_scale() -> None:
    assert interchangeable("亿", "亿元")  # the old 亿 → 亿元 alias of the evaluator
    assert interchangeable("人年", "人·年")
    assert interchangeable("名", "人")
    assert not interchangeable("万元", "亿元")  # convertible, but not comparable as printed
    assert not interchangeable("%", "百分点")
    assert interchangeable(None, "%") and interchangeable("%", "")


def test_missing_units_conflict_with_nothing() -> None:
    assert convertible(None, "亿元") and convertible("", "%")
    assert convert(5.0, None, "亿元") == 5.0
    assert convert(5.0, "万元", None) == 5.0


def test_money_context_completes_a_bare_scale() -> None:
    assert complete_unit("亿", "研发经费投入") == "亿元"
    assert complete_unit("万", "技术合同成交额") == "万元"
    assert complete_unit("万亿", "地区生产总值规模") == "万亿元"
    assert complete_unit("万", "常住人口") == "万"
    assert complete_unit("亿元", "研发经费投入") == "亿元"


def test_kinds() -> None:
    assert is_percent("％") and is_percent("‰") and not is_percent("百分点")
    assert is_points("个百分点") and not is_points("%")
    assert is_count("家") and is_count("万人") and is_count("名") and not is_count("亿元")
    assert not (is_percent(None) or is_points("") or is_count(None))


@pytest.mark.parametrize("text", ["%", "亿元", "人·年/万人", "件/万人", "万人", "家", "万平方米"])
def test_known_units(text: str) -> None:
    assert known_unit(text)


@pytest.mark.parametrize("text", ["高新区", "含新区", "鸟类", "MQI", "", "国家级高新技术企业"])
def test_words_are_not_units(text: str) -> None:
    assert not known_unit(text)


def test_same_unit_is_spelling_only() -> None:
    assert same_unit("人年", "人·年") and same_unit(None, "") and same_unit("（%）", "％")
    assert not same_unit("万元", "亿元") and not same_unit("名", "人")


# --- properties -----------------------------------------------------------------------------

_BASES = ["元", "人", "件", "家", "人·年", "平方米", "吨"]
_PREFIXES = ["", *units.SCALES]
_unit = st.builds(lambda p, b: p + b, st.sampled_from(_PREFIXES), st.sampled_from(_BASES))
_value = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


@given(_unit)
def test_normalize_is_idempotent(unit: str) -> None:
    once = normalize_unit(unit)
    assert normalize_unit(once) == once
    assert normalize_unit(f"（ {unit} ）") == once


@given(st.sampled_from(_PREFIXES), st.sampled_from(_PREFIXES), st.sampled_from(_BASES), _value)
def test_round_trip(pa: str, pb: str, base: str, value: float) -> None:
    a, b = pa + base, pb + base
    there = convert(value, a, b)
    assert math.isclose(convert(there, b, a), value, rel_tol=1e-9, abs_tol=1e-9)


@given(st.sampled_from(_PREFIXES), st.sampled_from(_PREFIXES), st.sampled_from(_PREFIXES),
       st.sampled_from(_BASES))
def test_factors_compose(pa: str, pb: str, pc: str, base: str) -> None:
    a, b, c = pa + base, pb + base, pc + base
    assert math.isclose(factor(a, b) * factor(b, c), factor(a, c), rel_tol=1e-9)


@given(_unit, _unit)
def test_convertible_is_symmetric_and_agrees_with_factor(a: str, b: str) -> None:
    assert convertible(a, b) == convertible(b, a)
    if convertible(a, b):
        assert math.isclose(factor(a, b) * factor(b, a), 1.0, rel_tol=1e-9)
    else:
        with pytest.raises(UnitMismatch):
            factor(a, b)


@given(st.sampled_from(_PREFIXES), st.sampled_from(_BASES))
def test_scale_is_the_product_of_the_words(prefix: str, base: str) -> None:
    parsed = parse_unit(prefix + base)
    assert parsed.base == normalize_unit(base)
    assert parsed.scale == pytest.approx(units.SCALES.get(prefix, 1.0))


def test_tallies_are_counts_but_not_classifiers() -> None:
    assert is_count("人次") and is_count("万人次") and is_count("篇")
    assert not convertible("人次", "家", counts=True)
    assert convertible("篇", "部", counts=True)
