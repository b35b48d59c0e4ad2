"""OCR of PDFs without a text layer: text clean-up, ruled-grid detection, the engine check, a
small scan read end to end (with progress), and (slow) seed plans rendered to page images and
extracted against the gold."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from planwatch.actions import extract_file, write_plan
from planwatch.cli import main
from planwatch.errors import DocumentError
from planwatch.parse import ocr_engine
from planwatch.parse.ocr_engine import engine, parse_tsv
from planwatch.parse.ocr_grid import find_grids
from planwatch.parse.ocr_text import (
    clean_cell,
    clean_line,
    clean_paragraph,
    fix_dash_cells,
    join_words,
)
from planwatch.parse.pdf import read_pdf
from tests.helpers import GOLD, score_dir, skip_unless_ci
from tests.render import rendered_pdfs, scan_of, soffice


@pytest.mark.parametrize(("raw", "clean"), [
    ("全 市 研 发 投 入 强 度 达 到 3 . 5 %", "全市研发投入强度达到3.5%"),
    ("2021一2025 年", "2021—2025年"),
    ("到 2O25 年 达到 l2 家", "到2025年达到12家"),
    ("研发投入 , 人才 ; 项目", "研发投入，人才；项目"),
    ("(三) 发展形势", "（三）发展形势"),
    ("国家知识产权强县〈区)建设", "国家知识产权强县（区）建设"),
    ("全社会RSD经费支出", "全社会R&D经费支出"),
    ("(人:年/万人)", "（人·年/万人）"),
    ("planwatch 测试 文档", "planwatch 测试文档"),
    ("(9)加强协同", "(9)加强协同"),  # a list number stays: only a cell's unit is fixed
    ("烟政字【2024]40号", "烟政字〔2024〕40号"),
    ("（人八）强化乡村振兴科技支撑", "（八）强化乡村振兴科技支撑"),
    ("一4一", "— 4 —"),
    ("一一创新创业生态更加优化", "——创新创业生态更加优化"),
    ("力争2一3个", "力争2—3个"),
    ("2022年4月19有日", "2022年4月19日"),
    ("淄博市“十四五\"科技创新规划", "淄博市“十四五”科技创新规划"),
])
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


def test_clean_cell_unit_debris_and_dashes() -> None:
    unit = clean_cell(["有研发活动的规上", "工业企业占比《9%6)"])
    assert unit == "有研发活动的规上工业企业占比（%）"
    assert clean_cell(["”5.805"]) == "5.805"
    assert clean_cell(["“卡脖子”技术"]) == "“卡脖子”技术"
    rows = [["指标", "2020年", "2025年"], ["甲", "一", "9.5"], ["乙", "5.8", "10.3"],
            ["丙", "12", "_"]]
    assert fix_dash_cells(rows) == [["指标", "2020年", "2025年"], ["甲", "--", "9.5"],
                                    ["乙", "5.8", "10.3"], ["丙", "12", "--"]]
    numerals = [["序号", "名称"], ["一", "甲"], ["二", "乙"]]
    assert fix_dash_cells([list(r) for r in numerals]) == numerals


def test_clean_paragraph_pairs_a_bracket_split_over_lines() -> None:
    text = "打造全省先行区。《市科技局、市工业和信息化局、市海洋发展和渔业局按职责分工负责)"
    note = "（市科技局、市工业和信息化局、市海洋发展和渔业局按职责分工负责）"
    assert clean_paragraph(text) == "打造全省先行区。" + note
    lost = "提供科技支撑。科技局牵头，市农业农村局配合)"
    assert clean_paragraph(lost) == "提供科技支撑。（科技局牵头，市农业农村局配合）"
    assert clean_paragraph("支持企业牵头。") == "支持企业牵头。"


def test_join_words_spaces_only_between_latin_words() -> None:
    assert join_words(["全社会", "R&D", "经费"], [(0, 90), (100, 160), (165, 240)]) == (
        "全社会R&D经费")
    assert join_words(["planwatch", "v1"], [(0, 200), (230, 260)]) == "planwatch v1"


def test_parse_tsv_keeps_confident_words_with_boxes() -> None:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
           "\tconf\ttext\n"
           "4\t1\t1\t1\t1\t0\t10\t20\t300\t40\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t10\t20\t100\t40\t96.5\t研发\n"
           "5\t1\t1\t1\t1\t2\t120\t20\t60\t40\t3.0\t丑\n"
           "5\t1\t1\t1\t1\t3\t190\t20\t60\t40\t91\t投入\n")
    words = parse_tsv(tsv)
    assert [(w.text, w.left, w.right, w.key) for w in words] == [
        ("研发", 10, 110, (1, 1, 1)), ("投入", 190, 250, (1, 1, 1))]


def _ruled_image() -> Any:
    """A 3×3 ruled table, the first column's two lower cells merged (rowspan)."""
    img = np.full((400, 700), 255, dtype=np.uint8)
    xs, ys = [50, 250, 450, 650], [50, 150, 250, 350]
    for y in ys:
        img[y:y + 3, xs[0]:xs[-1] + 3] = 0
    for x in xs:
        img[ys[0]:ys[-1] + 3, x:x + 3] = 0
    img[250:253, xs[0]:xs[1]] = 255  # no rule between rows 2 and 3 in column 1
    img[90:110, 300:310] = 0  # "text" in a cell: not a rule
    return img


