// What a rule file, the pack file and a user's config may contain. Unknown keys are errors, so a
// typo in a rule or a waiver is caught at load, not silently ignored.
import { z } from "zod";
import { errorCode } from "../evidence/errors.js";
import { crosswalk, POLICY_IDS, reference, severity, status } from "../evidence/findings.js";
import { CONTROL_IDS } from "./controls.js";

export const SCOPES = ["domain", "mx", "tenant", "connector", "message"] as const;
export const ROLES = ["sending", "parked", "moera", "relay"] as const;

const outcome = z
  .strictObject({
    status: status.exclude(["pass", "waived", "not_applicable"]),
    if: z.string().min(1),
    message: z.string().min(1),
    /** On an error outcome: why it could not be assessed, a code of the error catalogue (reports group unknowns by it). */
    cause: errorCode.optional(),
  })
  .refine((o) => o.cause === undefined || o.status === "error", { message: "cause: only an error outcome has a cause", path: ["cause"] });

const example = z.strictObject({
  name: z.string().min(1),
  expect: status.exclude(["waived"]),
  /** The variables the rule sees: domain, mx, tenant, connector, message, resolver, mxHosts, params. */
  given: z.record(z.string(), z.unknown()),
});

export const ruleFile = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)+$/, "ids look like area.check-name"),
  title: z.string().min(1),
  severity,
  scope: z.enum(SCOPES),
  /** The control the rule counts towards (controls.ts): its column in the posture matrix. */
  control: z.enum(CONTROL_IDS),
  /** Domain roles the rule applies to; other roles get not_applicable. */
  roles: z.array(z.enum(ROLES)).optional(),
  /** What the rule checks and why, for `rules show` and the workbook. */
  description: z.string().min(1),
  /** Evidence the rule reads, as `variable.path`; an error or a gap there makes the finding error. */
  inputs: z.array(z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z0-9_-]+)*$/)).default([]),
  /**
   * Named CEL expressions, in order (a YAML map keeps it): each may use the variables and the
   * bindings above it, and `when`, `whenNot`, outcomes, `pass` and `remediation` may use them all.
   */
  let: z.record(z.string(), z.string().min(1)).optional(),
  /** CEL: when false the rule does not apply (not_applicable), with `whenNot` as the message. */
  when: z.string().optional(),
  whenNot: z.string().optional(),
  /** Checked top to bottom; the first whose `if` holds decides the status. */
  outcomes: z.array(outcome).min(1),
  /** The message when no outcome matched: the rule passes. */
  pass: z.string().min(1),
  /** `pass` may be replaced by another status for advisory rules (info). */
  passStatus: z.enum(["pass", "info"]).default("pass"),
  remediation: z.string().min(1),
  references: z.array(reference).min(1),
  crosswalk: z.strictObject(crosswalk.shape).optional(),
  examples: z.array(example).min(2),
});
export type RuleFile = z.infer<typeof ruleFile>;

export const packFile = z.strictObject({
  name: z.string().min(1),
  // `version: 1` in YAML is a number; a version is text either way.
  version: z.union([z.string().min(1), z.number()]).transform(String),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.strictObject({
    default: z.unknown(),
    description: z.string().min(1),
    /**
     * What a config may set it to (src/rules/parameter-type.ts): "number", "string", "string or
     * null", "list of strings", "list of objects", "one of a, b, c". Read from the default when absent.
     */
    type: z.string().optional(),
  })),
});
export type PackFile = z.infer<typeof packFile>;

/**
 * A policy the pack's rules are read against, requirement by requirement (rules/<pack>/policies/
 * <id>.yaml): rules name the requirements they serve in `crosswalk.<id>`, and every report shows
 * the policy view made from them (src/rules/policy-view.ts).
 */
export const policyFile = z.strictObject({
  /** The crosswalk key its rules use ("govuk"). */
  id: z.enum(POLICY_IDS),
  title: z.string().min(1),
  /** A short name (a workbook sheet's, at most 24 characters). */
  short: z.string().min(1).max(24),
  source: reference,
  requirements: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "requirement ids look like inbound-dmarc"),
        /** must: the policy requires it; should: the policy recommends it. */
        level: z.enum(["must", "should"]),
        text: z.string().min(1),
        /** What the tool checks for it (or why it does not), in a sentence or two. */
        checks: z.string().min(1),
        source: reference,
      }),
    )
    .min(1),
});
export type PolicyFile = z.infer<typeof policyFile>;

export const configFile = z.strictObject({
  parameters: z.record(z.string(), z.unknown()).default({}),
  severity: z.record(z.string(), severity).default({}),
  waivers: z
    .array(
      z.strictObject({
        rule: z.string().min(1),
        /** Exact subject (`domain:example.gov.uk`) or `*` for every subject of the rule. */
        subject: z.string().min(1),
        reason: z.string().min(1),
        approver: z.string().min(1),
        /** ISO date (YYYY-MM-DD): the waiver applies until the end of that day, UTC. */
        expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expires must be a date like 2027-03-31"),
      }),
    )
    .default([]),
});
export type ConfigFile = z.infer<typeof configFile>;
