// A policy, requirement by requirement: the assessor's first question ("which of its requirements
// does this organisation meet?") answered from the findings of the rules that serve each one.
// Unknown is never met: a requirement with an unassessed check and no failure is "could not
// assess", and one whose checks never ran (no tenant in this run) is too, never "not applicable".
import { type Finding, type PolicyResult, type RequirementResult, STATUSES } from "../evidence/findings.js";
import type { PolicyFile } from "./rule-schema.js";

export interface PolicyViewInput {
  findings: readonly Finding[];
  /** Rules that judge the tenant (tenant and connector scope): without a tenant they did not look. */
  tenantRuleIds: ReadonlySet<string>;
  tenantCollected: boolean;
}

export function policyResults(policies: readonly PolicyFile[], input: PolicyViewInput): PolicyResult[] {
  return policies.map((p) => {
    // One pass over the findings, each filed under the requirements its rule serves.
    const byRequirement = new Map<string, Finding[]>(p.requirements.map((r) => [r.id, []]));
    for (const f of input.findings) for (const id of f.crosswalk?.[p.id] ?? []) byRequirement.get(id)?.push(f);
    return {
      id: p.id,
      title: p.title,
      short: p.short,
      source: p.source,
      requirements: p.requirements.map((r) => requirementResult(r, byRequirement.get(r.id)!, input)),
    };
  });
}

type Requirement = PolicyFile["requirements"][number];

function requirementResult(r: Requirement, findings: Finding[], input: PolicyViewInput): RequirementResult {
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as RequirementResult["counts"];
  for (const f of findings) counts[f.status]++;
  const base = { id: r.id, level: r.level, text: r.text, checks: r.checks, source: r.source, ruleIds, counts };
  const open = findings
    .filter((f) => f.status === "fail" || f.status === "error" || f.status === "warn" || f.status === "waived")
    .map((f) => ({ subject: f.subject, ruleId: f.ruleId, status: f.status }));
  // A waiver accepts a risk; it does not meet a requirement. So a waived finding counts as what it
  // was before the waiver, and the reason says it is waived.
  const effective = (f: Finding): Finding["status"] => (f.status === "waived" ? (f.waiver?.originalStatus ?? "fail") : f.status);
  const having = (status: Finding["status"]) => findings.filter((f) => effective(f) === status);
  const list = (fs: Finding[]) => {
    const names = distinct(fs.map((f) => `${subjectName(f.subject)}${f.status === "waived" ? " (waived)" : ""}`));
    return names.length <= 4 ? names.join(", ") : `${names.slice(0, 4).join(", ")} and ${names.length - 4} more`;
  };
  const failed = having("fail");
  const unknown = having("error");
  const warned = having("warn");

  // What the policy file says of a requirement no rule checks is the reason (what it would take).
  if (findings.length === 0) return { ...base, open, verdict: "not_checked", reason: r.checks };
  const looked = findings.filter((f) => !(f.status === "not_applicable" && !input.tenantCollected && input.tenantRuleIds.has(f.ruleId)));
  // What it was judged for: the domains, MX hosts or the tenant with a check that applied.
  const judged = looked.filter((f) => effective(f) !== "not_applicable");
  const all = distinct(judged.map((f) => f.subject)).length;

  const failing = new Set(failed.map((f) => f.subject));
  const unknownSubjects = distinct(unknown.filter((f) => !failing.has(f.subject)).map((f) => f.subject)).length;
  const of = (n: number) => (all > 1 ? `${n} of ${all}` : `${n}`);
  if (failed.length > 0) {
    const tail = unknownSubjects > 0 ? `; could not be assessed for ${unknownSubjects} more` : "";
    return { ...base, open, verdict: "not_met", reason: `Not met by ${of(failing.size)}: ${list(failed)}${tail}.` };
  }
  if (unknown.length > 0) {
    return { ...base, open, verdict: "could_not_assess", reason: `Could not be assessed for ${of(unknownSubjects)}: ${list(unknown)}.` };
  }
  if (looked.length === 0) {
    return { ...base, open, verdict: "could_not_assess", reason: "No tenant was collected in this run, so its settings were not checked (run with --tenant or --tenant-bundle)." };
  }
  if (judged.length === 0) return { ...base, open, verdict: "not_applicable", reason: "None of its checks applies to what was assessed." };
  if (looked.length < findings.length) {
    return { ...base, open, verdict: "could_not_assess", reason: "The tenant's part was not checked: no tenant was collected in this run (run with --tenant or --tenant-bundle)." };
  }
  const warnedSubjects = distinct(warned.map((f) => f.subject)).length;
  const reason = warned.length === 0
    ? `Met${all > 1 ? ` by all ${all}` : ""}: ${list(judged)}.`
    : `Met${all > 1 ? ` by all ${all}` : ""}, ${warnedSubjects} with warnings: ${list(warned)}.`;
  return { ...base, open, verdict: "met", reason };
}

function distinct(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** "domain:contoso.gov.uk" → "contoso.gov.uk"; "tenant" → "the tenant". */
function subjectName(subject: string): string {
  return subject === "tenant" ? "the tenant" : subject.replace(/^(domain|mx|connector|message):/, "");
}
