// Findings: one row a finding, in attention order (what could not be assessed first, then what to
// fix), with filter buttons, status cells coloured (and written), references as hyperlinks. A run
// of more findings than a sheet holds goes on in "Findings (2)" and on.
import type { Finding } from "../../evidence/findings.js";
import { controlLabel } from "../../rules/controls.js";
import { crosswalkText } from "../labels.js";
import { inAttentionOrderOf } from "../order.js";
import type { FindingsHead, ReportInput } from "../view.js";
import { type Book, Sheet } from "./sheet.js";
import { SEVERITY_LABEL, STATUS_LABEL, statusFill, text } from "./style.js";

const COLUMNS = [
  { header: "Rule ID", width: 22 },
  { header: "Title", width: 30, wrap: true },
  { header: "Control", width: 10 },
  { header: "Severity", width: 9 },
  { header: "Status", width: 12 },
  { header: "Subject", width: 28, wrap: true },
  { header: "Message", width: 60, wrap: true },
  // Hidden, so the sheet stays scannable and prints on few pages: each fix is on the Remediation
  // sheet, written once; the column is here for filtering and export (unhide it in Excel).
  { header: "Remediation", width: 60, wrap: true, hidden: true },
  { header: "Reference", width: 22, wrap: true },
  { header: "Crosswalk", width: 14, wrap: true },
  { header: "Waiver", width: 18, wrap: true },
  { header: "Cause", width: 14 },
];
const REFERENCE = 9;

/** What a row needs, small enough to wait on disk while the findings are put in order. */
type Row = [cells: string[], status: Finding["status"], url: string];

export async function findingsSheet(book: Book, input: ReportInput, head: FindingsHead): Promise<void> {
  // Printed, the sheet stops after what needs attention (unknowns, failures, warnings, waivers);
  // passes and not-applicable rows stay in the file, behind the filter buttons.
  const s = head.summary.byStatus;
  const open = (s.error ?? 0) + (s.fail ?? 0) + (s.warn ?? 0) + (s.waived ?? 0);
  const printRows = open > 0 && open < head.summary.total ? open : undefined;
  const sheet = new Sheet(book, "Findings", COLUMNS, { filter: true, ...(printRows !== undefined ? { printRows } : {}) });
  for (const [cells, status, url] of inAttentionOrderOf(input.allFindings(), rowOf)) {
    const row = sheet.add(cells);
    statusFill(row.getCell(5), status);
    if (url) sheet.link(REFERENCE, url);
    await sheet.flow();
  }
  sheet.end();
}

function rowOf(f: Finding): Row {
  const ref = f.references[0];
  const w = f.waiver;
  return [[
    f.ruleId, text(f.title), controlLabel(f.control), SEVERITY_LABEL[f.severity], STATUS_LABEL[f.status],
    text(f.subject), text(f.message), text(f.remediation), ref ? text(ref.title) : "",
    crosswalkText(f.crosswalk), w ? text(`${w.applied ? "waived" : "expired"} until ${w.expires}: ${w.reason} (${w.approver})`) : "", f.cause ?? "",
  ], f.status, ref?.url ?? ""];
}
