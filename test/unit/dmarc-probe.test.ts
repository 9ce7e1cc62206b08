// probeDmarc against the sandbox DNS server on loopback: where the record comes from, what applies
// (p, sp or np), what subdomains get, where an RFC 7489 receiver looks, outside report destinations,
// and DNS failures that must become errors rather than answers.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/resolver.js";
import type { DmarcEvidence } from "../../src/evidence/dmarc.js";
import { dmarcEvidence } from "../../src/evidence/dmarc.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeDmarc } from "../../src/probe/dmarc/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";

const manyVendors = Array.from({ length: 12 }, (_, i) => `mailto:r@v${i}.test`).join(",");

let server: RunningDnsServer;
let ctx: ProbeContext;
before(async () => {
  server = await startDnsServer({
    zones: [
      zone("own.test", "insecure", ['_dmarc TXT "v=DMARC1; p=reject; rua=mailto:d@own.test"']),
      // txtonly has only a TXT record and ent.x is an empty non-terminal: both exist (NODATA, not
      // NXDOMAIN; RFC 9989 §3.2.13, RFC 8020), so sp applies to them, not np.
      zone("inherit.test", "insecure", ['_dmarc TXT "v=DMARC1; p=reject; sp=quarantine; np=reject"', "sub A 192.0.2.1", 'txtonly TXT "hello"', "a.ent A 192.0.2.9"]),
      zone("layered.test", "insecure", ['_dmarc.team TXT "v=DMARC1; p=reject"', "a.team A 192.0.2.2"]),
      zone("psdtld", "insecure", ['_dmarc TXT "v=DMARC1; p=reject; psd=y"', "org A 192.0.2.3"]),
      zone("multi.test", "insecure", ['_dmarc TXT "v=DMARC1; p=reject"', '_dmarc TXT "v=DMARC1; p=none"']),
      zone("slow.test", "insecure", ["@ A 192.0.2.4"]),
      zone("slowtld", "insecure", ['_dmarc.ok TXT "v=DMARC1; p=reject"', "none A 192.0.2.5"]),
      zone("reports.test", "insecure", [
        '_dmarc TXT "v=DMARC1; p=reject; rua=mailto:a@vendor.test,mailto:b@other.test,mailto:c@reports.test,mailto:d@slowvendor.test; ruf=mailto:e@vendor.test"',
      ]),
      zone("vendor.test", "insecure", ['reports.test._report._dmarc TXT "v=DMARC1"']),
      zone("other.test", "insecure", ['reports.test._report._dmarc TXT "v=spf1 -all"']),
      zone("crowded.test", "insecure", [`_dmarc TXT "v=DMARC1; p=reject; rua=${manyVendors}"`]),
      zone("bogus.test", "bogus", ['_dmarc TXT "v=DMARC1; p=reject"']),
    ],
    silent: ["_dmarc.slow.test", "_dmarc.slowtld", "reports.test._report._dmarc.slowvendor.test"],
  });
  ctx = {
    resolver: createResolver(server.spec, { timeoutMs: 150, retries: 0 }),
    now: () => new Date(),
    ca: [],
    timeoutMs: 1000,
    dkimSelectors: [],
    log: () => {},
  };
});
after(() => server.close());

interface Case {
  domain: string;
  expect: Partial<Pick<DmarcEvidence, "source" | "policyDomain" | "organizationalDomain" | "appliedPolicy" | "domainExists">> & {
    errorCode?: string | null;
    rfc7489?: string | null;
    sub?: [string | null, string | null, string | null];
    walk?: string[];
  };
}

