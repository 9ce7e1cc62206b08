// Everything probed for one MX host, once per run however many domains point at it.
import { z } from "zod";
import { dnsLookup, evidenceError } from "./common.js";

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
  }),
});
export type MxHostEvidence = z.infer<typeof mxHostEvidence>;
