// `exo-posture schema evidence|findings`: the JSON Schemas of the two files, for users' own tooling.
import type { Command } from "commander";
import { UsageError } from "./exit.js";

export function registerSchemaCommand(program: Command): void {
  program
    .command("schema <which>")
    .description("print the JSON Schema of evidence.json or findings.json")
    .addHelpText("after", "\nExamples:\n  exo-posture schema evidence > evidence.schema.json\n  exo-posture schema findings")
    .action(async (which: string) => {
      const { jsonSchemaOf, SCHEMA_NAMES } = await import("../evidence/json-schema.js");
      const name = SCHEMA_NAMES.find((n) => n === which);
      if (!name) throw new UsageError(`schema: choose ${SCHEMA_NAMES.join(" or ")} (got ${which})`);
      process.stdout.write(`${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`);
    });
}
