// The collectors against the shapes Microsoft really sends (issue 25), on the sandbox cloud:
// outbound connectors in test mode, listed only when asked for; the 2026 outbound DANE and MTA-STS
// modes; a connector migrated from Forefront; and the bundle path agreeing with the live one.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { outboundConnectors } from "../../src/collect/live.js";
import { renderTenant } from "../../src/report/tenant-summary.js";
import { failed, succeeded } from "../../src/collect/raw.js";
import { CollectError } from "../../src/collect/errors.js";
import { contosoScenario } from "../../src/sandbox/tenants/index.js";
import { outboundConnector } from "../../src/sandbox/tenants/mail-path/tenant.js";
import { type Contoso, startContoso } from "../fixtures/tenant/contoso.js";

const scenario = contosoScenario();
scenario.exchange.cmdlets["Get-OutboundConnector"].push(
  outboundConnector({ Name: "Partner trial", TestMode: true, RecipientDomains: ["partner.example"], MtaStsMode: "None", SmtpDaneMode: "Mandatory", ConnectorSource: "Migrated" }),
);

let c: Contoso;
before(async () => {
  c = await startContoso(scenario);
});
after(() => c.cloud.close());

describe("Get-OutboundConnector and connectors in test mode", () => {
  it("asks twice, once with -IncludeTestModeConnectors $true, and records both connectors", async () => {
    const from = c.cloud.requests().length;
    const t = await c.collect();
    assert.equal(c.cloud.requests().slice(from).filter((r) => r.cmdlet === "Get-OutboundConnector").length, 2);
    const outbound = t.connectors.filter((x) => x.direction === "outbound");
    assert.deepEqual(outbound.map((x) => [x.name, x.direction === "outbound" && x.testMode]), [["Mimecast outbound", false], ["GOV.UK (TLS required)", false], ["Partner trial", true]]);
    assert.equal(t.outboundConnectors.count, 3);
    assert.equal(t.outboundConnectors.possiblyTruncated, false);
  });
  it("reads SmtpDaneMode, MtaStsMode and ConnectorSource Migrated as documented fields, without warnings", async () => {
    const t = await c.collect();
    const trial = t.connectors.find((x) => x.name === "Partner trial");
    assert.ok(trial && trial.direction === "outbound");
    assert.deepEqual([trial.smtpDaneMode, trial.mtaStsMode, trial.connectorSource], ["Mandatory", "None", "Migrated"]);
    assert.deepEqual(t.outboundConnectors.warnings, []);
    // The summary says which connector is in test mode, and its DANE and MTA-STS modes.
    assert.ok(renderTenant(t).some((l) => /outbound connector "Partner trial" \(enabled, in test mode\): MX routing, .*DANE Mandatory, MTA-STS None/.test(l)), renderTenant(t).join("\n"));
  });
  it("a failed second ask keeps the list and marks it possibly incomplete", async () => {
    const run = async (_c: string, p?: Record<string, string | boolean>) =>
      p?.IncludeTestModeConnectors ? failed(new CollectError("EXO_THROTTLED", "gave up")) : succeeded([{ Name: "A", Guid: "1" }]);
    const o = await outboundConnectors(run);
    assert.equal(o.error, null);
    assert.equal(o.objects.length, 1);
    assert.equal(o.possiblyTruncated, true);
    assert.match(o.warnings.join(), /connectors in test mode could not be listed .*EXO_THROTTLED/);
  });
  it("a connector both asks return is recorded once", async () => {
    const o = await outboundConnectors(async () => succeeded([{ Name: "A", Guid: "1" }]));
    assert.equal(o.objects.length, 1);
  });
});
