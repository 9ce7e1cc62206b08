// Every rule carries evidence that must pass and evidence that must fail (like ESLint's RuleTester
// valid/invalid tables), so a rule cannot ship without proof that it can fail.
import { EMPTY_CONFIG, parametersOf } from "./config.js";
import type { ErrorCode } from "../evidence/errors.js";
import { judge } from "./judge.js";
import type { Pack, Rule } from "./pack.js";

export interface ExampleResult {
  ruleId: string;
  file: string;
  name: string;
  expected: string;
  actual: string;
  message: string;
  remediation: string;
  /** The index of the outcome that decided, when one did. */
  outcome?: number;
  /** On error: the catalogue code of why. */
  cause?: ErrorCode;
  ok: boolean;
}

const DEFAULT_RESOLVER = { spec: "example", kind: "udp", server: "127.0.0.1:53", validatesDnssec: true, validationDetail: "example" };

export function runExamples(pack: Pack, rule: Rule): ExampleResult[] {
  const packParams = parametersOf(pack, EMPTY_CONFIG);
  return rule.meta.examples.map((ex) => {
    const given = ex.given as Record<string, unknown>;
    const vars: Record<string, unknown> = {
      tenant: null,
      resolver: DEFAULT_RESOLVER,
      mxHosts: {},
      domains: [],
      ...given,
      params: { ...packParams, ...((given.params as object | undefined) ?? {}) },
    };
    const pointers = Object.fromEntries(Object.keys(vars).map((k) => [k, `/example/${k}`]));
    const v = judge(rule, { id: "example", vars, pointers });
    return {
      ruleId: rule.meta.id,
      file: rule.file,
      name: ex.name,
      expected: ex.expect,
      actual: v.status,
      message: v.message,
      remediation: v.remediation,
      ...(v.outcome !== undefined ? { outcome: v.outcome } : {}),
      ...(v.cause !== undefined ? { cause: v.cause } : {}),
      ok: v.status === ex.expect,
    };
  });
}

/** Pack-level proof: every rule has at least one example that passes (or is info) and one that fails or warns. */
export function coverageProblems(rule: Rule): string[] {
  const expects = new Set(rule.meta.examples.map((e) => e.expect));
  const problems: string[] = [];
  if (!expects.has(rule.meta.passStatus)) problems.push(`${rule.meta.id}: no example expects ${rule.meta.passStatus}`);
  if (!rule.meta.outcomes.some((o) => expects.has(o.status))) problems.push(`${rule.meta.id}: no example reaches any of its outcomes (${[...new Set(rule.meta.outcomes.map((o) => o.status))].join(", ")})`);
  return problems;
}
