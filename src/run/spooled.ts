// A whole run in flat memory: each domain is judged as soon as its evidence and its MX hosts' are
// complete, its evidence and findings go to disk (spool.ts), and it is forgotten. What stays in
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
import { NO_INCONSISTENCIES } from "../rules/consistency.js";
import { bySubject, type Evaluation } from "../rules/evaluate.js";
import { SCOPES } from "../rules/rule-schema.js";
import type { DomainTarget } from "../targets.js";
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

export async function spooledRun(
  targets: DomainTarget[], ctx: ProbeContext, options: ProbeRunOptions, evaluation: Evaluation, dir: string,
): Promise<SpooledRun> {
  const folder = mkdtempSync(join(dir, ".exo-posture-spool-"));
  const evidenceSpool = new Spool<DomainEvidence>(join(folder, "domains.jsonl"));
  // A finding is stored without its rule's fields (title, severity, control, references,
  // crosswalk: the same in every finding of the rule), which are put back from one copy on reading.
  const findingsSpool = new Spool<LeanFinding[]>(join(folder, "findings.jsonl"));
  const ruleFields = new Map<string, RuleFields>();
  const lean = (fs: Finding[]): LeanFinding[] => fs.map(({ title, severity, control, references, crosswalk, ...own }) => {
    if (!ruleFields.has(own.ruleId)) ruleFields.set(own.ruleId, { title, severity, control, references, ...(crosswalk ? { crosswalk } : {}) });
    return own;
  });
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
  const remove = () => {
    evidenceSpool.remove();
    findingsSpool.remove();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const tenant = options.tenant ?? null;
    // A resolver that does not answer at all stops the run here (ResolverUnavailableError).
    const validation = options.validation ?? (await requireResolver(ctx.resolver));
    const resolver = { ...ctx.resolver.info, validatesDnssec: validation.validates, validationDetail: validation.detail };
    const run = await streamProbes(targets, ctx, { ...options, validation }, (domain, mxHosts) => {
      // What a domain's rules see is what they would see in the whole evidence file: the domain,
      // the MX hosts it names, the tenant and the resolver (src/rules/subjects.ts).
      const one = { resolver, tenant, domains: { [domain.name]: domain }, mxHosts } as unknown as Evidence;
      const findings = bySubject(evaluation.judgeScope("domain", one, NO_INCONSISTENCIES));
      for (const fs of findings.values()) evaluation.record(fs);
      evidenceSpool.put(domain.name, domain);
      findingsSpool.put(domain.name, lean(findings.get(`domain:${domain.name}`) ?? []));
    });
    const names = targets.map((t) => t.name).filter((n) => evidenceSpool.has(n));
    const domains = lazyRecord(names, (name) => evidenceSpool.get(name));
    const evidence = { ...run.head, domains } as Evidence;
    // The other subjects: each MX host, the tenant and its connectors, the sample messages. The
    // tenant's rules read every domain (its accepted ones among them): read back for them alone.
    const forRest = { ...run.head, domains: tenant ? Object.fromEntries(names.map((n) => [n, evidenceSpool.get(n)!])) : {} } as Evidence;
    const rest = bySubject(SCOPES.filter((s) => s !== "domain").flatMap((scope) => evaluation.judgeScope(scope, forRest, NO_INCONSISTENCIES)));
    for (const fs of rest.values()) evaluation.record(fs);
    const head = evaluation.head(evidence);
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

type RuleFields = Pick<Finding, "title" | "severity" | "control" | "references" | "crosswalk">;
type LeanFinding = Omit<Finding, keyof RuleFields>;
