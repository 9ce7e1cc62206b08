// What changed between two runs: findings matched by rule id and subject (the stable contract of
// findings.json). A finding is new when it is open now (fail or warn) and was not before; fixed
// when it was open and is now clean (pass, info, not applicable); changed when it moved between
// open, unknown (error), waived and clean otherwise, or stayed open with another status or
// severity. Moves within clean (not applicable to pass) change nothing a reader acts on. A finding
// that is gone because its rule left the pack, or its subject was not assessed this time, is said
// to be so: never counted as fixed.
import { type Finding, SEVERITIES } from "../evidence/findings.js";
import type { ComparableFindings as Comparable } from "../input/findings-file.js";
import { oneLine } from "./one-line.js";

const OPEN = new Set<Finding["status"]>(["fail", "warn"]);
const CLEAN = new Set<Finding["status"]>(["pass", "info", "not_applicable"]);

export interface FindingState { status: Finding["status"]; severity: Finding["severity"]; message: string }

export interface Change {
  ruleId: string;
  title: string;
  subject: string;
  before: FindingState | null;
  after: FindingState | null;
}

export interface FindingsDiff {
  from: { generatedAt: string; evidenceCollectedAt: string };
  to: { generatedAt: string; evidenceCollectedAt: string };
  /** Open now, and not open before (including findings of subjects or rules new to this run). */
  new: Change[];
  /** Open before, and now passing, informational or not applicable. */
  fixed: Change[];
  /** Moved between open, unknown, waived and clean otherwise (pass to error, fail to waived …), or open with another status or severity. */
  changed: Change[];
  unchanged: number;
  /** Before only: its subject was not assessed in this run. */
  noLongerAssessed: Change[];
  /** Before only: its rule is no longer in the pack. */
  ruleRemoved: Change[];
  /** Requirements of a policy (the GOV.UK view) whose verdict moved: "not_met" -> "met" … */
  requirements: RequirementChange[];
}

export interface RequirementChange { policy: string; id: string; text: string; before: string; after: string }

const key = (f: { ruleId: string; subject: string }) => `${f.ruleId}\u0000${f.subject}`;
const state = (f: Comparable["findings"][number]): FindingState => ({ status: f.status, severity: f.severity, message: f.message });

/** `after` may be read as it is made (a spooled run's findings): it is gone through once. */
export function diffFindings(before: Comparable, after: Omit<Comparable, "findings"> & { findings: Iterable<Comparable["findings"][number]> }): FindingsDiff {
  const old = new Map(before.findings.map((f) => [key(f), f]));
  const now = new Set<string>();
  const rulesNow = new Set<string>();
  const out: FindingsDiff = {
    from: { generatedAt: before.generatedAt, evidenceCollectedAt: before.evidenceCollectedAt },
    to: { generatedAt: after.generatedAt, evidenceCollectedAt: after.evidenceCollectedAt },
    new: [], fixed: [], changed: [], unchanged: 0, noLongerAssessed: [], ruleRemoved: [],
    requirements: requirementChanges(before, after),
  };
  for (const f of after.findings) {
    const k = key(f);
    now.add(k);
    rulesNow.add(f.ruleId);
    const b = old.get(k);
    const change: Change = { ruleId: f.ruleId, title: f.title, subject: f.subject, before: b ? state(b) : null, after: state(f) };
    if (OPEN.has(f.status) && (!b || !OPEN.has(b.status))) out.new.push(change);
    else if (!b) out.unchanged++; // new to this run but not open: nothing to report
    else if (OPEN.has(b.status) && CLEAN.has(f.status)) out.fixed.push(change);
    else if (kind(b.status) !== kind(f.status) || (OPEN.has(f.status) && (b.status !== f.status || b.severity !== f.severity))) out.changed.push(change);
    else out.unchanged++;
  }
  for (const [k, b] of old) {
    if (now.has(k)) continue;
    const change: Change = { ruleId: b.ruleId, title: b.title, subject: b.subject, before: state(b), after: null };
    // Either the subject was not assessed this time, or the rule no longer judges it: not fixed.
    if (!rulesNow.has(b.ruleId)) out.ruleRemoved.push(change);
    else out.noLongerAssessed.push(change);
  }
  const order = (a: Change, b: Change) => rank(a) - rank(b) || a.ruleId.localeCompare(b.ruleId) || a.subject.localeCompare(b.subject);
  for (const list of [out.new, out.fixed, out.changed, out.noLongerAssessed, out.ruleRemoved]) list.sort(order);
  return out;
}

