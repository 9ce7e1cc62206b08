// report.xlsx, the consultant workbook: the format's entry. exceljs is loaded when a workbook is
// written, not when --help lists the formats.
import { defineFormat } from "../format.js";

export const workbookFormat = defineFormat({
  id: "xlsx",
  files: ["report.xlsx"],
  description: "report.xlsx: the consultant workbook (summary, fixes, findings, domains, mail path, waivers, evidence)",
  render: async (input) => {
    const { renderWorkbook } = await import("./render.js");
    return { "report.xlsx": await renderWorkbook(input) };
  },
});
