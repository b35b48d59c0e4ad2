"""The canonical indicator catalogue and name → code mapping."""

from __future__ import annotations

import json
import re

import pytest

from planwatch.catalog import (
    candidate_codes,
    load_catalog,
    map_indicator,
    match_indicator,
    normalize_name,
    to_canonical,
)
from tests.helpers import GOLD

# Every indicator-table / prior-results row of the hand-checked plans, with the code it must map
# to. Names that are deliberately left unmapped would be listed with ``None``; today there are none.
EXPECTED: dict[tuple[str, str], str | None] = {
    ("全社会R&D支出占GDP比重", "%"): "rd_intensity",
    ("全社会R&D经费支出占GDP比重", "%"): "rd_intensity",
    ("R&D经费支出占GDP的比重", "%"): "rd_intensity",
    ("R&D经费支出占GDP比重", "%"): "rd_intensity",
    ("研发经费投入增长", "%"): "rd_spending_growth",
    ("全社会研发经费投入年均增长率", "%"): "rd_spending_growth",
    ("有研发活动的规上工业企业占比", "%"): "enterprises_with_rd_share",
    ("规模以上工业企业有研发活动的比例", "%"): "enterprises_with_rd_share",
    ("全社会每万名就业人员中研发人员数", "人·年/万人"): "rd_personnel_per_10k_employed",
    ("万名就业人员中研发人员数", "人年"): "rd_personnel_per_10k_employed",
    ("每万人国内有效发明专利拥有量", "件/万人"): "invention_patents_per_10k",
    ("万人有效发明专利拥有量", "件"): "invention_patents_per_10k",
    ("万人高价值发明专利拥有量", "件"): "high_value_invention_patents_per_10k",
    ("每万人高价值发明专利拥有量", "件"): "high_value_invention_patents_per_10k",
    ("每万人口高价值发明专利拥有量", "件"): "high_value_invention_patents_per_10k",
    ("高新技术企业数", "家"): "high_tech_enterprises",
    ("高新技术企业数量", "个"): "high_tech_enterprises",
    ("高新技术企业", "家"): "high_tech_enterprises",
    ("孵化载体累计培育高新技术企业数量", "家"): "incubated_high_tech_enterprises",
    ("科技型中小企业数量", "个"): "tech_smes",
    ("科技型中小企业", "家"): "tech_smes",
    ("省级以上技术创新中心", "个"): "tech_innovation_centers",
    ("省级以上重点实验室", "个"): "key_laboratories",
    ("省级科技企业孵化器", "家"): "incubators",
    ("省级以上科技企业孵化器及众创空间", "家"): "incubation_carriers",
    ("专业化孵化载体数量", "个"): "incubation_carriers",
    ("省级以上各类技术创新平台", "个"): "innovation_platforms",
    ("省级以上创新平台", "家"): "innovation_platforms",
    ("年登记技术合同成交额", "亿元"): "tech_contract_turnover",
    ("高新技术产业产值占规模以上工业产值比重", "%"): "high_tech_output_share",
    ("高新技术产业产值占规模以上工业总产值比重", "%"): "high_tech_output_share",
    ("全市科技服务业产业产值", "亿元"): "tech_service_revenue",
    ("公民具备科学素质的比重", "%"): "scientific_literacy",
    ("PCT国际专利申请量", "件"): "pct_applications",
}
DELIBERATELY_UNMAPPED = sorted(k for k, v in EXPECTED.items() if v is None)


def _gold_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        region = data["meta"]["region"]
        for section in ("indicators", "prior_results"):
            for row in data.get(section, []):
                rows.append((region, section, row["name"], row["unit"]))
    return rows


