// The domain's SPF evidence: its v=spf1 TXT records (RFC 7208 §4.5), any records of the retired SPF
// type (99), and the linter's full walk of the include/redirect tree.
import { errorOf, lookupOf } from "../evidence-of.js";
import type { SpfEvidence, SpfLint } from "../../evidence/spf.js";
import type { ProbeContext } from "../context.js";
import { txtRecords } from "../txt.js";
import { checkHost } from "./check-host.js";
import { lintSpf } from "./lint.js";
import { isSpfRecord } from "./record.js";

/**
 * The identity the walk evaluates: an address from TEST-NET-1 (RFC 5737), which no record should
 * authorise, so the walk sees the whole tree as a stranger's mail would, and the record's own sender.
 */
export const WALK_IP = "192.0.2.1";

export async function probeSpf(domain: string, ctx: ProbeContext): Promise<SpfEvidence> {
  try {
    const answer = await ctx.resolver.query(domain, "TXT");
    const spf = txtRecords(answer).filter((t) => isSpfRecord(t.text));
    const found = { error: null, lookup: lookupOf(answer), records: spf.map((t) => t.text), strings: spf.map((t) => t.strings) };
    if (spf.length === 0) return { ...found, lint: null };
    const sender = `postmaster@${domain}`;
    // The TXT answer above is in the run's cache: the walk's first question costs nothing more.
    const [walk, spfType] = await Promise.all([
      checkHost(WALK_IP, domain, sender, { resolver: ctx.resolver, helo: domain, now: () => ctx.now().getTime(), exhaustive: true, explain: false }),
      ctx.spfTypeRecords ? spfTypeRecords(domain, ctx) : { error: null, records: [], asked: false },
    ]);
    return { ...found, lint: lintSpf({ walk, ip: WALK_IP, sender, strings: found.strings, spfType }) };
  } catch (err) {
    return { error: errorOf(err), lookup: null, records: [], strings: [], lint: null };
  }
}

/** RFC 7208 §3.1 / §14.1: type SPF (99) is retired; publishing it is reported, failing to ask is not fatal. */
async function spfTypeRecords(domain: string, ctx: ProbeContext): Promise<SpfLint["spfType"]> {
  try {
    const answer = await ctx.resolver.query(domain, "SPF");
    return { error: null, records: answer.records.map((r) => characterStrings(r.data).join("")), asked: true };
  } catch (err) {
    return { error: errorOf(err), records: [], asked: true };
  }
}

/**
 * Our DNS client hands type-99 data over as the raw RDATA when its decoder has no reader for it:
 * length-prefixed character-strings (RFC 1035 §3.3.14). Read them; anything else is kept as it came.
 */
function characterStrings(data: unknown): string[] {
  const parts = Array.isArray(data) ? data.map(String) : [String(data)];
  if (parts.length !== 1) return parts;
  const raw = parts[0]!;
  const out: string[] = [];
  for (let i = 0; i < raw.length; ) {
    const len = raw.charCodeAt(i);
    if (i + 1 + len > raw.length) return parts;
    out.push(raw.slice(i + 1, i + 1 + len));
    i += 1 + len;
  }
  return out;
}
