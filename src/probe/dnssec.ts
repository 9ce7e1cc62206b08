// DNSSEC status from our validating resolver's answers: the AD bit says secure (RFC 4035 §3.2.3),
// an answer without it insecure, a SERVFAIL carrying EDE 6–12 bogus (RFC 8914 §4.7–4.12). Anything
// else — timeouts, a SERVFAIL with no EDE — leaves it indeterminate, never secure.
// Whether the resolver validates at all is asked once per run (src/dns/validation.ts); rules read
// that beside this, since without validation the AD bit means nothing.
import { DnsError, describeEde } from "../dns/errors.js";
import type { DnsAnswer, RecordType } from "../dns/types.js";
import { errorOf } from "./evidence-of.js";
import type { DnssecEvidence, DnssecLookup, DnssecStatus } from "../evidence/dnssec.js";
import type { ProbeContext } from "./context.js";

/** One lookup's outcome, as the resolver gave it: an answer, or the error it rejected with. */
export type Settled = { name: string; type: RecordType } & ({ answer: DnsAnswer } | { error: unknown });

const ORDER: DnssecStatus[] = ["bogus", "indeterminate", "insecure", "secure"];

export function lookupStatus(s: Settled): DnssecLookup {
  const base = { name: s.name, type: s.type };
  if ("answer" in s) {
    const what = s.answer.status === "answer" ? "answered" : s.answer.status.toUpperCase();
    return s.answer.ad
      ? { ...base, status: "secure", detail: `${what} with AD set` }
      : { ...base, status: "insecure", detail: `${what} without AD` };
  }
  const e = s.error;
  if (e instanceof DnsError && e.code === "DNS_BOGUS") {
    return { ...base, status: "bogus", detail: `DNS_BOGUS: ${describeEde(e.ede) || "validation failed"}` };
  }
  return { ...base, status: "indeterminate", detail: `${errorOf(e).code}: ${errorOf(e).message}` };
}

export function dnssecOf(settled: Settled[]): DnssecEvidence {
  const lookups = settled.map(lookupStatus);
  if (lookups.length === 0) {
    return { error: { code: "DNSSEC_NO_LOOKUPS", message: "nothing was looked up" }, status: "indeterminate", lookups };
  }
  const status = ORDER.find((st) => lookups.some((l) => l.status === st))!;
  const unknown = settled.find((s) => "error" in s && lookupStatus(s).status === "indeterminate");
  const error = status === "indeterminate" && unknown && "error" in unknown ? errorOf(unknown.error) : null;
  return { error, status, lookups };
}

export async function settle(name: string, type: RecordType, ctx: ProbeContext): Promise<Settled> {
  try {
    return { name, type, answer: await ctx.resolver.query(name, type) };
  } catch (error) {
    return { name, type, error };
  }
}

/**
 * RFC 4035 §4.3 applied to the domain: two answers at its apex (negative ones count too). They are
 * the MX and TXT answers the MX and SPF probes ask for anyway, so this costs no query of its own
 * (the resolver's cache and in-flight joins hand over the same answers). A validating resolver sets
 * AD only when every RRset of the answer and its proof of absence validated (RFC 4035 §3.2.3), so
 * the apex TXT answer tells the zone's status as an SOA answer would; asking SOA too was one more
 * query a domain for nothing.
 */
export async function probeDomainDnssec(domain: string, ctx: ProbeContext): Promise<DnssecEvidence> {
  return dnssecOf(await Promise.all([settle(domain, "TXT", ctx), settle(domain, "MX", ctx)]));
}
