// Finding the domain's SPF record (RFC 7208 §4.5): TXT records whose text is "v=spf1" exactly or
// begins "v=spf1 ". Records of type SPF (99) are not looked up (RFC 7208 §3.1 retired them).
import { errorOf, lookupOf } from "../evidence/common.js";
import type { SpfEvidence } from "../evidence/spf.js";
import type { ProbeContext } from "./context.js";
import { txtRecords } from "./txt.js";

export const isSpfRecord = (text: string) => /^v=spf1( |$)/i.test(text);

export async function probeSpfRecord(domain: string, ctx: ProbeContext): Promise<SpfEvidence> {
  try {
    const answer = await ctx.resolver.query(domain, "TXT");
    const spf = txtRecords(answer).filter((t) => isSpfRecord(t.text));
    return { error: null, lookup: lookupOf(answer), records: spf.map((t) => t.text), strings: spf.map((t) => t.strings) };
  } catch (err) {
    return { error: errorOf(err), lookup: null, records: [], strings: [] };
  }
}
