// Building queries and reading answers on the wire, with dns-packet.
import dnsPacket from "dns-packet";
import type { Answer, Packet } from "dns-packet";
import { DnsError, isDnssecFailure } from "./errors.js";
import type { DnsAnswer, DnsRecord, ExtendedError, RecordType } from "./types.js";

/** RFC 8914 §2: the EDNS option code of an Extended DNS Error. */
const OPTION_EDE = 15;
/** The EDNS buffer size DNS Flag Day 2020 settled on: avoids IP fragmentation. */
export const EDNS_UDP_SIZE = 1232;

export function encodeQuery(id: number, name: string, type: RecordType): Buffer {
  return dnsPacket.encode({
    type: "query",
    id,
    // RD: we ask a recursive resolver. AD in a query asks for the AD bit in the answer (RFC 6840 §5.7);
    // DO (RFC 3225) makes the resolver validate and return DNSSEC records.
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.AUTHENTIC_DATA,
    questions: [{ type: type as never, name, class: "IN" }],
    additionals: [{ type: "OPT", name: ".", udpPayloadSize: EDNS_UDP_SIZE, flags: dnsPacket.DNSSEC_OK, options: [] } as never],
  });
}

export function decodeMessage(buf: Buffer, query: { name: string; type: string }): Packet {
  try {
    return dnsPacket.decode(buf);
  } catch (err) {
    throw new DnsError("DNS_BAD_RESPONSE", `malformed DNS message: ${(err as Error).message}`, query);
  }
}

export function isTruncated(packet: Packet): boolean {
  return ((packet.flags ?? 0) & dnsPacket.TRUNCATED_RESPONSE) !== 0;
}

function extendedErrors(packet: Packet): ExtendedError[] {
  const out: ExtendedError[] = [];
  for (const rr of packet.additionals ?? []) {
    if (rr.type !== "OPT") continue;
    for (const opt of (rr as unknown as { options?: { code: number; data?: Buffer }[] }).options ?? []) {
      if (opt.code !== OPTION_EDE || !opt.data || opt.data.length < 2) continue;
      const text = opt.data.subarray(2).toString("utf8").replace(/\0+$/, "");
      out.push(text ? { code: opt.data.readUInt16BE(0), text } : { code: opt.data.readUInt16BE(0) });
    }
  }
  return out;
}

/** dns-packet's rcode field is a name such as "NOERROR"; the flags carry the number too. */
function rcodeOf(packet: Packet): string {
  return (packet as unknown as { rcode?: string }).rcode ?? "NOERROR";
}

const sameName = (a: string, b: string) => a.replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();

/**
 * The longest CNAME chain followed. RFC 1034 §3.6.2 asks resolvers to follow chains but bounds
 * none; common resolvers stop near 8 to 16 links (BIND's is 16), and a mail domain needs one or two.
 */
export const MAX_CNAME_CHAIN = 16;

/**
 * Adds one link to the CNAME chain from `origin` (`seen` holds the origin and every link so far):
 * a loop, or a chain past MAX_CNAME_CHAIN, is no answer at all, never "no such record".
 */
export function extendChain(chain: string[], seen: Set<string>, origin: string, link: string, query: { name: string; type: string }, ede: ExtendedError[]): void {
  if (seen.has(link.toLowerCase())) throw new DnsError("DNS_CNAME_CHAIN", `CNAME loop: ${[origin, ...chain, link].join(" → ")}`, query, ede);
  seen.add(link.toLowerCase());
  chain.push(link);
  if (chain.length > MAX_CNAME_CHAIN) throw new DnsError("DNS_CNAME_CHAIN", `CNAME chain longer than ${MAX_CNAME_CHAIN} from ${origin}`, query, ede);
}

/**
 * Turns a response into an answer or a DnsError. Follows the CNAME chain inside the answer
 * section (RFC 1034 §4.3.2 step 3a) so the caller sees the records of the type it asked for.
 */
