// Writes the chosen formats into the output folder and returns the files written. Each file is
// written beside its final name and renamed into place, so a reader never sees half a report.
// Text in pieces is written piece by piece, gathered into blocks, so no report is ever one string.
// A format that fails does not take the others with it: they are written, and then the failure is
// reported with what was written.
import { open, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Evidence } from "../evidence/evidence.js";
import type { Findings } from "../evidence/findings.js";
import type { FindingsDiff } from "./diff.js";
import type { ReportContent } from "./format.js";
import { prepareOutDir } from "./out-dir.js";
import { FORMATS, type Format, formatById } from "./registry.js";

export { FORMATS, type Format } from "./registry.js";

/** Some formats could not be written; `files` are those that were. */
export class ReportWriteError extends Error {
  constructor(readonly failures: ReportFailure[], readonly files: string[]) {
    super(`${failures.map((f) => `the ${f.format} report could not be written (${f.reason})`).join("; ")}; written: ${files.length > 0 ? files.join(", ") : "nothing"}`);
  }
}

export async function writeReports(outDir: string, formats: readonly Format[], evidence: Evidence, findings: Findings, extra: { changes?: FindingsDiff } = {}): Promise<string[]> {
  await prepareOutDir(outDir);
  const files: string[] = [];
  const failures: { format: string; reason: string }[] = [];
  for (const id of FORMATS.filter((f) => formats.includes(f))) {
    try {
      const rendered = await formatById(id)!.render({ evidence, findings, ...extra });
      for (const [name, content] of Object.entries(rendered)) {
        const path = join(outDir, name);
        await writeContent(`${path}.partial`, content);
        await rename(`${path}.partial`, path);
        files.push(path);
      }
    } catch (err) {
      failures.push({ format: id, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  if (failures.length > 0) throw new ReportWriteError(failures, files);
  return files;
}

/** As writeReports, but a format that failed is returned beside the files written, not thrown. */
export async function writeReportsKeeping(...args: Parameters<typeof writeReports>): Promise<{ files: string[]; failures: ReportFailure[] }> {
  try {
    return { files: await writeReports(...args), failures: [] };
  } catch (err) {
    if (err instanceof ReportWriteError) return { files: err.files, failures: err.failures };
    throw err;
  }
}

export interface ReportFailure { format: string; reason: string }

/** Blocks of about this many characters go to the file at once. */
const BLOCK = 1 << 20;

async function writeContent(path: string, content: ReportContent): Promise<void> {
  if (typeof content === "string" || content instanceof Uint8Array) return writeFile(path, content);
  const file = await open(path, "w");
  try {
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
  } catch (err) {
    await file.close();
    await rm(path, { force: true });
    throw err;
  }
  await file.close();
}
