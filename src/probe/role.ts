// RULES.md "Domain roles": which rules apply depends on what the domain is for.
import type { DomainRole } from "../evidence/role.js";
import type { MxEvidence } from "../evidence/mx.js";
import type { SpfEvidence } from "../evidence/spf.js";

export interface RoleInputs {
  name: string;
  mx: MxEvidence;
  spf: SpfEvidence;
  /** From the tenant's accepted domains, when a tenant was collected. */
  acceptedDomainType?: "Authoritative" | "InternalRelay" | "ExternalRelay" | null;
  /** The tenant sends as this domain (for example DKIM signing is on for it). */
  tenantSends?: boolean;
}

/** An SPF record that authorises nobody: "v=spf1 -all" (RFC 7208 §5.1) and nothing else. */
const authorisesNobody = (record: string) => /^v=spf1\s+-all\s*$/i.test(record.trim());

export function domainRole(i: RoleInputs): DomainRole {
  if (/(^|\.)onmicrosoft\.com$/.test(i.name)) {
    return { value: "moera", reason: "an onmicrosoft.com domain (the tenant's Microsoft Online Email Routing Address)" };
  }
  if (i.acceptedDomainType === "InternalRelay" || i.acceptedDomainType === "ExternalRelay") {
    return { value: "relay", reason: `an ${i.acceptedDomainType} accepted domain of the tenant` };
  }
  if (i.tenantSends) return { value: "sending", reason: "the tenant sends mail as this domain" };
  if (i.mx.error) return { value: "unknown", reason: `the MX lookup failed (${i.mx.error.code}), so whether it receives mail is unknown` };
  if (i.mx.hosts.length > 0) return { value: "sending", reason: `it has MX hosts (${i.mx.hosts.map((h) => h.exchange).join(", ")})` };
  if (i.spf.error) return { value: "unknown", reason: `it has no MX, and the SPF lookup failed (${i.spf.error.code})` };
  const sender = i.spf.records.find((r) => !authorisesNobody(r));
  if (sender) return { value: "sending", reason: "it has no MX, but its SPF record authorises senders" };
  return {
    value: "parked",
    reason: i.mx.nullMx ? "it publishes Null MX and no SPF record authorises senders" : "it has no MX and no SPF record authorises senders",
  };
}
