// Addresses as check_host() sees them: the client <ip> (RFC 7208 §4.1), CIDR matching for ip4/ip6/a/mx
// (§5.6), the reverse-mapping name for ptr and %{p} (§5.5), and the %{i} / %{c} forms (§7.3).
// Addresses are read by ../ip.ts, the one parser the mail path uses too; what is SPF's own is here.
import { type Ip, isV4Mapped, parseAddress } from "../ip.js";

export { type Ip, inNetwork } from "../ip.js";

/**
 * Parses an address. RFC 7208 §5: a client on an IPv4-mapped IPv6 address (::ffff:a.b.c.d, RFC 4291
 * §2.5.5.2) MUST be treated as the IPv4 address it carries, for ip4/ip6 and for the A/AAAA choice.
 */
export function parseIp(text: string): Ip | null {
  const ip = parseAddress(text.trim());
  return ip && isV4Mapped(ip) ? { version: 4, bytes: ip.bytes.slice(12) } : ip;
}

/** RFC 7208 §7.3: the "i" macro: dotted quad, or 32 dot-separated nibbles for IPv6 (lower case, as §7.4's example). */
export function dottedForm(ip: Ip): string {
  if (ip.version === 4) return [...ip.bytes].join(".");
  return [...ip.bytes].flatMap((b) => [(b >> 4).toString(16), (b & 0xf).toString(16)]).join(".");
}

/** RFC 7208 §7.3: the "c" macro: dotted quad, or the RFC 5952 text form of an IPv6 address. */
export function readableForm(ip: Ip): string {
  if (ip.version === 4) return dottedForm(ip);
  const groups = Array.from({ length: 8 }, (_, i) => (ip.bytes[i * 2]! << 8) | ip.bytes[i * 2 + 1]!);
  // RFC 5952 §4.2: the longest run of two or more zero groups becomes "::" (the first on a tie).
  let best = { start: -1, len: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { start: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.len).join(":")}`;
}

/** RFC 7208 §5.5 / §7.3: the name whose PTR records map <ip> back to names. */
export function reverseName(ip: Ip): string {
  return `${dottedForm(ip).split(".").reverse().join(".")}.${ip.version === 4 ? "in-addr" : "ip6"}.arpa`;
}

/** The address of a decoded A/AAAA record, or null for anything that is not one. */
export function recordAddress(data: unknown): Ip | null {
  return typeof data === "string" ? parseIp(data) : null;
}
