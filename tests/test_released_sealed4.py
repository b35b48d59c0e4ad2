"""Rules learnt from sealed set 4 once released (issue 7): synthetic documents, one rule each
(never a copy of a corpus text), with the guards they need."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.departments import parse_note
from planwatch.extract.targets_parse import parse_sentence


def _tasks(tmp_path: Path, text: str) -> list[tuple[int, str, list[str], list[str], bool]]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [(t.number, t.title, t.lead, t.support, t.shared_responsibility)
            for t in extract_file(path).tasks]


HEAD = "某部关于促进某产业发展的行动方案\n某部\n2017年2月20日\n三、重点任务\n"


def test_a_bracket_of_units_closing_a_measure_is_its_note(tmp_path: Path) -> None:
    text = HEAD + (
        "（一）建设创新中心\n推动企业、高校、科研院所搭建协同攻关、开放共享的创新平台，"
        "引导支持优势资源组建市场化运作的创新中心。（工业和信息化部）\n"
        "（二）实施提升工程\n通过国家科技计划统筹支持研发，加快实现高水平产品装车应用，"
        "大幅度提升产品性能和安全性。（工业和信息化部、科技部）\n"
        "（三）加强国际合作\n积极参与国际标准制定，提升国际合作层次和水平（2021-2025年）\n")
    assert _tasks(tmp_path, text) == [
        (1, "建设创新中心", ["工业和信息化部"], [], False),
        (2, "实施提升工程", ["工业和信息化部", "科技部"], [], True)]


def test_chapter_numbered_measures_with_their_own_notes(tmp_path: Path) -> None:
    text = ("某省人民政府关于推进大众创业万众创新的实施意见\n某省人民政府\n2017年12月1日\n"
            "一、创建成果转移转化示范区。打造科技成果转移转化区域高地，建立全省统一的科技成果"
            "信息公开平台，完善重大科技成果转化数据库。（省科技厅、省财政厅按职责分工负责）\n"
            "二、建设知识产权运营中心。实施重点产业专利导航工程，大力培育知识产权密集型产业，"
            "推动知识产权与产业融合发展。（省知识产权局负责）\n"
            "三、加强组织领导。各地各部门要加强统筹协调，抓好贯彻落实。\n")
    assert [t[:3] for t in _tasks(tmp_path, text)] == [
        (1, "创建成果转移转化示范区", ["省科技厅", "省财政厅"]),
        (2, "建设知识产权运营中心", ["省知识产权局"])]


def test_notes_closing_each_paragraph_of_a_measure_are_joined(tmp_path: Path) -> None:
    text = ("某省关于加强科技伦理治理的实施意见\n某省人民政府办公厅\n2023年5月1日\n"
            "二、加强科技伦理审查\n"
            "（一）完善科技伦理监管。\n"
            "各行业主管部门负责制定完善本领域科技伦理监管框架及制度，督促科技活动单位设立科技"
            "伦理委员会。（省教育厅、科技厅、卫生健康委及相关行业主管部门按职责分工负责，"
            "2023年年底前完成）\n"
            "省级科技计划项目的科技伦理监管须全面覆盖指南编制、项目申报、立项评审等各个环节。"
            "（省科技厅、各地级以上市人民政府按职责分工负责，持续推进）\n")
    [(number, title, lead, support, shared)] = _tasks(tmp_path, text)
    assert (number, title, support, shared) == (1, "完善科技伦理监管", [], True)
    assert lead == ["省教育厅", "科技厅", "卫生健康委", "相关行业主管部门", "各地级以上市人民政府"]


def test_a_group_named_after_etc_is_not_a_unit() -> None:
    note = parse_note("省科技厅、科协、社科联等省科技伦理工作协调机制成员单位，"
                      "各地级以上市人民政府按职责分工负责")
    assert note.lead == ["省科技厅", "科协", "社科联", "各地级以上市人民政府"]


def test_battery_units_and_the_year_of_the_numbers_own_clause() -> None:
    cands, _ = parse_sentence("到2020年，新型动力电池单体比能量超过300瓦时/公斤、"
                              "成本降至1元/瓦时以下。")
    assert [(c.value, c.unit, c.comparator) for c in cands] == [
        (300, "瓦时/公斤", ">="), (1, "元/瓦时", "<=")]


def test_a_later_year_after_a_list_comma_dates_its_item(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(HEAD + "（一）加强新体系电池研究\n"
                    "积极推动固态电池等新体系电池的研究和工程化开发，"
                    "2020年单体电池比能量达到400瓦时/公斤以上、2025年达到500瓦时/公斤。"
                    "（科技部）\n", encoding="utf-8")
    years = {t.value: t.year for t in extract_file(path).targets}
    assert years == {400: 2020, 500: 2025}


def test_two_verbs_joined_by_or_lead_the_subject() -> None:
    cands, _ = parse_sentence("每年举办或参与200场左右展会。")
    assert [(c.subject, c.value, c.comparator) for c in cands] == [("举办或参与展会", 200, "~")]


def test_a_production_capacity_in_a_project_list_is_no_target() -> None:
    """年产1200吨…和10000吨: tonnes name the size of listed projects; only 吨标准煤 (energy use
    per unit of output) is a unit of goals."""
    cands, _ = parse_sentence("重点推进年产1200吨高纯度氮化硅粉体和10000吨特种炭黑生产线技术改造。")
    assert cands == []


def test_notices_that_are_rules() -> None:
    """A tax notice, and a notice in force for a term of its own, are rules documents."""
    from planwatch.extract.meta import classify
    assert classify("财政部国家税务总局关于国家大学科技园税收政策的通知") == "regulation"
    assert classify("某部关于完善研究开发费用税前加计扣除政策的通知") == "regulation"
    assert classify("某厅关于开展科技活动周工作的通知") is None


def test_a_notice_in_force_for_a_term_is_rules(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("某省科学技术厅关于继续开展高层次人才认定工作的通知\n某科规范字〔2022〕3号\n"
                    "各地级以上市科技局：\n经商省公安厅同意，继续沿用该文件。\n"
                    "本通知自2022年5月19日起实施，有效期两年。\n某省科学技术厅\n2022年5月1日\n",
                    encoding="utf-8")
    assert extract_file(path).meta.doc_type == "regulation"


def test_the_period_of_rules_from_their_windows_and_terms(tmp_path: Path) -> None:
    """自2016年1月1日至2018年12月31日，对…免征: the rules' windows; 有效期两年 counts too."""
    from planwatch.extract.meta import find_period
    text = ("自2016年1月1日至2018年12月31日，对符合条件的孵化器免征房产税。"
            "自2016年1月1日至2016年4月30日，对其收入免征营业税。")
    assert find_period("财政部国家税务总局关于科技企业孵化器税收政策的通知", "regulation", text,
                       "2016-08-11", None) == (2016, 2018)
    path = tmp_path / "doc.txt"
    path.write_text("某省科学技术厅关于继续开展高层次人才认定工作的通知\n某科规范字〔2022〕3号\n"
                    "各地级以上市科技局：\n经商省公安厅同意，继续沿用该文件。\n"
                    "本通知自2022年5月19日起实施，有效期两年。\n某省科学技术厅\n2022年5月1日\n",
                    encoding="utf-8")
    meta = extract_file(path).meta
    assert (meta.doc_type, meta.period_start, meta.period_end) == ("regulation", 2022, 2024)


def test_a_part_of_an_explained_series_keeps_its_name() -> None:
    from planwatch.extract.meta import find_title
    lines = ["政策解读：《某省科技创新条例》科研机构篇", "涉机构专项条款及注解：", "1.支持…"]
    assert find_title(lines) == "《某省科技创新条例》科研机构篇"
