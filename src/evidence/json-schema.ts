// The JSON Schemas of evidence.json and findings.json, for users' own tooling (`exo-posture schema`).
import { z } from "zod";
import { evidenceSchema } from "./evidence.js";
import { findingsFileSchema } from "./findings.js";

// findings.json as written (format 2: each rule's fields once, under `rules`).
const SCHEMAS = { evidence: evidenceSchema, findings: findingsFileSchema } as const;
export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

/** `io: "input"`: the schema of the file as written, before defaults are applied on reading. */
export function jsonSchemaOf(which: SchemaName): Record<string, unknown> {
  const json = z.toJSONSchema(SCHEMAS[which], { io: "input", unrepresentable: "any" });
  return { title: `exo-posture ${which}`, ...json };
}
