// STARTTLS, DNSSEC and DANE through the real pipeline: the sandbox DNS server and in-process SMTP
// servers of the transport world, the SMTP and DANE probes, and the shipped rule pack. One row
// per MX host (or domain): the verdict every transport rule must give it.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/resolver.js";
import { type Evidence, evidenceSchema } from "../../src/evidence/evidence.js";
import type { Findings, Status } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeAll } from "../../src/probe/run.js";
import { evaluate, loadPack } from "../../src/rules/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { type RunningTransportWorld, startTransportWorld } from "../../src/sandbox/world/transport.js";

type Expect = Partial<Record<"starttls.offered" | "starttls.tls-version" | "dnssec.mx" | "dane.tlsa" | "dane.match" | "dane.rollover", Status>>;

const mxCases: { host: string; about: string; expect: Expect }[] = [
  { host: "mx.dane-good.example", about: "DANE-EE + DANE-TA, matching", expect: { "starttls.offered": "pass", "starttls.tls-version": "pass", "dnssec.mx": "pass", "dane.tlsa": "pass", "dane.match": "pass", "dane.rollover": "pass" } },
  { host: "mx.dane-mismatch.example", about: "DANE-EE of another key", expect: { "starttls.offered": "pass", "dane.tlsa": "pass", "dane.match": "fail", "dane.rollover": "fail" } },
  { host: "mx.dane-ta.example", about: "DANE-TA 2 0 1 of the intermediate", expect: { "dane.tlsa": "pass", "dane.match": "pass", "dane.rollover": "fail" } },
  { host: "mx.dane-wrongname.example", about: "DANE-TA matches, certificate for another name", expect: { "starttls.offered": "pass", "dane.match": "fail" } },
  { host: "mx.dane-expired.example", about: "expired certificate, DANE-EE 3 1 2 (no expiry check) + next key", expect: { "dane.match": "pass", "dane.rollover": "pass" } },
  { host: "mx.dane-selfsigned.example", about: "self-signed, DANE-EE 3 0 0 + next key", expect: { "dane.match": "pass", "dane.rollover": "pass" } },
  { host: "mx.dane-pkix.example", about: "only PKIX-EE: unusable for SMTP", expect: { "dane.tlsa": "fail", "dane.match": "not_applicable", "dane.rollover": "not_applicable" } },
  { host: "mx.dane-cname.example", about: "TLSA reached through a CNAME", expect: { "dane.tlsa": "pass", "dane.match": "pass" } },
  { host: "mx.no-starttls.example", about: "no STARTTLS, TLSA published", expect: { "starttls.offered": "fail", "starttls.tls-version": "not_applicable", "dane.match": "fail" } },
  { host: "mx.legacy-tls.example", about: "TLS 1.0 only, unsigned", expect: { "starttls.offered": "pass", "starttls.tls-version": "fail", "dnssec.mx": "fail", "dane.tlsa": "not_applicable" } },
  { host: "mx.stalled-mx.example", about: "stalls after the banner", expect: { "starttls.offered": "error", "starttls.tls-version": "error" } },
  { host: "mx.unsigned-dane.example", about: "TLSA in an unsigned zone", expect: { "dnssec.mx": "fail", "dane.tlsa": "not_applicable", "dane.match": "not_applicable" } },
];

const domainCases: { domain: string; expect: Status }[] = [
  { domain: "dane-good.example", expect: "pass" },
  { domain: "legacy-tls.example", expect: "fail" },
  { domain: "bogus-dane.example", expect: "fail" },
];

let transport: RunningTransportWorld;
let dns: RunningDnsServer;
let evidence: Evidence;
let findings: Findings;

function ctxFor(resolverSpec: string): ProbeContext {
  return {
    resolver: createResolver(resolverSpec, { timeoutMs: 2000 }),
    now: () => new Date(),
    ca: transport.ca,
    timeoutMs: 1500,
    dkimSelectors: [],
    log: () => {},
    ...transport.context,
  };
}

before(async () => {
  transport = await startTransportWorld();
  dns = await startDnsServer({ zones: transport.zones });
  evidence = await probeAll(transport.domains.map((d) => ({ name: d, input: d, source: "cli" as const })), ctxFor(dns.spec), { hostConcurrency: 16 });
  findings = evaluate(loadPack(defaultRulesDir), evidence);
});
after(async () => {
  await dns.close();
  await transport.close();
});

const finding = (ruleId: string, subject: string) => {
  const f = findings.findings.find((x) => x.ruleId === ruleId && x.subject === subject);
  assert.ok(f, `no ${ruleId} finding for ${subject}`);
  return f;
};

