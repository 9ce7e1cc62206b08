// checklist.md: the remediation checklist a consultant hands over. It opens with whether the run
// could look (and, if not, why, grouped by cause), then what to fix by severity, each distinct fix
// once with the domains, hosts or connectors it applies to, then the posture matrix and the
// tenant's mail-flow configuration, so the file stands on its own without the terminal.
import type { Evidence } from "../evidence/evidence.js";
import type { Findings } from "../evidence/findings.js";
import { type FindingsHead, type ReportInput, viewOf } from "./view.js";
import { digestOf } from "./digest.js";
import { SEVERITIES } from "../evidence/findings.js";
import { type Change, changesLine, type FindingState, type FindingsDiff, requirementChangeText } from "./diff.js";
import { DASHED_DOMAIN, type Fix, type FixGroup, PLACEHOLDERS, subjectParts } from "./fix-groups.js";
import type { Render } from "./format.js";
import { crosswalkText } from "./labels.js";
import { policyRows, policyTally, REQUIREMENT_LEGEND } from "./policy-view.js";
import { cell, fenced, inline, table } from "./markdown.js";
import { cellText, MATRIX_LEGEND } from "./posture-matrix.js";
import { plural, resolverText, runTitle, tenantText, verdictLine } from "./run-facts.js";
import { visibleControls } from "../text/visible.js";
import { renderTenant } from "./tenant-summary.js";

/** Text from outside keeps no control character: an ESC in a TXT record shows as \x1b (issue 27). */
export const render: Render = (input) => ({ "checklist.md": visibleControls(checklistText(input)) });

export function renderChecklist(findings: Findings, evidence: Evidence, changes?: FindingsDiff): string {
  return checklistText(viewOf(evidence, findings, changes));
}

