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
import { notProbedHost } from "./not-probed.js";

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
  /**
   * MX hosts probed per domain, the most preferred first (--max-mx-hosts; default 10). A host
   * beyond it for every domain naming it is recorded as not probed (NOT_CHECKED), never dropped.
   */
  maxMxHosts?: number;
}

export const DEFAULT_MAX_MX_HOSTS = 10;

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

  // Each MX host once, with every domain that names it; probed when some domain has it among its
  // first maxMxHosts (hosts are sorted by preference, RFC 5321 §5.1, so those are the ones mail goes to first).
  const max = options.maxMxHosts ?? DEFAULT_MAX_MX_HOSTS;
  const byHost = new Map<string, Set<string>>();
  const within = new Set<string>();
  const beyond = new Map<string, string>();
  for (const d of domainList) {
    d.mx.hosts.forEach((h, i) => {
      byHost.set(h.exchange, (byHost.get(h.exchange) ?? new Set()).add(d.name));
      if (i < max) within.add(h.exchange);
      else if (!beyond.has(h.exchange)) beyond.set(h.exchange, `${d.name} names ${d.mx.hosts.length} MX hosts; only the ${max} most preferred are probed (--max-mx-hosts ${max})`);
    });
  }
  const hostLimit = pLimit(options.hostConcurrency ?? 8);
  const hostList = await Promise.all(
    [...byHost.keys()].sort().map((h) => {
      const domains = [...byHost.get(h)!].sort();
      if (within.has(h)) return hostLimit(() => probeHost(h, domains, ctx));
      return notProbedHost(h, domains, { code: "NOT_CHECKED", message: `not probed: ${beyond.get(h)!}` });
    }),
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
