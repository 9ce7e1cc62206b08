// What to fix, grouped as a person works through it: one group a rule (dmarc.policy failing on
// 12 domains and warning on 3 is one piece of work), each distinct fix written once with the subjects it
// applies to. A remediation or message that differs between subjects only by the subject's own
// name is shown once with a placeholder (<domain>, <MX host>), so 31 copies of the same TLS-RPT fix
// become one. Every report that lists fixes (checklist, workbook, HTML) uses these groups.
import type { Finding } from "../evidence/findings.js";
import { groupBy } from "../group-by.js";

export interface SubjectFinding {
  /** The finding's subject as in findings.json (`domain:a.example`). */
  subject: string;
  /** Its name for people (`a.example`). */
  name: string;
  status: "fail" | "warn";
  message: string;
}

export interface Fix {
  /** The remediation; with the placeholder in place of each name when it serves more than one subject. */
  text: string;
  /** The names it applies to. */
  names: string[];
}

/** One thing found, with the subjects it was found on: templated when it serves more than one. */
export interface Found {
  text: string;
  names: string[];
  status: "fail" | "warn";
}

export interface FixGroup {
  ruleId: string;
  title: string;
  severity: Finding["severity"];
  /** How many subjects fail and how many only warn. */
  fails: number;
  warns: number;
  control: string;
  /** `domain`, `MX host`, `connector`, `message`, `tenant`: what the subjects are. */
  kind: string;
  /** Written for the subjects' names (`<domain>`), or empty for the tenant. */
  placeholder: string;
  subjects: SubjectFinding[];
  /** The message every subject shares once its own name is replaced by the placeholder; null when they differ. */
  sharedMessage: string | null;
  /** The messages, those that differ only by the subject's name written once (failures first). */
  found: Found[];
  fixes: Fix[];
  references: Finding["references"];
  /** The rule's equivalents in other benchmarks (CIS, CISA SCuBA, ORCA), when it has them. */
  crosswalk: Finding["crosswalk"];
}

const KINDS: Record<string, { kind: string; placeholder: string }> = {
  domain: { kind: "domain", placeholder: "<domain>" },
  mx: { kind: "MX host", placeholder: "<MX host>" },
  connector: { kind: "connector", placeholder: "<connector>" },
  message: { kind: "message", placeholder: "<message>" },
};

const SEVERITY_RANK = { high: 0, medium: 1, low: 2, info: 3 } as const;

/** `domain:a.example` → its kind and name; `tenant` is its own kind. */
export function subjectParts(subject: string): { kind: string; placeholder: string; name: string } {
  const i = subject.indexOf(":");
  const k = i > 0 ? KINDS[subject.slice(0, i)] : undefined;
  return k ? { ...k, name: subject.slice(i + 1) } : { kind: subject, placeholder: "", name: subject };
}

/** From every finding of a run, read once: only those that fail or warn are kept. */
export function fixGroups(findings: Iterable<Finding>): FixGroup[] {
  const byKey = groupBy(openOnly(findings), (f) => f.ruleId);
  // Failures before warnings within a group, then by subject.
  const groups = [...byKey.values()].map((list) => groupOf(list.sort((a, b) => (a.status === b.status ? 0 : a.status === "fail" ? -1 : 1) || a.subject.localeCompare(b.subject))));
  return groups.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.fails > 0 ? 0 : 1) - (b.fails > 0 ? 0 : 1) || b.subjects.length - a.subjects.length || a.ruleId.localeCompare(b.ruleId),
  );
}

function* openOnly(findings: Iterable<Finding>): Generator<Finding> {
  for (const f of findings) if (f.status === "fail" || f.status === "warn") yield f;
}

function groupOf(list: Finding[]): FixGroup {
  const first = list[0]!;
  const { kind, placeholder } = subjectParts(first.subject);
  const subjects = list.map((f) => ({ subject: f.subject, name: subjectParts(f.subject).name, status: f.status as "fail" | "warn", message: f.message }));
  const many = subjects.length > 1 && placeholder !== "";
  const byMessage = new Map<string, { names: string[]; original: string; status: "fail" | "warn" }>();
  for (const s of subjects) {
    const text = many ? templated(s.message, s.name, placeholder) : s.message;
    const key = `${s.status}\u0000${text}`;
    const entry = byMessage.get(key) ?? { names: [], original: s.message, status: s.status };
    entry.names.push(s.name);
    byMessage.set(key, entry);
  }
  const found = [...byMessage].map(([key, e]) => ({ text: e.names.length === 1 ? e.original : key.slice(key.indexOf("\u0000") + 1), names: e.names, status: e.status }));
  const sharedMessage = found.length === 1 ? found[0]!.text : null;

  const fixes = new Map<string, { names: string[]; original: string }>();
  for (const [i, f] of list.entries()) {
    if (!f.remediation.trim()) continue;
    const name = subjects[i]!.name;
    const text = many ? templated(f.remediation, name, placeholder) : f.remediation;
    const fix = fixes.get(text) ?? { names: [], original: f.remediation };
    fix.names.push(name);
    fixes.set(text, fix);
  }
  return {
    ruleId: first.ruleId,
    title: first.title,
    severity: first.severity,
    fails: subjects.filter((s) => s.status === "fail").length,
    warns: subjects.filter((s) => s.status === "warn").length,
    control: first.control,
    kind,
    placeholder,
    subjects,
    sharedMessage,
    found,
    // A fix that serves one subject is shown with its real name, not the placeholder.
    fixes: [...fixes].map(([text, { names, original }]) => ({ text: names.length === 1 ? original : text, names })),
    references: first.references,
    crosswalk: first.crosswalk,
  };
}

/**
 * `name` replaced by `placeholder` wherever it stands as a whole name (not inside a longer label or
 * name). A domain also stands in Exchange Online's MX host names with its dots as dashes
 * (contoso-gov-uk.mail.protection.outlook.com), so that form, as the leftmost label, becomes
 * DASHED_DOMAIN: otherwise every Microsoft 365 domain would get a fix of its own.
 */
export function templated(text: string, name: string, placeholder: string): string {
  if (!name || !placeholder) return text;
  const whole = (n: string) => new RegExp(`(?<![A-Za-z0-9-])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`, "gi");
  const out = text.replace(whole(name), placeholder);
  const dashed = name.replace(/\./g, "-");
  if (placeholder !== KINDS.domain!.placeholder || dashed === name) return out;
  return out.replace(new RegExp(`(?<![A-Za-z0-9-])${dashed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=\\.[A-Za-z0-9])`, "gi"), DASHED_DOMAIN);
}

export const DASHED_DOMAIN = "<domain, dots as dashes>";

/** Every placeholder a templated text may hold. */
export const PLACEHOLDERS = [...Object.values(KINDS).map((k) => k.placeholder), DASHED_DOMAIN];
