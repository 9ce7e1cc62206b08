// One assessment: load the rules first (a broken pack or config fails before any network traffic),
// collect the tenant when asked, probe its domains and the given ones, evaluate, write the reports.
// The CLI and the demo call this; so can any program (src/index.ts).
import { type CollectTenantOptions, collectTenant } from "./collect/index.js";
import type { DataCatalogue } from "./data/schema.js";
import { dohAgent } from "./dns/doh-agent.js";
import { withDeadline } from "./dns/deadline.js";
import { createResolver } from "./dns/resolver.js";
import { requireResolver } from "./dns/validation.js";
import { DEFAULT_RESOLVER } from "./dns/resolver-spec.js";
import { setMaxListeners } from "node:events";
import { tmpdir } from "node:os";
import type { Evidence } from "./evidence/evidence.js";
import type { Findings } from "./evidence/findings.js";
import type { TenantEvidence } from "./evidence/tenant.js";
import { type Rules, type RulesOptions, loadRules } from "./evaluate.js";
import { InputError } from "./input/errors.js";
import { MAX_BYTES, readUserFile, requireReadableFile } from "./input/read-file.js";
import type { ProbeContext } from "./probe/context.js";
import { interruptError, startDeadline } from "./probe/deadline.js";
import { concurrencyOf } from "./probe/concurrency.js";
import { probeAll } from "./probe/run.js";
import { domainCounter, type ProgressListener } from "./run/progress.js";
import { inShard, type Shard } from "./run/shard.js";
import { writeRunReports } from "./run/report-thread.js";
import { type SpooledRun, spooledRun } from "./run/spooled.js";
import { readComparableFindings } from "./input/findings-file.js";
import { diffFindings, type FindingsDiff } from "./report/diff.js";
import { prepareOutDir } from "./report/out-dir.js";
import type { ReportInput } from "./report/view.js";
import { FORMATS, type Format, type ReportFailure } from "./report/write.js";
import { type DomainTarget, mergeTargets, readTargets, tenantTargets } from "./targets.js";

export interface ProbeOptions {
  /** Resolver spec: system, an IP[:port], or an https://…/dns-query URL (default: a public validating DoH resolver). */
  resolver?: string;
  /** Timeout of one DNS attempt, in milliseconds (default 5000). */
  dnsTimeoutMs?: number;
  /** PEM files of extra trusted CAs for HTTPS and SMTP checks (--ca-file). */
  caFiles?: string[];
  /** DKIM selectors to check besides the tenant's own (--dkim-selector). */
  dkimSelectors?: string[];
  /** Sample messages whose ARC chain and DKIM signatures are verified (--message). */
  messageFiles?: string[];
  /** Timeout of one SMTP step (connect, a reply, the TLS handshake), in milliseconds (--smtp-timeout; default: the step timeout, 5000). */
  smtpTimeoutMs?: number;
  /** false: never connect to private, loopback or link-local addresses (the CLI's default; --allow-private). */
  allowPrivate?: boolean;
  /** MX hosts probed per domain, most preferred first (--max-mx-hosts; default 10); the rest are recorded as not probed. */
  maxMxHosts?: number;
  /**
   * Judge, and write half the reports (up to REPORT_THREAD_UNTIL domains), in a second thread
   * (default: from THREADS_FROM domains on, where the second core is worth the thread's start-up).
   * The findings and reports are the same either way.
   */
  threads?: boolean;
  /** Domains probed at once (--concurrency; default 64); MX hosts and DNS queries in flight follow (src/probe/concurrency.ts). */
  concurrency?: number;
  /**
   * The whole run's time limit in milliseconds (--deadline). When it passes, what is in flight is cut
   * off and the rest is not asked; the reports are written, and what could not be found out is
   * `error` with RUN_DEADLINE.
   */
  deadlineMs?: number;
  /**
   * Interrupts the run (the CLI's Ctrl-C): as when the deadline passes, what is in flight is cut
   * off and nothing new is asked, the reports are written with what finished, and everything else
   * is `error` with RUN_INTERRUPTED, never missing.
   */
  signal?: AbortSignal;
  /**
   * Take only this shard of the domain list (--shard k/n): the domains whose name hashes to k
   * (src/run/shard.ts), the tenant's included; `merge` combines the n shards' folders.
   */
  shard?: Shard;
  /** Told of each domain as it is done and of each step of the run (src/run/progress.ts). */
  progress?: ProgressListener;
  /** Fields the sandbox and tests set so probes reach in-process servers. */
  context?: Partial<ProbeContext>;
  log?: (message: string) => void;
  now?: () => Date;
}

