// The probe half of a run: every domain (each in one pass, src/probe/domain.ts), then every MX
// host they name (each once), with bounded concurrency, into one evidence object.
import pLimit from "p-limit";
import { shippedData } from "../data/load.js";
import type { DataCatalogue } from "../data/schema.js";
import { requireResolver, type ValidationProbe } from "../dns/validation.js";
import type { DomainEvidence } from "../evidence/domain.js";
import { EVIDENCE_FORMAT, type Evidence } from "../evidence/evidence.js";
import type { MessageEvidence } from "../evidence/message.js";
import type { MxHostEvidence } from "../evidence/mx-host.js";
import type { TenantEvidence } from "../evidence/tenant.js";
import { TOOL } from "../version.js";
import type { ProbeContext } from "./context.js";
import type { DomainTarget } from "../targets.js";
import { probeMessageFile } from "./arc/index.js";
import { probeDomain } from "./domain.js";
import { probeHost } from "./host.js";

export interface ProbeRunOptions {
  /** Domains probed at once. */
  domainConcurrency?: number;
  /** MX hosts probed at once. */
  hostConcurrency?: number;
  tenant?: TenantEvidence | null;
  /** The gateway catalogue and portal signatures (loadData(--data files)); the shipped one when absent. */
  data?: DataCatalogue;
  /** Sample messages (assess --message, repeatable): their ARC chains and DKIM signatures are verified. */
  messages?: string[];
  /** The resolver check, when the caller made it already (assess does, before collecting the tenant). */
  validation?: ValidationProbe;
}

export async function probeAll(targets: DomainTarget[], ctx: ProbeContext, options: ProbeRunOptions = {}): Promise<Evidence> {
  const started = Date.now();
  const collectedAt = ctx.now().toISOString();
  // A resolver that does not answer at all stops the run here (ResolverUnavailableError).
  const v = options.validation ?? (await requireResolver(ctx.resolver));
  const tenant = options.tenant ?? null;
  const data = options.data ?? shippedData();
  const domainLimit = pLimit(options.domainConcurrency ?? 8);
  const domainList = await Promise.all(targets.map((t) => domainLimit(() => probeDomain(t, ctx, { data, tenant }))));
  const domains: Record<string, DomainEvidence> = {};
  for (const d of domainList) domains[d.name] = d;
  const messages: Record<string, MessageEvidence> = {};
  for (const file of options.messages ?? []) messages[file] = await probeMessageFile(file, ctx);

  // Each MX host once, with every domain that names it.
  const byHost = new Map<string, Set<string>>();
  for (const d of domainList) {
    for (const h of d.mx.hosts) byHost.set(h.exchange, (byHost.get(h.exchange) ?? new Set()).add(d.name));
  }
  const hostLimit = pLimit(options.hostConcurrency ?? 8);
  const hostList = await Promise.all(
    [...byHost.keys()].sort().map((h) => hostLimit(() => probeHost(h, [...byHost.get(h)!].sort(), ctx))),
  );
  const mxHosts: Record<string, MxHostEvidence> = {};
  for (const h of hostList) mxHosts[h.host] = h;

  const s = ctx.resolver.stats();
  return {
    format: EVIDENCE_FORMAT,
    tool: TOOL,
    collectedAt,
    resolver: { ...ctx.resolver.info, validatesDnssec: v.validates, validationDetail: v.detail },
    tenant,
    domains,
    mxHosts,
    messages,
    stats: {
      durationMs: Date.now() - started,
      dnsQueries: s.queries,
      dnsSent: s.sent,
      dnsCacheHits: s.cacheHits,
      dnsInflightJoins: s.inflightJoins,
    },
  };
}
