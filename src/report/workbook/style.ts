// What every sheet of the workbook shares: safe cell text, status colours that read in print and
// for colour-blind readers (the status is always written in the cell too; the tints are from the
// Okabe–Ito palette, which stays distinct under the common colour-vision deficiencies), and the
// sheet set-up a consultant expects (frozen header, widths, wrapped text, landscape print that fits
// the page width and repeats the header row: src/report/workbook/sheet.ts).
import type ExcelJS from "exceljs";
import type { Finding } from "../../evidence/findings.js";

/** A cell holds at most 32,767 characters (Excel specifications and limits). */
const MAX_CELL = 32_767;

/**
 * Text from anywhere, as a plain string cell: never a formula (exceljs writes a string as a shared
 * string whatever it begins with; formulas are only ever objects), without the control characters
 * XML 1.0 forbids (a hostile TXT record holding one would make the file unreadable), within the
 * cell limit.
 */
export function text(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  const s = String(value ?? "").replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/g, "\ufffd");
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}

export { STATUS_LABEL, STATUS_SHORT } from "../labels.js";

// Light tints, so black text stays readable in colour and in grey print.
const TINT: Record<Finding["status"], string | null> = {
  fail: "FFF5C6A8", // vermillion
  error: "FFE8C3DA", // reddish purple: unknown is its own colour, never a pass
  warn: "FFFFEB99", // yellow
  waived: "FFD6D6D6", // grey
  pass: "FFBFE0F5", // sky blue, not green: blue and vermillion stay apart for red-green deficiencies
  info: "FFEAEAEA",
  not_applicable: null,
};

/** Every font names its face: a font without one falls back to a serif in LibreOffice. */
export const FONT = { name: "Calibri", size: 11 } as const;
export const BOLD = { ...FONT, bold: true } as const;
export const MONO = { name: "Consolas", size: 9 } as const;
export const LINK = { ...FONT, color: { argb: "FF0563C1" }, underline: true } as const;

export function statusFill(cell: ExcelJS.Cell, status: Finding["status"]): void {
  const argb = TINT[status];
  if (argb) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
  if (status === "fail" || status === "error") cell.font = { ...FONT, ...cell.font, bold: true };
}

export const SEVERITY_LABEL: Record<Finding["severity"], string> = { high: "High", medium: "Medium", low: "Low", info: "Info" };

export interface ColumnSpec {
  header: string;
  width: number;
  /** Wrap long text in this column. */
  wrap?: boolean;
  hidden?: boolean;
}

/** The bold label of a block on a free-form sheet. */
export function heading(sheet: { add(values: ExcelJS.CellValue[]): ExcelJS.Row }, title: string): void {
  const cell = sheet.add([title]).getCell(1);
  cell.font = { ...BOLD, size: 13 };
  // A heading runs on over the empty cells beside it rather than wrapping in its column.
  cell.alignment = { vertical: "bottom", wrapText: false };
}

/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row when it opens a file,
 * so a row's height is estimated from its text, its column's width and its font: otherwise
 * wrapped lines print over each other. Width is in characters of the default font's "0";
 * proportional text runs a little narrower than that.
 */
export function fitRowHeight(ws: ExcelJS.Worksheet, row: ExcelJS.Row, maxLines = 40): void {
  let lines = 1;
  let size = 11;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (ws.getColumn(col).hidden) return;
    const wrap = cell.alignment?.wrapText ?? ws.getColumn(col).alignment?.wrapText ?? false;
    const fontSize = cell.font?.size ?? 11;
    size = Math.max(size, fontSize);
    const value = cell.value;
    const s = typeof value === "string" ? value : value && typeof value === "object" && "text" in value ? String((value as { text: unknown }).text) : String(value ?? "");
    if (!wrap) return;
    const mono = /Consolas|Courier|Mono/.test(cell.font?.name ?? "");
    // Measured on LibreOffice's renderings with Carlito (metric-compatible with Calibri), with a
    // margin: it breaks lines at "-" and "/", and a long token (a DKIM key) wraps early.
    const perLine = Math.max(4, Math.floor(((ws.getColumn(col).width ?? 10) - 1) * (mono ? 0.9 : 1.0) * (11 / fontSize)));
    const n = s.split("\n").reduce((k, l) => k + Math.max(1, Math.ceil(l.length / perLine)), 0);
    lines = Math.max(lines, (n * fontSize) / 11);
  });
  if (lines > 1) row.height = Math.ceil(Math.min(lines, maxLines) * 15) + 2;
  else if (size > 11) row.height = Math.ceil(size * 1.4);
}