/**
 * Runs of this many domains or more use a second thread: to judge (src/run/judge-thread.ts) and to
 * write half the reports (src/run/report-thread.ts). Smaller ones finish before it would have started.
 */
export const THREADS_FROM = 200;

export interface AssessOptions extends ProbeOptions, RulesOptions {
  /** Domains to assess (--domain), as given: each is checked and normalised. */
  domains?: string[];
  /** A file with one domain per line; # starts a comment (--domains-file). */
  domainsFile?: string;
  /** Collect the tenant first (live sign-in or a PowerShell bundle), then probe its domains too. */
  tenantCollect?: CollectTenantOptions;
  /** Tenant evidence already collected; ignored when tenantCollect is given. */
  tenant?: TenantEvidence | null;
  /** Where the reports go; none are written when absent. */
  outDir?: string;
  /** Report formats (default: every format of the registry, src/report/registry.ts). */
  formats?: Format[];
  /** An earlier run's findings.json: the reports then say what changed since (--baseline). */
  baselineFile?: string;
}

export interface AssessResult {
  /** The evidence whole (read back from disk on first access: a large run is not held until asked). */
  evidence: Evidence;
  /** The findings whole (as `evidence`). */
  findings: Findings;
  /** The run as the reports read it, a domain at a time: what a caller of a large run should use. */
  view: ReportInput;
  /** Deletes the run's files on disk now (otherwise they go when the process exits); `view` cannot be read after, nor `evidence` and `findings` unless they were read before. */
  dispose(): void;
  /** What changed since the baseline, when one was given. */
  changes?: FindingsDiff;
  /** The report files written, in order. */
  files: string[];
  /** The pack, config and data catalogue the findings were judged with. */
  rules: Rules;
  /** Report formats that could not be written (the others were): the run has failed. */
  reportFailures?: ReportFailure[];
}

