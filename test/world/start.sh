#!/usr/bin/env bash
# Build the test world (build.sh) and start its servers:
#   nsd     127.0.0.10:53   private signed root "."
#   nsd     127.0.0.11:53   signed "test."
#   nsd     127.0.0.12:53   the leaf zones (test/world/zones/*.test.zone)
#   unbound 127.0.0.53:53   validating resolver, trust anchor = the private root's DS
#   node    127.0.0.20-29:25  SMTP servers of the DANE cases (smtp/serve.ts)
#   node    127.0.0.30:443    MTA-STS policy sites (https/serve.ts)
# Waits until unbound answers example.test SOA with the AD flag (30 s at most).
# Running it again restarts the world (stop.sh first), with fresh keys and signatures.
#
#   EXO_WORLD_DIR   state directory (default /tmp/exo-world)
set -euo pipefail

export PATH="/usr/sbin:/sbin:$PATH"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
W="${EXO_WORLD_DIR:-/tmp/exo-world}"
export EXO_WORLD_DIR="$W"
RESOLVER=127.0.0.53
TIMEOUT=30

die() { echo "start.sh: $*" >&2; exit 1; }

dump_logs() {
  local f
  for f in "$W"/run/nsd-*/nsd.log "$W/run/unbound/unbound.log" "$W/run/smtp/smtp.log" "$W/run/https/https.log"; do
    [ -f "$f" ] || continue
    echo "===== $f (last 40 lines)" >&2
    tail -n 40 "$f" >&2
  done
}

[ "$(id -u)" = 0 ] || die "must run as root (the servers bind port 53)"
for tool in nsd unbound dig; do
  command -v "$tool" >/dev/null || die "$tool not found: run test/world/install.sh first"
done

# A world from an earlier run (same state directory) is stopped first: idempotent restart.
"$HERE/stop.sh"

# Something else on one of our addresses (for example systemd-resolved's stub listener, which
# also uses 127.0.0.53:53) would make a server fail to bind: say so plainly.
if command -v ss >/dev/null; then
  busy="$(ss -Hlnu 2>/dev/null |
    grep -oE '(^|[[:space:]])(127\.0\.0\.(10|11|12|53)|0\.0\.0\.0|\*):53[[:space:]]' | awk '{print $1}' || true)"
  [ -z "$busy" ] || die "UDP port 53 already in use on: ${busy//$'\n'/ } (see: ss -lnup)"
fi

# Docker's embedded DNS (user-defined networks) lives on 127.0.0.11 and DNATs 127.0.0.11:53 to
# itself with iptables, which would hijack the queries meant for our test. server.
if grep -Eq '^nameserver[[:space:]]+127\.0\.0\.11([[:space:]]|$)' /etc/resolv.conf 2>/dev/null; then
  echo "start.sh: warning: /etc/resolv.conf names 127.0.0.11 (Docker embedded DNS?):" \
    "queries to the world's test. server on 127.0.0.11:53 may be intercepted" >&2
fi

# Records made at start, which build.sh signs in: the SMTP servers' and MTA-STS sites'
# certificates with the TLSA records (smtp/prepare.sh), and the DKIM keys (dkim/prepare.sh). The
# two write different files of generated/, so they run side by side.
rm -rf "$W/generated"
"$HERE/smtp/prepare.sh" & smtp_prepare=$!
"$HERE/dkim/prepare.sh" & dkim_prepare=$!
wait "$smtp_prepare" || die "smtp/prepare.sh failed"
wait "$dkim_prepare" || die "dkim/prepare.sh failed"
"$HERE/build.sh"

# If anything below fails, do not leave half a world running.
READY=0
trap '[ "$READY" = 1 ] || "$HERE/stop.sh" >&2 || true' EXIT

# Fresh logs for this run.
rm -f "$W"/run/nsd-*/nsd.log "$W/run/unbound/unbound.log"

# wait_pidfile NAME PIDFILE: the daemons fork; they are up once the pidfile names a live process.
wait_pidfile() {
  local name="$1" pidfile="$2" pid
  for _ in $(seq 100); do
    if [ -s "$pidfile" ]; then
      pid="$(tr -dc '0-9' <"$pidfile")"
      if [ -n "$pid" ] && [ -d "/proc/$pid" ]; then
        echo "started $name (pid $pid)"
        return 0
      fi
    fi
    sleep 0.1
  done
  dump_logs
  die "$name did not start (no live pid in $pidfile)"
}

start_nsd() {
  local nm="$1" label="$2"
  # nsd(8) daemonises by default and writes its pidfile once its sockets are bound.
  nsd -c "$W/conf/nsd-$nm.conf" || { dump_logs; die "nsd $nm failed to start"; }
  wait_pidfile "$label" "$W/run/nsd-$nm/nsd.pid"
}

start_nsd root "nsd     127.0.0.10:53  root ."
start_nsd test "nsd     127.0.0.11:53  test."
start_nsd leaf "nsd     127.0.0.12:53  leaf zones ($(paste -sd' ' "$W/conf/leaf-zones"))"

unbound -c "$W/conf/unbound.conf" || { dump_logs; die "unbound failed to start"; }
wait_pidfile "unbound 127.0.0.53:53  validating resolver" "$W/run/unbound/unbound.pid"

# Ready when the whole chain validates: NOERROR with the AD flag (RFC 4035 section 3.2.3).
deadline=$((SECONDS + TIMEOUT))
while :; do
  out="$(dig @"$RESOLVER" +dnssec +time=1 +tries=1 example.test SOA 2>&1 || true)"
  if grep -q 'status: NOERROR' <<<"$out" && grep -Eq 'flags:[^;]* ad[ ;]' <<<"$out"; then
    break
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "$out" >&2
    dump_logs
    die "unbound did not validate example.test SOA (NOERROR + ad) within ${TIMEOUT}s"
  fi
  sleep 0.2
done
# SMTP servers of the DANE cases (test/world/smtp/cases.ts) on 127.0.0.20-29:25, and the MTA-STS
# policy sites (test/world/https/cases.ts) on 127.0.0.30:443: one Node process each, started side
# by side, each in its own session so stop.sh can end it (and only it) by its pidfile.
mkdir -p "$W/run/smtp" "$W/run/https"
rm -f "$W/run/smtp/smtp.pid" "$W/run/https/https.pid"
setsid node "$ROOT/dist/test/world/smtp/serve.js" "$W/smtp" >"$W/run/smtp/smtp.log" 2>&1 </dev/null &
setsid node "$ROOT/dist/test/world/https/serve.js" "$W/https" >"$W/run/https/https.log" 2>&1 </dev/null &
wait_pidfile "smtp    127.0.0.20-29:25  DANE cases" "$W/run/smtp/smtp.pid"
wait_pidfile "https   127.0.0.30:443    MTA-STS sites" "$W/run/https/https.pid"

READY=1
echo "world ready: dig @$RESOLVER +dnssec example.test SOA -> NOERROR, ad (state: $W)"
