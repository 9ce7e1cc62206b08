// The policy view as reports show it: one row a requirement, its verdict in words (never colour
// alone), why, and the rules behind it. The verdicts are made once, at evaluation
// (src/rules/policy-view.ts), and read here from findings.json, so every format agrees.
import type { PolicyResult, RequirementResult } from "../evidence/findings.js";

export const REQUIREMENT_LABEL: Record<RequirementResult["verdict"], string> = {
  met: "Met",
  not_met: "NOT MET",
  could_not_assess: "COULD NOT ASSESS",
  not_applicable: "n/a",
  not_checked: "not checked",
};

/** What each verdict means, for the line under the table. */
export const REQUIREMENT_LEGEND =
  "NOT MET: a check failed (a waived failure included: a waiver accepts the risk, it does not meet the requirement) · COULD NOT ASSESS: none failed, but one could not be assessed or did not run; never read as met · Met: every check that applied passed (warnings are named) · not checked: no rule of the pack checks it; Why says what it would take";

export interface PolicyRow {
  id: string;
  level: "must" | "should";
  text: string;
  url: string;
  verdict: RequirementResult["verdict"];
  label: string;
  reason: string;
  /** The rules behind the verdict, or what the tool checks when no rule does. */
  rules: string;
  checks: string;
}

export function policyRows(p: PolicyResult): PolicyRow[] {
  return p.requirements.map((r) => ({
    id: r.id,
    level: r.level,
    text: r.text,
    url: r.source.url,
    verdict: r.verdict,
    label: REQUIREMENT_LABEL[r.verdict],
    reason: r.reason,
    rules: r.ruleIds.join(", "),
    checks: r.checks,
  }));
}

/** "3 of 11 met, 6 not met, 1 could not be assessed, 1 not checked". */
export function policyTally(p: PolicyResult): string {
  const n = (v: RequirementResult["verdict"]) => p.requirements.filter((r) => r.verdict === v).length;
  const parts = [
    `${n("met")} of ${p.requirements.length} met`,
    n("not_met") > 0 ? `${n("not_met")} not met` : "",
    n("could_not_assess") > 0 ? `${n("could_not_assess")} could not be assessed` : "",
    n("not_applicable") > 0 ? `${n("not_applicable")} not applicable` : "",
    n("not_checked") > 0 ? `${n("not_checked")} not checked by this tool` : "",
  ];
  return parts.filter(Boolean).join(", ");
}
