// The findings file: what the rules concluded, each finding pointing at the evidence behind it.
import { z } from "zod";
import { errorCode } from "./errors.js";

import { SEVERITIES, STATUSES } from "./levels.js";

export { SEVERITIES, STATUSES };
/**
 * findings.json's format. Version 2 (issue 29) writes each rule's title, severity, control,
 * references and crosswalk once, under `rules`, instead of in every finding, and leaves out an
 * empty remediation: the demo's file shrank by half. Readers take version 1 too
 * (src/input/findings-file.ts); in memory every finding carries its rule's fields, as before.
 */
export const FINDINGS_FORMAT = "exo-posture-findings/2";
/** Files written before the lean format: every finding carries its rule's fields. */
export const FINDINGS_FORMAT_V1 = "exo-posture-findings/1";

export const status = z.enum(STATUSES);
export const severity = z.enum(SEVERITIES);
export type Status = z.infer<typeof status>;
export type Severity = z.infer<typeof severity>;

export const reference = z.object({ title: z.string(), url: z.string() });

/** Policies a pack may judge requirement by requirement (rules/<pack>/policies/<id>.yaml). */
export const POLICY_IDS = ["govuk"] as const;

/**
 * A rule's equivalents in other benchmarks (CIS Microsoft 365, CISA SCuBA, ORCA), and the
 * requirements it serves of a policy the pack holds (govuk: the UK government secure email policy).
 */
export const crosswalk = z.object({
  cis: z.array(z.string()).optional(),
  scuba: z.array(z.string()).optional(),
  orca: z.array(z.string()).optional(),
  govuk: z.array(z.string()).optional(),
});

export const REQUIREMENT_VERDICTS = ["met", "not_met", "could_not_assess", "not_applicable", "not_checked"] as const;

/** One requirement of a policy and what the run found for it. */
export const requirementResult = z.object({
  id: z.string(),
  level: z.enum(["must", "should"]),
  text: z.string(),
  checks: z.string(),
  source: reference,
  /**
   * not_met: a check failed (waived ones included: a waiver accepts the risk, it does not meet the
   * requirement); could_not_assess: none failed but one could not be assessed, or none ran (never
   * met); met: every check passed or only warned; not_applicable: no check applied; not_checked:
   * the pack has no rule for it.
   */
  verdict: z.enum(REQUIREMENT_VERDICTS),
  /** One line saying why, for the view. */
  reason: z.string(),
  /** The rules behind it. */
  ruleIds: z.array(z.string()),
  /** Findings by status, for "met, 2 warnings". */
  counts: z.record(status, z.number().int()),
  /** What stands in the way: each failing, unassessed, warning or waived finding's subject and rule. */
  open: z.array(z.object({ subject: z.string(), ruleId: z.string(), status })),
});
export type RequirementResult = z.infer<typeof requirementResult>;

export const policyResult = z.object({
  id: z.enum(POLICY_IDS),
  title: z.string(),
  /** A short name, e.g. for a workbook sheet. */
  short: z.string(),
  source: reference,
  requirements: z.array(requirementResult),
});
export type PolicyResult = z.infer<typeof policyResult>;

export const finding = z.object({
  ruleId: z.string(),
  title: z.string(),
  severity,
  status,
  /** The control the rule counts towards (src/rules/controls.ts): spf, dmarc, … path, exchange, connectors, portals, arc. */
  control: z.string(),
  /** `domain:<name>`, `mx:<host>`, `tenant`, `connector:<name>`, `message:<file>`. */
  subject: z.string(),
  message: z.string(),
  /** RFC 6901 pointers into evidence.json. */
  evidence: z.array(z.string()),
  remediation: z.string(),
  references: z.array(reference),
  /** On an `error` finding: why it could not be assessed, a code of the error catalogue (docs/errors.md). */
  cause: errorCode.optional(),
  /** The rule's equivalents in other benchmarks (CIS Microsoft 365, CISA SCuBA, ORCA), when it has them. */
  crosswalk: crosswalk.optional(),
  /** Present when a waiver names this finding, applied or expired. */
  waiver: z
    .object({
      reason: z.string(),
      approver: z.string(),
      expires: z.string(),
      applied: z.boolean(),
      /** The status the finding had before the waiver. */
      originalStatus: status,
    })
    .optional(),
});
export type Finding = z.infer<typeof finding>;

/** One cause of `error` findings: what it means, what to do, and whom it struck. */
export const assessmentCause = z.object({
  code: errorCode,
  meaning: z.string(),
  remedy: z.string(),
  /** How many checks it left unassessed. */
  checks: z.number().int(),
  /** Each subject it struck: how many of its checks, which rules, and one message that shows the cause. */
  subjects: z.array(z.object({ subject: z.string(), checks: z.number().int(), ruleIds: z.array(z.string()), detail: z.string() })),
});
export type AssessmentCause = z.infer<typeof assessmentCause>;

