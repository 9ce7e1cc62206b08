// Collecting a tenant end to end against the sandbox cloud, through the real msal-node, Graph
// client and undici: each way of signing in, the bundle giving the same evidence as the live path,
// permissions that are missing, sign-in inputs that are wrong, and secrets that must never leak.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { collectTenant } from "../../src/collect/index.js";
import { tenantTargets } from "../../src/targets.js";
import { AuthError } from "../../src/auth/errors.js";
import { InputError } from "../../src/input/errors.js";
import { tenantEvidence, type TenantEvidence } from "../../src/evidence/tenant.js";
import { bundleOf } from "../../src/sandbox/bundle.js";
import { CONTOSO_APPS, CONTOSO_DOMAINS, CONTOSO_TENANT_ID, contosoScenario } from "../../src/sandbox/tenants/index.js";
import { comparable, type Contoso, startContoso } from "../fixtures/tenant/contoso.js";

let c: Contoso;
let live: TenantEvidence;
before(async () => {
  c = await startContoso();
  live = await c.collect();
});
after(() => c.cloud.close());

describe("live collection with a certificate", () => {
  it("fits the schema and says how it was collected, with the thumbprint but no key", () => {
    assert.ok(tenantEvidence.safeParse(live).success);
    assert.equal(live.source, "live");
    assert.deepEqual(live.collectedBy, { method: "certificate", clientId: CONTOSO_APPS.certificate, certificateThumbprintSha256: live.collectedBy.certificateThumbprintSha256, bundleFile: null });
    assert.match(live.collectedBy.certificateThumbprintSha256!, /^[0-9A-F]{64}$/);
    assert.equal(live.cloud?.name, "sandbox");
  });
  it("has every collector's section without errors", () => {
    for (const s of [live.organization, live.domains, live.acceptedDomains, live.inboundConnectors, live.outboundConnectors, live.dkimSigningConfigs, live.arcConfig, live.transportRules, live.organizationConfig]) {
      assert.equal(s.error, null, JSON.stringify(s.error));
      assert.equal(s.possiblyTruncated, false);
    }
  });
  it("shows Contoso's mail path: Mimecast inbound with Enhanced Filtering off, not locked down", () => {
    assert.equal(live.organization.displayName, "Contoso County Council");
    const inbound = live.connectors.find((x) => x.direction === "inbound");
    assert.ok(inbound && inbound.direction === "inbound");
    assert.deepEqual(
      [inbound.name, inbound.enabled, inbound.connectorType, inbound.efSkipLastIP, inbound.efSkipIPs, inbound.efTestMode, inbound.restrictDomainsToIPAddresses, inbound.restrictDomainsToCertificate, inbound.tlsSenderCertificateName],
      ["Mimecast inbound", true, "Partner", false, [], false, false, false, null],
    );
    assert.deepEqual(inbound.senderIPAddresses, ["195.130.217.0/24", "91.220.42.0/24"]);
    const outbound = live.connectors.find((x) => x.direction === "outbound");
    assert.equal(outbound?.direction === "outbound" && outbound.tlsSettings, "EncryptionOnly");
    assert.deepEqual(live.arcConfig.arcTrustedSealers, []);
    assert.equal(live.organizationConfig.rejectDirectSend, false);
  });
  it("shows DANE on for the libraries domain only, with its expected mx.microsoft host", () => {
    const dane = Object.fromEntries(live.acceptedDomains.items.map((d) => [d.domainName, d.smtpDaneStatus]));
    assert.equal(dane[CONTOSO_DOMAINS.libraries], "Enabled");
    assert.equal(dane[CONTOSO_DOMAINS.county], "Disabled");
    const lib = live.dnssecStatus.domains[CONTOSO_DOMAINS.libraries]!;
    assert.deepEqual([lib.dnssecFeatureStatus, lib.expectedMxRecord, lib.mxValidation], ["Enabled", "contoso-libraries-example.r-v1.mx.microsoft", "Valid"]);
    assert.equal(lib.dnsValidation, "Valid");
    assert.deepEqual(lib.warnings, []);
    assert.equal(live.smtpDaneInbound.domains[CONTOSO_DOMAINS.libraries]!.status, "Enabled");
    assert.deepEqual(Object.keys(live.dnssecStatus.domains), [CONTOSO_DOMAINS.county, CONTOSO_DOMAINS.heritage, CONTOSO_DOMAINS.libraries], "onmicrosoft.com is not asked about");
  });
  it("has DKIM on for the main domain only (besides onmicrosoft.com) and the transport rules in order", () => {
    assert.deepEqual(live.dkimSigningConfigs.items.filter((d) => d.enabled).map((d) => d.domain), [CONTOSO_DOMAINS.county, CONTOSO_DOMAINS.moera]);
    assert.deepEqual(live.transportRules.items.map((r) => [r.name, r.priority, r.messageTypeMatches]), [["External sender warning", 0, null], ["Mark encrypted inbound mail", 1, "Encrypted"]]);
  });
  it("keeps the raw cmdlet objects beside the parsed ones", () => {
    assert.equal(live.connectors[0]!.raw.EFSkipLastIP, false);
    assert.equal(live.acceptedDomains.items[0]!.raw.DomainName, CONTOSO_DOMAINS.county);
    // Type annotations ride along in the answer ("X@odata.type", "X@data.type"): never in the evidence.
    const raw = JSON.stringify(live.connectors.map((c) => c.raw));
    assert.match(raw, /"Identity":"Mimecast inbound"/);
    assert.doesNotMatch(raw, /@data\.type|@odata\./);
  });
  it("names the domains to probe: every Authoritative and InternalRelay accepted domain", () => {
    assert.deepEqual(tenantTargets(live).map((t) => t.name), [CONTOSO_DOMAINS.county, CONTOSO_DOMAINS.libraries, CONTOSO_DOMAINS.heritage, CONTOSO_DOMAINS.moera]);
  });
  it("talks only to the sandbox, and only with Get-* cmdlets", () => {
    const requests = c.cloud.requests();
    assert.ok(requests.some((r) => r.server === "login") && requests.some((r) => r.server === "graph"));
    const cmdlets = requests.filter((r) => r.server === "exchange").map((r) => r.cmdlet ?? "");
    assert.ok(cmdlets.length >= 9 && cmdlets.every((x) => x.startsWith("Get-")));
  });
});

