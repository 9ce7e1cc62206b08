// Every report format, in the order files are written and listed. --format validates against this
// list and --help prints it; a new format is one file (a defineFormat entry) plus one line here
// (docs/DEVELOPING.md, "Adding a report format").
import { checklistFormat } from "./checklist.js";
import { csvFormat } from "./csv.js";
import { htmlFormat } from "./html/index.js";
import type { ReportFormat } from "./format.js";
import { jsonFormat } from "./json.js";
import { workbookFormat } from "./workbook/index.js";

export const REPORT_FORMATS = [jsonFormat, checklistFormat, csvFormat, workbookFormat, htmlFormat] as const;

export type Format = (typeof REPORT_FORMATS)[number]["id"];

export const FORMATS: readonly Format[] = REPORT_FORMATS.map((f) => f.id);

export function formatById(id: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((f) => f.id === id);
}

export function isFormat(id: string): id is Format {
  return formatById(id) !== undefined;
}
