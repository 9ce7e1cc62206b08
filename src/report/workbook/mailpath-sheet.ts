// Mail path: for each domain, the inbound chain MX → gateway → connector → Enhanced Filtering →
// ARC trust, one row a gateway and connector, each link with its verdict (src/report/mail-path.ts),
// so the chain reads left to right as mail travels.
import type ExcelJS from "exceljs";
import type { ReportInput } from "../view.js";
import { MAIL_PATH_NOTE, mailPathRows } from "../mail-path.js";
import { addSheet, FONT, STATUS_SHORT, statusFill, text } from "./style.js";

const COLUMNS = [
  { header: "Domain", width: 28 },
  { header: "MX hosts", width: 34, wrap: true },
  { header: "Gateway", width: 22, wrap: true },
  { header: "Gateway verdict", width: 12 },
  { header: "Inbound connector", width: 30, wrap: true },
  { header: "Locked to the gateway", width: 30, wrap: true },
  { header: "Lock-down verdict", width: 12 },
  { header: "Enhanced Filtering", width: 32, wrap: true },
  { header: "Enhanced Filtering verdict", width: 12 },
  { header: "ARC sealer trusted", width: 28, wrap: true },
  { header: "ARC verdict", width: 12 },
];

export function mailPathSheet(wb: ExcelJS.Workbook, input: ReportInput): void {
  const ws = addSheet(wb, "Mail path", COLUMNS);
  for (const r of mailPathRows(input)) {
    const verdicts = [r.gatewayVerdict, r.lockDownVerdict, r.enhancedFilteringVerdict, r.arcVerdict];
    const row = ws.addRow([
      text(r.domain), text(r.mx), text(r.gateway), "", text(r.connector), text(r.lockDown), "", text(r.enhancedFiltering), "", text(r.arc), "",
    ]);
    [4, 7, 9, 11].forEach((col, i) => {
      const st = verdicts[i];
      if (!st) return;
      row.getCell(col).value = STATUS_SHORT[st];
      statusFill(row.getCell(col), st);
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  ws.addRow([]);
  ws.addRow([`${MAIL_PATH_NOTE} UNKNOWN: could not be assessed (never a pass).`]).font = { ...FONT, italic: true };
}
