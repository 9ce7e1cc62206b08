// The domains a tenant run probes (issue 5 §6): every Authoritative and InternalRelay accepted
// domain. ExternalRelay domains are hosted elsewhere; the tenant only relays for them.
import type { TenantEvidence } from "../evidence/tenant.js";

export interface TenantDomainTarget {
  name: string;
  input: string;
  source: "tenant";
}

export function tenantDomainTargets(tenant: TenantEvidence): TenantDomainTarget[] {
  const seen = new Set<string>();
  const out: TenantDomainTarget[] = [];
  for (const d of tenant.acceptedDomains.items) {
    // ExternalRelay domains are hosted elsewhere; an unknown type is probed rather than skipped.
    if (d.domainType === "ExternalRelay") continue;
    if (seen.has(d.domainName)) continue;
    seen.add(d.domainName);
    out.push({ name: d.domainName, input: d.domainName, source: "tenant" });
  }
  return out;
}
