"""Document metadata on the seeds (against gold) and on synthetic layouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.catalog import regions
from planwatch.extract.meta import (
    classify,
    extract_meta_result,
    find_doc_number,
    find_issued,
    find_title,
    five_year_span,
)
from planwatch.parse.registry import read_document
from tests.helpers import FIXTURES, GOLD, SEEDS

SEED_STEMS = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_seed_meta_matches_gold(stem: str) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text("utf-8"))["meta"]
    meta = extract_meta_result(read_document(SEEDS / f"{stem}.txt")).meta
    assert {k: getattr(meta, k) for k in gold} == gold


def test_untitled_plan_reports_inferred_title() -> None:
    result = extract_meta_result(read_document(SEEDS / "qingzhou-2021-plan.txt"))
    assert [f.code for f in result.findings] == ["title-inferred"]


def _meta(name: str) -> dict[str, object]:
    return extract_meta_result(read_document(FIXTURES / name)).meta.model_dump()


def test_county_notice_with_table_and_chinese_date() -> None:
    assert _meta("tasks_fangan_table.txt") == {
        "title": "昆山市科技成果转化三年行动方案（2023—2025年）", "region": "昆山市",
        "region_level": "county", "parent_region": "苏州市", "province": "江苏省",
        "doc_type": "implementation_opinion", "period_start": 2023, "period_end": 2025,
        "issued": "2023-03-08", "doc_number": "昆政办发〔2023〕12号", "draft": False,
    }


def test_fifteenth_plan_draft_of_uncatalogued_county() -> None:
    assert _meta("tasks_responsibility_notes.txt") == {
        "title": "长丰县“十五五”科技创新规划", "region": "长丰县", "region_level": "county",
        "parent_region": "合肥市", "province": "安徽省", "doc_type": "plan",
        "period_start": 2026, "period_end": 2030, "issued": None, "doc_number": None,
        "draft": True,
    }


def test_province_measures_period_runs_to_last_target_year() -> None:
    assert _meta("meta_province_measures.txt") == {
        "title": "山东省人民政府关于加快建设科技强省的若干措施", "region": "山东省",
        "region_level": "province", "parent_region": None, "province": "山东省",
        "doc_type": "implementation_opinion", "period_start": 2024, "period_end": 2028,
        "issued": "2024-03-05", "doc_number": "鲁政发〔2024〕7号", "draft": False,
    }


def test_evaluation_report_markdown() -> None:
    meta = _meta("meta_evaluation_report.md")
    assert (meta["title"], meta["doc_type"], meta["region_level"], meta["parent_region"],
            meta["period_start"], meta["period_end"]) == (
        "济南市“十四五”科技创新规划中期评估报告", "evaluation_report", "city", "山东省",
        2021, 2025)


@pytest.mark.parametrize(("title", "expected"), [
    ("芝罘区“十四五”科技创新规划和二〇三五年远景目标纲要", "plan"),
    ("烟台市人民政府关于加快推进新时代高水平科技强市建设的实施意见", "implementation_opinion"),
    ("某市促进科技成果转化若干措施", "implementation_opinion"),
    ("某市科技创新三年行动计划（2024—2026年）", "implementation_opinion"),
    ("某市“十四五”科技创新规划中期评估报告", "evaluation_report"),
    ("某市科技工作总结", None),
])
def test_classify(title: str, expected: str | None) -> None:
    assert classify(title) == expected


@pytest.mark.parametrize(("ordinal", "span"), [("四", (2021, 2025)), ("五", (2026, 2030)),
                                               ("三", (2016, 2020))])
def test_five_year_span(ordinal: str, span: tuple[int, int]) -> None:
    assert five_year_span(ordinal) == span


def test_issued_forms() -> None:
    assert find_issued(["正文。", "二〇二二年四月十九日"]) == "2022-04-19"
    assert find_issued(["（2021年12月30日印发）"]) == "2021-12-30"
    assert find_issued(["到2025年12月31日完成建设任务。"]) is None


def test_doc_number_forms_kept_as_printed() -> None:
    assert find_doc_number(["淄政字 〔2022〕 38号"]) == "淄政字〔2022〕38号"
    assert find_doc_number(["青政发[2021]5号"]) == "青政发[2021]5号"
    assert find_doc_number(["潍政办字（2023）12号"]) == "潍政办字（2023）12号"
    long_line = ("根据《关于加快科技创新的意见》（鲁政发〔2021〕5号）的要求，"
                 "结合本市实际情况制定本规划。")
    assert find_doc_number([long_line]) is None


def test_region_catalogue_levels() -> None:
    assert regions.is_prefecture("淄博市") and not regions.is_prefecture("青州市")
    assert [(r.level, r.parent) for r in regions.lookup("青州市")] == [("county", "潍坊市")]
    assert [(r.level, r.parent) for r in regions.lookup("芝罘区")] == [("district", "烟台市")]
    assert {r.parent for r in regions.lookup("市中区")} == {"济南市", "枣庄市", "内江市", "乐山市"}
    assert regions.lookup("海淀区")[0].province == "北京市"
    assert len(regions.prefectures()) >= 330
    assert regions.leading_region("内蒙古自治区科技厅关于…") == "内蒙古自治区"


def test_wrapped_title_after_cover_lines() -> None:
    top = ["（此件公开发布）", "2024年5月6日", "某某市人民政府关于加快推进",
           "科技创新的实施意见", "各区县："]
    assert find_title(top) == "某某市人民政府关于加快推进科技创新的实施意见"


@pytest.mark.parametrize(("title", "doc_type", "text", "issued", "span"), [
    ("2021年广东省推进政府职能转变和“放管服”改革重点工作安排", "implementation_opinion",
     "到2025年，基本建成……", "2021-05-08", (2021, 2021)),
    ("广东省科学技术厅关于进一步鼓励社会力量设立科学技术奖的实施意见（试行）",
     "implementation_opinion", "本意见自2020年1月1日起施行，有效期3年。", "2019-12-18",
     (2020, 2022)),
    ("广东省促进科技成果转化条例", "regulation", "本条例自2017年3月1日起施行。", "2016-12-01",
     (2017, None)),
    ("关于加快推进科技金融深度融合的实施意见", "implementation_opinion",
     "“十四五”期间，科技型企业贷款保持较快增长。", "2024-05-10", (2024, 2025)),
    ("某市促进科技成果转化若干措施", "implementation_opinion",
     "到2027年，技术合同成交额达到100亿元。", "2024-03-01", (2024, 2027)),
    ("某区支持人工智能产业发展若干措施（试行）", "implementation_opinion",
     "本措施自发布之日起施行，有效期至2027年12月31日。", "2026-04-24", (2026, 2027)),
    ("某新片区城市体检实施方案（试行）", "implementation_opinion",
     "本实施方案自发布之日起试行，有效期三年。", "2024-05-18", (2024, 2027)),
])
def test_period_of_documents_without_a_printed_range(
        title: str, doc_type: str, text: str, issued: str,
        span: tuple[int, int | None]) -> None:
    from planwatch.extract.meta import find_period
    assert find_period(title, doc_type, text, issued, None) == span  # type: ignore[arg-type]


def test_opinion_period_runs_to_its_last_commitment() -> None:
    from planwatch.extract.pipeline import extract_plan
    from planwatch.parse.document import Block, Document

    texts = ["某市人民政府关于加快科技创新的实施意见", "2024年5月6日",
             "到2025年，高新技术企业达到500家。", "到2027年，培育科技领军企业20家以上。",
             "到2035年，全面建成科技强市。"]
    doc = Document(blocks=[Block("paragraph", t, line=i + 1) for i, t in enumerate(texts)])
    meta = extract_plan(doc).meta
    assert (meta.doc_type, meta.period_start, meta.period_end) == (
        "implementation_opinion", 2024, 2027)


def test_the_posting_date_in_a_page_s_information_table(tmp_path: Path) -> None:
    """| 公开类别 | 主动公开 | 发布时间 | 2024-09-02 |: the page's 政府信息公开 table above the text
    dates a document that prints no date of its own."""
    from planwatch.extract.files import extract_file

    path = tmp_path / "page.md"
    path.write_text("## 某市关于推进消费品以旧换新工作实施方案\n\n"
                    "| 索引号 |  | 发布机构 | 商务委 |\n| --- | --- | --- | --- |\n"
                    "| 公开类别 | 主动公开 | 发布时间 | 2024-09-02 |\n\n"
                    "一、主要目标\n\n到2024年底前，支持汽车报废更新和置换更新。\n",
                    encoding="utf-8")
    meta = extract_file(path).meta
    assert (meta.issued, meta.period_start) == ("2024-09-02", 2024)
