"""Measures numbered by their chapter, items numbered with a small full stop (1﹒), a note's second
label after a space (released set 13). Synthetic text, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.parse.normalize import normalize_line
from planwatch.parse.unflatten import unflatten


def test_a_chapter_without_measures_of_its_own_but_with_a_note_is_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某区节能减排综合工作方案\n\n四、强化主要污染物减排\n\n（一）控制重点区域排放。严格落实"
                    "生态红线管控制度。牵头单位：区环土局；配合单位：区财政局\n\n五、大力发展循环经济\n\n"
                    "加强城市废弃物规范有序处理，推动餐厨废弃物资源化利用。牵头单位：区交建局、经发局；"
                    "配合单位：区环土局\n\n六、保障措施\n\n加强组织领导，强化统筹协调。\n",
                    encoding="utf-8")
    got = [(t.number, t.title, t.lead, t.support) for t in extract_file(path).tasks]
    assert got == [(1, "控制重点区域排放", ["区环土局"], ["区财政局"]),
                   (5, "大力发展循环经济", ["区交建局", "经发局"], ["区环土局"])]


def test_items_numbered_with_a_small_full_stop() -> None:
    assert normalize_line("1﹒推进工业互联网外网建设。") == "1.推进工业互联网外网建设。"


def test_a_notes_second_label_after_a_space_stays_with_it() -> None:
    line = ("（一）加强工业节能。推动企业清洁生产。" * 90
            + "牵头单位：区经发局 ；配合单位：区社会事业局 "
            "（二）强化建筑节能。全面实施绿色建筑设计规范。")
    paras = unflatten(line)
    assert paras[-2].endswith("牵头单位：区经发局 ；配合单位：区社会事业局")
    assert paras[-1] == "（二）强化建筑节能。全面实施绿色建筑设计规范。"


def test_a_notice_of_a_rule_and_an_opinion_is_titled_by_the_opinion(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("某区管委会办公室关于印发《某区机动车停车设施管理暂行办法》和《某区关于加强"
                    "城市停车设施建设工作实施意见》的通知\n\n某区机动车停车设施管理暂行办法\n\n"
                    "第一条 为加强停车管理，制定本办法。\n\n"
                    "某区关于加强城市停车设施建设工作实施意见\n\n"
                    "一、主要任务\n\n（一）加快停车设施建设。新建公共停车泊位。"
                    "（牵头单位：区交建局；责任单位：区财政局）\n", encoding="utf-8")
    plan = extract_file(path)
    assert (plan.meta.title, plan.meta.doc_type) == (
        "某区关于加强城市停车设施建设工作实施意见", "implementation_opinion")
