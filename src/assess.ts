// One assessment, as the CLI and the demo run it: load the rules first (a broken pack or config
// fails before any network traffic), probe, evaluate, write the reports.
import { readFile } from "node:fs/promises";
import { dohAgent } from "./dns/doh-agent.js";
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
  const evidence = await probeAll(o.domains, ctx, { tenant: o.tenant ?? null });
  const findings = evaluate(pack, evidence, config, now());
  const files = await writeReports(o.outDir, o.formats, evidence, findings);
  return { evidence, findings, files };
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
