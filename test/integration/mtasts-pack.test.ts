// Every MTA-STS and TLS-RPT case of the in-process world through the real probe (DNS server,
// HTTPS servers, undici) and the shipped rule pack: the verdict of each rule, and the evidence
// that proves it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Findings } from "../../src/evidence/findings.js";
import { mtaStsEvidence } from "../../src/evidence/mtasts.js";
import { tlsRptEvidence } from "../../src/evidence/tlsrpt.js";
import { defaultRulesDir } from "../../src/paths.js";
import { probeAll } from "../../src/probe/run.js";
import { evaluate, loadPack } from "../../src/rules/index.js";
import { cases, domainOf } from "./mtasts-cases.js";
import { type StsWorld, startStsWorld } from "./mtasts-world.js";

let world: StsWorld;
let evidence: Evidence;
let findings: Findings;

before(async () => {
  world = await startStsWorld();
  evidence = await probeAll(cases.map((c) => ({ name: domainOf(c.label), input: domainOf(c.label), source: "cli" as const })), world.ctx, { domainConcurrency: 64 });
  findings = evaluate(loadPack(defaultRulesDir), evidence);
});
after(() => world.close());

const sts = (label: string) => evidence.domains[domainOf(label)]!.mtaSts;
const policyOf = (label: string) => sts(label).policy;

describe("MTA-STS and TLS-RPT verdicts, case by case", () => {
  for (const c of cases) {
    describe(`${domainOf(c.label)}: ${c.about}`, () => {
      for (const [ruleId, status] of Object.entries(c.expect)) {
        it(`${ruleId} → ${status}`, () => {
          const f = findings.findings.find((x) => x.ruleId === ruleId && x.subject === `domain:${domainOf(c.label)}`);
          assert.ok(f, `no ${ruleId} finding`);
          assert.equal(f.status, status, f.message);
        });
      }
      it("writes evidence that matches the schema", () => {
        const d = evidence.domains[domainOf(c.label)]!;
        mtaStsEvidence.parse(d.mtaSts);
        tlsRptEvidence.parse(d.tlsRpt);
      });
    });
  }
});

describe("MTA-STS evidence", () => {
  it("keeps the raw body, the certificate, the TLS version and the addresses of a good fetch", () => {
    const p = policyOf("good");
    assert.equal(p.url, "https://mta-sts.good.sts.example/.well-known/mta-sts.txt");
    assert.deepEqual(p.addresses, ["127.0.0.1"]);
    assert.match(p.body ?? "", /^version: STSv1\r\nmode: enforce\r\n/);
    assert.equal(p.response?.status, 200);
    assert.deepEqual(p.certificate?.dnsNames, ["mta-sts.good.sts.example"]);
    // Leaf, intermediate (sent by the server) and the test root (from ctx.ca).
    assert.equal(p.certificate?.chainPem.length, 3);
    assert.equal(p.certificate?.chainPem[2], world.ca.certPem.trim() + "\n");
    assert.equal(p.tlsVersion, "TLSv1.3");
    assert.deepEqual(sts("good").mxMatches, [
      { host: "mx1.good.sts.example", pattern: "mx1.good.sts.example" },
      { host: "a.mx.good.sts.example", pattern: "*.mx.good.sts.example" },
    ]);
  });

  it("never follows a redirect: the target is asked once, by its own case", () => {
    assert.equal(policyOf("redirect").failure?.code, "HTTP_REDIRECT");
    assert.equal(policyOf("redirect").response?.location, "https://mta-sts.good.sts.example/.well-known/mta-sts.txt");
    assert.equal(world.requests("mta-sts.good.sts.example"), 1);
  });

  const failures: [label: string, code: string, detail?: RegExp][] = [
    ["notfound", "HTTP_STATUS", /404/],
    ["html", "HTTP_CONTENT_TYPE", /text\/html/],
    ["big", "HTTP_BODY_TOO_LARGE", /declares 71680 bytes/],
    ["big-chunked", "HTTP_BODY_TOO_LARGE", /more than 65536 bytes/],
    ["wrongname", "TLS_CERT_INVALID", /ERR_TLS_CERT_ALTNAME_INVALID/],
    ["selfsigned", "TLS_CERT_INVALID", /SELF_SIGNED/],
    ["expired", "TLS_CERT_INVALID", /CERT_HAS_EXPIRED/],
    ["otherca", "TLS_CERT_INVALID", /UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE)/],
    ["nohost", "HTTP_NO_ADDRESS"],
  ];
  for (const [label, code, detail] of failures) {
    it(`${label}: failure ${code}`, () => {
      const p = policyOf(label);
      assert.equal(p.error, null);
      assert.equal(p.failure?.code, code, JSON.stringify(p.failure));
      if (detail) assert.match(p.failure!.message, detail);
      assert.equal(p.parsed, null);
    });
  }

  it("stops reading a chunked body soon after 64 KiB", () => {
    const r = policyOf("big-chunked").response!;
    assert.ok(r.bytesRead > 65536 && r.bytesRead <= 65536 + 16384, `read ${r.bytesRead}`);
    assert.equal(policyOf("big-chunked").body, null);
  });

  it("reads a policy of exactly 64 KiB, noting its unknown key", () => {
    const p = policyOf("edge");
    assert.equal(Buffer.byteLength(p.body ?? ""), 65536);
    assert.ok(p.parsed?.notes.some((n) => /unknown key x_pad/.test(n)));
  });

  it("records the certificate a rejected server presented", () => {
    assert.deepEqual(policyOf("wrongname").certificate?.dnsNames, ["www.other.example"]);
    assert.deepEqual(policyOf("selfsigned").certificate?.dnsNames, ["mta-sts.selfsigned.sts.example"]);
    assert.match(policyOf("otherca").certificate?.issuer ?? "", /a CA nobody trusts/);
  });

  for (const [label, code] of [["slow", "HTTP_TIMEOUT"], ["drip", "HTTP_TIMEOUT"], ["hostdns", "DNS_TIMEOUT"]] as const) {
    it(`${label}: an error ${code}, never a failure or a missing policy`, () => {
      assert.equal(policyOf(label).error?.code, code);
      assert.equal(policyOf(label).failure, null);
    });
  }

  it("a timed-out _mta-sts lookup is an error, not an absent record", () => {
    assert.equal(sts("dnstimeout").error?.code, "DNS_TIMEOUT");
  });

  it("matches the wildcard against one leftmost label only", () => {
    assert.deepEqual(sts("wild").mxMatches, [
      { host: "a.mx.wild.sts.example", pattern: "*.mx.wild.sts.example" },
      { host: "deep.b.mx.wild.sts.example", pattern: null },
      { host: "mx.wild.sts.example", pattern: null },
    ]);
    const f = findings.findings.find((x) => x.ruleId === "mtasts.mx-coverage" && x.subject === "domain:wild.sts.example");
    assert.match(f!.message, /deep\.b\.mx\.wild\.sts\.example, mx\.wild\.sts\.example/);
    assert.match(f!.remediation, /mx: deep\.b\.mx\.wild\.sts\.example/);
  });

  it("fetches nothing without a v=STSv1 record", () => {
    assert.equal(policyOf("norecord").attempted, false);
    assert.equal(world.requests("mta-sts.norecord.sts.example"), 0);
  });
});
