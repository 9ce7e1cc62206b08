// `exo-posture evaluate`: re-run a rule pack over a saved evidence file, offline.
import type { Command } from "commander";
import { dirname, join } from "node:path";
import { defaultRulesDir } from "../paths.js";
import { EXIT } from "./exit.js";
import { parseFailOn, parseFormats, reachesFailOn } from "./options.js";

export function registerEvaluateCommand(program: Command): void {
  program
    .command("evaluate")
    .description("re-run a rule pack over a saved evidence file, offline (no network)")
    .requiredOption("--evidence <file>", "an evidence.json written by assess")
    .option("--rules <dir>", "the rule pack folder", defaultRulesDir)
    .option("--config <yaml>", "your parameters, severity overrides and waivers")
    .option("--data <file>", "an extra gateway / encrypted-portal catalogue file (repeatable)", (v: string, p: string[] = []) => [...p, v], [])
    .option("--out <dir>", "output folder (default: a folder 'evaluated' beside the evidence file)")
    .option("--format <list>", "report formats, comma-separated: json, md", parseFormats, parseFormats("json,md"))
    .option("--fail-on <list>", "as for assess: a severity, or error")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      `
Examples:
  exo-posture evaluate --evidence reports/demo/evidence.json
  exo-posture evaluate --evidence old/evidence.json --rules ./my-pack --config waivers.yaml --out /tmp/re`,
    )
    .action(async (o: { evidence: string; rules: string; config?: string; data: string[]; out?: string; format: ReturnType<typeof parseFormats>; failOn?: string; quiet?: boolean }) => {
      const [{ loadData }, { withDataParameters }, { readEvidence }, { renderSummary }, { writeReports }, { EMPTY_CONFIG, loadConfig }, { evaluate }, { loadPack }] = await Promise.all([
        import("../data/load.js"), import("../data/parameters.js"), import("../evidence/io.js"), import("../report/summary.js"),
        import("../report/write.js"), import("../rules/config.js"), import("../rules/evaluate.js"), import("../rules/pack.js"),
      ]);
      const failOn = o.failOn ? parseFailOn(o.failOn) : undefined;
      const pack = loadPack(o.rules);
      const config = o.config ? loadConfig(o.config, pack) : EMPTY_CONFIG;
      const evidence = await readEvidence(o.evidence);
      const findings = evaluate(pack, evidence, withDataParameters(config, loadData(o.data)));
      const files = await writeReports(o.out ?? join(dirname(o.evidence), "evaluated"), o.format, evidence, findings);
      if (!o.quiet) process.stdout.write(renderSummary(findings, evidence, pack, files));
      process.exitCode = reachesFailOn(findings.findings, failOn) ? EXIT.threshold : EXIT.ok;
    });
}
