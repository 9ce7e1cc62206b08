// Reading a findings.json to compare runs (`diff`, `assess --baseline`). Only what a comparison
// needs is required, so a findings file from an earlier version (before `assessment`, `control`)
// still compares; a file that lacks even that is refused with the path of its first bad field.
import { z } from "zod";
import { finding, type Findings, FINDINGS_FORMAT, FINDINGS_FORMAT_V1, findingsFileSchema, findingsSchema, fromFindingsFile } from "../evidence/findings.js";
import { InputError } from "./errors.js";
import { parseWith } from "./parse.js";
import { readJsonFile } from "./read-file.js";

export const comparableFindings = z.object({
  generatedAt: z.string(),
  evidenceCollectedAt: z.string(),
  /** The policy view, requirement by requirement (absent from files before it existed). */
  policies: z.array(z.object({
    id: z.string(),
    title: z.string(),
    requirements: z.array(z.object({ id: z.string(), text: z.string(), verdict: z.string() })),
  })).optional(),
  findings: z.array(finding.pick({ ruleId: true, title: true, subject: true, status: true, severity: true, message: true })),
});
export type ComparableFindings = z.infer<typeof comparableFindings>;

export async function readComparableFindings(path: string, what = "findings file"): Promise<ComparableFindings> {
  return parseWith(comparableFindings, withRuleFields(await readJsonFile(path, what)), `${what} ${path}`);
}

/**
 * findings.json of either format as the reports read it: version 2 (each rule's fields once, under
 * `rules`) expanded, version 1 as it is. A file of neither, or that fails its schema, is refused
 * with the path of its first bad field.
 */
export async function readFindingsFile(path: string, what = "findings file"): Promise<Findings> {
  const json = await readJsonFile(path, what);
  const format = json !== null && typeof json === "object" ? (json as { format?: unknown }).format : undefined;
  if (format === FINDINGS_FORMAT_V1) return { ...parseWith(findingsV1, json, `${what} ${path}`), format: FINDINGS_FORMAT };
  const file = parseWith(findingsFileSchema, json, `${what} ${path}`);
  const full = fromFindingsFile(file);
  if ("missingRule" in full) throw new InputError(`${what} ${path}: a finding names rule ${full.missingRule}, which its rules table does not hold`);
  return full;
}

const findingsV1 = findingsSchema.extend({ format: z.literal(FINDINGS_FORMAT_V1) });

/** A version 2 file's findings with their rule's title and severity back in (what a comparison reads). */
function withRuleFields(json: unknown): unknown {
  if (json === null || typeof json !== "object") return json;
  const { rules, findings } = json as { rules?: unknown; findings?: unknown };
  if (rules === null || typeof rules !== "object" || !Array.isArray(findings)) return json;
  return {
    ...(json as object),
    findings: findings.map((f) => {
      const rule = f !== null && typeof f === "object" ? (rules as Record<string, object>)[String((f as { ruleId?: unknown }).ruleId)] : undefined;
      return rule ? { ...rule, ...(f as object) } : f;
    }),
  };
}
