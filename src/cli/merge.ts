// `exo-posture merge`: the shards of one domain list (assess --shard k/n) as one set of reports.
import type { Command } from "commander";
import { defaultRulesDir } from "../paths.js";
import { judgingOptions, parseFailOn, type parseFormats, quietIncomplete, reportOptions, runExitCode } from "./options.js";
import { boundHeapGrowth } from "./heap.js";

export function registerMergeCommand(program: Command): void {
  reportOptions(judgingOptions(program
    .command("merge")
    .description("combine the output folders of a domain list's shards (assess --shard k/n) into one set of reports, judged again offline")
    .argument("<dir...>", "the shards' output folders, every shard of the split once")
    .requiredOption("--out <dir>", "output folder of the merged reports"), defaultRulesDir), [
    "for k in 1 2 3; do exo-posture assess --domains-file all.txt --shard $k/3 --out shards/$k; done",
    "exo-posture merge shards/1 shards/2 shards/3 --out merged",
  ])
    .action(async (dirs: string[], o: { out: string; rules: string; config?: string; data: string[]; format: ReturnType<typeof parseFormats>; failOn?: string; quiet?: boolean }) => {
      boundHeapGrowth();
      const [{ mergeRuns }, { renderSummary }] = await Promise.all([import("../merge.js"), import("../report/summary.js")]);
      const failOn = o.failOn ? parseFailOn(o.failOn) : undefined;
      const { evidence, findings, files, rules, disagreements, reportFailures } = await mergeRuns({
        dirs,
        outDir: o.out,
        rulesDir: o.rules,
        ...(o.config !== undefined ? { configFile: o.config } : {}),
        dataFiles: o.data,
        formats: o.format,
      });
      for (const d of disagreements) process.stderr.write(`exo-posture: ${d}\n`);
      if (!o.quiet) process.stdout.write(renderSummary(findings, evidence, rules.pack, files));
      else process.stderr.write(quietIncomplete(findings, files));
      process.exitCode = runExitCode(findings.findings, failOn, reportFailures);
    });
}
