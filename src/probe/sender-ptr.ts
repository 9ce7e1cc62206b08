// Which addresses a domain's SPF tree lets send, and whether each has forward-confirmed reverse DNS:
// a PTR record (RFC 1035 §3.5, RFC 3596 §2.5) whose name's A or AAAA records include the address.
// Receivers (and GOV.UK's secure email policy) expect every sending service to have one. Only terms
// that authorise (qualifier "+", RFC 7208 §4.6.2) and that a receiver reaches count; the tree was
// walked once by the SPF probe, so this reads its terms instead of walking again.
import { errorOf } from "./evidence-of.js";
import { probeMx } from "./mx.js";
import type { ProbeContext } from "./context.js";
import { parseRecord } from "./spf/record.js";
import { type Ip, readableForm, recordAddress, reverseName } from "./spf/ip.js";
import type { SpfEvidence } from "../evidence/spf.js";
import type { SenderAddress, SenderPtrEvidence } from "../evidence/sender-ptr.js";
import type { EvidenceError } from "../evidence/common.js";

/** Single addresses checked per domain; the rest are counted as skipped. */
export const MAX_SENDER_ADDRESSES = 50;
/** RFC 7208 §4.6.4: at most 10 MX names, and at most 10 PTR names, are looked at. */
const MAX_NAMES = 10;

interface Listed { ip: Ip; by: string }

export async function probeSenderPtr(spf: SpfEvidence, ctx: ProbeContext): Promise<SenderPtrEvidence> {
  const empty: SenderPtrEvidence = { error: null, addresses: [], ranges: [], unlisted: [], skipped: 0, complete: true };
  if (spf.error) return { ...empty, error: spf.error, complete: false };
  if (!spf.lint) return empty;
  const ranges: SenderPtrEvidence["ranges"] = [];
  const unlisted: SenderPtrEvidence["unlisted"] = [];
  const listed: Listed[] = [];
  for (const t of spf.lint.terms) {
    if (t.reachable === false) continue;
    const parsed = parseRecord(`v=spf1 ${t.term}`);
    const m = parsed.ok ? parsed.record.terms[0] : undefined;
    if (!m || m.kind !== "mechanism" || m.qualifier !== "+") continue;
    const by = `${m.raw} in ${t.domain}`;
    switch (m.name) {
      case "ip4":
      case "ip6": {
        const full = m.name === "ip4" ? 32 : 128;
        const cidr = m.name === "ip4" ? m.cidr4 : m.cidr6;
        if (!m.network) continue;
        if (cidr !== null && cidr < full) ranges.push({ term: m.raw, domain: t.domain });
        else listed.push({ ip: m.network, by });
        break;
      }
      case "a":
      case "mx": {
        if (m.domainSpec?.some((tok) => tok.kind === "macro")) {
          unlisted.push({ term: m.raw, domain: t.domain, why: "its target is a macro, expanded only for a real message", error: null });
          continue;
        }
        // An a or mx with a CIDR length authorises the networks around each address: ranges.
        if ((m.cidr4 !== null && m.cidr4 < 32) || (m.cidr6 !== null && m.cidr6 < 128)) {
          ranges.push({ term: m.raw, domain: t.domain });
          continue;
        }
        const target = m.domainSpec ? m.domainSpec.map((tok) => (tok.kind === "macro" ? "" : tok.text)).join("").replace(/\.$/, "") : t.domain;
        // The mx term's hosts are read as the MX probe reads any MX RRset (Null MX has none), at most 10 (RFC 7208 §4.6.4).
        const mx = m.name === "mx" ? await probeMx(target, ctx) : null;
        const failed = (e: EvidenceError) => unlisted.push({ term: m.raw, domain: t.domain, why: `its addresses could not be looked up (${e.code}: ${e.message})`, error: e });
        if (mx?.error) {
          failed(mx.error);
          break;
        }
        try {
          for (const host of mx ? mx.hosts.slice(0, MAX_NAMES).map((h) => h.exchange) : [target]) for (const ip of await addressesOf(host, ctx)) listed.push({ ip, by });
        } catch (err) {
          failed(errorOf(err));
        }
        break;
      }
      case "exists":
      case "ptr":
        unlisted.push({ term: m.raw, domain: t.domain, why: m.name === "ptr" ? "ptr authorises by the client's own reverse DNS, not by address" : "exists authorises by a name built for each message, not by address", error: null });
        break;
      default:
        break;
    }
  }
  // One entry per address, with every term that authorises it.
  const byAddress = new Map<string, { ip: Ip; by: string[] }>();
  for (const l of listed) {
    const key = readableForm(l.ip);
    const seen = byAddress.get(key);
    if (seen) { if (!seen.by.includes(l.by)) seen.by.push(l.by); } else byAddress.set(key, { ip: l.ip, by: [l.by] });
  }
  const all = [...byAddress.values()];
  const addresses = await Promise.all(all.slice(0, MAX_SENDER_ADDRESSES).map((a) => confirm(a.ip, a.by, ctx)));
  return {
    error: null,
    addresses,
    ranges,
    unlisted,
    skipped: Math.max(0, all.length - MAX_SENDER_ADDRESSES),
    complete: spf.lint.complete,
  };
}

async function addressesOf(host: string, ctx: ProbeContext): Promise<Ip[]> {
  const answers = await Promise.all([ctx.resolver.query(host, "A"), ctx.resolver.query(host, "AAAA")]);
  return answers.flatMap((a) => a.records.map((r) => recordAddress(r.data)).filter((ip): ip is Ip => ip !== null));
}

/** PTR, then each name's A or AAAA: forward-confirmed when one of them holds the address. */
async function confirm(ip: Ip, by: string[], ctx: ProbeContext): Promise<SenderAddress> {
  const address = readableForm(ip);
  const rname = reverseName(ip);
  const base = { address, authorisedBy: by, reverseName: rname };
  let ptrNames: string[];
  try {
    const answer = await ctx.resolver.query(rname, "PTR");
    ptrNames = answer.records.map((r) => String(r.data).replace(/\.$/, "").toLowerCase()).filter((n) => n !== "").slice(0, MAX_NAMES);
  } catch (err) {
    return { ...base, error: errorOf(err), names: [], verdict: "unknown" };
  }
  if (ptrNames.length === 0) return { ...base, error: null, names: [], verdict: "no-ptr" };
  const type = ip.version === 4 ? "A" : "AAAA";
  const names = await Promise.all(
    ptrNames.map(async (name) => {
      try {
        const answer = await ctx.resolver.query(name, type);
        const addresses = answer.records.map((r) => recordAddress(r.data)).filter((x): x is Ip => x !== null).map(readableForm);
        return { name, addresses, error: null as EvidenceError | null, confirms: addresses.includes(address) };
      } catch (err) {
        return { name, addresses: [], error: errorOf(err), confirms: false };
      }
    }),
  );
  const verdict = names.some((n) => n.confirms) ? "confirmed" : names.some((n) => n.error) ? "unknown" : "mismatch";
  return { ...base, error: null, names, verdict };
}

