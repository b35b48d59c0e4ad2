"""Metadata rules learnt from the second dev set (issue 7): synthetic documents, one rule each."""

from __future__ import annotations

import pytest

from planwatch.extract.meta import classify, extract_meta_result, find_issued, find_period
from planwatch.parse.document import Block, Document


def _meta(*texts: str):  # type: ignore[no-untyped-def]
    doc = Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate(texts)])
    return extract_meta_result(doc).meta


@pytest.mark.parametrize(("text", "span"), [
    ("本细则自2020年1月1日起施行，有效期3年。", (2020, 2022)),  # from New Year: 3 whole years
    ("本细则自2024年12月20日起施行，有效期为5年。", (2024, 2029)),  # runs into the 5th year after
    ("本意见于2016年6月1日施行，有效期5年。", (2016, 2021)),  # 于…施行 as well as 自…起施行
])
def test_validity_term_of_a_rule(text: str, span: tuple[int, int]) -> None:
    assert find_period("某某管理实施细则", "regulation", text, "2016-04-29", None) == span


def test_government_work_report() -> None:
    meta = _meta("政府工作报告（文字实录）",
                 "政府工作报告——2020年5月22日在第十三届全国人民代表大会第三次会议上",
                 "今年城镇新增就业900万人以上。")
    assert (meta.title, meta.region, meta.region_level, meta.doc_type) == (
        "政府工作报告", "全国", "national", "implementation_opinion")
    assert (meta.issued, meta.period_start, meta.period_end) == ("2020-05-22", 2020, 2020)


def test_work_report_is_typed_but_an_evaluation_report_stays_one() -> None:
    assert classify("政府工作报告") == "implementation_opinion"
    assert classify("某市十四五规划中期评估报告") == "evaluation_report"


def test_a_date_inside_a_sentence_is_not_a_delivery_date() -> None:
    assert find_issued(["会议于2020年5月22日在北京召开。"]) is None


def test_an_opinion_without_horizon_ends_with_its_last_step() -> None:
    text = ("2017年7月底前，研究制定工作方案。2017年年底前，取得阶段性成果。"
            "2018年上半年，组织开展督促检查和第三方评估。")
    assert find_period("关于建设示范基地的实施意见", "implementation_opinion", text,
                       "2017-06-15", None) == (2017, 2018)
    # a range in the text is no step (2016—2020年), and a year before the issue is past
    assert find_period("某实施意见", "implementation_opinion", "2015年底前已完成。", "2017-06-15",
                       None) == (2017, None)
