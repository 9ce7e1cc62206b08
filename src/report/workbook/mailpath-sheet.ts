// Mail path: for each domain, the inbound chain MX → gateway → connector → Enhanced Filtering →
// ARC trust, one row a gateway and connector, each link with its verdict (src/report/mail-path.ts),
// so the chain reads left to right as mail travels.
import type { ReportInput } from "../view.js";
import { MAIL_PATH_NOTE, mailPathRows } from "../mail-path.js";
import { type Book, Sheet } from "./sheet.js";
import { FONT, STATUS_SHORT, statusFill, text } from "./style.js";

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

export async function mailPathSheet(book: Book, input: ReportInput): Promise<void> {
  const ws = new Sheet(book, "Mail path", COLUMNS, { filter: true });
  for (const r of mailPathRows(input)) {
    const verdicts = [r.gatewayVerdict, r.lockDownVerdict, r.enhancedFilteringVerdict, r.arcVerdict];
    const row = ws.add([
      text(r.domain), text(r.mx), text(r.gateway), "", text(r.connector), text(r.lockDown), "", text(r.enhancedFiltering), "", text(r.arc), "",
    ]);
    [4, 7, 9, 11].forEach((col, i) => {
      const st = verdicts[i];
      if (!st) return;
      row.getCell(col).value = STATUS_SHORT[st];
      statusFill(row.getCell(col), st);
    });
    await ws.flow();
  }
  ws.add([]);
  ws.add([`${MAIL_PATH_NOTE} UNKNOWN: could not be assessed (never a pass).`]).font = { ...FONT, italic: true };
  ws.end();
}
