// The run-level verdict: could the run look? Every `error` finding is an unknown, and unknowns are
// grouped by their cause (a code of the error catalogue) and then by the subject they struck, so a
// reader sees "DNSSEC validation failed for bogus-dane.example: 28 checks" once, not 28 times, and
// with it what to do. A run with any unknown is incomplete and never reads as clean.
import { describeError, type ErrorCode } from "../evidence/errors.js";
import type { Assessment, AssessmentCause, Finding } from "../evidence/findings.js";
import { groupBy } from "../group-by.js";

export function assessmentOf(findings: readonly Finding[]): Assessment {
  const byCode = groupBy(findings.filter((f) => f.status === "error"), (f): ErrorCode => f.cause ?? "RULE_UNDECIDED");
  const causes: AssessmentCause[] = [...byCode].map(([code, errors]) => {
    const list = [...groupBy(errors, (f) => f.subject)].map(([subject, fs]) => ({
      subject,
      checks: fs.length,
      ruleIds: fs.map((f) => f.ruleId).sort(),
      detail: detailOf(fs, code),
    }));
    list.sort((a, b) => b.checks - a.checks || a.subject.localeCompare(b.subject));
    return { code, ...describeError(code), checks: list.reduce((n, s) => n + s.checks, 0), subjects: list };
  });
  causes.sort((a, b) => b.checks - a.checks || a.code.localeCompare(b.code));
  const couldNotAssess = causes.reduce((n, c) => n + c.checks, 0);
  return { complete: couldNotAssess === 0, couldNotAssess, causes };
}

/**
 * The message that shows the cause best: one that quotes the evidence error (`CODE: what the
 * resolver or server said`) beats one that only names the code; otherwise the commonest message.
 */
function detailOf(fs: Finding[], code: ErrorCode): string {
  const quoting = fs.find((f) => f.message.includes(`${code}:`));
  if (quoting) return quoting.message;
  const counts = new Map<string, number>();
  for (const f of fs) counts.set(f.message, (counts.get(f.message) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
