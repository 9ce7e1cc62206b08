// The probe half of a run: every domain (each in one pass, src/probe/domain.ts) and the MX hosts
// it names (each once in the run), with bounded concurrency; as a stream (streamProbes) or into one
// evidence object (probeAll).
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
import type { Shard } from "../run/shard.js";

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
  /** The share of the domain list this run takes (assess --shard), recorded in the evidence. */
  shard?: Shard;
}

export const DEFAULT_MAX_MX_HOSTS = 10;

export async function probeAll(targets: DomainTarget[], ctx: ProbeContext, options: ProbeRunOptions = {}): Promise<Evidence> {
  const domains: Record<string, DomainEvidence> = {};
  const run = await streamProbes(targets, ctx, options, (d) => {
    domains[d.name] = d;
  });
  // In the order the targets were given, as they are in evidence.json.
  const ordered: Record<string, DomainEvidence> = {};
  for (const t of targets) if (domains[t.name]) ordered[t.name] = domains[t.name]!;
  return { ...run.head, domains: ordered };
}

/** What a domain's judge sees: its evidence and that of the MX hosts it names, complete. */
export type DomainDone = (domain: DomainEvidence, mxHosts: Record<string, MxHostEvidence>) => void | Promise<void>;

export interface ProbedRun {
  /** The evidence but its domains (each went to onDomain as it completed). */
  head: Omit<Evidence, "domains">;
}

/**
 * The probe half of a run as a stream: each domain is probed, then the MX hosts it names (each
 * host once in the run, shared by every domain naming it), and as soon as both are complete the
 * domain goes to `onDomain`, which may keep it or judge it, write it to disk and forget it. A
 * domain naming a host it does not probe itself (beyond --max-mx-hosts) waits for the end, when
 * whether some other domain probes that host is known.
 */
export async function streamProbes(targets: DomainTarget[], ctx: ProbeContext, options: ProbeRunOptions, onDomain: DomainDone): Promise<ProbedRun> {
  const started = Date.now();
  const collectedAt = ctx.now().toISOString();
  // A resolver that does not answer at all stops the run here (ResolverUnavailableError).
  const v = options.validation ?? (await requireResolver(ctx.resolver));
  const tenant = options.tenant ?? null;
  const data = options.data ?? shippedData();
  // Each MX host once, with every domain that names it; probed when some domain has it among its
  // first maxMxHosts (hosts are sorted by preference, RFC 5321 §5.1, so those are the ones mail goes to first).
  const max = options.maxMxHosts ?? DEFAULT_MAX_MX_HOSTS;
  const hostLimit = pLimit(options.hostConcurrency ?? 8);
  const probed = new Map<string, Promise<MxHostEvidence>>();
  const namedBy = new Map<string, Set<string>>();
  const beyond = new Map<string, string>();
  const deferred: DomainEvidence[] = [];
  const probe = (h: string) => {
    let p = probed.get(h);
    if (!p) probed.set(h, (p = hostLimit(() => probeHost(h, [], ctx))));
    return p;
  };
  const hostsOf = async (names: string[]) => {
    const out: Record<string, MxHostEvidence> = {};
    for (const h of names) out[h] = probed.has(h) ? await probed.get(h)! : notProbedHost(h, [], { code: "NOT_CHECKED", message: `not probed: ${beyond.get(h)!}` });
    return out;
  };

  const domainLimit = pLimit(options.domainConcurrency ?? 8);
  await Promise.all(targets.map((t) => domainLimit(async () => {
    const d = await probeDomain(t, ctx, { data, tenant });
    let waits = false;
    d.mx.hosts.forEach((h, i) => {
      (namedBy.get(h.exchange) ?? namedBy.set(h.exchange, new Set()).get(h.exchange)!).add(d.name);
      if (i < max) void probe(h.exchange);
      else {
        if (!beyond.has(h.exchange)) beyond.set(h.exchange, `${d.name} names ${d.mx.hosts.length} MX hosts; only the ${max} most preferred are probed (--max-mx-hosts ${max})`);
        waits = true;
      }
    });
    if (waits) deferred.push(d);
    else await onDomain(d, await hostsOf(d.mx.hosts.map((h) => h.exchange)));
  })));
  for (const d of deferred) await onDomain(d, await hostsOf(d.mx.hosts.map((h) => h.exchange)));

  const mxHosts: Record<string, MxHostEvidence> = {};
  for (const h of [...namedBy.keys()].sort()) {
    const e = (await hostsOf([h]))[h]!;
    // Every domain that names the host, now that all are known (the judges saw the same evidence).
    mxHosts[h] = { ...e, domains: [...namedBy.get(h)!].sort() };
  }
  const messages: Record<string, MessageEvidence> = {};
  for (const file of options.messages ?? []) messages[file] = await probeMessageFile(file, ctx);

  const s = ctx.resolver.stats();
  return {
    head: {
      format: EVIDENCE_FORMAT,
      tool: TOOL,
      collectedAt,
      resolver: { ...ctx.resolver.info, validatesDnssec: v.validates, validationDetail: v.detail },
      tenant,
      ...(options.shard ? { shard: options.shard } : {}),
      mxHosts,
      messages,
      stats: {
        durationMs: Date.now() - started,
        dnsQueries: s.queries,
        dnsSent: s.sent,
        dnsCacheHits: s.cacheHits,
        dnsInflightJoins: s.inflightJoins,
      },
    },
  };
}
