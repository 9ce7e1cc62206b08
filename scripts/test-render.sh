#!/usr/bin/env bash
# The rendering suite (npm run test:render): opens the reports in the programs people open them
# with, from Debian's packages, and checks what those programs make of them. Today: findings.csv in
# LibreOffice Calc with formula evaluation on (a spreadsheet must not evaluate a hostile DNS record).
# Installs what it needs when run as root; builds; runs every dist/test/render/**/*.test.js.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if ! command -v soffice >/dev/null; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "test-render.sh: LibreOffice (soffice) is missing; run as root on Debian/Ubuntu to install it (sudo npm run test:render)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  # The headless build of Calc: no X libraries, the same import and export filters.
  apt-get install -y --no-install-recommends libreoffice-calc-nogui
fi

npm run build

mapfile -t TESTS < <(find dist/test/render -name '*.test.js' 2>/dev/null | sort)
if [ "${#TESTS[@]}" -eq 0 ]; then
  echo "test-render.sh: no test files found (dist/test/render/**/*.test.js)" >&2
  exit 1
fi
node --test "${TESTS[@]}"
