// Judging one rule for one subject. The order is the product's first principle: missing or failed
// evidence makes the finding `error` before any condition runs, so unknown can never become pass.
import type { CelInput } from "@bufbuild/cel";
import { type ErrorCode, errorCodeIn } from "../evidence/errors.js";
import type { Status } from "../evidence/findings.js";
import { evalBool, failureCause, render, toCel } from "./cel.js";
import { letScope } from "./lets.js";
import type { Rule } from "./pack.js";

export interface Subject {
  /** `domain:example.gov.uk`, `mx:mx1.example.gov.uk`, `tenant` … */
  id: string;
  /** Variables as plain JSON; converted to CEL once. */
  vars: Record<string, unknown>;
  /** Where each variable lives in evidence.json, for the finding's pointers. */
  pointers: Record<string, string>;
  /** Set when the subject's evidence cannot be trusted as a whole (src/rules/consistency.ts): every rule is `error`. */
  problem?: { code: ErrorCode; message: string };
  /** The variables already converted to CEL, when the caller judges many rules of one subject (evaluate.ts). */
  cel?: Record<string, CelInput>;
}

export interface Verdict {
  status: Exclude<Status, "waived">;
  message: string;
  evidence: string[];
  remediation: string;
  /** Which of the rule's outcomes decided (its index), when one did. */
  outcome?: number;
  /** On `error`: the catalogue code of why (reports group the unknowns by it). */
  cause?: ErrorCode;
}

export function judge(rule: Rule, subject: Subject): Verdict {
  const m = rule.meta;
  // Without declared inputs, the finding points at its own subject's record (the connector, the
  // message …), named like the scope; never at whichever variable happens to come first (/resolver).
  const own = subject.pointers[m.scope];
  const evidence = m.inputs.length > 0 ? m.inputs.map((i) => inputPointer(i, subject)) : own !== undefined ? [own] : Object.values(subject.pointers).slice(0, 1);
  const verdict = (status: Verdict["status"], message: string, cause?: ErrorCode): Verdict => ({
    status, message, evidence, remediation: "",
    // A rule's own error outcome names the evidence error's code in its message, or none (undecided).
    ...(status === "error" ? { cause: cause ?? errorCodeIn(message) } : {}),
  });

  if (subject.problem) return verdict("error", subject.problem.message, subject.problem.code);
  if (m.scope === "domain" && m.roles) {
    const role = (subject.vars.domain as { role?: { value?: string; reason?: string } } | undefined)?.role;
    if (!role || role.value === "unknown") return verdict("error", `the domain's role is unknown: ${role?.reason ?? "no role in the evidence"}`, role ? undefined : "NOT_COLLECTED");
    if (!m.roles.includes(role.value as never)) {
      return verdict("not_applicable", `applies to ${m.roles.join(" and ")} domains; this one is ${role.value} (${role.reason})`);
    }
  }
  for (const input of m.inputs) {
    const problem = inputProblem(input, subject.vars);
    if (problem) return verdict("error", problem.message, problem.code);
  }
  // letScope copies what it is given, so the caller's converted variables are used as they are.
  const base: Record<string, CelInput> = subject.cel ?? Object.fromEntries(Object.entries(subject.vars).map(([k, v]) => [k, toCel(v)]));
  // Bindings come after the input checks: they read the evidence those checks vouch for.
  const scope = letScope(rule.lets, base);
  const bindings = scope.vars;
  const failed = () => {
    const reason = scope.takeFailure();
    return reason ? verdict("error", `the rule could not be evaluated on this evidence: ${reason}`, failureCause(reason)) : null;
  };
  if (rule.when) {
    const applies = evalBool(rule.when, bindings);
    const broken = failed();
    if (broken) return broken;
    if (!applies.ok) return verdict("error", `the rule could not decide whether it applies: ${applies.reason}`, failureCause(applies.reason));
    if (!applies.value) {
      const message = rule.whenNot ? render(rule.whenNot, bindings) : "does not apply here";
      return failed() ?? verdict("not_applicable", message);
    }
  }
  const partial = m.inputs.filter((i) => valueAt(i, subject.vars)?.possiblyTruncated === true);
  for (const [index, outcome] of rule.outcomes.entries()) {
    const holds = evalBool(outcome.if, bindings);
    const broken = failed();
    if (broken) return broken;
    if (!holds.ok) return verdict("error", `the rule could not be evaluated on this evidence: ${holds.reason}`, failureCause(holds.reason));
    if (holds.value) {
      const note = partial.length > 0 ? ` (note: ${partial.join(", ")} may be incomplete: the tenant's answer was possibly truncated)` : "";
      const decided = { ...verdict(outcome.status, `${render(outcome.message, bindings)}${note}`, outcome.cause), remediation: render(rule.remediation, bindings), outcome: index };
      return failed() ?? decided;
    }
  }
  // A pass "at every address" rests on every address being known: evidence that says part of it
  // could not be looked at (`incomplete`, an evidence error) makes the pass unknown, with that cause.
  for (const input of m.inputs) {
    const gap = (valueAt(input, subject.vars) as { incomplete?: { code?: string; message?: string } | null } | undefined)?.incomplete;
    if (gap) return verdict("error", `part of ${input} could not be looked at (${gap.code}: ${gap.message}), so a pass cannot be given`, errorCodeIn(String(gap.code)));
  }
  // A pass may rest on something being absent from a list; from a list that may be incomplete,
  // that is unknown, never a pass.
  if (partial.length > 0) {
    return verdict("error", `${partial.join(", ")} may be incomplete (the tenant's answer was possibly truncated), so a pass cannot be given; rerun, or export with Export-ExoPosture.ps1`, "RULE_UNDECIDED");
  }
  const message = render(rule.pass, bindings);
  return failed() ?? verdict(m.passStatus, message);
}

function valueAt(input: string, vars: Record<string, unknown>): { possiblyTruncated?: unknown } | undefined {
  let value: unknown = vars;
  for (const part of input.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  return value && typeof value === "object" ? (value as { possiblyTruncated?: unknown }) : undefined;
}

function inputPointer(input: string, subject: Subject): string {
  const [root, ...rest] = input.split(".");
  return `${subject.pointers[root!] ?? ""}${rest.map((p) => `/${p}`).join("")}`;
}

/** A gap (the evidence was never collected) or a recorded error, as the reason for `error`. */
function inputProblem(input: string, vars: Record<string, unknown>): { message: string; code: ErrorCode } | null {
  const gap = { message: `the evidence has no ${input} (not collected in this run)`, code: "NOT_COLLECTED" as const };
  let value: unknown = vars;
  for (const part of input.split(".")) {
    if (value === null || typeof value !== "object" || !(part in (value as object))) return gap;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === null || value === undefined) return gap;
  const err = (value as { error?: { code?: string; message?: string } | null }).error;
  if (err) {
    const message = `${input} could not be assessed: ${err.code}: ${err.message}`;
    return { message, code: errorCodeIn(String(err.code)) };
  }
  return null;
}
