// Findings: one row a finding, as an Excel table with filter buttons, status cells coloured (and
// written), references as hyperlinks.
import type ExcelJS from "exceljs";
import type { Findings } from "../../evidence/findings.js";
import { controlLabel } from "../../rules/controls.js";
import { crosswalkText } from "../labels.js";
import { byAttention } from "../order.js";
import { addSheet, BOLD, LINK, SEVERITY_LABEL, STATUS_LABEL, statusFill, text } from "./style.js";

const COLUMNS = [
  { header: "Rule ID", width: 22 },
  { header: "Title", width: 30, wrap: true },
  { header: "Control", width: 10 },
  { header: "Severity", width: 9 },
  { header: "Status", width: 12 },
  { header: "Subject", width: 28, wrap: true },
  { header: "Message", width: 60, wrap: true },
  // Hidden, so the table stays scannable and prints on few pages: each fix is on the Remediation
  // sheet, written once; the column is here for filtering and export (unhide it in Excel).
  { header: "Remediation", width: 60, wrap: true, hidden: true },
  { header: "Reference", width: 22, wrap: true },
  { header: "Crosswalk", width: 14, wrap: true },
  { header: "Waiver", width: 18, wrap: true },
  { header: "Cause", width: 14 },
];

export function findingsSheet(wb: ExcelJS.Workbook, findings: Findings): void {
  const ws = addSheet(wb, "Findings", COLUMNS);
  const rows = [...findings.findings].sort(byAttention);
  // The header row is the table's: ws.columns wrote one already, which the table takes over.
  ws.spliceRows(1, 1);
  ws.addTable({
    name: "Findings",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows.map((f) => {
      const ref = f.references[0];
      const cw = crosswalkText(f.crosswalk);
      const w = f.waiver;
      return [
        f.ruleId, text(f.title), controlLabel(f.control), SEVERITY_LABEL[f.severity], STATUS_LABEL[f.status],
        text(f.subject), text(f.message), text(f.remediation),
        ref ? { text: text(ref.title), hyperlink: ref.url } : "",
        cw, w ? text(`${w.applied ? "waived" : "expired"} until ${w.expires}: ${w.reason} (${w.approver})`) : "", f.cause ?? "",
      ];
    }),
  });
  for (const [i, f] of rows.entries()) {
    const row = ws.getRow(i + 2);
    statusFill(row.getCell(5), f.status);
    row.alignment = { vertical: "top", wrapText: false };
    for (const col of [2, 6, 7, 8, 9, 10, 11]) row.getCell(col).alignment = { vertical: "top", wrapText: true };
    if (f.references[0]) row.getCell(9).font = LINK;
  }
  ws.getRow(1).font = BOLD;
  // Printed, the table stops after what needs attention (unknowns, failures, warnings, waivers);
  // passes and not-applicable rows stay in the file, behind the filter buttons.
  const open = rows.filter((f) => ["error", "fail", "warn", "waived"].includes(f.status)).length;
  // exceljs puts "$" before each end ("$A1"); a mixed reference LibreOffice ignores, so the rows are fixed here.
  if (open > 0 && open < rows.length) ws.pageSetup.printArea = `A$1:L$${open + 1}`;
}