describe("other ways of signing in", () => {
  it("a client secret from AZURE_CLIENT_SECRET gives the same evidence", async () => {
    const t = await c.collect({ clientId: CONTOSO_APPS.secret, env: { AZURE_CLIENT_SECRET: c.secret("secret") } });
    assert.equal(t.collectedBy.method, "secret");
    assert.equal(t.collectedBy.certificateThumbprintSha256, null);
    assert.deepEqual(comparable(t), comparable(live));
  });
  it("the environment names alone work (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH)", async () => {
    const t = await collectTenant({
      cloudEndpoints: c.cloud.cloud,
      env: { AZURE_TENANT_ID: CONTOSO_TENANT_ID, AZURE_CLIENT_ID: CONTOSO_APPS.certificate, AZURE_CLIENT_CERTIFICATE_PATH: c.pem("certificate") },
    });
    assert.equal(t.collectedBy.method, "certificate");
  });
  it("a device code: the code and URL are shown, the user's roles apply, one sign-in serves both APIs", async () => {
    const shown: string[] = [];
    const before = c.cloud.requests().length;
    const t = await c.collect({ deviceCode: true, clientId: CONTOSO_APPS.consultantCli, prompt: (m) => shown.push(m) });
    assert.equal(shown.length, 1, "one sign-in");
    assert.match(shown[0]!, /https:\/\/login\.sandbox\.invalid\/devicelogin .*code [0-9A-F]{9}/);
    assert.equal(t.collectedBy.method, "device-code");
    assert.deepEqual(comparable(t), comparable(live));
    const logins = c.cloud.requests().slice(before).filter((r) => r.server === "login").map((r) => r.path.replace(/\?.*/, "").split("/").pop());
    assert.deepEqual(logins, ["devicecode", "token", "token"], "a device code, then a silent token for the second API");
  });
  it("sign-in trusts a CA given as --ca-file when the endpoints carry none, and nothing else", async () => {
    // The sandbox serves sign-in, Graph and Exchange over https with its own CA, as a TLS-inspecting
    // proxy or a private cloud does: msal-node must reach the token endpoint through our client.
    const withoutCa = { ...c.cloud.cloud, ca: [] };
    const t = await c.collect({ cloudEndpoints: withoutCa, ca: [c.cloud.ca.certPem] });
    assert.deepEqual(comparable(t), comparable(live));
    // Without it: one line that says which endpoint, why, and what to do.
    await assert.rejects(c.collect({ cloudEndpoints: withoutCa }), (e: Error) => /could not be reached .*https:\/\/localhost:\d+: .*certificate.*give its CA with --ca-file/.test(e.message) && !e.message.includes("\n"));
  });
  it("a --cloud-endpoints file works as well as the parsed endpoints", async () => {
    const file = join(c.dir, "endpoints.json");
    await c.cloud.writeEndpoints(file);
    const t = await c.collect({ cloudEndpoints: file });
    assert.equal(t.cloud?.graph, c.cloud.endpoints.graph);
  });
});