const cases: Case[] = [
  { domain: "own.test", expect: { errorCode: null, source: "domain", policyDomain: "own.test", organizationalDomain: "own.test", appliedPolicy: "reject", rfc7489: "own.test", sub: ["own.test", "reject", "reject"], walk: ["own.test", "test"] } },
  { domain: "sub.inherit.test", expect: { source: "organizational", policyDomain: "inherit.test", appliedPolicy: "quarantine", domainExists: true, rfc7489: "inherit.test", sub: ["inherit.test", "quarantine", "reject"] } },
  // RFC 9989 §3.2.13: no A, AAAA or MX, so np applies.
  { domain: "gone.inherit.test", expect: { source: "organizational", appliedPolicy: "reject", domainExists: false } },
  { domain: "txtonly.inherit.test", expect: { source: "organizational", appliedPolicy: "quarantine", domainExists: true } },
  { domain: "ent.inherit.test", expect: { source: "organizational", appliedPolicy: "quarantine", domainExists: true } },
  // The record sits between the domain and its PSL organisational domain: DMARCbis finds it, RFC 7489 does not.
  { domain: "a.team.layered.test", expect: { source: "organizational", policyDomain: "team.layered.test", organizationalDomain: "team.layered.test", appliedPolicy: "reject", rfc7489: null } },
  // A psd=y record one label up: the domain is its own organisational domain, the PSD's record applies.
  { domain: "org.psdtld", expect: { source: "psd", policyDomain: "psdtld", organizationalDomain: "org.psdtld", appliedPolicy: "reject", walk: ["org.psdtld", "psdtld"] } },
  { domain: "multi.test", expect: { source: "none", policyDomain: null, appliedPolicy: null } },
  { domain: "nothing.test", expect: { errorCode: null, source: "none", appliedPolicy: null, organizationalDomain: "nothing.test", sub: [null, null, null] } },
  { domain: "slow.test", expect: { errorCode: "DNS_TIMEOUT", appliedPolicy: null } },
  { domain: "none.slowtld", expect: { errorCode: "DNS_TIMEOUT", appliedPolicy: null } },
  { domain: "bogus.test", expect: { errorCode: "DNS_BOGUS", appliedPolicy: null } },
];

describe("probeDmarc", () => {
  for (const c of cases) {
    it(c.domain, async () => {
      const e = await probeDmarc(c.domain, ctx);
      assert.doesNotThrow(() => dmarcEvidence.parse(e), "fits the evidence schema");
      const x = c.expect;
      if (x.errorCode !== undefined) assert.equal(e.error?.code ?? null, x.errorCode, e.error?.message);
      if (x.source !== undefined) assert.equal(e.source, x.source);
      if (x.policyDomain !== undefined) assert.equal(e.policyDomain, x.policyDomain);
      if (x.organizationalDomain !== undefined) assert.equal(e.organizationalDomain, x.organizationalDomain);
      if (x.appliedPolicy !== undefined) assert.equal(e.appliedPolicy, x.appliedPolicy);
      if (x.domainExists !== undefined) assert.equal(e.domainExists, x.domainExists);
      if (x.rfc7489 !== undefined) assert.equal(e.rfc7489.policyDomain, x.rfc7489);
      if (x.sub) assert.deepEqual([e.subdomainPolicy.policyDomain, e.subdomainPolicy.existing, e.subdomainPolicy.nonExistent], x.sub);
      if (x.walk) assert.deepEqual(e.walk.map((s) => s.domain), x.walk);
    });
  }

  it("keeps the record it found when a higher step of the walk fails, and says the rest is unknown", async () => {
    const e = await probeDmarc("ok.slowtld", ctx);
    assert.equal(e.error, null);
    assert.equal(e.appliedPolicy, "reject");
    assert.equal(e.organizationalDomain, null);
    assert.equal(e.subdomainPolicy.error?.code, "DNS_TIMEOUT");
  });

  it("checks each outside report destination once, and only outside ones", async () => {
    const e = await probeDmarc("reports.test", ctx);
    const byHost = Object.fromEntries(e.reportAuthorizations.map((a) => [a.destination, a]));
    assert.deepEqual(Object.keys(byHost).sort(), ["other.test", "slowvendor.test", "vendor.test"]);
    assert.equal(byHost["vendor.test"]!.authorized, true);
    assert.equal(byHost["vendor.test"]!.name, "reports.test._report._dmarc.vendor.test");
    assert.deepEqual(byHost["vendor.test"]!.uris, ["mailto:a@vendor.test", "mailto:e@vendor.test"]);
    // A TXT record that does not begin v=DMARC1 authorises nothing (RFC 7489 §7.1 step 5).
    assert.equal(byHost["other.test"]!.authorized, false);
    assert.equal(byHost["slowvendor.test"]!.authorized, null);
    assert.equal(byHost["slowvendor.test"]!.error?.code, "DNS_TIMEOUT");
  });

  it("asks about at most ten outside destinations", async () => {
    const e = await probeDmarc("crowded.test", ctx);
    assert.equal(e.reportAuthorizations.length, 12);
    assert.equal(e.reportAuthorizations.filter((a) => a.error?.code === "NOT_CHECKED").length, 2);
    assert.equal(e.reportAuthorizations.filter((a) => a.authorized === false).length, 10);
  });
});
