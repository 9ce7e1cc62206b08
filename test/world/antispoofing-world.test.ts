// The anti-spoofing rules (SPF, DMARC, DKIM, parked domains) on the real loopback world: the
// zones spf.test, dmarc-*.test, dkim.test, parked.test and parked-open.test served by nsd and
// validated by unbound (test/world/README.md), assessed by the real CLI through 127.0.0.53. Every
// rule has a pass and a fail case; the expectations are those of test/integration/antispoofing.test.ts
// on the in-process sandbox. Run by npm run test:world.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Findings } from "../../src/evidence/findings.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

const W = process.env.EXO_WORLD_DIR ?? "/tmp/exo-world";
const RESOLVER = process.env.EXO_WORLD_RESOLVER ?? "127.0.0.53";

/**
 * NCSC Mail Check (dmarc.service.gov.uk) is outside this world, so its place is taken by
 * mailcheck.test, which authorises every domain's reports with a wildcard record; the pack's
 * dmarcReportingAddress points there, as a user's --config would.
 */
const MAILCHECK = "mailto:dmarc-rua@mailcheck.test";
const CONFIG = `parameters:\n  dmarcReportingAddress: "${MAILCHECK}"\n`;

type Expect = Record<string, string>;
interface Case { domain: string; about: string; expect: Expect; message?: Record<string, RegExp> }

const SPF_PASS: Expect = { "spf.present": "pass", "spf.valid": "pass", "spf.all-strict": "pass", "spf.no-ptr": "pass", "spf.size": "pass" };
const DMARC_PASS: Expect = {
  "dmarc.present": "pass", "dmarc.policy": "pass", "dmarc.subdomain-policy": "pass", "dmarc.reporting": "pass", "dmarc.external-report-auth": "pass",
};
const NO_DMARC: Expect = {
  "dmarc.present": "fail", "dmarc.policy": "fail", "dmarc.subdomain-policy": "fail", "dmarc.reporting": "fail", "dmarc.external-report-auth": "not_applicable",
};

