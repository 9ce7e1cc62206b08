// The view of a spooled run (src/report/view.ts) made from plain data: the spool's folder and
// indexes, the evidence's head and what the judge handed back. Plain, so that another thread can
// open the same run and write some of its reports (src/run/report-thread.ts) beside this one.
import { join } from "node:path";
import type { DomainEvidence } from "../evidence/domain.js";
import type { Evidence } from "../evidence/evidence.js";
import { assembleFinding, type Finding, type Findings, type LeanFinding } from "../evidence/findings.js";
import type { FindingsDiff } from "../report/diff.js";
import type { ReportInput } from "../report/view.js";
import { DOMAINS_FILE, FINDINGS_FILE, type Judged } from "./judge.js";
import { lazyRecord } from "./lazy-record.js";
import { Spool } from "./spool.js";

export interface SpooledRunData {
  folder: string;
  /** The evidence but its domains. */
  head: Omit<Evidence, "domains">;
  judged: Judged;
  /** The domains, in evidence order. */
  names: string[];
  changes?: FindingsDiff;
}

export interface OpenedRun {
  view: ReportInput;
  /** The evidence and findings whole, read back from disk. */
  materialize(): { evidence: Evidence; findings: Findings };
  /** Closes this thread's handles on the files (they stay on disk). */
  close(): void;
}

export function openSpooledRun(data: SpooledRunData): OpenedRun {
  const { head, rest, ruleFields } = data.judged;
  const evidenceSpool = new Spool<DomainEvidence>(join(data.folder, DOMAINS_FILE), data.judged.domains);
  const findingsSpool = new Spool<LeanFinding[]>(join(data.folder, FINDINGS_FILE), data.judged.findings);
  const whole = (fs: LeanFinding[]): Finding[] => fs.map((f) => assembleFinding(ruleFields.get(f.ruleId)!, f.ruleId, f.subject, f));
  const names = data.names;
  const domains = lazyRecord(names, (name) => evidenceSpool.get(name));
  const evidence = { ...data.head, domains } as Evidence;
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
    ...(data.changes ? { changes: data.changes } : {}),
    *allFindings() {
      for (const s of subjects) yield* findingsOf(s);
    },
    findingsOf,
  };
  return {
    view,
    materialize: () => ({
      evidence: { ...data.head, domains: Object.fromEntries(names.map((n) => [n, evidenceSpool.get(n)!])) } as Evidence,
      findings: { ...head, findings: [...view.allFindings()] },
    }),
    close: () => {
      evidenceSpool.close();
      findingsSpool.close();
    },
  };
}
