// Domains: the posture matrix. One row a domain, its role and where its MX points, then one column
// a control (from the rules' `control:` keys), each cell the worst verdict among that control's
// findings for the domain and its MX hosts, written and coloured.
import type { Evidence } from "../../evidence/evidence.js";
import type { Digest } from "../digest.js";
import { whereMailGoes } from "../mail-path.js";
import { cellText } from "../posture-matrix.js";
import { type Book, Sheet } from "./sheet.js";
import { FONT, STATUS_SHORT, statusFill, text } from "./style.js";

export async function domainsSheet(book: Book, evidence: Evidence, { columns, rows }: Pick<Digest, "columns" | "rows">): Promise<void> {
  const ws = new Sheet(book, "Domains", [
    { header: "Domain", width: 32 },
    { header: "Role", width: 10 },
    { header: "MX / gateway", width: 36, wrap: true },
    ...columns.map((c) => ({ header: c.name, width: Math.max(10, c.name.length + 2) })),
  ], { filter: true });
  for (const r of rows) {
    const row = ws.add([text(r.domain), r.role, text(whereMailGoes(evidence, r.domain)), ...r.cells.map((c, i) => cellText(c, r.notes[i] ?? 0, STATUS_SHORT, "n/a"))]);
    r.cells.forEach((c, i) => c && statusFill(row.getCell(4 + i), c));
    await ws.flow();
  }
  ws.add([]);
  ws.add([LEGEND]).font = { ...FONT, italic: true };
  ws.end();
}

/** What a cell says, for the sheets with verdict columns. */
export const LEGEND = "Each cell is the worst verdict of that control's high- and medium-severity checks for the domain and its MX hosts: FAIL, UNKNOWN (could not be assessed: never a pass), WARN, WAIVED, pass, info, n/a (does not apply); * marks low-severity notes, listed with the findings.";
