#!/usr/bin/env bash
# Build the loopback DNS test world into a state directory: keys, signed zones, nsd and
# unbound configurations. Does not start anything (start.sh does).
#
#   EXO_WORLD_DIR   state directory (default /tmp/exo-world)
#
# Layout of the state directory:
#   keys/    ldns-keygen key pairs (new ones on every build)
#   zones/   <zone>.zone (template + generated records), <zone>.signed (served by nsd)
#   conf/    nsd-root.conf nsd-test.conf nsd-leaf.conf unbound.conf root.hints root-anchor.ds
#   run/     pidfiles, logs, nsd zonelist/xfrd state (left alone here: servers may be running)
#
# Leaf zones are discovered from test/world/zones/*.zone (every file but root.zone and
# test.zone); see README.md for the per-zone "; world-..." settings.
set -euo pipefail

export PATH="/usr/sbin:/sbin:$PATH"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TEMPLATES="$HERE/zones"
W="${EXO_WORLD_DIR:-/tmp/exo-world}"

ROOT_ADDR=127.0.0.10
TEST_ADDR=127.0.0.11
LEAF_ADDR=127.0.0.12
RESOLVER_ADDR=127.0.0.53

die() { echo "build.sh: $*" >&2; exit 1; }

for tool in ldns-keygen ldns-signzone ldns-verify-zone nsd-checkconf unbound-checkconf; do
  command -v "$tool" >/dev/null || die "$tool not found: run test/world/install.sh first"
done

# Guard the rm -rf below against an empty or dangerous state directory.
case "$W" in
  /|/tmp|/tmp/|"") die "refusing EXO_WORLD_DIR='$W'" ;;
  /*) ;;
  *) die "EXO_WORLD_DIR must be an absolute path (got '$W')" ;;
esac

mkdir -p "$W"
rm -rf "$W/keys" "$W/zones" "$W/conf"
mkdir -p "$W/keys" "$W/zones" "$W/conf" "$W/run"

# Signature validity: inception one hour in the past (tolerates small clock skew between build
# and validation), expiration 30 days ahead. Signatures expire, so every build re-signs.
INCEPTION="$(date -u -d '-1 hour' +%Y%m%d%H%M%S)"
EXPIRATION="$(date -u -d '+30 days' +%Y%m%d%H%M%S)"

# keygen ZONE [-k]  -> prints the key's base path (keys/K<zone>+013+<id>)
keygen() {
  local zone="$1"; shift
  # -r /dev/urandom: never block on entropy on a fresh VM (ldns-keygen(1) defaults to /dev/random).
  (cd "$W/keys" && ldns-keygen -a ECDSAP256SHA256 -r /dev/urandom "$@" "$zone") |
    sed "s|^|$W/keys/|"
}

# sign ZONE(fqdn) -> signs zones/<file>.zone into zones/<file>.signed with a fresh KSK + ZSK,
# sets KSK_BASE to the KSK's base path (its .ds file is the DS for the parent).
sign() {
  local zone="$1" file="$2" zsk
  KSK_BASE="$(keygen "$zone" -k)"
  zsk="$(keygen "$zone")"
  ldns-signzone -i "$INCEPTION" -e "$EXPIRATION" -o "$zone" \
    -f "$W/zones/$file.signed" "$W/zones/$file.zone" "$KSK_BASE" "$zsk"
}

# The DS line of a key's .ds file, with an explicit TTL (ldns-keygen writes none).
ds_of() { awk '{ print $1, 300, $2, $3, $4, $5, $6, $7 }' "$1.ds"; }

# corrupt_rrsig ZONE FILE OWNER TYPE: overwrite 4 base64 characters in the middle of the
# signature of the RRSIG covering OWNER/TYPE, after signing (the design's "broken" case).
corrupt_rrsig() {
  local zone="$1" file="$2" owner="$3" type="$4" fqdn tmp
  case "$owner" in
    @) fqdn="$zone" ;;
    *.) fqdn="$owner" ;;
    *) fqdn="$owner.$zone" ;;
  esac
  tmp="$W/zones/$file.signed.tmp"
  # ldns-signzone writes one RR per line: owner ttl class RRSIG covered alg labels ottl exp inc
  # keytag signer signature; the signature is the last field. Each character is replaced by a
  # different base64 character (A<->B, everything else -> A), so the bytes really change.
  awk -v o="$(tr '[:upper:]' '[:lower:]' <<<"$fqdn")" -v t="$(tr '[:lower:]' '[:upper:]' <<<"$type")" '
    tolower($1) == o && $4 == "RRSIG" && toupper($5) == t {
      s = $NF; out = substr(s, 1, 19)
      for (i = 20; i < 24; i++) { c = substr(s, i, 1); out = out (c == "A" ? "B" : "A") }
      $NF = out substr(s, 24); n++
    }
    { print }
    END { if (n == 0) exit 3 }' "$W/zones/$file.signed" >"$tmp" ||
    die "$file: no RRSIG over '$owner $type' to corrupt"
  mv "$tmp" "$W/zones/$file.signed"
  # Prove the corruption: the zone must no longer verify.
  if ldns-verify-zone "$W/zones/$file.signed" >/dev/null 2>&1; then
    die "$file: still verifies after corrupting the RRSIG over '$owner $type'"
  fi
}

# A "; world-KEY: value" setting from the header comments of a zone template (empty if absent).
setting() { sed -n "s/^;[[:space:]]*world-$2:[[:space:]]*//p" "$1" | sed 's/[[:space:]]*$//'; }

