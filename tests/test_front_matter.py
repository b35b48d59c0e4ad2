"""A web clipper's YAML front matter (Obsidian: ``title: "…"``, ``tags:`` ‖ ``- "clippings"``)
and the numbers of 公告 and 令 that publish rules (released set 25, half I). Synthetic texts."""

from __future__ import annotations

from pathlib import Path

from planwatch.actions import extract_file
from planwatch.extract.meta_dates import find_doc_number, find_issued
from planwatch.parse.front_matter import rewrite_front_matter

CLIPPED = """---
title: "某省通用航空条例"
source: "https://example.gov.cn/fggg/202605/t20260528_1.shtml"
author:
published:
created: 2026-07-01
description: "某省人大"
tags:
  - "clippings"
---
某省通用航空条例

来源：

某省第十四届人民代表大会常务委员会公告

第 12 号

　　《某省通用航空条例》已于2026年5月28日经某省第十四届人民代表大会常务委员会第二十次会议通过，现予公布，自2026年10月1日起施行。

　　某省人民代表大会常务委员会

　　2026年5月28日

某省通用航空条例

第一条　为了促进通用航空发展，根据有关法律、行政法规，结合本省实际，制定本条例。

第二条　本省行政区域内通用航空的发展、服务和管理，适用本条例。
"""


def test_a_clipper_s_front_matter_names_the_document_and_no_tag_becomes_its_title(
        tmp_path: Path) -> None:
    path = tmp_path / "clip.md"
    path.write_text(CLIPPED, encoding="utf-8")
    meta = extract_file(path).meta
    assert meta.title == "某省通用航空条例"
    assert meta.doc_number == "某省第十四届人民代表大会常务委员会公告第12号"
    assert meta.issued == "2026-05-28"
    assert meta.doc_type == "regulation"


def test_front_matter_lines_keep_their_numbers() -> None:
    lines = ["---", 'title: "某规划"', "tags:", '  - "clippings"', "published: 2026-01-02",
             "标题: 某规划（中文字段不动）", "---", "正文"]
    assert rewrite_front_matter(lines) == [
        "---", "标题: 某规划", "", "", "发布日期: 2026-01-02", "标题: 某规划（中文字段不动）",
        "---", "正文"]
    assert rewrite_front_matter(["正文", "---"]) == ["正文", "---"]


def test_the_day_of_a_rule_s_latest_text() -> None:
    """A history note under a re-published rule: the day of the latest decree (the decrees'
    numbers inside the events do not hide them); the note names no number of the page's own."""
    note = "（2011年8月26日省人民政府令第190号公布　2016年9月21日省人民政府令第223号修正）"
    assert find_issued(["某省流动人口服务和管理办法", note]) == "2016-09-21"
    assert find_doc_number(["某省流动人口服务和管理办法", note]) is None


def test_a_decree_heading_run_on_into_its_text_is_the_number() -> None:
    """中华人民共和国国务院令第432号《…条例》已经…: the decree's heading, run into the text after it
    (released set 25, half J); a decree named inside a sentence is not."""
    heading = "中华人民共和国国务院令第432号《某某条例》已经国务院常务会议通过"
    assert find_doc_number(["某某条例", heading]) == "中华人民共和国国务院令第432号"
    assert find_doc_number(["某某办法", "根据国务院令第432号的规定，制定本办法。"]) is None
