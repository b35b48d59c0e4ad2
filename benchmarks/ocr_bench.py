"""`make bench`: OCR of a scanned PDF, seconds per page.

A sample plan is typeset as a text PDF (reportlab, a CJK font), every page is rasterised at
200 dpi into an image-only PDF (a scan: no text layer), and the scan is read by
``planwatch.parse.read_pdf`` (tesseract, one page at a time). Reported, with a baseline measured in
the same run (the text-layer PDF of the same pages read by the same reader):

- seconds per page for the scan, and for the text PDF;
- character accuracy of the OCR text against the source (difflib ratio over the whole text,
  spaces removed).
"""

from __future__ import annotations

import difflib
import io
import re
import resource
import sys
import time
from pathlib import Path

from tests.render import scan_of

from planwatch.errors import PlanwatchError
from planwatch.parse.ocr import engine
from planwatch.parse.pdf import read_pdf

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "planwatch" / "data" / "samples"
PAGES = 4
DPI = 200
CHARS_PER_LINE = 38
LINES_PER_PAGE = 40


def _lines(text: str) -> list[str]:
    out: list[str] = []
    for para in (p.strip() for p in text.splitlines()):
        while para:
            out.append(para[:CHARS_PER_LINE])
            para = para[CHARS_PER_LINE:]
    return out


def text_pdf(text: str, pages: int) -> tuple[bytes, str]:
    """A text PDF of the first ``pages`` pages of ``text``, and the text it holds."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    lines = _lines(text)[: pages * LINES_PER_PAGE]
    for start in range(0, len(lines), LINES_PER_PAGE):
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines[start:start + LINES_PER_PAGE]):
            c.drawString(60, 780 - 18 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue(), "".join(lines)



def _cpu() -> float:
    """CPU seconds of this process and its finished children (tesseract)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> int:
    print("== OCR of a scanned PDF (tesseract chi_sim, one page at a time) ==")
    if engine() is None:
        print("skipped: tesseract with chi_sim is not installed "
              "(scripts/install-system-deps.sh installs it)")
        return 0
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    data, source = text_pdf(sample.read_text(encoding="utf-8"), PAGES)
    scan = scan_of(data, DPI)
    t0 = time.perf_counter()
    read_pdf(data, "text.pdf")
    t_text = time.perf_counter() - t0
    t0, cpu0 = time.perf_counter(), _cpu()
    try:
        doc = read_pdf(scan, "scan.pdf")
    except PlanwatchError as exc:
        print(f"OCR failed: {exc}")
        return 1
    t_ocr, cpu = time.perf_counter() - t0, _cpu() - cpu0
    ocr_text = "".join(b.text for b in doc.blocks)
    accuracy = difflib.SequenceMatcher(None, _plain(source), _plain(ocr_text),
                                       autojunk=False).ratio()
    pages = max((b.page or 0) for b in doc.blocks)
    print(f"{sample.name}: {pages} pages at {DPI} dpi, {len(_plain(source))} characters")
    print(f"scan (OCR)       {t_ocr / pages:8.2f} s/page wall, {cpu / pages:.2f} s/page CPU "
          f"(this process + tesseract; wall time grows with the load of the machine)")
    print(f"text-layer PDF   {t_text / pages:8.3f} s/page "
          f"(baseline: same pages, same reader, text layer)")
    print(f"character accuracy of the OCR text: {accuracy:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
