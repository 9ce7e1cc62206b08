// findings.json as the reports read it: the file holds each rule's fields once (format 2), and the
// tests read every finding with its rule's title, severity, control, references and crosswalk.
import { readFileSync } from "node:fs";
import { type Findings, findingsFileSchema, fromFindingsFile } from "../../src/evidence/findings.js";

export function readFindings(path: string): Findings {
  const full = fromFindingsFile(findingsFileSchema.parse(JSON.parse(readFileSync(path, "utf8"))));
  if ("missingRule" in full) throw new Error(`${path}: no rule ${full.missingRule} in its rules table`);
  return full;
}
