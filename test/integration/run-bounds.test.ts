// A run bounded in time and work (issue 23, case 8): one domain names 24 MX hosts, all on one
// server that accepts connections and never says a word. --max-mx-hosts probes the most preferred
// few and records the rest as not probed; --smtp-timeout bounds each SMTP step; --deadline bounds
// the whole run, cuts off what is in flight and writes the reports. Nothing it could not see passes.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { assess, type AssessResult } from "../../src/assess.js";
import type { Finding } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const HOSTS = Array.from({ length: 24 }, (_, i) => `mx${String(i + 1).padStart(2, "0")}.slow.example`);
let dns: RunningDnsServer;
let silent: net.Server;
let silentPort: number;
const accepted = new Set<net.Socket>();

before(async () => {
  dns = await startDnsServer({
    zones: [
      zone("slow.example", "insecure", [
        ...HOSTS.map((h, i) => `@ MX ${i + 1} ${h}.`),
        ...HOSTS.map((h, i) => `${h}. A 192.0.2.${i + 1}`),
        '@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=reject"',
      ]),
      zone("quick.example", "insecure", ["@ MX 0 .", '@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=none"']),
    ],
  });
  // Accepts, then is silent for ever: the slowest server there is.
  silent = net.createServer((s) => {
    accepted.add(s);
    s.on("error", () => {});
    s.on("close", () => accepted.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  silentPort = (silent.address() as net.AddressInfo).port;
});
after(async () => {
  for (const s of accepted) s.destroy();
  await new Promise((r) => silent.close(r));
  await dns.close();
});

async function run(o: { maxMxHosts?: number; smtpTimeoutMs?: number; deadlineMs?: number }): Promise<{ result: AssessResult; ms: number; out: string; log: string[] }> {
  const out = tempDir();
  const log: string[] = [];
  const started = Date.now();
  const result = await assess({
    domains: ["slow.example", "quick.example"], resolver: dns.spec, dnsTimeoutMs: 1000, rulesDir: defaultRulesDir, outDir: out, formats: ["json", "csv"],
    ...o, log: (m) => log.push(m),
    context: { smtpEndpoint: () => ({ host: "127.0.0.1", port: silentPort }), timeoutMs: 5000 },
  });
  return { result, ms: Date.now() - started, out, log };
}

const mxFindings = (r: AssessResult) => r.findings.findings.filter((f) => f.subject.startsWith("mx:"));
const dnsOnly = (r: AssessResult) =>
  r.findings.findings.filter((f) => /^(spf|dmarc)\./.test(f.ruleId)).map((f) => `${f.ruleId} ${f.subject} ${f.status} ${f.message}`).sort();

describe("bounds on a run", () => {
  let capped: Awaited<ReturnType<typeof run>>;

  it("--max-mx-hosts probes the most preferred hosts and records the rest as not probed, never passed", async () => {
    capped = await run({ maxMxHosts: 3, smtpTimeoutMs: 200 });
    const hosts = capped.result.evidence.mxHosts;
    assert.equal(Object.keys(hosts).length, 24, "every host is recorded");
    const notProbed = HOSTS.filter((h) => hosts[h]!.smtp.error?.code === "NOT_CHECKED");
    assert.deepEqual(notProbed, HOSTS.slice(3));
    assert.match(hosts[HOSTS[23]!]!.smtp.error!.message, /slow\.example names 24 MX hosts; only the 3 most preferred are probed/);
    for (const h of HOSTS.slice(0, 3)) assert.equal(hosts[h]!.smtp.connections[0]?.error?.code, "SMTP_TIMEOUT", h);
    const mx = mxFindings(capped.result);
    assert.equal(mx.some((f) => f.status === "pass"), false, mx.filter((f) => f.status === "pass").map((f) => f.ruleId).join());
    assert.ok(mx.filter((f) => f.subject === `mx:${HOSTS[23]}`).every((f) => f.status === "error" && f.cause === "NOT_CHECKED"));
    // 3 hosts × (session + DANE-less) at 200 ms a step, not 24 × 5 s.
    assert.ok(capped.ms < 6000, `took ${capped.ms} ms`);
  });

  it("--deadline cuts off what is in flight, writes the reports, and leaves every finished verdict as it was", async () => {
    const r = await run({ deadlineMs: 1500 });
    assert.ok(r.ms < 4500, `took ${r.ms} ms with a 1.5 s deadline (24 silent hosts at 5 s a step)`);
    assert.ok(existsSync(join(r.out, "findings.json")) && existsSync(join(r.out, "findings.csv")), "the reports are written");
    assert.match(r.log.join("\n"), /the run deadline \(1500 ms\) passed/);
    const connections = Object.values(r.result.evidence.mxHosts).flatMap((h) => h.smtp.connections);
    assert.ok(connections.length > 0 && connections.every((c) => c.error?.code === "RUN_DEADLINE"), JSON.stringify(connections.map((c) => c.error?.code)));
    const mx = mxFindings(r.result);
    assert.equal(mx.some((f) => f.status === "pass"), false);
    assert.ok(mx.some((f: Finding) => f.cause === "RUN_DEADLINE"));
    assert.equal(r.result.findings.assessment.complete, false);
    assert.ok(r.result.findings.assessment.causes.some((c) => c.code === "RUN_DEADLINE"));
    // DNS answered long before the deadline: those verdicts are exactly those of the run without one.
    assert.deepEqual(dnsOnly(r.result), dnsOnly(capped.result));
    assert.ok(dnsOnly(r.result).length > 10);
  });

  it("refuses a deadline, an SMTP timeout or a cap that is not one, before any network step", async () => {
    for (const [flag, value] of [["--deadline", "soon"], ["--deadline", "0s"], ["--smtp-timeout", "-5"], ["--max-mx-hosts", "0"]] as const) {
      const r = await runCli(["assess", "-d", "quick.example", "--resolver", dns.spec, flag, value]);
      assert.equal(r.code, 2, `${flag} ${value}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.match(r.stderr, new RegExp(flag));
    }
  });
});
