// Writes the chosen formats into the output folder and returns the files written. Each file is
// written beside its final name and renamed into place, so a reader never sees half a report.
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Evidence } from "../evidence/evidence.js";
import type { Findings } from "../evidence/findings.js";
import type { FindingsDiff } from "./diff.js";
import { prepareOutDir } from "./out-dir.js";
import { FORMATS, type Format, formatById } from "./registry.js";

export { FORMATS, type Format } from "./registry.js";

export async function writeReports(outDir: string, formats: readonly Format[], evidence: Evidence, findings: Findings, extra: { changes?: FindingsDiff } = {}): Promise<string[]> {
  await prepareOutDir(outDir);
  const files: string[] = [];
  for (const id of FORMATS.filter((f) => formats.includes(f))) {
    const rendered = await formatById(id)!.render({ evidence, findings, ...extra });
    for (const [name, content] of Object.entries(rendered)) {
      const path = join(outDir, name);
      await writeFile(`${path}.partial`, content);
      await rename(`${path}.partial`, path);
      files.push(path);
    }
  }
  return files;
}
