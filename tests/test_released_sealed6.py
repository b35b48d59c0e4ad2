"""Rules learnt from sealed set 6 once it was scored and released (issue 7): synthetic documents
in the layout of the pages (one cell per paragraph), one rule each, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.targets_parse import parse_sentence
from planwatch.model.plan import Plan

FRONT = """---
标题: 关于印发《某区生活垃圾分类工作方案》的通知
文号: 某府办发〔2019〕3号
发布单位: 上海市某区人民政府办公室
发布日期: 2019-03-02
---

某区生活垃圾分类工作方案

"""


def _page(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def _plan(tmp_path: Path, body: str) -> Plan:
    return _page(tmp_path, FRONT + body)


def test_a_task_name_merged_over_several_numbered_rows_is_their_section(tmp_path: Path) -> None:
    cells = ["序号", "任务名称", "任务内容", "牵头部门", "配合部门", "时间节点",
             "1", "加强组织领导", "召开全区动员大会。建立联席会议制度。", "区政府办公室",
             "各成员单位", "2019年3月",
             "2", "纳入专项督查和绩效评价指标体系。", "区委组织部", "区绿化市容局", "2019年",
             "3", "建立健全分级责任体系。", "区政府办公室", "各街镇（园区）", "2019年6月",
             "4", "推进全面覆盖", "深入开展达标创建活动。", "各街镇（园区）", "区绿化市容局、",
             "区农业农村委", "2019年",
             "5", "党政机关、公共机构垃圾分类完成全覆盖。", "区机管局", "区绿化市容局",
             "区党政机关、公共机构", "2019年9月"]
    plan = _plan(tmp_path, "附件1\n\n某区工作任务清单\n\n" + "\n\n".join(cells) + "\n")
    assert [(t.number, t.section, t.title, t.lead, t.support, t.deadline) for t in plan.tasks] == [
        (1, "加强组织领导", "召开全区动员大会", ["区政府办公室"], ["各成员单位"], "2019年3月"),
        (2, "加强组织领导", "纳入专项督查和绩效评价指标体系", ["区委组织部"], ["区绿化市容局"],
         "2019年"),
        (3, "加强组织领导", "建立健全分级责任体系", ["区政府办公室"], ["各街镇（园区）"],
         "2019年6月"),
        (4, "推进全面覆盖", "深入开展达标创建活动", ["各街镇（园区）"],
         ["区绿化市容局", "区农业农村委"], "2019年"),
        (5, "推进全面覆盖", "党政机关、公共机构垃圾分类完成全覆盖", ["区机管局"],
         ["区绿化市容局", "区党政机关", "公共机构"], "2019年9月")]


def test_the_shares_of_an_allotment_annex_are_not_the_documents_targets(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "一、工作目标\n\n到2019年底，全区创建达标小区518个。\n\n附件2\n\n"
                 "2019年街镇（园区）生活垃圾分类目标任务  分解表\n\n街镇、园区\n\n目标任务\n\n"
                 "甲镇\n\n"
                 "创建达标累计61个小区，“两网融合”服务点累计79个。\n\n乙镇\n\n"
                 "创建达标累计86个小区，“两网融合”服务点累计112个。\n")
    assert [t.value for t in plan.targets] == [518]


def test_a_window_inside_the_sentence_dates_it(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "一、主要任务\n\n（四）开展慢行交通建设。全力实施品质提升工程，"
                 "2019年-2020年累计完成慢行交通品质提升项目240项。\n")
    assert [(t.value, t.year) for t in plan.targets] == [(240, 2020)]


def test_places_named_and_counted_are_part_of_the_subject() -> None:
    cands = parse_sentence("到2028年，广告业营收超过4500亿元，甲区、乙区、丙区等3个集聚区合计营收"
                           "占全市比重达到50%。")[0]
    assert cands[-1].subject == "甲区、乙区、丙区等3个集聚区合计营收占全市比重"
    assert cands[-1].value == 50


def test_a_coverage_to_bring_about() -> None:
    cands = parse_sentence("建设完善接处警系统，推动专职消防队可视化运管平台模式100%全覆盖，"
                           "建立联勤联训机制。")[0]
    assert [(c.value, c.unit) for c in cands] == [(100, "%")]
    assert parse_sentence("专职消防队可视化运管平台模式100%全覆盖。")[0] == []


def test_a_task_table_numbered_inside_its_group_and_task_cells(tmp_path: Path) -> None:
    cells = ["类别", "项目", "主要任务", "牵头单位", "配合单位",
             "一、做好政策保障",
             "1.做好规划配套", "将综合治理建设工作与专项规划同步实施。", "区消防救援支队",
             "区应急局、区公安分局",
             "2.完善规章标准", "细化消防安全委员会的职责任务。", "区消防救援支队", "各街道",
             "贯彻执行重点检查事项指引。", "区消防救援支队", "各街道",
             "二、推进基层组织建设",
             "3.实化运行消防\n安全委员会", "年底前，各街道成立消防安全委员会。",
             "区委编办、\n各街道", "区消防救援支队"]
    plan = _plan(tmp_path, "附件：\n\n某区消防综合治理重点任务清单\n\n" + "\n\n".join(cells) + "\n")
    assert [(t.number, t.section, t.title, t.lead, t.support) for t in plan.tasks] == [
        (1, "做好政策保障", "做好规划配套", ["区消防救援支队"], ["区应急局", "区公安分局"]),
        (2, "做好政策保障", "完善规章标准", ["区消防救援支队"], ["各街道"]),
        (3, "推进基层组织建设", "实化运行消防安全委员会", ["区委编办", "各街道"],
         ["区消防救援支队"])]


def test_shares_of_other_places_are_other_targets(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "二、重点行动\n\n1.发展广告业。到2028年，甲区、乙区、丙区等3个集聚区"
                 "合计营收占全市比重达到60%。\n\n2.发展会展业。到2028年，甲区、丁区、戊区等3个"
                 "集聚区合计营收占全市比重达到60%。\n")
    assert len(plan.targets) == 2


def test_what_a_plan_costs_is_not_a_target() -> None:
    from planwatch.extract.commitment import Statement, classify

    sentence = "到2025年，规划建设共需经费约5400万元。"
    at = sentence.index("5400")
    verdict = classify(Statement(sentence, at, at + 6, "万元", "~", "implementation_opinion",
                                 False, True, True))
    assert (verdict.label, verdict.reason) == ("other", "budget-allocation")


def test_notices_that_revise_or_pass_on_a_document_are_titled_by_it(tmp_path: Path) -> None:
    for verb in ("关于修订", "上海市某区人民政府关于批转区文化局"):
        meta = _page(tmp_path, f"---\n标题: {verb}《某区加强文物保护工作的实施意见》的通知\n"
                     "---\n\n各有关单位：\n\n现将实施意见转发给你们。\n").meta
        assert (meta.title, meta.doc_type) == ("某区加强文物保护工作的实施意见",
                                               "implementation_opinion"), verb


def test_a_decree_number_in_brackets_dates_the_rules(tmp_path: Path) -> None:
    plan = _page(tmp_path, "---\n标题: 某市景观照明管理办法\n发布日期: -\n---\n\n"
                 "# 某市景观照明管理办法\n\n"
                 "（2019年11月21日某市人民政府令第25号公布　自2020年1月1日起施行）\n\n"
                 "第一条（目的和依据）\n\n为了规范本市景观照明管理，制定本办法。\n")
    assert plan.meta.issued == "2019-11-21"


def test_same_reading_targets_of_different_measures_name_their_measure(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "二、主要任务\n\n4.全面建成开放甲、乙楔形绿地。加快推进建设，确保"
                 "“十四五”期间全面建成开放，新增绿地面积300公顷以上。\n\n"
                 "5.加快推进丙、丁楔形绿地建设。“十四五”期间，新增绿地面积400公顷以上。\n")
    assert [t.subject for t in plan.targets] == ["新增绿地面积（甲、乙楔形绿地）",
                                                "新增绿地面积（丙、丁楔形绿地建设）"]


def test_a_shared_measure_printed_once_in_a_list() -> None:
    found = [(c.subject, c.value) for c in parse_sentence(
        "农村公路列养率保持100%，县道和乡村道年均养护工程比例分别不低于13%和8%。", framed=True)[0]]
    assert found == [("农村公路列养率", 100), ("县道年均养护工程比例", 13),
                     ("乡村道年均养护工程比例", 8)]


def test_points_in_brackets_belong_to_their_measure(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "四、主要任务\n\n（一）完善管理养护体制\n\n2.落实属地主体责任\n\n"
                 "各街镇是本辖区乡村道管理养护工作的责任主体。\n\n(1)主要负责养护资金落实\n\n"
                 "(2)充分发挥镇级管理站作用\n\n(责任单位：区交通委、各街镇)\n\n"
                 "3.全面推行路长制\n\n设立区、镇、村三级路长组织体系。\n\n(责任部门：区交通委)\n")
    assert [(t.number, t.title, t.lead) for t in plan.tasks] == [
        (2, "落实属地主体责任", ["区交通委", "各街镇"]), (3, "全面推行路长制", ["区交通委"])]


def test_a_time_label_in_a_note_is_the_deadline() -> None:
    from planwatch.extract.departments import parse_note

    res = parse_note("责任单位：市交通委、市公安局；时间节点：2025年3月")
    assert (res.lead, res.deadline) == (["市交通委", "市公安局"], "2025年3月")


def test_a_schedule_of_dated_steps_ends_the_period(tmp_path: Path) -> None:
    meta = _page(tmp_path, "---\n标题: 关于印发《某事一件事实施方案》的通知\n---\n\n"
                 "各有关单位：\n\n某市交通委员会\n\n2025年4月1日\n\n某事一件事实施方案\n\n"
                 "三、实施步骤\n\n（一）部署实施阶段（2025年3月）\n\n完成系统部署。\n\n"
                 "（二）正式运行阶段（2025年5月）\n\n2025年5月底完成全部上线。\n").meta
    assert (meta.period_start, meta.period_end) == (2025, 2025)
