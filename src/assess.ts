// One assessment, as the CLI and the demo run it: load the rules first (a broken pack or config
// fails before any network traffic), probe, evaluate, write the reports.
import { readFile } from "node:fs/promises";
import { type CollectTenantOptions, collectTenant, tenantDomainTargets } from "./collect/index.js";
import { loadData } from "./data/load.js";
import { withDataParameters } from "./data/parameters.js";
import { dohAgent } from "./dns/doh-agent.js";
import { normalizeDomain } from "./dns/name.js";
import { createResolver } from "./dns/resolver.js";
import type { Evidence } from "./evidence/evidence.js";
import type { Findings } from "./evidence/findings.js";
import { InputError } from "./evidence/io.js";
import type { TenantEvidence } from "./evidence/tenant.js";
import type { ProbeContext } from "./probe/context.js";
import type { DomainTarget } from "./probe/domain.js";
import { probeAll } from "./probe/run.js";
import { type Format, writeReports } from "./report/write.js";
import { EMPTY_CONFIG, loadConfig } from "./rules/config.js";
import { evaluate } from "./rules/evaluate.js";
import { loadPack } from "./rules/pack.js";

export interface AssessOptions {
  domains: DomainTarget[];
  /** --resolver spec. */
  resolver: string;
  dnsTimeoutMs: number;
  /** PEM files of extra trusted CAs (--ca-file). */
  caFiles: string[];
  rulesDir: string;
  configFile?: string;
  outDir: string;
  formats: Format[];
  dkimSelectors: string[];
  /** Extra gateway / portal catalogue files (--data), on top of rules/data. */
  dataFiles?: string[];
  /** Sample messages whose ARC chain and DKIM signatures are verified (--message). */
  messageFiles?: string[];
  /** Collect the tenant first (live sign-in or a PowerShell bundle), then probe its domains too. */
  tenantCollect?: CollectTenantOptions;
  /** Tenant evidence already collected (tests); ignored when tenantCollect is given. */
  tenant?: TenantEvidence | null;
  /** Fields the sandbox sets so probes reach its in-process servers. */
  context?: Partial<ProbeContext>;
  log?: (message: string) => void;
  now?: () => Date;
}

export interface AssessResult {
  evidence: Evidence;
  findings: Findings;
  files: string[];
}

export async function assess(o: AssessOptions): Promise<AssessResult> {
  const pack = loadPack(o.rulesDir);
  const config = o.configFile ? loadConfig(o.configFile, pack) : EMPTY_CONFIG;
  const data = loadData(o.dataFiles ?? []);
  const ca = await Promise.all(o.caFiles.map(readCa));
  const now = o.now ?? (() => new Date());
  const ctx: ProbeContext = {
    resolver: createResolver(o.resolver, { timeoutMs: o.dnsTimeoutMs, dispatcher: dohAgent(ca) }),
    now,
    ca,
    timeoutMs: Math.max(o.dnsTimeoutMs, 5000),
    dkimSelectors: o.dkimSelectors,
    log: o.log ?? (() => {}),
    ...o.context,
  };
  // RULES.md: the tenant is read first, so that every accepted domain gets its role from it.
  const tenant = o.tenantCollect ? await collectTenant(o.tenantCollect) : (o.tenant ?? null);
  const domains = tenant ? mergeTargets(validTargets(tenantDomainTargets(tenant), ctx.log), o.domains) : o.domains;
  const evidence = await probeAll(domains, ctx, { tenant, data, messages: o.messageFiles ?? [] });
  const findings = evaluate(pack, evidence, withDataParameters(config, data), now());
  const files = await writeReports(o.outDir, o.formats, evidence, findings);
  return { evidence, findings, files };
}

/** Accepted domain names come from outside (a tenant or a bundle): only valid names are probed. */
function validTargets(targets: DomainTarget[], log: (m: string) => void): DomainTarget[] {
  return targets.filter((t) => {
    const r = normalizeDomain(t.name);
    if (!r.ok) log(`skipping the tenant's accepted domain "${t.name.slice(0, 80)}": ${r.reason}`);
    return r.ok;
  });
}

/** The tenant's Authoritative and InternalRelay domains, then any --domain not among them. */
function mergeTargets(fromTenant: DomainTarget[], given: DomainTarget[]): DomainTarget[] {
  const seen = new Set(fromTenant.map((t) => t.name));
  return [...fromTenant, ...given.filter((t) => !seen.has(t.name))];
}

async function readCa(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(file, "utf8");
  } catch (err) {
    throw new InputError(`cannot read --ca-file ${file}: ${(err as Error).message}`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new InputError(`--ca-file ${file} holds no PEM certificate`);
  return pem;
}
