"""Shapes met in sealed set 21 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.departments import parse_note, split_departments
from planwatch.extract.files import extract_file


def test_a_starred_unit_leads_and_square_brackets_guard_their_commas() -> None:
    res = parse_note("责任单位：*县人力社保局、县科技局、县大数据管理中心")
    assert (res.lead, res.support) == (["县人力社保局"], ["县科技局", "县大数据管理中心"])
    assert split_departments("市发改委、各区〔县、市〕政府、开发园区管委会") == [
        "市发改委", "各区〔县、市〕政府", "开发园区管委会"]


def test_a_set_of_measures_named_jucuo_is_an_opinion(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<article><header class=\"policy-header\">"
        "<h1>某县关于加快打造创业高地的若干举措（征求意见稿）</h1></header>"
        "<div class=\"policy-body\"><p>一、创业空间零成本。首期配置工位100个。</p></div></article>",
        encoding="utf-8")
    meta = extract_file(path).meta
    assert (meta.title, meta.doc_type) == ("某县关于加快打造创业高地的若干举措",
                                           "implementation_opinion")


def test_a_government_pages_article_metadata_names_the_document(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><meta name=\"SiteName\" content=\"某市住房和城乡建设局\">"
        "<meta name=\"ArticleTitle\" content=\"《关于完善人才住房政策的补充通知》操作指引\">"
        "<meta name=\"PubDate\" content=\"2019-12-04 17:53\"></head><body>"
        "<div class=\"nav\">首页 通知公告</div><h3>《关于完善人才住房政策的补充通知》操作指引</h3>"
        "<div class=\"content\"><p>为落实补充通知要求，现制定本操作指引，请遵照执行。</p>"
        "<p>一、实施内容</p><p>（一）持有人才卡的非本市户籍人才，享受本市户籍人口购房政策。</p>"
        "</div></body></html>", encoding="utf-8")
    meta = extract_file(path).meta
    assert (meta.title, meta.doc_type, meta.issued) == (
        "《关于完善人才住房政策的补充通知》操作指引", "regulation", "2019-12-04")


def test_a_lone_level_before_a_unit_is_one_unit_serving_both_levels() -> None:
    """区、县交通与建设局 (released set 14): 区 alone is no unit; the unit serves both levels."""
    assert split_departments("区、县交通与建设局") == ["区、县交通与建设局"]
    assert split_departments("市、区两级政府，市科技局") == ["市、区两级政府", "市科技局"]
    assert split_departments("市科技局、区财政局") == ["市科技局", "区财政局"]