export function checklistText(input: ReportInput): string {
  const { findings, evidence, changes } = input;
  const { groups } = digestOf(input);
  const out: string[] = [
    `# Email security checklist: ${inline(runTitle(evidence))}`,
    "",
    ...about(findings, evidence),
    "",
    ...verdict(findings, groups),
    ...(changes ? changesSection(changes) : []),
    ...policies(findings),
    `Below: ${[groups.length > 0 ? "[To fix](#to-fix)" : "", "[Posture by domain](#posture-by-domain)", evidence.tenant ? "[Tenant mail flow](#tenant-mail-flow)" : "", (findings.summary.byStatus.waived ?? 0) > 0 ? "[Waived](#waived-accepted-risks)" : ""].filter(Boolean).join(" · ")}.`,
    "",
    ...toFix(groups),
    ...matrix(input),
    ...tenant(evidence),
    ...waived(input),
  ];
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

function about(findings: FindingsHead, evidence: Evidence): string[] {
  return [
    `- **Tenant:** ${inline(tenantText(evidence))}`,
    `- **Assessed:** ${plural(Object.keys(evidence.domains).length, "domain")} and the ${plural(Object.keys(evidence.mxHosts).length, "MX host")} they name`,
    `- **Evidence:** collected ${findings.evidenceCollectedAt} through resolver ${inline(resolverText(findings))}`,
    `- **Judged:** ${findings.generatedAt} by ${findings.tool.name} ${findings.tool.version} with rule pack ${inline(findings.pack.name)} ${inline(findings.pack.version)}`,
  ];
}

function verdict(findings: FindingsHead, groups: FixGroup[]): string[] {
  const s = findings.summary.byStatus;
  const a = findings.assessment;
  const n = (k: keyof typeof s) => String(s[k] ?? 0);
  const out = [
    "## Verdict",
    "",
    `**${verdictLine(findings)}**`,
    "",
    ...table(
      ["fail", "warn", "could not assess", "waived", "pass", "info", "not applicable", "total"],
      [[n("fail"), n("warn"), n("error"), n("waived"), n("pass"), n("info"), n("not_applicable"), String(findings.summary.total)]],
      ["right", "right", "right", "right", "right", "right", "right", "right"],
    ),
    "",
    groups.length === 0
      ? a.complete
        ? "Nothing to fix: no check failed or warned."
        : `No check that could be assessed failed or warned, but ${plural(a.couldNotAssess, "check")} could not be assessed: this is not a clean result.`
      : `To fix: ${plural(groups.reduce((k, g) => k + g.subjects.length, 0), "finding")} of ${plural(groups.length, "rule")} (${SEVERITIES.map((sev) => `${findings.summary.openBySeverity[sev] ?? 0} ${sev}`).join(", ")}).`,
    "",
  ];
  for (const note of findings.notes) out.push(`> Note: ${inline(note)}`, "");
  if (a.complete) return out;
  out.push("### Could not assess", "", "Grouped by cause (the codes are explained in docs/errors.md). These checks are unknown: neither passed nor failed.", "");
  for (const c of a.causes) {
    out.push(`- **${c.code}**, ${plural(c.checks, "check")}: ${inline(c.meaning)}`);
    for (const sub of c.subjects) {
      const { kind, name } = subjectParts(sub.subject);
      out.push(`  - ${kind === name ? inline(name) : `${kind} ${inline(name)}`} (${plural(sub.checks, "check")}): ${inline(sub.detail)}`);
    }
    out.push(`  - What to do: ${inline(c.remedy)}`);
  }
  out.push("");
  return out;
}

/** Each policy of the pack, requirement by requirement: what an assessor asks first. */
function policies(findings: FindingsHead): string[] {
  const out: string[] = [];
  for (const p of findings.policies) {
    out.push(`## ${inline(p.title)}`, "", `Requirement by requirement, as [${inline(p.source.title)}](${p.source.url}) states them: ${inline(policyTally(p))}.`, "");
    out.push(
      ...table(
        ["Requirement", "", "Verdict", "Why", "Checked by"],
        policyRows(p).map((r) => [`[${cell(r.text)}](${r.url})`, r.level, `**${r.label}**`, cell(r.reason), r.rules ? cell(r.rules) : "no rule"]),
      ),
      "",
      `_${inline(REQUIREMENT_LEGEND)}._`,
      "",
    );
  }
  return out;
}

/** "Changes since <date>": what is new, fixed or changed since the baseline run, each once. */
function changesSection(d: FindingsDiff): string[] {
  const out = [`## Changes since ${d.from.evidenceCollectedAt}`, "", `${inline(changesLine(d))}.`, ""];
  if (d.requirements.length > 0) {
    out.push(`### Policy requirements whose verdict moved (${d.requirements.length})`, "", ...d.requirements.map((c) => `- ${inline(requirementChangeText(c))}`), "");
  }
  const state = (s: FindingState | null) => (s ? `${s.status} (${s.severity})` : "absent");
  const list = (title: string, changes: Change[], how: (c: Change) => string) => {
    if (changes.length === 0) return;
    out.push(`### ${title} (${changes.length})`, "");
    for (const c of changes) out.push(`- **${inline(c.ruleId)}** on ${inline(subjectParts(c.subject).name)}: ${how(c)}`);
    out.push("");
  };
  list("New", d.new, (c) => `${c.before ? `${state(c.before)} → ` : ""}**${c.after!.status}** (${c.after!.severity}): ${inline(c.after!.message)}`);
  list("Fixed", d.fixed, (c) => `${state(c.before)} → ${c.after!.status}`);
  list("Changed", d.changed, (c) => `${state(c.before)} → ${state(c.after)}: ${inline(c.after!.message)}`);
  list("No longer assessed (not fixed)", [...d.noLongerAssessed, ...d.ruleRemoved], (c) => `was ${state(c.before)}${d.ruleRemoved.includes(c) ? "; the rule is no longer in the pack" : ""}`);
  return out;
}

function toFix(groups: FixGroup[]): string[] {
  if (groups.length === 0) return [];
  const out = ["## To fix", ""];
  for (const sev of SEVERITIES) {
    const mine = groups.filter((g) => g.severity === sev);
    if (mine.length === 0) continue;
    out.push(`### ${sev[0]!.toUpperCase()}${sev.slice(1)} (${plural(mine.length, "rule")}, ${plural(mine.reduce((k, g) => k + g.subjects.length, 0), "finding")})`, "");
    for (const g of mine) out.push(...fixItem(g), "");
  }
  return out;
}

function fixItem(g: FixGroup): string[] {
  const n = g.subjects.length;
  // One subject is named in the item's first line; several are listed on their own line first.
  const on = (k: number) => (g.kind === "tenant" ? "the tenant" : n === 1 ? `${g.kind} ${inline(g.subjects[0]!.name)}` : plural(k, g.kind));
  const how = [g.fails > 0 ? `fails on ${on(g.fails)}` : "", g.warns > 0 ? `warns on ${g.fails > 0 ? g.warns : on(g.warns)}` : ""].filter(Boolean).join(", ");
  const out = [`- [ ] **${inline(g.ruleId)}: ${inline(g.title)}** (${how})`, ""];
  if (n > 1) out.push(`  On: ${g.subjects.map((s) => inline(s.name)).join(", ")}`, "");
  if (n === 1) {
    out.push(`  Found: ${inline(g.subjects[0]!.message)}`, "");
  } else if (g.sharedMessage !== null) {
    out.push(`  Found on each: ${templ(g.sharedMessage)}`, "");
  } else {
    out.push("  Found:", "");
    for (const f of g.found) {
      const warning = g.fails > 0 && f.status === "warn" ? "(warning) " : "";
      // A message that names its one subject stands alone; a templated one says whose it is.
      const own = f.names.length === 1 && f.text.toLowerCase().includes(f.names[0]!.toLowerCase());
      out.push(`  - ${warning}${templ(f.text)}${own ? "" : ` (${f.names.map(inline).join(", ")})`}`);
    }
    out.push("");
  }
  for (const fix of g.fixes) out.push(`  ${howToFix(g, fix)}:`, "", indent(fenced(fix.text)), "");
  const ref = g.references[0];
  if (ref) out.push(`  See: [${inline(ref.title)}](<${ref.url.replace(/[<>\s]/g, encodeURIComponent)}>)`);
  const cw = crosswalkText(g.crosswalk);
  if (cw) out.push(`  Also in: ${inline(cw)}`);
  return out;
}

/** "How to fix", saying for whom when the group has several fixes, and how to read a placeholder. */
function howToFix(g: FixGroup, fix: Fix): string {
  const whom = g.fixes.length === 1 ? (fix.names.length > 1 ? ", for each" : "") : ` ${fix.names.map(inline).join(", ")}`;
  if (fix.names.length === 1) return `How to fix${whom}`;
  const dashed = fix.text.includes(DASHED_DOMAIN) ? `, and the name with its dots as dashes in place of ${templ(DASHED_DOMAIN)}` : "";
  return `How to fix${whom} (put the ${g.kind}'s name in place of ${templ(g.placeholder)}${dashed})`;
}

function matrix(input: ReportInput): string[] {
  const { columns, rows } = digestOf(input);
  if (rows.length === 0) return [];
  return [
    "## Posture by domain",
    "",
    ...table(
      ["domain", "role", ...columns.map((c) => c.name)],
      rows.map((r) => [cell(r.domain), r.role, ...r.cells.map((c, i) => cellText(c, r.notes[i] ?? 0))]),
    ),
    "",
    `${inline(MATRIX_LEGEND)}.`,
    "",
  ];
}

function tenant(evidence: Evidence): string[] {
  if (!evidence.tenant) return [];
  const [, ...lines] = renderTenant(evidence.tenant);
  return ["## Tenant mail flow", "", ...lines.map((l) => `- ${inline(l.trim())}`), ""];
}

function waived(input: ReportInput): string[] {
  const list = digestOf(input).waivers.filter((f) => f.status === "waived");
  if (list.length === 0) return [];
  const out = ["## Waived (accepted risks)", ""];
  for (const f of list) {
    const w = f.waiver;
    out.push(`- **${inline(f.ruleId)}** on ${inline(subjectParts(f.subject).name)}: ${inline(f.message)}${w ? ` Waived until ${inline(w.expires)} by ${inline(w.approver)}: ${inline(w.reason)}` : ""}`);
  }
  return [...out, ""];
}

/** Inline text that may hold placeholders: each becomes a code span, where `<` needs no escape. */
function templ(text: string): string {
  let out = inline(text);
  for (const p of PLACEHOLDERS) out = out.split(inline(p)).join(`\`${p}\``);
  return out;
}

function indent(text: string): string {
  return text.split("\n").map((l) => (l ? `  ${l}` : l)).join("\n");
}
