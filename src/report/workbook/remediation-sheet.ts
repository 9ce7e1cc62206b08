// Remediation: the work list a council takes over. One row a distinct fix (a fix serving several
// domains or connectors is one row listing them), most severe first, with the exact change and
// columns for the client: Owner, Due date (validated as a date) and Status (a drop-down).
import { DASHED_DOMAIN, type FixGroup } from "../fix-groups.js";
import { type Book, Sheet } from "./sheet.js";
import { MONO, SEVERITY_LABEL, statusFill, text } from "./style.js";

export const WORK_STATUSES = ["Open", "In progress", "Done", "Accepted risk"] as const;

// Widths add up to what a landscape A4 page prints legibly (about 230 characters).
const COLUMNS = [
  { header: "#", width: 4 },
  { header: "Severity", width: 9 },
  { header: "What to fix (rule)", width: 28, wrap: true },
  { header: "Applies to", width: 26, wrap: true },
  { header: "What was found", width: 40, wrap: true },
  { header: "The change", width: 72, wrap: true },
  { header: "Reference", width: 18, wrap: true },
  { header: "Owner", width: 12 },
  { header: "Due date", width: 11 },
  { header: "Status", width: 12 },
];

export async function remediationSheet(book: Book, groups: FixGroup[]): Promise<void> {
  const ws = new Sheet(book, "Remediation", COLUMNS, { filter: true });
  let n = 0;
  for (const g of groups) {
    for (const fix of g.fixes.length > 0 ? g.fixes : [{ text: "", names: g.subjects.map((s) => s.name) }]) {
      n++;
      const found = g.found.filter((f) => f.names.some((x) => fix.names.includes(x)));
      const foundText = found.map((f) => (f.names.length > 1 ? `${f.text} (${f.names.length} ${g.kind}s)` : f.text)).join("\n");
      const many = fix.names.length > 1 && g.placeholder !== "";
      const change = many ? `${fix.text}\n\n(put each ${g.kind}'s name in place of ${g.placeholder}${fix.text.includes(DASHED_DOMAIN) ? `, and the name with its dots as dashes in place of ${DASHED_DOMAIN}` : ""})` : fix.text;
      const ref = g.references[0];
      const row = ws.add([
        n, SEVERITY_LABEL[g.severity], text(`${g.title}\n(${g.ruleId})`),
        text(g.kind === "tenant" ? "the tenant" : fix.names.join("\n")), text(foundText), text(change),
        ref ? text(ref.title) : "", "", null, "Open",
      ]);
      statusFill(row.getCell(2), g.fails > 0 ? "fail" : "warn");
      if (ref) ws.link(7, ref.url);
      row.getCell(6).font = MONO;
      row.getCell(9).numFmt = "yyyy-mm-dd";
      row.getCell(9).dataValidation = {
        type: "date", operator: "greaterThan", allowBlank: true, showErrorMessage: true,
        errorTitle: "Due date", error: "Enter a date, e.g. 2027-03-31.", formulae: [new Date(Date.UTC(2000, 0, 1))],
      };
      row.getCell(10).dataValidation = {
        type: "list", allowBlank: false, showErrorMessage: true, errorTitle: "Status", error: `Choose one of: ${WORK_STATUSES.join(", ")}.`,
        formulae: [`"${WORK_STATUSES.join(",")}"`],
      };
      await ws.flow();
    }
  }
  if (n === 0) ws.add(["", "", "Nothing to fix: no check failed or warned."]);
  ws.end();
}
