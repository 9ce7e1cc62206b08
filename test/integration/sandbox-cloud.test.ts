// The Exchange and Graph collectors against the sandbox cloud misbehaving the ways Microsoft's
// services do (throttling, NUL-byte 403s, broken JSON, slow answers, warnings, paging), the
// read-only allow-list counted at the server, and the fake token endpoint's own checks.
import assert from "node:assert/strict";
import { createHash, createPrivateKey, sign, X509Certificate } from "node:crypto";
import { after, afterEach, before, describe, it } from "node:test";
import { createTokenSource } from "../../src/auth/tokens.js";
import { CollectError } from "../../src/collect/errors.js";
import { createExoClient } from "../../src/collect/exo.js";
import { createAgent } from "../../src/collect/http.js";
import { checkClientAssertion } from "../../src/sandbox/cloud/jwt.js";
import type { Fault } from "../../src/sandbox/scenario.js";
import { CONTOSO_APPS, CONTOSO_TENANT_ID } from "../../src/sandbox/tenants/index.js";
import { type Contoso, startContoso } from "../fixtures/tenant/contoso.js";

let c: Contoso;
before(async () => {
  c = await startContoso();
});
afterEach(() => c.cloud.clearFaults());
after(() => c.cloud.close());

/** Requests for one cmdlet since `from`. */
const asked = (cmdlet: string, from: number) => c.cloud.requests().slice(from).filter((r) => r.cmdlet === cmdlet).length;

async function exoClient() {
  const tokens = await createTokenSource(c.cloud.cloud, { kind: "certificate", tenantId: CONTOSO_TENANT_ID, clientId: CONTOSO_APPS.certificate, certificatePath: c.pem("certificate") });
  const agent = createAgent({ ca: c.cloud.cloud.ca, timeoutMs: 5000 });
  return { tokens, agent, exo: createExoClient({ exchange: c.cloud.cloud.exchange, tenantId: CONTOSO_TENANT_ID, identity: "app", getToken: () => tokens.getToken(c.cloud.cloud.exchange), dispatcher: agent }) };
}

describe("the read-only allow-list, counted at the server", () => {
  it("refuses Set-* and anything else off the list with no request sent, not even for a token", async () => {
    const { exo, agent } = await exoClient();
    const from = c.cloud.requests().length;
    for (const cmdlet of ["Set-InboundConnector", "New-TransportRule", "Remove-AcceptedDomain", "Set-ArcConfig"]) {
      await assert.rejects(exo.invoke(cmdlet, { Identity: "Mimecast inbound" }), (e) => e instanceof CollectError && e.code === "EXO_CMDLET_REFUSED");
    }
    assert.equal(c.cloud.requests().length, from, "no request reached the sandbox");
    // The same client does reach the server for an allowed cmdlet.
    assert.equal((await exo.invoke("Get-ArcConfig")).objects.length, 1);
    assert.ok(c.cloud.requests().length > from);
    await agent.close();
  });
});

