// A policy, requirement by requirement: the assessor's first question ("which of its requirements
// does this organisation meet?") answered from the findings of the rules that serve each one.
// Unknown is never met: a requirement with an unassessed check and no failure is "could not
// assess", and one whose checks never ran (no tenant in this run) is too, never "not applicable".
import { type Finding, type PolicyResult, type RequirementResult, STATUSES } from "../evidence/findings.js";
import { groupBy } from "../group-by.js";
import type { PolicyFile } from "./rule-schema.js";

export interface PolicyViewInput {
  findings: readonly Finding[];
  /** Rules that judge the tenant (tenant and connector scope): without a tenant they did not look. */
  tenantRuleIds: ReadonlySet<string>;
  tenantCollected: boolean;
}

export function policyResults(policies: readonly PolicyFile[], input: PolicyViewInput): PolicyResult[] {
  const tally = new PolicyTally(policies, input);
  // The tally reads a subject's findings together: grouped here, in the order they came.
  for (const fs of groupBy(input.findings, (f) => f.subject).values()) tally.add(fs);
  return tally.results();
}

type Requirement = PolicyFile["requirements"][number];

/**
 * Each requirement's view, built a subject at a time (a spooled run judges and forgets a domain
 * before the next): counts, the open findings, and the names and subjects each reason lists. What
 * it keeps grows with the subjects (their names), not with the findings.
 */
export class PolicyTally {
  private readonly state: { policy: PolicyFile; requirements: { r: Requirement; s: RequirementState }[] }[];
  private readonly byRule = new Map<string, { policy: number; requirement: number }[]>();

  constructor(policies: readonly PolicyFile[], private readonly input: Omit<PolicyViewInput, "findings">) {
    this.state = policies.map((policy) => ({ policy, requirements: policy.requirements.map((r) => ({ r, s: newState() })) }));
  }

  /** One subject's findings (every finding of a subject in one call). */
  add(findings: readonly Finding[]): void {
    for (const f of findings) {
      for (const [p, { policy }] of this.state.entries()) {
        for (const id of f.crosswalk?.[policy.id] ?? []) {
          const i = policy.requirements.findIndex((r) => r.id === id);
          if (i >= 0) record(this.state[p]!.requirements[i]!.s, f, this.input);
        }
      }
    }
  }

  results(): PolicyResult[] {
    return this.state.map(({ policy: p, requirements }) => ({
      id: p.id,
      title: p.title,
      short: p.short,
      source: p.source,
      requirements: requirements.map(({ r, s }) => requirementResult(r, s)),
    }));
  }
}

interface RequirementState {
  total: number;
  ruleIds: Set<string>;
  counts: RequirementResult["counts"];
  open: RequirementResult["open"];
  /**
   * Subjects as the reasons list them, by effective status (a waived failure is a failure); a
   * waived one is listed as such. The subjects' own strings are kept, not names made from them.
   */
  names: { fail: Set<string>; error: Set<string>; warn: Set<string>; judged: Set<string> };
  subjects: { fail: Set<string>; error: Set<string>; warn: Set<string>; judged: Set<string> };
  looked: number;
  judged: number;
}

function newState(): RequirementState {
  return {
    total: 0, ruleIds: new Set(), counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as RequirementResult["counts"], open: [],
    names: { fail: new Set(), error: new Set(), warn: new Set(), judged: new Set() },
    subjects: { fail: new Set(), error: new Set(), warn: new Set(), judged: new Set() },
    looked: 0, judged: 0,
  };
}

function record(s: RequirementState, f: Finding, input: Omit<PolicyViewInput, "findings">): void {
  s.total++;
  s.ruleIds.add(f.ruleId);
  s.counts[f.status]++;
  if (f.status === "fail" || f.status === "error" || f.status === "warn" || f.status === "waived") s.open.push({ subject: f.subject, ruleId: f.ruleId, status: f.status });
  // A waiver accepts a risk; it does not meet a requirement. So a waived finding counts as what it
  // was before the waiver, and the reason says it is waived.
  const effective: Finding["status"] = f.status === "waived" ? (f.waiver?.originalStatus ?? "fail") : f.status;
  const name = f.status === "waived" ? `${f.subject}${WAIVED}` : f.subject;
  if (effective === "fail" || effective === "error" || effective === "warn") {
    s.names[effective].add(name);
    s.subjects[effective].add(f.subject);
  }
  // Did the check look? A tenant rule without a tenant did not.
  if (f.status === "not_applicable" && !input.tenantCollected && input.tenantRuleIds.has(f.ruleId)) return;
  s.looked++;
  // What it was judged for: the domains, MX hosts or the tenant with a check that applied.
  if (effective === "not_applicable") return;
  s.judged++;
  s.names.judged.add(name);
  s.subjects.judged.add(f.subject);
}

const WAIVED = "\u0000waived";

function requirementResult(r: Requirement, s: RequirementState): RequirementResult {
  // In name order, whatever order the subjects were judged in (a spooled run judges domains as they complete).
  const open = [...s.open].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.ruleId.localeCompare(b.ruleId)));
  const base = { id: r.id, level: r.level, text: r.text, checks: r.checks, source: r.source, ruleIds: [...s.ruleIds].sort(), counts: s.counts, open };
  const list = (names: Set<string>) => {
    const all = [...new Set([...names].map((n) => (n.endsWith(WAIVED) ? `${subjectName(n.slice(0, -WAIVED.length))} (waived)` : subjectName(n))))].sort();
    return all.length <= 4 ? all.join(", ") : `${all.slice(0, 4).join(", ")} and ${all.length - 4} more`;
  };
  // What the policy file says of a requirement no rule checks is the reason (what it would take).
  if (s.total === 0) return { ...base, verdict: "not_checked", reason: r.checks };
  const all = s.subjects.judged.size;
  const failing = s.subjects.fail;
  let unknownSubjects = 0;
  for (const subject of s.subjects.error) if (!failing.has(subject)) unknownSubjects++;
  const of = (n: number) => (all > 1 ? `${n} of ${all}` : `${n}`);
  if (failing.size > 0) {
    const tail = unknownSubjects > 0 ? `; could not be assessed for ${unknownSubjects} more` : "";
    return { ...base, verdict: "not_met", reason: `Not met by ${of(failing.size)}: ${list(s.names.fail)}${tail}.` };
  }
  if (s.subjects.error.size > 0) {
    return { ...base, verdict: "could_not_assess", reason: `Could not be assessed for ${of(unknownSubjects)}: ${list(s.names.error)}.` };
  }
  if (s.looked === 0) {
    return { ...base, verdict: "could_not_assess", reason: "No tenant was collected in this run, so its settings were not checked (run with --tenant or --tenant-bundle)." };
  }
  if (s.judged === 0) return { ...base, verdict: "not_applicable", reason: "None of its checks applies to what was assessed." };
  if (s.looked < s.total) {
    return { ...base, verdict: "could_not_assess", reason: "The tenant's part was not checked: no tenant was collected in this run (run with --tenant or --tenant-bundle)." };
  }
  const reason = s.subjects.warn.size === 0
    ? `Met${all > 1 ? ` by all ${all}` : ""}: ${list(s.names.judged)}.`
    : `Met${all > 1 ? ` by all ${all}` : ""}, ${s.subjects.warn.size} with warnings: ${list(s.names.warn)}.`;
  return { ...base, verdict: "met", reason };
}

/** "domain:contoso.gov.uk" → "contoso.gov.uk"; "tenant" → "the tenant". */
function subjectName(subject: string): string {
  return subject === "tenant" ? "the tenant" : subject.replace(/^(domain|mx|connector|message):/, "");
}
