"""Bad input on the command line ends as one bilingual line and a non-zero exit status — never a
traceback — and nothing half-written is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planwatch.cli import main
from tests.helpers import SEEDS

ZIBO = SEEDS / "zibo-2022-plan.txt"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_error_line(res: Result) -> str:
    """The single ✗ line of a failed command (exit status 1, no traceback)."""
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert lines[0].startswith("✗ ")
    return lines[0]


@pytest.fixture()
def stored(tmp_path: Path) -> str:
    """A SQLite database holding the 淄博 plan as plan #1."""
    url = f"sqlite:///{tmp_path / 'pw.db'}"
    assert run("--db", url, "import", str(ZIBO)).exit_code == 0
    return url


@pytest.mark.parametrize(("url", "reason"), [
    ("sqlite:////nonexistent-dir-planwatch/x.db", "unable to open database file"),
    ("postgresql+psycopg://nobody:secret@127.0.0.1:1/x", "Connection refused"),
    ("foo://x", "Can't load plugin"),
    ("not-a-url", "Could not parse"),
])
def test_database_that_cannot_be_opened(url: str, reason: str) -> None:
    line = one_error_line(run("--db", url, "plans"))
    assert line.startswith("✗ 无法打开数据库：")
    assert reason in line and "cannot open database" in line
    assert "secret" not in line  # the password is masked


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(bytes(range(256)) * 20)
    line = one_error_line(run("--db", f"sqlite:///{junk}", "user", "list"))
    assert "file is not a database" in line
    assert junk.read_bytes() == bytes(range(256)) * 20


def test_unknown_plan_in_empty_database(tmp_path: Path) -> None:
    line = one_error_line(run("--db", f"sqlite:///{tmp_path / 'e.db'}", "report", "X",
                              "--year", "2023"))
    assert line == "✗ 找不到规划：X（数据库中还没有规划） / no such plan: X"


def test_unknown_plan_lists_the_stored_ones(stored: str) -> None:
    line = one_error_line(run("--db", stored, "audit", "不存在"))
    assert "找不到规划：不存在（可选 1: 淄博市“十四五”科技创新规划）" in line


def test_report_year_out_of_range(stored: str) -> None:
    res = run("--db", stored, "report", "1", "--year", "1800")
    assert res.exit_code == 2
    assert "1800 is not in the range" in res.output


def test_report_into_unwritable_place(stored: str, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    line = one_error_line(run("--db", stored, "report", "1", "--year", "2023",
                              "--out", str(blocker / "r.docx")))
    assert line.startswith(f"✗ 无法写入文件：{blocker / 'r.docx'}")
    assert blocker.read_text() == "x"


def test_template_written_whole_or_not_at_all(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "t.xlsx"
    assert run("--db", stored, "template", "1", "--out", str(out)).exit_code == 0
    assert out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in out.parent.iterdir()) == ["t.xlsx"]  # no temporary left


def test_extract_into_a_file_path(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("x")
    line = one_error_line(run("extract", str(ZIBO), "--out", str(blocker)))
    assert "无法写入文件" in line and "cannot write" in line


@pytest.mark.parametrize(("text", "detail"), [
    ('{"bad": 1}', "no plan fields"),
    ("[]", "no plan fields"),
    ("not json", "Expecting value"),
])
def test_import_rejects_json_that_is_no_plan(stored: str, tmp_path: Path, text: str,
                                              detail: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(text)
    line = one_error_line(run("--db", stored, "import", str(path)))
    assert "不是有效的规划 JSON：p.json" in line and detail in line
    plans = run("--db", stored, "plans").output.splitlines()
    assert len(plans) == 1 and "淄博市" in plans[0]


def test_actuals_import_of_a_document_names_the_format(stored: str, tmp_path: Path) -> None:
    doc = tmp_path / "values.docx"
    doc.write_bytes(b"not really")
    line = one_error_line(run("--db", stored, "actuals", "import", str(doc)))
    assert "不支持的文件类型“.docx”" in line and "unsupported file type" in line
    res = run("--db", stored, "actuals", "import", str(doc), "--plan", "1")
    assert res.exit_code == 1
    assert res.stderr.splitlines()[0].startswith("✗ 不支持的文件类型“.docx”")  # no 第0行 prefix


def test_import_of_a_document_without_plan_content_stores_nothing(tmp_path: Path) -> None:
    doc = tmp_path / "notice.txt"
    doc.write_text("今天天气很好，我们去公园散步。\n\n公园里有很多人。\n", encoding="utf-8")
    db = tmp_path / "x.db"
    res = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", "import", str(doc)])
    assert res.exit_code == 1
    assert "未识别到规划内容" in res.output and "nothing stored" in res.output
    listed = CliRunner().invoke(main, ["--db", f"sqlite:///{db}", "plans"])
    assert "no plans stored yet" in listed.output
