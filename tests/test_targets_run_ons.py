"""Prose 'targets' that are pieces of something else (issue 7, found on the Shanghai plans' prose):
a flattened task table, a note in brackets, an enumerator. Synthetic sentences, one rule each."""

from __future__ import annotations

from planwatch.extract.targets_parse import parse_sentence


def _subjects(sentence: str) -> list[tuple[str, float]]:
    return [(c.subject, c.value) for c in parse_sentence(sentence, framed=True)[0]]


def test_a_run_of_table_cells_is_no_subject() -> None:
    cells = "对某某水系开展生态清洁小流域建设相关工作建设建成某某河道整治工程开展某某河道整治工程" \
            "清澈度提升具备清澈度提升条件河湖中"
    assert _subjects(f"到2030年，完成{cells}2个。") == []
    # a long but real name still counts
    assert _subjects("到2030年，建设区域重大慢病临床大数据中心和流行病学监测大数据中心3个。") \
        == [("建设区域重大慢病临床大数据中心和流行病学监测大数据中心", 3)]


def test_a_number_inside_a_bracketed_note() -> None:
    found = _subjects("到2025年，实现6座水闸（含某某三期水闸1座）全部达到规划规模。")
    assert ("水闸", 6) in found or any(s.startswith("实现") and s.endswith("水闸")
                                       for s, v in found if v == 6)
    assert all(not s.startswith("）") and "（含" not in s for s, _ in found)


def test_an_enumerator_is_not_part_of_the_subject() -> None:
    assert _subjects("一是重点实施新建绿地项目10个。")[0][0] == "重点实施新建绿地项目"


def test_a_figure_inside_a_note_is_not_a_target_of_its_own() -> None:
    assert [v for _, v in _subjects("到2030年，新增滨水贯通岸线长度52公里（干流水系4公里、"
                                    "支流水系48公里）。")] == [52]
    assert _subjects("逐步提高圩区除涝能力（全区低洼圩区分布于14个街镇）。") == []
