// Every inbound-path scenario end to end: the sandbox cloud serves the scenario's tenant, collectTenant
// signs in with a certificate app (msal-node) and reads Graph and the Exchange admin API, the
// normalizer makes the evidence, the real probes run against the sandbox DNS server with our resolver,
// and the shipped pack judges it: each expected finding, both ways.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { collectTenant } from "../../src/collect/index.js";
import { loadData } from "../../src/data/load.js";
import { withDataParameters } from "../../src/rules/data-parameters.js";
import { createResolver } from "../../src/dns/resolver.js";
import type { TenantEvidence } from "../../src/evidence/tenant.js";
import { defaultRulesDir } from "../../src/paths.js";
import { mailPathRows } from "../../src/report/mail-path.js";
import { findingsIndex } from "../../src/report/view.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeAll } from "../../src/probe/run.js";
import { EMPTY_CONFIG, evaluate, loadPack } from "../../src/rules/index.js";
import { bundleOf } from "../../src/sandbox/bundle.js";
import type { Scenario } from "../../src/sandbox/scenario.js";
import { startSandboxCloud } from "../../src/sandbox/cloud/server.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { type MailPathCase, mailPathCases } from "../../src/sandbox/tenants/mail-path/scenarios.js";
import { MAILPATH_APP, MAILPATH_TENANT_ID, mailPathScenario } from "../../src/sandbox/tenants/mail-path/tenant.js";
import { sampleWorld } from "../../src/sandbox/world/index.js";
import { tempDir } from "../helpers/tmp.js";

let dns: RunningDnsServer;
before(async () => {
  dns = await startDnsServer({ zones: sampleWorld().zones });
});
after(() => dns.close());

const pack = loadPack(defaultRulesDir);
const dir = tempDir();
const ctxOf = (): ProbeContext => ({ resolver: createResolver(dns.spec, { timeoutMs: 500 }), now: () => new Date(), ca: [], timeoutMs: 500, dkimSelectors: [], log: () => {}, smtpEndpoint: () => null, httpsPort: 1 });

let clouds = 0;
/** A sandbox cloud serving the scenario, collected live with its certificate app, then closed. */
async function collectLive(scenario: Scenario): Promise<TenantEvidence> {
  const cloud = await startSandboxCloud(scenario);
  try {
    const certificate = join(dir, `app-${++clouds}.pem`);
    writeFileSync(certificate, cloud.credentials[MAILPATH_APP]!.certificatePem!, { mode: 0o600 });
    const tenant = await collectTenant({ cloudEndpoints: cloud.cloud, tenantId: MAILPATH_TENANT_ID, clientId: MAILPATH_APP, certificate, env: {}, retry: { sleep: async () => {} } });
    assert.equal(tenant.source, "live");
    assert.equal(tenant.collectedBy.method, "certificate");
    const exchange = cloud.requests().filter((r) => r.server === "exchange");
    assert.ok(exchange.length >= 7 && exchange.every((r) => r.cmdlet?.startsWith("Get-")), "reads the tenant through the admin API, Get-* only");
    return tenant;
  } finally {
    await cloud.close();
  }
}

// Each case's tenant is collected once.
const collected = new Map<string, Promise<TenantEvidence>>();
const liveTenantOf = (c: MailPathCase) => {
  if (!collected.has(c.name)) collected.set(c.name, collectLive(mailPathScenario(c.tenant)));
  return collected.get(c.name)!;
};

/** Probes the case's domain with the tenant (and the user data file, unless told not to), then judges it. */
async function judge(c: MailPathCase, tenant: TenantEvidence | null, o: { shippedDataOnly?: boolean } = {}) {
  const data = loadData(c.data && !o.shippedDataOnly ? [join(tempDir({ "data.yaml": c.data }), "data.yaml")] : []);
  const evidence = await probeAll([{ name: c.domain, input: c.domain, source: "tenant" }], ctxOf(), { tenant, data });
  return { evidence, findings: evaluate(pack, evidence, withDataParameters(EMPTY_CONFIG, data)).findings };
}