export async function assess(o: AssessOptions): Promise<AssessResult> {
  const rules = loadRules(o);
  const given = await readTargets(o.domains ?? [], o.domainsFile);
  if (given.length === 0 && !o.tenantCollect && !o.tenant) {
    throw new InputError("no domains to assess: give --domain, --domains-file or a tenant (--tenant, --tenant-bundle)");
  }
  // Everything that can be checked without the network is checked first: a typo in --out, or a
  // resolver that does not answer, must not cost a long run its results.
  // A sample message that cannot be read is bad input (exit 2), like a missing --ca-file, not a
  // problem buried in the checklist.
  for (const file of o.messageFiles ?? []) await requireReadableFile(file, "the message file (--message)", MAX_BYTES.message);
  if (o.outDir) await prepareOutDir(o.outDir);
  const baseline = o.baselineFile ? await readComparableFindings(o.baselineFile, "--baseline") : null;
  const log = o.log ?? (() => {});
  const deadline = o.deadlineMs !== undefined
    ? startDeadline(o.deadlineMs, () => log(`the run deadline (${o.deadlineMs} ms) passed: what is in flight is cut off, and what could not be found out is reported as error (RUN_DEADLINE)`))
    : null;
  // An interrupt cuts the run off as the deadline does, with its own code (src/probe/deadline.ts).
  const interrupt = new AbortController();
  // A run with neither a deadline nor a signal gets no cut-off machinery at all.
  const signals = [...(deadline ? [deadline.signal] : []), ...(o.signal ? [interrupt.signal] : [])];
  const cutOff = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  // Every open network step listens on it; thousands may, which is not a leak.
  setMaxListeners(0, interrupt.signal, ...(cutOff ? [cutOff] : []));
  let interruptedAt: string | null = null;
  const onInterrupt = () => {
    interruptedAt = (o.now ?? (() => new Date()))().toISOString();
    interrupt.abort(interruptError());
  };
  if (o.signal?.aborted) onInterrupt();
  else o.signal?.addEventListener("abort", onInterrupt, { once: true });
  const step = (message: string) => o.progress?.({ kind: "step", message });
  try {
    const ctx = await probeContext(o, cutOff);
    const validation = await requireResolver(ctx.resolver);
    step(`resolver ${ctx.resolver.info.spec}: ${validation.validates ? "validates DNSSEC" : "does not validate DNSSEC"}`);
    // The tenant is read first, so that every accepted domain gets its role from it (docs/rules.md).
    // --ca-file is trusted for the Microsoft endpoints too (sign-in included), as for the probes.
    const tenant = o.tenantCollect ? await collectTenant({ ...o.tenantCollect, ca: [...(o.tenantCollect.ca ?? []), ...ctx.ca] }) : (o.tenant ?? null);
    const all = tenant ? mergeTargets(tenantTargets(tenant, ctx.log), given) : given;
    const shard = o.shard;
    const targets = shard ? all.filter((t) => inShard(t.name, shard)) : all;
    if (shard) step(`shard ${shard.index}/${shard.count}: ${targets.length} of the ${all.length} domains`);
    const c = concurrencyOf(o.concurrency);
    const threads = o.threads ?? targets.length >= THREADS_FROM;
    step(`probing ${targets.length} domain${targets.length === 1 ? "" : "s"}, ${c.domains} at once${threads ? ", judged in a second thread" : ""}`);
    // Each domain is judged as its evidence completes and kept on disk, not in memory (src/run/):
    // in the output folder, or the system's temporary one when no reports are written.
    const run = await spooledRun(targets, ctx, {
      tenant, data: rules.data, messages: o.messageFiles ?? [], validation, ...(o.maxMxHosts !== undefined ? { maxMxHosts: o.maxMxHosts } : {}),
      domainConcurrency: c.domains, hostConcurrency: c.hosts, ...(shard ? { shard } : {}),
    }, {
      rules, from: { ...(o.rulesDir ? { rulesDir: o.rulesDir } : {}), ...(o.configFile ? { configFile: o.configFile } : {}), ...(o.dataFiles ? { dataFiles: o.dataFiles } : {}) },
      now: ctx.now(), thread: threads,
    }, o.outDir ?? tmpdir(), o.progress ? domainCounter(targets.length, o.progress) : undefined);
    if (interruptedAt !== null) {
      // Every report carries it: the run is partial, whatever share of it finished.
      run.data.judged.head.notes.push(`This run was interrupted at ${interruptedAt}: its evidence and findings are partial. Every check it could not finish, and every check of a domain it had not reached, is error with RUN_INTERRUPTED; run it again to assess them.`);
    }
    step(`judged ${run.data.names.length} domains and ${Object.keys(run.view.evidence.mxHosts).length} MX hosts; writing ${o.outDir ? (o.formats ?? FORMATS).join(", ") : "no reports"}`);
    const result = await writeRun(o, rules, run, baseline, threads);
    for (const file of result.files) step(`wrote ${file}`);
    return result;
  } finally {
    deadline?.clear();
    o.signal?.removeEventListener("abort", onInterrupt);
  }
}

