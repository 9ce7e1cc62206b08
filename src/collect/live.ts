// Live collection: Graph and every allow-listed cmdlet, side by side, into the raw shape the
// normalizer reads. Each collector's failure is its own outcome; only a sign-in that cannot work at
// all (wrong tenant, unknown app, refused credential) ends the run.
import pLimit from "p-limit";
import { AuthError } from "../auth/errors.js";
import type { TokenSource } from "../auth/tokens.js";
import type { CloudEndpoints } from "../cloud/clouds.js";
import { PER_DOMAIN_CMDLETS, type PerDomainCmdlet, TENANT_CMDLETS, type TenantCmdlet } from "./allow-list.js";
import { createExoClient } from "./exo.js";
import { collectGraph } from "./graph.js";
import { createAgent } from "./http.js";
import { perDomainTargets } from "../targets.js";
import { failed, type Outcome, type PerDomainOutcome, type RawTenant, succeeded } from "./raw.js";
import type { RetryPolicy } from "./retry.js";

export interface LiveOptions {
  cloud: CloudEndpoints;
  tokens: TokenSource;
  /** Per HTTP step. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Admin API requests at once: more only invites throttling. */
  concurrency?: number;
  now?: () => Date;
}

// ResultSize only where the cmdlet takes it: an unknown parameter fails the whole cmdlet.
const PARAMETERS: Partial<Record<TenantCmdlet, Record<string, string>>> = {
  "Get-AcceptedDomain": { ResultSize: "Unlimited" },
  "Get-TransportRule": { ResultSize: "Unlimited" },
};

export async function collectLive(o: LiveOptions): Promise<RawTenant> {
  const collectedAt = (o.now ?? (() => new Date()))().toISOString();
  const agent = createAgent({ ca: o.cloud.ca, timeoutMs: o.timeoutMs ?? 30_000 });
  const limit = pLimit(o.concurrency ?? 4);
  const exo = createExoClient({
    exchange: o.cloud.exchange,
    tenantId: o.tokens.tenantId,
    identity: o.tokens.method === "device-code" ? "user" : "app",
    getToken: () => o.tokens.getToken(o.cloud.exchange),
    dispatcher: agent,
    requestTimeoutMs: 4 * (o.timeoutMs ?? 30_000),
    ...(o.retry ? { retry: o.retry } : {}),
  });
  const run = (cmdlet: string, parameters: Record<string, string | boolean> = {}): Promise<Outcome> =>
    limit(async () => {
      try {
        const r = await exo.invoke(cmdlet, parameters);
        return succeeded(r.objects, r.warnings, r.possiblyTruncated);
      } catch (err) {
        if (err instanceof AuthError) throw err;
        return failed(err);
      }
    });

  try {
    const graph = collectGraph({ graph: o.cloud.graph, getToken: () => o.tokens.getToken(o.cloud.graph), dispatcher: agent });
    const tenant = TENANT_CMDLETS.map((c) => (c === "Get-OutboundConnector" ? outboundConnectors(run) : run(c, PARAMETERS[c])));
    // The per-domain cmdlets need the accepted domains first.
    const perDomain = PER_DOMAIN_CMDLETS.map((c) => tenant[0]!.then((accepted) => perDomainRun(c, accepted, run)));
    const settled = await Promise.allSettled([graph, ...tenant, ...perDomain]);
    const fatal = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (fatal) throw fatal.reason;
    const cmdlets = Object.fromEntries(TENANT_CMDLETS.map((c, i) => [c, (settled[i + 1] as PromiseFulfilledResult<Outcome>).value])) as Record<TenantCmdlet, Outcome>;
    const per = Object.fromEntries(
      PER_DOMAIN_CMDLETS.map((c, i) => [c, (settled[1 + TENANT_CMDLETS.length + i] as PromiseFulfilledResult<PerDomainOutcome>).value]),
    ) as Record<PerDomainCmdlet, PerDomainOutcome>;
    return {
      tenantId: o.tokens.tenantId,
      collectedAt,
      source: "live",
      graph: (settled[0] as PromiseFulfilledResult<{ organization: Outcome; domains: Outcome }>).value,
      cmdlets,
      perDomain: per,
    };
  } finally {
    // destroy, not close: close waits for requests in flight, and after a fatal sign-in error
    // another collector's request may be one that never ends.
    await agent.destroy().catch(() => {});
  }
}

/**
 * Get-OutboundConnector lists connectors in test mode only when asked with
 * -IncludeTestModeConnectors $true, and then only those ("$true: Only Outbound connectors that are in
 * test mode are returned"; office-docs-powershell get-outboundconnector.md). So it is asked twice and
 * the answers joined. If the second ask fails, the list is kept and marked possibly incomplete.
 */
export async function outboundConnectors(run: (c: string, p?: Record<string, string | boolean>) => Promise<Outcome>): Promise<Outcome> {
  const [normal, testMode] = await Promise.all([run("Get-OutboundConnector"), run("Get-OutboundConnector", { IncludeTestModeConnectors: true })]);
  if (normal.error) return normal;
  if (testMode.error) {
    const warning = `connectors in test mode could not be listed (Get-OutboundConnector -IncludeTestModeConnectors $true: ${testMode.error.code} ${testMode.error.message})`;
    return { ...normal, warnings: [...normal.warnings, warning], possiblyTruncated: true };
  }
  const key = (o: Record<string, unknown>) => String(o.Guid ?? o.Identity ?? o.Name ?? JSON.stringify(o));
  const seen = new Set(normal.objects.map(key));
  return {
    error: null,
    warnings: [...normal.warnings, ...testMode.warnings],
    possiblyTruncated: normal.possiblyTruncated || testMode.possiblyTruncated,
    objects: [...normal.objects, ...testMode.objects.filter((o) => !seen.has(key(o)))],
  };
}

async function perDomainRun(cmdlet: PerDomainCmdlet, accepted: Outcome, run: (c: string, p: Record<string, string>) => Promise<Outcome>): Promise<PerDomainOutcome> {
  if (accepted.error) {
    return { error: { code: "NOT_COLLECTED", message: `not run: the accepted domains are unknown (${accepted.error.code})` }, domains: {} };
  }
  const names = perDomainTargets(accepted.objects);
  const results = await Promise.all(names.map((d) => run(cmdlet, { DomainName: d })));
  return { error: null, domains: Object.fromEntries(names.map((d, i) => [d, results[i]!])) };
}
