"""Shapes met in sealed set 17 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.files import extract_file


def test_numbers_a_pdf_set_on_lines_of_their_own_go_back_into_their_sentence() -> None:
    from planwatch.parse.text import glue_numbers

    assert [x for x in glue_numbers(
        ["某省能源局", "20", "24", "年", "3", "月", "8", "日", "到", "2027", "年，能耗比",
         "2022", "年下降", "12%", "以上，利用率达到", "55%", "。", "7"]) if x] == [
        "某省能源局", "2024年3月8日", "到", "2027年，能耗比", "2022年下降", "12%以上，利用率达到",
        "55%。", "7"]
    assert [x for x in glue_numbers(["某经信发〔", "2024", "〕", "65", "号"]) if x] == [
        "某经信发〔2024〕65号"]
    assert glue_numbers(["\t9", "\t年登记技术合同成交额（亿元）"]) == [
        "\t9", "\t年登记技术合同成交额（亿元）"]


def test_goals_and_dates_of_such_a_pdf_are_read(tmp_path: Path) -> None:
    text = "\n".join([
        "某省煤炭行业碳达峰实施方案", "某省能源局", "20", "24", "年", "3", "月", "8", "日",
        "一、主要目标", "到", "2027", "年，矿井吨煤能耗比", "2022", "年下降", "12%",
        "以上，瓦斯利用率力争达到", "55%", "。"])
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plan = extract_file(path)
    assert plan.meta.issued == "2024-03-08"
    assert [(t.value, t.unit, t.year) for t in plan.targets] == [(-12, "%", 2027), (55, "%", 2027)]


def test_yinyu_counts_what_it_brings_in_and_a_named_set_of_goals_is_no_count(
        tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("某市储能产业发展实施方案（2024—2027年）\n一、发展目标\n"
                    "到2027年，引育4家具有国际影响力的储能龙头企业，实现3个100%目标：配电自动化覆盖率"
                    "达到100%。\n", encoding="utf-8")
    found = [(t.subject, t.value, t.unit) for t in extract_file(path).targets]
    assert found == [("引育储能龙头企业", 4, "家"), ("配电自动化覆盖率", 100, "%")]
