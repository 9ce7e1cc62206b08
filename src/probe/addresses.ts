// The addresses of an MX host (RFC 5321 §5.1: A and AAAA of the exchange), which every connection
// probe of the host uses.
import { errorOf, lookupOf } from "./evidence-of.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { ProbeContext } from "./context.js";

export async function probeAddresses(host: string, ctx: ProbeContext): Promise<MxHostEvidence["addresses"]> {
  const [a, aaaa] = await Promise.allSettled([ctx.resolver.query(host, "A"), ctx.resolver.query(host, "AAAA")]);
  const list = [a, aaaa].flatMap((r) => (r.status === "fulfilled" ? r.value.records.map((x) => String(x.data)) : []));
  // An IPv6 failure alone does not hide working IPv4 addresses; both failing is an error.
  const failed = a.status === "rejected" ? a.reason : aaaa.status === "rejected" && list.length === 0 ? aaaa.reason : null;
  // …but it leaves the list incomplete, and says so: "every address" is then unknown, not a pass.
  const partial = !failed && aaaa.status === "rejected" ? aaaa.reason : null;
  return {
    error: failed ? errorOf(failed) : null,
    a: a.status === "fulfilled" ? lookupOf(a.value) : null,
    aaaa: aaaa.status === "fulfilled" ? lookupOf(aaaa.value) : null,
    list,
    incomplete: partial ? errorOf(partial) : null,
  };
}
