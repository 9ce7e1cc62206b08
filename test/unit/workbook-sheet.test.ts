// The workbook's streamed sheets (src/report/workbook/sheet.ts): rows past a sheet's limit go on in
// a sheet of their own with the header again, a run of rows with one link is one hyperlink over a
// range, many sheets committed one after another make a whole file, and the attention order of a
// run's findings is the same whether a report reads them as text or as values.
import assert from "node:assert/strict";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { Sheet } from "../../src/report/workbook/sheet.js";
import { byAttention, inAttentionOrderOf } from "../../src/report/order.js";
import { findingsIndex } from "../../src/report/view.js";
import { tempDir } from "../helpers/tmp.js";
import { zipEntries } from "../helpers/zip.js";
import type { Finding } from "../../src/evidence/findings.js";

const COLUMNS = [{ header: "Name", width: 20 }, { header: "Reference", width: 20, wrap: true }];

async function written(make: (book: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<string> {
  const path = join(tempDir(), "book.xlsx");
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useStyles: true, useSharedStrings: false });
  await make(book);
  await book.commit();
  return path;
}

async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("a streamed sheet", () => {
  it("goes on in 'Name (2)' and on past its row limit, each part with the header, no row lost or doubled", async () => {
    const path = await written(async (book) => {
      const sheet = new Sheet(book, "Findings", COLUMNS, { maxRows: 10, filter: true });
      for (let i = 1; i <= 25; i++) {
        sheet.add([`row ${i}`, ""]);
        await sheet.flow();
      }
      sheet.end();
    });
    const wb = await read(path);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ["Findings", "Findings (2)", "Findings (3)"]);
    const rows = wb.worksheets.flatMap((ws) => {
      assert.equal(ws.getCell("A1").value, "Name", `${ws.name} has the header`);
      assert.equal(ws.views[0]?.state, "frozen");
      assert.ok(ws.rowCount <= 10, `${ws.name}: ${ws.rowCount} rows`);
      return (ws.getColumn(1).values as unknown[]).slice(2).map(String);
    });
    assert.deepEqual(rows, Array.from({ length: 25 }, (_, i) => `row ${i + 1}`));
  });

  it("gives a run of rows with the same link one hyperlink over their range, and a new one where the link changes", async () => {
    const path = await written(async (book) => {
      const sheet = new Sheet(book, "Links", COLUMNS);
      const urls = ["https://a.example/", "https://a.example/", "https://a.example/", "https://b.example/", "", "https://b.example/"];
      for (const [i, url] of urls.entries()) {
        sheet.add([`row ${i}`, url ? "see" : ""]);
        if (url) sheet.link(2, url);
      }
      sheet.end();
    });
    const files = zipEntries(path);
    const xml = files.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const refs = [...xml.matchAll(/<hyperlink ref="([^"]+)" r:id="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(refs.map((r) => r[0]), ["B2:B4", "B5", "B7"]);
    const rels = files.get("xl/worksheets/_rels/sheet1.xml.rels")!.toString("utf8");
    const targets = refs.map(([, id]) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)).map((m) => m?.[1] ?? m?.[2]);
    assert.deepEqual(targets, ["https://a.example/", "https://b.example/", "https://b.example/"]);
  });

  it("makes a whole file from many small sheets committed one after another (exceljs would wait for ever on a sheet ended before the zip reached it)", async () => {
    const path = await written(async (book) => {
      for (let s = 1; s <= 12; s++) {
        const sheet = new Sheet(book, `Sheet ${s}`, COLUMNS);
        sheet.add([`only row of ${s}`, ""]);
        sheet.end();
      }
    });
    const wb = await read(path);
    assert.equal(wb.worksheets.length, 12);
    assert.deepEqual(wb.worksheets.map((ws) => ws.getCell("A2").value), Array.from({ length: 12 }, (_, i) => `only row of ${i + 1}`));
  });
});

describe("attention order as values", () => {
  it("puts a run's findings, read subject by subject, in the order byAttention sorts them", () => {
    // Enough of one group (past the 64 KiB a group keeps in memory) to go through a file, and the rest mixed.
    const statuses: Finding["status"][] = ["pass", "fail", "error", "warn", "not_applicable", "info", "waived"];
    const severities: Finding["severity"][] = ["low", "high", "medium", "info"];
    const findings: Finding[] = [];
    for (let d = 0; d < 400; d++) {
      for (let r = 0; r < 6; r++) {
        const mixed = r > 0;
        findings.push({
          ruleId: `rule.${r}`, title: `Rule ${r}`, control: "spf", subject: `domain:d${String(d).padStart(3, "0")}.example`,
          status: mixed ? statuses[(d * 7 + r) % statuses.length]! : "fail", severity: mixed ? severities[(d + r) % severities.length]! : "high",
          message: `d${d} r${r} ${"é".repeat(200)}`, evidence: [], remediation: "", references: [],
        });
      }
    }
    const view = findingsIndex(findings);
    const got = [...inAttentionOrderOf(view.allFindings(), (f) => [f.ruleId, f.subject, f.message])];
    const want = [...findings].sort(byAttention).map((f) => [f.ruleId, f.subject, f.message]);
    assert.equal(got.length, findings.length);
    assert.deepEqual(got, want);
  });
});
