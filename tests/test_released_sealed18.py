"""Shapes met in sealed set 18 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.departments import parse_note, split_departments
from planwatch.extract.files import extract_file
from planwatch.extract.table_values import read_value
from planwatch.extract.targets_parse import parse_sentence


def test_a_yearly_plan_table_headed_plan_value_is_an_indicator_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某区生态环境保护2026年行动计划\n\n附件4：某区2026年有关指标\n\n"
        "|     |     |     |     |\n| --- | --- | --- | --- |\n"
        "| 序号 | 指标名称 | 单位 | 2026年计划值 |\n"
        "| 1 | PM2.5年均浓度 | 微克/立方米 | 29 |\n"
        "| 2 | 考核断面优良水体比例 | % | 达到市级要求 |\n"
        "| 3 | 注册登记货车新能源化率 | % | ≥30 |\n",
        encoding="utf-8")
    rows = [(i.name, i.unit, i.target_year, i.target, i.target_comparator, i.target_text)
            for i in extract_file(path).indicators]
    assert rows == [("PM2.5年均浓度", "微克/立方米", 2026, 29, "=", None),
                    ("考核断面优良水体比例", "%", 2026, None, None, "达到市级要求"),
                    ("注册登记货车新能源化率", "%", 2026, 30, ">=", None)]


def test_a_fall_in_a_target_column_is_the_periods_cumulative_change() -> None:
    value = read_value("下降15%")
    assert value.cell is not None and value.cell.value == -15 and value.increase
    assert value.unit == "%"
    assert read_value("新增300").cell is not None and read_value("新增300").cell.value == 300


def test_units_one_per_line_in_a_cell_and_dashes_for_nobody(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某区2026年行动计划\n\n| 序号 | 重点任务 | 完成时限 | 牵头部门 | 主责单位 | 协办单位 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 空气质量<br>目标 | 年底前 | 区生态环境局<br>各街镇 | 区城管委 |"
        " 区机关事务管理<br>服务中心<br>区水务局 |\n"
        "| 2 | 推进节能 | 年底前 | 区发展改革委 | —— | —— |\n", encoding="utf-8")
    tasks = [(t.number, t.title, t.lead, t.support) for t in extract_file(path).tasks]
    assert tasks == [
        (1, "空气质量目标", ["区生态环境局", "各街镇"],
         ["区城管委", "区机关事务管理服务中心", "区水务局"]),
        (2, "推进节能", ["区发展改革委"], [])]


def test_notes_name_a_lead_then_the_units_answering_with_it() -> None:
    res = parse_note("牵头单位：市委组织部（人才办），责任单位：市教育局、市科技局")
    assert (res.lead, res.support) == (["市委组织部（人才办）"], ["市教育局", "市科技局"])
    res = parse_note("责任单位：市数据局、各区人民政府〈含开发区、长江新区、风景区管委会,下同〉")
    assert res.lead == ["市数据局", "各区人民政府"]
    assert split_departments("市科技局、各区、县（市）政府") == ["市科技局", "各区、县（市）政府"]


def test_the_title_in_the_articles_own_header_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "---\nlayout: default\n---\n<style>body { color: #111; }</style>\n"
        "<article><header class=\"policy-header\"><h1 class=\"policy-title\">"
        "某市打造创业新高地行动计划（2026—2028年）（征求意见稿）</h1></header>"
        "<div class=\"policy-body\"><p>为贯彻落实国家部署，特制定本方案。</p><h2>一、总体目标</h2>"
        "<p>到2028年，建成创业社区100个以上，集聚创新创业人才30000名以上。</p></div></article>",
        encoding="utf-8")
    meta = extract_file(path).meta
    assert (meta.title, meta.draft, meta.period_start, meta.period_end) == (
        "某市打造创业新高地行动计划（2026—2028年）", True, 2026, 2028)


def test_a_deadline_in_the_title_is_no_one_year_document(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("2030年前碳达峰行动方案\n国发〔2021〕23号\n某某\n2021年10月24日\n"
                    "一、主要目标\n到2025年，新型储能装机容量达到3000万千瓦以上。"
                    "到2030年，非化石能源消费比重达到25%左右。\n", encoding="utf-8")
    plan = extract_file(path)
    assert (plan.meta.period_start, plan.meta.period_end) == (2021, 2030)
    assert [(t.value, t.year) for t in plan.targets] == [(3000, 2025), (25, 2030)]


def test_a_later_year_of_the_same_goal_takes_the_whole_subject() -> None:
    cands, _ = parse_sentence(
        "到2025年，9种主要再生资源循环利用量达到4.5亿吨，到2030年达到5.1亿吨。")
    assert [(c.subject, c.value) for c in cands][-1] == ("9种主要再生资源循环利用量", 5.1)
    cands, _ = parse_sentence("到2025年，生活垃圾资源化利用比例提升至60%左右，到2030年提升至65%。")
    assert [c.subject for c in cands] == ["生活垃圾资源化利用比例"] * 2


def test_a_bare_verb_takes_the_noun_after_the_number_as_its_object() -> None:
    cands, _ = parse_sentence("到2028年，建成10个以上高品质创业社区，开放100个以上高价值应用场景，"
                              "集聚1000家以上具备技术能力的创业主体。")
    assert [(c.subject, c.value) for c in cands] == [
        ("建成高品质创业社区", 10), ("开放高价值应用场景", 100),
        ("集聚具备技术能力的创业主体", 1000)]


def test_an_acronym_counted_and_a_revenue_class_before_it() -> None:
    cands, _ = parse_sentence("到2028年，培育营收超1000万元OPC100家以上。")
    assert [(c.subject, c.value, c.unit) for c in cands] == [
        ("培育营收超1000万元OPC", 100, "家")]
    cands, _ = parse_sentence("建设C919大飞机产业园，G60科创走廊建成5个基地。")
    assert [(c.subject, c.value) for c in cands] == [("建成基地", 5)]


def test_goals_after_the_vision_year_of_a_five_year_plan_are_the_plans(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某省“十四五”应急体系规划\n二、主要目标\n应急管理体系基本健全。"
                    "到2035年，建成现代化应急体系。\n应急管理体制机制更加完善。"
                    "县级以上应急管理部门执法装备配备达标率达到80%。\n", encoding="utf-8")
    found = [(t.value, t.year) for t in extract_file(path).targets]
    assert found == [(80, None)]  # the plan's goal, not the 2035 vision's


def test_work_of_a_task_table_row_that_lost_its_merged_cells_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某区生态环境保护2026年行动计划\n\n"
        "| 序号 | 重点任务 | 工作措施 | 完成时限 | 牵头部门 | 协办单位 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 推动车辆新能源化 | 加快机动车新能源化进程，"
        "2026年注册登记汽车中新能源车比例达50%以上。 | 年底前 | 区发展改革委 | 区商务局 |\n"
        "| 新增和更新的轻型商超配送车80%为纯电动汽车。 | 年底前 | 区商务局 | —— |\n",
        encoding="utf-8")
    plan = extract_file(path)
    assert (plan.meta.period_start, plan.meta.period_end) == (2026, 2026)  # one year's programme
    found = [(t.value, t.unit, t.year) for t in plan.targets]
    assert (50, "%", 2026) in found and (80, "%", 2026) in found