const cases: Case[] = [
  // --- SPF (zone spf.test)
  { domain: "good.spf.test", about: "one record, an include, -all", expect: SPF_PASS, message: { "spf.valid": /1 of 10 DNS-querying terms, 0 of 2 void lookups/ } },
  { domain: "soft.spf.test", about: "~all", expect: { "spf.all-strict": "pass" }, message: { "spf.all-strict": /ends in ~all/ } },
  {
    domain: "none.spf.test", about: "no SPF record (another TXT only)",
    expect: { "spf.present": "fail", "spf.valid": "not_applicable", "spf.all-strict": "fail", "spf.no-ptr": "not_applicable", "spf.size": "not_applicable" },
    message: { "spf.present": /publishes no SPF record/ },
  },
  {
    domain: "two.spf.test", about: "two v=spf1 records",
    expect: { "spf.present": "fail", "spf.valid": "fail", "spf.all-strict": "fail", "spf.no-ptr": "error" },
    message: { "spf.present": /publishes 2 SPF records/ },
  },
  { domain: "lookups.spf.test", about: "eleven includes", expect: { "spf.present": "pass", "spf.valid": "fail" }, message: { "spf.valid": /needs 11 DNS-querying terms/ } },
  { domain: "loop.spf.test", about: "include loop", expect: { "spf.valid": "fail" }, message: { "spf.valid": /loops: include loop/ } },
  { domain: "void.spf.test", about: "three void lookups", expect: { "spf.valid": "fail" }, message: { "spf.valid": /^3 lookups .* find nothing \(a:_void1\.spf\.test, a:_void2\.spf\.test, mx:_void3\.spf\.test\)/ } },
  { domain: "plusall.spf.test", about: "+all", expect: { "spf.valid": "pass", "spf.all-strict": "fail" }, message: { "spf.all-strict": /ends in \+all/ } },
  { domain: "neutral.spf.test", about: "?all", expect: { "spf.all-strict": "fail" }, message: { "spf.all-strict": /ends in \?all/ } },
  { domain: "ptr.spf.test", about: "the ptr mechanism", expect: { "spf.valid": "pass", "spf.no-ptr": "fail" }, message: { "spf.no-ptr": /uses ptr: ptr:spf\.test/ } },
  { domain: "big.spf.test", about: "a 542-octet record in three strings", expect: { "spf.valid": "pass", "spf.size": "fail" }, message: { "spf.size": /is 542 octets/ } },

  // --- DMARC (one zone per case: receivers read subdomain policy from the organisational domain)
  { domain: "dmarc-reject.test", about: "p=reject, sp=reject, rua to itself and mailcheck.test", expect: { ...SPF_PASS, ...DMARC_PASS } },
  { domain: "dmarc-missing.test", about: "no DMARC record", expect: NO_DMARC, message: { "dmarc.present": /none at _dmarc\.dmarc-missing\.test nor at _dmarc\.test/ } },
  {
    domain: "dmarc-two.test", about: "two DMARC records",
    expect: { ...NO_DMARC },
    message: { "dmarc.present": /^2 DMARC records at _dmarc\.dmarc-two\.test/ },
  },
  {
    // RFC 9989 §4.10.1: no valid p, but a usable rua: receivers act as if the record said p=none.
    domain: "dmarc-invalid.test", about: "p=rejected, with a usable rua (applied as p=none)",
    expect: { "dmarc.present": "warn", "dmarc.policy": "fail", "dmarc.subdomain-policy": "fail", "dmarc.reporting": "pass" },
    message: { "dmarc.present": /p=rejected is not none, quarantine or reject: receivers act as if the record said p=none/ },
  },
  {
    domain: "dmarc-none.test", about: "p=none",
    expect: { "dmarc.present": "pass", "dmarc.policy": "fail", "dmarc.subdomain-policy": "fail", "dmarc.reporting": "pass", "dmarc.external-report-auth": "pass" },
    message: { "dmarc.policy": /is none/ },
  },
  {
    domain: "dmarc-quarantine.test", about: "p=quarantine, no rua",
    expect: { "dmarc.present": "pass", "dmarc.policy": "warn", "dmarc.subdomain-policy": "pass", "dmarc.reporting": "fail", "dmarc.external-report-auth": "not_applicable" },
    message: { "dmarc.reporting": /has no usable rua/ },
  },
  {
    domain: "dmarc-pct.test", about: "p=quarantine; pct=50",
    expect: { "dmarc.present": "warn", "dmarc.policy": "warn", "dmarc.subdomain-policy": "pass", "dmarc.reporting": "pass" },
    message: { "dmarc.policy": /pct=50 is historic \(RFC 9989 Appendix A\.6\)/, "dmarc.present": /pct=50 is historic/ },
  },
  {
    domain: "dmarc-testing.test", about: "p=reject; sp=quarantine; t=y",
    expect: { "dmarc.present": "pass", "dmarc.policy": "warn", "dmarc.subdomain-policy": "fail", "dmarc.reporting": "pass" },
    message: { "dmarc.policy": /test mode \(t=y\), so receivers quarantine/, "dmarc.subdomain-policy": /in test mode .* one level lower/ },
  },
  {
    domain: "dmarc-sp-none.test", about: "p=reject; sp=none; rua to itself only",
    expect: { "dmarc.present": "pass", "dmarc.policy": "pass", "dmarc.subdomain-policy": "fail", "dmarc.reporting": "fail", "dmarc.external-report-auth": "not_applicable" },
    message: { "dmarc.subdomain-policy": /sp=none/, "dmarc.reporting": /does not include mailto:dmarc-rua@mailcheck\.test/ },
  },
  {
    domain: "dmarc-authorised.test", about: "reports to a processor that authorises the domain",
    expect: DMARC_PASS,
    message: { "dmarc.external-report-auth": /dmarc-authorised\.test\._report\._dmarc\.mailcheck\.test, dmarc-authorised\.test\._report\._dmarc\.reports\.test/ },
  },
  {
    domain: "dmarc-unauth.test", about: "reports to a processor that never authorised the domain",
    expect: { "dmarc.present": "pass", "dmarc.policy": "pass", "dmarc.reporting": "pass", "dmarc.external-report-auth": "fail" },
    message: { "dmarc.external-report-auth": /to reports\.test: nothing beginning v=DMARC1 at dmarc-unauth\.test\._report\._dmarc\.reports\.test/ },
  },

  // --- DKIM (zone dkim.test, keys made with openssl at start)
  { domain: "strong.dkim.test", about: "two 2048-bit keys", expect: { "dkim.key-strength": "pass" }, message: { "dkim.key-strength": /selector1 rsa 2048; selector2 rsa 2048/ } },
  { domain: "weak.dkim.test", about: "a 1024-bit key and a revoked one", expect: { "dkim.key-strength": "warn" }, message: { "dkim.key-strength": /selector1\._domainkey\.weak\.dkim\.test \(1024-bit RSA\)/ } },
  { domain: "tiny.dkim.test", about: "a 512-bit key", expect: { "dkim.key-strength": "fail" }, message: { "dkim.key-strength": /512-bit RSA/ } },
  { domain: "revoked.dkim.test", about: "both selectors revoked (empty p=)", expect: { "dkim.key-strength": "not_applicable" } },

  // --- Parked domains
  {
    domain: "parked.test", about: "Null MX, v=spf1 -all, p=reject/sp=reject, empty *._domainkey key",
    expect: { "parked.locked-down": "pass", "spf.present": "pass", "dmarc.policy": "pass", "dmarc.subdomain-policy": "pass", "dkim.key-strength": "not_applicable" },
  },
  {
    domain: "parked-open.test", about: "nothing published, not signed",
    expect: { "parked.locked-down": "fail", "spf.present": "fail", "dmarc.present": "fail" },
    message: { "parked.locked-down": /SPF is missing.*the DMARC policy is missing.*no Null MX.*no empty DKIM key at \*\._domainkey\.parked-open\.test/ },
  },
];

