// findings.csv: one row a finding, for a spreadsheet or a ticketing import. RFC 4180 (every field
// quoted, quotes doubled, records ended by CRLF), UTF-8 with a byte-order mark so Excel reads
// non-ASCII names right. Rows open with what could not be assessed, then what to fix, most severe
// first, so the file opens with the fact that a run could not look.
import type { Finding } from "../evidence/findings.js";
import { controlLabel } from "../rules/controls.js";
import type { Render } from "./format.js";
import { crosswalkText } from "./labels.js";
import { byCodeUnit } from "../group-by.js";
import { inAttentionOrder } from "./order.js";

export const CSV_COLUMNS = [
  "Rule ID", "Title", "Control", "Severity", "Status", "Subject", "Message", "Remediation", "Reference", "Crosswalk", "Waiver", "Could not assess because",
] as const;


/** Line by line: a million findings are written without one string of them all. */
export const render: Render = (input) => ({ "findings.csv": csvLines(input.allFindings()) });

/** The file as one string, from findings in any order. */
export function renderCsv(findings: Iterable<Finding>): string {
  return [...csvLines([...findings].sort((a, b) => byCodeUnit(a.subject, b.subject)))].join("");
}

/** The file in lines, each ending CRLF (RFC 4180 §2), the byte order mark first; `findings` come subject by subject in name order. */
export function* csvLines(findings: Iterable<Finding>): Generator<string> {
  yield `\uFEFF${CSV_COLUMNS.map(field).join(",")}\r\n`;
  // Subject by subject in, attention order out, without holding the findings (src/report/order.ts).
  yield* inAttentionOrder(findings, (f) => `${csvRow(f).map(field).join(",")}\r\n`);
}

export function csvRow(f: Finding): string[] {
  return [
    f.ruleId, f.title, controlLabel(f.control), f.severity, f.status, f.subject,
    f.message, f.remediation, f.references[0]?.url ?? "", crosswalkText(f.crosswalk), waiverText(f), f.cause ?? "",
  ];
}

function waiverText(f: Finding): string {
  const w = f.waiver;
  if (!w) return "";
  return `${w.applied ? "waived" : "waiver expired"} (was ${w.originalStatus}) until ${w.expires}: ${w.reason} (approved by ${w.approver})`;
}

/**
 * One RFC 4180 field. A value a spreadsheet would read as a formula (OWASP "CSV Injection": it
 * begins with =, +, -, @, tab or carriage return) gets a leading apostrophe, which Excel,
 * LibreOffice and Google Sheets show as text and never evaluate; DNS records and cmdlet fields
 * reach these cells, so a TXT record of =HYPERLINK(…) must stay a string.
 */
export function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
