// The two machine-readable files: the evidence (what was seen) and the findings (what the rules
// concluded), each versioned by its `format` field and described by `exo-posture schema`.
import type { FindingsFile } from "../evidence/findings.js";
import type { Render } from "./format.js";
import { jsonFile, JsonList } from "./json-chunks.js";
import type { ReportInput } from "./view.js";

/**
 * Written in pieces (src/report/json-chunks.ts): a file of any size, never one giant string.
 * findings.json holds each rule's fields once (format 2, src/evidence/findings.ts).
 */
export const render: Render = (input) => ({ "evidence.json": jsonFile(input.evidence), "findings.json": jsonFile(findingsFile(input)) });

/**
 * findings.json as toFindingsFile makes it (src/evidence/findings.ts), read from the view: one pass
 * for the rules table, a second writes the findings one at a time.
 */
function findingsFile(input: ReportInput): Omit<FindingsFile, "findings"> & { findings: JsonList } {
  const rules: FindingsFile["rules"] = {};
  for (const { ruleId, title, severity, control, references, crosswalk } of input.allFindings()) {
    rules[ruleId] ??= { title, severity, control, references, ...(crosswalk ? { crosswalk } : {}) };
  }
  return {
    ...input.findings,
    rules,
    findings: new JsonList(function* () {
      for (const { title: _t, severity: _s, control: _c, references: _r, crosswalk: _w, remediation, ...rest } of input.allFindings()) {
        yield { ...rest, ...(remediation ? { remediation } : {}) };
      }
    }),
  };
}
