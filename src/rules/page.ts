// A rule as a page a person reads (`rules show`): what it checks and why, what each outcome says,
// how to fix, references. Messages and the fix are shown as the rule's own examples render them, so
// a consultant reads concrete text; the CEL behind them is shown to rule authors with `cel: true`.
import { type ExampleResult, runExamples } from "./examples.js";
import type { Pack, Rule } from "./pack.js";

export interface PageOptions {
  /** Show each outcome's CEL condition and the raw templates (for rule authors). */
  cel?: boolean;
}

export function renderRulePage(rule: Rule, pack: Pack, options: PageOptions = {}): string {
  const m = rule.meta;
  const results = runExamples(pack, rule);
  const sample = (pick: (r: ExampleResult) => boolean) => results.find((r) => r.ok && pick(r));
  const lines = [
    `${m.id} — ${m.title}`,
    "",
    `Severity: ${m.severity}    Scope: ${m.scope}${m.roles ? ` (${m.roles.join(", ")} domains)` : ""}`,
    "",
    "What it checks and why",
    wrap(m.description),
    "",
  ];
  // The names the conditions below read, for rule authors.
  if (options.cel && m.let) lines.push("Named bindings (let), in order", ...Object.entries(m.let).map(([name, cel]) => `  ${name} = ${cel.trim()}`), "");
  lines.push("What it reports (checked in order; the first that holds decides)");
  m.outcomes.forEach((o, i) => {
    const example = sample((r) => r.outcome === i);
    lines.push(`  ${o.status.toUpperCase().padEnd(5)} ${example ? `e.g. ${example.message}` : placeholders(o.message)}`);
    if (options.cel) lines.push(`        when ${o.if}`, `        says ${o.message}`);
  });
  const passing = sample((r) => r.actual === m.passStatus);
  lines.push(`  ${m.passStatus.toUpperCase().padEnd(5)} ${passing ? `e.g. ${passing.message}` : placeholders(m.pass)}`);
  if (options.cel) lines.push(`        otherwise; says ${m.pass}`);
  lines.push(`  ERROR when the evidence it reads${m.inputs.length > 0 ? ` (${m.inputs.join(", ")})` : ""} is missing or holds an error: never a pass`);
  if (m.when) lines.push(`  N/A   when it does not apply${options.cel ? ` (when ${m.when})` : ""}`);

  const fixed = sample((r) => r.actual === "fail" || r.actual === "warn");
  lines.push("", fixed ? `How to fix (as it reads for the example "${fixed.name}")` : "How to fix");
  lines.push(indent(fixed && !options.cel ? fixed.remediation : placeholders(m.remediation)));
  lines.push("", "References", ...m.references.map((r) => `  - ${r.title}: ${r.url}`));
  const cw = m.crosswalk;
  if (cw && (cw.cis || cw.scuba || cw.orca)) {
    lines.push("", "Crosswalk");
    if (cw.cis) lines.push(`  CIS Microsoft 365 Foundations: ${cw.cis.join(", ")}`);
    if (cw.scuba) lines.push(`  CISA SCuBA: ${cw.scuba.join(", ")}`);
    if (cw.orca) lines.push(`  ORCA: ${cw.orca.join(", ")}`);
  }
  lines.push("", `Defined in ${rule.file}${options.cel ? "" : " (exo-posture rules show --cel prints its conditions)"}`);
  return `${lines.join("\n")}\n`;
}

/** A template with each `{{ expression }}` shown as «…», for outcomes no example reaches. */
function placeholders(template: string): string {
  return template.replace(/\{\{[\s\S]*?\}\}/g, "«…»").trim();
}

function indent(text: string): string {
  return text.trimEnd().split("\n").map((l) => `  ${l}`).join("\n");
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
