"""What released set 14 taught (energy-policy pages and 平潭 pages): list items joined by a word
that holds 及 (普及率), spans of years before a verb, units of energy per distance, task tables
whose group cells were merged away, items numbered past 60 in a flattened page, notes where
负责 / 组织实施 name co-leads, portal page frames. Synthetic text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.actions import extract_file
from planwatch.extract.departments import parse_note
from planwatch.extract.targets_parse import parse_sentence
from planwatch.parse.unflatten import unflatten


def test_a_word_holding_ji_is_one_item_of_a_respective_list() -> None:
    got = [(c.subject, c.value) for c in parse_sentence(
        "全县规模以上企业数字化工具普及率、关键工序数控化率分别超过85%、70%，")[0]]
    assert got == [("规模以上企业数字化工具普及率", 85), ("关键工序数控化率", 70)]


def test_a_span_of_years_before_the_verb_is_not_the_subject() -> None:
    got = [(c.subject, c.value) for c in parse_sentence(
        "每年推动500家以上企业开展技术改造，3年内推动2000家以上企业实施智能化改造。")[0]]
    assert got == [("推动企业开展技术改造", 500), ("推动企业实施智能化改造", 2000)]


def _plan(tmp_path: Path, text: str, suffix: str = ".txt") -> Path:
    path = tmp_path / f"plan{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_energy_use_per_distance_is_a_unit(tmp_path: Path) -> None:
    text = ("某省氢能产业发展规划（2024—2030年）\n\n二、发展目标\n\n"
            "到2027年，全省氢能产业创新能力明显增强。燃料电池汽车百公里氢耗降至0.9千克，"
            "纯电动乘用车新车平均电耗降至11.5千瓦时/百公里。\n")
    got = [(t.value, t.unit, t.year) for t in extract_file(_plan(tmp_path, text)).targets]
    assert (11.5, "千瓦时/百公里", 2027) in got


TASK_TABLE = """# 某市推动设备更新实施方案

附件

2025年某市推动设备更新任务清单

| 序号 | 领域 | 2025年推进任务 | 牵头责任部门 |
| --- | --- | --- | --- |
| 一、实施设备更新行动 |
| 1 | 工业 | 组织实施技术改造项目800个以上。 | 市工信局 |
| 2 | 新建12家绿色工厂和3个绿色园区。 | 市工信局、市发改委 |
| 3 | 医疗 | 更新医疗相关设备5000台（套）左右。 | 市卫生健康委 |
"""


def test_a_task_row_whose_group_cell_was_merged_away_is_read(tmp_path: Path) -> None:
    plan = extract_file(_plan(tmp_path, TASK_TABLE, ".md"))
    got = {(t.value, t.unit, t.year) for t in plan.targets}
    assert {(800, "个", 2025), (12, "家", 2025), (3, "个", 2025), (5000, "台（套）", 2025)} <= got


def test_items_numbered_past_sixty_in_a_flattened_page_are_cut() -> None:
    body = "".join(f"{n}.加强第{n}项道路交通安全工作，落实各项管理制度和保障措施。（区交通局负责） "
                   for n in range(1, 72))
    parts = unflatten("一、总体要求 " + body)
    assert [p.split(".")[0] for p in parts if p[:1].isdigit()] == [str(n) for n in range(1, 72)]


@pytest.mark.parametrize(("note", "lead", "support", "shared"), [
    ("各级人民政府负责，公安、交通等部门组织实施", ["各级人民政府", "公安", "交通"], [], True),
    ("区交通局负责，区发展局、区安监局组织实施，公安部门配合",
     ["区交通局", "区发展局", "区安监局"], ["公安部门"], True),
    ("区发展局牵头，区安监局负责，区住建局、公安局配合",
     ["区发展局", "区安监局"], ["区住建局", "公安局"], False),
    ("各级人民政府牵头，文明办、公安等部门分工组织实施", ["各级人民政府"], ["文明办", "公安"],
     False),
    ("县质监、工商分工负责牵头，经贸部门配合", ["县质监", "工商"], ["经贸部门"], False),
    ("市交通委牵头负责、各区政府组织落实", ["市交通委"], ["各区政府"], False),
    ("省科技厅牵头，省教育厅配合，各设区市政府落实", ["省科技厅"], ["省教育厅", "各设区市政府"],
     False),
    ("各级人民政府负责，各级道安办、区安办分工落实，监察部门配合",
     ["各级人民政府", "各级道安办", "区安办"], ["监察部门"], True),
])
def test_who_answers_for_a_measure(note: str, lead: list[str], support: list[str],
                                   shared: bool) -> None:
    res = parse_note(note)
    assert (res.lead, res.support, res.shared) == (lead, support, shared)


PAGE = """您好！欢迎浏览某省能源局官方网站！

