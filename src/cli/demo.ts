// `exo-posture demo`: the real assess pipeline against the built-in sample world on loopback.
import type { Command } from "commander";
import { defaultRulesDir } from "../paths.js";
import { runExitCode } from "./options.js";
import { boundHeapGrowth } from "./heap.js";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("assess the built-in sample world (DNS, SMTP, HTTPS and a sandbox Microsoft cloud, all on 127.0.0.1) and write reports/demo")
    .option("--out <dir>", "output folder", "reports/demo")
    .option("--tenant-bundle <file>", "take the tenant from a bundle of scripts/Export-ExoPosture.ps1 instead of the sandbox cloud (try examples/contoso-county-bundle.json)")
    .addHelpText("after", "\nExamples:\n  exo-posture demo && less reports/demo/checklist.md\n  exo-posture demo --tenant-bundle examples/contoso-county-bundle.json")
    .action(async (o: { out: string; tenantBundle?: string }) => {
      boundHeapGrowth();
      // The sample world is the library's sandbox (exo-posture/sandbox); the run is the library's assess.
      const [{ assess }, { readBundle }, { summaryOf }, { startSampleWorld }] = await Promise.all([import("../assess.js"), import("../collect/index.js"), import("../report/summary.js"), import("../sandbox/demo.js")]);
      const started = Date.now();
      // A bundle that cannot be read is one line and exit 2 before anything starts.
      if (o.tenantBundle !== undefined) await readBundle(o.tenantBundle);
      const world = await startSampleWorld();
      try {
        const tenantFrom = o.tenantBundle !== undefined ? `the tenant bundle ${o.tenantBundle}` : 'a sandbox Microsoft cloud with the tenant "Contoso County Council"';
        process.stdout.write(`Sample world on 127.0.0.1: DNS at ${world.resolver}, SMTP and HTTPS servers, and ${tenantFrom}.\nAssessing the tenant and ${world.domains.length} sample domains.\n\n`);
        const result = await assess({
          domains: world.domains,
          resolver: world.resolver,
          dnsTimeoutMs: 2000,
          rulesDir: defaultRulesDir,
          outDir: o.out,
          tenantCollect: o.tenantBundle !== undefined ? { bundle: o.tenantBundle } : world.tenant,
          messageFiles: world.messages,
          // The sample world is on 127.0.0.1 by design.
          allowPrivate: true,
          // Loopback servers answer at once; a short step timeout keeps the stalling ones quick.
          context: { ...world.context, ca: world.ca, timeoutMs: 1500 },
        });
        process.stdout.write(summaryOf(result.view, result.rules.pack, result.files));
        process.stdout.write(`\nDemo done in ${Date.now() - started} ms; ${world.dnsQueries()} DNS queries reached the sample world's server.\n`);
        // A report that could not be written fails the demo too (one line each on stderr).
        process.exitCode = runExitCode([], undefined, result.reportFailures);
        result.dispose();
      } finally {
        await world.close();
      }
    });
}
