// docs/rules.md "Domain roles": which rules apply depends on what the domain is for. In order:
// moera (*.onmicrosoft.com), relay (an InternalRelay or ExternalRelay accepted domain), sending
// (the tenant sends as it, it has MX hosts, or its SPF record authorises senders), parked (none of
// those: no MX or Null MX, RFC 7505, and nobody authorised to send). A lookup that failed before
// the role was clear makes it unknown, and every rule that depends on the role then says error.
import type { EvidenceError } from "../evidence/common.js";
import type { MxEvidence } from "../evidence/mx.js";
import type { DomainRole } from "../evidence/role.js";

export interface RoleInputs {
  name: string;
  mx: Pick<MxEvidence, "error" | "nullMx" | "hosts">;
  /** The v=spf1 records at the domain (RFC 7208 §4.5). */
  spf: { error: EvidenceError | null; records: string[] };
  /** From the tenant's accepted domains, when a tenant was collected. */
  acceptedDomainType?: "Authoritative" | "InternalRelay" | "ExternalRelay" | null;
  /** The tenant sends mail as this domain (for example DKIM signing is on for it). */
  tenantSends?: boolean;
}

/**
 * An SPF record that authorises nobody: after "v=spf1" only "-all", "~all" or "?all" (RFC 7208
 * §5.1) and modifiers other than redirect (§6). No mechanism can match, so no host may send.
 */
export function authorisesNobody(record: string): boolean {
  const terms = record.trim().split(/\s+/).slice(1);
  return terms.every((t) => /^[-~?]all$/i.test(t) || (/^[a-z][a-z0-9_.-]*=/i.test(t) && !/^redirect=/i.test(t)));
}

export function domainRole(i: RoleInputs): DomainRole {
  if (/\.onmicrosoft\.com$/i.test(i.name)) {
    return { value: "moera", reason: "an onmicrosoft.com domain (the tenant's Microsoft Online Email Routing Address)" };
  }
  if (i.acceptedDomainType === "InternalRelay" || i.acceptedDomainType === "ExternalRelay") {
    return { value: "relay", reason: `an ${i.acceptedDomainType} accepted domain of the tenant` };
  }
  if (i.tenantSends) return { value: "sending", reason: "the tenant sends mail as this domain" };
  if (i.mx.error) return { value: "unknown", reason: `the MX lookup failed (${i.mx.error.code}), so whether it receives mail is unknown` };
  if (i.mx.hosts.length > 0) return { value: "sending", reason: `it has MX hosts (${i.mx.hosts.map((h) => h.exchange).join(", ")})` };
  const noMx = i.mx.nullMx ? "it publishes Null MX (RFC 7505)" : "it has no MX";
  if (i.spf.error) return { value: "unknown", reason: `${noMx}, and the SPF lookup failed (${i.spf.error.code})` };
  if (i.spf.records.some((r) => !authorisesNobody(r))) return { value: "sending", reason: `${noMx}, but its SPF record authorises senders` };
  return { value: "parked", reason: `${noMx} and no SPF record authorises senders` };
}
