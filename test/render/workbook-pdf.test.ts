// The demo's report.xlsx printed by LibreOffice Calc, as a consultant would print it: the page
// count, the text a reader looks for, and no sheet that runs on for pages. The PDF and its PNG
// pages are kept in reports/render/ (EXO_RENDER_OUT) for a person to look at.
import assert from "node:assert/strict";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { demoReport, RENDER_OUT } from "./demo-report.js";
import { pdfPages, printedToPdf } from "./libreoffice.js";

let pages: string[];

before(async () => {
  const pdf = await printedToPdf(await demoReport("report.xlsx"), RENDER_OUT);
  pages = await pdfPages(pdf, join(RENDER_OUT, "report-page"));
});

const SHEETS = ["Summary", "GOV.UK policy", "Remediation", "Findings", "Domains", "Mail path", "Waivers", "Evidence"];
/** The sheet a page belongs to: its footer line begins with the sheet's name and ends "Page n of N". */
const sheetOf = (page: string) => new RegExp(`^\\s*(${SHEETS.join("|")})\\b.*Page \\d+ of \\d+\\s*$`, "m").exec(page)?.[1] ?? "?";

describe("report.xlsx printed", () => {
  it("prints every sheet, none on more than 25 pages, the whole in under 80", () => {
    const bySheet = new Map<string, number>();
    for (const p of pages) bySheet.set(sheetOf(p), (bySheet.get(sheetOf(p)) ?? 0) + 1);
    assert.deepEqual([...bySheet.keys()], SHEETS, [...bySheet].join("; "));
    for (const [sheet, n] of bySheet) assert.ok(n <= 25, `${sheet} prints on ${n} pages`);
    assert.ok(pages.length < 80, `${pages.length} pages`);
  });

  it("opens with the tenant and the verdict, and prints the Mimecast fix with its cmdlet", () => {
    const all = pages.join("\n");
    assert.match(pages[0]!, /Email security assessment: Contoso County Council/);
    assert.match(pages[0]!, /Incomplete: 32 of \d+ checks could not be assessed/);
    assert.match(pages[0]!, /DNS_BOGUS/);
    assert.match(all, /Set-InboundConnector -Identity "Mimecast inbound"/);
    assert.match(all, /COULD NOT ASSESS/);
  });

  it("prints the GOV.UK policy requirement by requirement, each verdict in words (issue 28)", () => {
    const policy = pages.filter((p) => sheetOf(p) === "GOV.UK policy").join("\n");
    assert.match(policy, /Enforce DMARC on inbound email\.\s+must\s+NOT MET/);
    assert.match(policy, /Force TLS when sending to \*\.gov\.uk\.\s+should\s+Met/);
    assert.match(policy, /UK government secure email policy: 1 of 11 met, 8 not met, 2 not checked by this tool\./);
  });
});
