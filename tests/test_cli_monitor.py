"""The monitoring commands end to end on a real SQLite file: import the five seeds, fill the
actuals template, import actuals, write every report format, audit, compare."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from planwatch.cli import main
from tests.helpers import SEEDS

ZIBO_2020 = {  # the 2020 values the 淄博 plan itself states (表2 2020 column)
    "R&D经费支出占GDP的比重": 2.79, "高新技术企业": 703, "科技型中小企业": 900,
    "年登记技术合同成交额": 160.65,
}
ZIBO_LATER = {"高新技术企业": {2021: 905, 2022: 1150, 2023: 1420}}


def cli(db: Path, *args: str) -> Result:
    res = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", *args], catch_exceptions=False)
    return res


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "pw.db"
    res = cli(path, "import", *map(str, sorted(SEEDS.glob("*.txt"))))
    assert res.exit_code == 0, res.output
    return path


def _fill(template: Path, values: dict[str, dict[int, float]]) -> Path:
    wb = openpyxl.load_workbook(template)
    ws = wb["数据填报"]
    header = [c.value for c in ws[1]]
    col = {name: i + 1 for i, name in enumerate(header)}
    for row in range(2, ws.max_row + 1):
        name = ws.cell(row, col["指标名称"]).value
        year = ws.cell(row, col["年份"]).value
        if name in values and year in values[name]:
            ws.cell(row, col["数值"]).value = values[name][year]
            ws.cell(row, col["数据状态"]).value = "最终数"
            ws.cell(row, col["数据来源"]).value = "统计公报"
    wb.save(template)
    return template


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reimport_is_unchanged(db: Path) -> None:
    res = cli(db, "import", str(SEEDS / "zibo-2022-plan.txt"))
    assert "未变化 unchanged" in res.output
    plans = cli(db, "plans").output.splitlines()
    assert len(plans) == 5


def test_actuals_and_reports(db: Path, tmp_path: Path) -> None:
    tpl = tmp_path / "zibo.xlsx"
    assert cli(db, "template", "淄博", "-o", str(tpl)).exit_code == 0
    _fill(tpl, ZIBO_LATER)
    res = cli(db, "actuals", "import", str(tpl))
    assert res.exit_code == 0, res.output
    assert "已导入 3 条" in res.output
    for fmt in ("docx", "xlsx", "html", "md"):
        out = tmp_path / f"report.{fmt}"
        res = cli(db, "report", "淄博", "--year", "2023", "--format", fmt, "-o", str(out))
        assert res.exit_code == 0, res.output
        assert out.stat().st_size > 1000
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "高新技术企业" in md and "1,420（2023年）" in md
    assert "十三五" in md or "上期" in md
    en = tmp_path / "report-en.md"
    res = cli(db, "report", "淄博", "--year", "2023", "--format", "md", "--lang", "en",
              "-o", str(en))
    assert res.exit_code == 0, res.output
    text = en.read_text(encoding="utf-8")
    assert "## I. Overview" in text and "1,420 (2023)" in text and "高新技术企业" in text
    assert "一、总体情况" not in text


def test_english_report_named_by_its_english_title(db: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = cli(db, "report", "淄博", "--year", "2022", "--format", "md", "--lang", "en")
    assert res.exit_code == 0, res.output
    [written] = tmp_path.glob("*.md")
    assert written.name.endswith(" 2022 annual monitoring report.md"), written.name


def _template(db: Path, tmp_path: Path) -> Path:
    tpl = tmp_path / "t.xlsx"
    assert cli(db, "template", "淄博", "-o", str(tpl)).exit_code == 0
    return _fill(tpl, ZIBO_LATER)


def _set(path: Path, row: int, col: int, value: object, sheet: str = "数据填报") -> None:
    wb = openpyxl.load_workbook(path)
    wb[sheet].cell(row, col).value = value
    wb.save(path)


def _bad_wrong_sheet(p: Path) -> None:
    wb = openpyxl.load_workbook(p)
    wb["数据填报"].title = "Sheet1"
    wb.save(p)


def _bad_duplicate(p: Path) -> None:
    wb = openpyxl.load_workbook(p)
    ws = wb["数据填报"]
    filled = next(r for r in ws.iter_rows(min_row=2) if r[3].value is not None)
    ws.append([c.value for c in filled])
    wb.save(p)


def _bad_huge(p: Path) -> None:
    with p.open("r+b") as fh:
        fh.truncate(200 * 1024 * 1024)


BAD_ACTUALS = {
    "wrong-sheet": _bad_wrong_sheet,
    "text-in-number": lambda p: _set(p, 3, 4, "一千"),
    "overflow-1e309": lambda p: _set(p, 3, 4, "1e309"),
    "negative-count": lambda p: _set(p, 3, 4, -5),
    "duplicate-rows": _bad_duplicate,
    "formula": lambda p: _set(p, 3, 4, "=1+1"),
    "200-mb": _bad_huge,
}


@pytest.mark.parametrize("kind", list(BAD_ACTUALS))
def test_bad_actuals_leave_database_unchanged(db: Path, tmp_path: Path, kind: str) -> None:
    tpl = _template(db, tmp_path)
    BAD_ACTUALS[kind](tpl)
    before = _digest(db)
    res = cli(db, "actuals", "import", str(tpl), "--plan", "淄博")
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert _digest(db) == before


def test_audit_and_compare(db: Path) -> None:
    res = cli(db, "audit", "威海")
    assert res.exit_code == 0
    assert "per-year-rule-mismatch" in res.output
    res = cli(db, "compare", "淄博市", "芝罘区", "威海市")
    assert res.exit_code == 0, res.output
    assert "高新技术企业数（家）" in res.output and "high_tech_enterprises" not in res.output
    assert "\t淄博市\t芝罘区\t威海市" in res.output


def test_unknown_plan_is_a_clear_error(db: Path) -> None:
    res = cli(db, "report", "不存在的规划", "--year", "2023")
    assert res.exit_code == 1
    assert "找不到规划" in res.output and "no such plan" in res.output


def test_audit_a_document_without_database(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["audit", str(SEEDS / "qingzhou-2021-plan.txt")])
    assert res.exit_code == 0
    assert "ambitious-target" in res.output


def test_unmapped_indicator_is_flagged(tmp_path: Path) -> None:
    from planwatch.actions import flag_unmapped
    from planwatch.model.plan import Indicator, Plan

    plan = Plan(indicators=[Indicator(name="高新技术企业数", unit="家"),
                            Indicator(name="海洋牧场面积", unit="万亩")])
    flag_unmapped(plan)
    flag_unmapped(plan)  # idempotent
    assert [(f.code, f.context) for f in plan.findings] == [("indicator-unmapped", "海洋牧场面积")]


def test_prose_target_with_baseline_is_evaluated(db: Path, tmp_path: Path) -> None:
    tpl = tmp_path / "zibo.xlsx"
    assert cli(db, "template", "淄博", "-o", str(tpl)).exit_code == 0
    # 有研发活动企业占比: the prose states 41.41 % (2020) and commits to 55 % 以上 by 2025
    subject = "规模以上工业企业中有研发活动企业占比"
    _fill(tpl, {subject: {2023: 50.0}})
    res = cli(db, "actuals", "import", str(tpl))
    assert res.exit_code == 0, res.output
    out = tmp_path / "r.md"
    res = cli(db, "report", "淄博", "--year", "2023", "--format", "md", "-o", str(out))
    assert res.exit_code == 0
    row = next(ln for ln in out.read_text(encoding="utf-8").splitlines()
               if ln.startswith("| 9 | " + subject))
    assert "41.41（2020年）" in row and "≥55（2025年）" in row and "50（2023年）" in row
    assert "基本符合预期" in row


def test_district_audited_against_its_city_plan(tmp_path: Path) -> None:
    """A district plan is checked against its city's plan for the same period when both are
    stored; a district target far above the city's own is flagged."""
    import json

    from planwatch.actions import extract_file

    city = extract_file(SEEDS / "zibo-2022-plan.txt")
    district = city.model_copy(deep=True)
    district.meta.title, district.meta.region = "张店区“十四五”科技创新规划", "张店区"
    district.meta.region_level, district.meta.parent_region = "district", "淄博市"
    for ind in district.indicators:
        if ind.name == "高新技术企业":
            ind.target = 2500.0  # a district above the whole city's 1800
            ind.annual_growth_pct = None
    paths = []
    for name, plan in (("city.json", city), ("district.json", district)):
        path = tmp_path / name
        path.write_text(json.dumps(plan.model_dump(mode="json"), ensure_ascii=False), "utf-8")
        paths.append(str(path))
    db = tmp_path / "h.db"
    assert cli(db, "import", *paths).exit_code == 0
    res = cli(db, "audit", "张店区")
    assert res.exit_code == 0, res.output
    assert "checked against: 淄博市“十四五”科技创新规划" in res.output
    flagged = [ln for ln in res.output.splitlines() if "district-exceeds-city" in ln]
    assert len(flagged) == 1 and "高新技术企业" in flagged[0]


