// Waivers: each accepted risk, applied or expired, who approved it, until when and why, and the
// run's notes about waivers (expired, or matching nothing).
import type { Finding } from "../../evidence/findings.js";
import { type Book, Sheet } from "./sheet.js";
import { FONT, STATUS_LABEL, statusFill, text } from "./style.js";

/** `waived`: the run's findings with a waiver, applied or expired; `notes`: the run's notes. */
export async function waiversSheet(book: Book, waived: readonly Finding[], notes: readonly string[]): Promise<void> {
  const ws = new Sheet(book, "Waivers", [
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
  for (const f of waived) {
    const w = f.waiver!;
    const row = ws.add([f.ruleId, text(f.subject), w.applied ? "applied" : "EXPIRED", STATUS_LABEL[f.status], STATUS_LABEL[w.originalStatus], text(w.approver), text(w.expires), text(w.reason), text(f.message)]);
    statusFill(row.getCell(4), f.status);
    await ws.flow();
  }
  if (waived.length === 0) ws.add(["No waivers: every failure is listed as it is."]);
  for (const note of notes) ws.add([text(`Note: ${note}`)]).font = { ...FONT, italic: true };
  ws.end();
}
