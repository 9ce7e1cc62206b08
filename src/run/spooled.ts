// A whole run in flat memory: each domain is judged as soon as its evidence and its MX hosts' are
// complete, its evidence and findings go to disk (spool.ts), and it is forgotten. The judge
// (src/run/judge.ts) runs beside the probes, in this thread or, for large runs, its own. What stays in
// memory is what the reports need whole and what grows only with unique names: the MX hosts'
// evidence, the tenant, the subjects that are not domains, the summary's counters, the policy
// view and the errors (every unknown is reported). Reports read the rest back a domain at a time
// through the view (src/report/view.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { DomainEvidence } from "../evidence/domain.js";
import type { Evidence } from "../evidence/evidence.js";
import type { Finding, Findings } from "../evidence/findings.js";
import { requireResolver } from "../dns/validation.js";
import type { ProbeContext } from "../probe/context.js";
import { type ProbeRunOptions, streamProbes } from "../probe/run.js";
import type { ReportInput } from "../report/view.js";
import type { Rules, RulesOptions } from "../evaluate.js";
import type { DomainTarget } from "../targets.js";
import { type DomainJudge, DOMAINS_FILE, FINDINGS_FILE, type JudgeInit, type LeanFinding, localJudge } from "./judge.js";
import { threadJudge } from "./judge-thread.js";
import { lazyRecord } from "./lazy-record.js";
import { Spool } from "./spool.js";

export interface SpooledRun {
  /** The run as the reports read it: the evidence (domains read from disk on access) and the findings by subject. */
  view: ReportInput;
  /** Everything as one evidence object and one findings object, read back from disk: for callers that want them whole. */
  materialize(): { evidence: Evidence; findings: Findings };
  /** Deletes the files on disk; the view cannot be read after. */
  remove(): void;
}

/** How the run is judged: the rules (loaded already) and, for a judge in its own thread, where they came from. */
export interface Judging {
  rules: Rules;
  /** The files the rules were loaded from: a judge in its own thread loads them again. */
  from: RulesOptions;
  now: Date;
  /** Judge in a thread of its own (src/run/judge-thread.ts): for large runs, where the second core is worth its start-up. */
  thread: boolean;
}

export async function spooledRun(
  targets: DomainTarget[], ctx: ProbeContext, options: ProbeRunOptions, judging: Judging, dir: string,
): Promise<SpooledRun> {
  const folder = mkdtempSync(join(dir, ".exo-posture-spool-"));
  let judge: DomainJudge | null = null;
  let readers: Spool<unknown>[] = [];
  const remove = () => {
    judge?.abort();
    for (const r of readers) r.remove();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const tenant = options.tenant ?? null;
    // A resolver that does not answer at all stops the run here (ResolverUnavailableError).
    const validation = options.validation ?? (await requireResolver(ctx.resolver));
    const resolver = { ...ctx.resolver.info, validatesDnssec: validation.validates, validationDetail: validation.detail };
    const init: JudgeInit = { folder, rules: judging.from, now: judging.now, resolver, tenant };
    const started = judging.thread ? threadJudge(init) : localJudge(init, judging.rules.start(judging.now, tenant !== null));
    judge = started;
    const run = await streamProbes(targets, ctx, { ...options, validation }, (domain, mxHosts) => started.domain(domain, mxHosts));
    const judged = await started.finish(run.head, targets.map((t) => t.name));
    const evidenceSpool = new Spool<DomainEvidence>(join(folder, DOMAINS_FILE), judged.domains);
    const findingsSpool = new Spool<LeanFinding[]>(join(folder, FINDINGS_FILE), judged.findings);
    readers = [evidenceSpool, findingsSpool];
    const { head, rest, ruleFields } = judged;
    // Built field by field in the order the judge makes them (object spread here took 6% of a run's CPU).
    const whole = (fs: LeanFinding[]): Finding[] => fs.map((f) => {
      const r = ruleFields.get(f.ruleId)!;
      const out: Finding = r.crosswalk
        ? { ruleId: f.ruleId, title: r.title, severity: r.severity, control: r.control, references: r.references, crosswalk: r.crosswalk, subject: f.subject, status: f.status, message: f.message, evidence: f.evidence, remediation: f.remediation }
        : { ruleId: f.ruleId, title: r.title, severity: r.severity, control: r.control, references: r.references, subject: f.subject, status: f.status, message: f.message, evidence: f.evidence, remediation: f.remediation };
      if (f.cause !== undefined) out.cause = f.cause;
      if (f.waiver !== undefined) out.waiver = f.waiver;
      return out;
    });
    const names = targets.map((t) => t.name).filter((n) => evidenceSpool.has(n));
    const domains = lazyRecord(names, (name) => evidenceSpool.get(name));
    const evidence = { ...run.head, domains } as Evidence;
    // A report asks for a domain's findings several times in a row (its matrix row, its mail path, its section).
    const domainFindings = lazyRecord(names, (name) => {
      const fs = findingsSpool.get(name);
      return fs && whole(fs);
    });
    const findingsOf = (subject: string): readonly Finding[] =>
      subject.startsWith("domain:") ? (domainFindings[subject.slice("domain:".length)] ?? []) : (rest.get(subject) ?? []);
    const subjects = [...names.map((n) => `domain:${n}`), ...rest.keys()].sort();
    const view: ReportInput = {
      evidence,
      findings: head,
      *allFindings() {
        for (const s of subjects) yield* findingsOf(s);
      },
      findingsOf,
    };
    return {
      view,
      materialize: () => ({
        evidence: { ...run.head, domains: Object.fromEntries(names.map((n) => [n, evidenceSpool.get(n)!])) } as Evidence,
        findings: { ...head, findings: [...view.allFindings()] },
      }),
      remove,
    };
  } catch (err) {
    remove();
    throw err;
  }
}

