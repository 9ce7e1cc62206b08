// The demo's MTA-STS and TLS-RPT: the sample world's zones, the policy servers the demo starts
// (startMtaStsServers) trusted through ctx.ca, the real probe and the shipped pack.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/index.js";
import type { Findings } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import { probeAll } from "../../src/probe/run.js";
import { evaluate, loadPack } from "../../src/rules/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { sampleWorld } from "../../src/sandbox/world/index.js";
import { type RunningPolicyServers, startMtaStsServers } from "../../src/sandbox/world/mtasts.js";

let dns: RunningDnsServer;
let servers: RunningPolicyServers;
let findings: Findings;

before(async () => {
  const world = sampleWorld();
  dns = await startDnsServer({ zones: world.zones });
  servers = await startMtaStsServers();
  const ctx = {
    resolver: createResolver(dns.spec),
    now: () => new Date(),
    ca: servers.ca,
    timeoutMs: 2000,
    dkimSelectors: [],
    log: () => {},
    ...servers.context,
    // The demo's MX hosts are not reachable SMTP servers in this test.
    smtpEndpoint: () => null,
  };
  const evidence = await probeAll(world.domains.map((name) => ({ name, input: name, source: "cli" as const })), ctx);
  findings = evaluate(loadPack(defaultRulesDir), evidence);
});
after(async () => {
  await servers.close();
  await dns.close();
});

const expected: [domain: string, rule: string, status: string][] = [
  ["good-council.example", "mtasts.record", "pass"],
  ["good-council.example", "mtasts.policy", "pass"],
  ["good-council.example", "mtasts.enforce", "pass"],
  ["good-council.example", "mtasts.max-age", "pass"],
  ["good-council.example", "mtasts.mx-coverage", "pass"],
  ["good-council.example", "tlsrpt.record", "pass"],
  ["good-council.example", "tlsrpt.reporting", "not_applicable"],
  ["monitoring-trust.example", "mtasts.policy", "pass"],
  ["monitoring-trust.example", "mtasts.enforce", "warn"],
  ["monitoring-trust.example", "mtasts.max-age", "pass"],
  ["monitoring-trust.example", "tlsrpt.record", "pass"],
  ["monitoring-trust.example", "tlsrpt.reporting", "not_applicable"],
  ["gateway-county.example", "mtasts.enforce", "pass"],
  ["gateway-county.example", "mtasts.max-age", "fail"],
  ["gateway-county.example", "mtasts.mx-coverage", "fail"],
  ["gateway-county.example", "tlsrpt.record", "fail"],
  ["parked-borough.example", "mtasts.record", "not_applicable"],
  ["parked-borough.example", "tlsrpt.record", "not_applicable"],
];

describe("demo world: MTA-STS and TLS-RPT", () => {
  for (const [domain, rule, status] of expected) {
    it(`${domain} ${rule} → ${status}`, () => {
      const f = findings.findings.find((x) => x.ruleId === rule && x.subject === `domain:${domain}`);
      assert.ok(f, `no ${rule} finding for ${domain}`);
      assert.equal(f.status, status, f.message);
    });
  }
  it("fetched each demo policy once", () => {
    for (const d of ["good-council.example", "monitoring-trust.example", "gateway-county.example"]) {
      assert.equal(servers.requests(`mta-sts.${d}`), 1, d);
    }
  });
});
