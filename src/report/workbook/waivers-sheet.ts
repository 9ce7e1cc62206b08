// Waivers: each accepted risk, applied or expired, who approved it, until when and why, and the
// run's notes about waivers (expired, or matching nothing).
import type ExcelJS from "exceljs";
import type { Findings } from "../../evidence/findings.js";
import { addSheet, FONT, STATUS_LABEL, statusFill, text } from "./style.js";

export function waiversSheet(wb: ExcelJS.Workbook, findings: Findings): void {
  const ws = addSheet(wb, "Waivers", [
    { header: "Rule", width: 24 },
    { header: "Subject", width: 32, wrap: true },
    { header: "State", width: 12 },
    { header: "Status now", width: 14 },
    { header: "Status without the waiver", width: 14 },
    { header: "Approved by", width: 22, wrap: true },
    { header: "Until", width: 12 },
    { header: "Reason", width: 50, wrap: true },
    { header: "Finding", width: 60, wrap: true },
  ]);
  const waived = findings.findings.filter((f) => f.waiver);
  for (const f of waived) {
    const w = f.waiver!;
    const row = ws.addRow([f.ruleId, text(f.subject), w.applied ? "applied" : "EXPIRED", STATUS_LABEL[f.status], STATUS_LABEL[w.originalStatus], text(w.approver), text(w.expires), text(w.reason), text(f.message)]);
    statusFill(row.getCell(4), f.status);
  }
  if (waived.length === 0) ws.addRow(["No waivers: every failure is listed as it is."]);
  for (const note of findings.notes) ws.addRow([text(`Note: ${note}`)]).font = { ...FONT, italic: true };
}
