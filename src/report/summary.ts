// The summary printed at the end of a run, for a person at a terminal: the tenant, one line per
// subject with its counts, then the most severe things to fix. Everything else is in the reports.
import type { Evidence } from "../evidence/evidence.js";
import type { Finding, Findings } from "../evidence/findings.js";
import { renderTenant } from "./tenant-summary.js";

const LABEL: Record<Finding["status"], string> = {
  fail: "FAIL", warn: "WARN", error: "ERROR", pass: "pass", info: "info", not_applicable: "n/a", waived: "WAIVED",
};

export interface SummaryOptions {
  /** How many of the most severe open findings to list (all with Infinity). */
  top?: number;
}

export function renderSummary(findings: Findings, evidence: Evidence, files: string[], options: SummaryOptions = {}): string {
  const s = findings.summary.byStatus;
  const v = findings.resolver.validatesDnssec;
  const out: string[] = [
    `${findings.tool.name} ${findings.tool.version} · pack ${findings.pack.name} ${findings.pack.version} · resolver ${findings.resolver.server} (${v === true ? "validates DNSSEC" : v === false ? "does not validate DNSSEC: DNSSEC and DANE results are errors" : "DNSSEC validation unknown"})`,
    `${Object.keys(evidence.domains).length} domain(s), ${Object.keys(evidence.mxHosts).length} MX host(s), ${findings.summary.total} findings: ` +
      `${s.fail ?? 0} fail, ${s.warn ?? 0} warn, ${s.error ?? 0} could not be assessed, ${s.pass ?? 0} pass, ${s.info ?? 0} info, ${s.waived ?? 0} waived, ${s.not_applicable ?? 0} not applicable`,
    "",
  ];
  if (evidence.tenant) out.push(...renderTenant(evidence.tenant), "");

  const bySubject = new Map<string, Finding[]>();
  for (const f of findings.findings) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
  const rows = [...bySubject].sort(([a], [b]) => a.localeCompare(b)).map(([subject, list]) => {
    const count = (st: Finding["status"]) => list.filter((f) => f.status === st).length;
    const role = subject.startsWith("domain:") ? evidence.domains[subject.slice(7)]?.role.value : undefined;
    const worst = list.filter((f) => f.status === "fail" || f.status === "warn").sort(bySeverity)[0];
    return { subject: `${subject}${role ? ` (${role})` : ""}`, fail: count("fail"), warn: count("warn"), error: count("error"), pass: count("pass"), worst };
  });
  const width = Math.min(52, Math.max(...rows.map((r) => r.subject.length), 7));
  out.push(`${"subject".padEnd(width)}  fail  warn  error  pass  most severe`);
  for (const r of rows) {
    const worst = r.worst ? `${r.worst.severity} ${r.worst.ruleId}` : r.error > 0 ? "(could not assess everything)" : "nothing to fix";
    out.push(`${r.subject.slice(0, width).padEnd(width)}  ${num(r.fail, 4)}  ${num(r.warn, 4)}  ${num(r.error, 5)}  ${num(r.pass, 4)}  ${worst}`);
  }

  const open = findings.findings.filter((f) => f.status === "fail" || f.status === "warn").sort(bySeverity);
  const top = options.top ?? 15;
  if (open.length > 0) {
    out.push("", `Most severe (${Math.min(top, open.length)} of ${open.length} to fix; all of them, with the fix, in checklist.md):`);
    for (const f of open.slice(0, top)) out.push(`  ${LABEL[f.status].padEnd(4)} ${f.severity.padEnd(6)} ${f.ruleId.padEnd(27)} ${oneLine(f.message)}`);
  }
  const errors = findings.findings.filter((f) => f.status === "error");
  if (errors.length > 0) {
    const reasons = new Map<string, number>();
    for (const f of errors) reasons.set(reasonOf(f.message), (reasons.get(reasonOf(f.message)) ?? 0) + 1);
    out.push("", `Could not assess ${errors.length} check(s) (never counted as passed); the commonest reasons:`);
    for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5)) out.push(`  ${String(n).padStart(4)} × ${oneLine(reason)}`);
  }
  for (const note of findings.notes) out.push(`note: ${note}`);
  if (files.length > 0) out.push("", `Reports: ${files.join(", ")}`);
  return `${out.join("\n")}\n`;
}

function bySeverity(a: Finding, b: Finding): number {
  const rank = (f: Finding) => ["high", "medium", "low", "info"].indexOf(f.severity) * 2 + (f.status === "fail" ? 0 : 1);
  return rank(a) - rank(b) || a.subject.localeCompare(b.subject) || a.ruleId.localeCompare(b.ruleId);
}

const num = (n: number, w: number) => (n === 0 ? "-" : String(n)).padStart(w);

/** An error message without the subject's own name, so the same cause groups across subjects. */
function reasonOf(message: string): string {
  return message.replace(/\b[a-z0-9-]+(\.[a-z0-9-]+)+\b/gi, "…").slice(0, 140);
}

/** Control characters from the outside world never reach the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, " ");
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}
