// Domains: the posture matrix. One row a domain, its role and where its MX points, then one column
// a control (from the rules' `control:` keys), each cell the worst verdict among that control's
// findings for the domain and its MX hosts, written and coloured.
import type ExcelJS from "exceljs";
import type { ReportInput } from "../view.js";
import { whereMailGoes } from "../mail-path.js";
import { cellText, matrixColumnsOf, matrixRows } from "../posture-matrix.js";
import { addSheet, FONT, STATUS_SHORT, statusFill, text } from "./style.js";

export function domainsSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const { evidence } = input;
  const columns = matrixColumnsOf(input.allFindings());
  const ws = addSheet(wb, "Domains", [
    { header: "Domain", width: 32 },
    { header: "Role", width: 10 },
    { header: "MX / gateway", width: 36, wrap: true },
    ...columns.map((c) => ({ header: c.name, width: Math.max(10, c.name.length + 2) })),
  ]);
  for (const r of matrixRows(input, columns)) {
    const row = ws.addRow([text(r.domain), r.role, text(whereMailGoes(evidence, r.domain)), ...r.cells.map((c, i) => cellText(c, r.notes[i] ?? 0, STATUS_SHORT, "n/a"))]);
    r.cells.forEach((c, i) => c && statusFill(row.getCell(4 + i), c));
  }
  ws.addRow([]);
  ws.addRow([LEGEND]).font = { ...FONT, italic: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 3 + columns.length } };
}

/** What a cell says, for the sheets with verdict columns. */
export const LEGEND = "Each cell is the worst verdict of that control's high- and medium-severity checks for the domain and its MX hosts: FAIL, UNKNOWN (could not be assessed: never a pass), WARN, WAIVED, pass, info, n/a (does not apply); * marks low-severity notes, listed with the findings.";
