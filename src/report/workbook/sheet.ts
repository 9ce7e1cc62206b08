// A worksheet written as it is made, through exceljs' streaming writer: each row is sized to its
// text and committed when the next one is added, so it leaves memory at once, and a workbook of a
// million findings is made in the memory of one row. What the streaming writer does not do by
// itself is done here: it never waits for the zip behind it (flow()), it keeps every hyperlink
// cell until the sheet ends (link() gives a run of rows one link), and a sheet past Excel's row
// limit would be unreadable (the rows go on in a sheet of their own, "Findings (2)").
import type ExcelJS from "exceljs";
import { BOLD, type ColumnSpec, FONT, fitRowHeight, LINK } from "./style.js";

/** The workbook being written: exceljs' WorkbookWriter. */
export type Book = ExcelJS.stream.xlsx.WorkbookWriter;
type Worksheet = ExcelJS.Worksheet & { commit(): void };

/** Rows a worksheet holds (Excel specifications and limits: 1,048,576 rows by 16,384 columns). */
export const MAX_ROWS = 1_048_576;
/** A sheet name holds at most 31 characters. */
const MAX_NAME = 31;
/** Uncompressed bytes let wait for the zip before rows are made again. */
const BACKLOG = 8 << 20;
/** How often (in rows) the backlog is looked at. */
const LOOK_EVERY = 256;
/** How long the zip may take to reach a sheet before the workbook is given up as stuck. */
const STALL_MS = 120_000;

export interface SheetOptions {
  /** A bold, frozen header row repeated on every printed page (default: yes). */
  header?: boolean;
  /** Filter buttons on the header row. */
  filter?: boolean;
  /** Print only the header and this many rows after it (the rest stay in the file). */
  printRows?: number;
  /** Rows a sheet holds before the rest go on in the next one (MAX_ROWS; smaller in tests). */
  maxRows?: number;
}

interface LinkRun { col: number; url: string; from: number; to: number }

export class Sheet {
  private ws!: Worksheet;
  private pending: ExcelJS.Row | null = null;
  private part = 0;
  private rows = 0;
  private sinceLook = 0;
  private runs = new Map<number, LinkRun>();

  constructor(private readonly book: Book, readonly name: string, private readonly columns: readonly ColumnSpec[], private readonly options: SheetOptions = {}) {
    this.open();
  }

  /** The next row: the one before it is sized and committed now. */
  add(values: ExcelJS.CellValue[]): ExcelJS.Row {
    this.finishRow();
    if (this.rows >= (this.options.maxRows ?? MAX_ROWS)) {
      this.end();
      this.open();
    }
    this.rows++;
    this.sinceLook++;
    return (this.pending = this.ws.addRow(values));
  }

  /**
   * Waits while the zip is behind: exceljs hands each sheet's XML to the zip without waiting, so a
   * loop of rows would otherwise hold the whole uncompressed sheet (1 KB a finding) before any of
   * it is deflated. Called in every loop that may run long; cheap between looks.
   */
  async flow(): Promise<void> {
    if (this.sinceLook < LOOK_EVERY) return;
    this.sinceLook = 0;
    const since = Date.now();
    for (;;) {
      const backlog = zipBacklog(this.ws);
      if (backlog !== null && backlog < BACKLOG) return;
      if (Date.now() - since > STALL_MS) throw new Error(`the workbook's zip stream stopped taking data on the ${this.name} sheet`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /**
   * `url` on cell `col` of the row just added. Rows in a run with the same link share one
   * hyperlink (a range): the file format keeps every hyperlink until the sheet ends, and a
   * findings sheet sorted by rule has long runs of one reference.
   */
  link(col: number, url: string): void {
    const row = this.pending!;
    row.getCell(col).font = LINK;
    const run = this.runs.get(col);
    if (run && run.url === url && run.to === row.number - 1) {
      run.to = row.number;
      return;
    }
    if (run) this.emitLink(run);
    this.runs.set(col, { col, url, from: row.number, to: row.number });
  }

  private open(): void {
    this.part++;
    const suffix = this.part > 1 ? ` (${this.part})` : "";
    const header = this.options.header ?? true;
    const name = `${this.name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    this.ws = this.book.addWorksheet(name, {
      views: header ? [{ state: "frozen", ySplit: 1, activeCell: "A2" }] : [{}],
      pageSetup: {
        orientation: "landscape",
        paperSize: 9, // A4
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        ...(header ? { printTitlesRow: "1:1" } : {}),
      },
      headerFooter: { oddFooter: `&L${name}&RPage &P of &N` },
    }) as Worksheet;
    this.ws.columns = this.columns.map((c) => ({ width: c.width, hidden: c.hidden ?? false, style: { font: FONT, alignment: { vertical: "top", wrapText: c.wrap ?? false } } }));
    if (this.options.filter) this.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: this.columns.length } };
    const printRows = this.options.printRows;
    // exceljs puts "$" before each end ("$A1"); a mixed reference LibreOffice ignores, so the rows are fixed here.
    if (this.part === 1 && printRows !== undefined) this.ws.pageSetup.printArea = `A$1:${columnLetter(this.columns.length)}$${Math.min(printRows + 1, this.options.maxRows ?? MAX_ROWS)}`;
    this.rows = 0;
    if (header) {
      const row = this.add(this.columns.map((c) => c.header));
      row.font = BOLD;
      row.alignment = { vertical: "middle", wrapText: true };
      row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDDDDD" } };
    }
  }

  private finishRow(): void {
    if (!this.pending) return;
    fitRowHeight(this.ws, this.pending);
    this.pending.commit();
    this.pending = null;
  }

  /** The sheet (or this part of it) is done: its last row and links written, the sheet committed. */
  end(): void {
    this.finishRow();
    for (const run of this.runs.values()) this.emitLink(run);
    this.runs.clear();
    // exceljs pauses a sheet's buffer, and a paused buffer that ends before the zip reaches it is
    // never handed over when it does: the workbook would wait forever. Resumed, it is handed over
    // whole then (the zip takes it in a later turn of the event loop, after this commit).
    (this.ws as unknown as { stream: { resume(): void } }).stream.resume();
    this.ws.commit();
  }

  private emitLink(run: LinkRun): void {
    const col = columnLetter(run.col);
    const address = run.from === run.to ? `${col}${run.from}` : `${col}${run.from}:${col}${run.to}`;
    // The streaming writer's own list of the sheet's hyperlinks, which takes a range as well as a
    // cell (ECMA-376 Part 1, §18.3.1.47: a hyperlink's ref is a range); its cell API takes cells only.
    (this.ws as unknown as { _sheetRelsWriter: { addHyperlink(h: { address: string; target: string }): void } })._sheetRelsWriter.addHyperlink({ address, target: run.url });
  }
}

/**
 * Bytes handed to the zip for this sheet and not yet deflated, or null while the zip has not yet
 * reached the sheet (it takes the parts one at a time). exceljs pipes each sheet's buffer into a
 * PassThrough of archiver's, without waiting for it.
 */
function zipBacklog(ws: Worksheet): number | null {
  const stream = (ws as unknown as { stream: { pipes?: { _writableState?: { length: number }; _readableState?: { length: number } }[] } }).stream;
  const pipes = stream.pipes ?? [];
  if (pipes.length === 0) return null;
  return pipes.reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
}

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
