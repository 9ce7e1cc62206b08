// One sheet a policy (the pack's policies/*.yaml): each requirement with its verdict, why, and the
// rules behind it; then everything that stands in its way, one row a finding, so an assessor can
// hand the sheet over as it is.
import type ExcelJS from "exceljs";
import type { Finding, PolicyResult, RequirementResult } from "../../evidence/findings.js";
import { subjectParts } from "../fix-groups.js";
import { policyRows, policyTally, REQUIREMENT_LEGEND } from "../policy-view.js";
import { type Book, Sheet } from "./sheet.js";
import { BOLD, FONT, heading, STATUS_LABEL, statusFill, text } from "./style.js";

// The tint of the finding status a verdict comes from; the words are always in the cell too.
const VERDICT_STATUS: Record<RequirementResult["verdict"], Finding["status"]> = {
  met: "pass", not_met: "fail", could_not_assess: "error", not_applicable: "not_applicable", not_checked: "not_applicable",
};

export async function policySheet(book: Book, p: PolicyResult): Promise<void> {
  const ws = new Sheet(book, p.short, [
    { header: "Requirement", width: 42, wrap: true },
    { header: "Level", width: 8 },
    { header: "Verdict", width: 18, wrap: true },
    { header: "Why", width: 60, wrap: true },
    { header: "Checked by", width: 34, wrap: true },
    { header: "Source", width: 28, wrap: true },
  ]);
  for (const r of policyRows(p)) {
    const row = ws.add([text(r.text), r.level, r.label, text(r.reason), text(r.rules || "no rule"), "GOV.UK guidance"]);
    statusFill(row.getCell(3), VERDICT_STATUS[r.verdict]);
    ws.link(6, r.url);
  }
  ws.add([]);
  // Lines that run on over the empty cells beside them, one idea a line, rather than wrapping in
  // the first column.
  const line = (value: string, font: Partial<ExcelJS.Font>) => {
    const cell = ws.add([text(value)]).getCell(1);
    cell.font = font;
    cell.alignment = { vertical: "top", wrapText: false };
  };
  line(`${p.title}: ${policyTally(p)}.`, BOLD);
  line(`Source: ${p.source.title}, ${p.source.url}`, FONT);
  for (const meaning of REQUIREMENT_LEGEND.split(" · ")) line(meaning, { ...FONT, italic: true });
  ws.add([]);
  heading(ws, "What stands in the way, requirement by requirement");
  // Under the columns above whose widths fit: status under Verdict, subject under Why, rule under Checked by.
  const head = ws.add(["Requirement", "", "Status", "Subject", "Rule"]);
  head.font = BOLD;
  let any = false;
  for (const r of p.requirements) {
    for (const o of r.open) {
      any = true;
      const { kind, name } = subjectParts(o.subject);
      const row = ws.add([text(r.text), "", STATUS_LABEL[o.status], text(kind === name ? name : `${kind} ${name}`), o.ruleId]);
      statusFill(row.getCell(3), o.status);
      await ws.flow();
    }
  }
  if (!any) ws.add(["Nothing: every check behind the requirements passed or did not apply."]);
  ws.end();
}
