// report.xlsx, the consultant workbook: the format's entry. exceljs is loaded when a workbook is
// written, not when --help lists the formats. The workbook is written into its file as it is made
// (render.ts), so a run of any size has one, in flat memory.
import { defineFormat } from "../format.js";

export const workbookFormat = defineFormat({
  id: "xlsx",
  files: ["report.xlsx"],
  description: "report.xlsx: the consultant workbook (summary, fixes, findings, domains, mail path, waivers, evidence)",
  render: (input) => ({
    "report.xlsx": {
      writeTo: async (out) => {
        const { renderWorkbook } = await import("./render.js");
        await renderWorkbook(input, out);
      },
    },
  }),
});
