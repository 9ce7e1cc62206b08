// Runs every probe for one MX host, once per run however many domains point at it.
import { errorOf, lookupOf } from "./evidence-of.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { ProbeContext } from "./context.js";
import { probeDane } from "./dane/index.js";
import { dnssecOf, settle } from "./dnssec.js";
import { probeSmtp } from "./smtp/index.js";

export async function probeHost(host: string, domains: string[], ctx: ProbeContext): Promise<MxHostEvidence> {
  const addresses = await probeAddresses(host, ctx);
  const [smtp, dane] = await Promise.all([probeSmtp(host, addresses.list, ctx), probeDane(host, addresses.list, ctx)]);
  // The answers are in the run's cache by now: this asks nothing new of the network.
  const dnssec = dnssecOf(await Promise.all([
    settle(host, "A", ctx),
    settle(host, "AAAA", ctx),
    ...dane.lookups.map((l) => settle(l.name, "TLSA", ctx)),
    ...(dane.lookups.length === 0 ? [settle(`_25._tcp.${host}`, "TLSA", ctx)] : []),
  ]));
  return { host, domains, addresses, smtp, dnssec, dane };
}

async function probeAddresses(host: string, ctx: ProbeContext): Promise<MxHostEvidence["addresses"]> {
  const [a, aaaa] = await Promise.allSettled([ctx.resolver.query(host, "A"), ctx.resolver.query(host, "AAAA")]);
  const list = [a, aaaa].flatMap((r) => (r.status === "fulfilled" ? r.value.records.map((x) => String(x.data)) : []));
  // An IPv6 failure alone does not hide working IPv4 addresses; both failing is an error.
  const failed = a.status === "rejected" ? a.reason : aaaa.status === "rejected" && list.length === 0 ? aaaa.reason : null;
  return {
    error: failed ? errorOf(failed) : null,
    a: a.status === "fulfilled" ? lookupOf(a.value) : null,
    aaaa: aaaa.status === "fulfilled" ? lookupOf(aaaa.value) : null,
    list,
  };
}
