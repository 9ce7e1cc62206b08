// What several reports draw from all the findings (the fixes, the matrix, the waivers, the tenant's
// findings), made in one pass and kept for the run's view: a spooled run reads its findings from
// disk, and each format reading them again for each section would read 300,000 findings ten times.
import type { Finding } from "../evidence/findings.js";
import { type FixGroup, FixGroupsBuilder } from "./fix-groups.js";
import { type MatrixColumn, matrixColumnsOf, type MatrixRow, matrixRows } from "./posture-matrix.js";
import type { ReportInput } from "./view.js";

export interface Digest {
  /** What to fix, grouped (fix-groups.ts). */
  groups: FixGroup[];
  /** The posture matrix: its columns, and a row a domain in name order. */
  columns: MatrixColumn[];
  rows: MatrixRow[];
  /** Findings with a waiver, applied or expired. */
  waivers: Finding[];
  /** Findings of subjects that are neither a domain nor an MX host: the tenant, its connectors, sample messages. */
  others: Finding[];
}

const made = new WeakMap<ReportInput, Digest>();

export function digestOf(input: ReportInput): Digest {
  const known = made.get(input);
  if (known) return known;
  const fixes = new FixGroupsBuilder();
  const waivers: Finding[] = [];
  const others: Finding[] = [];
  function* tap(findings: Iterable<Finding>): Generator<Finding> {
    for (const f of findings) {
      fixes.add(f);
      if (f.waiver) waivers.push(f);
      if (!f.subject.startsWith("domain:") && !f.subject.startsWith("mx:")) others.push(f);
      yield f;
    }
  }
  const columns = matrixColumnsOf(tap(input.allFindings()));
  const digest = { groups: fixes.groups(), columns, rows: [...matrixRows(input, columns)], waivers, others };
  made.set(input, digest);
  return digest;
}
