"""The tesseract command: is it installed (with chi_sim), run it on an image, read its TSV."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from planwatch.errors import DocumentError

LANG = "chi_sim"
MIN_CONF = 10.0
PAGE_TIMEOUT = 120


def missing_engine_error() -> DocumentError:
    return DocumentError(
        "ocr-missing",
        "这是没有文字层的扫描版 PDF，需要文字识别（OCR），但未找到 tesseract 或其简体中文模型；"
        "请安装 tesseract-ocr 和 tesseract-ocr-chi-sim（见 scripts/install-system-deps.sh）",
        "this PDF is a scan without a text layer and needs OCR, but tesseract or its Simplified "
        "Chinese model is missing; install tesseract-ocr and tesseract-ocr-chi-sim "
        "(see scripts/install-system-deps.sh)",
    )


@functools.cache
def engine() -> str | None:
    """The tesseract binary when it and its chi_sim model are installed, else None."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True,
                             timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    langs = set((out.stdout + out.stderr).split())
    return binary if LANG in langs else None


@dataclass
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    key: tuple[int, int, int]
    conf: float = 0.0

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def recognise(binary: str, image: Path, psm: int = 3) -> list[Word]:
    """Words of an image (tesseract, one thread: the machine's cores are shared)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        run = subprocess.run(
            [binary, str(image), "stdout", "-l", LANG, "--psm", str(psm), "-c",
             "preserve_interword_spaces=1", "tsv"],
            capture_output=True, text=True, timeout=PAGE_TIMEOUT, env=env, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise DocumentError("ocr-failed", f"文字识别失败：{exc}", f"OCR failed: {exc}") from exc
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or [""]
        raise DocumentError("ocr-failed", f"文字识别失败：{tail[0]}", f"OCR failed: {tail[0]}")
    return parse_tsv(run.stdout)


def parse_tsv(tsv: str) -> list[Word]:
    """Word rows (level 5) of tesseract's TSV output with a confidence above MIN_CONF."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, w, h = (int(v) for v in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        if conf < MIN_CONF:
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        words.append(Word(cols[11].strip(), left, top, left + w, top + h, key, conf))
    return words


