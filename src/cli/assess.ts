// `exo-posture assess`: probe domains (and, later, a tenant) and write the reports.
import type { Command } from "commander";
import { join } from "node:path";
import { assess } from "../assess.js";
import { DEFAULT_RESOLVER } from "../dns/resolver-spec.js";
import { defaultRulesDir } from "../paths.js";
import { readTargets } from "../probe/targets.js";
import { renderSummary } from "../report/summary.js";
import { EXIT, UsageError } from "./exit.js";
import { collect, parseFailOn, parseFormats, positiveInt, reachesFailOn, timestampFolder } from "./options.js";

export function registerAssessCommand(program: Command): void {
  program
    .command("assess")
    .description("probe mail domains from the outside, judge them with the rule pack and write the reports")
    .option("-d, --domain <name>", "a domain to assess (repeatable)", collect, [])
    .option("--domains-file <path>", "a file with one domain per line; # starts a comment")
    .option("--resolver <spec>", "DNS resolver: system, an IP[:port] (1.1.1.1, 127.0.0.53:53, [::1]:53) or an https://…/dns-query URL", DEFAULT_RESOLVER)
    .option("--dns-timeout <ms>", "timeout of one DNS attempt, in milliseconds (one retry follows a timeout)", positiveInt("--dns-timeout"), 5000)
    .option("--ca-file <pem>", "an extra trusted CA certificate for HTTPS and SMTP checks (repeatable)", collect, [])
    .option("--dkim-selector <selector>", "a DKIM selector to check besides selector1/selector2 (repeatable)", collect, [])
    .option("--rules <dir>", "the rule pack folder", defaultRulesDir)
    .option("--config <yaml>", "your parameters, severity overrides and waivers")
    .option("--out <dir>", "output folder (default reports/<timestamp>)")
    .option("--format <list>", "report formats, comma-separated: json (evidence.json, findings.json), md (checklist.md)", parseFormats, parseFormats("json,md"))
    .option("--fail-on <list>", "exit 1 when a check fails at this severity or above (high, medium, low, info), or with error when any check could not be assessed; comma-separated")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      `
Examples:
  exo-posture assess --domain example.gov.uk
  exo-posture assess --domains-file domains.txt --resolver 1.1.1.1 --out reports/council --fail-on high
  exo-posture assess --domain example.test --resolver 127.0.0.53 --format json --out /tmp/x`,
    )
    .action(async (o: AssessCliOptions) => {
      const failOn = o.failOn ? parseFailOn(o.failOn) : undefined;
      const domains = await readTargets(o.domain, o.domainsFile);
      if (domains.length === 0) throw new UsageError("no domains to assess: give --domain or --domains-file");
      const result = await assess({
        domains,
        resolver: o.resolver,
        dnsTimeoutMs: o.dnsTimeout,
        caFiles: o.caFile,
        rulesDir: o.rules,
        configFile: o.config,
        outDir: o.out ?? join("reports", timestampFolder(new Date())),
        formats: o.format,
        dkimSelectors: o.dkimSelector,
      });
      if (!o.quiet) process.stdout.write(renderSummary(result.findings, result.evidence, result.files));
      process.exitCode = reachesFailOn(result.findings.findings, failOn) ? EXIT.threshold : EXIT.ok;
    });
}

interface AssessCliOptions {
  domain: string[];
  domainsFile?: string;
  resolver: string;
  dnsTimeout: number;
  caFile: string[];
  dkimSelector: string[];
  rules: string;
  config?: string;
  out?: string;
  format: ReturnType<typeof parseFormats>;
  failOn?: string;
  quiet?: boolean;
}
