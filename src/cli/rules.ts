// `exo-posture rules list|show|validate`: the rule pack for people.
import type { Command } from "commander";
import { defaultRulesDir } from "../paths.js";
import { EXIT, UsageError } from "./exit.js";

export function registerRulesCommand(program: Command): void {
  const rules = program.command("rules").description("list, show and validate rule packs");
  rules
    .command("list")
    .description("list the rules of a pack")
    .option("--rules <dir>", "the rule pack folder", defaultRulesDir)
    .addHelpText("after", "\nExample:\n  exo-posture rules list")
    .action(async (o: { rules: string }) => {
      const { loadPack } = await import("../rules/pack.js");
      const pack = loadPack(o.rules);
      const width = Math.max(...pack.rules.map((r) => r.meta.id.length));
      for (const r of pack.rules) process.stdout.write(`${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(6)}  ${r.meta.scope.padEnd(9)}  ${r.meta.title}\n`);
    });
  rules
    .command("show <id>")
    .description("print one rule as a readable page: what it checks, why, how to fix, references")
    .option("--rules <dir>", "the rule pack folder", defaultRulesDir)
    .option("--cel", "also print the CEL conditions and raw templates (for rule authors)")
    .addHelpText("after", "\nExamples:\n  exo-posture rules show dmarc.policy\n  exo-posture rules show gateway.enhanced-filtering --cel")
    .action(async (id: string, o: { rules: string; cel?: boolean }) => {
      const [{ loadPack }, { renderRulePage }] = await Promise.all([import("../rules/pack.js"), import("../rules/page.js")]);
      const pack = loadPack(o.rules);
      const rule = pack.rules.find((r) => r.meta.id === id);
      if (!rule) throw new UsageError(`no rule ${id} in ${o.rules}; see exo-posture rules list`);
      process.stdout.write(renderRulePage(rule, pack, { cel: o.cel === true }));
    });
  rules
    .command("validate [dir]")
    .description("load a pack (schema, CEL, ids) and run every rule's examples")
    .addHelpText("after", "\nExamples:\n  exo-posture rules validate\n  exo-posture rules validate ./my-pack")
    .action(async (dir: string | undefined) => {
      const [{ loadPack }, { coverageProblems, runExamples }, { exampleEvidenceProblems }] = await Promise.all([import("../rules/pack.js"), import("../rules/examples.js"), import("../rules/example-evidence.js")]);
      const pack = loadPack(dir ?? defaultRulesDir);
      let bad = 0;
      for (const rule of pack.rules) {
        const problems = [...coverageProblems(rule), ...exampleEvidenceProblems(pack, rule), ...runExamples(pack, rule).filter((r) => !r.ok).map((r) => `${r.file}: example "${r.name}" expected ${r.expected} but got ${r.actual}: ${r.message}`)];
        bad += problems.length;
        for (const p of problems) process.stderr.write(`${p}\n`);
      }
      const examples = pack.rules.reduce((n, r) => n + r.meta.examples.length, 0);
      process.stdout.write(`${pack.meta.name} ${pack.meta.version}: ${pack.rules.length} rules, ${examples} examples, ${bad} problem(s)\n`);
      process.exitCode = bad > 0 ? EXIT.usage : EXIT.ok;
    });
}
