"""A 重点任务分工表 laid out one cell per paragraph (how Shanghai's and many other portals' pages
come out as text): its rows are the document's tasks, with lead, support and deadline
(issue 7). Synthetic documents; the layout is the real one (front matter, blank line between
cells)."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file

FRONT = """---
标题: 关于印发《某区推进人工智能产业发展三年行动方案（2025-2027年）》的通知
文号: 某府办发〔2025〕5号
发布单位: 上海市某区人民政府办公室
发布日期: 2025-03-12
---

某区推进人工智能产业发展三年行动方案（2025-2027年）

一、发展目标

到2027年，全区人工智能产业规模达到500亿元。

二、重点任务

（一）建设算力基础设施。推动智算中心建设，提升算力供给能力。

（二）培育创新主体。支持龙头企业发展，培育专精特新企业。

附件

重点任务分工表

"""


def _cells(*rows: tuple[str, ...]) -> str:
    return "\n\n".join(c for row in rows for c in row) + "\n"


def _tasks(tmp_path: Path, text: str) -> list[tuple[int, str, list[str], list[str], str | None]]:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return [(t.number, t.title, t.lead, t.support, t.deadline) for t in extract_file(path).tasks]


def test_a_task_table_one_cell_per_paragraph(tmp_path: Path) -> None:
    text = FRONT + _cells(("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
                          ("1", "建设智算中心", "区经委", "区发展改革委、区科委", "2026年底前"),
                          ("2", "打造应用场景", "区科委", "区经委", "持续推进"))
    assert _tasks(tmp_path, text) == [
        (1, "建设智算中心", ["区经委"], ["区发展改革委", "区科委"], "2026年底前"),
        (2, "打造应用场景", ["区科委"], ["区经委"], "持续推进")]


def test_a_task_table_with_a_measures_column(tmp_path: Path) -> None:
    text = FRONT + _cells(("序号", "重点任务", "工作举措", "责任单位", "完成时间"),
                          ("1", "建设智算中心", "推动智算中心建设，提升算力供给能力", "区经委",
                           "2026年"),
                          ("2", "打造应用场景", "每年发布应用场景清单", "区科委", "2027年"))
    found = _tasks(tmp_path, text)
    assert [(n, lead) for n, _, lead, _, _ in found] == [(1, ["区经委"]), (2, ["区科委"])]
    assert [d for *_, d in found] == ["2026年", "2027年"]


def test_prose_naming_a_lead_department_is_no_table(tmp_path: Path) -> None:
    text = FRONT.replace("附件\n\n重点任务分工表\n\n", "") + (
        "三、保障措施\n\n明确牵头单位\n\n各部门要按照职责分工抓好落实\n\n"
        "加强统筹协调，定期开展评估。\n")
    plan = extract_file(_write(tmp_path, text))
    assert plan.tasks == [] or all(t.lead != ["明确牵头单位"] for t in plan.tasks)
    assert not plan.indicators


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    return path


GROUPED = """---
标题: 某区关于全面加强建筑垃圾管理的实施意见
发布单位: 上海市某区人民政府办公室
发布日期: 2025-06-01
---

某区关于全面加强建筑垃圾管理的实施意见

一、工作任务

各部门按附件分工落实。

附件

任务职责分工表

