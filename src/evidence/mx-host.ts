// Everything probed for one MX host, once per run however many domains point at it.
import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";
import { daneEvidence } from "./dane.js";
import { dnssecEvidence } from "./dnssec.js";
import { smtpEvidence } from "./smtp.js";

export const mxHostEvidence = z.object({
  host: z.string(),
  /** The domains whose MX names this host. */
  domains: z.array(z.string()),
  addresses: z.object({
    error: evidenceError.nullable(),
    a: dnsLookup.nullable(),
    aaaa: dnsLookup.nullable(),
    /** IPv4 and IPv6 addresses from both lookups. */
    list: z.array(z.string()),
    /** One lookup failed while the other answered (AAAA timed out, A did not): the list may miss addresses. */
    incomplete: evidenceError.nullable().optional(),
  }),
  /** Port 25 of every address: greeting, EHLO, STARTTLS, TLS. */
  smtp: smtpEvidence,
  /** The address and TLSA answers (a precondition for DANE, RFC 7672 §2.2). */
  dnssec: dnssecEvidence,
  dane: daneEvidence,
});
export type MxHostEvidence = z.infer<typeof mxHostEvidence>;
