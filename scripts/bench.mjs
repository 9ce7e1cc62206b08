#!/usr/bin/env node
// Benchmark: a sector-wide run on one machine. Builds a synthetic world on loopback — N domains
// (default 10,000) under a DNS server that answers every query late (default 20 ms, as a distant
// resolver would), sharing 40 MX hosts two a domain, half of them with MTA-STS (policy served over
// HTTPS by SNI, certificates from a test CA) and TLS-RPT, every MX host answering STARTTLS — then
// runs `assess` on it in a child process and prints what it cost: wall time, domains per second,
// DNS queries per domain (counted at the server) against the world's minimum, the child's peak RSS
// and CPU time; then how long `exo-posture --help` takes against a bare node.
//   npm run bench [-- --domains 10000 --delay 20 --runs 3 --concurrency 64 --formats json,md --one-thread]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startDnsServer } from "../dist/src/sandbox/dns/server.js";
import { BENCH_GATEWAY, BENCH_POLICY, benchWorld } from "../dist/src/sandbox/world/bench.js";
import { createTestCa } from "../dist/src/sandbox/pki.js";
import { startSmtpServer } from "../dist/src/sandbox/smtp/server.js";
import { startPolicyServer } from "./bench-policy-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    domains: { type: "string", default: "10000" },
    delay: { type: "string", default: "20" },
    "mx-hosts": { type: "string", default: "40" },
    runs: { type: "string", default: "1" },
    concurrency: { type: "string" },
    formats: { type: "string", default: "json,md,csv,html" },
    keep: { type: "boolean", default: false },
    "by-kind": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    // One thread only (assess option threads: false): what the second thread costs and gains.
    "one-thread": { type: "boolean", default: false },
  },
});
const N = Number(args.domains);
const DELAY = Number(args.delay);
const HOSTS = Number(args["mx-hosts"]);
const RUNS = Number(args.runs);
if (![N, DELAY, HOSTS, RUNS].every((n) => Number.isInteger(n) && n >= 0) || N === 0 || HOSTS === 0 || RUNS === 0) {
  console.error("bench: --domains, --delay, --mx-hosts and --runs take whole numbers (domains, hosts and runs at least 1)");
  process.exit(2);
}

const world = benchWorld(N, HOSTS);
const { zones, minimumQueries: minimum } = world;

const ca = await createTestCa("exo-posture bench CA");
const dir = mkdtempSync(join(tmpdir(), "exo-posture-bench-"));
const caFile = join(dir, "ca.pem");
writeFileSync(caFile, ca.certPem);
const domainsFile = join(dir, "domains.txt");
writeFileSync(domainsFile, `${world.domains.join("\n")}\n`);
const certs = new Map();
const certFor = (host) => {
  if (!certs.has(host)) certs.set(host, ca.issue({ names: [host] }).then((c) => ({ chainPem: c.chainPem, keyPem: c.keyPem })));
  return certs.get(host);
};

