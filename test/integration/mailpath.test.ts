// Every inbound-path scenario through the real probe (sandbox DNS server, our resolver), the real
// mail-path join with the scenario's tenant, and the shipped pack: each expected finding, both ways.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadData } from "../../src/data/load.js";
import { withDataParameters } from "../../src/data/parameters.js";
import { createResolver } from "../../src/dns/resolver.js";
import { defaultRulesDir } from "../../src/paths.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeAll } from "../../src/probe/run.js";
import { EMPTY_CONFIG, evaluate, loadPack } from "../../src/rules/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { mailPathScenarios } from "../../src/sandbox/tenants/issue6/scenarios.js";
import { tenantEvidenceOf } from "../../src/sandbox/tenants/issue6/tenant.js";
import { sampleWorld } from "../../src/sandbox/world/index.js";
import { tempDir } from "../helpers/tmp.js";

let dns: RunningDnsServer;
before(async () => {
  dns = await startDnsServer({ zones: sampleWorld().zones });
});
after(() => dns.close());

const pack = loadPack(defaultRulesDir);
const ctxOf = (): ProbeContext => ({ resolver: createResolver(dns.spec, { timeoutMs: 500 }), now: () => new Date(), ca: [], timeoutMs: 500, dkimSelectors: [], log: () => {}, smtpEndpoint: () => null, httpsPort: 1 });

describe("inbound mail path scenarios", () => {
  for (const s of mailPathScenarios) {
    it(s.name, async () => {
      const extra = s.data ? [join(tempDir({ "data.yaml": s.data }), "data.yaml")] : [];
      const data = loadData(extra);
      const evidence = await probeAll([{ name: s.domain, input: s.domain, source: "tenant" }], ctxOf(), { tenant: tenantEvidenceOf(s.tenant), data });
      const findings = evaluate(pack, evidence, withDataParameters(EMPTY_CONFIG, data));
      for (const [ruleId, subjects] of Object.entries(s.expect)) {
        for (const [subject, status] of Object.entries(subjects)) {
          const f = findings.findings.find((x) => x.ruleId === ruleId && x.subject === subject);
          assert.ok(f, `${ruleId} has a finding for ${subject}`);
          assert.equal(f.status, status, `${ruleId} ${subject}: ${f.message}`);
          if (status === "fail" || status === "warn") assert.ok(f.remediation.length > 0 && !f.remediation.includes("(unknown)"), `${ruleId} remediation: ${f.remediation}`);
        }
      }
    });
  }

  it("finds the Mimecast connector by sender IP against the egress read from the SPF include", async () => {
    const s = mailPathScenarios[1]!;
    const evidence = await probeAll([{ name: s.domain, input: s.domain, source: "tenant" }], ctxOf(), { tenant: tenantEvidenceOf(s.tenant) });
    const path = evidence.domains[s.domain]!.mailPath!;
    assert.equal(path.gateways[0]!.gatewayId, "mimecast");
    assert.deepEqual(path.gateways[0]!.egress.ranges.sort(), ["195.130.217.0/24", "91.220.42.0/24"]);
    assert.deepEqual(path.gateways[0]!.connectors.map((c) => [c.name, c.matchedBy]), [["Mimecast inbound", ["senderIp", "name"]]]);
    const findings = evaluate(pack, evidence);
    const ef = findings.findings.find((f) => f.ruleId === "gateway.enhanced-filtering")!;
    assert.match(ef.remediation, /Set-InboundConnector -Identity "Mimecast inbound" -EFSkipLastIP \$true -EFSkipIPs \$null -EFUsers \$null -EFTestMode \$false/);
  });

  it("gives gateway evidence only, and not_applicable tenant rules, without a tenant", async () => {
    const evidence = await probeAll([{ name: "path-county.example", input: "path-county.example", source: "cli" }], ctxOf());
    assert.equal(evidence.domains["path-county.example"]!.gateway!.kind, "third-party");
    assert.equal(evidence.domains["path-county.example"]!.mailPath!.tenantAssessed, false);
    const findings = evaluate(pack, evidence).findings;
    assert.equal(findings.find((f) => f.ruleId === "gateway.enhanced-filtering")!.status, "not_applicable");
    assert.equal(findings.find((f) => f.ruleId === "gateway.arc-trusted-sealer")!.status, "not_applicable");
    assert.equal(findings.find((f) => f.ruleId === "gateway.detected")!.status, "info");
  });

  it("makes an unreadable connector list an error, never a pass", async () => {
    const tenant = tenantEvidenceOf(mailPathScenarios[0]!.tenant);
    tenant.inboundConnectors.error = { code: "EXO_FORBIDDEN", message: "Get-InboundConnector: 403" };
    const evidence = await probeAll([{ name: "path-county.example", input: "path-county.example", source: "tenant" }], ctxOf(), { tenant });
    const findings = evaluate(pack, evidence).findings;
    for (const id of ["gateway.enhanced-filtering", "gateway.connector-lockdown"]) assert.equal(findings.find((f) => f.ruleId === id)!.status, "error", id);
  });
});