# ---------------------------------------------------------------------------------------------
# 1. Leaf zones (bottom of the tree), served from $LEAF_ADDR, delegated from test.
# ---------------------------------------------------------------------------------------------
cp "$TEMPLATES/test.zone" "$W/zones/test.zone"
LEAVES=()
shopt -s nullglob
for tpl in "$TEMPLATES"/*.zone; do
  base="$(basename "$tpl" .zone)"
  case "$base" in root|test) continue ;; esac
  name="$(tr '[:upper:]' '[:lower:]' <<<"$base")"
  # Only direct children of test. (one label): test. is the only parent build.sh writes
  # delegations into.
  [[ "$name" =~ ^[a-z0-9]([a-z0-9-]*[a-z0-9])?\.test$ ]] ||
    die "$tpl: leaf zone files must be named <label>.test.zone"
  zone="$name."
  mode="$(setting "$tpl" mode)"; mode="${mode:-signed}"
  cp "$tpl" "$W/zones/$name.zone"
  # Records made at start time, before signing: the TLSA records of the SMTP servers'
  # freshly issued certificates (smtp/prepare.sh writes $W/generated/<zone>.zone).
  if [ -f "$W/generated/$name.zone" ]; then
    { echo; echo "; --- generated at start"; cat "$W/generated/$name.zone"; } >>"$W/zones/$name.zone"
  fi
  # The delegation below needs the zone's own ns.<zone> A $LEAF_ADDR (README: how to add a zone).
  grep -Eiq "^ns[[:space:]]+([0-9]+[[:space:]]+)?(IN[[:space:]]+)?A[[:space:]]+$LEAF_ADDR([[:space:]]|$)" "$tpl" ||
    die "$tpl: must contain the line 'ns A $LEAF_ADDR' (and '@ NS ns.$zone')"

  {
    echo
    echo "; --- $zone ($mode), generated by build.sh"
    echo "$zone 300 IN NS ns.$zone"
    echo "ns.$zone 300 IN A $LEAF_ADDR"
  } >>"$W/zones/test.zone"

  case "$mode" in
    signed)
      sign "$zone" "$name"
      ds_of "$KSK_BASE" >>"$W/zones/test.zone"
      corrupted=0
      while read -r owner type; do
        [ -n "$owner" ] || continue
        corrupt_rrsig "$zone" "$name" "$owner" "$type"
        corrupted=1
      done < <(setting "$tpl" corrupt-rrsig)
      if [ "$corrupted" = 0 ]; then
        ldns-verify-zone "$W/zones/$name.signed" >/dev/null || die "$name: signed zone does not verify"
      fi
      ;;
    bogus)
      # Signed with its own keys, but the parent gets the DS of a "ghost" KSK that is never
      # put into the zone: the DS matches no DNSKEY (RFC 4035 section 5.2), the zone is bogus.
      sign "$zone" "$name"
      ghost="$(keygen "$zone" -k)"
      echo "; DS of a key that is NOT in $zone (deliberately bogus)" >>"$W/zones/test.zone"
      ds_of "$ghost" >>"$W/zones/test.zone"
      ;;
    unsigned)
      # No keys, no DS: the signed NSEC of the delegation in test. proves it insecure.
      cp "$W/zones/$name.zone" "$W/zones/$name.signed"
      ;;
    *) die "$tpl: unknown world-mode '$mode' (signed | unsigned | bogus)" ;;
  esac
  LEAVES+=("$name")
done
shopt -u nullglob
[ "${#LEAVES[@]}" -gt 0 ] || die "no leaf zones in $TEMPLATES"

# ---------------------------------------------------------------------------------------------
# 2. test. (with every leaf's delegation and DS), then 3. the root (with test.'s DS).
# ---------------------------------------------------------------------------------------------
sign test. test
ldns-verify-zone "$W/zones/test.signed" >/dev/null || die "test.: signed zone does not verify"
cp "$TEMPLATES/root.zone" "$W/zones/root.zone"
{ echo; echo "; --- DS of test., generated by build.sh"; ds_of "$KSK_BASE"; } >>"$W/zones/root.zone"

sign . root
ldns-verify-zone "$W/zones/root.signed" >/dev/null || die "root: signed zone does not verify"
# unbound's trust anchor: the DS of the private root's KSK (unbound.conf(5) trust-anchor-file).
ds_of "$KSK_BASE" >"$W/conf/root-anchor.ds"

# ---------------------------------------------------------------------------------------------
# 4. nsd configurations, one instance per address (nsd.conf(5)).
# ---------------------------------------------------------------------------------------------
# nsd_conf NAME ADDR ZONE:FILE...
nsd_conf() {
  local nm="$1" addr="$2"; shift 2
  local run="$W/run/nsd-$nm"
  mkdir -p "$run"
  {
    cat <<EOF
# nsd "$nm" on $addr:53, generated by build.sh
server:
  ip-address: $addr
  port: 53
  do-ip6: no
  # Stay root (no chroot, no privilege drop), keep zones in memory only (no nsd.db).
  username: ""
  chroot: ""
  database: ""
  zonesdir: "$W/zones"
  pidfile: "$run/nsd.pid"
  logfile: "$run/nsd.log"
  zonelistfile: "$run/zone.list"
  xfrdfile: "$run/xfrd.state"
  xfrdir: "$run"
  server-count: 1
  verbosity: 1
  hide-version: yes
  # nsd writes zone contents back to zone files periodically; never touch our signed files.
  zonefiles-write: 0

remote-control:
  control-enable: no
EOF
    local zf
    for zf in "$@"; do
      printf '\nzone:\n  name: "%s"\n  zonefile: "%s"\n' "${zf%%:*}" "${zf#*:}"
    done
  } >"$W/conf/nsd-$nm.conf"
  nsd-checkconf "$W/conf/nsd-$nm.conf" || die "nsd-$nm.conf is invalid"
}

nsd_conf root "$ROOT_ADDR" ".:root.signed"
nsd_conf test "$TEST_ADDR" "test.:test.signed"
leaf_args=()
for name in "${LEAVES[@]}"; do leaf_args+=("$name.:$name.signed"); done
nsd_conf leaf "$LEAF_ADDR" "${leaf_args[@]}"

# ---------------------------------------------------------------------------------------------
# 5. unbound (unbound.conf(5)): validating, knows only the private root.
# ---------------------------------------------------------------------------------------------
mkdir -p "$W/run/unbound"
cat >"$W/conf/root.hints" <<EOF
.                 3600000  NS  a.root-servers.
a.root-servers.   3600000  A   $ROOT_ADDR
EOF

cat >"$W/conf/unbound.conf" <<EOF
# unbound resolver of the test world on $RESOLVER_ADDR:53, generated by build.sh
server:
  interface: $RESOLVER_ADDR
  port: 53
  do-ip4: yes
  do-ip6: no
  do-udp: yes
  do-tcp: yes
  access-control: 127.0.0.0/8 allow
  # No leak to the real internet: the only root it knows is the private one, and every query
  # leaves from a loopback source address, which the kernel cannot route off the machine.
  root-hints: "$W/conf/root.hints"
  outgoing-interface: $RESOLVER_ADDR
  # Our authoritative servers are on 127.0.0.0/8, which unbound skips by default.
  do-not-query-localhost: no
  # test. is one of unbound's default blocked local zones (RFC 6761); serve it for real.
  local-zone: "test." nodefault
  # Trust anchor: the private root's KSK DS. A plain trust-anchor-file, not the RFC 5011
  # auto-trust-anchor-file: the world's keys change on every build.
  trust-anchor-file: "$W/conf/root-anchor.ds"
  module-config: "validator iterator"
  # Extended DNS Errors (RFC 8914) with SERVFAIL, and the reason of bogus answers in the log.
  ede: yes
  val-log-level: 2
  # Root, no chroot, every file in the state directory.
  username: ""
  chroot: ""
  directory: "$W/run/unbound"
  pidfile: "$W/run/unbound/unbound.pid"
  logfile: "$W/run/unbound/unbound.log"
  use-syslog: no
  log-time-ascii: yes
  verbosity: 1
  num-threads: 1
  so-reuseport: no
  # Small caches: the world is tiny, and tests start from a fresh process anyway.
  msg-cache-size: 4m
  rrset-cache-size: 4m
  key-cache-size: 1m
  neg-cache-size: 1m
  infra-cache-numhosts: 100
  prefetch: no
  serve-expired: no
  # Bogus answers are cached for val-bogus-ttl seconds; keep it short for the tests.
  val-bogus-ttl: 5
  qname-minimisation: yes
  # 1232 is the DNS Flag Day 2020 default; a client advertising 1232 must get TC for big.example.test.
  edns-buffer-size: 1232

remote-control:
  control-enable: no
EOF
unbound-checkconf "$W/conf/unbound.conf" >/dev/null || die "unbound.conf is invalid"

# The leaf zones, one a line, for start.sh and for tests.
printf '%s\n' "${LEAVES[@]}" >"$W/conf/leaf-zones"

echo "build.sh: built $W (leaf zones: ${LEAVES[*]})"
