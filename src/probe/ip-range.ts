// IPv4 and IPv6 prefixes as integer intervals, to compare a connector's SenderIPAddresses and
// EFSkipIPs with a gateway's egress ranges. Prefixes as RFC 4632 §3.1 (IPv4) and RFC 4291 §2.3
// (IPv6) write them; a bare address is a /32 or /128. Exchange Online also accepts "a.b.c.d-e.f.g.h"
// ranges in SenderIPAddresses, so those are read too.
// Addresses and prefixes are read by ./ip.ts, as SPF reads them.
import { parseAddress, parsePrefix, toBigInt } from "./ip.js";

export interface IpInterval {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

/** Parses "192.0.2.0/24", "2001:db8::/32", "192.0.2.1", "192.0.2.1-192.0.2.9"; null when it is none of them. */
export function parseIpRange(text: string): IpInterval | null {
  const s = text.trim();
  const dash = /^([0-9.]+)-([0-9.]+)$/.exec(s);
  const [from, to] = dash ? [parseAddress(dash[1]!), parseAddress(dash[2]!)] : [null, null];
  if (from?.version === 4 && to?.version === 4) {
    const a = toBigInt(from);
    const b = toBigInt(to);
    return a <= b ? { family: 4, first: a, last: b } : null;
  }
  const prefix = parsePrefix(s);
  if (!prefix) return null;
  const { address, length } = prefix;
  const hostBits = BigInt((address.version === 4 ? 32 : 128) - length);
  const first = (toBigInt(address) >> hostBits) << hostBits;
  return { family: address.version, first, last: first + (1n << hostBits) - 1n };
}

export function overlaps(a: IpInterval, b: IpInterval): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** Whether `inner` lies wholly inside the union of `outer` (sorted merge of the covering intervals). */
export function coveredBy(inner: IpInterval, outer: IpInterval[]): boolean {
  let next = inner.first;
  for (const o of outer.filter((x) => x.family === inner.family).sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0))) {
    if (o.first > next) break;
    if (o.last >= next) next = o.last + 1n;
    if (next > inner.last) return true;
  }
  return next > inner.last;
}
