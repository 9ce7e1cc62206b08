// Writes the chosen formats into the output folder and returns the files written. Each file is
// written beside its final name and renamed into place, so a reader never sees half a report.
// Text in pieces is written piece by piece, gathered into blocks, so no report is ever one string.
// A format that fails does not take the others with it: they are written, and then the failure is
// reported with what was written.
import { constants } from "node:fs";
import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import type { Evidence } from "../evidence/evidence.js";
import type { Findings } from "../evidence/findings.js";
import type { FindingsDiff } from "./diff.js";
import type { ReportContent, StreamedContent } from "./format.js";
import { prepareOutDir } from "./out-dir.js";
import { type ReportInput, viewOf } from "./view.js";
import { FORMATS, type Format, formatById, REPORT_FORMATS } from "./registry.js";

export { FORMATS, type Format } from "./registry.js";

/** Some formats could not be written; `files` are those that were. */
export class ReportWriteError extends Error {
  constructor(readonly failures: ReportFailure[], readonly files: string[]) {
    super(`${failures.map((f) => `the ${f.format} report could not be written (${f.reason})`).join("; ")}; written: ${files.length > 0 ? files.join(", ") : "nothing"}`);
  }
}

export async function writeReports(outDir: string, formats: readonly Format[], evidence: Evidence, findings: Findings, extra: { changes?: FindingsDiff } = {}): Promise<string[]> {
  return writeViewReports(outDir, formats, viewOf(evidence, findings, extra.changes));
}

/** The reports of a run read through a view (src/report/view.ts): in memory or spooled to disk. */
export async function writeViewReports(outDir: string, formats: readonly Format[], view: ReportInput): Promise<string[]> {
  await prepareOutDir(outDir);
  const { files, failures } = await writeFormats(outDir, formats, view);
  await removeStale(outDir, files);
  if (failures.length > 0) throw new ReportWriteError(failures, files);
  return files;
}

/**
 * The files of `formats` (in registry order) into a prepared folder; a format that fails is
 * returned beside the others. Also what a second thread runs for its share of a large run's
 * formats (src/run/report-thread.ts).
 */
export async function writeFormats(outDir: string, formats: readonly Format[], view: ReportInput): Promise<{ files: string[]; failures: ReportFailure[] }> {
  // Reports with tenant data are the tenant's configuration: readable by their owner only.
  const mode = view.evidence.tenant ? 0o600 : 0o644;
  const files: string[] = [];
  const failures: ReportFailure[] = [];
  for (const id of FORMATS.filter((f) => formats.includes(f))) {
    try {
      const rendered = await formatById(id)!.render(view);
      for (const [name, content] of Object.entries(rendered)) {
        const path = join(outDir, name);
        await writeContent(`${path}.partial`, content, mode);
        // rename replaces whatever stands at `path` (a symlink included) and never writes through it.
        await rename(`${path}.partial`, path);
        files.push(path);
      }
    } catch (err) {
      failures.push({ format: id, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { files, failures };
}

/** As writeViewReports, but a format that failed is returned beside the files written, not thrown. */
export async function writeReportsKeeping(...args: Parameters<typeof writeViewReports>): Promise<{ files: string[]; failures: ReportFailure[] }> {
  try {
    return { files: await writeViewReports(...args), failures: [] };
  } catch (err) {
    if (err instanceof ReportWriteError) return { files: err.files, failures: err.failures };
    throw err;
  }
}

export interface ReportFailure { format: string; reason: string }

/** Blocks of about this many characters go to the file at once. */
const BLOCK = 1 << 20;

/**
 * A report file of an earlier run that this run did not write (a format not asked for this time)
 * would sit beside the new ones as if it were theirs: removed, so the folder holds one run. Only the
 * names reports have are touched; anything else in the folder is the user's.
 */
export async function removeStale(outDir: string, written: string[]): Promise<void> {
  const ours = REPORT_FORMATS.flatMap((f) => f.files).flatMap((name) => [name, `${name}.partial`]).map((name) => join(outDir, name));
  for (const path of ours) if (!written.includes(path)) await rm(path, { force: true }).catch(() => {});
}

/**
 * A new file, never an existing one: a leftover `.partial` is removed first (rm takes a symlink
 * itself away, not its target), then the file is created exclusively and without following a
 * symlink, so a link planted in the folder can never make a report overwrite another file.
 */
async function writeContent(path: string, content: ReportContent, mode: number): Promise<void> {
  await rm(path, { force: true });
  const file = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  let ok = false;
  try {
    if (typeof content === "string" || content instanceof Uint8Array) await file.writeFile(content);
    else if ("writeTo" in content) await writeStreamed(file, content);
    else await writeBlocks(file, content);
    ok = true;
  } finally {
    await file.close().catch(() => {});
    if (!ok) await rm(path, { force: true });
  }
}

/**
 * Streamed content into the open file. The stream closes the file when it is done: a FileHandle
 * does not close while a stream made from it is open, so writeContent's own close waits for that.
 */
async function writeStreamed(file: FileHandle, content: StreamedContent): Promise<void> {
  const out = file.createWriteStream();
  try {
    await content.writeTo(out);
    await finished(out);
  } catch (err) {
    // What the format still had on its way to the file errs on a destroyed stream: not a second failure.
    out.on("error", () => {});
    out.destroy();
    throw err;
  }
}

async function writeBlocks(file: FileHandle, content: Iterable<string>): Promise<void> {
  let block: string[] = [];
  let size = 0;
  for (const piece of content) {
    block.push(piece);
    size += piece.length;
    if (size >= BLOCK) {
      await file.write(block.join(""));
      block = [];
      size = 0;
    }
  }
  if (size > 0) await file.write(block.join(""));
}
