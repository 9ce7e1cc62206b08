// The demo's report.html in Chromium, as a reader opens and prints it: a screenshot, a PDF with
// a sane page count, the text a reader looks for, and the verdict on the first page. The files are
// kept in reports/render/ (EXO_RENDER_OUT) for a person to look at.
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { demoReport, RENDER_OUT } from "./demo-report.js";
import { printPage, screenshot } from "./chromium.js";
import { pdfPages } from "./libreoffice.js";

const keep = RENDER_OUT;
let pages: string[];

before(async () => {
  const html = await demoReport("report.html");
  await screenshot(html, join(keep, "report-html.png"));
  await printPage(html, join(keep, "report-html.pdf"));
  pages = await pdfPages(join(keep, "report-html.pdf"), join(keep, "report-html-page"));
});

describe("report.html in Chromium", () => {
  it("prints on a sane number of pages, the verdict and its causes on the first", () => {
    assert.ok(pages.length >= 5 && pages.length < 90, `${pages.length} pages`);
    assert.match(pages[0]!, /Email security assessment: Contoso County Council/);
    assert.match(pages[0]!, /Incomplete: 32 of \d+ checks could not be assessed/);
    assert.match(pages[0]!, /DNS_BOGUS/);
  });

  it("prints the matrix, the mail path and the Mimecast fix with its cmdlet", () => {
    const all = pages.join("\n");
    for (const text of ["Posture by domain", "Mail path", "Findings by domain", "Set-InboundConnector -Identity \"Mimecast inbound\""]) assert.ok(all.includes(text), text);
  });

  it("keeps a screenshot to look at", () => {
    const png = join(keep, "report-html.png");
    assert.ok(existsSync(png) && statSync(png).size > 20_000, "a screenshot with something on it");
  });
});
