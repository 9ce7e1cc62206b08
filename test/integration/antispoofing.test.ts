// The anti-spoofing rules end to end: the sample world's zones served by the in-process DNS server,
// the real probe pipeline (probeAll), the shipped pack, and the status each domain gets from each
// DMARC, DKIM, parked and MOERA rule — both ways, plus DNS failures that must come out as error.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/resolver.js";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Findings } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeAll } from "../../src/probe/run.js";
import { evaluate, loadPack } from "../../src/rules/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { antispoofingDomains } from "../../src/sandbox/world/antispoofing.js";
import { sampleWorld } from "../../src/sandbox/world/index.js";

/** A TXT value as zone-file character-strings of at most 255 octets (RFC 1035 §3.3). */
const strings = (v: string) => (v.match(/.{1,255}/g) ?? []).map((c) => `"${c}"`).join(" ");
const SEND = '@ TXT "v=spf1 include:spf.protection.outlook.com -all"';
/** Test-only domains: answers that never come, and a 200-tag record that receivers still use. */
const testZones = [
  zone("slow-dmarc.example", "insecure", [SEND]),
  zone("slow-dkim.example", "insecure", [SEND, '_dmarc TXT "v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-rua@dmarc.service.gov.uk"']),
  zone("noisy-dmarc.example", "insecure", [
    SEND,
    `_dmarc TXT ${strings(`v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc-rua@dmarc.service.gov.uk; ${Array.from({ length: 196 }, (_, i) => `x${i}=${i}`).join("; ")}`)}`,
  ]),
];
const domains = [...antispoofingDomains, "parked-borough.example", "gateway-county.example", "good-council.example", "slow-dmarc.example", "slow-dkim.example", "noisy-dmarc.example"];

let server: RunningDnsServer;
let evidence: Evidence;
let findings: Findings;
const pack = loadPack(defaultRulesDir);

before(async () => {
  server = await startDnsServer({
    zones: [...sampleWorld().zones, ...testZones],
    silent: ["_dmarc.slow-dmarc.example", "selector1._domainkey.slow-dkim.example"],
  });
  const ctx: ProbeContext = {
    resolver: createResolver(server.spec, { timeoutMs: 300, retries: 0 }),
    now: () => new Date(),
    ca: [],
    timeoutMs: 1000,
    dkimSelectors: ["ed1"],
    log: () => {},
    // No domain here has an MX host; should one appear, nothing may leave loopback.
    smtpEndpoint: () => null,
  };
  evidence = await probeAll(domains.map((name) => ({ name, input: name, source: "cli" as const })), ctx);
  findings = evaluate(pack, evidence);
});
after(() => server.close());

const status = (f: Findings, domain: string, rule: string) => {
  const hit = f.findings.find((x) => x.ruleId === rule && x.subject === `domain:${domain}`);
  assert.ok(hit, `no finding of ${rule} for ${domain}`);
  return hit;
};

