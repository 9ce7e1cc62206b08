// One row a domain, one column a control: the view an assessor reads first. A cell is the control's
// verdict: the worst status among its high- and medium-severity findings for the domain and the MX
// hosts it names. Low-severity and informational findings that did not pass are notes beside it
// (a "*"), never the verdict: one low note must not paint a p=reject domain's DMARC cell FAIL. A
// column with nothing but such findings takes its verdict from them.
import type { Evidence } from "../evidence/evidence.js";
import type { Finding } from "../evidence/findings.js";
import { CONTROLS } from "../rules/controls.js";
import type { Pack } from "../rules/pack.js";
import { findingsIndex, type ReportInput } from "./view.js";

export interface MatrixColumn { name: string; ruleIds: Set<string> }

/** The matrix's columns: each control with a domain or MX rule in the pack, in the controls' order. */
export function matrixColumns(pack: Pick<Pack, "rules">): MatrixColumn[] {
  const rows = pack.rules.filter((r) => r.meta.scope === "domain" || r.meta.scope === "mx");
  return CONTROLS.map((c) => ({ name: c.label, ruleIds: new Set(rows.filter((r) => r.meta.control === c.id).map((r) => r.meta.id)) }))
    .filter((c) => c.ruleIds.size > 0);
}

/** The same columns read from the findings alone (each carries its control), for reports made without the pack. */
export function matrixColumnsOf(findings: Iterable<Finding>): MatrixColumn[] {
  // One pass: a run of 10,000 domains has 300,000 findings, and every report asks.
  const byControl = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!f.subject.startsWith("domain:") && !f.subject.startsWith("mx:")) continue;
    let ids = byControl.get(f.control);
    if (!ids) byControl.set(f.control, (ids = new Set()));
    ids.add(f.ruleId);
  }
  return CONTROLS.map((c) => ({ name: c.label, ruleIds: byControl.get(c.id) ?? new Set<string>() })).filter((c) => c.ruleIds.size > 0);
}

// Worst first: a failure outranks an unknown, an unknown outranks a warning, and so on.
const ORDER: Finding["status"][] = ["fail", "error", "warn", "waived", "pass", "info", "not_applicable"];
export const CELL: Record<Finding["status"], string> = { fail: "FAIL", error: "ERR", warn: "warn", waived: "wvd", pass: "ok", info: "ok", not_applicable: "-" };
export const MATRIX_LEGEND = "FAIL a check failed · ERR could not be assessed · warn · wvd waived · ok passed · - not applicable · * with low-severity notes (see the findings); the verdict is that of the control's high- and medium-severity checks, and MX-host checks count for every domain they serve";

export interface MatrixRow {
  domain: string;
  role: string;
  cells: (Finding["status"] | null)[];
  /** Per cell, how many low-severity or informational findings did not pass (fail, warn or error). */
  notes: number[];
}

const weighs = (f: Finding) => f.severity === "high" || f.severity === "medium";
const isNote = (f: Finding) => !weighs(f) && (f.status === "fail" || f.status === "warn" || f.status === "error");

/** A cell as text: its status and, when there are notes, a "*". */
export function cellText(status: Finding["status"] | null, notes: number, labels: Record<Finding["status"], string> = CELL, empty = "-"): string {
  return `${status ? labels[status] : empty}${notes > 0 ? "*" : ""}`;
}

/** A row a domain, in name order; each domain's evidence is read once (a spooled run reads it from disk). */
export function* matrixRows({ evidence, findingsOf }: Pick<ReportInput, "evidence" | "findingsOf">, columns: MatrixColumn[]): Generator<MatrixRow> {
  for (const name of Object.keys(evidence.domains).sort()) {
    const domain = evidence.domains[name]!;
    const mine = [...findingsOf(`domain:${name}`), ...domain.mx.hosts.flatMap((h) => findingsOf(`mx:${h.exchange}`))];
    const inColumn = columns.map((c) => mine.filter((f) => c.ruleIds.has(f.ruleId)));
    // The verdict comes from the high- and medium-severity findings (when they do not apply, neither
    // does the control: "-", with any notes beside it); a column with none takes it from all its
    // findings, and then nothing is apart.
    const deciding = inColumn.map((fs) => fs.filter(weighs));
    const cells = inColumn.map((fs, i) => {
      const statuses = (deciding[i]!.length > 0 ? deciding[i]! : fs).map((f) => f.status);
      return ORDER.find((s) => statuses.includes(s)) ?? null;
    });
    const notes = inColumn.map((fs, i) => (deciding[i]!.length > 0 ? fs.filter(isNote).length : 0));
    yield { domain: name, role: domain.role.value, cells, notes };
  }
}

export function postureMatrix(findings: Finding[], evidence: Evidence, pack: Pick<Pack, "rules">): string[] {
  return postureMatrixOf({ evidence, ...findingsIndex(findings) }, pack);
}

/** The matrix as terminal lines: a line a domain, the legend last. */
export function postureMatrixOf(input: Pick<ReportInput, "evidence" | "findingsOf">, pack: Pick<Pack, "rules">): string[] {
  const columns = matrixColumns(pack);
  const rows = [...matrixRows(input, columns)];
  const label = (r: MatrixRow) => `${r.domain} (${r.role})`;
  const width = Math.min(48, Math.max(6, ...rows.map((r) => label(r).length)));
  // "FAIL*" is the widest cell.
  const colWidth = (c: string) => Math.max(c.length, 5);
  const lines = [`${"domain".padEnd(width)}  ${columns.map((c) => c.name.padEnd(colWidth(c.name))).join("  ")}`.trimEnd()];
  for (const r of rows) {
    const cells = columns.map((c, i) => cellText(r.cells[i] ?? null, r.notes[i] ?? 0).padEnd(colWidth(c.name)));
    lines.push(`${label(r).slice(0, width).padEnd(width)}  ${cells.join("  ")}`.trimEnd());
  }
  lines.push(`(${MATRIX_LEGEND})`);
  return lines;
}