describe("transport verdicts per MX host", () => {
  for (const c of mxCases) {
    describe(`${c.host}: ${c.about}`, () => {
      for (const [ruleId, status] of Object.entries(c.expect)) {
        it(`${ruleId} → ${status}`, () => {
          const f = finding(ruleId, `mx:${c.host}`);
          assert.equal(f.status, status, f.message);
        });
      }
    });
  }
});

describe("dnssec.domain", () => {
  for (const c of domainCases) {
    it(`${c.domain} → ${c.expect}`, () => {
      const f = finding("dnssec.domain", `domain:${c.domain}`);
      assert.equal(f.status, c.expect, f.message);
    });
  }
});

describe("the evidence behind the verdicts", () => {
  it("matches the schema", () => {
    assert.doesNotThrow(() => evidenceSchema.parse(evidence));
  });
  it("keeps the whole chain as PEM and catches bad certificates in the WebPKI check", () => {
    const tlsOf = (host: string) => evidence.mxHosts[host]!.smtp.connections[0]!.tls!;
    const good = tlsOf("mx.dane-good.example");
    assert.equal(good.webpki.valid, true);
    assert.equal(good.nameMatch.valid, true);
    assert.ok(good.chainPem.length >= 2 && good.chainPem.every((p) => p.startsWith("-----BEGIN CERTIFICATE-----")));
    assert.match(tlsOf("mx.dane-expired.example").webpki.error!.message, /CERT_HAS_EXPIRED/);
    assert.match(tlsOf("mx.dane-selfsigned.example").webpki.error!.message, /SELF_SIGNED/);
    assert.equal(tlsOf("mx.dane-wrongname.example").nameMatch.error!.code, "TLS_CERT_NAME_MISMATCH");
    assert.equal(tlsOf("mx.dane-wrongname.example").webpki.valid, true);
  });
  it("records the DANE chain exactly as presented: leaf and intermediate, no root added", () => {
    const m = evidence.mxHosts["mx.dane-good.example"]!.dane.matches[0]!;
    assert.equal(m.chainPem.length, 2);
    assert.ok(!m.chainPem.includes(transport.ca[0]!));
    assert.deepEqual(m.matchedBy, { record: m.matchedBy!.record, depth: 0 });
    assert.match(m.matchedBy!.record, /^3 1 1 /);
  });
  it("follows the TLSA CNAME and says where it led", () => {
    const d = evidence.mxHosts["mx.dane-cname.example"]!.dane;
    assert.deepEqual(d.lookups[0]!.cnameChain.length > 0, true);
    assert.equal(d.state, "dane");
  });
  it("names the codes of each SMTP failure", () => {
    const codeOf = (host: string) => evidence.mxHosts[host]!.smtp.connections[0]!.error?.code;
    assert.equal(codeOf("mx.no-starttls.example"), "SMTP_NO_STARTTLS");
    assert.equal(codeOf("mx.stalled-mx.example"), "SMTP_TIMEOUT");
    assert.equal(codeOf("mx.legacy-tls.example"), "TLS_HANDSHAKE");
    assert.deepEqual(evidence.mxHosts["mx.legacy-tls.example"]!.smtp.connections[0]!.legacyTls, { accepted: true, version: "TLSv1", error: null });
  });
  it("finds each MX host once, however many domains name it", () => {
    assert.equal(Object.keys(evidence.mxHosts).filter((h) => h === "mx.dane-good.example").length, 1);
  });
});

describe("a resolver that does not validate DNSSEC", () => {
  it("turns every DNSSEC and DANE verdict into error, never pass or fail", async () => {
    // A DNS server that never sets AD: the sandbox zones all marked insecure.
    const plain = await startDnsServer({ zones: transport.zones.map((z) => ({ ...z, dnssec: z.dnssec === "bogus" ? "bogus" : "insecure" })), });
    try {
      const ctx = ctxFor(plain.spec);
      const ev = await probeAll([{ name: "dane-good.example", input: "dane-good.example", source: "cli" }], ctx);
      ev.resolver.validatesDnssec = false;
      ev.resolver.validationDetail = ". SOA answered without the AD bit";
      const f = evaluate(loadPack(defaultRulesDir), ev);
      for (const id of ["dnssec.domain", "dnssec.mx", "dane.tlsa", "dane.match", "dane.rollover"]) {
        const x = f.findings.find((y) => y.ruleId === id);
        assert.equal(x?.status, "error", `${id}: ${x?.message}`);
      }
    } finally {
      await plain.close();
    }
  });
});
