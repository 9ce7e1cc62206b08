#!/usr/bin/env bash
# The real-server integration suite (npm run test:world): installs and starts the loopback test
# world (test/world/), builds the project, runs every dist/test/world/**/*.test.js with
# node --test, and always stops the world again. Exits with the tests' exit code.
#
#   EXO_WORLD_DIR   state directory of the world (default /tmp/exo-world), passed to the tests
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORLD="$ROOT/test/world"
export EXO_WORLD_DIR="${EXO_WORLD_DIR:-/tmp/exo-world}"
# The resolver the tests query (see test/world/README.md).
export EXO_WORLD_RESOLVER="${EXO_WORLD_RESOLVER:-127.0.0.53}"

if [ "$(id -u)" != 0 ]; then
  echo "test-world.sh: must run as root: it installs Debian packages and starts DNS servers on" \
    "port 53 of 127.0.0.10-12 and 127.0.0.53 (try: sudo npm run test:world)" >&2
  exit 1
fi

cd "$ROOT"
"$WORLD/install.sh"

# The world's SMTP servers and certificate tool are compiled TypeScript: build before starting.
npm run build

# From here on, whatever happens, stop the world on the way out.
trap '"$WORLD/stop.sh" || true' EXIT
"$WORLD/start.sh"

mapfile -t TESTS < <(find dist/test/world -name '*.test.js' 2>/dev/null | sort)
if [ "${#TESTS[@]}" -eq 0 ]; then
  echo "test-world.sh: no test files found (dist/test/world/**/*.test.js); did the build emit test/world?" >&2
  exit 1
fi

set +e
node --test "${TESTS[@]}"
rc=$?
set -e
exit "$rc"
