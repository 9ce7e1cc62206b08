// One row a domain, one column a control: the view an assessor reads first. A cell is the worst
// status among that control's findings for the domain and for the MX hosts it names.
import type { Evidence } from "../evidence/evidence.js";
import type { Finding } from "../evidence/findings.js";
import { CONTROLS } from "../rules/controls.js";
import type { Pack } from "../rules/pack.js";

/** The matrix's columns: each control with a domain or MX rule in the pack, in the controls' order. */
export function matrixColumns(pack: Pick<Pack, "rules">): { name: string; ruleIds: Set<string> }[] {
  const rows = pack.rules.filter((r) => r.meta.scope === "domain" || r.meta.scope === "mx");
  return CONTROLS.map((c) => ({ name: c.label, ruleIds: new Set(rows.filter((r) => r.meta.control === c.id).map((r) => r.meta.id)) }))
    .filter((c) => c.ruleIds.size > 0);
}

// Worst first: a failure outranks an unknown, an unknown outranks a warning, and so on.
const ORDER: Finding["status"][] = ["fail", "error", "warn", "waived", "pass", "info", "not_applicable"];
const CELL: Record<Finding["status"], string> = { fail: "FAIL", error: "ERR", warn: "warn", waived: "wvd", pass: "ok", info: "ok", not_applicable: "-" };

export function postureMatrix(findings: Finding[], evidence: Evidence, pack: Pick<Pack, "rules">): string[] {
  const columns = matrixColumns(pack);
  const bySubject = new Map<string, Finding[]>();
  for (const f of findings) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
  const names = Object.keys(evidence.domains).sort();
  const label = (n: string) => `${n} (${evidence.domains[n]!.role.value})`;
  const width = Math.min(48, Math.max(6, ...names.map((n) => label(n).length)));
  const colWidth = (c: string) => Math.max(c.length, 4);
  const lines = [`${"domain".padEnd(width)}  ${columns.map((c) => c.name.padEnd(colWidth(c.name))).join("  ")}`];
  for (const name of names) {
    const mine = [
      ...(bySubject.get(`domain:${name}`) ?? []),
      ...evidence.domains[name]!.mx.hosts.flatMap((h) => bySubject.get(`mx:${h.exchange}`) ?? []),
    ];
    const cells = columns.map((c) => {
      const statuses = mine.filter((f) => c.ruleIds.has(f.ruleId)).map((f) => f.status);
      const worst = ORDER.find((s) => statuses.includes(s));
      return (worst ? CELL[worst] : "-").padEnd(colWidth(c.name));
    });
    lines.push(`${label(name).slice(0, width).padEnd(width)}  ${cells.join("  ")}`);
  }
  lines.push(`(FAIL a check failed · ERR could not be assessed · warn · wvd waived · ok passed · - not applicable; MX-host checks count for every domain they serve)`);
  return lines;
}
