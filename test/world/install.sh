#!/usr/bin/env bash
# Install the Debian packages the loopback test world needs, without starting any service.
# Idempotent: does nothing when every tool is already there.
#
#   nsd              authoritative servers (root, test., leaf zones)
#   unbound          validating resolver
#   ldnsutils        ldns-keygen, ldns-signzone, ldns-verify-zone
#   bind9-dnsutils   dig
#   postfix          only for posttls-finger, an independent DANE verifier
#   openssl          local CA and TLSA digests
set -euo pipefail

export PATH="/usr/sbin:/sbin:$PATH"

need=(nsd unbound ldns-keygen ldns-signzone ldns-verify-zone dig posttls-finger openssl)
missing=()
for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install.sh: all tools present (${need[*]})"
  exit 0
fi

[ "$(id -u)" = 0 ] || { echo "install.sh: missing ${missing[*]}; run as root to install" >&2; exit 1; }
command -v apt-get >/dev/null || { echo "install.sh: missing ${missing[*]} and no apt-get (Debian/Ubuntu only)" >&2; exit 1; }
echo "install.sh: missing ${missing[*]}; installing"

# Never start the services the packages ship: their default configs listen on port 53 (nsd on
# every address, unbound on 127.0.0.1) and postfix on 25, which would collide with the world.
# invoke-rc.d(8) asks /usr/sbin/policy-rc.d; exit status 101 means "action forbidden"
# (Debian policy-rc.d interface, /usr/share/doc/init-system-helpers/README.policy-rc.d).
# If the machine has no policy-rc.d, put one in place for the install and remove it after.
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\n# temporary, from exo-posture test/world/install.sh\nexit 101\n' >"$POLICY"
  chmod 755 "$POLICY"
  trap 'rm -f "$POLICY"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
# postfix asks for a mail server configuration type; "No configuration" writes no main.cf
# and needs no other answer (debconf-set-selections(1)).
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections

apt-get update
apt-get install -y --no-install-recommends \
  nsd unbound ldnsutils bind9-dnsutils postfix openssl

for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null || { echo "install.sh: $tool still missing after install" >&2; exit 1; }
done
echo "install.sh: installed"
