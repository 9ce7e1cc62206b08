// Does the resolver answer, and does it validate DNSSEC? Asked once per run, with the root zone's
// SOA: the root is signed, so a validating resolver answers it with the AD bit (RFC 4035 §3.2.3),
// and one that does not validate never sets AD. Without validation, no DNSSEC or DANE verdict can be
// given; without an answer at all, no verdict of any kind, so the run stops before probing.
import { DnsError } from "./errors.js";
import type { Resolver } from "./types.js";

export interface ValidationProbe {
  validates: boolean | null;
  /** What was asked and what came back, for the report. */
  detail: string;
  /** The failure, when the question got no usable answer. */
  error?: DnsError;
}

export async function probeValidation(resolver: Resolver): Promise<ValidationProbe> {
  try {
    const answer = await resolver.query(".", "SOA");
    return answer.ad
      ? { validates: true, detail: ". SOA answered with the AD bit set" }
      : { validates: false, detail: ". SOA answered without the AD bit: the resolver does not validate DNSSEC" };
  } catch (err) {
    const reason = err instanceof DnsError ? `${err.code}: ${err.message}` : String(err);
    return { validates: null, detail: `could not ask . SOA: ${reason}`, ...(err instanceof DnsError ? { error: err } : {}) };
  }
}

/** The resolver gave no answer, or refused to resolve for us: every lookup of the run would fail. */
export class ResolverUnavailableError extends Error {
  override readonly name = "ResolverUnavailableError";
}

// A timeout or a broken path means nobody answered; REFUSED to the root's SOA means the server will
// not resolve for this machine (an authoritative-only server, or an ACL). SERVFAIL and the rest are
// answers: the run goes on, and each check that meets them is an `error` finding.
const UNAVAILABLE = new Set(["DNS_TIMEOUT", "DNS_NETWORK", "DNS_REFUSED"]);

/** probeValidation, but a resolver that cannot be used at all ends the run here, before any probe. */
export async function requireResolver(resolver: Resolver): Promise<ValidationProbe> {
  const v = await probeValidation(resolver);
  if (v.error && UNAVAILABLE.has(v.error.code)) {
    throw new ResolverUnavailableError(
      `the resolver ${resolver.info.server} ${v.error.code === "DNS_REFUSED" ? "refused to resolve" : "did not answer"} (${v.error.code}: ${oneLine(v.error.message)}); nothing was probed. Check --resolver, or try another (e.g. --resolver 1.1.1.1)`,
    );
  }
  return v;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]+/g, " ").slice(0, 200);
}
