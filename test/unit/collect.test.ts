// The pieces of the Exchange collector that need no server: the read-only allow-list, how long to
// wait when Microsoft says "later", and how the admin API's error bodies are read.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertAllowed, isAllowedCmdlet, PER_DOMAIN_CMDLETS, TENANT_CMDLETS } from "../../src/collect/allow-list.js";
import { CollectError, exoForbidden, exoUnauthorized, graphForbidden } from "../../src/collect/errors.js";
import { errorDetail } from "../../src/collect/exo.js";
import { DEFAULT_RETRY, nextWait, retryAfterMs } from "../../src/collect/retry.js";

describe("the allow-list", () => {
  it("holds only Get-* cmdlets", () => {
    for (const c of [...TENANT_CMDLETS, ...PER_DOMAIN_CMDLETS]) assert.match(c, /^Get-[A-Za-z]+$/);
  });
  const refused: [string, Record<string, unknown>][] = [
    ["Set-InboundConnector", {}],
    ["New-TransportRule", {}],
    ["Remove-AcceptedDomain", {}],
    ["Invoke-Expression", {}],
    ["get-inboundconnector", {}],
    ["Get-InboundConnector ", {}],
    ["Get-InboundConnector; Set-InboundConnector", {}],
    ["Get-Mailbox", {}],
    ["Get-InboundConnector", { Identity: "x" }],
    ["Get-TransportRule", { ResultSize: { script: "block" } }],
    ["Get-DnssecStatusForVerifiedDomain", { DomainName: ["a", "b"] }],
  ];
  for (const [name, params] of refused) {
    it(`refuses ${JSON.stringify(name)} ${JSON.stringify(params)}`, () => {
      assert.throws(() => assertAllowed(name, params), (e) => e instanceof CollectError && e.code === "EXO_CMDLET_REFUSED");
    });
  }
  it("allows the listed cmdlets with their parameters", () => {
    assertAllowed("Get-TransportRule", { ResultSize: "Unlimited" });
    assertAllowed("Get-SmtpDaneInboundStatus", { DomainName: "a.example" });
    assert.equal(isAllowedCmdlet("Get-ArcConfig"), true);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  const cases: [string | undefined, number | null][] = [
    ["3", 3000],
    [" 0 ", 0],
    ["Wed, 01 Jan 2025 00:00:10 GMT", 10_000],
    ["Tue, 31 Dec 2024 23:59:00 GMT", 0],
    ["soon", null],
    [undefined, null],
  ];
  for (const [header, ms] of cases) it(`${JSON.stringify(header)} → ${ms}`, () => assert.equal(retryAfterMs(header, now), ms));

  it("waits as asked, doubles when not told, and stops when tries or patience run out", () => {
    const p = { ...DEFAULT_RETRY, maxAttempts: 3, maxWaitMs: 5000, baseWaitMs: 100 };
    assert.equal(nextWait(p, 1, 2000), 2000);
    assert.equal(nextWait(p, 1, null), 100);
    assert.equal(nextWait(p, 2, null), 200);
    assert.equal(nextWait(p, 3, 1), null, "no fourth try");
    assert.equal(nextWait(p, 1, 60_000), null, "a wait longer than the cap is an error, not a hang");
  });
});

describe("error bodies", () => {
  const cases: [string, string][] = [
    [JSON.stringify({ error: { code: "x", message: "Invalid Operation", details: [{ message: "The operation couldn't be performed because object 'x' couldn't be found." }] } }), "The operation couldn't be performed because object 'x' couldn't be found."],
    [JSON.stringify({ error: { message: "Invalid Operation", innererror: { internalException: { message: "Inner reason" } } } }), "Inner reason"],
    [JSON.stringify({ error: { message: "Invalid Operation" } }), "Invalid Operation"],
    // As the admin API writes them (CIPP New-ExoRequest.ps1 and ScubaGear EXORestHelper.psm1 parse these).
    [JSON.stringify({ error: { message: "Invalid Operation", details: [{ message: "|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'x' couldn't be found." }] } }), "The operation couldn't be performed because object 'x' couldn't be found."],
    [JSON.stringify({ error: { message: "Invalid Operation", innererror: { internalexception: { message: "|Microsoft.Exchange.Data.DataValidationException|Lower-case inner reason" } } } }), "Lower-case inner reason"],
    [JSON.stringify({ error: { message: "Invalid Operation", details: [{ message: "|A.B|same" }, { message: "|A.B|same" }] } }), "same"],
    ["\u0000\u0000\u0000", ""],
    ["<html>\u001b[31mBad\ngateway</html>", "<html> [31mBad gateway</html>"],
  ];
  for (const [body, expect] of cases) it(JSON.stringify(body).slice(0, 60), () => assert.equal(errorDetail(body), expect));
});

describe("permission messages name what to grant", () => {
  it("Exchange 401: Exchange.ManageAsApp, for the app; a role for a user", () => {
    assert.match(exoUnauthorized("app", "").message, /Exchange\.ManageAsApp .*00000002-0000-0ff1-ce00-000000000000/);
    assert.match(exoUnauthorized("user", "").message, /Exchange\.Manage\b/);
  });
  it("Exchange 403: Global Reader", () => {
    const e = exoForbidden("app", "Get-ArcConfig", "");
    assert.equal(e.code, "EXO_FORBIDDEN");
    assert.match(e.message, /Get-ArcConfig .*Global Reader/);
  });
  it("Graph 403: the permission of each collection", () => {
    assert.match(graphForbidden("/organization", 403, "").message, /Organization\.Read\.All/);
    assert.match(graphForbidden("/domains", 403, "").message, /Domain\.Read\.All/);
    assert.equal(graphForbidden("/domains", 401, "").code, "GRAPH_UNAUTHORIZED");
  });
});
