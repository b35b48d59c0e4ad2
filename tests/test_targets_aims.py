"""Aims printed before a year (争取到2020年, 确保2020年) date the target and leave the subject;
有 that begins a name (有效发明专利, 有研发活动的企业) stays in it. Found by the second precision
study draw (benchmarks/precision-study/judgements-2.csv)."""

from __future__ import annotations

import pytest

from planwatch.extract.targets import extract_targets
from planwatch.model.plan import Meta, Plan
from planwatch.parse.document import Block, Document


def _targets(sentence: str) -> list[tuple[object, ...]]:
    doc = Document(blocks=[Block("paragraph", sentence, line=1)])
    plan = Plan(meta=Meta(doc_type="implementation_opinion", period_start=2016, period_end=2030))
    return [(t.subject, t.value, t.year, t.comparator)
            for t in extract_targets(doc, plan).targets]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("争取到2020年海堤标准化率提高至80%以上。", [("海堤标准化率", 80, 2020, ">=")]),
    ("确保2020年科技进步贡献率达到60%。", [("科技进步贡献率", 60, 2020, "=")]),
    ("争取在2027年全市高新技术企业达到500家。", [("高新技术企业", 500, 2027, "=")]),
    ("到2025年，有效发明专利量超1万件。", [("有效发明专利量", 10000, 2025, ">=")]),
    ("到2025年，有研发活动的规上工业企业占比达到50%。", [
        ("有研发活动的规上工业企业占比", 50, 2025, "=")]),
])
def test_aim_and_name(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _targets(sentence) == expected
