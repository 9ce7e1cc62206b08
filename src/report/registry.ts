// Every report format, in the order files are written and listed: its id for --format, its files,
// the line --help prints, and where its renderer is, loaded only when a report is written (so
// `--help` and `--format` parsing load none of them). A new format is one file exporting `render`
// plus one entry here (docs/DEVELOPING.md, "Adding a report format").
import { defineFormat, type ReportFormat } from "./format.js";

export const REPORT_FORMATS = [
  defineFormat({
    id: "json",
    files: ["evidence.json", "findings.json"],
    description: "evidence.json and findings.json: what was seen and what the rules concluded",
    load: () => import("./json.js"),
  }),
  defineFormat({
    id: "md",
    files: ["checklist.md"],
    description: "checklist.md: the verdict, each fix once with where it applies, matrix, tenant",
    load: () => import("./checklist.js"),
  }),
  defineFormat({
    id: "csv",
    files: ["findings.csv"],
    description: "findings.csv: one row a finding, for spreadsheets (RFC 4180, UTF-8 BOM)",
    load: () => import("./csv.js"),
  }),
  defineFormat({
    id: "xlsx",
    files: ["report.xlsx"],
    description: "report.xlsx: the consultant workbook (summary, fixes, findings, domains, mail path, waivers, evidence)",
    load: () => import("./workbook/index.js"),
  }),
  defineFormat({
    id: "html",
    files: ["report.html"],
    description: "report.html: one self-contained page (no scripts) to read in a browser or print",
    load: () => import("./html/index.js"),
  }),
] as const;

export type Format = (typeof REPORT_FORMATS)[number]["id"];

export const FORMATS: readonly Format[] = REPORT_FORMATS.map((f) => f.id);

export function formatById(id: string): ReportFormat | undefined {
  return REPORT_FORMATS.find((f) => f.id === id);
}

export function isFormat(id: string): id is Format {
  return formatById(id) !== undefined;
}
