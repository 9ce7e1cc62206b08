// `exo-posture diff`: what changed between two runs' findings.json.
import type { Command } from "commander";
import { EXIT } from "./exit.js";
import { parseFailOn } from "./options.js";

export function registerDiffCommand(program: Command): void {
  program
    .command("diff")
    .description("what changed between two runs: new, fixed and changed findings (matched by rule id and subject)")
    .argument("<old>", "the earlier run's findings.json")
    .argument("<new>", "the later run's findings.json")
    .option("--json", "print the comparison as JSON")
    .option("--fail-on <list>", "exit 1 when a new finding reaches this severity (high, medium, low, info); comma-separated")
    .addHelpText(
      "after",
      `
A finding is new when it fails or warns now and did not before; fixed when it failed or warned and
now passes (or no longer applies); changed when its status or severity moved otherwise. A finding
whose domain was not assessed this time, or whose rule left the pack, is listed as such: not fixed.

Examples:
  exo-posture diff reports/2026-06/findings.json reports/2026-12/findings.json
  exo-posture diff old/findings.json new/findings.json --json --fail-on high`,
    )
    .action(async (oldFile: string, newFile: string, o: { json?: boolean; failOn?: string }) => {
      const [{ diffFindings, renderDiff, newReaches }, { readComparableFindings }] = await Promise.all([import("../report/diff.js"), import("../input/findings-file.js")]);
      const failOn = o.failOn ? parseFailOn(o.failOn) : undefined;
      const [before, after] = await Promise.all([readComparableFindings(oldFile, "old findings file"), readComparableFindings(newFile, "new findings file")]);
      const diff = diffFindings(before, after);
      process.stdout.write(o.json ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff));
      process.exitCode = failOn && newReaches(diff, failOn.severities) ? EXIT.threshold : EXIT.ok;
    });
}
