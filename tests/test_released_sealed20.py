"""Shapes met in sealed set 20 (issue 7), each written for the test, never a copy of a set text."""

from __future__ import annotations

from pathlib import Path

from planwatch.extract.departments import parse_note
from planwatch.extract.files import extract_file
from planwatch.extract.targets_parse import parse_sentence


def test_units_before_the_first_comma_lead_when_the_document_says_so() -> None:
    res = parse_note("责任单位：市科技局、市数据局，市委网信办、某通信公司；"
                     "第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同")
    # named leads do not share a responsibility nobody leads (spec), even when several
    assert (res.lead, res.support, res.shared) == (
        ["市科技局", "市数据局"], ["市委网信办", "某通信公司"], False)
    res = parse_note("责任单位：市数据局，市科技局", comma_leads=True)
    assert (res.lead, res.support) == (["市数据局"], ["市科技局"])


def test_the_comma_convention_carries_to_the_notes_after(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "某市支持人工智能创新发展行动计划（2026—2027年）\n三、重点任务\n"
        "1.加大算力资源支持。扩容市级算力券。（责任单位：市科技局、市数据局，市委网信办；"
        "第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同）\n"
        "2.畅通数据要素供给。有序开放公共数据。（责任单位：市数据局，市科技局）\n"
        "3.对接大模型训练场资源。降低模型部署门槛。（责任单位：市科技局、市经信局）\n",
        encoding="utf-8")
    tasks = [(t.number, t.lead, t.support) for t in extract_file(path).tasks]
    assert tasks == [(1, ["市科技局", "市数据局"], ["市委网信办"]),
                     (2, ["市数据局"], ["市科技局"]),
                     (3, ["市科技局", "市经信局"], [])]


def test_two_bare_verbs_lead_the_noun_after_the_number() -> None:
    cands, _ = parse_sentence("挖掘并释放不少于100个典型应用场景，赋能创业者。", framed=True)
    assert [(c.subject, c.value) for c in cands] == [("挖掘并释放典型应用场景", 100)]


def test_a_date_beside_the_title_in_the_articles_header_dates_a_draft(tmp_path: Path) -> None:
    page = ("<article><header class=\"policy-header\">"
            "<h1>某区培育创业新模式行动计划（征求意见稿）</h1>"
            "<div class=\"policy-source-bar\"><div>2026-03-13</div><div>某区</div></div></header>"
            "<div class=\"policy-body\"><p>为推动创新创业，制定本行动计划。</p>"
            "<h2>一、总体目标</h2><p>到2028年，全区新型经营主体突破500家。</p></div></article>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    meta = extract_file(path).meta
    assert (meta.issued, meta.draft) == ("2026-03-13", True)
    signed = page.replace("<p>为推动创新创业，制定本行动计划。</p>",
                          "<p>为推动创新创业，制定本行动计划。</p><p>某区人民政府</p><p>2026年3月20日</p>")
    path.write_text(signed, encoding="utf-8")
    assert extract_file(path).meta.issued == "2026-03-20"  # the body's own date wins
