"""Pages scraped with their whole body on one line (released set 12): paragraphs cut back at
spaces and at numbering marks that continue a sequence, the crawler's header read as front matter,
the page's frame (share buttons, document number, signature date) cut off the text; functional
zones (平潭综合实验区, 临港新片区) as jurisdictions; a rule's latest revision as its date.
Synthetic text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.catalog.regions import lookup, zone
from planwatch.extract.meta_dates import find_issued
from planwatch.model.plan import Plan
from planwatch.parse.unflatten import LONG_LINE, unflatten

HEADER = """标题: 某某综合实验区管委会办公室关于进一步加强电梯安全工作的实施意见
发布时间: 2019-03-16 16:38
文号:
发布机构: 平潭综合实验区管委会办公室
栏目: 区管委会办公室文件
==================== 正文 ====================
"""

MEASURE = ("落实房屋建设有关单位责任，督促其对电梯依附设施的设置和土建质量负责，"
           "保证新建房屋电梯选型和配置符合或高于国家相关标准规范要求，提高电梯产品质量水平。")


def _body() -> str:
    parts = ["当前位置： 首页政务公开最新文件 时间：2019-03-16 16:38 微信 微博 QQ空间",
             # the document number run into the notice's title
             "岚综管办〔2019〕12号平潭综合实验区管委会办公室关于进一步加强电梯安全工作的"
             "实施意见",
             "区直有关单位，各乡镇人民政府：",
             "为保障人民群众乘用安全，现就进一步加强电梯质量安全工作提出如下意见。",
             "一、健全电梯质量安全管理机制"]
    for k, name in enumerate(["严格电梯选型配置标准", "加强电梯安全使用管理", "加强三无电梯管控",
                              "加快推进老旧电梯更新改造"], start=1):
        note = "（责任单位：区交通与建设局、区市场监督管理局）" if k % 2 else \
            "（责任单位：区市场监督管理局，各乡镇人民政府）"
        mark = "一二三四"[k - 1]
        parts.append(f"（{mark}）{name}。{MEASURE * 4}{note}")
    parts.append("二、保障措施（一）加强组织领导1.明确工作职责。到2020年，全区电梯维保质量抽查"
                 "覆盖率达到100%。2.强化督查考核。" + MEASURE)
    parts.append("平潭综合实验区管委会办公室 2019年3月15日 "
                 "来源：平潭综合实验区管委会办公室 附件下载")
    return " ".join(parts)


def _plan(tmp_path: Path) -> Plan:
    path = tmp_path / "page.txt"
    body = _body()
    assert len(body) > LONG_LINE
    path.write_text(HEADER + body + "\n", encoding="utf-8")
    return extract_file(path)


def test_a_flattened_page_is_cut_back_into_its_paragraphs() -> None:
    paras = unflatten(_body())
    assert "一、健全电梯质量安全管理机制" in paras
    assert any(p.startswith("（二）加强电梯安全使用管理。") and p.endswith("各乡镇人民政府）")
               for p in paras)
    assert "（一）加强组织领导" in paras  # a section mark glued to the chapter heading before it
    assert any(p.startswith("2.强化督查考核。") for p in paras)  # an item glued to a sentence
    assert "岚综管办〔2019〕12号" in paras
    assert "平潭综合实验区管委会办公室 2019年3月15日" in paras  # the signature on its own
    assert paras[-1] == "附件下载"


def test_no_cut_inside_a_word_or_a_number() -> None:
    text = "坚持统一、规范的原则，研发投入强度达到2.5%，" * 80
    assert unflatten(text) == [text]


def test_the_measures_of_a_flattened_page_are_tasks(tmp_path: Path) -> None:
    tasks = {t.number: t for t in _plan(tmp_path).tasks}
    assert sorted(tasks) == [1, 2, 3, 4]
    assert tasks[1].title == "严格电梯选型配置标准"
    assert tasks[2].lead == ["区市场监督管理局", "各乡镇人民政府"]


def test_the_crawlers_header_and_the_zone(tmp_path: Path) -> None:
    meta = _plan(tmp_path).meta
    assert (meta.region, meta.region_level, meta.province) == ("平潭综合实验区", "city", "福建省")
    assert meta.doc_number == "岚综管办〔2019〕12号"
    assert meta.issued == "2019-03-15"


def test_functional_zones_and_their_aliases() -> None:
    found = zone("中国（上海）自由贸易试验区临港新片区")
    assert found is not None and (found.name, found.level, found.parent) == (
        "临港新片区", "district", "上海市")
    assert lookup("平潭县")[0].level == "county"  # the county stays a county
    assert zone("某某新区") is None  # an unknown zone stays unknown


def test_a_rule_amended_and_revised_is_dated_by_its_latest_text() -> None:
    line = ("1986年7月8日北京市第八届人民代表大会常务委员会第二十九次会议通过"
            "1993年11月26日北京市第十届人民代表大会常务委员会第七次会议修正"
            "2008年11月21日北京市第十三届人民代表大会常务委员会第七次会议修订")
    assert find_issued([line]) == "2008-11-21"


def test_notes_run_together_on_a_flattened_page() -> None:
    from planwatch.extract.departments import parse_note

    glued = parse_note("完成期限：2021年5月25日前牵头单位：区办公室责任单位："
                       "各片区管理局（乡、镇、街），区社会事业局")
    assert (glued.lead, glued.support, glued.deadline) == (
        ["区办公室"], ["各片区管理局（乡、镇、街）", "区社会事业局"], "2021年5月25日前")
    # a rider after ； drops only its own clause
    rider = parse_note("区资源生态局牵头负责;各片区负责配合落实，以下均需各片区配合落实，不再列出")
    assert (rider.lead, rider.support) == (["区资源生态局"], ["各片区"])
    assert parse_note("区社会事业局，各乡镇党委和人民政府").lead == [
        "区社会事业局", "各乡镇党委和人民政府"]
    assert parse_note("区农发局、平潭海关）").lead == ["区农发局", "平潭海关"]


def test_items_with_a_space_and_points_in_brackets_are_cut_too() -> None:
    line = ("（一）经营指标提升1.明确年度经营目标。" + "着力推进政企分开，" * 170
            + "（二）体制机制提升2. 厘清政企关系。提升管理水平。"
            + "3.完善治理结构（1）全面推行用工市场化。扭住能进能出这个关键。（2）全面推行任期制。")
    paras = unflatten(line)
    assert paras[:2] == ["（一）经营指标提升", paras[1]] and paras[1].startswith("1.明确")
    assert paras[2:] == ["（二）体制机制提升", "2. 厘清政企关系。提升管理水平。", "3.完善治理结构",
                         "（1）全面推行用工市场化。扭住能进能出这个关键。", "（2）全面推行任期制。"]


def test_the_portals_footer_is_not_joined_to_the_last_note(tmp_path: Path) -> None:
    from planwatch.parse import read_document

    path = tmp_path / "page.txt"
    path.write_text("工作方案\n\n一、主要任务\n\n（一）加强组织领导。加强统筹协调。责任单位：区国资局，各区属国企\n"
                    "来源：平潭综合实验区管委会办公室\n附件下载\n", encoding="utf-8")
    note = next(b.text for b in read_document(path).blocks if "责任单位" in b.text)
    assert note.endswith("各区属国企")


def test_an_indicator_table_whose_cells_run_together_is_reported_not_guessed(
        tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某区“十四五”残疾人保障和发展规划\n\n二、主要目标\n\n到2025年，残疾人生活品质得到新改善。"
                    "专栏1“十四五”残疾人保障和发展主要指标类别序号指标名称单位2021年2022年2023年属性"
                    "收入和就业1残疾人家庭人均收入年均增速%6.36.36.3预期性2城乡残疾人技能培训人数"
                    "人/年115115115预期性\n", encoding="utf-8")
    plan = extract_file(path)
    assert plan.indicators == []
    found = [f for f in plan.findings if f.code == "indicator-table-unreadable"]
    assert [f.params["caption"] for f in found] == ["专栏1“十四五”残疾人保障和发展主要指标"]


def test_points_that_carry_their_own_notes_are_the_tasks(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("食品放心工程工作方案\n\n二、目标任务\n\n（一）种植养殖环节\n\n1.加强产地环境保护\n\n"
                    "（1）做好产地环境基础工作。严格落实产地环境监测制度。（责任单位：区环土局、农发局）\n\n"
                    "（2）开展专项治理。实施土壤污染防治专项行动。（责任单位：区农发局）\n\n"
                    "2.推进农业标准化生产\n\n（1）加强示范园区建设。建设标准化基地。（责任单位：区农发局）\n\n"
                    "（2）加快农产品品牌培育。培育知名品牌。（责任单位：区农发局、市场监管局）\n",
                    encoding="utf-8")
    got = [(t.number, t.section, t.title, t.lead) for t in extract_file(path).tasks]
    assert got == [(1, "加强产地环境保护", "做好产地环境基础工作", ["区环土局", "农发局"]),
                   (2, "加强产地环境保护", "开展专项治理", ["区农发局"]),
                   (1, "推进农业标准化生产", "加强示范园区建设", ["区农发局"]),
                   (2, "推进农业标准化生产", "加快农产品品牌培育", ["区农发局", "市场监管局"])]


def test_a_labelled_note_ends_with_its_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("土壤污染防治工作方案\n\n二、主要任务\n\n1.强化畜禽养殖污染防治\n\n"
                    "明确畜禽养殖空间布局。到2020年，配套建设废弃物处理设施比例达到75%以上。"
                    "责任单位：区农村发展局牵头，区环境与国土资源局等参与\n\n"
                    "鼓励农民增施有机肥，减少化肥使用量，推广秸秆还田。\n", encoding="utf-8")
    task = extract_file(path).tasks[0]
    assert (task.lead, task.support) == (["区农村发展局"], ["区环境与国土资源局"])


def test_a_standard_heading_glued_to_its_text_stands_apart() -> None:
    line = ("一、编制背景“十三五”时期，全区残疾人工作取得显著成效，新增残疾人就业508人。"
            + "加强残疾人服务。" * 200 + "二、总体要求 （一）指导思想高举旗帜，深入贯彻。"
            "（二）主要目标到2025年，残疾人收入差距缩小。")
    paras = unflatten(line)
    assert paras[:2] == ["一、编制背景", paras[1]] and paras[1].startswith("“十三五”时期")
    assert paras[-4:] == ["（一）指导思想", "高举旗帜，深入贯彻。", "（二）主要目标",
                          "到2025年，残疾人收入差距缩小。"]


def test_a_plans_background_states_past_results_not_targets(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某区“十四五”残疾人保障和发展规划\n\n一、编制背景\n\n“十三五”时期，全区城乡新增残疾人"
                    "就业508人，困难残疾人生活补贴目标人群覆盖率达98.2%。\n\n二、主要目标\n\n到2025年，"
                    "残疾人基本康复服务覆盖率达到90%以上。\n", encoding="utf-8")
    assert [t.value for t in extract_file(path).targets] == [90]
