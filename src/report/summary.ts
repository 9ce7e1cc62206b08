// The summary printed at the end of a run, for a person at a terminal: the tenant, one line per
// subject with its counts, then the most severe things to fix. Everything else is in the reports.
import type { Evidence } from "../evidence/evidence.js";
import type { Finding, Findings } from "../evidence/findings.js";
import type { Pack } from "../rules/pack.js";
import { changesLine, type FindingsDiff } from "./diff.js";
import { oneLine } from "./one-line.js";
import { subjectParts } from "./fix-groups.js";
import { postureMatrixOf } from "./posture-matrix.js";
import { type FindingsHead, type ReportInput, viewOf } from "./view.js";
import { policyTally, REQUIREMENT_LABEL } from "./policy-view.js";
import { renderTenant } from "./tenant-summary.js";

const LABEL: Record<Finding["status"], string> = {
  fail: "FAIL", warn: "WARN", error: "ERROR", pass: "pass", info: "info", not_applicable: "n/a", waived: "WAIVED",
};

export interface SummaryOptions {
  /** How many of the most severe open findings to list (all with Infinity). */
  top?: number;
  /** What changed since a baseline run: its counts are printed under the verdict. */
  changes?: FindingsDiff;
}

/** `pack` is the one the findings were judged with: its rules name the matrix's columns. */
export function renderSummary(findings: Findings, evidence: Evidence, pack: Pick<Pack, "rules">, files: string[], options: SummaryOptions = {}): string {
  return summaryOf(viewOf(evidence, findings), pack, files, options);
}

/** The summary of a run read through its view (src/report/view.ts): nothing of it is held whole. */
export function summaryOf(input: ReportInput, pack: Pick<Pack, "rules">, files: string[], options: SummaryOptions = {}): string {
  const { evidence, findings } = input;
  const s = findings.summary.byStatus;
  const v = findings.resolver.validatesDnssec;
  const out: string[] = [
    `${findings.tool.name} ${findings.tool.version} · pack ${findings.pack.name} ${findings.pack.version} · resolver ${findings.resolver.server} (${v === true ? "validates DNSSEC" : v === false ? "does not validate DNSSEC: DNSSEC and DANE results are errors" : "DNSSEC validation unknown"})`,
    `${Object.keys(evidence.domains).length} domain(s), ${Object.keys(evidence.mxHosts).length} MX host(s), ${findings.summary.total} findings: ` +
      `${s.fail ?? 0} fail, ${s.warn ?? 0} warn, ${s.error ?? 0} could not be assessed, ${s.pass ?? 0} pass, ${s.info ?? 0} info, ${s.waived ?? 0} waived, ${s.not_applicable ?? 0} not applicable`,
    ...(options.changes ? [changesLine(options.changes)] : []),
    "",
    ...unknowns(findings),
  ];
  if (evidence.tenant) out.push(...renderTenant(evidence.tenant), "");

  out.push(...postureMatrixOf(input, pack));
  // Subjects that are not domains (the tenant, connectors, sample messages) get a line each; and
  // the most severe of what to fix, kept as they go by (a sector run has 100,000s open).
  const top = options.top ?? 15;
  const most: Finding[] = [];
  let openCount = 0;
  const others = new Map<string, Finding[]>();
  for (const f of input.allFindings()) {
    if (!f.subject.startsWith("domain:") && !f.subject.startsWith("mx:")) {
      const list = others.get(f.subject);
      if (list) list.push(f);
      else others.set(f.subject, [f]);
    }
    if (f.status !== "fail" && f.status !== "warn") continue;
    openCount++;
    if (most.length >= top && bySeverity(f, most[most.length - 1]!) >= 0) continue;
    const at = most.findIndex((m) => bySeverity(f, m) < 0);
    most.splice(at === -1 ? most.length : at, 0, f);
    if (most.length > top) most.pop();
  }
  // Without a tenant, its rules are all "not applicable": no line says "tenant: 0 fail, 0 warn".
  for (const [subject, list] of others) if (list.every((f) => f.status === "not_applicable")) others.delete(subject);
  if (others.size > 0) out.push("");
  for (const [subject, list] of [...others].sort(([a], [b]) => a.localeCompare(b))) {
    const count = (st: Finding["status"]) => list.filter((f) => f.status === st).length;
    const worst = list.filter((f) => f.status === "fail" || f.status === "warn").sort(bySeverity)[0];
    out.push(`${subject}: ${count("fail")} fail, ${count("warn")} warn, ${count("error")} error, ${count("pass")} pass${worst ? ` — most severe: ${worst.severity} ${worst.ruleId}` : ""}`);
  }

  // Each policy in one line a requirement: what an assessor reads first (all of it in checklist.md).
  for (const p of findings.policies) {
    out.push("", `${p.title}: ${policyTally(p)}.`);
    const width = Math.max(...p.requirements.map((r) => REQUIREMENT_LABEL[r.verdict].length));
    for (const r of p.requirements) out.push(`  ${REQUIREMENT_LABEL[r.verdict].padEnd(width)}  ${r.level.padEnd(6)} ${oneLine(`${r.text} — ${r.verdict === "not_checked" ? "not checked by this tool" : r.reason}`)}`);
  }

  if (openCount > 0) {
    out.push("", `Most severe (${most.length} of ${openCount} to fix; all of them, with the fix, in checklist.md):`);
    for (const f of most) out.push(`  ${LABEL[f.status].padEnd(4)} ${f.severity.padEnd(6)} ${f.ruleId.padEnd(27)} ${oneLine(f.message)}`);
  }
  // Said again at the end, where a reader's eye lands last.
  if (!findings.assessment.complete) out.push("", `INCOMPLETE: ${findings.assessment.couldNotAssess} of ${findings.summary.total} checks could not be assessed; the causes are at the top and in checklist.md.`);
  for (const note of findings.notes) out.push(`note: ${note}`);
  if (files.length > 0) out.push("", `Reports: ${files.join(", ")}`);
  return `${out.join("\n")}\n`;
}

function bySeverity(a: Finding, b: Finding): number {
  const rank = (f: Finding) => ["high", "medium", "low", "info"].indexOf(f.severity) * 2 + (f.status === "fail" ? 0 : 1);
  return rank(a) - rank(b) || a.subject.localeCompare(b.subject) || a.ruleId.localeCompare(b.ruleId);
}

/**
 * A run that could not look says so first, before any matrix or count can read as clean: each
 * cause (an error-catalogue code) with the subjects it struck and what to do.
 */
function unknowns(findings: FindingsHead): string[] {
  const a = findings.assessment;
  if (a.complete) return [];
  const out = [`INCOMPLETE: ${a.couldNotAssess} check(s) could not be assessed; they are unknowns, never passes. By cause:`];
  for (const c of a.causes) {
    const shown = c.subjects.slice(0, 3).map((sub) => `${subjectParts(sub.subject).name} (${sub.checks})`).join(", ");
    const more = c.subjects.length > 3 ? ` and ${c.subjects.length - 3} more` : "";
    out.push(`  ${c.code} × ${c.checks}: ${shown}${more}`);
    out.push(`    e.g. ${oneLine(c.subjects[0]!.detail)}`);
    out.push(`    what to do: ${oneLine(c.remedy)}`);
  }
  return [...out, ""];
}
