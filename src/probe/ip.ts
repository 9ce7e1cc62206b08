// IPv4 and IPv6 addresses and prefixes, read once for every caller: SPF's ip4/ip6 networks and
// client <ip> (RFC 7208 §5.6, §4.1), and the connector and gateway egress ranges of the mail path.
// Addresses as RFC 4291 §2.2 (IPv6, "::" and a dotted-quad tail included) and the dotted quad write
// them; prefixes as RFC 4632 §3.1 (IPv4) and RFC 4291 §2.3 (IPv6) write them. Each caller applies its
// own rules on top (SPF's IPv4-mapped clients, its cidr-length grammar; Exchange's dash ranges).
import net from "node:net";

export interface Ip {
  version: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

/** An address/length prefix as written: `address` may have host bits set (192.0.2.1/24). */
export interface Prefix {
  address: Ip;
  length: number;
}

/**
 * An address as written, without trimming: IPv4-mapped IPv6 (::ffff:a.b.c.d) stays IPv6, since
 * whether it stands for IPv4 is the caller's rule. Zone ids (fe80::1%eth0, RFC 4007 §11) are refused:
 * they name a link on this host, not an address a peer or a connector can have.
 */
export function parseAddress(text: string): Ip | null {
  if (net.isIPv4(text)) return { version: 4, bytes: Uint8Array.from(text.split(".").map(Number)) };
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || !net.isIPv6(text)) return null;
  return { version: 6, bytes: ipv6Bytes(text) };
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

/** RFC 4291 §2.5.5.2: ::ffff:a.b.c.d, an IPv6 address that carries an IPv4 one in its last 4 bytes. */
export function isV4Mapped(ip: Ip): boolean {
  return ip.version === 6 && ip.bytes.slice(0, 10).every((b) => b === 0) && ip.bytes[10] === 0xff && ip.bytes[11] === 0xff;
}

/**
 * "address" or "address/length", length in decimal digits from 0 to 32 (IPv4) or 128 (IPv6); a bare
 * address is a /32 or /128. Host bits below the length are kept as written: matching ignores them.
 */
export function parsePrefix(text: string): Prefix | null {
  const slash = text.indexOf("/");
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (!address) return null;
  const max = address.version === 4 ? 32 : 128;
  if (slash < 0) return { address, length: max };
  const digits = text.slice(slash + 1);
  if (!/^\d+$/.test(digits) || Number(digits) > max) return null;
  return { address, length: Number(digits) };
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

/** The address as one unsigned integer, for interval arithmetic. */
export function toBigInt(ip: Ip): bigint {
  return ip.bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
}
