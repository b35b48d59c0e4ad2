#!/usr/bin/env bash
# Debian packages the test-suite needs: LibreOffice (render seeds to .pdf/.docx and reports to PDF),
# CJK fonts, poppler-utils (pdftoppm), chromium (browser tests: tests/test_e2e*.py drive
# /usr/bin/chromium through Playwright, which cannot download its own browser here), tesseract
# with its Simplified Chinese model (OCR of scanned PDFs: the model ships in the package, nothing
# is downloaded at run time).
# Idempotent; skips what is already installed.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
dpkg -s tesseract-ocr-chi-sim >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
command -v pg_dump >/dev/null 2>&1 || need+=(postgresql-client)  # planwatch backup on PostgreSQL
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "need root to install: ${need[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
