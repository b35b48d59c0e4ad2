"""The report one signs: kind by period, five sections, problems and suggestions written from
the evaluation, 落款 and date, plans without indicators, Chinese download names."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from docx import Document

from planwatch import actions
from planwatch.model.actual import TaskProgress
from planwatch.model.codes import ReportKind
from planwatch.reports import FORMATS, build_report, compose, render_report
from planwatch.reports.build import middle_years, report_kind
from planwatch.reports.document import ReportOptions
from planwatch.reports.md import render_md
from planwatch.web.downloads import attachment
from tests.reports_helpers import gold_plan, synthetic_actuals, zibo_plan_with_tasks
from tests.web_fixtures import Web, sample_plan, sqlite_web

__all__ = ["sqlite_web"]

SECTIONS = ["一、总体情况", "二、主要指标完成情况", "三、重点任务推进情况", "四、存在的主要问题",
            "五、下一步工作建议"]
CODES = re.compile(r"\b[a-z]+(?:[-_][a-z]+)+\b|第\d+行")
"""A raw code (behind-schedule, not_reported) or a line number."""


def test_kind_follows_the_period() -> None:
    assert middle_years(2021, 2025) == (2023,)
    assert middle_years(2024, 2027) == (2025, 2026)
    assert [report_kind(2021, 2025, y) for y in (2021, 2022, 2023, 2024, 2025, 2026)] == [
        "annual", "annual", "midterm", "annual", "final", "final"]
    assert report_kind(None, None, 2023) == "annual"
    report = build_report(gold_plan(), synthetic_actuals(), 2022)
    assert report.title == "淄博市“十四五”科技创新规划2022年度监测报告"
    doc = compose(report, ReportOptions(kind=ReportKind.FINAL))
    assert doc.title == "淄博市“十四五”科技创新规划总结评估报告"


def _progress() -> list[TaskProgress]:
    return [TaskProgress(task_number=1, reported_on=date(2023, 5, 1), percent=100, done=True,
                         note="实验室体系建设方案印发"),
            TaskProgress(task_number=2, reported_on=date(2023, 6, 1), percent=30, blocked=True,
                         note="用地指标尚未落实")]


@pytest.fixture(scope="module")
def zibo() -> actions.ReportDocument:
    plan = zibo_plan_with_tasks()
    plan.tasks[2].deadline = "2022年底前"  # overdue by the report date
    report = build_report(plan, synthetic_actuals(), 2023, progress=_progress(),
                          tasks_as_of=date(2023, 12, 31))
    return compose(report, ReportOptions(issued_on=date(2024, 3, 1)))


def test_problems_are_written_from_the_data(zibo: actions.ReportDocument) -> None:
    topics = [p.topic for p in zibo.problems]
    assert topics[:2] == ["lagging", "regressing"]
    assert {"overdue", "blocked", "silent", "missing"} <= set(topics)
    text = "\n".join(zibo.problem_text)
    assert "高新技术企业进度完成率" in text  # behind: its progress against the time
    assert "年登记技术合同成交额基期（2020年）为160.65亿元，2023年为130亿元" in text
    assert "用地指标尚未落实" in text and "谋划布局重大科技基础设施" in text
    assert not CODES.search(text)
    assert zibo.suggestions[0].startswith("（一）加快滞后指标攻坚。针对高新技术企业")
    assert zibo.suggestions[-1].endswith("定期开展监测评估。")
    assert "强化规划实施保障" in zibo.suggestions[-1]


def test_sections_tasks_and_signature(zibo: actions.ReportDocument) -> None:
    md = render_md(zibo)
    assert [ln[3:] for ln in md.splitlines() if re.match(r"^## .、", ln)] == SECTIONS
    assert "规划设置主要指标9项" in md and "规划部署重点任务8项" in md
    assert "截至2023年12月31日，已完成1项" in md and "受阻1项" in md and "已逾期1项" in md
    assert ("| 1 | 建立健全实验室体系 | 已完成 | 100% "
            "| 实验室体系建设方案印发（2023年5月1日） |") in md
    assert "淄博市科技局\n\n2024年3月1日" in md
    assert not CODES.search(md.split("## 附件")[0])


def test_suggestions_and_issuer_can_be_given(tmp_path: Path) -> None:
    report = build_report(gold_plan(), synthetic_actuals(), 2023)
    options = ReportOptions(issuer="淄博市科学技术局", issued_on=date(2024, 1, 5),
                            suggestions="（一）加强统筹。做好调度。\n\n第二段建议。\n")
    path = render_report(report, "docx", tmp_path / "r.docx", options)
    texts = [p.text for p in Document(str(path)).paragraphs]
    start = texts.index("五、下一步工作建议")
    assert texts[start + 1:start + 3] == ["（一）加强统筹。做好调度。", "第二段建议。"]
    signature = texts.index("淄博市科学技术局")
    assert texts[signature + 1] == "2024年1月5日"


def test_plan_without_indicator_table(tmp_path: Path) -> None:
    """The 烟台 实施意见 has no indicator table: no empty table, no 0项主要指标, tasks shown."""
    plan = sample_plan("yantai-2024-opinion.txt")
    assert not plan.indicators
    report = build_report(plan, [], 2025, progress=[], tasks_as_of=date(2025, 12, 31))
    doc = compose(report)
    assert doc.kind == "midterm" and doc.title.endswith("实施意见中期评估报告")
    for fmt in FORMATS:
        out = render_report(report, fmt, tmp_path / f"yt.{fmt}")
        if fmt == "md":
            md = out.read_text(encoding="utf-8")
            assert "0项主要指标" not in md and "表1" not in md and "| 序号 | 指标 |" not in md
            assert "规划未设置量化指标，本报告重点反映重点任务推进情况。" in md
            assert "规划部署重点任务" in md and "（一）市科技局" in md
            assert "暂难对规划实施情况作出总体判断" in md  # no task has reported yet
        if fmt == "docx":
            word = Document(str(out))
            assert all(t.cell(0, 1).text != "指标" for t in word.tables)
            assert "规划未设置量化的主要指标，本部分不作指标评价。" in [
                p.text for p in word.paragraphs]


def test_attachment_header() -> None:
    name = "芝罘区科技创新规划2025年度监测报告.docx"
    header = attachment(name, "plan-4-2025.docx")
    assert header == ("attachment; filename=\"plan-4-2025.docx\"; "
                      f"filename*=UTF-8''{quote(name, safe='')}")
    assert header.isascii()


@pytest.fixture
def site(sqlite_web: Web) -> Web:
    return sqlite_web


def _saved_name(header: str) -> str:
    found = re.search(r"filename\*=UTF-8''(\S+)", header)
    assert found, header
    return unquote(found.group(1))


def test_web_report_page_and_downloads(site: Web) -> None:
    plan_id = site.store_plan("weihai-2022-plan.txt")
    headers = site.login("viewer")
    page = site.client.get(f"/plans/{plan_id}/reports?year=2023")
    assert page.status_code == 200
    assert "威海市“十四五”科技创新规划中期评估报告" in page.text
    assert '<textarea name="suggestions"' in page.text and "强化规划实施保障" in page.text
    r = site.client.get(f"/api/v1/plans/{plan_id}/report?year=2022&format=md")
    assert r.status_code == 200
    assert _saved_name(r.headers["content-disposition"]) == (
        "威海市“十四五”科技创新规划2022年度监测报告.md")
    assert f'filename="plan-{plan_id}-2022.md"' in r.headers["content-disposition"]
    form = {"csrf_token": headers["X-CSRF-Token"], "year": "2025", "format": "md",
            "kind": "auto", "issuer": "威海市科学技术局", "issued_on": "2026-01-20",
            "suggestions": "（一）自拟建议。内容。"}
    r = site.client.post(f"/plans/{plan_id}/report", data=form)
    assert r.status_code == 200, r.text
    assert _saved_name(r.headers["content-disposition"]).endswith("总结评估报告.md")
    md = r.content.decode("utf-8")
    assert "（一）自拟建议。内容。" in md and "威海市科学技术局\n\n2026年1月20日" in md
    r = site.client.post(f"/plans/{plan_id}/report", data={**form, "issued_on": ""})
    assert r.status_code == 200 and "2026年1月20日" not in r.content.decode("utf-8")
    r = site.client.post(f"/plans/{plan_id}/report", data={**form, "issued_on": "2026-13-01"})
    assert r.status_code == 422 and "成文日期" in r.text
    del form["csrf_token"]
    assert site.client.post(f"/plans/{plan_id}/report", data=form).status_code == 403
    r = site.client.get(f"/plans/{plan_id}/report?year=2023&format=docx&kind=annual")
    assert r.status_code == 200
    assert _saved_name(r.headers["content-disposition"]).endswith("2023年度监测报告.docx")
    assert Document(io.BytesIO(r.content)).paragraphs[0].text.endswith("2023年度监测报告")


def test_missed_targets_at_the_end_year() -> None:
    from planwatch.model.actual import Actual

    actuals = [Actual(indicator="科技型中小企业", year=2025, value=2000, unit="家")]
    doc = compose(build_report(gold_plan(), actuals, 2025))
    assert doc.kind == "final"
    lagging = next(p for p in doc.problems if p.topic == "lagging")
    assert lagging.heading == "部分指标未实现规划目标"
    assert lagging.text == "1项指标未实现规划目标：科技型中小企业（目标2,700家，实际2,000家）。"
    assert any("做好下一轮规划衔接" in s for s in doc.suggestions)