describe("the bundle and the live path", () => {
  it("give the same evidence for the same tenant (the script's output)", async () => {
    const file = join(c.dir, "bundle.json");
    writeFileSync(file, JSON.stringify(bundleOf(contosoScenario()), null, 2));
    const t = await collectTenant({ bundle: file });
    assert.equal(t.source, "bundle");
    assert.deepEqual(t.collectedBy, { method: "bundle", clientId: null, certificateThumbprintSha256: null, bundleFile: file });
    assert.deepEqual(comparable(t), comparable(live));
  });
  it("give the same facts from an export in every other shape (numbers, comma-joined, True/False, \\/Date\\/)", async () => {
    const file = join(c.dir, "foreign.json");
    writeFileSync(file, JSON.stringify(bundleOf(contosoScenario(), { style: "foreign" })));
    const t = await collectTenant({ bundle: file });
    assert.deepEqual(comparable(t, { withoutRaw: true }), comparable(live, { withoutRaw: true }));
  });
  it("refuses --tenant-bundle together with sign-in options", async () => {
    await assert.rejects(collectTenant({ bundle: "b.json", tenantId: CONTOSO_TENANT_ID }), (e) => e instanceof InputError && /not both/.test(e.message));
  });
});

describe("missing permissions are evidence errors that name the grant, and the rest goes on", () => {
  it("no Entra role: every cmdlet is EXO_FORBIDDEN (403 with NUL bytes) and Graph is intact", async () => {
    const t = await c.collect({ clientId: CONTOSO_APPS.noExchangeRole, certificate: c.pem("noExchangeRole") });
    for (const s of [t.acceptedDomains, t.inboundConnectors, t.outboundConnectors, t.dkimSigningConfigs, t.arcConfig, t.transportRules, t.organizationConfig]) {
      assert.equal(s.error?.code, "EXO_FORBIDDEN");
      assert.match(s.error!.message, /Global Reader/);
      assert.match(s.error!.message, /NUL bytes/);
    }
    assert.equal(t.dnssecStatus.error?.code, "NOT_COLLECTED");
    assert.equal(t.organization.error, null);
    assert.equal(t.organization.displayName, "Contoso County Council");
    assert.deepEqual(t.connectors, []);
  });
  it("no Exchange.ManageAsApp and no Graph permissions: EXO_UNAUTHORIZED and GRAPH_FORBIDDEN naming each", async () => {
    const t = await c.collect({ clientId: CONTOSO_APPS.noGrant, env: { AZURE_CLIENT_SECRET: c.secret("noGrant") } });
    assert.equal(t.acceptedDomains.error?.code, "EXO_UNAUTHORIZED");
    assert.match(t.acceptedDomains.error!.message, /Exchange\.ManageAsApp/);
    assert.equal(t.organization.error?.code, "GRAPH_FORBIDDEN");
    assert.match(t.organization.error!.message, /Organization\.Read\.All/);
    assert.equal(t.domains.error?.code, "GRAPH_FORBIDDEN");
    assert.match(t.domains.error!.message, /Domain\.Read\.All/);
  });
});

