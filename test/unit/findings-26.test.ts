// Findings a consultant can act on (issue 26, point 1), through the shipped pack: each message says
// only what is true of that domain, and only the tenant's own domains are its business.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultRulesDir } from "../../src/paths.js";
import { parametersOf } from "../../src/rules/config.js";
import { judge } from "../../src/rules/judge.js";
import { loadPack } from "../../src/rules/pack.js";

const pack = loadPack(defaultRulesDir);
const params = parametersOf(pack, { parameters: {}, severity: {}, waivers: [] });
const resolver = { spec: "t", kind: "udp", server: "t", validatesDnssec: true, validationDetail: "" };
const verdict = (ruleId: string, vars: Record<string, unknown>) =>
  judge(pack.rules.find((r) => r.meta.id === ruleId)!, { id: "t", vars: { resolver, tenant: null, params, ...vars }, pointers: {} });

describe("spf.all-strict says what ~all does under the DMARC policy that applies", () => {
  const domain = (dmarc: unknown) => ({
    name: "council.example", role: { value: "sending", reason: "has MX" },
    spf: { error: null, records: ["v=spf1 ip4:192.0.2.1 ~all"], lint: { result: "softfail", reason: "~all matched", complete: true, allQualifier: "~", allDomain: "council.example", problems: [] } },
    ...(dmarc === undefined ? {} : { dmarc }),
  });
  const cases: [string, unknown, RegExp, RegExp?][] = [
    ["p=reject", { error: null, appliedPolicy: "reject" }, /its DMARC policy \(reject\) turns into rejection/],
    ["p=quarantine", { error: null, appliedPolicy: "quarantine" }, /its DMARC policy \(quarantine\) sends to junk/],
    ["p=none", { error: null, appliedPolicy: "none" }, /only weigh in spam scoring, since its DMARC policy is none/, /reject/],
    ["no DMARC record", { error: null, appliedPolicy: null }, /no DMARC policy applies to it/, /reject/],
    ["DMARC unreadable", { error: { code: "DNS_TIMEOUT", message: "timed out" } }, /could not be read/, /reject/],
  ];
  for (const [name, dmarc, says, never] of cases) {
    it(`${name}: pass, and the message says so`, () => {
      const v = verdict("spf.all-strict", { domain: domain(dmarc) });
      assert.equal(v.status, "pass", v.message);
      assert.match(v.message, says);
      if (never) assert.doesNotMatch(v.message, never);
    });
  }
});

describe("the onmicrosoft.com domain is Microsoft's", () => {
  it("dnssec.domain does not tell the customer to sign Microsoft's zone", () => {
    const v = verdict("dnssec.domain", { domain: { name: "contoso.onmicrosoft.com", role: { value: "moera", reason: "onmicrosoft" }, dnssec: { error: null, status: "insecure", lookups: [] } } });
    assert.equal(v.status, "not_applicable");
  });
});

describe("only the tenant's own domains are in front of its Exchange Online", () => {
  const gateway = { error: null, kind: "third-party", hosts: [], gateways: [{ id: "mimecast", name: "Mimecast Email Security", arcSealers: [], hosts: ["eu-smtp-inbound-1.mimecast.com"] }], unknownHosts: [] };
  const domain = (name: string, accepted: boolean | null) => ({ name, role: { value: "sending", reason: "has MX" }, gateway, mailPath: { error: null, tenantAssessed: accepted !== null, acceptedDomain: accepted, gateways: [] } });
  it("gateway.detected says 'in front of the tenant's Exchange Online' for an accepted domain only", () => {
    assert.match(verdict("gateway.detected", { domain: domain("contoso.gov.uk", true) }).message, /in front of the tenant’s Exchange Online\.$/);
    assert.doesNotMatch(verdict("gateway.detected", { domain: domain("mx.no-starttls.example", false) }).message, /in front of/);
    assert.doesNotMatch(verdict("gateway.detected", { domain: domain("given.example", null) }).message, /in front of/);
  });
  it("exo.reject-direct-send names only the tenant's domains", () => {
    const tenant = { acceptedDomains: { error: null, items: [{ domainName: "contoso.gov.uk" }, { domainName: "contoso-libraries.gov.uk" }] }, organizationConfig: { error: null, rejectDirectSend: false } };
    const v = verdict("exo.reject-direct-send", { tenant, domains: [domain("contoso.gov.uk", true), domain("other-council.example", false), domain("partner.example", false)] });
    assert.equal(v.status, "fail");
    assert.match(v.message, /send mail as contoso\.gov\.uk straight to Exchange Online/);
    assert.doesNotMatch(v.message, /other-council|partner\.example/);
  });
});
