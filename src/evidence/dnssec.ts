// DNSSEC status of a domain's or an MX host's answers, as a validating resolver reported it:
// the AD bit (RFC 4035 §3.2.3) and validation failures (SERVFAIL with EDE 6–12, RFC 8914).
import { z } from "zod";
import { evidenceError } from "./common.js";

/**
 * RFC 4033 §5 states: secure (validated), insecure (provably unsigned), bogus (signed, but
 * validation failed). `indeterminate` here means we could not find out (timeout, plain SERVFAIL).
 */
export const dnssecStatus = z.enum(["secure", "insecure", "bogus", "indeterminate"]);
export type DnssecStatus = z.infer<typeof dnssecStatus>;

export const dnssecLookup = z.object({
  name: z.string(),
  type: z.string(),
  status: dnssecStatus,
  /** What decided the status: "AD set", "answered without AD", "DNS_BOGUS … EDE 6". */
  detail: z.string(),
});
export type DnssecLookup = z.infer<typeof dnssecLookup>;

export const dnssecEvidence = z.object({
  /** Set when the status is indeterminate: the lookup error that left it unknown. */
  error: evidenceError.nullable(),
  /** The weakest of the lookups: bogus, then indeterminate, then insecure, then secure. */
  status: dnssecStatus,
  lookups: z.array(dnssecLookup),
});
export type DnssecEvidence = z.infer<typeof dnssecEvidence>;
