// Stable error codes for DNS failures, so rules and reports branch on codes, never on text.
import type { ErrorCodes } from "../evidence/errors.js";
import type { ExtendedError } from "./types.js";

export type DnsErrorCode = ErrorCodes<
  | "DNS_TIMEOUT"
  | "DNS_SERVFAIL"
  | "DNS_BOGUS"
  | "DNS_REFUSED"
  | "DNS_FORMERR"
  | "DNS_NETWORK"
  | "DNS_BAD_RESPONSE"
  | "DNS_BAD_NAME"
  | "DNS_CNAME_CHAIN"
  | "RUN_DEADLINE"
  | "RUN_INTERRUPTED"
>;

export class DnsError extends Error {
  override readonly name = "DnsError";
  constructor(
    readonly code: DnsErrorCode,
    message: string,
    readonly query: { name: string; type: string },
    readonly ede: ExtendedError[] = [],
  ) {
    super(message);
  }
}

/** RFC 8914 §4.7–4.12: info-codes 6 to 12 say DNSSEC validation failed. */
export function isDnssecFailure(ede: ExtendedError[]): boolean {
  return ede.some((e) => e.code >= 6 && e.code <= 12);
}

/** RFC 8914 §5.2 names, for messages a person reads. */
const edeNames: Record<number, string> = {
  0: "Other", 1: "Unsupported DNSKEY Algorithm", 2: "Unsupported DS Digest Type", 3: "Stale Answer",
  4: "Forged Answer", 5: "DNSSEC Indeterminate", 6: "DNSSEC Bogus", 7: "Signature Expired",
  8: "Signature Not Yet Valid", 9: "DNSKEY Missing", 10: "RRSIGs Missing", 11: "No Zone Key Bit Set",
  12: "NSEC Missing", 13: "Cached Error", 14: "Not Ready", 15: "Blocked", 16: "Censored",
  17: "Filtered", 18: "Prohibited", 19: "Stale NXDOMAIN Answer", 20: "Not Authoritative",
  21: "Not Supported", 22: "No Reachable Authority", 23: "Network Error", 24: "Invalid Data",
};

export function describeEde(ede: ExtendedError[]): string {
  return ede
    .map((e) => `EDE ${e.code} (${edeNames[e.code] ?? "unknown"})${e.text ? `: ${e.text}` : ""}`)
    .join("; ");
}
