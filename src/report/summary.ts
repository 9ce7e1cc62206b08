// The summary printed at the end of a run: per subject, what needs work, in plain text.
import type { Evidence } from "../evidence/evidence.js";
import type { Finding, Findings } from "../evidence/findings.js";

const LABEL: Record<Finding["status"], string> = {
  fail: "FAIL", warn: "WARN", error: "ERROR", pass: "pass", info: "info", not_applicable: "n/a", waived: "WAIVED",
};

export function renderSummary(findings: Findings, evidence: Evidence, files: string[]): string {
  const s = findings.summary.byStatus;
  const v = findings.resolver.validatesDnssec;
  const out: string[] = [
    `${findings.tool.name} ${findings.tool.version} · pack ${findings.pack.name} ${findings.pack.version} · resolver ${findings.resolver.server} (${v === true ? "validates DNSSEC" : v === false ? "does not validate DNSSEC" : "DNSSEC validation unknown"})`,
    `${Object.keys(evidence.domains).length} domain(s), ${Object.keys(evidence.mxHosts).length} MX host(s), ${findings.summary.total} findings: ` +
      `${s.fail ?? 0} fail, ${s.warn ?? 0} warn, ${s.error ?? 0} error, ${s.pass ?? 0} pass, ${s.info ?? 0} info, ${s.waived ?? 0} waived, ${s.not_applicable ?? 0} n/a`,
    "",
  ];
  const bySubject = new Map<string, Finding[]>();
  for (const f of findings.findings) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
  for (const [subject, list] of [...bySubject].sort(([a], [b]) => a.localeCompare(b))) {
    const role = subject.startsWith("domain:") ? evidence.domains[subject.slice(7)]?.role.value : undefined;
    const passed = list.filter((f) => f.status === "pass").length;
    const notable = list.filter((f) => f.status !== "pass" && f.status !== "not_applicable");
    out.push(`${subject}${role ? ` (${role})` : ""}: ${passed} passed${notable.length ? "" : ", nothing to fix"}`);
    for (const f of notable.sort((a, b) => order(a) - order(b))) {
      out.push(`  ${LABEL[f.status].padEnd(6)} ${f.severity.padEnd(6)} ${f.ruleId.padEnd(28)} ${oneLine(f.message)}`);
    }
  }
  for (const note of findings.notes) out.push(`note: ${note}`);
  if (files.length > 0) out.push("", `Reports: ${files.join(", ")}`);
  return `${out.join("\n")}\n`;
}

function order(f: Finding): number {
  return ["fail", "warn", "error", "waived", "info"].indexOf(f.status) * 10 + ["high", "medium", "low", "info"].indexOf(f.severity);
}

/** Control characters from the outside world never reach the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]+/g, " ").slice(0, 220);
}
