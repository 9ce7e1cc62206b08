// The benchmark's world (scripts/bench.mjs), also used by the tests of a run's economy: N domains
// sharing a few MX hosts two a domain, every one with SPF (one shared include), DMARC reporting to
// an outside address that authorises them all (RFC 9990), a DKIM key at selector1, and every other
// one with MTA-STS and TLS-RPT. Names only: the STARTTLS and policy servers are the caller's.
import { type Zone, zone } from "../dns/zone.js";

export const BENCH_ORIGIN = "bench.example";
/** Where the MX hosts live; an MTA-STS policy naming `*.${BENCH_GATEWAY}` covers them all. */
export const BENCH_GATEWAY = `gw.${BENCH_ORIGIN}`;
const RUA = "reports.bench-rua.example";

export interface BenchWorld {
  domains: string[];
  zones: Zone[];
  /**
   * The fewest questions a run can ask of this world: per domain MX, TXT (SPF), _dmarc, the
   * report authorisation, two DKIM selectors, _mta-sts and _smtp._tls; the MTA-STS policy host's A
   * and AAAA where a policy is published; each MX host's A, AAAA and TLSA once; the SPF include
   * once; and the resolver's own check (. SOA).
   */
  minimumQueries: number;
  /** Whether domain i publishes MTA-STS and TLS-RPT. */
  hasMtaSts: (i: number) => boolean;
}

export function benchWorld(n: number, mxHosts = 40): BenchWorld {
  const hasMtaSts = (i: number) => i % 2 === 0;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = `d${i}`;
    lines.push(
      `${d} MX 10 mx${i % mxHosts}.${BENCH_GATEWAY}.`,
      `${d} MX 20 mx${(i + 1) % mxHosts}.${BENCH_GATEWAY}.`,
      `${d} TXT "v=spf1 include:_spf.${BENCH_GATEWAY} -all"`,
      `_dmarc.${d} TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${RUA}"`,
      // RFC 8463's example Ed25519 key.
      `selector1._domainkey.${d} TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="`,
    );
    if (hasMtaSts(i)) lines.push(`_mta-sts.${d} TXT "v=STSv1; id=20260101T000000"`, `mta-sts.${d} A 127.0.0.1`, `_smtp._tls.${d} TXT "v=TLSRPTv1; rua=mailto:tls@${RUA}"`);
  }
  for (let k = 0; k < mxHosts; k++) lines.push(`mx${k}.gw A 127.0.1.${(k % 250) + 1}`);
  lines.push(`_spf.gw TXT "v=spf1 ip4:192.0.2.0/24 -all"`);
  const withSts = Array.from({ length: n }, (_, i) => i).filter(hasMtaSts).length;
  return {
    domains: Array.from({ length: n }, (_, i) => `d${i}.${BENCH_ORIGIN}`),
    zones: [
      zone(BENCH_ORIGIN, "secure", lines),
      // RFC 9990: the report address's domain takes reports for every domain (a wildcard).
      zone(RUA, "secure", ['*._report._dmarc TXT "v=DMARC1"']),
    ],
    minimumQueries: n * 8 + withSts * 2 + Math.min(mxHosts, n + 1) * 3 + 1 + 1,
    hasMtaSts,
  };
}

/** The MTA-STS policy every policy host of the world serves (RFC 8461 §3.2). */
export const BENCH_POLICY = `version: STSv1\r\nmode: enforce\r\nmx: *.${BENCH_GATEWAY}\r\nmax_age: 1209600\r\n`;
