// Verdicts as the published RFCs and UK guidance stand in 2026 (issue 24), through the shipped pack
// and its default parameters: Mail Check is retired, and an empty ArcTrustedSealers trusts nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shippedData } from "../../src/data/load.js";
import { defaultRulesDir } from "../../src/paths.js";
import { parseDmarc } from "../../src/probe/dmarc/record.js";
import { parametersOf } from "../../src/rules/config.js";
import { judge } from "../../src/rules/judge.js";
import { loadPack } from "../../src/rules/pack.js";

const pack = loadPack(defaultRulesDir);
const params = parametersOf(pack, { parameters: {}, severity: {}, waivers: [] });
const resolver = { spec: "t", kind: "udp", server: "t", validatesDnssec: true, validationDetail: "" };
const verdict = (ruleId: string, vars: Record<string, unknown>) =>
  judge(pack.rules.find((r) => r.meta.id === ruleId)!, { id: "t", vars: { resolver, tenant: null, params, ...vars }, pointers: {} });

const uri = (u: string) => ({ raw: u, uri: u, problem: null });
const dmarcDomain = (rua: string[], ruf: string[] = []) => ({
  name: "council.example", role: { value: "sending", reason: "has MX" },
  dmarc: { error: null, policyDomain: "council.example", record: { valid: true, rua: rua.map(uri), ruf: ruf.map(uri) } },
});
const tlsRptDomain = (rua: string[]) => ({
  name: "council.example", role: { value: "sending", reason: "has MX" },
  tlsRpt: { error: null, records: [`v=TLSRPTv1; rua=${rua.join(",")}`], record: { valid: true, rua: rua.map((u) => ({ uri: u, scheme: "mailto", valid: true })) } },
});

describe("Mail Check, retired on 31 March 2026", () => {
  it("is required by no default parameter", () => {
    assert.equal(params.dmarcReportingAddress, null);
    assert.equal(params.tlsrptReportingAddress, null);
  });
  const cases: [string, string, unknown, string, RegExp?][] = [
    ["own DMARC address only", "dmarc.reporting", dmarcDomain(["mailto:dmarc@council.example"]), "pass"],
    ["DMARC rua still to Mail Check", "dmarc.reporting", dmarcDomain(["mailto:dmarc-rua@dmarc.service.gov.uk", "mailto:dmarc@council.example"]), "warn", /Mail Check was retired on 31 March 2026/],
    ["DMARC rua to Mail Check only, upper case", "dmarc.reporting", dmarcDomain(["mailto:DMARC-RUA@dmarc.service.gov.uk"]), "warn", /retired/],
    ["TLS-RPT to its own mailbox", "tlsrpt.reporting", tlsRptDomain(["mailto:tls@council.example"]), "not_applicable"],
    ["TLS-RPT still to Mail Check", "tlsrpt.reporting", tlsRptDomain(["mailto:tls-rua@mailcheck.service.ncsc.gov.uk"]), "warn", /Mail Check was retired/],
  ];
  for (const [name, rule, domain, status, message] of cases) {
    it(`${name}: ${rule} is ${status}`, () => {
      const v = verdict(rule, { domain });
      assert.equal(v.status, status, v.message);
      if (message) assert.match(v.message, message);
      assert.doesNotMatch(v.remediation, /add mailto:dmarc-rua@dmarc\.service\.gov\.uk|Add mailto:tls-rua@mailcheck/i);
    });
  }
});

