// DNSSEC status of an MX host: its address answers and its TLSA answers, a precondition for DANE
// (RFC 7672 §2.2: TLSA records are only usable when the host's records validate as secure).
import type { DaneEvidence } from "../evidence/dane.js";
import type { DnssecEvidence } from "../evidence/dnssec.js";
import type { ProbeContext } from "./context.js";
import { dnssecOf, settle } from "./dnssec.js";

export async function probeHostDnssec(host: string, dane: DaneEvidence, ctx: ProbeContext): Promise<DnssecEvidence> {
  // The answers are in the run's cache by now: this asks nothing new of the network.
  return dnssecOf(await Promise.all([
    settle(host, "A", ctx),
    settle(host, "AAAA", ctx),
    ...dane.lookups.map((l) => settle(l.name, "TLSA", ctx)),
    ...(dane.lookups.length === 0 ? [settle(`_25._tcp.${host}`, "TLSA", ctx)] : []),
  ]));
}
