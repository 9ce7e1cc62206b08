// `exo-posture evaluate`: re-run a rule pack over a saved evidence file, offline.
import type { Command } from "commander";
import { defaultRulesDir } from "../paths.js";
import { judgingOptions, parseFailOn, type parseFormats, quietIncomplete, reportOptions, runExitCode } from "./options.js";
import { boundHeapGrowth } from "./heap.js";

export function registerEvaluateCommand(program: Command): void {
  reportOptions(judgingOptions(program
    .command("evaluate")
    .description("re-run a rule pack over a saved evidence file, offline (no network)")
    .requiredOption("--evidence <file>", "an evidence.json written by assess"), defaultRulesDir)
    .option("--out <dir>", "output folder (default: a folder 'evaluated' beside the evidence file)")
    .option("--baseline <findings.json>", "an earlier run's findings.json: the reports and the summary say what changed since"), [
    "exo-posture evaluate --evidence reports/demo/evidence.json",
    "exo-posture evaluate --evidence old/evidence.json --rules ./my-pack --config waivers.yaml --out /tmp/re",
  ])
    .action(async (o: { evidence: string; rules: string; config?: string; data: string[]; out?: string; format: ReturnType<typeof parseFormats>; baseline?: string; failOn?: string; quiet?: boolean }) => {
      boundHeapGrowth();
      const [{ evaluateFile }, { renderSummary }] = await Promise.all([import("../evaluate.js"), import("../report/summary.js")]);
      const failOn = o.failOn ? parseFailOn(o.failOn) : undefined;
      const { evidence, findings, files, rules, changes, reportFailures } = await evaluateFile({
        evidenceFile: o.evidence,
        rulesDir: o.rules,
        ...(o.config !== undefined ? { configFile: o.config } : {}),
        dataFiles: o.data,
        ...(o.out !== undefined ? { outDir: o.out } : {}),
        formats: o.format,
        ...(o.baseline !== undefined ? { baselineFile: o.baseline } : {}),
      });
      if (!o.quiet) process.stdout.write(renderSummary(findings, evidence, rules.pack, files, changes ? { changes } : {}));
      else process.stderr.write(quietIncomplete(findings, files));
      process.exitCode = runExitCode(findings.findings, failOn, reportFailures);
    });
}
