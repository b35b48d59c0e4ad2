"""planwatch.catalog.names: one normalisation of names and subjects, one matching rule."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from planwatch.catalog import names
from planwatch.catalog.names import (
    NAME_THRESHOLD,
    best_match,
    canonical_name,
    comparable_name,
    name_key,
    same_name,
    scope_of,
    similar,
    similarity,
    squash_name,
)


def test_squash() -> None:
    assert squash_name(" 市 科技局\u3000") == "市科技局"
    assert squash_name("ＲＤ经费") == "RD经费"
    assert squash_name(None) == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("高新技术企业数", "高新技术企业数 "),
        ("R&D经费支出", "r＆d 经费支出"),
        ("研发经费支出（亿元）", "研发经费支出"),  # a unit written into the name
        ("每万人发明专利拥有量(件/万人)", "每万人发明专利拥有量"),
        ("“专精特新”企业数", "专精特新企业数"),
        ("技术合同成交额 (%)", "技术合同成交额"),
    ],
)
def test_one_indicator_by_identity(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    assert same_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("高新技术企业数（高新区）", "高新技术企业数"),  # a sub-area is another indicator
        ("有效发明专利", "高价值发明专利"),
        ("研发经费支出", "研发经费支出增长"),
        ("", ""),
    ],
)
def test_different_indicators_by_identity(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_canonical_form_is_the_catalogues() -> None:
    assert canonical_name("全社会 R＆D 经费支出占GDP的比重（%）") == "研发经费支出占GDP比重"
    assert canonical_name("有研发活动的规上工业企业占比") == "有研发活动规模以上工业企业占比"
    assert canonical_name("1.研究与开发人员") == "研发人员"
    assert canonical_name("本市r&d投入") == "研发投入"


def test_comparable_form() -> None:
    assert comparable_name("全社会R&D经费投入强度") == "研发占GDP比重"
    assert comparable_name("R&D经费支出占地区生产总值比重") == "研发占GDP比重"
    assert comparable_name("规模以上工业企业有研发活动的比例") == "规上工业企业有研发活动比重"
    assert comparable_name("高新技术企业数量") == "高新技术企业"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("全社会R&D经费投入强度", "研究与试验发展经费支出占地区生产总值比重"),
        ("有研发活动的规上工业企业占比", "规模以上工业企业有研发活动的比例"),
        ("高新技术企业数", "高新技术企业数量"),
        ("每万人口高价值发明专利拥有量", "每万人高价值发明专利拥有量"),
        ("技术合同成交额", "技术合同成交总额"),
    ],
)
def test_similar_names_match(a: str, b: str) -> None:
    assert similarity(a, b) >= NAME_THRESHOLD
    assert similar(a, b) and similar(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("每万人高价值发明专利拥有量", "每万人有效发明专利拥有量"),  # differing qualifier
        ("省级以上研发机构", "国家级研发机构"),
        ("高新技术企业数", "科技型中小企业数"),
        ("", "高新技术企业"),
    ],
)
def test_different_names_do_not_match(a: str, b: str) -> None:
    assert not similar(a, b)


def test_best_match_takes_the_closest_first_of_equals() -> None:
    rows = [("科技型中小企业数", "a"), ("高新技术企业数", "b"), ("高新技术企业数量", "c")]
    assert best_match("高新技术企业", rows) == ("b", 1.0)
    assert best_match("新型研发机构", rows) is None
    assert best_match("高新技术企业", rows, threshold=1.01) is None


def test_scope() -> None:
    assert scope_of("高新技术企业数（高新区）") == "高新区"
    assert scope_of("高新技术企业数") is None


def test_evaluate_names_is_the_same_rule() -> None:
    from planwatch.evaluate import names as evaluate_names

    assert evaluate_names.similarity is similarity
    assert evaluate_names.normalize_name("全社会R&D经费投入强度") == "研发占GDP比重"
    assert evaluate_names.DEFAULT_THRESHOLD == NAME_THRESHOLD


def test_former_helpers_delegate() -> None:
    from planwatch.actuals.spec import normalize_name as spec_name
    from planwatch.catalog import normalize_name as catalog_name
    from planwatch.evaluate.status import indicator_key

    raw = "R&D 经费支出（亿元）"
    assert spec_name(raw) == indicator_key(raw) == name_key(raw)
    assert catalog_name(raw) == canonical_name(raw)


# --- properties -----------------------------------------------------------------------------

_cjk = st.text(alphabet=st.sampled_from(list("高新技术企业研发经费投入强度占比重规上万人专利数量")),
               min_size=1, max_size=12)
_noise = st.sampled_from(["", " ", "\u3000", "（亿元）", "(%)", "（家）"])


@given(_cjk)
def test_similarity_is_reflexive(name: str) -> None:
    assert similarity(name, name) == (1.0 if comparable_name(name) else 0.0)


@given(_cjk, _cjk)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b) <= 1.0


@given(_cjk, _noise, _noise)
def test_spaces_and_a_trailing_unit_do_not_change_identity(name: str, n1: str, n2: str) -> None:
    spaced = " ".join(name)
    assert name_key(spaced + n1) == name_key(name + n2) == name_key(name)


@given(_cjk)
def test_forms_are_idempotent(name: str) -> None:
    for form in (names.squash_name, names.name_key, names.canonical_name):
        assert form(form(name)) == form(name)


def test_no_module_keeps_a_rule_of_its_own() -> None:
    """Every helper that spells units or matches names outside catalog.units/names delegates to
    them (its module imports one of them); a new private rule fails here."""
    import ast
    from pathlib import Path

    import planwatch

    helpers = {"normalize_unit", "normalize_name", "indicator_key", "units_compatible",
               "same_subject", "_same_unit", "_similarity", "_norm"}
    src = Path(planwatch.__file__).parent
    own = {src / "catalog" / "units.py", src / "catalog" / "names.py"}
    offenders = []
    for path in sorted(src.rglob("*.py")):
        if path in own:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)} & helpers
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        delegates = imported & {"planwatch.catalog", "planwatch.catalog.units",
                                "planwatch.catalog.names", "planwatch.evaluate.names",
                                "planwatch.evaluate.progress"}
        if defined and not delegates:
            offenders.append(f"{path.relative_to(src)}: {sorted(defined)}")
    assert offenders == []
