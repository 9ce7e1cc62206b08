// The DNS Tree Walk (RFC 9989 §4.10) and what it finds (§4.10.1, §4.10.2), as tables: the names
// asked, and the organisational domain and inherited record for sets of published records,
// including the RFC's own examples.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foundRecords, inheritedRecord, organizationalDomainOf, subdomainRecord } from "../../src/probe/dmarc/discovery.js";
import { walkTargets } from "../../src/probe/dmarc/tree-walk.js";

describe("walkTargets", () => {
  const cases: [string, string[]][] = [
    ["example.com", ["example.com", "com"]],
    ["a.mail.example.com", ["a.mail.example.com", "mail.example.com", "example.com", "com"]],
    // RFC 9989 §4.10: the example of a 13-label Author Domain, eight queries.
    ["a.b.c.d.e.f.g.h.i.j.mail.example.com", [
      "a.b.c.d.e.f.g.h.i.j.mail.example.com", "g.h.i.j.mail.example.com", "h.i.j.mail.example.com", "i.j.mail.example.com",
      "j.mail.example.com", "mail.example.com", "example.com", "com",
    ]],
    // Exactly 8 labels: the start, then from 7 labels down; 7 labels: one at a time.
    ["a.b.c.d.e.f.g.h", ["a.b.c.d.e.f.g.h", "b.c.d.e.f.g.h", "c.d.e.f.g.h", "d.e.f.g.h", "e.f.g.h", "f.g.h", "g.h", "h"]],
    ["b.c.d.e.f.g.h", ["b.c.d.e.f.g.h", "c.d.e.f.g.h", "d.e.f.g.h", "e.f.g.h", "f.g.h", "g.h", "h"]],
  ];
  for (const [domain, targets] of cases) {
    it(domain, () => {
      assert.deepEqual(walkTargets(domain), targets);
      assert.ok(targets.length <= 8);
    });
  }
  it("never asks more than eight names, however long the domain", () => {
    assert.equal(walkTargets(Array.from({ length: 100 }, () => "a").join(".")).length, 8);
  });
});

/** A walk from `start` where `published` maps names to their one DMARC record. */
const walk = (start: string, published: Record<string, string>) =>
  walkTargets(start).map((d) => ({ domain: d, error: null, lookup: null, records: published[d] ? [published[d]!] : [] }));

describe("organisational domain and inherited record", () => {
  const cases: { name: string; start: string; published: Record<string, string>; org: string; source: string; from: string | null }[] = [
    { name: "RFC 9989 §4.10.2: records at mail.example.com and example.com give example.com", start: "a.mail.example.com",
      published: { "mail.example.com": "v=DMARC1; p=none", "example.com": "v=DMARC1; p=reject" }, org: "example.com", source: "organizational", from: "example.com" },
    { name: "RFC 9989 §4.10.2: psd=n at mail.example.com makes it the organisational domain", start: "a.mail.example.com",
      published: { "mail.example.com": "v=DMARC1; p=reject; psd=n", "example.com": "v=DMARC1; p=none" }, org: "mail.example.com", source: "organizational", from: "mail.example.com" },
    { name: "RFC 9989 §4.10.2: only _dmarc.com with psd=y gives example.com, and its record as a PSD policy", start: "a.mail.example.com",
      published: { com: "v=DMARC1; p=reject; psd=y" }, org: "example.com", source: "psd", from: "com" },
    { name: "a record only between the domain and the registered domain is the organisational one", start: "a.mail.example.com",
      published: { "mail.example.com": "v=DMARC1; p=reject" }, org: "mail.example.com", source: "organizational", from: "mail.example.com" },
    { name: "nothing published: the domain is its own organisational domain, and no record applies", start: "a.example.com",
      published: {}, org: "a.example.com", source: "none", from: null },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = foundRecords(walk(c.start, c.published));
      assert.equal(organizationalDomainOf(c.start, found), c.org);
      const inherited = inheritedRecord(c.start, found);
      assert.equal(inherited.source, c.source);
      assert.equal(inherited.from?.domain ?? null, c.from);
    });
  }

  it("ignores several records at one name", () => {
    const steps = walk("a.example.com", {});
    steps[1]!.records = ["v=DMARC1; p=reject", "v=DMARC1; p=none"];
    assert.deepEqual(foundRecords(steps), []);
  });

  it("psd=y on the start's own record does not make it a public suffix for itself", () => {
    const found = foundRecords(walk("example.com", { "example.com": "v=DMARC1; p=reject; psd=y" }));
    assert.equal(organizationalDomainOf("example.com", found), "example.com");
  });

  const sub: { name: string; domain: string; published: Record<string, string>; from: string | null }[] = [
    { name: "an organisational domain's own record covers its subdomains", domain: "example.com", published: { "example.com": "v=DMARC1; p=reject; sp=none" }, from: "example.com" },
    { name: "a subdomain's own record does not: the organisational domain's does", domain: "mail.example.com",
      published: { "mail.example.com": "v=DMARC1; p=reject", "example.com": "v=DMARC1; p=none" }, from: "example.com" },
    { name: "psd=n on the subdomain's record makes it cover its own subdomains", domain: "mail.example.com",
      published: { "mail.example.com": "v=DMARC1; p=reject; psd=n", "example.com": "v=DMARC1; p=none" }, from: "mail.example.com" },
    { name: "a public suffix domain's record covers names under it", domain: "gov", published: { gov: "v=DMARC1; p=reject; psd=y" }, from: "gov" },
    { name: "nothing published covers nothing", domain: "example.com", published: {}, from: null },
  ];
  for (const c of sub) {
    it(`subdomains: ${c.name}`, () => {
      assert.equal(subdomainRecord(c.domain, foundRecords(walk(c.domain, c.published))).from?.domain ?? null, c.from);
    });
  }
});