const results = [];
for (let run = 1; run <= RUNS; run++) {
  const kinds = new Map();
  // A question's kind: its type and its name with the domain's number and the host's taken out.
  const onQuery = (qname, type) => {
    const k = `${type} ${qname.replace(/\bd\d+\b/g, "dN").replace(/\bmx\d+\b/g, "mxK").replace(/^(\d+\.){4}in-addr/, "N.N.N.N.in-addr")}`;
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  };
  const dns = await startDnsServer({ zones, delayMs: DELAY, ...(args["by-kind"] ? { onQuery } : {}) });
  const smtp = await startSmtpServer({ hostname: `mx.${BENCH_GATEWAY}`, mode: "starttls", certFor });
  const https = await startPolicyServer({ certFor, body: BENCH_POLICY, names: world.domains.filter((_, i) => world.hasMtaSts(i)).map((d) => `mta-sts.${d}`) });
  const out = join(dir, `run-${run}`);
  const config = {
    domainsFile, outDir: out, resolver: dns.spec, caFile, smtpPort: smtp.port, httpsPort: https.port, formats: args.formats.split(","),
    ...(args.concurrency ? { concurrency: Number(args.concurrency) } : {}),
    ...(args["one-thread"] ? { threads: false } : {}),
  };
  const started = process.hrtime.bigint();
  const worldCpu = process.cpuUsage();
  const profileDir = args.profile ? join(dir, `profile-${run}`) : null;
  const child = await runChild(config, profileDir);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const { user, system } = process.cpuUsage(worldCpu);
  const worldCpuMs = (user + system) / 1000;
  const queries = dns.queries();
  await Promise.all([dns.close(), smtp.close(), https.close()]);
  results.push({ wallMs, queries, worldCpuMs, ...child });
  print(`run ${run} of ${RUNS}`, results.at(-1));
  if (profileDir) printProfile(profileDir);
  if (args["by-kind"]) for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(7)}  ${k}`);
  if (!args.keep) rmSync(out, { recursive: true, force: true });
}
if (RUNS > 1) print(`median of ${RUNS} runs`, median(results));
printStartUp();
if (!args.keep) rmSync(dir, { recursive: true, force: true });
else console.log(`kept: ${dir}`);

/**
 * How long `exo-posture --help` takes against a bare `node -e 0` (median of 15 each, alternated so
 * the machine's drift touches both): a command that loads more than it needs shows here first.
 */
function printStartUp() {
  const cli = join(here, "..", "dist", "src", "cli", "main.js");
  const time = (args) => {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const help = [];
  const bare = [];
  for (let i = 0; i < 15; i++) {
    bare.push(time(["-e", "0"]));
    help.push(time([cli, "--help"]));
  }
  const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`start-up: exo-posture --help ${mid(help).toFixed(0)} ms, a bare node -e 0 ${mid(bare).toFixed(0)} ms: ${(mid(help) / mid(bare)).toFixed(2)}× (median of 15)`);
}

function print(title, r) {
  const perDomain = r.queries / N;
  console.log(
    `${title}: ${N} domains (${DELAY} ms per DNS answer, ${HOSTS} MX hosts): ${(r.wallMs / 1000).toFixed(1)} s wall, ` +
      `${(N / (r.wallMs / 1000)).toFixed(0)} domains/s; ${perDomain.toFixed(2)} DNS queries per domain at the server ` +
      `(world minimum ${(minimum / N).toFixed(2)}, ${(r.queries / minimum).toFixed(2)}×); peak RSS ${(r.maxRssKiB / 1024).toFixed(0)} MB; ` +
      `CPU ${(r.cpuMs / 1000).toFixed(1)} s (user ${(r.userMs / 1000).toFixed(1)}, system ${(r.systemMs / 1000).toFixed(1)}); ${r.findings} findings; ` +
      `the world's servers used ${(r.worldCpuMs / 1000).toFixed(1)} s CPU beside it`,
  );
}

function median(rs) {
  const mid = (k) => [...rs.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(rs.length / 2)];
  return Object.fromEntries(Object.keys(rs[0]).map((k) => [k, mid(k)]));
}

/** The CPU profile's top entries by self time: where the run spends its CPU. */
function printProfile(profileDir) {
  const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return console.log("  (no CPU profile was written)");
  const p = JSON.parse(readFileSync(join(profileDir, file), "utf8"));
  const dt = new Map();
  // timeDeltas[i] is the time before samples[i]; each sample is the node on top of the stack.
  p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  let total = 0;
  for (const node of p.nodes) {
    const us = dt.get(node.id) ?? 0;
    total += us;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, "$1/")}:${f.lineNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  console.log(`  CPU profile, top entries by self time (of ${(total / 1e6).toFixed(1)} s sampled):`);
  for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  // And by where the code lives: which part of the tool (or of Node) the time goes to.
  const byArea = new Map();
  for (const [k, us] of byFunction) {
    const m = / (dist\/src\/[a-z-]+|node_modules\/(?:@[^/]+\/)?[^/]+|node:[a-z_]+)/.exec(k);
    const area = m ? m[1] : k.startsWith("(") ? k.split(" ")[0] : "other";
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  console.log("  by area:", [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([a, us]) => `${a} ${((100 * us) / total).toFixed(0)}%`).join(", "));
}

function runChild(config, profileDir) {
  return new Promise((resolve, reject) => {
    const flags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    const child = spawn(process.execPath, [...flags, join(here, "bench-child.mjs")], { env: { ...process.env, EXO_POSTURE_BENCH: JSON.stringify(config) }, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the assess run exited ${code}`));
      try {
        resolve(JSON.parse(stdout.trim().split("\n").at(-1)));
      } catch (err) {
        reject(new Error(`the assess run printed no figures: ${err.message}`));
      }
    });
  });
}