/** Every zone here is signed but parked-open.test: dnssec.domain must say so from unbound's AD bit. */
const UNSIGNED = new Set(["parked-open.test"]);
const ROLES: Record<string, string> = { "parked.test": "parked", "parked-open.test": "parked", "none.spf.test": "parked", "good.spf.test": "sending", "dmarc-reject.test": "sending" };

let code: number | null;
let stderr: string;
let findings: Findings;
let evidence: Evidence;

before(async () => {
  const out = tempDir({ "config.yaml": CONFIG });
  const r = await runCli([
    "assess", ...cases.flatMap((c) => ["--domain", c.domain]),
    "--resolver", RESOLVER, "--ca-file", join(W, "smtp", "ca.pem"), "--config", join(out, "config.yaml"),
    "--format", "json", "--out", out, "--quiet",
  ]);
  ({ code, stderr } = r);
  findings = readFindings(join(out, "findings.json"));
  evidence = JSON.parse(readFileSync(join(out, "evidence.json"), "utf8")) as Evidence;
});

const finding = (domain: string, rule: string) => {
  const f = findings.findings.find((x) => x.ruleId === rule && x.subject === `domain:${domain}`);
  assert.ok(f, `no finding of ${rule} for ${domain}`);
  return f;
};

describe("anti-spoofing rules on the real world (exo-posture assess through unbound)", () => {
  it("runs to the end and sees a validating resolver", () => {
    assert.equal(code, 0, stderr);
    assert.equal(findings.resolver.validatesDnssec, true);
  });

  it("gives each domain the role its records say", () => {
    for (const [domain, role] of Object.entries(ROLES)) assert.equal(evidence.domains[domain]?.role.value, role, domain);
  });

  for (const c of cases) {
    describe(`${c.domain}: ${c.about}`, () => {
      for (const [rule, want] of Object.entries(c.expect)) {
        it(`${rule} → ${want}`, () => {
          const f = finding(c.domain, rule);
          assert.equal(f.status, want, f.message);
          const pattern = c.message?.[rule];
          if (pattern) assert.match(f.message, pattern);
        });
      }
      const signed = !UNSIGNED.has(c.domain);
      it(`dnssec.domain → ${signed ? "pass" : "fail"} (${signed ? "signed, validated by unbound" : "unsigned: insecure"})`, () => {
        const f = finding(c.domain, "dnssec.domain");
        assert.equal(f.status, signed ? "pass" : "fail", f.message);
        assert.equal(evidence.domains[c.domain]?.dnssec.status, signed ? "secure" : "insecure");
      });
    });
  }
});

describe("anti-spoofing evidence from the real world", () => {
  it("counts SPF lookups, void lookups and octets as the records are built", () => {
    const lint = (d: string) => evidence.domains[d]!.spf.lint!;
    assert.equal(lint("lookups.spf.test").lookups, 11);
    assert.equal(lint("void.spf.test").voidLookups, 3);
    assert.deepEqual(lint("big.spf.test").sizes, [{ bytes: 542, strings: [238, 240, 64] }]);
  });

  it("reads the sizes of the keys openssl made at start", () => {
    const bits = (d: string) =>
      evidence.domains[d]!.dkim.selectors.flatMap((s) => s.keys.map((k) => `${s.selector}:${k.revoked ? "revoked" : k.publicKey?.bits}`));
    assert.deepEqual(bits("strong.dkim.test"), ["selector1:2048", "selector2:2048"]);
    assert.deepEqual(bits("weak.dkim.test"), ["selector1:1024", "selector2:revoked"]);
    assert.deepEqual(bits("tiny.dkim.test"), ["selector1:512"]);
    assert.deepEqual(bits("revoked.dkim.test"), ["selector1:revoked", "selector2:revoked"]);
  });

  it("finds the wildcard report authorisation and the empty wildcard DKIM key through signed wildcards", () => {
    const auth = evidence.domains["dmarc-reject.test"]!.dmarc.reportAuthorizations;
    assert.deepEqual(auth.map((a) => [a.name, a.authorized]), [["dmarc-reject.test._report._dmarc.mailcheck.test", true]]);
    const wildcard = evidence.domains["parked.test"]!.dkim.wildcard;
    assert.ok(wildcard.keys.some((k) => k.revoked), JSON.stringify(wildcard));
  });
});