describe("wrong sign-in inputs stop the run with one clear line", () => {
  const oneLine = (re: RegExp) => (e: unknown) => e instanceof InputError && re.test(e.message) && !e.message.includes("\n");
  it("an unknown tenant id", async () => {
    await assert.rejects(c.collect({ tenantId: "00000000-0000-4000-8000-000000000000" }), (e) => e instanceof AuthError && e.code === "AUTH_TENANT_NOT_FOUND" && oneLine(/tenant was not found/)(e));
  });
  it("a malformed tenant id, before any request", async () => {
    const before = c.cloud.requests().length;
    await assert.rejects(c.collect({ tenantId: "contoso county" }), oneLine(/neither a directory id/));
    assert.equal(c.cloud.requests().length, before);
  });
  it("a missing certificate file, before any request", async () => {
    const before = c.cloud.requests().length;
    await assert.rejects(c.collect({ certificate: join(c.dir, "nope.pem") }), oneLine(/cannot read the certificate file .*nope\.pem: no such file \(ENOENT\)/));
    assert.equal(c.cloud.requests().length, before);
  });
  it("a certificate the app does not have registered", async () => {
    await assert.rejects(c.collect({ certificate: c.pem("noExchangeRole") }), (e) => e instanceof AuthError && e.code === "AUTH_INVALID_CREDENTIAL");
  });
  it("a wrong secret", async () => {
    await assert.rejects(c.collect({ clientId: CONTOSO_APPS.secret, env: { AZURE_CLIENT_SECRET: "wrong" } }), (e) => e instanceof AuthError && e.code === "AUTH_INVALID_CREDENTIAL" && !e.message.includes("wrong"));
  });
  it("a token endpoint that does not answer in time", async () => {
    c.cloud.inject({ target: "login:token", kind: "slow", delayMs: 1500, times: 1 });
    await assert.rejects(c.collect({ timeoutMs: 300 }), (e) => e instanceof AuthError && e.code === "AUTH_UNREACHABLE" && oneLine(/did not answer within 300 ms/)(e));
  });
  it("an app that is not registered in the tenant", async () => {
    await assert.rejects(c.collect({ clientId: "99999999-9999-4999-8999-999999999999" }), (e) => e instanceof AuthError && e.code === "AUTH_CLIENT_NOT_FOUND");
  });
});

describe("secrets never reach the evidence", () => {
  it("no client secret, private key or token in any serialised evidence", async () => {
    const secret = c.secret("secret");
    const t = await c.collect({ clientId: CONTOSO_APPS.secret, env: { AZURE_CLIENT_SECRET: secret } });
    const key = readFileSync(c.pem("certificate"), "utf8").split("-----BEGIN PRIVATE KEY-----")[1]!;
    const keyLines = key.split("\n").filter((l) => l.length > 40);
    for (const text of [JSON.stringify(t), JSON.stringify(live)]) {
      assert.ok(!text.includes(secret), "client secret");
      for (const line of keyLines) assert.ok(!text.includes(line), "private key");
      assert.doesNotMatch(text, /sbxr?\.[A-Za-z0-9_-]{20}/, "access or refresh token");
      assert.doesNotMatch(text, /PRIVATE KEY/);
    }
  });
});
