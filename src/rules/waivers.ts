// Waivers: an accepted risk, with a reason, an approver and an expiry. A waived finding stays in
// every output; an expired waiver stops applying and says so.
import type { Finding } from "../evidence/findings.js";
import type { ConfigFile } from "./rule-schema.js";

export function applyWaivers(findings: Finding[], waivers: ConfigFile["waivers"], now: Date): string[] {
  const notes: string[] = [];
  for (const w of waivers) {
    const expired = now.getTime() > Date.parse(`${w.expires}T23:59:59.999Z`);
    const matched = findings.filter((f) => f.ruleId === w.rule && (w.subject === "*" || w.subject === f.subject));
    if (matched.length === 0) notes.push(`waiver for ${w.rule} on ${w.subject} matched no finding`);
    if (expired) notes.push(`waiver for ${w.rule} on ${w.subject} expired on ${w.expires} and no longer applies`);
    for (const f of matched) {
      // Only a failure or a warning can be accepted as a risk; an error is unknown, and stays visible.
      const waivable = f.status === "fail" || f.status === "warn";
      const applied = waivable && !expired;
      f.waiver = { reason: w.reason, approver: w.approver, expires: w.expires, applied, originalStatus: f.status };
      if (applied) {
        f.status = "waived";
        f.message = `${f.message} (waived until ${w.expires} by ${w.approver}: ${w.reason})`;
      } else if (expired && waivable) {
        f.message = `${f.message} (a waiver expired on ${w.expires})`;
      }
    }
  }
  return notes;
}
