// findings.csv opened in a real spreadsheet (LibreOffice Calc, formula evaluation on): a DNS record
// that is a formula stays text, and the demo's file opens with every row and character intact.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import type { Finding } from "../../src/evidence/findings.js";
import { field, renderCsv } from "../../src/report/csv.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { openedInCalc } from "./libreoffice.js";

const HOSTILE = ['=HYPERLINK("http://x","y")', "=1+1", "+2+3", "-2+3", "@SUM(1,1)"];

const finding = (message: string): Finding => ({
  ruleId: "dmarc.present", title: "t", severity: "high", status: "fail", control: "dmarc", subject: "domain:a.example",
  message, evidence: [], remediation: message, references: [],
});

describe("findings.csv in LibreOffice Calc", () => {
  it("evaluates an unprotected formula (the control), and never one findings.csv wrote", async () => {
    const ours = renderCsv(HOSTILE.map(finding));
    // The control: the same values written as a naive CSV writer would, one per line.
    const naive = `${HOSTILE.map((v) => `"${v.replace(/"/g, '""')}"`).join("\r\n")}\r\n`;
    const shownNaive = parse(await openedInCalc(naive)) as string[][];
    // Calc evaluates what begins with "=" (Excel also takes +, - and @ as formulas; the writer guards those too).
    assert.deepEqual(shownNaive.map((r) => r[0]).slice(0, 2), ["y", "2"], "Calc evaluates formulas in this mode: the test can fail");

    const shown = parse(await openedInCalc(ours), { columns: true }) as Record<string, string>[];
    assert.deepEqual(shown.map((r) => r.Message), HOSTILE.map((v) => `'${v}`));
    assert.deepEqual(shown.map((r) => r.Remediation), HOSTILE.map((v) => `'${v}`));
    assert.equal(field("=1+1"), `"'=1+1"`);
  });

  describe("the demo's findings.csv", () => {
    let csv: Buffer;
    before(async () => {
      const cwd = tempDir();
      const r = await runCli(["demo"], { cwd });
      assert.equal(r.code, 0, r.stderr);
      csv = readFileSync(join(cwd, "reports/demo/findings.csv"));
    });

    it("opens with every row, multi-line remediation and non-ASCII text as written", async () => {
      const ours = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
      const shown = parse(await openedInCalc(csv), { bom: true, columns: true }) as Record<string, string>[];
      assert.equal(shown.length, ours.length);
      for (const [i, row] of ours.entries()) {
        for (const column of ["Rule ID", "Status", "Subject", "Message", "Remediation"]) {
          assert.equal(shown[i]![column], row[column], `row ${i + 2}, ${column}`);
        }
      }
      assert.ok(ours.some((r) => r.Remediation!.includes("\n")), "the file has multi-line cells to check");
    });
  });
});