describe("faults, one collector at a time", () => {
  it("429 with Retry-After: waits as asked, then succeeds", async () => {
    const waits: number[] = [];
    c.cloud.inject({ target: "exo:Get-TransportRule", kind: "throttle", retryAfter: "2", times: 1 });
    const from = c.cloud.requests().length;
    const t = await c.collect({ retry: { sleep: async (ms) => void waits.push(ms) } });
    assert.deepEqual(waits, [2000]);
    assert.equal(asked("Get-TransportRule", from), 2);
    assert.equal(t.transportRules.error, null);
    assert.equal(t.transportRules.items.length, 2);
  });
  it("429 that never ends: bounded tries, then EXO_THROTTLED, the rest intact", async () => {
    c.cloud.inject({ target: "exo:Get-TransportRule", kind: "throttle", retryAfter: "1" });
    const from = c.cloud.requests().length;
    const t = await c.collect({ retry: { maxAttempts: 3, sleep: async () => {} } });
    assert.equal(asked("Get-TransportRule", from), 3);
    assert.equal(t.transportRules.error?.code, "EXO_THROTTLED");
    assert.match(t.transportRules.error!.message, /429 3 time\(s\) \(Retry-After: 1\)/);
    assert.equal(t.acceptedDomains.error, null);
  });
  it("a Retry-After longer than the cap is an error at once, not a long hang", async () => {
    c.cloud.inject({ target: "exo:Get-ArcConfig", kind: "throttle", retryAfter: "3600" });
    const from = c.cloud.requests().length;
    const t = await c.collect();
    assert.equal(asked("Get-ArcConfig", from), 1);
    assert.equal(t.arcConfig.error?.code, "EXO_THROTTLED");
  });
  it("503 twice, then an answer", async () => {
    c.cloud.inject({ target: "exo:Get-InboundConnector", kind: "unavailable", times: 2 });
    const t = await c.collect();
    assert.equal(t.inboundConnectors.error, null);
    assert.equal(t.inboundConnectors.count, 1);
  });
  it("waits for real when Retry-After says so", async () => {
    c.cloud.inject({ target: "exo:Get-ArcConfig", kind: "throttle", retryAfter: "1", times: 1 });
    const { exo, agent } = await exoClient();
    const started = Date.now();
    assert.equal((await exo.invoke("Get-ArcConfig")).objects.length, 1);
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
    await agent.close();
  });

  const cases: { name: string; fault: Fault; check: (t: Awaited<ReturnType<Contoso["collect"]>>) => void; timeoutMs?: number }[] = [
    {
      name: "403 with a NUL-byte body → EXO_FORBIDDEN naming the role",
      fault: { target: "exo:Get-ArcConfig", kind: "forbidden-nul" },
      check: (t) => {
        assert.equal(t.arcConfig.error?.code, "EXO_FORBIDDEN");
        assert.match(t.arcConfig.error!.message, /Get-ArcConfig .*Global Reader.*NUL bytes/);
        assert.deepEqual(t.arcConfig.arcTrustedSealers, []);
      },
    },
    {
      name: "500 → EXO_HTTP_ERROR with the admin API's real reason, not 'Invalid Operation'",
      fault: { target: "exo:Get-DkimSigningConfig", kind: "server-error" },
      check: (t) => {
        assert.equal(t.dkimSigningConfigs.error?.code, "EXO_HTTP_ERROR");
        assert.match(t.dkimSigningConfigs.error!.message, /HTTP 500: Get-DkimSigningConfig failed: a transient server error/);
        assert.doesNotMatch(t.dkimSigningConfigs.error!.message, /\|Microsoft\.|Invalid Operation/);
      },
    },
    {
      name: "an empty result without \"value\" (no transport rules) → an empty list, not an error",
      fault: { target: "exo:Get-TransportRule", kind: "empty-missing" },
      check: (t) => {
        assert.equal(t.transportRules.error, null);
        assert.deepEqual(t.transportRules.items, []);
        assert.equal(t.transportRules.possiblyTruncated, false);
      },
    },
    {
      name: "an empty result as \"value\": null (no inbound connectors) → an empty list, not an error",
      fault: { target: "exo:Get-InboundConnector", kind: "empty-null" },
      check: (t) => {
        assert.equal(t.inboundConnectors.error, null);
        assert.equal(t.inboundConnectors.count, 0);
      },
    },
    {
      name: "malformed JSON → EXO_BAD_RESPONSE",
      fault: { target: "exo:Get-OrganizationConfig", kind: "malformed" },
      check: (t) => {
        assert.equal(t.organizationConfig.error?.code, "EXO_BAD_RESPONSE");
        assert.equal(t.organizationConfig.rejectDirectSend, null);
      },
    },
    {
      name: "a slow answer → EXO_TIMEOUT",
      fault: { target: "exo:Get-TransportRule", kind: "slow", delayMs: 1500 },
      timeoutMs: 300,
      check: (t) => assert.equal(t.transportRules.error?.code, "EXO_TIMEOUT"),
    },
    {
      name: "@adminapi.warnings → kept, and the list possibly truncated",
      fault: { target: "exo:Get-TransportRule", kind: "warnings", warnings: ["There are more results available than are currently displayed."] },
      check: (t) => {
        assert.equal(t.transportRules.error, null);
        assert.equal(t.transportRules.possiblyTruncated, true);
        assert.deepEqual(t.transportRules.warnings, ["There are more results available than are currently displayed."]);
        assert.equal(t.transportRules.items.length, 2);
      },
    },
    {
      name: "a leftover @odata.nextLink that fails when followed → what came is kept, possibly truncated",
      fault: { target: "exo:Get-InboundConnector", kind: "next-link-broken" },
      check: (t) => {
        assert.equal(t.inboundConnectors.error, null);
        assert.equal(t.inboundConnectors.possiblyTruncated, true);
        assert.match(t.inboundConnectors.warnings.join(), /could not follow @odata\.nextLink .*400/);
        assert.equal(t.inboundConnectors.count, 1);
      },
    },
    {
      name: "a working @odata.nextLink → every page, complete",
      fault: { target: "exo:Get-AcceptedDomain", kind: "paged" },
      check: (t) => {
        assert.equal(t.acceptedDomains.possiblyTruncated, false);
        assert.equal(t.acceptedDomains.items.length, 4);
      },
    },
    {
      name: "Graph paging is followed",
      fault: { target: "graph:/domains", kind: "paged" },
      check: (t) => assert.deepEqual(t.domains.items.map((d) => d.id).length, 4),
    },
    {
      name: "Graph 500 → GRAPH_HTTP_ERROR for that collection only",
      fault: { target: "graph:/domains", kind: "server-error" },
      check: (t) => {
        assert.equal(t.domains.error?.code, "GRAPH_HTTP_ERROR");
        assert.equal(t.organization.error, null);
      },
    },
  ];
  for (const k of cases) {
    it(k.name, async () => {
      c.cloud.inject(k.fault);
      const t = await c.collect(k.timeoutMs ? { timeoutMs: k.timeoutMs } : {});
      k.check(t);
      // One collector's trouble never costs the others their evidence.
      const others = [t.acceptedDomains, t.inboundConnectors, t.outboundConnectors, t.dkimSigningConfigs, t.arcConfig, t.transportRules, t.organizationConfig, t.organization, t.domains];
      assert.equal(others.filter((s) => s.error !== null).length, k.fault.kind === "server-error" || k.fault.kind === "forbidden-nul" || k.fault.kind === "malformed" || k.fault.kind === "slow" ? 1 : 0);
    });
  }
  it("Graph's own retry handler honours a 429 from Graph", async () => {
    c.cloud.inject({ target: "graph:/organization", kind: "throttle", retryAfter: "1", times: 1 });
    const from = c.cloud.requests().length;
    const t = await c.collect();
    assert.equal(t.organization.error, null);
    assert.equal(c.cloud.requests().slice(from).filter((r) => r.server === "graph" && r.path.startsWith("/v1.0/organization")).length, 2);
  });
});