"""


def test_a_task_table_with_groups_merged_cells_and_a_repeated_header(tmp_path: Path) -> None:
    long_cell = "在项目规划、立项、设计文件中增加工程土方消纳平衡内容，" * 5 \
        + "做到项目内土方自平衡。"
    header = ("序号", "工作任务", "主要工作内容", "牵头单位", "配合单位")
    text = GROUPED + _cells(
        header,
        ("—", "构建产消平衡的处置体系"),
        ("（一）", "推动源头减量", long_cell, "区建设管理委、区规划资源局", "区水务局、区房管局"),
        ("（二）", "落实转运码头建设和备案", "建设转运码头。", "区建设管理委", "——",
         "开展码头备案工作。", "区绿化市容局", "——"),
        ("二", "构建全链条闭环管理体系"),
        ("（一）", "加强备案申报管理", "严格落实处理方案备案制度。", "区绿化市容局",
         "区建设管理委"),
        header,
        ("（二）", "加强源头监管", "落实工地数字化监督管理。", "区城运中心", "区数据局",
         "加强建设工地监督管理。", "区建设管理委", "区数据局、属地街镇"))
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    tasks = [(t.section, t.number, t.title, t.lead, t.support)
             for t in extract_file(path).tasks]
    assert tasks == [
        ("构建产消平衡的处置体系", 1, "推动源头减量", ["区建设管理委", "区规划资源局"],
         ["区水务局", "区房管局"]),
        ("构建产消平衡的处置体系", 2, "落实转运码头建设和备案",
         ["区建设管理委", "区绿化市容局"], []),
        ("构建全链条闭环管理体系", 1, "加强备案申报管理", ["区绿化市容局"], ["区建设管理委"]),
        ("构建全链条闭环管理体系", 2, "加强源头监管", ["区城运中心", "区建设管理委"],
         ["区数据局", "属地街镇"])]


def test_the_text_after_a_task_table_is_kept(tmp_path: Path) -> None:
    text = FRONT + _cells(("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
                          ("1", "建设智算中心", "区经委", "区科委", "2026年底前"),
                          ("2", "打造应用场景", "区科委", "区经委", "持续推进")) + (
        "\n三、保障措施\n\n到2027年，全区培育人工智能企业100家。\n")
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    plan = extract_file(path)
    assert len(plan.tasks) == 2
    assert any(t.value == 100 for t in plan.targets)


BODY_RESTATED = """---
标题: 某市推进光伏在交通领域应用的实施方案
发布日期: 2024-05-10
---

某市推进光伏在交通领域应用的实施方案

一、重点任务

（一）推进示范工程

1.“光伏+地铁”工程。利用车站屋顶建设光伏。（责任单位：市地铁集团）

2.“光伏+公交”工程。利用公交场站建设光伏。（责任单位：市公交集团）

（二）健全推进机制

1.健全运营模式。完善光伏项目开发管理机制。（责任单位：市交通委）

附表1

任务分工表

序号

事项

工作措施

责任单位

推进示范工程

1

“光伏+地铁”工程

利用既有高架车站屋顶建设分布式光伏

市地铁集团

2

新建车站屋顶光伏覆盖面积达到一半以上并同步运营

3

*推进甲路、乙路车辆基地光伏设施建设

4

“光伏+公交”工程

利用公交枢纽首末站建设光伏车棚

市公交集团、各区政府

5

配合储能和充电系统打造光储充一体化公交场站模式

健全推进机制

6

健全运营模式

建立以市场化竞争配置为主的项目开发管理机制

市交通委、市经济信息化委

7

支持第三方新能源企业打包承接交通领域光伏改建项目

市交通委、各项目实施主体

