// report.xlsx, the consultant workbook: the format's entry. exceljs is loaded when a workbook is
// written, not when --help lists the formats.
import { defineFormat } from "../format.js";

/**
 * The most findings a workbook is made for. exceljs builds the whole workbook in memory: 25,000
 * domains (1.1 million findings, past a worksheet's 1,048,576 rows anyway) ran the heap out after
 * six minutes and killed the run with every other report unwritten. Past this bound the workbook
 * is refused with one line, and the other reports are written.
 */
export const WORKBOOK_MAX_FINDINGS = 250_000;

export const workbookFormat = defineFormat({
  id: "xlsx",
  files: ["report.xlsx"],
  description: "report.xlsx: the consultant workbook (summary, fixes, findings, domains, mail path, waivers, evidence)",
  render: async (input) => {
    const n = input.findings.summary.total;
    if (n > WORKBOOK_MAX_FINDINGS) {
      throw new Error(`${n.toLocaleString("en-GB")} findings are more than the ${WORKBOOK_MAX_FINDINGS.toLocaleString("en-GB")} a workbook is made for; use findings.csv and checklist.md, or split the domain list into smaller runs`);
    }
    const { renderWorkbook } = await import("./render.js");
    return { "report.xlsx": await renderWorkbook(input) };
  },
});