def test_catalog_is_valid_and_large_enough() -> None:
    catalog = load_catalog()
    codes = [ind.code for ind in catalog.indicators]
    assert len(codes) >= 20
    assert len(set(codes)) == len(codes)
    for ind in catalog.indicators:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", ind.code), ind.code
        assert ind.unit_group in catalog.unit_groups, ind.code
        assert ind.unit in catalog.unit_groups[ind.unit_group], ind.code
        assert ind.direction in ("higher", "lower")
        if ind.unit == "%" and ind.code.endswith(("_share", "_intensity", "_coverage")):
            assert ind.max == 100, ind.code
        assert ind.patterns or ind.synonyms, ind.code


def test_each_catalog_name_maps_to_itself() -> None:
    for ind in load_catalog().indicators:
        assert map_indicator(ind.name_zh, ind.unit) == ind.code, ind.name_zh
        for synonym in ind.synonyms:
            assert candidate_codes(synonym) == [ind.code], synonym


def test_every_gold_indicator_maps_or_is_deliberately_unmapped() -> None:
    rows = _gold_rows()
    assert len(rows) >= 40
    got = {(name, unit): map_indicator(name, unit) for _, _, name, unit in rows}
    assert got == {key: EXPECTED[key] for key in got}
    assert DELIBERATELY_UNMAPPED == []


def test_same_indicator_in_different_plans_gets_same_code() -> None:
    by_code: dict[str, set[str]] = {}
    for region, _, name, unit in _gold_rows():
        code = map_indicator(name, unit)
        assert code is not None
        by_code.setdefault(code, set()).add(region)
    assert by_code["high_tech_enterprises"] == {"淄博市", "芝罘区", "青州市", "威海市"}
    assert by_code["tech_contract_turnover"] == {"淄博市", "芝罘区", "青州市", "威海市"}
    assert by_code["rd_intensity"] == {"淄博市", "青州市", "威海市"}
    assert by_code["high_value_invention_patents_per_10k"] == {"淄博市", "芝罘区", "威海市"}


@pytest.mark.parametrize(
    ("name", "unit", "code"),
    [
        ("研究与试验发展（R&D）经费支出占地区生产总值比重", "%", "rd_intensity"),
        ("研发经费投入强度（%）", None, "rd_intensity"),
        ("r&d经费投入强度", "％", "rd_intensity"),
        ("全省 高新技术企业 数", "家", "high_tech_enterprises"),
        ("技术合同成交额", "万元", "tech_contract_turnover"),
        ("每万人口发明专利拥有量", "件/万人", "invention_patents_per_10k"),
        ("众创空间", "家", "maker_spaces"),
        ("规模以上工业企业研发经费支出占营业收入比重", "%", "enterprise_rd_to_revenue"),
        ("基础研究经费占研发经费比重", "%", "basic_research_share"),
        ("科技服务业营业收入", "亿元", "tech_service_revenue"),
    ],
)
def test_unseen_phrasings_map(name: str, unit: str | None, code: str) -> None:
    assert map_indicator(name, unit) == code


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("高新技术企业数", "亿元"),  # money is not a count
        ("研发经费投入强度", "家"),
        ("技术合同成交额", "%"),
        ("粮食产量", "万吨"),  # not an S&T indicator
        ("", None),
        ("新增高新技术企业培育库入库企业", "家"),
    ],
)
def test_incompatible_or_unknown_is_none(name: str, unit: str | None) -> None:
    assert map_indicator(name, unit) is None


def test_unit_conversion_factor() -> None:
    match = match_indicator("技术合同成交额", "万元")
    assert match is not None
    assert match.unit == "亿元"
    assert match.factor == pytest.approx(1e-4)
    assert to_canonical("tech_contract_turnover", 250_000.0, "万元") == pytest.approx(25.0)
    assert to_canonical("tech_contract_turnover", 25.0, "亿元") == pytest.approx(25.0)
    assert to_canonical("tech_contract_turnover", 25.0, "%") is None


def test_normalize_name() -> None:
    assert normalize_name("全社会 R＆D 经费支出占GDP的比重（%）") == "研发经费支出占GDP比重"
    assert normalize_name("有研发活动的规上工业企业占比") == "有研发活动规模以上工业企业占比"