async function writeRun(o: AssessOptions, rules: Rules, run: SpooledRun, baseline: Awaited<ReturnType<typeof readComparableFindings>> | null, threads: boolean): Promise<AssessResult> {
  let kept = false;
  try {
    const changes = baseline ? diffFindings(baseline, { ...run.view.findings, findings: run.view.allFindings() }) : undefined;
    const view = changes ? { ...run.view, changes } : run.view;
    const data = changes ? { ...run.data, changes } : run.data;
    const { files, failures } = o.outDir ? await writeRunReports(o.outDir, o.formats ?? FORMATS, { data, view }, threads) : { files: [], failures: [] };
    const result = resultOf(run, view, { files, rules, ...(changes ? { changes } : {}), ...(failures.length > 0 ? { reportFailures: failures } : {}) });
    kept = true;
    return result;
  } finally {
    if (!kept) run.remove();
  }
}

/**
 * The result: the view the reports were written from, and the evidence and findings whole, read
 * back from disk the first time they are asked for (a caller that only wants the summary never
 * holds the run). The files on disk go when the process exits, or at `dispose()`.
 */
function resultOf(run: SpooledRun, view: ReportInput, rest: Omit<AssessResult, "evidence" | "findings" | "view" | "dispose">): AssessResult {
  let whole: ReturnType<SpooledRun["materialize"]> | null = null;
  let disposed = false;
  const materialize = () => {
    if (whole) return whole;
    if (disposed) throw new Error("the run's evidence and findings were not read before dispose(), which deleted them");
    return (whole = run.materialize());
  };
  return {
    ...rest,
    view,
    get evidence() {
      return materialize().evidence;
    },
    get findings() {
      return materialize().findings;
    },
    dispose: () => {
      disposed = true;
      run.remove();
    },
  };
}

/** Probe domains without a tenant or rules: the evidence of each, and of the MX hosts they name. */
export async function probeDomains(domains: (string | DomainTarget)[], o: ProbeOptions & { data?: DataCatalogue; tenant?: TenantEvidence | null } = {}): Promise<Evidence> {
  const named = domains.filter((d): d is string => typeof d === "string");
  const targets = [...domains.filter((d): d is DomainTarget => typeof d !== "string"), ...(await readTargets(named))];
  const ctx = await probeContext(o);
  const c = concurrencyOf(o.concurrency);
  return probeAll(targets, ctx, {
    tenant: o.tenant ?? null, messages: o.messageFiles ?? [], ...(o.data ? { data: o.data } : {}), ...(o.maxMxHosts !== undefined ? { maxMxHosts: o.maxMxHosts } : {}),
    domainConcurrency: c.domains, hostConcurrency: c.hosts,
  });
}

/** One domain: `probeDomains([name])`. */
export async function probeDomain(domain: string, o: ProbeOptions & { data?: DataCatalogue; tenant?: TenantEvidence | null } = {}): Promise<Evidence> {
  return probeDomains([domain], o);
}

async function probeContext(o: ProbeOptions, signal?: AbortSignal): Promise<ProbeContext> {
  const ca = await Promise.all((o.caFiles ?? []).map(readCa));
  const dnsTimeoutMs = o.dnsTimeoutMs ?? 5000;
  const ctx: ProbeContext = {
    resolver: createResolver(o.resolver ?? DEFAULT_RESOLVER, { timeoutMs: dnsTimeoutMs, dispatcher: dohAgent(ca), concurrency: concurrencyOf(o.concurrency).dnsQueries }),
    now: o.now ?? (() => new Date()),
    ca,
    timeoutMs: Math.max(dnsTimeoutMs, 5000),
    dkimSelectors: o.dkimSelectors ?? [],
    log: o.log ?? (() => {}),
    ...(o.smtpTimeoutMs !== undefined ? { smtpTimeoutMs: o.smtpTimeoutMs } : {}),
    ...(o.allowPrivate !== undefined ? { allowPrivate: o.allowPrivate } : {}),
    ...o.context,
  };
  // Every network client sees the deadline: the resolver through this wrapper, SMTP and HTTPS through ctx.signal.
  return signal ? { ...ctx, resolver: withDeadline(ctx.resolver, signal), signal } : ctx;
}

async function readCa(file: string): Promise<string> {
  const pem = await readUserFile(file, "--ca-file", MAX_BYTES.pem);
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new InputError(`--ca-file ${file} holds no PEM certificate`);
  return pem;
}
