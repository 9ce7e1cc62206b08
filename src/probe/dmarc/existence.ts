// RFC 9989 §3.2.13: a domain does not exist, for DMARC, when A, AAAA and MX all answer NXDOMAIN or
// NODATA. It decides between sp and np for a domain that inherits its policy (§4.10.1).
import type { Resolver } from "../../dns/types.js";

/** True or false, or throws the first DNS error when no lookup proved the domain exists. */
export async function domainExists(domain: string, resolver: Resolver): Promise<boolean> {
  const answers = await Promise.allSettled((["A", "AAAA", "MX"] as const).map((t) => resolver.query(domain, t)));
  if (answers.some((a) => a.status === "fulfilled" && a.value.status === "answer")) return true;
  const failed = answers.find((a) => a.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return false;
}
