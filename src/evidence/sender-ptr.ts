// Forward-confirmed reverse DNS of the addresses a domain's SPF tree authorises (GOV.UK "Securing
// government email": "ensure all email sending services have valid pointer (PTR) records"). Only
// single addresses are checked; a range cannot be, and is listed as such.
import { z } from "zod";
import { evidenceError } from "./common.js";

/** One PTR name of an address and whether its A (or AAAA) records lead back to the address. */
export const ptrName = z.object({
  name: z.string(),
  /** The name's addresses of the same family; empty when it has none. */
  addresses: z.array(z.string()),
  /** The forward lookup failed (timeout, SERVFAIL …): unknown whether it confirms. */
  error: evidenceError.nullable(),
  confirms: z.boolean(),
});

export const senderAddress = z.object({
  /** As written in canonical form (RFC 5952 for IPv6). */
  address: z.string(),
  /** The SPF term that authorises it and the record it is in, e.g. "ip4:192.0.2.25 in _spf.example.gov.uk". */
  authorisedBy: z.array(z.string()),
  /** The reverse name asked (RFC 1035 §3.5 in-addr.arpa, RFC 3596 §2.5 ip6.arpa). */
  reverseName: z.string(),
  /** The PTR lookup failed: unknown. */
  error: evidenceError.nullable(),
  /** The PTR names (at most 10, as RFC 7208 §4.6.4 bounds PTR processing). */
  names: z.array(ptrName),
  /**
   * confirmed: a PTR name resolves back to the address (FCrDNS); no-ptr: no PTR record;
   * mismatch: PTR names, none of which resolves back; unknown: a lookup failed before either was clear.
   */
  verdict: z.enum(["confirmed", "no-ptr", "mismatch", "unknown"]),
});
export type SenderAddress = z.infer<typeof senderAddress>;

export const senderPtrEvidence = z.object({
  /** Set when the addresses could not be listed at all. */
  error: evidenceError.nullable(),
  addresses: z.array(senderAddress),
  /** Authorised ranges (ip4/ip6 with a prefix, a or mx with a CIDR length): listed, not checked. */
  ranges: z.array(z.object({ term: z.string(), domain: z.string() })),
  /**
   * Terms whose addresses cannot be listed: exists, ptr and macros by their nature (error null), an
   * a or mx whose lookup failed (error set: those addresses are unknown).
   */
  unlisted: z.array(z.object({ term: z.string(), domain: z.string(), why: z.string(), error: evidenceError.nullable() })),
  /** Single addresses beyond the per-domain bound, not checked. */
  skipped: z.number().int(),
  /** Every reachable term of the SPF tree was read (the walk was complete). */
  complete: z.boolean(),
});
export type SenderPtrEvidence = z.infer<typeof senderPtrEvidence>;
