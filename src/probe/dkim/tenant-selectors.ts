// Which DKIM selectors the tenant's signing config names for a domain, so the probe looks where
// Exchange Online really publishes its keys.
import type { TenantEvidence } from "../../evidence/tenant.js";

/**
 * Exchange Online publishes its keys behind CNAMEs at selector1._domainkey and selector2._domainkey;
 * the selector is the part of the CNAME target before the first "-"
 * (`selector1-contoso-com._domainkey.…`).
 */
export function tenantDkimSelectors(domain: string, tenant: TenantEvidence | null): string[] {
  const config = tenant?.dkimSigningConfigs.items.find((c) => c.domain.toLowerCase() === domain);
  if (!config) return [];
  const selectorOf = (cname: string | null, fallback: string) => (cname ? (/^([a-z0-9_]+)-/i.exec(cname)?.[1] ?? fallback) : fallback).toLowerCase();
  return [...new Set([selectorOf(config.selector1CNAME, "selector1"), selectorOf(config.selector2CNAME, "selector2")])];
}
