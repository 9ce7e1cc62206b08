// What a report format is: an id for --format, the files it writes, one line for --help, and a
// renderer. Renderers are pure functions of the evidence and the findings (read through a view,
// src/report/view.ts), so every format of a
// run says the same thing, and `evaluate` re-renders any of them offline.
import type { Writable } from "node:stream";
import type { ReportInput } from "./view.js";

export type { ReportInput } from "./view.js";

export interface ReportFormat<Id extends string = string> {
  /** The name --format takes. */
  id: Id;
  /** The files it writes into the output folder, in order. */
  files: readonly string[];
  /** One line for --help and the README. */
  description: string;
  /**
   * Each file's content by name: text is written as UTF-8, bytes as they are, text in pieces
   * (any iterable of strings: an array of parts, a generator) piece by piece, so a large report is
   * never one string (V8 caps a string at about 512 MB), and streamed content into the file as it
   * is made.
   */
  render(input: ReportInput): Promise<Record<string, ReportContent>> | Record<string, ReportContent>;
}

export type ReportContent = string | Uint8Array | Iterable<string> | StreamedContent;

/**
 * Bytes a format writes into the file itself as it makes them (the workbook, zipped as its rows
 * are made): `writeTo` writes everything, ends `out`, and resolves once it is all written.
 */
export interface StreamedContent {
  writeTo(out: Writable): Promise<void>;
}

export type Render = ReportFormat["render"];

/**
 * A format whose renderer is loaded when a report is written, not when --help lists the formats:
 * `load` imports the format's own file, which exports `render`. Keeps the id's literal type, so
 * `Format` is the union of the registry's ids.
 */
export function defineFormat<const Id extends string>(format: Omit<ReportFormat<Id>, "render"> & { load: () => Promise<{ render: Render }> }): ReportFormat<Id> {
  const { load, ...about } = format;
  return { ...about, render: async (input) => (await load()).render(input) };
}