"""


def test_merged_items_and_units_group_rows_and_a_table_restating_the_body(
        tmp_path: Path) -> None:
    """附表 任务分工表: a group heading before the first row and between two rows, a 事项 merged
    down over several numbered rows (a row printing only its number and work takes the 事项
    and the units from the row above), a ``*`` marking projects. Its groups restate the body's
    measures, so its rows are filed under its caption, apart from the body's 1. and 2."""
    plan = extract_file(_write(tmp_path, BODY_RESTATED))
    table = [(t.number, t.title, t.lead) for t in plan.tasks if t.section == "任务分工表"]
    assert table == [
        (1, "利用既有高架车站屋顶建设分布式光伏", ["市地铁集团"]),
        (2, "新建车站屋顶光伏覆盖面积达到一半以上并同步运营", ["市地铁集团"]),
        (3, "推进甲路、乙路车辆基地光伏设施建设", ["市地铁集团"]),
        (4, "利用公交枢纽首末站建设光伏车棚", ["市公交集团", "各区政府"]),
        (5, "配合储能和充电系统打造光储充一体化公交场站模式", ["市公交集团", "各区政府"]),
        (6, "建立以市场化竞争配置为主的项目开发管理机制", ["市交通委", "市经济信息化委"]),
        (7, "支持第三方新能源企业打包承接交通领域光伏改建项目", ["市交通委", "各项目实施主体"])]
    body = [(t.section, t.number, t.title) for t in plan.tasks if t.section != "任务分工表"]
    assert body == [("推进示范工程", 1, "“光伏+地铁”工程"), ("推进示范工程", 2, "“光伏+公交”工程"),
                    ("健全推进机制", 1, "健全运营模式")]


TYPED = """---
标题: 关于印发《某区城市更新行动方案》的通知
发布日期: 2024-03-02
---

某区城市更新行动方案

附件

某区城市更新行动重点任务清单

任务类型

序号

工作任务

推进单位

行动一：再造发展新极行动（综合区域整体焕新行动）

1

推进甲片区规划研究

区规划资源局、区建设管理委

2

推进乙片区规划研究

区规划资源局、区商务委

行动二：重塑美丽新居行动（人居环境品质提升行动）

旧区改造

3

全面完成零星旧里房屋改造

区房管局、各相关街镇

旧住房更新改造

4

推进老旧住房成套改造

5

完成既有多层住宅加装电梯700台

“美丽家园”建设

6

创建20个“美丽家园”特色小区

公共空间优化

7

改建口袋公园9座

区绿化市容局
"""


def test_a_typed_task_list_with_a_promoting_units_column(tmp_path: Path) -> None:
    """任务类型 ‖ 序号 ‖ 工作任务 ‖ 推进单位: the type (merged down its rows) and a 行动 label name
    groups; a row printing only its number and task takes the units merged down from the last
    row that printed them, also past a group heading."""
    plan = extract_file(_write(tmp_path, TYPED))
    assert [(t.number, t.section, t.lead) for t in plan.tasks] == [
        (1, "行动一：再造发展新极行动（综合区域整体焕新行动）", ["区规划资源局", "区建设管理委"]),
        (2, "行动一：再造发展新极行动（综合区域整体焕新行动）", ["区规划资源局", "区商务委"]),
        (3, "旧区改造", ["区房管局", "各相关街镇"]),
        (4, "旧住房更新改造", ["区房管局", "各相关街镇"]),
        (5, "旧住房更新改造", ["区房管局", "各相关街镇"]),
        (6, "“美丽家园”建设", ["区房管局", "各相关街镇"]),
        (7, "公共空间优化", ["区绿化市容局"])]


YEARLY = """---
标题: 关于印发《某市城市交通基础设施建设推进方案》的通知
发布日期: 2024-04-02
---

某市城市交通基础设施建设推进方案

附件

某市城市交通基础设施建设任务分解表

序号

内容

牵头部门

配合部门

2024年工作任务

2025年工作计划

备注

一、科学编制交通规划

1

编制综合交通体系规划

综合规划处

委内各相关处室

1.完善“十五五”规划基本思路。

2.编制都市圈综合交通规划。

1.启动编制“十五五”规划。

2.深化都市圈规划成果。

2

推进快速干线系统建设

综合规划处

—

加快推进轨道交通甲线前期工作。

推进轨道交通四期建设规划编制。

3

交通建设处

设施养护处

有序推进甲路快速路项目建设。

有序推进乙路快速路项目建设。

二、推动设施协同发展

4

建设停车设施

设施运行处

交通建设处

设施养护处

轨道交通处

推进停车设施建设，年内开工建设公共停车位4500个，新增错峰共享停车位1500个。

推进停车设施建设，年内开工建设公共停车位3000个，新增错峰共享停车位1000个。
"""


