"""What a count counts when the sentence puts the number between its verb and its object
(released sets 7 and 8): a place between them, names summed up by 等, works of repair. Synthetic
sentences, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.targets_parse import parse_sentence


def _subjects(sentence: str) -> list[tuple[str, float, str]]:
    return [(c.subject, c.value, c.unit) for c in parse_sentence(sentence)[0]]


def test_a_place_between_the_verb_and_the_number_stays_in_the_subject() -> None:
    assert _subjects("建成中心城区6座污水处理厂初期雨水调蓄工程。") == [
        ("建成中心城区污水处理厂初期雨水调蓄工程", 6, "座")]


def test_a_park_counted_is_not_a_place() -> None:
    assert _subjects("建成市级零碳园区1家、零碳工厂10家。")[0][:2] == ("建成市级零碳园区", 1)


def test_names_summed_up_by_deng_after_a_push() -> None:
    assert _subjects("推进大名、月浦等23个城镇雨水排水系统建设。") == [
        ("推进大名、月浦等城镇雨水排水系统建设", 23, "个")]


def test_works_of_repair_are_counted() -> None:
    assert _subjects("修复30座公园水体水生态。") == [("修复公园水体水生态", 30, "座")]
    assert _subjects("保护修缮15幢历史风貌建筑。") == [("保护修缮历史风貌建筑", 15, "幢")]
    assert _subjects("污水管网修复率达到90%。")[0][0] == "污水管网修复率"


def test_a_span_of_years_before_an_accumulation_keeps_its_verb() -> None:
    assert _subjects("力争5年累计推动3万家以上企业“小升规”。")[0][:2] == (
        "累计推动企业“小升规”", 30000)


def test_firms_or_people_a_push_reaches_are_counted_with_what_they_do() -> None:
    assert _subjects("推动全省100家企业实施工业互联网网络安全分类分级管理。") == [
        ("推动企业实施工业互联网网络安全分类分级管理", 100, "家")]
    assert _subjects("引导推动2000家规上工业企业实施技术改造。") == [
        ("推动规上工业企业实施技术改造", 2000, "家")]
    assert _subjects("面向3万名专业技术人才开展工业互联网素质提升培训。") == [
        ("面向专业技术人才开展工业互联网素质提升培训", 30000, "名")]


def test_the_things_a_work_is_done_on_are_counted(tmp_path: Path) -> None:
    from planwatch.actions import extract_file

    assert _subjects("对300个公交站台进行适老化改造。") == [("公交站台进行适老化改造", 300, "个")]
    path = tmp_path / "plan.txt"
    path.write_text("某区乡镇敬老院运营管理实施方案\n\n二、主要任务\n\n（一）提升硬件设施。"
                    "（2）对甲镇、乙乡等8所敬老院进行提升改造，为老年人提供便捷可及的养老服务。\n\n"
                    "（二）落实扶持政策。对年营业收入超过1亿元的企业，给予一次性奖励。\n",
                    encoding="utf-8")
    assert [(t.value, t.unit) for t in extract_file(path).targets] == [(8, "所")]


def test_releases_are_counted() -> None:
    assert _subjects("每年分行业、分领域发布100个工业互联网应用场景。") == [
        ("发布工业互联网应用场景", 100, "个")]


def test_a_generic_push_after_other_work_or_before_an_approximation_counts_the_object() -> None:
    assert _subjects("完善标准、分类督促推进42.5公里沿江堤防加固建设。") == [
        ("沿江堤防加固建设", 42.5, "公里")]
    assert _subjects("同步推进约12万户农村厕所改造工程。") == [("农村厕所改造工程", 120000, "户")]
    assert _subjects("持续推进36个老旧排灌站更新改造。") == [("推进老旧排灌站更新改造", 36, "个")]


def test_what_is_counted_follows_a_bracketed_note_after_the_number() -> None:
    assert _subjects("稳步推进58个（覆盖面积12.6万亩）高标准农田建设。") == [
        ("推进高标准农田建设", 58, "个")]


def test_places_listed_by_kind_before_the_count_are_where_it_is_built() -> None:
    assert _subjects("建设东城、西城、南城等区9个外环以外的污水处理厂。") == [
        ("建设污水处理厂", 9, "个")]


def test_the_end_of_the_planning_period_is_scope() -> None:
    assert _subjects("到规划期末实施老城区2000万平方米住宅建筑面积的节能改造。") == [
        ("实施老城区住宅建筑面积的节能改造", 2000, "万平方米")]
