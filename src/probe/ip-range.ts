// IPv4 and IPv6 prefixes as integer intervals, to compare a connector's SenderIPAddresses and
// EFSkipIPs with a gateway's egress ranges. Prefixes as RFC 4632 §3.1 (IPv4) and RFC 4291 §2.3
// (IPv6) write them; a bare address is a /32 or /128. Exchange Online also accepts "a.b.c.d-e.f.g.h"
// ranges in SenderIPAddresses, so those are read too.
import { isIPv4, isIPv6 } from "node:net";

export interface IpInterval {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

function v4(address: string): bigint {
  return address.split(".").reduce((n, octet) => (n << 8n) | BigInt(Number(octet)), 0n);
}

function v6(address: string): bigint {
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two hextets.
  let text = address;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const n = v4(tail[1]!);
    text = `${text.slice(0, tail.index)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = rest !== undefined && rest !== "" ? rest.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups = rest === undefined ? left : [...left, ...Array<string>(missing).fill("0"), ...right];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Parses "192.0.2.0/24", "2001:db8::/32", "192.0.2.1", "192.0.2.1-192.0.2.9"; null when it is none of them. */
export function parseIpRange(text: string): IpInterval | null {
  const s = text.trim();
  const dash = /^([0-9.]+)-([0-9.]+)$/.exec(s);
  if (dash && isIPv4(dash[1]!) && isIPv4(dash[2]!)) {
    const a = v4(dash[1]!);
    const b = v4(dash[2]!);
    return a <= b ? { family: 4, first: a, last: b } : null;
  }
  const [address, prefixText] = s.split("/") as [string, string | undefined];
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : null;
  if (!family) return null;
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return null;
  const value = family === 4 ? v4(address) : v6(address);
  const hostBits = BigInt(bits - prefix);
  const first = (value >> hostBits) << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n };
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
