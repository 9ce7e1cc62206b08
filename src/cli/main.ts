#!/usr/bin/env node
// The exo-posture command. Each subcommand lives in its own file; this one only assembles them
// and turns errors into exit codes.
import { Command, CommanderError } from "commander";
import { scrubSecrets } from "../text/secrets.js";
import { visibleControls } from "../text/visible.js";
import { TOOL } from "../version.js";
import { registerAssessCommand } from "./assess.js";
import { registerDemoCommand } from "./demo.js";
import { registerDiffCommand } from "./diff.js";
import { registerEvaluateCommand } from "./evaluate.js";
import { registerMergeCommand } from "./merge.js";
import { EXIT, reportError } from "./exit.js";
import { registerRulesCommand } from "./rules.js";
import { registerSchemaCommand } from "./schema.js";
import { registerSpfCommand } from "./spf.js";
import { filterWrites } from "./terminal.js";

export function buildProgram(): Command {
  const program = new Command("exo-posture")
    .description("Email security posture of Microsoft 365 tenants and mail domains, judged by an NCSC-modelled rule pack")
    .version(TOOL.version)
    .showHelpAfterError()
    .addHelpText(
      "after",
      `
Exit codes: 0 done; 1 done and a finding reached --fail-on; 2 bad usage or bad input; 3 the run failed;
130 interrupted (Ctrl-C; 143 SIGTERM): the reports of what finished are written.

Examples:
  exo-posture demo
  exo-posture assess --domain example.gov.uk --fail-on high
  exo-posture rules show dmarc.policy`,
    );
  registerAssessCommand(program);
  registerEvaluateCommand(program);
  registerMergeCommand(program);
  registerDiffCommand(program);
  registerRulesCommand(program);
  registerSchemaCommand(program);
  registerSpfCommand(program);
  registerDemoCommand(program);
  // Usage errors from commander exit 2, not commander's default 1 (which means --fail-on here).
  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  for (const c of program.commands.flatMap((c) => c.commands)) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with "errors" whose exit code is 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(err);
  }
}

// Everything the command prints passes one filter: no secret of this run or in a token's shape,
// and no control character from outside (an ESC in a connector name, a TXT record or a server's
// reply would drive the terminal): shown as \xNN (src/text/visible.ts, src/text/secrets.ts).
// The progress line's own control sequences go past it (src/cli/terminal.ts).
for (const stream of [process.stdout, process.stderr]) filterWrites(stream, (text) => visibleControls(scrubSecrets(text)));

// A reader that stops early (`exo-posture schema evidence | head -1`) closes the pipe: that is not
// an error of ours. Stop quietly with what was wanted already delivered, instead of an EPIPE trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : EXIT.ok);
    throw err;
  });
}

process.exitCode = await main(process.argv);
