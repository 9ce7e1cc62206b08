// `exo-posture assess`: probe domains (and, later, a tenant) and write the reports.
import type { Command } from "commander";
import { join } from "node:path";
import { DEFAULT_RESOLVER } from "../dns/resolver-spec.js";
import type { CollectTenantOptions } from "../index.js";
import { defaultRulesDir } from "../paths.js";
import { DEFAULT_CONCURRENCY, DNS_PER_DOMAIN, MAX_HOST_CONCURRENCY } from "../probe/concurrency.js";
import { collect, FAIL_ON_HELP, formatOption, formatsHelp, parseDuration, parseFailOn, type parseFormats, positiveInt, quietIncomplete, runExitCode, timestampFolder } from "./options.js";
import { UsageError } from "./exit.js";
import { boundHeapGrowth } from "./heap.js";
import { interruptOnSignals } from "./interrupt.js";
import { progressLine, type ProgressLine, wantsProgressLine } from "./progress-line.js";
import type { ProgressListener, Shard } from "../index.js";
import { parseShard } from "../run/shard.js";

export function registerAssessCommand(program: Command): void {
  program
    .command("assess")
    .description("probe mail domains from the outside, judge them with the rule pack and write the reports")
    .option("-d, --domain <name>", "a domain to assess (repeatable)", collect, [])
    .option("--domains-file <path>", "a file with one domain per line; # starts a comment")
    .option("--resolver <spec>", "DNS resolver: system, an IP[:port] (1.1.1.1, 127.0.0.53:53, [::1]:53) or an https://…/dns-query URL", DEFAULT_RESOLVER)
    .option("--dns-timeout <ms>", "timeout of one DNS attempt, in milliseconds (one retry follows a timeout)", positiveInt("--dns-timeout"), 5000)
    .option("--smtp-timeout <ms>", "timeout of one SMTP step (connect, a reply, the TLS handshake), in milliseconds (default 5000, or --dns-timeout when longer)", positiveInt("--smtp-timeout"))
    .option("--concurrency <n>", `domains probed at once (MX hosts: at most ${MAX_HOST_CONCURRENCY} at once; DNS queries in flight: ${DNS_PER_DOMAIN} a domain)`, positiveInt("--concurrency"), DEFAULT_CONCURRENCY)
    .option("--max-mx-hosts <n>", "MX hosts probed per domain, most preferred first; the rest are reported as not probed (error), never as passed", positiveInt("--max-mx-hosts"), 10)
    .option("--shard <k/n>", "assess only shard k of n of the domain list (by a hash of each name, so every machine takes the same share whatever the list's order); exo-posture merge combines the n folders", parseShardOption)
    .option("--deadline <duration>", "time limit for the whole run (90s, 15m, 2h): what finished is reported, the rest is error with RUN_DEADLINE", parseDuration("--deadline"))
    .option("--allow-private", "connect to MX and MTA-STS hosts that resolve to private, loopback or link-local addresses (off by default: a hostile domain must not reach your own network)")
    .option("--ca-file <pem>", "an extra trusted CA certificate for HTTPS and SMTP checks and for Microsoft sign-in, Graph and Exchange (repeatable)", collect, [])
    .option("--dkim-selector <selector>", "a DKIM selector to check besides selector1/selector2 (repeatable)", collect, [])
    .option("--message <file.eml>", "a sample message whose ARC chain and DKIM signatures are verified (repeatable)", collect, [])
    .option("--data <file>", "an extra gateway / encrypted-portal catalogue file, added to rules/data (repeatable)", collect, [])
    .option("--tenant [id]", "collect this Microsoft 365 tenant (GUID or verified domain) and probe its accepted domains; without a value, AZURE_TENANT_ID")
    .option("--client-id <id>", "the app registration's client id (default AZURE_CLIENT_ID)")
    .option("--certificate <pem>", "PEM file with the app's certificate and private key (default AZURE_CLIENT_CERTIFICATE_PATH); a client secret is read only from AZURE_CLIENT_SECRET")
    .option("--device-code", "sign in as yourself (delegated, e.g. Global Reader) with a device code printed to stderr")
    .option("--cloud <name>", "Microsoft cloud: global, gcc, gcchigh, dod, china", "global")
    .option("--cloud-endpoints <json>", "a JSON file of custom endpoints (login authority metadata, Graph, Exchange)")
    .option("--cloud-timeout <ms>", "how long one sign-in, Graph or Exchange Online request may wait for an answer, in milliseconds", positiveInt("--cloud-timeout"), 30000)
    .option("--tenant-bundle <file>", "read the tenant from a bundle written by scripts/Export-ExoPosture.ps1 instead of signing in")
    .option("--rules <dir>", "the rule pack folder", defaultRulesDir)
    .option("--config <yaml>", "your parameters, severity overrides and waivers")
    .option("--out <dir>", "output folder (default reports/<timestamp>)")
    .addOption(formatOption())
    .option("--baseline <findings.json>", "an earlier run's findings.json: the reports and the summary say what changed since")
    .option("--fail-on <list>", FAIL_ON_HELP)
    .option("-q, --quiet", "print nothing but errors, and one line when checks could not be assessed")
    .option("-v, --verbose", "log each step of the run and each domain as it is done, on stderr")
    .addHelpText(
      "after",
      `${formatsHelp()}

Examples:
  exo-posture assess --domain example.gov.uk
  exo-posture assess --domains-file domains.txt --resolver 1.1.1.1 --out reports/council --fail-on high
  exo-posture assess --domain example.test --resolver 127.0.0.53 --format json,csv --out /tmp/x
  exo-posture assess --domain example.gov.uk --message sample.eml --data our-gateways.yaml
  exo-posture assess --tenant contoso.onmicrosoft.com --client-id 00000000-0000-0000-0000-000000000000 --certificate app.pem
  AZURE_TENANT_ID=… AZURE_CLIENT_ID=… AZURE_CLIENT_SECRET=… exo-posture assess --tenant
  exo-posture assess --tenant-bundle contoso-bundle.json --domain extra.example.gov.uk
  exo-posture assess --domains-file sector.txt --shard 2/8 --out shards/2   (then: exo-posture merge shards/* --out all)`,
    )
    .action(async (o: AssessCliOptions) => {
      boundHeapGrowth();
      // Loaded when the command runs, so `--help` stays fast (the run pulls in every probe and client).
      const [{ assess }, { summaryOf }] = await Promise.all([import("../assess.js"), import("../report/summary.js")]);
      const failOn = o.failOn ? parseFailOn(o.failOn) : undefined;
      const tenantCollect = tenantOptions(o);
      const line = wantsProgressLine(process.stderr, o.quiet === true) ? progressLine(process.stderr) : null;
      const log = (m: string) => (line ? line.log(`exo-posture: ${m}`) : process.stderr.write(`exo-posture: ${m}\n`));
      const interrupt = interruptOnSignals(log);
      let result: Awaited<ReturnType<typeof assess>>;
      try {
        result = await assess({
          domains: o.domain,
          ...(o.domainsFile !== undefined ? { domainsFile: o.domainsFile } : {}),
          resolver: o.resolver,
          dnsTimeoutMs: o.dnsTimeout,
          ...(o.smtpTimeout !== undefined ? { smtpTimeoutMs: o.smtpTimeout } : {}),
          allowPrivate: o.allowPrivate === true,
          maxMxHosts: o.maxMxHosts,
          concurrency: o.concurrency,
          ...(o.deadline !== undefined ? { deadlineMs: o.deadline } : {}),
          ...(o.shard !== undefined ? { shard: o.shard } : {}),
          caFiles: o.caFile,
          rulesDir: o.rules,
          ...(o.config !== undefined ? { configFile: o.config } : {}),
          outDir: o.out ?? join("reports", timestampFolder(new Date())),
          formats: o.format,
          ...(o.baseline !== undefined ? { baselineFile: o.baseline } : {}),
          dkimSelectors: o.dkimSelector,
          dataFiles: o.data,
          messageFiles: o.message,
          ...(tenantCollect ? { tenantCollect } : {}),
          log,
          signal: interrupt.signal,
          ...(line || o.verbose ? { progress: progressOf(line, o.verbose === true, log) } : {}),
        });
      } finally {
        line?.clear();
        interrupt.stop();
      }
      // Read through the view: a run of thousands of domains is never held whole to print its summary.
      if (!o.quiet) process.stdout.write(summaryOf(result.view, result.rules.pack, result.files, result.changes ? { changes: result.changes } : {}));
      else process.stderr.write(quietIncomplete(result.view.findings, result.files));
      process.exitCode = interrupt.exitCode ?? runExitCode(result.view.allFindings(), failOn, result.reportFailures);
      result.dispose();
    });
}

