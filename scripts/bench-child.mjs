// One `assess` of the benchmark's world, in its own process so its memory and CPU are its own. The
// world's servers run in the parent (scripts/bench.mjs); every MX address is routed to the one
// STARTTLS server and every MTA-STS fetch to the one policy server, as the sandbox does. Prints one
// line of JSON: the figures the parent reports.
import { readFileSync } from "node:fs";
import { assess } from "../dist/src/index.js";
import { boundHeapGrowth } from "../dist/src/cli/heap.js";

// As the CLI's assess does (src/cli/heap.ts): the figures are the command's.
boundHeapGrowth();

const c = JSON.parse(process.env.EXO_POSTURE_BENCH ?? "{}");
const result = await assess({
  domainsFile: c.domainsFile,
  resolver: c.resolver,
  caFiles: [c.caFile],
  allowPrivate: true,
  outDir: c.outDir,
  formats: c.formats,
  ...(c.concurrency ? { concurrency: c.concurrency } : {}),
  ...(c.threads !== undefined ? { threads: c.threads } : {}),
  context: { smtpEndpoint: () => ({ host: "127.0.0.1", port: c.smtpPort }), httpsPort: c.httpsPort },
});
result.dispose();
const usage = process.resourceUsage();
console.log(JSON.stringify({
  maxRssKiB: peakRssKiB() ?? usage.maxRSS,
  userMs: usage.userCPUTime / 1000,
  systemMs: usage.systemCPUTime / 1000,
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  // Through the view: the run's evidence and findings are on disk, and reading them whole here would
  // measure the caller, not the run.
  findings: result.view.findings.summary.total,
  dnsSent: result.view.evidence.stats?.dnsSent ?? null,
  incomplete: result.view.findings.assessment.couldNotAssess,
}));

/**
 * This process's own peak RSS (VmHWM). getrusage's maxRSS is not that on Linux: exec keeps the high
 * water mark of the image it replaced, here the parent's fork, which holds the whole world (25,000
 * TLS contexts at 50,000 domains: 966 MB reported for a run that peaked at 618).
 */
function peakRssKiB() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
