// What to fix, grouped as a person works through it: one group a rule (dmarc.policy failing on
// 12 domains and warning on 3 is one piece of work), each distinct fix written once with the subjects it
// applies to. A remediation or message that differs between subjects only by the subject's own
// name is shown once with a placeholder (<domain>, <MX host>), so 31 copies of the same TLS-RPT fix
// become one. Every report that lists fixes (checklist, workbook, HTML) uses these groups.
import type { Finding } from "../evidence/findings.js";
import { byCodeUnit } from "../group-by.js";

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

/** From findings in any order (a run's view builds them as it reads: FixGroupsBuilder, digest.ts). */
export function fixGroups(findings: Iterable<Finding>): FixGroup[] {
  const open = [...findings].filter((f) => f.status === "fail" || f.status === "warn");
  open.sort((a, b) => byCodeUnit(a.subject, b.subject));
  const b = new FixGroupsBuilder();
  for (const f of open) b.add(f);
  return b.groups();
}

interface Texts { names: string[]; original: string }

/** One rule's open findings as they come: each text kept once, templated, with the names it serves. */
interface Building {
  first: Finding;
  subjects: SubjectFinding[];
  /** By status, then by templated text: what was found (each status's in the order it came). */
  found: { fail: Map<string, Texts>; warn: Map<string, Texts> };
  fixes: { fail: Map<string, Texts>; warn: Map<string, Texts> };
}

/**
 * The groups built a finding at a time from findings that come subject by subject in name order
 * (a view's allFindings): a finding's message and fix are kept as their templated text with the names that
 * share it, not as the finding, so what is kept grows with the subjects' names, not with the
 * findings' text. The same groups as sorting every open finding first.
 */
export class FixGroupsBuilder {
  private readonly byRule = new Map<string, Building>();

  add(f: Finding): void {
    if (f.status !== "fail" && f.status !== "warn") return;
    let b = this.byRule.get(f.ruleId);
    if (!b) this.byRule.set(f.ruleId, (b = { first: f, subjects: [], found: { fail: new Map(), warn: new Map() }, fixes: { fail: new Map(), warn: new Map() } }));
    // The group's fields are the rule's: those of a failure when there is one.
    if (b.first.status !== "fail" && f.status === "fail") b.first = f;
    const { name, placeholder } = subjectParts(f.subject);
    b.subjects.push({ subject: f.subject, name, status: f.status, message: f.message });
    note(b.found[f.status], templated(f.message, name, placeholder), f.message, name);
    if (f.remediation.trim()) note(b.fixes[f.status], templated(f.remediation, name, placeholder), f.remediation, name);
  }

  groups(): FixGroup[] {
    const groups = [...this.byRule.values()].map(groupOf);
    return groups.sort(
      (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.fails > 0 ? 0 : 1) - (b.fails > 0 ? 0 : 1) || b.subjects.length - a.subjects.length || a.ruleId.localeCompare(b.ruleId),
    );
  }
}

function note(map: Map<string, Texts>, text: string, original: string, name: string): void {
  const t = map.get(text);
  if (t) t.names.push(name);
  else map.set(text, { names: [name], original });
}

function groupOf(b: Building): FixGroup {
  const first = b.first;
  const { kind, placeholder } = subjectParts(first.subject);
  // Failures before warnings, then by subject.
  const subjects = b.subjects.sort((x, y) => (x.status === y.status ? 0 : x.status === "fail" ? -1 : 1) || x.subject.localeCompare(y.subject));
  // One subject: its own words. Several: each text that differs only by the subject's name once,
  // with the placeholder; a text that serves one of them keeps its real name.
  const one = subjects.length === 1;
  const found = (["fail", "warn"] as const).flatMap((status) => [...b.found[status]].map(([text, t]) => ({ text: one || t.names.length === 1 ? t.original : text, names: t.names, status })));
  const sharedMessage = found.length === 1 ? found[0]!.text : null;
  // A fix first met on a failure comes first; a fix shared by failures and warnings is one fix.
  const fixes = new Map<string, Texts>();
  for (const status of ["fail", "warn"] as const) {
    for (const [text, t] of b.fixes[status]) {
      const known = fixes.get(text);
      if (known) known.names.push(...t.names);
      else fixes.set(text, { names: [...t.names], original: t.original });
    }
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
    fixes: [...fixes].map(([text, { names, original }]) => ({ text: one || names.length === 1 ? original : text, names })),
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
