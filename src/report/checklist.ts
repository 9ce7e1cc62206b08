// The remediation checklist: what to fix, most severe first, each with the exact change to make.
import type { Evidence } from "../evidence/evidence.js";
import { type Finding, type Findings, SEVERITIES } from "../evidence/findings.js";
import { escapeMarkdown as esc, fenced } from "./markdown.js";

const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);

export function renderChecklist(findings: Findings, evidence: Evidence): string {
  const open = findings.findings.filter((f) => f.status === "fail" || f.status === "warn").sort((a, b) => rank(a) - rank(b) || (a.status === "fail" ? -1 : 1) - (b.status === "fail" ? -1 : 1) || a.ruleId.localeCompare(b.ruleId) || a.subject.localeCompare(b.subject));
  const errors = findings.findings.filter((f) => f.status === "error");
  const waived = findings.findings.filter((f) => f.status === "waived");
  const s = findings.summary.byStatus;
  const lines: string[] = [
    "# Email security remediation checklist",
    "",
    `Generated ${findings.generatedAt} by ${findings.tool.name} ${findings.tool.version} with rule pack ${findings.pack.name} ${findings.pack.version}.`,
    `Evidence collected ${findings.evidenceCollectedAt} through resolver ${esc(findings.resolver.server)} (${findings.resolver.validatesDnssec === true ? "validates DNSSEC" : findings.resolver.validatesDnssec === false ? "does NOT validate DNSSEC: DNSSEC and DANE results are errors" : "DNSSEC validation unknown"}).`,
    "",
    `Domains: ${Object.keys(evidence.domains).map(esc).join(", ") || "none"}.`,
    "",
    `| to fix | could not assess | waived | passed | not applicable |`,
    `|---|---|---|---|---|`,
    `| ${(s.fail ?? 0) + (s.warn ?? 0)} | ${s.error ?? 0} | ${s.waived ?? 0} | ${(s.pass ?? 0) + (s.info ?? 0)} | ${s.not_applicable ?? 0} |`,
    "",
  ];
  for (const note of findings.notes) lines.push(`> Note: ${esc(note)}`, "");
  lines.push("## To fix", "");
  if (open.length === 0) lines.push("Nothing: no check failed or warned.", "");
  for (const f of open) {
    lines.push(`- [ ] **${f.severity.toUpperCase()} · ${f.status === "fail" ? "fail" : "warning"} · ${esc(f.ruleId)}** — ${esc(f.subject)}: ${esc(f.message)}`);
    if (f.remediation) lines.push("", indent(fenced(f.remediation)), "");
    if (f.references[0]) lines.push(`  See: [${esc(f.references[0].title)}](${f.references[0].url})`, "");
  }
  lines.push("## Could not assess", "");
  if (errors.length === 0) lines.push("Every check could be assessed.", "");
  for (const f of errors) lines.push(`- [ ] **${esc(f.ruleId)}** — ${esc(f.subject)}: ${esc(f.message)}`);
  if (errors.length > 0) lines.push("", "These are unknowns, not passes: rerun once the cause is fixed (resolver, network, permissions).", "");
  if (waived.length > 0) {
    lines.push("## Waived (accepted risks)", "");
    for (const f of waived) lines.push(`- **${esc(f.ruleId)}** — ${esc(f.subject)}: ${esc(f.message)}`);
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

function indent(text: string): string {
  return text.split("\n").map((l) => `  ${l}`).join("\n");
}