/**
 * Could the run look? `complete` is false when any check could not be assessed: such a run is
 * never clean, however few failures it shows (unknown is never pass). Every report opens with it.
 */
export const assessment = z.object({
  complete: z.boolean(),
  /** The number of `error` findings. */
  couldNotAssess: z.number().int(),
  /** Grouped by error code, the commonest first. */
  causes: z.array(assessmentCause),
});
export type Assessment = z.infer<typeof assessment>;

export const findingsSchema = z.object({
  format: z.literal(FINDINGS_FORMAT),
  tool: z.object({ name: z.string(), version: z.string() }),
  pack: z.object({ name: z.string(), version: z.string() }),
  generatedAt: z.string(),
  evidenceCollectedAt: z.string(),
  resolver: z.object({ spec: z.string(), server: z.string(), validatesDnssec: z.boolean().nullable() }),
  summary: z.object({
    total: z.number().int(),
    byStatus: z.record(status, z.number().int()),
    /** fail and warn findings by severity: what needs work. */
    openBySeverity: z.record(severity, z.number().int()),
  }),
  assessment,
  /** Notes about the run a reader must see: expired waivers, waivers that matched nothing. */
  notes: z.array(z.string()),
  /** Each policy of the pack, requirement by requirement (absent from older findings files). */
  policies: z.array(policyResult).default([]),
  findings: z.array(finding),
});
export type Findings = z.infer<typeof findingsSchema>;

/** What findings.json holds of a rule once: what every finding of the rule would repeat. */
export const ruleFields = finding.pick({ title: true, severity: true, control: true, references: true, crosswalk: true });

export type RuleFields = z.infer<typeof ruleFields>;
/** A finding without its rule's fields, as a spooled run keeps it (src/run/judge.ts). */
export type LeanFinding = Omit<Finding, keyof RuleFields>;

/**
 * A finding from its rule's fields and its own, built field by field in findings.json's order: a
 * large run makes and reads back 300,000 of them, and object spread here was 6-7 % of its CPU
 * (the judge, src/rules/evaluate.ts, and the spooled view, src/run/spooled-view.ts).
 */
export function assembleFinding(rule: RuleFields, ruleId: string, subject: string, own: Pick<Finding, "status" | "message" | "evidence" | "remediation" | "cause" | "waiver">): Finding {
  const out: Finding = rule.crosswalk
    ? { ruleId, title: rule.title, severity: rule.severity, control: rule.control, references: rule.references, crosswalk: rule.crosswalk, subject, status: own.status, message: own.message, evidence: own.evidence, remediation: own.remediation }
    : { ruleId, title: rule.title, severity: rule.severity, control: rule.control, references: rule.references, subject, status: own.status, message: own.message, evidence: own.evidence, remediation: own.remediation };
  if (own.cause !== undefined) out.cause = own.cause;
  if (own.waiver !== undefined) out.waiver = own.waiver;
  return out;
}

/** A finding as findings.json (version 2) holds it: its rule's fields are under `rules`. */
export const fileFinding = finding.omit({ title: true, severity: true, control: true, references: true, crosswalk: true }).extend({
  /** Absent when empty (a pass, a finding that does not apply). */
  remediation: z.string().optional(),
});

/** findings.json, version 2: the file `exo-posture schema findings` describes. */
export const findingsFileSchema = findingsSchema.omit({ findings: true }).extend({
  /** Each rule that has findings, by id: its title, severity (after --config), control, references, crosswalk. */
  rules: z.record(z.string(), ruleFields),
  findings: z.array(fileFinding),
});
export type FindingsFile = z.infer<typeof findingsFileSchema>;

/** The findings as findings.json holds them: each rule's fields once. */
export function toFindingsFile(f: Findings): FindingsFile {
  const rules: FindingsFile["rules"] = {};
  const findings = f.findings.map(({ title, severity, control, references, crosswalk: cw, remediation, ...rest }) => {
    rules[rest.ruleId] ??= { title, severity, control, references, ...(cw ? { crosswalk: cw } : {}) };
    return { ...rest, ...(remediation ? { remediation } : {}) };
  });
  const { findings: _all, ...top } = f;
  return { ...top, rules, findings };
}

/** findings.json (version 2) back into findings as the reports read them; null when a rule is missing. */
export function fromFindingsFile(file: FindingsFile): Findings | { missingRule: string } {
  const findings: Finding[] = [];
  for (const x of file.findings) {
    const rule = file.rules[x.ruleId];
    if (!rule) return { missingRule: x.ruleId };
    findings.push({ ...x, ...rule, remediation: x.remediation ?? "" } as Finding);
  }
  const { rules: _rules, ...top } = file;
  return { ...top, findings };
}
