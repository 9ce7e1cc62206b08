// Reading a findings.json to compare runs (`diff`, `assess --baseline`). Only what a comparison
// needs is required, so a findings file from an earlier version (before `assessment`, `control`)
// still compares; a file that lacks even that is refused with the path of its first bad field.
import { z } from "zod";
import { finding } from "../evidence/findings.js";
import { parseWith } from "./parse.js";
import { readJsonFile } from "./read-file.js";

export const comparableFindings = z.object({
  generatedAt: z.string(),
  evidenceCollectedAt: z.string(),
  findings: z.array(finding.pick({ ruleId: true, title: true, subject: true, status: true, severity: true, message: true })),
});
export type ComparableFindings = z.infer<typeof comparableFindings>;

export async function readComparableFindings(path: string, what = "findings file"): Promise<ComparableFindings> {
  return parseWith(comparableFindings, await readJsonFile(path, what), `${what} ${path}`);
}
