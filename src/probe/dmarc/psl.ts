// The organisational domain of RFC 7489 §3.2: the registered domain by the Public Suffix List
// (through tldts). RFC 9989 replaces it with the DNS Tree Walk for policy discovery, but RFC 7489
// receivers still use it, and §7.1 compares report destinations with it.
import { getDomain } from "tldts";

export function pslOrganizationalDomain(domain: string): string | null {
  // allowPrivateDomains: a private suffix (a hosting provider's, say) is a boundary too.
  return getDomain(domain, { allowPrivateDomains: true, validHosts: [] }) ?? null;
}
