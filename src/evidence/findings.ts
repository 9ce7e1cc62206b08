// The findings file: what the rules concluded, each finding pointing at the evidence behind it.
import { z } from "zod";

export const STATUSES = ["pass", "fail", "warn", "info", "error", "not_applicable", "waived"] as const;
export const SEVERITIES = ["high", "medium", "low", "info"] as const;
export const FINDINGS_FORMAT = "exo-posture-findings/1";

export const status = z.enum(STATUSES);
export const severity = z.enum(SEVERITIES);
export type Status = z.infer<typeof status>;
export type Severity = z.infer<typeof severity>;

export const reference = z.object({ title: z.string(), url: z.string() });

export const finding = z.object({
  ruleId: z.string(),
  title: z.string(),
  severity,
  status,
  /** `domain:<name>`, `mx:<host>`, `tenant`, `connector:<name>`, `message:<file>`. */
  subject: z.string(),
  message: z.string(),
  /** RFC 6901 pointers into evidence.json. */
  evidence: z.array(z.string()),
  remediation: z.string(),
  references: z.array(reference),
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
  /** Notes about the run a reader must see: expired waivers, waivers that matched nothing. */
  notes: z.array(z.string()),
  findings: z.array(finding),
});
export type Findings = z.infer<typeof findingsSchema>;