def test_a_task_table_with_a_column_of_work_per_year(tmp_path: Path) -> None:
    """序号 ‖ 内容 ‖ 牵头部门 ‖ 配合部门 ‖ 2024年工作任务 ‖ 2025年工作计划 ‖ 备注: group rows
    printed as one cell (一、…), a work cell of several numbered paragraphs, an empty 备注 not
    printed, a 内容 merged down (row 3), a — for no 配合 unit, units one paragraph each; the
    numbers of a year's column are that year's targets."""
    plan = extract_file(_write(tmp_path, YEARLY))
    assert [(t.number, t.section, t.title, t.lead, t.support) for t in plan.tasks] == [
        (1, "科学编制交通规划", "编制综合交通体系规划", ["综合规划处"], ["委内各相关处室"]),
        (2, "科学编制交通规划", "推进快速干线系统建设", ["综合规划处"], []),
        (3, "科学编制交通规划", "推进快速干线系统建设", ["交通建设处"], ["设施养护处"]),
        (4, "推动设施协同发展", "建设停车设施", ["设施运行处"],
         ["交通建设处", "设施养护处", "轨道交通处"])]
    assert [(t.value, t.year) for t in plan.targets] == [(4500, 2024), (1500, 2024), (3000, 2025),
                                                         (1000, 2025)]


SCHEDULE = """---
标题: 某区推动设备更新行动方案（2024—2027年）
发布单位: 某市某区人民政府办公室
发布日期: 2024-05-28
---

某区推动设备更新行动方案（2024—2027年）

一、重点任务

1.推动企业技术改造。加快淘汰落后设备。（区工信局牵头负责）

2.开展电动自行车以旧换新。到2027年每年置换淘汰1万辆电动自行车。（区公安分局牵头负责）

附件

行动方案责任清单

"""


def _md_row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |\n"


def _years(work: str, *values: str) -> tuple[str, ...]:
    return tuple(work.format(v) for v in values)


SCHEDULE += (
    _md_row("序号", "任务内容", "2024年目标", "2025年目标", "2026年目标", "2027年目标", "牵头单位")
    + _md_row(*["---"] * 7)
    + _md_row("1", "推动企业技术改造", *_years("编排实施技改项目{}个以上", *["20"] * 4), "区工信局")
    + _md_row("2", "推动住宅电梯更新", *_years("更新老旧住宅电梯{}台", "50", "60", "80", "100"),
              "区住建局")
    + _md_row("3", "开展电动自行车以旧换新", *_years("置换淘汰{}万辆电动自行车", *["1"] * 4),
              "区公安分局")
    + _md_row("4", "完善回收网络", "打造1家家电回收企业，建立便民回收服务平台", "", "", "",
              "区商务局")
    + _md_row("5", "更新公务用车", *_years("全区党政机关更新公务用车{}辆", "27", "24", "12", "11"),
              "区机关事务中心")
    + _md_row(*_years("全区新增新能源公交车{}辆", "15", "14", "13", "12"), "区机关事务中心", "",
              ""))


def test_a_yearly_schedule_same_work_each_year_merged_cells_and_a_row_missing_its_head(
        tmp_path: Path) -> None:
    """A 责任清单 with a column per year: the same work in every year's column is one 每年
    commitment (and the body's 每年 statement of it is not repeated); a cell only under the first
    year, the later years empty, is merged across the years (no year of its own); a row that lost
    its 序号 and 任务内容 to the row above, padded at its end, is read under its own columns."""
    plan = extract_file(_write(tmp_path, SCHEDULE))
    got = [(t.value, t.unit, t.year, t.period) for t in plan.targets]
    assert got.count((10000, "辆", None, "annual")) == 1
    assert (20, "个", None, "annual") in got
    assert not [g for g in got if g[:2] in ((20, "个"), (10000, "辆")) and g[2] is not None]
    assert [g[2] for g in got if g[1] == "台"] == [2024, 2025, 2026, 2027]
    assert (1, "家", None, "plan_period") in got
    assert [(g[0], g[2]) for g in got if g[1] == "辆" and g[0] < 100] == [
        (27, 2024), (24, 2025), (12, 2026), (11, 2027), (15, 2024), (14, 2025), (13, 2026),
        (12, 2027)]


