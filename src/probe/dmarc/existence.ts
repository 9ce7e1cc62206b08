// Whether a domain exists, for DMARC: RFC 9989 §3.2.13 takes the meaning of RFC 8020: "if the
// response code received for a query for a domain name is NXDOMAIN, then the domain name and any
// possible subdomains do not exist". Any other answer, NODATA included, means it exists: an empty
// non-terminal, or a name with only a TXT record, exists, and sp applies to it, not np. It decides
// between sp and np for a domain that inherits its policy (§4.10.1).
import type { Resolver } from "../../dns/types.js";

/** True or false, or throws the first DNS error when no lookup answered at all. */
export async function domainExists(domain: string, resolver: Resolver): Promise<boolean> {
  const answers = await Promise.allSettled((["A", "AAAA", "MX"] as const).map((t) => resolver.query(domain, t)));
  const settled = answers.filter((a): a is PromiseFulfilledResult<Awaited<ReturnType<Resolver["query"]>>> => a.status === "fulfilled");
  if (settled.some((a) => a.value.status !== "nxdomain")) return true;
  if (settled.length > 0) return false;
  throw (answers[0] as PromiseRejectedResult).reason;
}
