// Does the resolver validate DNSSEC? Asked once per run, with the root zone's SOA: the root is
// signed, so a validating resolver answers it with the AD bit (RFC 4035 §3.2.3), and one that does
// not validate never sets AD. Without validation, no DNSSEC or DANE verdict can be given.
import { DnsError } from "./errors.js";
import type { Resolver } from "./types.js";

export interface ValidationProbe {
  validates: boolean | null;
  /** What was asked and what came back, for the report. */
  detail: string;
}

export async function probeValidation(resolver: Resolver): Promise<ValidationProbe> {
  try {
    const answer = await resolver.query(".", "SOA");
    return answer.ad
      ? { validates: true, detail: ". SOA answered with the AD bit set" }
      : { validates: false, detail: ". SOA answered without the AD bit: the resolver does not validate DNSSEC" };
  } catch (err) {
    const reason = err instanceof DnsError ? `${err.code}: ${err.message}` : String(err);
    return { validates: null, detail: `could not ask . SOA: ${reason}` };
  }
}
