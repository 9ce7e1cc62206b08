// The sample tenant end to end, as the demo runs it: Contoso County Council collected live from the
// sandbox cloud (msal-node, Graph client, undici), its domains probed through the sample world, the
// shipped pack applied. These are the verdicts the demo exists to show.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assess, type AssessResult } from "../../src/assess.js";
import type { CollectTenantOptions } from "../../src/collect/index.js";
import type { Evidence } from "../../src/evidence/evidence.js";
import { defaultRulesDir } from "../../src/paths.js";
import { evaluate, loadPack } from "../../src/rules/index.js";
import { type RunningWorld, startSampleWorld } from "../../src/sandbox/demo.js";
import { tempDir } from "../helpers/tmp.js";

let world: RunningWorld;
let result: AssessResult;
/** The demo's run, with the tenant from wherever `tenantCollect` says. */
const assessWorld = (tenantCollect: CollectTenantOptions) =>
  assess({
    domains: [],
    resolver: world.resolver,
    dnsTimeoutMs: 2000,
    caFiles: [],
    rulesDir: defaultRulesDir,
    outDir: tempDir(),
    formats: ["json"],
    dkimSelectors: [],
    tenantCollect,
    messageFiles: world.messages,
    context: { ...world.context, ca: world.ca, timeoutMs: 1500 },
  });
before(async () => {
  world = await startSampleWorld();
  result = await assessWorld(world.tenant);
});
after(() => world.close());

describe("the sample bundle (examples/contoso-county-bundle.json)", () => {
  it("gives the demo's verdicts: every finding's status as with the tenant collected live", async () => {
    const fromBundle = await assessWorld({ bundle: "examples/contoso-county-bundle.json" });
    assert.equal(fromBundle.evidence.tenant?.source, "bundle");
    const statuses = (r: AssessResult) => Object.fromEntries(r.findings.findings.map((f) => [`${f.ruleId} ${f.subject}`, f.status]));
    assert.deepEqual(statuses(fromBundle), statuses(result));
    assert.ok(result.findings.findings.filter((f) => f.subject.startsWith("connector:") || f.subject === "tenant").length >= 10);
  });
});

const finding = (r: { findings: { findings: AssessResult["findings"]["findings"] } }, ruleId: string, subject: string) => {
  const f = r.findings.findings.find((x) => x.ruleId === ruleId && x.subject === subject);
  assert.ok(f, `no ${ruleId} finding for ${subject}`);
  return f;
};

describe("the sample tenant (Contoso County Council)", () => {
  it("probes every Authoritative accepted domain of the tenant, with its role", () => {
    const d = result.evidence.domains;
    assert.equal(d["contoso-county.example"]?.source, "tenant");
    assert.equal(d["contoso-county.example"]?.role.value, "sending");
    assert.equal(d["contoso-heritage.example"]?.role.value, "parked");
    assert.equal(d["contosocounty.onmicrosoft.com"]?.role.value, "moera");
  });

  it("looks up the DKIM selectors the tenant's signing config names, and says they came from it", () => {
    const selectors = result.evidence.domains["contoso-county.example"]?.dkim.selectors ?? [];
    const fromTenant = selectors.filter((s) => s.sources.includes("tenant")).map((s) => s.selector).sort();
    assert.deepEqual(fromTenant, ["selector1", "selector2"]);
    assert.ok(selectors.every((s) => s.keys.length > 0), "both selectors resolve to a key through the CNAME");
  });

  it("finds Enhanced Filtering off behind the Mimecast MX, high, with the exact fix", () => {
    const f = finding(result, "gateway.enhanced-filtering", "domain:contoso-county.example");
    assert.equal(f.status, "fail");
    assert.equal(f.severity, "high");
    assert.match(f.remediation, /Set-InboundConnector -Identity "Mimecast inbound" -EFSkipLastIP \$true -EFSkipIPs \$null -EFUsers \$null -EFTestMode \$false/);
    assert.ok(f.evidence.some((p) => p.endsWith("/mailPath")), f.evidence.join(" "));
  });

  it("proves Enhanced Filtering off from the message received through Mimecast (gateway.ef-observed)", () => {
    const f = finding(result, "gateway.ef-observed", "message:examples/messages/received-through-mimecast-ef-off.eml");
    assert.equal(f.status, "fail");
    assert.match(f.message, /checked SPF against 195\.130\.217\.10 \(fail\)/);
  });
  it("passes inbound DANE for the domain on mx.microsoft, and fails it once the tenant turns DANE off", () => {
    assert.equal(finding(result, "dane.exo-inbound", "domain:contoso-libraries.example").status, "pass");
    assert.equal(finding(result, "dane.exo-inbound", "domain:contoso-county.example").status, "not_applicable");
    const evidence = structuredClone(result.evidence) as Evidence;
    const tenant = evidence.tenant!;
    for (const a of tenant.acceptedDomains.items) if (a.domainName === "contoso-libraries.example") a.smtpDaneStatus = "Disabled";
    for (const d of Object.values(tenant.smtpDaneInbound.domains)) d.status = "Disabled";
    const again = evaluate(loadPack(defaultRulesDir), evidence);
    assert.equal(finding({ findings: again }, "dane.exo-inbound", "domain:contoso-libraries.example").status, "fail");
  });

  it("records the connectors and judges them as subjects of their own", () => {
    assert.deepEqual(result.evidence.tenant?.connectors.map((c) => `${c.direction}:${c.name}`).sort(), ["inbound:Mimecast inbound", "outbound:GOV.UK (TLS required)", "outbound:Mimecast outbound"]);
    assert.equal(finding(result, "connector.outbound-tls", "connector:Mimecast outbound").status, "fail");
    // Each connector finding points at that connector's own record, never at the resolver (issue 26).
    const outboundAt = `/tenant/connectors/${result.evidence.tenant!.connectors.findIndex((c) => c.name === "Mimecast outbound")}`;
    for (const ruleId of ["connector.outbound-tls", "connector.outbound-downgrade", "connector.inbound-tls"]) {
      assert.deepEqual(finding(result, ruleId, "connector:Mimecast outbound").evidence, [outboundAt], ruleId);
    }
  });

  it("never writes the app's private key or a token into the evidence", () => {
    const text = JSON.stringify(result.evidence);
    assert.doesNotMatch(text, /PRIVATE KEY|eyJ[A-Za-z0-9_-]{20,}\./);
  });
});
