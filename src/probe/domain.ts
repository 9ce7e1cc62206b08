// One domain's evidence, in one pass: every domain probe of the registry at once (their queries
// share the run's resolver cache), then the domain's role, computed once with the tenant's facts
// in hand (docs/rules.md, "Domain roles").
import { shippedData } from "../data/load.js";
import type { DataCatalogue } from "../data/schema.js";
import type { DomainEvidence } from "../evidence/domain.js";
import type { TenantEvidence } from "../evidence/tenant.js";
import { type DomainTarget, tenantFacts } from "../targets.js";
import type { ProbeContext } from "./context.js";
import { DOMAIN_PROBES } from "./registry.js";
import { domainRole } from "./role.js";
import { runProbes } from "./sections.js";

export interface DomainProbeOptions {
  /** The gateway catalogue; the shipped one when absent. */
  data?: Pick<DataCatalogue, "gateways">;
  /** The tenant collected in this run, if any: its connectors, accepted domains and DKIM configs. */
  tenant?: TenantEvidence | null;
}

export async function probeDomain(target: DomainTarget, ctx: ProbeContext, options: DomainProbeOptions = {}): Promise<DomainEvidence> {
  const tenant = options.tenant ?? null;
  const sections = await runProbes(DOMAIN_PROBES, { target, ctx, tenant, data: options.data ?? shippedData() });
  const role = domainRole({ name: target.name, mx: sections.mx, spf: sections.spf, ...tenantFacts(target.name, tenant) });
  return { name: target.name, input: target.input, source: target.source, role, ...sections };
}
