// A rule as a page a person reads (`rules show`): what, why, when it fails, how to fix, references.
import type { Rule } from "./pack.js";

export function renderRulePage(rule: Rule): string {
  const m = rule.meta;
  const lines = [
    `${m.id} — ${m.title}`,
    "",
    `Severity: ${m.severity}    Scope: ${m.scope}${m.roles ? ` (${m.roles.join(", ")} domains)` : ""}`,
    "",
    "What it checks and why",
    wrap(m.description),
    "",
    "Outcomes (checked in order; the first that holds decides)",
    ...m.outcomes.map((o) => `  ${o.status.toUpperCase().padEnd(5)} when ${o.if}\n        ${o.message}`),
    `  ${m.passStatus.toUpperCase().padEnd(5)} otherwise\n        ${m.pass}`,
    ...(m.inputs.length > 0 ? ["", `Evidence read: ${m.inputs.join(", ")} (an error there makes the finding error, never pass)`] : []),
    "",
    "How to fix",
    m.remediation.trimEnd().split("\n").map((l) => `  ${l}`).join("\n"),
    "",
    "References",
    ...m.references.map((r) => `  - ${r.title}: ${r.url}`),
  ];
  const cw = m.crosswalk;
  if (cw && (cw.cis || cw.scuba || cw.orca)) {
    lines.push("", "Crosswalk");
    if (cw.cis) lines.push(`  CIS Microsoft 365 Foundations: ${cw.cis.join(", ")}`);
    if (cw.scuba) lines.push(`  CISA SCuBA: ${cw.scuba.join(", ")}`);
    if (cw.orca) lines.push(`  ORCA: ${cw.orca.join(", ")}`);
  }
  lines.push("", `Defined in ${rule.file}`);
  return `${lines.join("\n")}\n`;
}

function wrap(text: string, width = 96): string {
  const out: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(`  ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`  ${line}`);
  return out.join("\n");
}
