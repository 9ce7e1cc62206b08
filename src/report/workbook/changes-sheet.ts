// Changes: what is new, fixed or changed since the baseline run (assess --baseline), one row a
// finding that moved; findings gone from the run are listed as no longer assessed, never as fixed.
import type ExcelJS from "exceljs";
import { type Change, type FindingsDiff, requirementChangeText } from "../diff.js";
import { addSheet, FONT, SEVERITY_LABEL, STATUS_LABEL, statusFill, text } from "./style.js";

export function changesSheet(wb: ExcelJS.Workbook, d: FindingsDiff): void {
  const ws = addSheet(wb, "Changes", [
    { header: "Change", width: 18 },
    { header: "Rule", width: 26 },
    { header: "Subject", width: 32, wrap: true },
    { header: "Before", width: 16 },
    { header: "Now", width: 16 },
    { header: "Severity", width: 10 },
    { header: "What it says now", width: 80, wrap: true },
  ]);
  const put = (what: string, c: Change) => {
    const now = c.after;
    const row = ws.addRow([what, c.ruleId, text(c.subject), c.before ? STATUS_LABEL[c.before.status] : "absent", now ? STATUS_LABEL[now.status] : "absent", SEVERITY_LABEL[(now ?? c.before)!.severity], text(now?.message ?? "")]);
    if (c.before) statusFill(row.getCell(4), c.before.status);
    if (now) statusFill(row.getCell(5), now.status);
  };
  for (const c of d.new) put("new", c);
  for (const c of d.fixed) put("fixed", c);
  for (const c of d.changed) put("changed", c);
  for (const c of d.noLongerAssessed) put("no longer assessed", c);
  for (const c of d.ruleRemoved) put("rule removed", c);
  for (const c of d.requirements) ws.addRow(["requirement", text(c.id), text(c.text), text(c.before.replaceAll("_", " ")), text(c.after.replaceAll("_", " ")), "", text(`${c.policy}: ${requirementChangeText(c)}`)]);
  ws.addRow([]);
  ws.addRow([text(`Since the run of ${d.from.evidenceCollectedAt}: ${d.new.length} new, ${d.fixed.length} fixed, ${d.changed.length} changed, ${d.unchanged} unchanged. Findings no longer assessed are not fixed: their domain or rule was not part of this run.`)]).font = { ...FONT, italic: true };
}
