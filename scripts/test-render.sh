#!/usr/bin/env bash
# The rendering suite (npm run test:render): opens the reports in the programs people open them
# with, from Debian's packages, and checks what those programs make of them: findings.csv in
# LibreOffice Calc with formula evaluation on (a spreadsheet must not evaluate a hostile DNS
# record), report.xlsx printed to PDF by LibreOffice and report.html by Chromium (pages and a
# screenshot kept as PNG in reports/render/ to look at).
# Installs what it needs when run as root; builds; runs every dist/test/render/**/*.test.js.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Carlito is metric-compatible with Calibri, the workbook's font, so rows print as Excel lays them out.
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null || ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi carlito; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "test-render.sh: LibreOffice, Chromium, poppler-utils or the Carlito font is missing; run as root on Debian/Ubuntu to install them (sudo npm run test:render)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # The headless build of Calc: no X libraries, the same import and export filters.
  apt-get install -y --no-install-recommends libreoffice-calc-nogui chromium poppler-utils fonts-crosextra-carlito fontconfig
fi

npm run build

mapfile -t TESTS < <(find dist/test/render -name '*.test.js' 2>/dev/null | sort)
if [ "${#TESTS[@]}" -eq 0 ]; then
  echo "test-render.sh: no test files found (dist/test/render/**/*.test.js)" >&2
  exit 1
fi
node --test "${TESTS[@]}"
