// Addresses as check_host() sees them: the client <ip> (RFC 7208 §4.1), CIDR matching for ip4/ip6/a/mx
// (§5.6), the reverse-mapping name for ptr and %{p} (§5.5), and the %{i} / %{c} forms (§7.3).
import net from "node:net";

export interface Ip {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

/**
 * Parses an address. RFC 7208 §5: a client on an IPv4-mapped IPv6 address (::ffff:a.b.c.d, RFC 4291
 * §2.5.5.2) MUST be treated as the IPv4 address it carries, for ip4/ip6 and for the A/AAAA choice.
 */
export function parseIp(text: string): Ip | null {
  const s = text.trim();
  if (net.isIPv4(s)) return { version: 4, bytes: Uint8Array.from(s.split(".").map(Number)) };
  // Zone ids (fe80::1%eth0) are not addresses a peer can have.
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || !net.isIPv6(s)) return null;
  const bytes = ipv6Bytes(s);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { version: 4, bytes: bytes.slice(12) } : { version: 6, bytes };
}

/** RFC 4291 §2.2 text forms (with "::" and a trailing dotted quad) to 16 bytes; input already validated. */
function ipv6Bytes(s: string): Uint8Array {
  let text = s;
  const tail: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    tail.push(...quad[1]!.split(".").map(Number));
    text = text.slice(0, -quad[1]!.length) + "0:0";
  }
  const [head, rest] = text.includes("::") ? text.split("::") as [string, string] : [text, null];
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = rest === null ? [] : groups(rest);
  const all = rest === null ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  if (tail.length === 4) out.set(tail, 12);
  return out;
}

/** Whether `ip` lies in `network`/`prefix` (RFC 4632 §3.1 style prefix match); versions must agree. */
export function inNetwork(ip: Ip, network: Ip, prefix: number): boolean {
  if (ip.version !== network.version) return false;
  const full = Math.floor(prefix / 8);
  for (let i = 0; i < full; i++) if (ip.bytes[i] !== network.bytes[i]) return false;
  const bits = prefix % 8;
  if (bits === 0) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return (ip.bytes[full]! & mask) === (network.bytes[full]! & mask);
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
