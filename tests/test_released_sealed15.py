"""Shapes met in sealed set 15 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.meta import extract_meta_result
from planwatch.model.plan import Meta
from planwatch.parse.registry import read_document


def _meta(tmp_path: Path, text: str, name: str = "doc.md") -> Meta:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_meta_result(read_document(path)).meta


_PAGE = (
    "# 关于做好2024年乡村建设重点工作的意见\n\n**发布日期**: 2024年2月3日\n\n---\n\n"
    "新华社北京2月3日电\n\n{issuer_lines}\n（2024年1月1日）\n\n"
    "做好2024年乡村建设工作，要坚持稳中求进，全年新建农村公路5000公里。\n"
)


def test_the_body_prints_the_title_with_its_issuer_on_the_same_line(tmp_path: Path) -> None:
    meta = _meta(tmp_path, _PAGE.format(
        issuer_lines="中共中央 国务院关于做好2024年乡村建设重点工作的意见"))
    assert meta.title == "中共中央国务院关于做好2024年乡村建设重点工作的意见"


def test_the_body_prints_the_issuer_on_the_line_above_the_title(tmp_path: Path) -> None:
    meta = _meta(tmp_path, _PAGE.format(
        issuer_lines="中共中央 国务院\n关于做好2024年乡村建设重点工作的意见"))
    assert meta.title == "中共中央国务院关于做好2024年乡村建设重点工作的意见"


def test_a_line_that_is_no_issuer_does_not_prefix_the_title(tmp_path: Path) -> None:
    meta = _meta(tmp_path, _PAGE.format(
        issuer_lines="近日印发了关于做好2024年乡村建设重点工作的意见"))
    assert meta.title == "关于做好2024年乡村建设重点工作的意见"


def test_the_work_of_a_year_named_after_guanyu_zuohao_is_a_one_year_document(
        tmp_path: Path) -> None:
    meta = _meta(tmp_path, _PAGE.format(
        issuer_lines="中共中央 国务院关于做好2024年乡村建设重点工作的意见"))
    assert (meta.period_start, meta.period_end) == (2024, 2024)


def _targets(tmp_path: Path, body: str, heading: str = "一、主要目标"
             ) -> list[tuple[str, float, str | None, int | None, str]]:
    from planwatch.extract.files import extract_file

    path = tmp_path / "plan.txt"
    path.write_text(f"某市乡村振兴实施方案（2021—2025年）\n{heading}\n{body}\n", encoding="utf-8")
    return [(t.subject, t.value, t.unit, t.year, t.comparator)
            for t in extract_file(path).targets]


def test_rockets_satellites_and_grain_have_their_measure_words(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2025年，形成年产20发运载火箭的制造能力，"
                               "卫星在轨数量达到300颗，粮食产量稳定在1.2万亿斤以上，"
                               "建成高标准农田0.8亿亩。")
    assert [(v, u) for _, v, u, _, _ in found] == [
        (20, "发"), (300, "颗"), (12000, "亿斤"), (0.8, "亿亩")]


def test_fa_after_a_number_is_a_word_when_a_verb_follows() -> None:
    from planwatch.extract.targets_parse import find_mentions

    assert [m.unit for m in find_mentions("到2025年，100家企业，3发展成为龙头。")] == ["家"]


def test_a_share_of_a_subsidy_the_plan_strives_to_raise_is_a_goal(tmp_path: Path) -> None:
    found = _targets(tmp_path, "衔接补助资金用于产业发展的比重力争提高到55%以上。", "三、扶持政策")
    assert [(v, u, c) for _, v, u, _, c in found] == [(55, "%", ">=")]


def test_a_floor_on_items_listed_is_a_goal_not_a_count_of_them(tmp_path: Path) -> None:
    found = _targets(tmp_path,
                     "到2025年，新增省级重点实验室、工程研究中心、中试基地等创新平台3个以上。")
    assert [(v, u, c) for _, v, u, _, c in found] == [(3, "个", ">=")]


def test_a_year_run_straight_into_the_work_dates_it(tmp_path: Path) -> None:
    found = _targets(tmp_path, "实施农田建设规划，加大投入，2021年建设2000万亩高标准农田。",
                     "二、重点任务")
    assert [(v, u, y) for _, v, u, y, _ in found] == [(2000, "万亩", 2021)]


def test_a_year_before_an_attributive_verb_dates_no_rule(tmp_path: Path) -> None:
    found = _targets(tmp_path,
                     "对担保机构2023年新增的小微企业担保业务，按业务发生额的0.5%给予补助。")
    assert found == []


def test_kaituo_counts_what_it_opens_up(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2025年，打造百家领军企业，开拓百项典型应用场景。")
    assert [(v, u) for _, v, u, _, _ in found] == [(100, "家"), (100, "项")]


def test_a_breadcrumb_continued_on_quoted_link_lines_is_no_title(tmp_path: Path) -> None:
    text = (
        "[首页](https://www.example.gov.cn/ \"首页\")\n"
        "> [政务公开](https://www.example.gov.cn/zwgk/ \"政务公开\")\n"
        "> [按主题](https://www.example.gov.cn/zt/ \"按主题\")\n\n"
        "## 某市关于推进家电以旧换新工作实施方案\n\n"
        "为推进家电以旧换新，特制定本方案。\n\n一、主要目标\n\n到2025年，回收废旧家电10万台。\n"
    )
    assert _meta(tmp_path, text).title == "某市关于推进家电以旧换新工作实施方案"


def test_a_trail_of_columns_and_an_id_line_are_no_title(tmp_path: Path) -> None:
    text = (
        "当前位置： [首页](https://www.example.gov.cn/ \"首页\")/\n"
        "[重大决策](https://www.example.gov.cn/a \"重大决策\")/ [决策草案](https://www.example.gov.cn/b"
        " \"决策草案\")/草案全文\n\n"
        "a5c767fc-4019-480f-a9b9-9b44dc409501005005\n\n"
        "# 某区推进能源发展行动方案（2026-2030年）（草案）\n\n"
        "- 成文日期：2026-03-13\n\n为推进能源发展，特制定本行动方案。\n"
    )
    meta = _meta(tmp_path, text)
    assert (meta.title, meta.draft) == ("某区推进能源发展行动方案（2026-2030年）", True)


def test_markup_inside_a_table_cell_is_not_its_text(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text("| 序号 | 领域 | 项目名称 |\n| --- | --- | --- |\n"
                    "| 1 | **电力方面** | 某某110kV输变电工程 |\n", encoding="utf-8")
    rows = next(b for b in read_document(path).blocks if b.kind == "table").rows
    assert rows[1][1] == "电力方面"


def test_a_change_against_a_base_year_is_a_goal_not_the_past(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2027年，主要目标如下；废旧手机回收量较2023年增长40%，"
                               "二手车交易量比2023年增长25%。", "二、重点任务")
    assert [(v, u) for _, v, u, _, _ in found] == [(40, "%"), (25, "%")]


def test_a_forecast_runs_on_past_its_semicolon(tmp_path: Path) -> None:
    found = _targets(tmp_path, "预计“十五五”期间，算力领域新增用电负荷12万千瓦；"
                               "新增用电量6亿千瓦时，占新增用电量20%。到2030年，建成充电桩5000个。",
                     "二、发展形势")
    assert [(v, u) for _, v, u, _, _ in found] == [(5000, "个")]


def test_a_ratio_each_unit_keeps_and_a_reward_step_are_rules(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2025年，单位内部停车场按不低于20%的车位比例建设充电设施，"
                               "零售额增量每达500万元，给予3万元奖励，建成充电桩8000个。")
    assert [(v, u) for _, v, u, _, _ in found] == [(8000, "个")]


def test_a_ratio_to_one_named_by_its_bi(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2025年，车桩比力争达到1.8:1，会议于8:30开始。")
    assert [(s, v, u) for s, v, u, _, _ in found] == [("车桩比", 1.8, ":1")]


def test_rooms_for_two_or_three_persons_are_no_count(tmp_path: Path) -> None:
    found = _targets(tmp_path, "到2027年，二级公立医院2人间和3人间病房占比达到70%以上。")
    assert [(s, v) for s, v, _, _, _ in found] == [("二级公立医院2人间和3人间病房占比", 70)]
