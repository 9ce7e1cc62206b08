// Where a gateway delivers from: the ranges the catalogue lists plus those in the SPF records it
// names (RFC 7208 §5.6 ip4/ip6, following include: and redirect= as §5.2 and §6.1 do). This is not
// an SPF evaluation: it only collects the published prefixes. Bounded like check_host() (RFC 7208
// §4.6.4: at most 10 terms that query DNS) so a loop or a huge tree cannot run away.
import type { GatewayEntry } from "../data/schema.js";
import { errorOf, lookupOf } from "./evidence-of.js";
import type { EgressEvidence } from "../evidence/mailpath.js";
import type { ProbeContext } from "./context.js";

const MAX_LOOKUPS = 10;

export async function probeEgress(gateway: Pick<GatewayEntry, "egress">, ctx: ProbeContext): Promise<EgressEvidence> {
  const ranges = [...gateway.egress.ranges];
  const lookups: EgressEvidence["lookups"] = [];
  const queue = [...gateway.egress.spfIncludes];
  const seen = new Set<string>();
  let error: EgressEvidence["error"] = null;
  while (queue.length > 0) {
    const name = queue.shift()!.toLowerCase();
    if (seen.has(name)) continue;
    if (seen.size >= MAX_LOOKUPS) {
      error = { code: "SPF_TOO_MANY_LOOKUPS", message: `more than ${MAX_LOOKUPS} SPF records below ${gateway.egress.spfIncludes.join(", ")}; the egress list may be incomplete` };
      break;
    }
    seen.add(name);
    try {
      const answer = await ctx.resolver.query(name, "TXT");
      const records = answer.records.map((r) => (Array.isArray(r.data) ? r.data.join("") : String(r.data)));
      // RFC 7208 §4.5: the record is the TXT string that begins "v=spf1".
      const record = records.find((r) => /^v=spf1(\s|$)/i.test(r)) ?? null;
      lookups.push({ name, error: null, lookup: lookupOf(answer), record });
      if (!record) {
        error ??= { code: "SPF_NO_RECORD", message: `${name} publishes no SPF record (${answer.status}); the egress list may be incomplete` };
        continue;
      }
      for (const term of record.split(/\s+/).slice(1)) {
        const t = term.replace(/^[+?~-]/, "");
        const m = /^(ip4|ip6):(.+)$/i.exec(t);
        if (m) ranges.push(m[2]!);
        const next = /^(?:include:|redirect=)(.+)$/i.exec(t);
        if (next) queue.push(next[1]!);
      }
    } catch (err) {
      const e = errorOf(err);
      lookups.push({ name, error: e, lookup: null, record: null });
      error ??= e;
    }
  }
  return { error, ranges: [...new Set(ranges)], lookups };
}
