// The two machine-readable files: the evidence (what was seen) and the findings (what the rules
// concluded), each versioned by its `format` field and described by `exo-posture schema`.
import { toFindingsFile } from "../evidence/findings.js";
import { defineFormat } from "./format.js";
import { jsonFile } from "./json-chunks.js";

export const jsonFormat = defineFormat({
  id: "json",
  files: ["evidence.json", "findings.json"],
  description: "evidence.json and findings.json: what was seen and what the rules concluded",
  // Written in pieces (src/report/json-chunks.ts): a file of any size, never one giant string.
  // findings.json holds each rule's fields once (format 2, src/evidence/findings.ts).
  render: ({ evidence, findings }) => ({ "evidence.json": jsonFile(evidence), "findings.json": jsonFile(toFindingsFile(findings)) }),
});
