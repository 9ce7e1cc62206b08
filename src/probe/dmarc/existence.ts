// Whether a domain exists, for DMARC: RFC 9989 §3.2.13 takes the meaning of RFC 8020: "if the
// response code received for a query for a domain name is NXDOMAIN, then the domain name and any
// possible subdomains do not exist". Any other answer, NODATA included, means it exists: an empty
// non-terminal, or a name with only a TXT record, exists, and sp applies to it, not np. It decides
// between sp and np for a domain that inherits its policy (§4.10.1).
import type { RecordType, Resolver } from "../../dns/types.js";

/**
 * The response code of one question tells (RFC 8020 §2): MX first, which the MX probe has asked
 * already (the run's resolver cache answers it), then A should that fail. Throws the first DNS
 * error when neither answered.
 */
export async function domainExists(domain: string, resolver: Resolver): Promise<boolean> {
  let firstError: unknown = null;
  for (const type of ["MX", "A"] as const satisfies readonly RecordType[]) {
    try {
      return (await resolver.query(domain, type)).status !== "nxdomain";
    } catch (err) {
      firstError ??= err;
    }
  }
  throw firstError;
}
