// MTA-STS and TLS-RPT on the real loopback world: the zone sts.test (signed, validated by
// unbound), the policy sites of https/cases.ts on 127.0.0.30:443 with world CA certificates, and
// mx-good.dane.test's SMTP server, assessed by the real CLI through 127.0.0.53 with the world CA
// given by --ca-file (never by switching checks off). The verdicts are those of
// test/integration/mtasts-pack.test.ts on the in-process sandbox. Run by npm run test:world.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Findings } from "../../src/evidence/findings.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { ELSEWHERE, GOOD_MX, HTTPS_ADDRESS, stsDomain, stsHost } from "./https/cases.js";
import { readFindings } from "../helpers/findings.js";

const W = process.env.EXO_WORLD_DIR ?? "/tmp/exo-world";
const RESOLVER = process.env.EXO_WORLD_RESOLVER ?? "127.0.0.53";
const CA_FILE = join(W, "smtp", "ca.pem");

interface Case { label: string; about: string; expect: Record<string, string> }

const UNUSABLE = { "mtasts.record": "pass", "mtasts.policy": "fail", "mtasts.enforce": "fail", "mtasts.max-age": "not_applicable", "mtasts.mx-coverage": "not_applicable" };
// No organisation report address is required by default (Mail Check, which the pack used to name, is retired).
const NO_RPT = { "tlsrpt.record": "fail", "tlsrpt.reporting": "not_applicable" };

const cases: Case[] = [
  {
    label: "good", about: "enforce, two weeks, covering its DANE MX host; TLS-RPT to https and still to Mail Check's retired address",
    expect: {
      "mtasts.record": "pass", "mtasts.policy": "pass", "mtasts.enforce": "pass", "mtasts.max-age": "pass", "mtasts.mx-coverage": "pass",
      "mtasts.mx-certificates": "pass", "dane.mtasts-consistent": "pass", "tlsrpt.record": "pass", "tlsrpt.reporting": "warn",
    },
  },
  {
    label: "testing", about: "testing mode, one day; TLS-RPT to its own mailbox only",
    expect: {
      "mtasts.record": "pass", "mtasts.policy": "pass", "mtasts.enforce": "warn", "mtasts.max-age": "pass", "mtasts.mx-coverage": "pass",
      "mtasts.mx-certificates": "pass", "tlsrpt.record": "pass", "tlsrpt.reporting": "not_applicable",
    },
  },
  { label: "redirect", about: "301 to the good policy", expect: { ...UNUSABLE, ...NO_RPT } },
  { label: "notfound", about: "404", expect: { ...UNUSABLE, ...NO_RPT } },
  { label: "html", about: "text/html", expect: UNUSABLE },
  { label: "big", about: "a 70 KiB body", expect: UNUSABLE },
  { label: "wrongname", about: `a certificate for ${ELSEWHERE}`, expect: { ...UNUSABLE, "mtasts.mx-certificates": "pass" } },
  {
    label: "wild", about: "*.mx.wild.sts.test covers a.mx only, not deep.b.mx nor mx",
    expect: { "mtasts.policy": "pass", "mtasts.enforce": "pass", "mtasts.mx-coverage": "fail", "mtasts.mx-certificates": "fail", "dane.mtasts-consistent": "not_applicable" },
  },
  { label: "wildok", about: "*.mx.wildok.sts.test covers its one MX host a.mx", expect: { "mtasts.policy": "pass", "mtasts.mx-coverage": "pass" } },
  {
    label: "rpt-invalid", about: "no _mta-sts record; a TLS-RPT record with only an http: rua",
    expect: { "mtasts.record": "fail", "mtasts.policy": "not_applicable", "mtasts.enforce": "fail", "mtasts.mx-certificates": "not_applicable", "tlsrpt.record": "fail", "tlsrpt.reporting": "not_applicable" },
  },
];

interface Run { code: number | null; stderr: string; findings: Findings; evidence: Evidence }

async function assess(domains: string[], extra: string[]): Promise<Run> {
  const out = tempDir();
  const r = await runCli(["assess", ...domains.flatMap((d) => ["--domain", d]), "--resolver", RESOLVER, ...extra, "--format", "json", "--out", out, "--quiet"]);
  const read = (f: string) => JSON.parse(readFileSync(join(out, f), "utf8"));
  return { code: r.code, stderr: r.stderr, findings: readFindings(join(out, "findings.json")), evidence: read("evidence.json") as Evidence };
}

let run: Run;
let untrusted: Run;

before(async () => {
  [run, untrusted] = await Promise.all([
    assess(cases.map((c) => stsDomain(c.label)), ["--ca-file", CA_FILE]),
    // The same good domain without --ca-file: the world CA is then trusted by nobody.
    assess([stsDomain("good")], []),
  ]);
});