/** The live line's updates, and with --verbose each step and each domain as a line of its own. */
function progressOf(line: ProgressLine | null, verbose: boolean, log: (m: string) => void): ProgressListener {
  return (e) => {
    if (e.kind === "step") {
      if (verbose) log(e.message);
      return;
    }
    if (verbose) log(`${e.name}: done (${e.done} of ${e.total})${e.hadUnknown ? ", with something that could not be found out" : ""}`);
    line?.update(e);
  };
}

/** The tenant is collected when any tenant option is given; otherwise the run is domains only. */
function tenantOptions(o: AssessCliOptions): CollectTenantOptions | undefined {
  const wanted = o.tenant !== undefined || o.clientId !== undefined || o.certificate !== undefined || o.deviceCode || o.tenantBundle !== undefined || o.cloudEndpoints !== undefined;
  if (!wanted) return undefined;
  return {
    ...(typeof o.tenant === "string" ? { tenantId: o.tenant } : {}),
    ...(o.clientId !== undefined ? { clientId: o.clientId } : {}),
    ...(o.certificate !== undefined ? { certificate: o.certificate } : {}),
    ...(o.deviceCode ? { deviceCode: true } : {}),
    ...(o.tenantBundle !== undefined ? { bundle: o.tenantBundle } : {}),
    ...(o.cloudEndpoints !== undefined ? { cloudEndpoints: o.cloudEndpoints } : { cloud: o.cloud }),
    timeoutMs: o.cloudTimeout,
  };
}

interface AssessCliOptions {
  tenant?: string | true;
  clientId?: string;
  certificate?: string;
  deviceCode?: boolean;
  cloud: string;
  cloudEndpoints?: string;
  cloudTimeout: number;
  tenantBundle?: string;
  domain: string[];
  domainsFile?: string;
  resolver: string;
  dnsTimeout: number;
  smtpTimeout?: number;
  allowPrivate?: boolean;
  maxMxHosts: number;
  concurrency: number;
  deadline?: number;
  shard?: Shard;
  caFile: string[];
  dkimSelector: string[];
  message: string[];
  data: string[];
  rules: string;
  config?: string;
  out?: string;
  format: ReturnType<typeof parseFormats>;
  baseline?: string;
  failOn?: string;
  quiet?: boolean;
  verbose?: boolean;
}

/** --shard k/n; anything else is a usage error (exit 2) saying what k/n is. */
function parseShardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
