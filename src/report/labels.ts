// How a status is written where a person reads it in a cell (workbook, HTML): always as text, so
// colour is never the only signal.
import type { Finding } from "../evidence/findings.js";

export const STATUS_LABEL: Record<Finding["status"], string> = {
  fail: "FAIL", warn: "WARN", error: "COULD NOT ASSESS", pass: "pass", info: "info", not_applicable: "n/a", waived: "WAIVED",
};

/** For narrow cells (the matrix, the mail path's verdicts); the pages say what UNKNOWN means. */
export const STATUS_SHORT: Record<Finding["status"], string> = { ...STATUS_LABEL, error: "UNKNOWN" };

/** A rule's equivalents in other benchmarks, as one line: "GOV.UK dmarc; CIS 2.1.10; MS.EXO.4.2; ORCA 233" (empty when none). */
export function crosswalkText(c: Finding["crosswalk"]): string {
  if (!c) return "";
  return [...(c.govuk ?? []).map((x) => `GOV.UK ${x}`), ...(c.cis ?? []).map((x) => `CIS ${x}`), ...(c.scuba ?? []), ...(c.orca ?? []).map((x) => `ORCA ${x}`)].join("; ");
}
