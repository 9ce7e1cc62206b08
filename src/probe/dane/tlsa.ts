// Finding the TLSA RRset of an MX host the way a DANE sender does (RFC 7672 §2.2.2–2.2.3): only
// from secure address records; at the CNAME-expanded name first when the expansion is secure, then
// at the MX host name; CNAMEs at the TLSA owner itself are followed by the resolver.
import type { DnsAnswer, TlsaData } from "../../dns/types.js";
import { errorOf, lookupOf } from "../evidence-of.js";
import type { DaneEvidence } from "../../evidence/dane.js";
import type { ProbeContext } from "../context.js";
import { type Settled, settle } from "../dnssec.js";
import { tlsaText, usability } from "./match.js";

export type TlsaFinding = Omit<DaneEvidence, "matches">;

export async function findTlsa(host: string, ctx: ProbeContext): Promise<TlsaFinding> {
  const addresses = await Promise.all([settle(host, "A", ctx), settle(host, "AAAA", ctx)]);
  const empty: TlsaFinding = { error: null, baseDomain: host, lookups: [], secure: null, records: [], state: null };
  const failed = addresses.find((s): s is Settled & { error: unknown } => "error" in s);
  // RFC 7672 §2.1.1: a failed (bogus or indeterminate) address lookup makes the host unusable.
  if (failed) return { ...empty, error: errorOf(failed.error) };
  const answers = addresses.map((s) => (s as { answer: DnsAnswer }).answer);
  const addressSecure = answers.every((a) => a.ad);

  // RFC 7672 §2.2.3: with a secure CNAME expansion, the expanded name is tried first.
  const expanded = answers.flatMap((a) => a.records.map((r) => r.name.replace(/\.$/, "").toLowerCase())).find((n) => n !== host);
  const candidates = expanded && addressSecure ? [expanded, host] : [host];
  const lookups: TlsaFinding["lookups"] = [];
  for (const base of candidates) {
    const s = await settle(`_25._tcp.${base}`, "TLSA", ctx);
    // RFC 7672 §2.2.3: a TLSA lookup that fails (not a denial) leaves the server unusable.
    if ("error" in s) return { ...empty, baseDomain: base, lookups, error: errorOf(s.error) };
    lookups.push(lookupOf(s.answer));
    const isLast = base === candidates[candidates.length - 1];
    if (s.answer.records.length === 0 && !isLast) continue;
    const records = s.answer.records.map((r) => {
      const d = r.data as TlsaData;
      const rec = { usage: d.usage, selector: d.selector, matchingType: d.matchingType, data: d.data.toLowerCase() };
      return { ...rec, text: tlsaText(rec), ...usability(rec), matchedAt: [] as string[] };
    });
    const secure = addressSecure && s.answer.ad;
    const state = !secure ? "insecure" : records.length === 0 ? "no-tlsa" : records.some((r) => r.usable) ? "dane" : "unusable";
    return { error: null, baseDomain: base, lookups, secure, records, state };
  }
  return { ...empty, lookups, secure: addressSecure, state: addressSecure ? "no-tlsa" : "insecure" };
}
