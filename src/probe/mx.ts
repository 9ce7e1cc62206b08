// The domain's MX RRset (RFC 5321 §5.1) and Null MX (RFC 7505).
import type { MxData } from "../dns/types.js";
import { errorOf, lookupOf } from "./evidence-of.js";
import type { MxEvidence } from "../evidence/mx.js";
import type { ProbeContext } from "./context.js";

export async function probeMx(domain: string, ctx: ProbeContext): Promise<MxEvidence> {
  try {
    const answer = await ctx.resolver.query(domain, "MX");
    const mx = answer.records.map((r) => r.data as MxData);
    // RFC 7505 §3: exactly one MX, preference 0, exchange "." (decoded as the empty root name).
    const nullMx = mx.length === 1 && mx[0]!.exchange === "" && mx[0]!.preference === 0;
    const hosts = nullMx
      ? []
      : mx.filter((m) => m.exchange !== "")
          .map((m) => ({ preference: m.preference, exchange: m.exchange.toLowerCase() }))
          .sort((a, b) => a.preference - b.preference || a.exchange.localeCompare(b.exchange));
    return { error: null, lookup: lookupOf(answer), nullMx, hosts };
  } catch (err) {
    return { error: errorOf(err), lookup: null, nullMx: false, hosts: [] };
  }
}