def test_report_lists_overdue_tasks(tmp_path: Path) -> None:
    """Tasks whose 完成时限 has passed without a report of completion appear in the report."""
    from tests.helpers import FIXTURES

    db = tmp_path / "t.db"
    assert cli(db, "import", str(FIXTURES / "tasks_fangan_table.txt")).exit_code == 0
    out = tmp_path / "r.md"
    res = cli(db, "report", "昆山", "--year", "2024", "--format", "md", "-o", str(out))
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    from planwatch.model.finding_codes import label_zh

    overdue = [ln for ln in text.splitlines() if label_zh("task-overdue") in ln]
    # as of 2024-12-31: task 1 (2023年底前) and task 2 (2024年6月) are overdue, task 4 is not
    assert len(overdue) == 2, text
    assert "建设概念验证中心" in overdue[0] and "培育技术经理人队伍" in overdue[1]


def test_revise_target_keeps_original_and_is_audited(db: Path, tmp_path: Path) -> None:
    res = cli(db, "revise", "淄博", "高新技术企业", "--value", "2000", "--reason", "省下达任务调增",
              "--by", "张三", "--document", "淄科字〔2023〕5号")
    assert res.exit_code == 0, res.output
    assert "1800（2025年）→ 2000（2025年）" in res.output
    assert cli(db, "revise", "淄博", "高新技术企业", "--value", "1").exit_code == 2  # no reason
    history = cli(db, "history", "淄博").output.splitlines()
    assert any("张三" in ln and "[目标动态调整] 高新技术企业 目标值：1,800 → 2,000" in ln
               and "淄科字〔2023〕5号；省下达任务调增" in ln for ln in history)
    out = tmp_path / "r.md"
    res = cli(db, "report", "淄博", "--year", "2023", "--format", "md", "-o", str(out))
    assert res.exit_code == 0
    row = next(ln for ln in out.read_text(encoding="utf-8").splitlines()
               if ln.startswith("| 4 | 高新技术企业 |"))
    assert "2,000（2025年）" in row
    from planwatch.storage import list_revisions, open_storage

    store = open_storage(f"sqlite:///{db}")
    (rev,) = list_revisions(store, plan_id=5)
    store.close()
    assert (rev.old_value, rev.new_value, rev.reason) == (1800, 2000, "省下达任务调增")