MERGED_AWAY = "某区生态环境保护2026年行动计划\n\n一、重点任务\n\n" + (
    _md_row("序号", "重点任务", "工作措施", "完成时限", "牵头部门", "主责单位", "协办单位")
    + _md_row(*["---"] * 7)
    + _md_row("1", "空气质量目标", "巩固空气质量改善成效，基本消除重污染天气。", "年底前",
              "区生态环境局<br>各街镇", "区城市管理委<br>区科技信息化局等部门")
    + _md_row("2", "推动机动车结构优化升级", "推动全区新能源车保有量进一步提升。", "年底前",
              "区发展改革委", "区城市管理委", "——")
    + _md_row("推动货车新能源化，加快老旧营运货车淘汰更新。", "年底前", "区交通支队", "区商务局")
    + _md_row("2", "推动机动车结构优化升级", "推进公共领域用车新能源化。", "年底前", "区财政局",
              "区国资委", "区机关事务管理服务中心")
    + _md_row("3", "法治保障", "推动行刑衔接。", "年底前", "区司法局", "区公安分局", ""))


def test_a_task_table_whose_converter_dropped_merged_cells(tmp_path: Path) -> None:
    """牵头部门 merged down a task's rows and dropped by the converter: the row's units go under
    the last duty columns (主责 leads where no 牵头 unit is left, 协办 supports); a row without
    its 序号 and 重点任务 belongs to the task above; the rows of one task (same 序号 and 重点任务)
    are one task. A cell left empty but printed (| 区公安分局 |  |) keeps the row as it is; beside
    a 牵头 unit, the 主责 unit works under it."""
    plan = extract_file(_write(tmp_path, MERGED_AWAY))
    assert [(t.number, t.title, t.lead, t.support) for t in plan.tasks] == [
        (1, "空气质量目标", ["区生态环境局", "各街镇"], ["区城市管理委", "区科技信息化局"]),
        (2, "推动机动车结构优化升级", ["区发展改革委", "区交通支队", "区财政局"],
         ["区城市管理委", "区商务局", "区国资委", "区机关事务管理服务中心"]),
        (3, "法治保障", ["区司法局"], ["区公安分局"]),
    ]


def test_a_branch_named_by_its_place_runs_on_from_the_body_above(tmp_path: Path) -> None:
    """A cell's units one per line: 丰台分局, 长辛店分公司, 七支队 are no units on their own but
    the branch of the body on the line before; 丰台运管分局 and 公安丰台分局 name their body."""
    text = "某区2026年行动计划\n\n一、重点任务\n\n" + (
        _md_row("序号", "重点任务", "完成时限", "牵头部门", "配合单位")
        + _md_row(*["---"] * 5)
        + _md_row("1", "加强饮用水保护", "年底前", "区水务局",
                  "市自来水集团<br>长辛店分公司<br>市规划自然资源委<br>丰台分局<br>王佐镇")
        + _md_row("2", "深化重点行业治理", "年底前", "丰台运管分局<br>公安丰台分局",
                  "市交通综合执法总队<br>七支队<br>区公安分局"))
    plan = extract_file(_write(tmp_path, text))
    assert [(t.lead, t.support) for t in plan.tasks] == [
        (["区水务局"], ["市自来水集团长辛店分公司", "市规划自然资源委丰台分局", "王佐镇"]),
        (["丰台运管分局", "公安丰台分局"], ["市交通综合执法总队七支队", "区公安分局"])]
