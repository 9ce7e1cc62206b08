// The JSON Schemas of evidence.json and findings.json, for users' own tooling (`exo-posture schema`).
import { z } from "zod";
import { evidenceSchema } from "./evidence.js";
import { findingsSchema } from "./findings.js";

const SCHEMAS = { evidence: evidenceSchema, findings: findingsSchema } as const;
export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

/** `io: "input"`: the schema of the file as written, before defaults are applied on reading. */
export function jsonSchemaOf(which: SchemaName): Record<string, unknown> {
  const json = z.toJSONSchema(SCHEMAS[which], { io: "input", unrepresentable: "any" });
  return { title: `exo-posture ${which}`, ...json };
}