export function readAnswer(packet: Packet, name: string, type: RecordType, transport: DnsAnswer["transport"]): DnsAnswer {
  const query = { name, type };
  const ede = extendedErrors(packet);
  const rcode = rcodeOf(packet);
  if (rcode === "SERVFAIL") throw servfail(query, ede);
  if (rcode === "REFUSED") throw new DnsError("DNS_REFUSED", "the resolver refused the query", query, ede);
  if (rcode === "FORMERR") throw new DnsError("DNS_FORMERR", "the resolver could not parse the query", query, ede);
  if (rcode !== "NOERROR" && rcode !== "NXDOMAIN") {
    throw new DnsError("DNS_BAD_RESPONSE", `unexpected rcode ${rcode}`, query, ede);
  }
  const q = packet.questions?.[0];
  if (!q || !sameName(q.name, name) || q.type !== type) {
    throw new DnsError("DNS_BAD_RESPONSE", "the answer is for another question", query, ede);
  }
  const answers = (packet.answers ?? []) as Answer[];
  const cnameChain: string[] = [];
  let current = name;
  const seen = new Set([name.toLowerCase()]);
  for (;;) {
    const cname = answers.find((rr) => rr.type === "CNAME" && sameName(rr.name, current));
    if (!cname || type === "CNAME") break;
    current = String((cname as { data?: unknown }).data).replace(/\.$/, "");
    extendChain(cnameChain, seen, name, current, query, ede);
  }
  const records = answers
    .filter((rr) => rr.type === type && sameName(rr.name, current))
    .map((rr) => toRecord(rr));
  const ad = ((packet.flags ?? 0) & dnsPacket.AUTHENTIC_DATA) !== 0;
  const status = rcode === "NXDOMAIN" ? "nxdomain" : records.length > 0 ? "answer" : "nodata";
  return { name, type, status, ad, records, cnameChain, ede, transport, truncatedUdp: false };
}

function servfail(query: { name: string; type: string }, ede: ExtendedError[]): DnsError {
  // RFC 8914 §4.7–4.12: a SERVFAIL carrying EDE 6–12 is a DNSSEC validation failure (bogus).
  if (isDnssecFailure(ede)) {
    return new DnsError("DNS_BOGUS", "DNSSEC validation failed (bogus)", query, ede);
  }
  return new DnsError("DNS_SERVFAIL", "the resolver answered SERVFAIL", query, ede);
}

function toRecord(rr: Answer): DnsRecord {
  const name = rr.name.replace(/\.$/, "");
  const ttl = (rr as { ttl?: number }).ttl ?? 0;
  const data = decodeData(rr);
  return { name, type: rr.type, ttl, data, text: `${name}. ${ttl} IN ${rr.type} ${presentation(rr.type, data)}` };
}

function decodeData(rr: Answer): DnsRecord["data"] {
  const d = (rr as { data?: unknown }).data;
  switch (rr.type as string) {
    case "A": case "AAAA": case "CNAME": case "NS": case "PTR":
      return String(d).replace(/\.$/, "");
    case "MX": {
      const mx = d as { preference?: number; exchange?: string };
      return { preference: mx.preference ?? 0, exchange: String(mx.exchange ?? "").replace(/\.$/, "") };
    }
    case "TXT": case "SPF": {
      // RFC 1035 §3.3.14: one or more character-strings; kept apart so size limits can be judged.
      const parts = Array.isArray(d) ? d : [d];
      return parts.map((p) => (Buffer.isBuffer(p) ? p.toString("utf8") : String(p)));
    }
    case "TLSA": {
      const t = d as { usage: number; selector: number; matchingType: number; certificate: Buffer };
      return { usage: t.usage, selector: t.selector, matchingType: t.matchingType, data: t.certificate.toString("hex") };
    }
    case "SOA": {
      const s = d as { mname: string; rname: string; serial: number };
      return { mname: s.mname, rname: s.rname, serial: s.serial };
    }
    default:
      return null;
  }
}

function presentation(type: string, data: DnsRecord["data"]): string {
  if (data === null) return "\\# (not decoded)";
  if (typeof data === "string") return type === "A" || type === "AAAA" ? data : `${data}.`;
  if (Array.isArray(data)) return data.map((s) => JSON.stringify(s)).join(" ");
  if ("exchange" in data) return `${data.preference} ${data.exchange === "" ? "" : data.exchange}.`;
  if ("usage" in data) return `${data.usage} ${data.selector} ${data.matchingType} ${data.data}`;
  return `${data.mname}. ${data.rname}. ${data.serial}`;
}
