// The tenant's part of GOV.UK's secure email policy (issue 28), from tenants shaped as Microsoft
// returns them (the sandbox's mail-path scenarios, read through the bundle parser and normalizer):
// inbound DMARC enforced (Get-AntiPhishPolicy) and TLS forced to *.gov.uk (connectors, rules).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeTenant } from "../../src/collect/normalize.js";
import { parseBundle } from "../../src/collect/powershell-import.js";
import { defaultRulesDir } from "../../src/paths.js";
import { EMPTY_CONFIG, loadPack, parametersOf } from "../../src/rules/index.js";
import { judge } from "../../src/rules/judge.js";
import { bundleOf } from "../../src/sandbox/bundle.js";
import { type MailPathTenant, mailPathScenario, outboundConnector, tenantEvidenceOf, transportRule } from "../../src/sandbox/tenants/mail-path/tenant.js";

const pack = loadPack(defaultRulesDir);
const resolver = { spec: "t", kind: "udp", server: "t", validatesDnssec: true, validationDetail: "" };
const verdict = (ruleId: string, t: MailPathTenant, parameters: Record<string, unknown> = {}) => {
  const params = parametersOf(pack, { ...EMPTY_CONFIG, parameters });
  return judge(pack.rules.find((r) => r.meta.id === ruleId)!, { id: "tenant", vars: { tenant: tenantEvidenceOf(t), domains: [], mxHosts: {}, params, resolver }, pointers: {} });
};

describe("exo.honor-dmarc from Get-AntiPhishPolicy", () => {
  const cases: [string, Record<string, unknown> | undefined, string, RegExp][] = [
    ["Microsoft's defaults", undefined, "pass", /p=reject domains is rejected, from p=quarantine domains quarantined/],
    ["p=reject to quarantine, p=quarantine to Junk", { DmarcRejectAction: "Quarantine", DmarcQuarantineAction: "MoveToJmf" }, "pass", /quarantined, from p=quarantine domains delivered to the Junk Email folder/],
    ["HonorDmarcPolicy $false", { HonorDmarcPolicy: false }, "fail", /ignores senders' DMARC policies \(HonorDmarcPolicy \$false\).*the Junk Email folder/],
    ["HonorDmarcPolicy left out of the answer", { HonorDmarcPolicy: undefined }, "error", /did not report HonorDmarcPolicy/],
    ["an action given as a number this tool does not know", { DmarcRejectAction: 7 }, "error", /values this tool does not know/],
  ];
  for (const [name, antiPhish, status, says] of cases) {
    it(`${name}: ${status}`, () => {
      const v = verdict("exo.honor-dmarc", antiPhish ? { antiPhish } : {});
      assert.equal(v.status, status, v.message);
      assert.match(v.message, says);
    });
  }
  it("a missing property is recorded as unknown with a warning, never as its default", () => {
    const t = tenantEvidenceOf({ antiPhish: { HonorDmarcPolicy: undefined } });
    assert.equal(t.antiPhishPolicies.items[0]!.honorDmarcPolicy, null);
    assert.ok(t.antiPhishPolicies.warnings.some((w) => /HonorDmarcPolicy is not in the answer/.test(w)), t.antiPhishPolicies.warnings.join("\n"));
  });
  it("a bundle made by the older script (no Get-AntiPhishPolicy) is BUNDLE_MISSING, and the rule an error", () => {
    const bundle = bundleOf(mailPathScenario(), { collectedAt: "2026-01-01T00:00:00.000Z" }) as { cmdlets: Record<string, unknown> };
    delete bundle.cmdlets["Get-AntiPhishPolicy"];
    const t = normalizeTenant(parseBundle(bundle, "old.json"), { cloud: null, collectedBy: { method: "bundle", clientId: null, certificateThumbprintSha256: null, bundleFile: "old.json" } });
    assert.equal(t.antiPhishPolicies.error?.code, "BUNDLE_MISSING");
    const params = parametersOf(pack, EMPTY_CONFIG);
    const v = judge(pack.rules.find((r) => r.meta.id === "exo.honor-dmarc")!, { id: "tenant", vars: { tenant: t, domains: [], mxHosts: {}, params, resolver }, pointers: {} });
    assert.equal(v.status, "error");
    assert.equal(v.cause, "BUNDLE_MISSING");
  });
});

describe("connector.govuk-tls from connectors and mail flow rules", () => {
  const govuk = (o: Record<string, unknown> = {}) => outboundConnector({ Name: "GOV.UK (TLS required)", RecipientDomains: ["*.gov.uk"], TlsSettings: "CertificateValidation", ...o });
  const smartHost = outboundConnector({ Name: "Gateway outbound", RecipientDomains: ["*"], UseMXRecord: false, SmartHosts: ["outbound.gateway.example"], TlsSettings: "EncryptionOnly" });
  const cases: [string, MailPathTenant, Record<string, unknown>, string, RegExp][] = [
    ["a *.gov.uk connector with TlsSettings", { outboundConnectors: [govuk()] }, {}, "pass", /GOV\.UK \(TLS required\) delivers mail for \*\.gov\.uk only over TLS \(TlsSettings CertificateValidation\)/],
    ["it wins over a catch-all through a gateway", { outboundConnectors: [smartHost, govuk()] }, {}, "pass", /only over TLS/],
    ["the same connector without TlsSettings", { outboundConnectors: [govuk({ TlsSettings: null })] }, {}, "fail", /does not require TLS/],
    ["the same connector in test mode", { outboundConnectors: [govuk({ TestMode: true })] }, {}, "fail", /No outbound connector or mail flow rule forces TLS/],
    ["a mail flow rule that requires TLS for gov.uk", { transportRules: [transportRule({ Name: "Require TLS to gov.uk", RecipientDomainIs: ["gov.uk"], RouteMessageOutboundRequireTls: true })] }, {}, "pass", /The mail flow rule Require TLS to gov\.uk delivers mail to gov\.uk recipients only over TLS/],
    ["that rule in Audit mode", { transportRules: [transportRule({ Name: "Require TLS to gov.uk", Mode: "Audit", RecipientDomainIs: ["gov.uk"], RouteMessageOutboundRequireTls: true })] }, {}, "fail", /No outbound connector or mail flow rule/],
    ["nothing", {}, {}, "fail", /No outbound connector or mail flow rule forces TLS/],
    ["all mail through a gateway", { outboundConnectors: [smartHost] }, {}, "error", /outbound\.gateway\.example.*set in that service.*record it in --config as gatewayForcesTlsToGovUk/],
    ["the gateway checked and recorded as forcing TLS", { outboundConnectors: [smartHost] }, { gatewayForcesTlsToGovUk: true }, "pass", /as recorded in the config \(gatewayForcesTlsToGovUk: true; checked at the gateway, not by this tool\)/],
    ["the gateway checked and recorded as not forcing it", { outboundConnectors: [smartHost] }, { gatewayForcesTlsToGovUk: false }, "fail", /the gateway does not force TLS to \*\.gov\.uk \(as recorded in the config/],
    ["an organisation that is not UK public sector", {}, { ukPublicSector: false }, "not_applicable", /does not apply/],
  ];
  for (const [name, t, parameters, status, says] of cases) {
    it(`${name}: ${status}`, () => {
      const v = verdict("connector.govuk-tls", t, parameters);
      assert.equal(v.status, status, v.message);
      assert.match(v.message, says);
    });
  }
});
