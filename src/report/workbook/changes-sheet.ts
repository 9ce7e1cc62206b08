// Changes: what is new, fixed or changed since the baseline run (assess --baseline), one row a
// finding that moved; findings gone from the run are listed as no longer assessed, never as fixed.
import { type Change, type FindingsDiff, requirementChangeText } from "../diff.js";
import { type Book, Sheet } from "./sheet.js";
import { FONT, SEVERITY_LABEL, STATUS_LABEL, statusFill, text } from "./style.js";

export async function changesSheet(book: Book, d: FindingsDiff): Promise<void> {
  const ws = new Sheet(book, "Changes", [
    { header: "Change", width: 18 },
    { header: "Rule", width: 26 },
    { header: "Subject", width: 32, wrap: true },
    { header: "Before", width: 16 },
    { header: "Now", width: 16 },
    { header: "Severity", width: 10 },
    { header: "What it says now", width: 80, wrap: true },
  ]);
  const put = async (what: string, c: Change) => {
    const now = c.after;
    const row = ws.add([what, c.ruleId, text(c.subject), c.before ? STATUS_LABEL[c.before.status] : "absent", now ? STATUS_LABEL[now.status] : "absent", SEVERITY_LABEL[(now ?? c.before)!.severity], text(now?.message ?? "")]);
    if (c.before) statusFill(row.getCell(4), c.before.status);
    if (now) statusFill(row.getCell(5), now.status);
    await ws.flow();
  };
  for (const c of d.new) await put("new", c);
  for (const c of d.fixed) await put("fixed", c);
  for (const c of d.changed) await put("changed", c);
  for (const c of d.noLongerAssessed) await put("no longer assessed", c);
  for (const c of d.ruleRemoved) await put("rule removed", c);
  for (const c of d.requirements) ws.add(["requirement", text(c.id), text(c.text), text(c.before.replaceAll("_", " ")), text(c.after.replaceAll("_", " ")), "", text(`${c.policy}: ${requirementChangeText(c)}`)]);
  ws.add([]);
  ws.add([text(`Since the run of ${d.from.evidenceCollectedAt}: ${d.new.length} new, ${d.fixed.length} fixed, ${d.changed.length} changed, ${d.unchanged} unchanged. Findings no longer assessed are not fixed: their domain or rule was not part of this run.`)]).font = { ...FONT, italic: true };
  ws.end();
}
