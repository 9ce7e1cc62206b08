// Runs every probe for one domain. Probes are independent, so they run at once; their queries
// share the run's resolver cache.
import { shippedData } from "../data/load.js";
import type { DataCatalogue } from "../data/schema.js";
import type { DomainEvidence } from "../evidence/domain.js";
import type { TenantEvidence } from "../evidence/tenant.js";
import type { ProbeContext } from "./context.js";
import { probeDkim } from "./dkim/index.js";
import { probeDmarc } from "./dmarc/index.js";
import { probeDomainDnssec } from "./dnssec.js";
import { detectGateway } from "./gateway.js";
import { probeMtaSts, withMxMatches } from "./mtasts/index.js";
import { probeMx } from "./mx.js";
import { domainRole } from "./role.js";
import { probeSpf } from "./spf/index.js";
import { probeTlsRpt } from "./tlsrpt.js";

export interface DomainTarget {
  name: string;
  input: string;
  source: DomainEvidence["source"];
}

/**
 * `data` is the gateway catalogue (src/data): the run loads it once. The mail path needs the tenant
 * and is added by the run after every domain is probed (src/probe/run.ts).
 */
export async function probeDomain(
  target: DomainTarget,
  ctx: ProbeContext,
  data: Pick<DataCatalogue, "gateways"> = shippedData(),
  tenant: TenantEvidence | null = null,
): Promise<DomainEvidence> {
  // Started first and awaited last: it runs beside the others (it never rejects).
  const dkimPending = probeDkim(target.name, ctx, tenantDkimSelectors(target.name, tenant));
  const [mx, spf, dmarc, mtaSts, tlsRpt, dnssec] = await Promise.all([
    probeMx(target.name, ctx),
    probeSpf(target.name, ctx),
    probeDmarc(target.name, ctx),
    probeMtaSts(target.name, ctx),
    probeTlsRpt(target.name, ctx),
    probeDomainDnssec(target.name, ctx),
  ]);
  const dkim = await dkimPending;
  const role = domainRole({ name: target.name, mx, spf });
  return { ...target, role, mx, spf, dmarc, dkim, mtaSts: withMxMatches(mtaSts, mx), tlsRpt, dnssec, gateway: detectGateway(mx, data), mailPath: null };
}

/**
 * The selectors the tenant's DKIM signing config names for the domain. Exchange Online publishes
 * its keys behind CNAMEs at selector1._domainkey and selector2._domainkey; the selector is the part
 * of the CNAME target before the first "-" (`selector1-contoso-com._domainkey.…`).
 */
export function tenantDkimSelectors(domain: string, tenant: TenantEvidence | null): string[] {
  const config = tenant?.dkimSigningConfigs.items.find((c) => c.domain.toLowerCase() === domain);
  if (!config) return [];
  const selectorOf = (cname: string | null, fallback: string) => (cname ? (/^([a-z0-9_]+)-/i.exec(cname)?.[1] ?? fallback) : fallback).toLowerCase();
  return [...new Set([selectorOf(config.selector1CNAME, "selector1"), selectorOf(config.selector2CNAME, "selector2")])];
}
