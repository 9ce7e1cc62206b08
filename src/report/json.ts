// The two machine-readable files: the evidence (what was seen) and the findings (what the rules
// concluded), each versioned by its `format` field and described by `exo-posture schema`.
import { defineFormat } from "./format.js";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const jsonFormat = defineFormat({
  id: "json",
  files: ["evidence.json", "findings.json"],
  description: "evidence.json and findings.json: what was seen and what the rules concluded",
  render: ({ evidence, findings }) => ({ "evidence.json": json(evidence), "findings.json": json(findings) }),
});