describe("ARC trusted sealers (Set-ArcConfig)", () => {
  const gatewayDomain = (arcSealers: string[]) => ({
    name: "council.example", role: { value: "sending", reason: "has MX" },
    gateway: { error: null, kind: "third-party", hosts: [], gateways: [{ id: "gw", name: "Some Gateway", arcSealers, hosts: ["mx.gw.example"] }], unknownHosts: [] },
  });
  const cases: [string, string[], string[], string][] = [
    ["an empty list, the gateway's sealer unknown", [], [], "fail"],
    ["an empty list, the gateway's sealer known", [], ["gw.example"], "fail"],
    ["another sealer trusted, the gateway's unknown", ["other.example"], [], "warn"],
    ["another sealer trusted, the gateway's known", ["other.example"], ["gw.example"], "fail"],
    ["the gateway's sealer trusted", ["gw.example"], ["gw.example"], "pass"],
  ];
  for (const [name, trusted, sealers, status] of cases) {
    it(`${name}: ${status}`, () => {
      const v = verdict("gateway.arc-trusted-sealer", { tenant: { acceptedDomains: { error: null, items: [{ domainName: "council.example" }] }, arcConfig: { error: null, arcTrustedSealers: trusted } }, domains: [gatewayDomain(sealers)], mxHosts: {} });
      assert.equal(v.status, status, v.message);
    });
  }
  it("names a gateway and its sealer once, however many domains sit behind it", () => {
    const domains = ["a", "b", "c"].map((n) => ({ ...gatewayDomain(["gw.example"]), name: `${n}.example` }));
    const v = verdict("gateway.arc-trusted-sealer", { tenant: { acceptedDomains: { error: null, items: ["a", "b", "c", "council"].map((n) => ({ domainName: `${n}.example` })) }, arcConfig: { error: null, arcTrustedSealers: ["other.example"] } }, domains, mxHosts: {} });
    assert.equal(v.status, "fail");
    assert.equal(v.message.match(/Some Gateway/g)?.length, 1, v.message);
    assert.match(v.remediation, /-ArcTrustedSealers "other\.example","gw\.example"\n/);
  });
  it("asks for the unknown sealer by the gateway's name in the command it gives", () => {
    const v = verdict("gateway.arc-trusted-sealer", { tenant: { acceptedDomains: { error: null, items: ["a", "b", "c", "council"].map((n) => ({ domainName: `${n}.example` })) }, arcConfig: { error: null, arcTrustedSealers: ["other.example"] } }, domains: [gatewayDomain([])], mxHosts: {} });
    assert.equal(v.status, "warn");
    assert.match(v.remediation, /"other\.example","<the d= of the ARC-Seal of Some Gateway>"/);
  });
  // Microsoft Learn, "Configure trusted ARC sealers", vendor-specific ARC sealer configuration.
  const sealers: [string, string][] = [
    ["mimecast", "mimecast.com"], ["proofpoint", "pphosted.com"], ["proofpoint-essentials", "pphosted.com"],
    ["barracuda", "barracudanetworks.com"], ["sophos", "sophos.com"],
  ];
  const catalogue = shippedData();
  for (const [id, sealer] of sealers) {
    it(`the catalogue knows the sealer of ${id}: ${sealer}, with its source`, () => {
      const g = catalogue.gateways.find((x) => x.id === id)!;
      assert.deepEqual(g.arcSealers, [sealer]);
      assert.ok(g.sources.some((src) => /ARC/.test(src.title) && src.title.includes(sealer)), JSON.stringify(g.sources));
    });
  }
});

describe("DMARC records without a valid policy (RFC 9989 §4.10.1)", () => {
  const domainWith = (raw: string) => {
    const record = parseDmarc(raw);
    return {
      name: "council.example", role: { value: "sending", reason: "has MX" },
      // The domain's own record: the policy applied is p (src/probe/dmarc/index.ts, appliedPolicy).
      dmarc: { error: null, records: [raw], record, appliedPolicy: record.valid ? record.policy.p : null, source: "domain", policyDomain: "council.example", rfc7489: { error: null, policyDomain: "council.example" } },
    };
  };
  const cases: [string, string, string, RegExp?][] = [
    ["v=DMARC1; rua=mailto:d@council.example", "warn", "fail", /act as if the record said p=none/],
    ["v=DMARC1; p=maybe; rua=mailto:d@council.example", "warn", "fail", /p=maybe/],
    ["v=DMARC1; p=reject; sp=strict; rua=mailto:d@council.example", "warn", "fail", /sp=strict/],
    ["v=DMARC1; adkim=s", "fail", "fail", /no DMARC policy at all/],
    ["v=DMARC1; p=reject; rua=mailto:d@council.example", "pass", "pass"],
  ];
  for (const [raw, present, policy, message] of cases) {
    it(`${raw}: dmarc.present ${present}, dmarc.policy ${policy}`, () => {
      const domain = domainWith(raw);
      const p = verdict("dmarc.present", { domain });
      assert.equal(p.status, present, p.message);
      if (message) assert.match(p.message, message);
      assert.equal(verdict("dmarc.policy", { domain }).status, policy);
    });
  }
});