const caseNamed = (prefix: string) => mailPathCases.find((c) => c.name.startsWith(prefix))!;

describe("inbound mail path scenarios, collected live from the sandbox cloud", () => {
  // One cloud per scenario (a sandbox cloud serves one tenant), all collected at once; a failure
  // stays in its promise and fails the test that awaits it.
  before(() => Promise.allSettled(mailPathCases.map(liveTenantOf)));

  for (const c of mailPathCases) {
    it(c.name, async () => {
      const tenant = await liveTenantOf(c);
      for (const s of [tenant.inboundConnectors, tenant.outboundConnectors, tenant.arcConfig, tenant.transportRules, tenant.organizationConfig, tenant.acceptedDomains]) {
        assert.equal(s.error, null, JSON.stringify(s.error));
        assert.deepEqual(s.warnings, []);
      }
      const { findings } = await judge(c, tenant);
      for (const [ruleId, subjects] of Object.entries(c.expect)) {
        for (const [subject, status] of Object.entries(subjects)) {
          const f = findings.find((x) => x.ruleId === ruleId && x.subject === subject);
          assert.ok(f, `${ruleId} has a finding for ${subject}`);
          assert.equal(f.status, status, `${ruleId} ${subject}: ${f.message}`);
          if (status === "fail" || status === "warn") assert.ok(f.remediation.length > 0 && !f.remediation.includes("(unknown)"), `${ruleId} remediation: ${f.remediation}`);
        }
      }
    });
  }

  it("has every inbound-path rule judged two ways across the scenarios", () => {
    const statuses = new Map<string, Set<string>>();
    for (const c of mailPathCases) {
      for (const [ruleId, subjects] of Object.entries(c.expect)) {
        for (const status of Object.values(subjects)) if (status !== "not_applicable") statuses.set(ruleId, (statuses.get(ruleId) ?? new Set()).add(status));
      }
    }
    for (const id of ["gateway.enhanced-filtering", "gateway.connector-lockdown", "gateway.arc-trusted-sealer", "gateway.stale-connector", "exo.reject-direct-send", "connector.inbound-tls", "connector.outbound-tls", "connector.outbound-downgrade", "portal.quarantine", "portal.encrypted-inbound"]) {
      assert.ok((statuses.get(id)?.size ?? 0) >= 2, `${id}: ${[...(statuses.get(id) ?? [])].join(", ")}`);
    }
    // Advisory: it reports which gateway is there, so "info" is its only verdict.
    assert.deepEqual([...statuses.get("gateway.detected")!], ["info"]);
  });

  it("finds the Mimecast connector by sender IP against the egress read from the SPF include", async () => {
    const c = caseNamed("Contoso:");
    const { evidence, findings } = await judge(c, await liveTenantOf(c), { shippedDataOnly: true });
    const path = evidence.domains[c.domain]!.mailPath!;
    assert.equal(path.gateways[0]!.gatewayId, "mimecast");
    assert.deepEqual(path.gateways[0]!.egress.ranges.sort(), ["195.130.217.0/24", "91.220.42.0/24"]);
    assert.deepEqual(path.gateways[0]!.connectors.map((x) => [x.name, x.matchedBy]), [["Mimecast inbound", ["senderIp", "name"]]]);
    const ef = findings.find((f) => f.ruleId === "gateway.enhanced-filtering")!;
    assert.match(ef.remediation, /Set-InboundConnector -Identity "Mimecast inbound" -EFSkipLastIP \$true -EFSkipIPs \$null -EFUsers \$null -EFTestMode \$false/);
  });

  it("says a tie by name alone is unconfirmed, and how to confirm it (issue 26)", async () => {
    const c = caseNamed("A connector locked to Proofpoint on Demand");
    const { evidence, findings } = await judge(c, await liveTenantOf(c));
    assert.deepEqual(evidence.domains[c.domain]!.mailPath!.gateways[0]!.connectors.map((x) => [x.name, x.matchedBy]), [["Proofpoint inbound", ["name"]]]);
    for (const ruleId of ["gateway.enhanced-filtering", "gateway.connector-lockdown"]) {
      const f = findings.find((x) => x.ruleId === ruleId)!;
      assert.match(f.message, /^Unconfirmed: Proofpoint inbound \(tied to Proofpoint Essentials by its name only\)\. Exchange Online picks a connector by certificate or sender IP, never by name/, ruleId);
    }
    const ef = findings.find((x) => x.ruleId === "gateway.enhanced-filtering")!;
    assert.match(ef.remediation, /Set-InboundConnector -Identity "Proofpoint inbound" -TlsSenderCertificateName <the certificate name Proofpoint Essentials documents>/);
    assert.match(ef.remediation, /assess --message/);
    // The mail-path report says how the connector was tied, and that a name proves nothing.
    const row = [...mailPathRows({ evidence, ...findingsIndex(findings) })].find((r) => r.domain === c.domain)!;
    assert.match(row.connector, /^Proofpoint inbound \(enabled; tied by its name only: unconfirmed/);
  });

  it("reads ArcTrustedSealers as the admin API gives it (one comma-joined string)", async () => {
    const tenant = await liveTenantOf(caseNamed("Enhanced Filtering on"));
    assert.equal(tenant.arcConfig.raw?.ArcTrustedSealers, "mimecast.example");
    assert.deepEqual(tenant.arcConfig.arcTrustedSealers, ["mimecast.example"]);
  });

  it("gives the same findings from the scenario's PowerShell bundle (--tenant-bundle) as from the live path", async () => {
    const c = caseNamed("Contoso:");
    const live = (await judge(c, await liveTenantOf(c))).findings;
    for (const style of ["script", "foreign"] as const) {
      const file = join(dir, `bundle-${style}.json`);
      writeFileSync(file, JSON.stringify(bundleOf(mailPathScenario(c.tenant), { style })));
      const tenant = await collectTenant({ bundle: file });
      assert.equal(tenant.source, "bundle");
      const fromBundle = (await judge(c, tenant)).findings;
      const facts = (fs: typeof live) => fs.map((f) => ({ ruleId: f.ruleId, subject: f.subject, status: f.status, message: f.message, remediation: f.remediation, evidence: f.evidence }));
      assert.ok(live.some((f) => f.status === "fail"));
      assert.deepEqual(facts(fromBundle), facts(live), style);
    }
  });

  it("gives gateway evidence only, and not_applicable tenant rules, without a tenant", async () => {
    const { evidence, findings } = await judge(caseNamed("Contoso:"), null, { shippedDataOnly: true });
    assert.equal(evidence.domains["path-county.example"]!.gateway!.kind, "third-party");
    assert.equal(evidence.domains["path-county.example"]!.mailPath!.tenantAssessed, false);
    assert.equal(findings.find((f) => f.ruleId === "gateway.enhanced-filtering")!.status, "not_applicable");
    assert.equal(findings.find((f) => f.ruleId === "gateway.arc-trusted-sealer")!.status, "not_applicable");
    assert.equal(findings.find((f) => f.ruleId === "gateway.detected")!.status, "info");
  });

  it("makes a connector list the admin API refuses (403, NUL bytes) an error, never a pass", async () => {
    const c = caseNamed("Enhanced Filtering on");
    const tenant = await collectLive({ ...mailPathScenario(c.tenant), faults: [{ target: "exo:Get-InboundConnector", kind: "forbidden-nul" }] });
    assert.equal(tenant.inboundConnectors.error?.code, "EXO_FORBIDDEN");
    const { findings } = await judge(c, tenant);
    for (const id of ["gateway.enhanced-filtering", "gateway.connector-lockdown"]) assert.equal(findings.find((f) => f.ruleId === id)!.status, "error", id);
  });
});
