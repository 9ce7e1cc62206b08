// Writes the chosen formats into the output folder and returns the files written.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Evidence } from "../evidence/evidence.js";
import type { Findings } from "../evidence/findings.js";
import { renderChecklist } from "./checklist.js";

export const FORMATS = ["json", "md"] as const;
export type Format = (typeof FORMATS)[number];

export async function writeReports(outDir: string, formats: Format[], evidence: Evidence, findings: Findings): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  if (formats.includes("json")) {
    await writeJson(join(outDir, "evidence.json"), evidence);
    await writeJson(join(outDir, "findings.json"), findings);
    files.push(join(outDir, "evidence.json"), join(outDir, "findings.json"));
  }
  if (formats.includes("md")) {
    await writeFile(join(outDir, "checklist.md"), renderChecklist(findings, evidence), "utf8");
    files.push(join(outDir, "checklist.md"));
  }
  return files;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, "utf8");
}
