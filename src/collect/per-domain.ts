// Which accepted domains the per-domain cmdlets (Get-DnssecStatusForVerifiedDomain,
// Get-SmtpDaneInboundStatus) are asked about. One answer for live runs and for checking a bundle,
// so both sources cover the same domains.
import { PropertyReader, type RawObject } from "./coerce.js";

/** Every accepted domain but the tenant's Microsoft-hosted ones (onmicrosoft.com and the like),
 *  whose DNS and MX are Microsoft's and which these cmdlets are not for. Sorted, unique. */
export function perDomainTargets(acceptedDomains: RawObject[]): string[] {
  const names = acceptedDomains
    .map((obj) => new PropertyReader(obj, [], "Get-AcceptedDomain").str("DomainName")?.toLowerCase().replace(/\.$/, ""))
    .filter((n): n is string => !!n && !MICROSOFT_HOSTED.test(n));
  return [...new Set(names)].sort();
}

const MICROSOFT_HOSTED = /(^|\.)(onmicrosoft\.com|onmicrosoft\.us|partner\.onmschina\.cn)$/;