/** Requirements whose verdict moved between two runs that both have the policy view. */
function requirementChanges(before: Comparable, after: Pick<Comparable, "policies">): RequirementChange[] {
  const out: RequirementChange[] = [];
  for (const p of after.policies ?? []) {
    const old = (before.policies ?? []).find((x) => x.id === p.id);
    if (!old) continue;
    for (const r of p.requirements) {
      const b = old.requirements.find((x) => x.id === r.id);
      if (b && b.verdict !== r.verdict) out.push({ policy: p.title, id: r.id, text: r.text, before: b.verdict, after: r.verdict });
    }
  }
  return out;
}

/** A requirement change for people: "Enforce DMARC on inbound email.: not met → met". */
export function requirementChangeText(c: RequirementChange): string {
  const v = (x: string) => x.replaceAll("_", " ");
  return `${c.text} ${v(c.before)} → ${v(c.after)}`;
}

function kind(s: Finding["status"]): "open" | "unknown" | "waived" | "clean" {
  return OPEN.has(s) ? "open" : s === "error" ? "unknown" : s === "waived" ? "waived" : "clean";
}

function rank(c: Change): number {
  const s = (c.after ?? c.before)!;
  return SEVERITIES.indexOf(s.severity);
}

/** Exit 1 with --fail-on: something new, at that severity or above. */
export function newReaches(diff: FindingsDiff, severities: Set<string>): boolean {
  return diff.new.some((c) => severities.has(c.after!.severity));
}

/** One line: "Since the run of …: 2 new, 5 fixed, 1 changed, 900 unchanged (…)". */
export function changesLine(d: FindingsDiff): string {
  const gone = d.noLongerAssessed.length + d.ruleRemoved.length;
  return `Since the run of ${d.from.evidenceCollectedAt}: ${d.new.length} new, ${d.fixed.length} fixed, ${d.changed.length} changed, ${d.unchanged} unchanged${gone > 0 ? `; ${gone} no longer assessed (not fixed)` : ""}`;
}

const STATUS = (s: FindingState | null) => (s ? `${s.status} (${s.severity})` : "absent");

/** The diff for a terminal: counts, then each list. Control characters from outside never reach it. */
export function renderDiff(d: FindingsDiff): string {
  const line = (c: Change, how: string) => `  ${how.padEnd(28)} ${c.ruleId.padEnd(27)} ${c.subject}${c.after && (c.after.status === "fail" || c.after.status === "warn" || c.after.status === "error") ? ` — ${oneLine(c.after.message, 140)}` : ""}`;
  const out = [
    `Changes from the run of ${d.from.evidenceCollectedAt} to the run of ${d.to.evidenceCollectedAt}:`,
    `  ${d.new.length} new, ${d.fixed.length} fixed, ${d.changed.length} changed, ${d.unchanged} unchanged; ${d.noLongerAssessed.length} no longer assessed, ${d.ruleRemoved.length} of rules no longer in the pack`,
  ];
  if (d.requirements.length > 0) {
    out.push("", `Policy requirements whose verdict moved (${d.requirements.length}):`, ...d.requirements.map((c) => `  ${oneLine(requirementChangeText(c), 150)}`));
  }
  const section = (title: string, list: Change[], how: (c: Change) => string) => {
    if (list.length === 0) return;
    out.push("", `${title} (${list.length}):`, ...list.map((c) => line(c, how(c))));
  };
  section("New", d.new, (c) => `${c.before ? `${STATUS(c.before)} → ` : ""}${c.after!.status.toUpperCase()} ${c.after!.severity}`);
  section("Fixed", d.fixed, (c) => `${STATUS(c.before)} → ${c.after!.status}`);
  section("Changed", d.changed, (c) => `${STATUS(c.before)} → ${STATUS(c.after)}`);
  section("No longer assessed (not fixed)", d.noLongerAssessed, (c) => `was ${STATUS(c.before)}`);
  section("Rule no longer in the pack (not fixed)", d.ruleRemoved, (c) => `was ${STATUS(c.before)}`);
  return `${out.join("\n")}\n`;
}
