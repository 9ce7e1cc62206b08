#!/usr/bin/env bash
# Stop every server start.sh started, by pidfile. Idempotent: succeeds when nothing runs.
#
#   EXO_WORLD_DIR   state directory (default /tmp/exo-world)
#
# Uses only bash and /proc (no procps), so it also works on a minimal CI image.
set -uo pipefail   # no -e: stopping must go on past any single failure, and never fail.

W="${EXO_WORLD_DIR:-/tmp/exo-world}"

# The server name (unbound, nsd) and its config file: a pid is only ours if its command line
# names our config file. A stale pidfile may name a pid the kernel has since reused.
# nsd renames its processes ("nsd: xfrd", "nsd: main", "nsd: server 1") but keeps argv.
SERVERS=(
  "https 127.0.0.30:443|$W/run/https/https.pid|$W/https"
  "smtp 127.0.0.20-29|$W/run/smtp/smtp.pid|$W/smtp"
  "unbound 127.0.0.53|$W/run/unbound/unbound.pid|$W/conf/unbound.conf"
  "nsd leaf 127.0.0.12|$W/run/nsd-leaf/nsd.pid|$W/conf/nsd-leaf.conf"
  "nsd test. 127.0.0.11|$W/run/nsd-test/nsd.pid|$W/conf/nsd-test.conf"
  "nsd root 127.0.0.10|$W/run/nsd-root/nsd.pid|$W/conf/nsd-root.conf"
)

is_ours() { # PID CONF
  local cmdline
  [ -r "/proc/$1/cmdline" ] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
  [[ " $cmdline " == *" $2 "* ]]
}

# True while any process is in process group PGID. Both daemons setsid() when they fork into
# the background, so the pidfile's pid leads a group holding all their children (nsd: the xfrd,
# main and server processes).
group_alive() { # PGID
  local want="$1" f s fields
  for f in /proc/[0-9]*/stat; do
    { read -r s <"$f"; } 2>/dev/null || continue
    # Drop "pid (comm) " (comm may contain spaces); then fields: state ppid pgrp ... (proc(5)).
    read -r -a fields <<<"${s##*) }"
    [ "${fields[2]:-}" = "$want" ] && return 0
  done
  return 1
}

declare -A PIDS=()
ORDER=()
for entry in "${SERVERS[@]}"; do
  IFS='|' read -r name pidfile conf <<<"$entry"
  [ -f "$pidfile" ] || continue
  pid="$(tr -dc '0-9' <"$pidfile" 2>/dev/null)"
  if [ -n "$pid" ] && is_ours "$pid" "$conf"; then
    # SIGTERM: clean shutdown for nsd(8) (it stops its children) and unbound(8).
    kill -TERM "$pid" 2>/dev/null && PIDS["$pid"]="$name" && ORDER+=("$pid")
  fi
  rm -f "$pidfile"
done

# Wait (all servers at once) up to 10 s; nsd takes about a second to stop its children.
for _ in $(seq 100); do
  left=0
  for pid in "${ORDER[@]}"; do
    if group_alive "$pid"; then left=1; fi
  done
  [ "$left" = 0 ] && break
  sleep 0.1
done

for pid in "${ORDER[@]}"; do
  if group_alive "$pid"; then
    # Still there after 10 s: kill the whole group (only the daemon's own processes).
    kill -KILL -- "-$pid" 2>/dev/null
    echo "killed ${PIDS[$pid]} (process group $pid)"
  else
    echo "stopped ${PIDS[$pid]} (pid $pid)"
  fi
done
exit 0