const finding = (r: Run, label: string, rule: string) => {
  const f = r.findings.findings.find((x) => x.ruleId === rule && x.subject === `domain:${stsDomain(label)}`);
  assert.ok(f, `no ${rule} finding for ${stsDomain(label)}`);
  return f;
};
const sts = (label: string) => run.evidence.domains[stsDomain(label)]!.mtaSts;

describe("MTA-STS and TLS-RPT on the real world (exo-posture assess, policies over HTTPS on 127.0.0.30:443)", () => {
  it("runs to the end and sees a validating resolver", () => {
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.findings.resolver.validatesDnssec, true);
  });

  for (const c of cases) {
    describe(`${stsDomain(c.label)}: ${c.about}`, () => {
      for (const [rule, want] of Object.entries(c.expect)) {
        it(`${rule} → ${want}`, () => {
          const f = finding(run, c.label, rule);
          assert.equal(f.status, want, f.message);
        });
      }
      it("dnssec.domain → pass (sts.test is signed)", () => {
        assert.equal(finding(run, c.label, "dnssec.domain").status, "pass");
      });
    });
  }
});

describe("MTA-STS evidence from the real world", () => {
  it("fetched the good policy from 127.0.0.30:443 over TLS 1.3, with the world CA's chain", () => {
    const p = sts("good").policy;
    assert.equal(p.url, `https://${stsHost("good")}/.well-known/mta-sts.txt`);
    assert.deepEqual(p.addresses, [HTTPS_ADDRESS]);
    assert.equal(p.response?.status, 200);
    assert.match(p.body ?? "", /^version: STSv1\r\nmode: enforce\r\n/);
    assert.equal(p.tlsVersion, "TLSv1.3");
    assert.deepEqual(p.certificate?.dnsNames, [stsHost("good")]);
    // Leaf, intermediate (sent by the server) and the world's root (from --ca-file).
    assert.equal(p.certificate?.chainPem.length, 3);
    assert.equal(p.certificate?.chainPem[2]?.trim(), readFileSync(CA_FILE, "utf8").trim());
    assert.deepEqual(sts("good").mxMatches, [{ host: GOOD_MX, pattern: GOOD_MX }]);
  });

  const failures: [label: string, code: string, detail: RegExp][] = [
    ["redirect", "HTTP_REDIRECT", /answered 301 \(to https:\/\/mta-sts\.good\.sts\.test\/\.well-known\/mta-sts\.txt\)/],
    ["notfound", "HTTP_STATUS", /404/],
    ["html", "HTTP_CONTENT_TYPE", /text\/html/],
    ["big", "HTTP_BODY_TOO_LARGE", /declares 71680 bytes/],
    ["wrongname", "TLS_CERT_INVALID", /ERR_TLS_CERT_ALTNAME_INVALID/],
  ];
  for (const [label, code, detail] of failures) {
    it(`${label}: failure ${code}, no policy`, () => {
      const p = sts(label).policy;
      assert.equal(p.error, null);
      assert.equal(p.failure?.code, code, JSON.stringify(p.failure));
      assert.match(p.failure!.message, detail);
      assert.equal(p.parsed, null);
    });
  }

  it("records the certificate the wrong-name server presented", () => {
    assert.deepEqual(sts("wrongname").policy.certificate?.dnsNames, [ELSEWHERE]);
  });

  it("matches the wildcard against one leftmost label only", () => {
    assert.deepEqual(sts("wild").mxMatches, [
      { host: "a.mx.wild.sts.test", pattern: "*.mx.wild.sts.test" },
      { host: "deep.b.mx.wild.sts.test", pattern: null },
      { host: "mx.wild.sts.test", pattern: null },
    ]);
    assert.deepEqual(sts("wildok").mxMatches, [{ host: "a.mx.wildok.sts.test", pattern: "*.mx.wildok.sts.test" }]);
    assert.match(finding(run, "wild", "mtasts.mx-coverage").message, /deep\.b\.mx\.wild\.sts\.test, mx\.wild\.sts\.test/);
  });

  it("fetches nothing without a v=STSv1 record", () => {
    assert.equal(sts("rpt-invalid").policy.attempted, false);
  });

  it("without --ca-file the world CA is not trusted: the good policy is a TLS_CERT_INVALID failure", () => {
    assert.equal(untrusted.code, 0, untrusted.stderr);
    const p = untrusted.evidence.domains[stsDomain("good")]!.mtaSts.policy;
    assert.equal(p.failure?.code, "TLS_CERT_INVALID", JSON.stringify(p.failure));
    assert.equal(finding(untrusted, "good", "mtasts.policy").status, "fail");
    assert.equal(finding(untrusted, "good", "mtasts.mx-certificates").status, "fail");
  });
});