/** [domain, rule, status, message pattern]: the verdicts the sample world is built to show. */
const expected: [string, string, string, RegExp?][] = [
  ["signed-council.example", "dmarc.present", "pass"],
  ["signed-council.example", "dmarc.policy", "pass"],
  ["signed-council.example", "dmarc.subdomain-policy", "pass"],
  ["signed-council.example", "dmarc.reporting", "pass"],
  ["signed-council.example", "dmarc.external-report-auth", "not_applicable", /inside its own organisation/],
  ["signed-council.example", "dkim.key-strength", "pass", /selector1 rsa 2048; selector2 rsa 2048/],
  ["signed-council.example", "dkim.exo-signing", "not_applicable", /No tenant/],
  ["signed-council.example", "parked.locked-down", "not_applicable"],
  ["weak-dkim.example", "dkim.key-strength", "warn", /selector1\._domainkey\.weak-dkim\.example \(1024-bit RSA\)/],
  ["tiny-key.example", "dkim.key-strength", "fail", /512-bit/],
  ["hostile-records.example", "dmarc.present", "fail", /tag p appears more than once/],
  ["hostile-records.example", "dmarc.policy", "fail"],
  ["hostile-records.example", "dmarc.reporting", "fail"],
  ["hostile-records.example", "dkim.key-strength", "fail", /not valid base64.*not an RSA public key/],
  ["open-subdomains.example", "dmarc.policy", "pass"],
  ["open-subdomains.example", "dmarc.subdomain-policy", "fail", /sp=none/],
  // NCSC Mail Check was retired on 31 March 2026: reports still sent there go nowhere useful (issue 24).
  ["gateway-county.example", "dmarc.reporting", "warn", /still sends reports to mailto:dmarc-rua@dmarc\.service\.gov\.uk, NCSC Mail Check's address; Mail Check was retired on 31 March 2026/],
  ["good-council.example", "dmarc.reporting", "pass", /asks for aggregate reports at mailto:dmarc-reports@good-council\.example/],
  ["open-subdomains.example", "dmarc.reporting", "pass", /asks for aggregate reports at mailto:dmarc@open-subdomains\.example/],
  ["open-subdomains.example", "dmarc.external-report-auth", "not_applicable", /inside its own organisation/],
  ["shop.open-subdomains.example", "dmarc.present", "pass", /inherits the DMARC record of its organisational domain _dmarc\.open-subdomains\.example/],
  ["shop.open-subdomains.example", "dmarc.policy", "fail", /none \(the sp of _dmarc\.open-subdomains\.example\)/],
  ["shop.open-subdomains.example", "dmarc.subdomain-policy", "fail"],
  ["outside-reports.example", "dmarc.reporting", "pass"],
  ["outside-reports.example", "dmarc.external-report-auth", "fail", /reports-vendor\.example/],
  ["vendor-reports.example", "dmarc.external-report-auth", "pass"],
  ["vendor-reports.example", "dkim.key-strength", "pass", /ed1 ed25519 256/],
  ["locked-parked.example", "parked.locked-down", "pass"],
  ["locked-parked.example", "dmarc.policy", "pass"],
  ["locked-parked.example", "dkim.key-strength", "not_applicable"],
  ["parked-borough.example", "parked.locked-down", "fail", /SPF is missing.*no Null MX.*no empty DKIM key/],
  ["exampleshire.onmicrosoft.com", "moera.protected", "pass"],
  ["exampleshire.onmicrosoft.com", "dmarc.present", "not_applicable"],
  ["examplecity.onmicrosoft.com", "moera.protected", "fail", /no valid DMARC policy/],
  ["noisy-dmarc.example", "dmarc.present", "warn", /196 unknown tags/],
  ["noisy-dmarc.example", "dmarc.policy", "pass"],
  // Unknown is never pass: a DMARC lookup that never answers makes every DMARC rule an error.
  ["slow-dmarc.example", "dmarc.present", "error", /DNS_TIMEOUT/],
  ["slow-dmarc.example", "dmarc.policy", "error", /DNS_TIMEOUT/],
  ["slow-dmarc.example", "dmarc.subdomain-policy", "error"],
  ["slow-dmarc.example", "dmarc.reporting", "error"],
  ["slow-dmarc.example", "dmarc.external-report-auth", "error"],
  ["slow-dkim.example", "dkim.key-strength", "error", /selector1: DNS_TIMEOUT/],
  ["slow-dkim.example", "dmarc.policy", "pass"],
];

describe("anti-spoofing findings on the sample world", () => {
  it("gives every domain the role its records say", () => {
    const roles = Object.fromEntries(Object.values(evidence.domains).map((d) => [d.name, d.role.value]));
    assert.equal(roles["locked-parked.example"], "parked");
    assert.equal(roles["parked-borough.example"], "parked");
    assert.equal(roles["signed-council.example"], "sending");
    assert.equal(roles["shop.open-subdomains.example"], "sending");
    assert.equal(roles["exampleshire.onmicrosoft.com"], "moera");
  });

  for (const [domain, rule, want, message] of expected) {
    it(`${domain}: ${rule} → ${want}`, () => {
      const f = status(findings, domain, rule);
      assert.equal(f.status, want, f.message);
      if (message) assert.match(f.message, message);
    });
  }

  it("records the CNAME chain behind Exchange Online's selectors", () => {
    const s1 = evidence.domains["signed-council.example"]!.dkim.selectors.find((s) => s.selector === "selector1")!;
    assert.deepEqual(s1.cnameChain, ["selector1-signed-council-example._domainkey.exampleshire.onmicrosoft.com"]);
  });

  it("shows the hostile record's bytes escaped, never raw", () => {
    const d = evidence.domains["hostile-records.example"]!.dmarc;
    assert.ok(d.record?.problems.some((p) => p.includes("\\u{fffd}")), d.record?.problems.join(" | "));
  });
});

describe("dkim.exo-signing with the tenant's DKIM configuration", () => {
  const cname = (sel: string, domain: string) => `${sel}-${domain.replace(/\./g, "-")}._domainkey.exampleshire.onmicrosoft.com`;
  const config = (domain: string, enabled: boolean) => ({ domain, enabled, selector1CNAME: cname("selector1", domain), selector2CNAME: cname("selector2", domain) });
  const withTenant = () =>
    evaluate(pack, {
      ...evidence,
      tenant: {
        dkimSigningConfigs: {
          error: null,
          warnings: [],
          possiblyTruncated: false,
          items: [config("signed-council.example", true), config("weak-dkim.example", true), config("tiny-key.example", false)],
        },
      } as never,
    });

  const table: [string, string, RegExp][] = [
    ["signed-council.example", "pass", /both selector CNAMEs resolve/],
    // selector2 is a TXT record of its own rather than the CNAME Exchange Online needs.
    ["weak-dkim.example", "fail", /selector2 → no CNAME/],
    ["tiny-key.example", "fail", /disabled/],
    ["vendor-reports.example", "not_applicable", /not one of its domains/],
  ];
  for (const [domain, want, message] of table) {
    it(`${domain} → ${want}`, () => {
      const f = status(withTenant(), domain, "dkim.exo-signing");
      assert.equal(f.status, want, f.message);
      assert.match(f.message, message);
    });
  }
});
