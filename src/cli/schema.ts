// `exo-posture schema evidence|findings`: the JSON Schemas of the two files, for users' tooling.
import type { Command } from "commander";
import { z } from "zod";
import { evidenceSchema } from "../evidence/evidence.js";
import { findingsSchema } from "../evidence/findings.js";
import { UsageError } from "./exit.js";

const SCHEMAS = { evidence: evidenceSchema, findings: findingsSchema } as const;

export function registerSchemaCommand(program: Command): void {
  program
    .command("schema <which>")
    .description("print the JSON Schema of evidence.json or findings.json")
    .addHelpText("after", "\nExamples:\n  exo-posture schema evidence > evidence.schema.json\n  exo-posture schema findings")
    .action((which: string) => {
      const schema = SCHEMAS[which as keyof typeof SCHEMAS];
      if (!schema) throw new UsageError(`schema: choose evidence or findings (got ${which})`);
      const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
      process.stdout.write(`${JSON.stringify({ title: `exo-posture ${which}`, ...json }, null, 2)}\n`);
    });
}