- [要闻动态](https://example.gov.cn/news/)
- [政策解读](https://example.gov.cn/jd/ "政策解读")
- [政务公开](https://example.gov.cn/gk/)

当前位置：

[首页](https://example.gov.cn/index.htm "首页") \\> [政策资讯](https://example.gov.cn/zc/) \\> [省级政策](https://example.gov.cn/sj/)

某省2027年储能高质量发展行动方案

发布日期：2027-03-15 09:30

一、主要目标

2027年，全省新型储能装机达到800万千瓦，新增抽水蓄能装机120万千瓦。
"""


def test_a_portal_page_frame_gives_neither_title_nor_period(tmp_path: Path) -> None:
    meta = extract_file(_plan(tmp_path, PAGE, ".md")).meta
    assert meta.title == "某省2027年储能高质量发展行动方案"
    assert (meta.period_start, meta.period_end) == (2027, 2027)
    assert str(meta.issued) == "2027-03-15"


def test_projects_already_approved_that_are_pushed_do_not_make_the_sentence_past(
        tmp_path: Path) -> None:
    text = ("某省2027年能源工作要点\n\n一、加快电源建设\n\n"
            "推动已核准风电项目加快建设，全年建成风电装机150万千瓦以上、"
            "新增变电容量300万千伏安。\n")
    got = [(t.value, t.unit) for t in extract_file(_plan(tmp_path, text)).targets]
    assert got == [(150, "万千瓦"), (300, "万千伏安")]


def test_a_layout_plan_counts_what_it_lays_out() -> None:
    got = [(c.subject, c.value) for c in parse_sentence(
        "全市共布局96个公共充电站，其中高速公路服务区12个。")[0]]
    assert got[0] == ("布局公共充电站", 96)


def test_the_place_a_title_names_after_guanyu_is_the_region(tmp_path: Path) -> None:
    text = ("关于加快推进平潭综合实验区重点项目建设的实施意见\n\n"
            "为加快推进项目建设，支持对台合作，服务台湾同胞，提出如下意见。\n\n"
            "一、工作目标\n\n2015年力争完成投资300亿元。\n")
    meta = extract_file(_plan(tmp_path, text)).meta
    assert (meta.region, meta.province) == ("平潭综合实验区", "福建省")


def test_a_count_keeps_the_other_measure_words_it_is_made_of() -> None:
    got = [(c.value, c.unit, c.comparator) for c in parse_sentence(
        "筹措保障性租赁住房超过6万套（间、宿舍床位），更新替代50台（套）以上老旧设备。")[0]]
    assert got == [(60000, "套（间、宿舍床位）", ">="), (50, "台（套）", ">=")]


def test_items_of_a_respective_share_are_each_a_share() -> None:
    got = [(c.subject, c.value) for c in parse_sentence(
        "到2027年，全市高端装备、生物医药分别占全市工业比重达到18%、12%。")[0]]
    assert got == [("高端装备占全市工业比重", 18), ("生物医药占全市工业比重", 12)]