describe("tokens are checked where they are used", () => {
  it("a Graph token is refused by the admin API (401 → EXO_UNAUTHORIZED)", async () => {
    const { tokens, agent } = await exoClient();
    const exo = createExoClient({ exchange: c.cloud.cloud.exchange, tenantId: CONTOSO_TENANT_ID, identity: "app", getToken: () => tokens.getToken(c.cloud.cloud.graph), dispatcher: agent });
    await assert.rejects(exo.invoke("Get-AcceptedDomain"), (e) => e instanceof CollectError && e.code === "EXO_UNAUTHORIZED");
    await agent.close();
  });
  it("the test CA is needed: without it the https endpoints are not trusted", async () => {
    const { tokens } = await exoClient();
    const agent = createAgent({ ca: [], timeoutMs: 2000 });
    const exo = createExoClient({ exchange: c.cloud.cloud.exchange, tenantId: CONTOSO_TENANT_ID, identity: "app", getToken: () => tokens.getToken(c.cloud.cloud.exchange), dispatcher: agent });
    await assert.rejects(exo.invoke("Get-AcceptedDomain"), (e) => e instanceof CollectError && e.code === "EXO_NETWORK" && /certificate/i.test(e.message));
    await agent.close();
  });
});

describe("the fake token endpoint checks client assertions as Entra ID does", () => {
  let cert: X509Certificate;
  let key: string;
  const aud = "http://127.0.0.1:1/t/oauth2/v2.0/token";
  const id = "1d7e4c2a-0b6f-4a39-8e51-7c2d9f0a4b11";
  before(() => {
    const pem = c.cloud.credentials[CONTOSO_APPS.certificate]!.certificatePem!;
    cert = new X509Certificate(pem);
    key = pem.slice(pem.indexOf("-----BEGIN PRIVATE KEY-----"));
  });
  const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString("base64url");
  const jwt = (claims: Record<string, unknown>, o: { x5t?: string; signWith?: string } = {}) => {
    const header = b64({ alg: "PS256", typ: "JWT", "x5t#S256": o.x5t ?? createHash("sha256").update(cert.raw).digest("base64url") });
    const payload = b64(claims);
    const sig = sign("sha256", Buffer.from(`${header}.${payload}`), { key: createPrivateKey(o.signWith ?? key), padding: 6, saltLength: 32 });
    return `${header}.${payload}.${sig.toString("base64url")}`;
  };
  const now = Math.floor(Date.now() / 1000);
  const good = { aud, iss: id, sub: id, exp: now + 600, nbf: now };
  const cases: [string, () => string, RegExp | null][] = [
    ["a good assertion", () => jwt(good), null],
    ["expired", () => jwt({ ...good, exp: now - 10 }), /AADSTS700024/],
    ["for another token endpoint", () => jwt({ ...good, aud: "https://login.microsoftonline.com/x/oauth2/v2.0/token" }), /AADSTS50027/],
    ["issued by another app", () => jwt({ ...good, iss: "other", sub: "other" }), /AADSTS700021/],
    ["a thumbprint that is not registered", () => jwt(good, { x5t: "AAAA" }), /AADSTS700027/],
    ["signed with another key", () => jwt(good, { signWith: c.cloud.credentials[CONTOSO_APPS.noExchangeRole]!.certificatePem!.replace(/^[\s\S]*?(?=-----BEGIN PRIVATE KEY-----)/, "") }), /AADSTS700027: Client assertion failed signature validation/],
    ["not a JWT", () => "abc", /AADSTS50027/],
  ];
  for (const [name, make, expect] of cases) {
    it(name, () => {
      const r = checkClientAssertion(make(), { cert, clientId: id, audience: aud });
      if (expect === null) assert.equal(r.ok, true, r.error);
      else assert.match(r.error ?? "", expect);
    });
  }
});