def test_grid_rules_columns_and_merged_cells() -> None:
    grids = find_grids(_ruled_image())
    assert len(grids) == 1
    grid = grids[0]
    assert [round(x / 10) for x in grid.xs] == [5, 25, 45, 65]
    assert [round(y / 10) for y in grid.ys] == [5, 15, 25, 35]
    assert grid.owner(2, 0) == (1, 0) and grid.owner(2, 1) == (2, 1)
    assert find_grids(np.full((200, 200), 255, dtype=np.uint8)) == []


def _text_pdf(lines: list[str]) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 14)
    for i, line in enumerate(lines):
        c.drawString(72, 760 - 24 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()



def _need_engine() -> None:
    if engine() is None:
        skip_unless_ci("tesseract with its chi_sim model is not installed")


def test_small_scan_is_read_with_progress() -> None:
    _need_engine()
    lines = ["一、发展目标", "到2030年，全市高新技术企业达到2000家，研发投入强度达到3.5%。"]
    scan = scan_of(_text_pdf(lines))
    calls: list[tuple[int, int]] = []
    doc = read_pdf(scan, "scan.pdf", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]
    text = "".join(b.text for b in doc.blocks)
    assert "2030年" in text and "2000家" in text and "3.5%" in text
    assert doc.format == "pdf"


def test_cli_extracts_a_scan(tmp_path: Path) -> None:
    _need_engine()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scan_of(_text_pdf(["到2030年，全市高新技术企业达到2000家。"])))
    res = CliRunner().invoke(main, ["extract", str(scan), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    plan = json.loads((tmp_path / "out" / "scan.json").read_text(encoding="utf-8"))
    assert [(t["value"], t["unit"], t["year"]) for t in plan["targets"]] == [(2000, "家", 2030)]


def test_missing_engine_is_one_bilingual_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    ocr_engine.engine.cache_clear()
    try:
        with pytest.raises(DocumentError) as err:
            read_pdf(scan_of(_text_pdf(["到2030年"])), "scan.pdf")
    finally:
        ocr_engine.engine.cache_clear()
    assert err.value.code == "ocr-missing"
    assert "tesseract-ocr-chi-sim" in err.value.zh and "扫描" in err.value.zh
    assert "tesseract-ocr-chi-sim" in err.value.en and "OCR" in err.value.en


# Seeds OCRed in the slow test: 芝罘 (13 pages: an indicator table split over two pages,
# growth and cumulative columns) and 烟台 (7 pages: 21 prose targets, 29 measures). All five
# seeds (92 pages) take several minutes on two cores; their scores are measured by
# `make bench`-style runs and reported in docs/formats.md.
OCR_SEEDS = ("yantai-2024-opinion", "zhifu-2021-plan")



@pytest.mark.slow
def test_scanned_seeds_extract_against_the_gold(tmp_path: Path) -> None:
    _need_engine()
    if soffice() is None:
        skip_unless_ci("LibreOffice is not installed")
    pred, gold = tmp_path / "pred", tmp_path / "gold"
    pred.mkdir()
    gold.mkdir()
    for stem in OCR_SEEDS:
        scan = tmp_path / f"{stem}.pdf"
        scan.write_bytes(scan_of(rendered_pdfs()[stem].read_bytes()))
        write_plan(extract_file(scan), pred, stem)
        (gold / f"{stem}.json").write_bytes((GOLD / f"{stem}.json").read_bytes())
    scores = score_dir(pred, gold)
    assert scores["indicators"]["fully_correct_rate"] >= 0.9, scores["indicators"]
    assert scores["targets"]["f1"] >= 0.9, scores["targets"]
