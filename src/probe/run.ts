// The probe half of a run: every domain, then every MX host they name (each once), with bounded
// concurrency, into one evidence object.
import pLimit from "p-limit";
import { probeValidation } from "../dns/validation.js";
import type { DomainEvidence } from "../evidence/domain.js";
import { EVIDENCE_FORMAT, type Evidence } from "../evidence/evidence.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { TenantEvidence } from "../evidence/tenant.js";
import { TOOL } from "../version.js";
import type { ProbeContext } from "./context.js";
import { type DomainTarget, probeDomain } from "./domain.js";
import { probeHost } from "./host.js";

export interface ProbeRunOptions {
  /** Domains probed at once. */
  domainConcurrency?: number;
  /** MX hosts probed at once. */
  hostConcurrency?: number;
  tenant?: TenantEvidence | null;
}

export async function probeAll(targets: DomainTarget[], ctx: ProbeContext, options: ProbeRunOptions = {}): Promise<Evidence> {
  const started = Date.now();
  const collectedAt = ctx.now().toISOString();
  const validation = probeValidation(ctx.resolver);
  const domainLimit = pLimit(options.domainConcurrency ?? 8);
  const domainList = await Promise.all(targets.map((t) => domainLimit(() => probeDomain(t, ctx))));
  const domains: Record<string, DomainEvidence> = {};
  for (const d of domainList) domains[d.name] = d;

  const byHost = new Map<string, string[]>();
  for (const d of domainList) {
    for (const h of d.mx.hosts) byHost.set(h.exchange, [...(byHost.get(h.exchange) ?? []), d.name]);
  }
  const hostLimit = pLimit(options.hostConcurrency ?? 8);
  const hostList = await Promise.all(
    [...byHost.keys()].sort().map((h) => hostLimit(() => probeHost(h, [...new Set(byHost.get(h))].sort(), ctx))),
  );
  const mxHosts: Record<string, MxHostEvidence> = {};
  for (const h of hostList) mxHosts[h.host] = h;

  const v = await validation;
  const s = ctx.resolver.stats();
  return {
    format: EVIDENCE_FORMAT,
    tool: TOOL,
    collectedAt,
    resolver: { ...ctx.resolver.info, validatesDnssec: v.validates, validationDetail: v.detail },
    tenant: options.tenant ?? null,
    domains,
    mxHosts,
    stats: {
      durationMs: Date.now() - started,
      dnsQueries: s.queries,
      dnsSent: s.sent,
      dnsCacheHits: s.cacheHits,
      dnsInflightJoins: s.inflightJoins,
    },
  };
}