describe("pct is historic and t=y is test mode (RFC 9989 §4.7, Appendix A.6)", () => {
  const domainWith = (raw: string) => {
    const record = parseDmarc(raw);
    const p = record.policy;
    return {
      name: "council.example", role: { value: "sending", reason: "has MX" },
      dmarc: {
        error: null, records: [raw], record, appliedPolicy: p.p, source: "domain", policyDomain: "council.example",
        subdomainPolicy: { error: null, policyDomain: "council.example", raw, existing: p.sp, nonExistent: p.np, testing: p.testing },
      },
    };
  };
  // [record, dmarc.policy, what its message must say, dmarc.subdomain-policy]
  const cases: [string, string, RegExp, string][] = [
    ["v=DMARC1; p=reject; t=y", "warn", /test mode \(t=y\), so receivers quarantine/, "warn"],
    ["v=DMARC1; p=quarantine; t=y", "fail", /test mode \(t=y\), so receivers apply none/, "fail"],
    ["v=DMARC1; p=reject; pct=0", "warn", /pct=0, the historic form of t=y/, "warn"],
    ["v=DMARC1; p=quarantine; pct=0", "fail", /receivers apply none/, "fail"],
    ["v=DMARC1; p=quarantine; pct=50", "warn", /pct=50 is historic .* quarantine all failing mail, older ones only about 50%/, "pass"],
    ["v=DMARC1; p=reject; pct=25", "warn", /reject all failing mail, older ones .* only about 25% of it and quarantine the rest/, "pass"],
    ["v=DMARC1; p=reject; t=n", "pass", /is reject/, "pass"],
    ["v=DMARC1; p=none; t=y", "fail", /is none/, "fail"],
    ["v=DMARC1; p=reject; sp=quarantine; t=y", "warn", /receivers quarantine/, "fail"],
  ];
  for (const [raw, policy, message, subdomains] of cases) {
    it(`${raw}: dmarc.policy ${policy}, dmarc.subdomain-policy ${subdomains}`, () => {
      const domain = domainWith(raw);
      const v = verdict("dmarc.policy", { domain });
      assert.equal(v.status, policy, v.message);
      assert.match(v.message, message);
      const s = verdict("dmarc.subdomain-policy", { domain });
      assert.equal(s.status, subdomains, s.message);
    });
  }
  it("says why pct below 100 is not what it reads, in the record's warnings", () => {
    assert.match(parseDmarc("v=DMARC1; p=reject; pct=0").warnings.join(" "), /pct=0 is historic .*read it as t=y/);
    assert.match(parseDmarc("v=DMARC1; p=reject; pct=10").warnings.join(" "), /pct=10 is historic/);
    assert.equal(parseDmarc("v=DMARC1; p=reject; pct=0").policy.testing, true);
    assert.equal(parseDmarc("v=DMARC1; p=reject; pct=10").policy.testing, false);
  });
});

describe("DMARC rules cite RFC 9989 and RFC 9990, which obsolete RFC 7489", () => {
  const dmarcRules = pack.rules.filter((r) => r.meta.control === "dmarc" || r.meta.inputs.some((i) => i.startsWith("domain.dmarc")));
  it("finds the DMARC rules", () => assert.ok(dmarcRules.length >= 6, dmarcRules.map((r) => r.meta.id).join(", ")));
  for (const rule of dmarcRules) {
    it(`${rule.meta.id} cites RFC 9989 or RFC 9990, and RFC 7489 only for what older receivers still do`, () => {
      const refs = rule.meta.references;
      assert.ok(refs.some((r) => /rfc-editor\.org\/rfc\/rfc99(89|90)\b/.test(r.url)), `${rule.meta.id}: ${refs.map((r) => r.url).join(" ")}`);
      for (const r of refs.filter((x) => /rfc7489/.test(x.url))) assert.match(r.title, /older|not yet on RFC 9989/, r.title);
      assert.doesNotMatch(rule.meta.description, /RFC 7489 §(6\.2|6\.3|6\.4|7\.1)\b/);
    });
  }
});
