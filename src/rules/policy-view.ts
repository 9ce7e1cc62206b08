// A policy, requirement by requirement: the assessor's first question ("which of its requirements
// does this organisation meet?") answered from the findings of the rules that serve each one.
// Unknown is never met: a requirement with an unassessed check and no failure is "could not
// assess", and one whose checks never ran (no tenant in this run) is too, never "not applicable".
import { type Finding, type PolicyResult, type RequirementResult, STATUSES } from "../evidence/findings.js";
import { byCodeUnit, groupBy } from "../group-by.js";
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
 * before the next): counts, the open findings, how many subjects each reason counts and the first
 * few names it lists. What it keeps does not grow with the subjects, only with the open findings.
 */
export class PolicyTally {
  private readonly state: { policy: PolicyFile; requirements: { r: Requirement; s: RequirementState }[] }[];

  constructor(policies: readonly PolicyFile[], private readonly input: Omit<PolicyViewInput, "findings">) {
    this.state = policies.map((policy) => ({ policy, requirements: policy.requirements.map((r) => ({ r, s: newState() })) }));
  }

  /** One subject's findings, all of them in one call. */
  add(findings: readonly Finding[]): void {
    const touched = new Set<RequirementState>();
    for (const f of findings) {
      for (const { policy, requirements } of this.state) {
        for (const id of f.crosswalk?.[policy.id] ?? []) {
          const s = requirements.find((x) => x.r.id === id)?.s;
          if (!s) continue;
          record(s, f, this.input);
          touched.add(s);
        }
      }
    }
    for (const s of touched) closeSubject(s);
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

type Category = "fail" | "error" | "warn" | "judged";
const CATEGORIES: Category[] = ["fail", "error", "warn", "judged"];

/** How many subjects a reason counts, and the first names (in name order) it lists. */
interface Listed { subjects: number; names: string[] }

const SHOWN = 4;

interface RequirementState {
  total: number;
  ruleIds: Set<string>;
  counts: RequirementResult["counts"];
  open: RequirementResult["open"];
  listed: Record<Category, Listed>;
  /** Subjects with an unassessed check and no failure. */
  unknownOnly: number;
  looked: number;
  judged: number;
  /** The subject being added: its names by category (a waived one listed as such). */
  current: Record<Category, Set<string>>;
}

function newState(): RequirementState {
  const listed = () => ({ subjects: 0, names: [] });
  return {
    total: 0, ruleIds: new Set(), counts: Object.fromEntries(STATUSES.map((st) => [st, 0])) as RequirementResult["counts"], open: [],
    listed: { fail: listed(), error: listed(), warn: listed(), judged: listed() }, unknownOnly: 0, looked: 0, judged: 0,
    current: { fail: new Set(), error: new Set(), warn: new Set(), judged: new Set() },
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
  const name = f.status === "waived" ? `${subjectName(f.subject)} (waived)` : subjectName(f.subject);
  if (effective === "fail" || effective === "error" || effective === "warn") s.current[effective].add(name);
  // Did the check look? A tenant rule without a tenant did not.
  if (f.status === "not_applicable" && !input.tenantCollected && input.tenantRuleIds.has(f.ruleId)) return;
  s.looked++;
  // What it was judged for: the domains, MX hosts or the tenant with a check that applied.
  if (effective === "not_applicable") return;
  s.judged++;
  s.current.judged.add(name);
}

/** The subject's findings are all in: count it once in each category it reached, and keep the first names. */
function closeSubject(s: RequirementState): void {
  for (const c of CATEGORIES) {
    const names = s.current[c];
    if (names.size === 0) continue;
    const l = s.listed[c];
    l.subjects++;
    for (const n of names) {
      if (l.names.includes(n)) continue;
      l.names.push(n);
      l.names.sort();
      if (l.names.length > SHOWN + 1) l.names.pop();
    }
  }
  if (s.current.error.size > 0 && s.current.fail.size === 0) s.unknownOnly++;
  for (const c of CATEGORIES) s.current[c].clear();
}

function requirementResult(r: Requirement, s: RequirementState): RequirementResult {
  // In name order, whatever order the subjects were judged in (a spooled run judges domains as they complete).
  const open = [...s.open].sort((a, b) => byCodeUnit(a.subject, b.subject) || a.ruleId.localeCompare(b.ruleId));
  const base = { id: r.id, level: r.level, text: r.text, checks: r.checks, source: r.source, ruleIds: [...s.ruleIds].sort(), counts: s.counts, open };
  // "a, b, c, d and 12 more": the first four names, and how many subjects besides.
  const list = (l: Listed) => (l.subjects <= SHOWN ? l.names.slice(0, SHOWN).join(", ") : `${l.names.slice(0, SHOWN).join(", ")} and ${l.subjects - SHOWN} more`);
  // What the policy file says of a requirement no rule checks is the reason (what it would take).
  if (s.total === 0) return { ...base, verdict: "not_checked", reason: r.checks };
  const all = s.listed.judged.subjects;
  const failing = s.listed.fail.subjects;
  const of = (n: number) => (all > 1 ? `${n} of ${all}` : `${n}`);
  if (failing > 0) {
    const tail = s.unknownOnly > 0 ? `; could not be assessed for ${s.unknownOnly} more` : "";
    return { ...base, verdict: "not_met", reason: `Not met by ${of(failing)}: ${list(s.listed.fail)}${tail}.` };
  }
  if (s.listed.error.subjects > 0) {
    return { ...base, verdict: "could_not_assess", reason: `Could not be assessed for ${of(s.unknownOnly)}: ${list(s.listed.error)}.` };
  }
  if (s.looked === 0) {
    return { ...base, verdict: "could_not_assess", reason: "No tenant was collected in this run, so its settings were not checked (run with --tenant or --tenant-bundle)." };
  }
  if (s.judged === 0) return { ...base, verdict: "not_applicable", reason: "None of its checks applies to what was assessed." };
  if (s.looked < s.total) {
    return { ...base, verdict: "could_not_assess", reason: "The tenant's part was not checked: no tenant was collected in this run (run with --tenant or --tenant-bundle)." };
  }
  const reason = s.listed.warn.subjects === 0
    ? `Met${all > 1 ? ` by all ${all}` : ""}: ${list(s.listed.judged)}.`
    : `Met${all > 1 ? ` by all ${all}` : ""}, ${s.listed.warn.subjects} with warnings: ${list(s.listed.warn)}.`;
  return { ...base, verdict: "met", reason };
}

function subjectName(subject: string): string {
  return subject === "tenant" ? "the tenant" : subject.replace(/^(domain|mx|connector|message):/, "");
}
