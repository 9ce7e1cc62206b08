// What a report reads: the run's evidence, the findings' head (summary, assessment, notes,
// policies), and the findings themselves one subject at a time or in one pass. A report never
// asks for every finding as one list: a small run keeps them in memory (viewOf), a large one reads
// them back from disk (src/run/spool.ts), and the same renderer serves both without holding the
// run.
import type { Evidence } from "../evidence/evidence.js";
import type { Finding, Findings } from "../evidence/findings.js";
import { groupBy } from "../group-by.js";
import type { FindingsDiff } from "./diff.js";

/** The findings without the list: what every report says of the run as a whole. */
export type FindingsHead = Omit<Findings, "findings">;

export interface ReportInput {
  /**
   * What was seen. In a run spooled to disk `evidence.domains` reads each domain when it is asked
   * for: go through the names (Object.keys) and read one at a time, never Object.values.
   */
  evidence: Evidence;
  findings: FindingsHead;
  /** What changed since a baseline run (assess --baseline), when one was given. */
  changes?: FindingsDiff;
  /** Every finding, subject by subject in name order, each rule's in rule order; each call reads them again. */
  allFindings(): Iterable<Finding>;
  /** One subject's findings (`domain:a.example`, `mx:mx1.a.example`, `tenant`), in rule order. */
  findingsOf(subject: string): readonly Finding[];
}

/** The view of a run held in memory. */
export function viewOf(evidence: Evidence, findings: Findings, changes?: FindingsDiff): ReportInput {
  const { findings: list, ...head } = findings;
  return { evidence, findings: head, ...(changes ? { changes } : {}), ...findingsIndex(list) };
}

/** A list of findings read as a view reads them: by subject (indexed on first use), or all in subject order. */
export function findingsIndex(list: readonly Finding[]): Pick<ReportInput, "allFindings" | "findingsOf"> {
  let bySubject: Map<string, Finding[]> | null = null;
  const index = () => (bySubject ??= groupBy(list, (f) => f.subject));
  return {
    *allFindings() {
      const subjects = [...index().keys()].sort();
      for (const s of subjects) yield* index().get(s)!;
    },
    findingsOf: (subject) => index().get(subject) ?? [],
  };
}

/** Every finding of the run as one list: for the few places bounded by a run's size (the workbook). */
export function findingsList(input: ReportInput): Finding[] {
  return [...input.allFindings()];
}
