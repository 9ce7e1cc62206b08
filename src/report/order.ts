// The order a reader wants findings in: what could not be assessed first (a run that could not
// look must say so before anything reads as clean), then what to fix, most severe first.
import type { Finding } from "../evidence/findings.js";

const STATUS_ORDER: Finding["status"][] = ["error", "fail", "warn", "waived", "info", "pass", "not_applicable"];
const SEVERITY_ORDER: Finding["severity"][] = ["high", "medium", "low", "info"];

export function byAttention(a: Finding, b: Finding): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.ruleId.localeCompare(b.ruleId) || a.subject.localeCompare(b.subject);
}
