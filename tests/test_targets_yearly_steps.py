"""A plan's year-by-year steps (released set 12): each clause opening with its year dates the
numbers in it; the share of a class that is to act (20%的乡镇按标准完成…) is a target. Synthetic
text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.targets_parse import parse_sentence

PLAN = """某区“十四五”消防救援事业发展专项规划

三、主要任务

（一）发展多元消防力量。推进乡镇消防队建设，2021年，全区20%的乡镇按标准完成乡镇消防队达标建设；\
2022年，上述比例达40%；2023年，完成平台建设，智能预警装置安装率达80%；2024年，上述比例达到100%。
"""


def test_each_clause_is_dated_by_the_year_it_opens_with(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    got = [(t.value, t.year) for t in extract_file(path).targets]
    assert got == [(20, 2021), (40, 2022), (80, 2023), (100, 2024)]


def test_a_year_before_the_period_is_not_a_step(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.replace("2021年，全区", "2020年，全区"), encoding="utf-8")
    assert (20, 2020) not in [(t.value, t.year) for t in extract_file(path).targets]


def test_shares_of_classes_that_are_to_act_each_keep_their_own_subject() -> None:
    got = [(c.subject, c.value) for c in parse_sentence(
        "全区20%的乡镇按标准完成乡镇消防队达标建设，25%的行政村按标准设置微型消防站；")[0]]
    assert got == [("乡镇按标准完成乡镇消防队达标建设的比例", 20),
                   ("行政村按标准设置微型消防站的比例", 25)]


def test_a_year_after_a_label_dates_the_clause(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某区休闲海钓示范基地建设工作方案（2016—2018年）\n\n一、建设目标\n\n"
                    "年度目标：2016年，在全区范围启动1个示范基地建设，初步建成1个并投入运营。\n",
                    encoding="utf-8")
    assert [(t.value, t.year) for t in extract_file(path).targets][:1] == [(1, 2016)]


def test_the_shares_named_before_reach_the_values_of_a_later_step(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.split("（一）")[0] + "（一）发展多元消防力量。2021年，全区20%的乡镇"
                    "按标准完成乡镇消防队达标建设，25%的行政村按标准设置微型消防站；2022年，上述比例"
                    "达40%、45%；2023年，上述比例分别达80%、65%。\n", encoding="utf-8")
    got = [(t.subject, t.value, t.year) for t in extract_file(path).targets]
    towns, villages = "乡镇按标准完成乡镇消防队达标建设的比例", "行政村按标准设置微型消防站的比例"
    assert got == [(towns, 20, 2021), (villages, 25, 2021), (towns, 40, 2022),
                   (villages, 45, 2022), (towns, 80, 2023), (villages, 65, 2023)]


def test_a_back_reference_with_more_values_than_shares_is_left_alone() -> None:
    from planwatch.extract.targets_parse import spread_back

    cands, unparsed = parse_sentence("2022年，上述比例达40%、45%、50%；")
    assert spread_back("2022年，上述比例达40%、45%、50%；", cands, unparsed,
                       ["甲比例", "乙比例"]) == cands


def test_the_year_opening_an_item_dates_its_other_clauses(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某区环卫设施建设两年行动实施方案（2015—2016年）\n\n二、工作目标\n\n"
                    "（一）2015年，建设10座垃圾转运站；建设40座城市一类以上公厕；改造79座二类公厕。\n\n"
                    "（二）2016年，建设7座垃圾转运站；改造20座二类公厕。\n", encoding="utf-8")
    got = [(t.value, t.year) for t in extract_file(path).targets]
    assert got == [(10, 2015), (40, 2015), (79, 2015), (7, 2016), (20, 2016)]


def test_a_background_section_tells_what_happened(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("《某省科技孵化育成体系高质量发展专项行动计划（2021-2025年）》政策解读\n\n一、制定背景\n\n"
                    "2021年，国务院常务会议提出要纵深推进大众创业万众创新；在活动周上再次强调，并从"
                    "优化环境等六个方面提出了要求。\n", encoding="utf-8")
    assert extract_file(path).targets == []


def test_each_listed_class_shares_what_the_last_is_to_do() -> None:
    got = [(c.subject, c.value) for c in parse_sentence(
        "2023年，20%的社区卫生服务中心、35%的乡镇卫生院、50%的村卫生室常态化开展健康宣教；")[0]]
    assert got == [("社区卫生服务中心常态化开展健康宣教的比例", 20),
                   ("乡镇卫生院常态化开展健康宣教的比例", 35),
                   ("村卫生室常态化开展健康宣教的比例", 50)]


def test_all_the_shares_named_before_take_one_value(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某区“十四五”健康宣传专项规划\n\n三、主要任务\n\n（一）普及健康知识。"
                    "2022年，在校学生健康知识知晓率达60%，在职人员健康知识知晓率达50%；"
                    "2024年，上述比例分别达80%、70%；2025年，上述比例全部达90%。\n",
                    encoding="utf-8")
    got = [(t.subject, t.value, t.year) for t in extract_file(path).targets if t.year == 2025]
    assert got == [("在校学生健康知识知晓率", 90, 2025), ("在职人员健康知识知晓率", 90, 2025)]
