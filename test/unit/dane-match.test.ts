// TLSA matching (RFC 7672 §3, RFC 7671 §5, RFC 6698 §2.1): every usage, selector and matching type,
// name and expiry rules, on certificates made by the test PKI.
import assert from "node:assert/strict";
import { X509Certificate, createHash } from "node:crypto";
import { before, describe, it } from "node:test";
import { type TlsaRecord, associationData, matchChain, usability } from "../../src/probe/dane/match.js";
import { type IssuedCert, type TestCa, createTestCa } from "../../src/sandbox/pki.js";

const DAY = 86_400_000;
const HOST = "mx.example.test";
let ca: TestCa;
let other: TestCa;
let good: IssuedCert;
let expired: IssuedCert;
let wrongName: IssuedCert;
let wildcard: IssuedCert;
let selfSigned: IssuedCert;

const pems = (chain: string) => chain.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g) ?? [];
const rec = (usage: number, selector: number, matchingType: number, pem: string): TlsaRecord => ({
  usage, selector, matchingType, data: associationData(new X509Certificate(pem), selector, matchingType),
});

before(async () => {
  ca = await createTestCa("match test");
  other = await createTestCa("other");
  const now = Date.now();
  [good, expired, wrongName, wildcard] = await Promise.all([
    ca.issue({ names: [HOST] }),
    ca.issue({ names: [HOST], notBefore: new Date(now - 60 * DAY), notAfter: new Date(now - 30 * DAY) }),
    ca.issue({ names: ["other.example.test"] }),
    ca.issue({ names: ["*.example.test"] }),
  ]);
  selfSigned = await ca.selfSigned({ names: [HOST] });
});

describe("matchChain", () => {
  const cases: { name: string; records: () => TlsaRecord[]; chain: () => string[]; verified: boolean; depth?: number }[] = [
    { name: "3 1 1 of the leaf key", records: () => [rec(3, 1, 1, good.certPem)], chain: () => pems(good.chainPem), verified: true, depth: 0 },
    { name: "3 0 1 of the leaf certificate", records: () => [rec(3, 0, 1, good.certPem)], chain: () => pems(good.chainPem), verified: true, depth: 0 },
    { name: "3 1 2 (SHA2-512)", records: () => [rec(3, 1, 2, good.certPem)], chain: () => pems(good.chainPem), verified: true, depth: 0 },
    { name: "3 0 0 (full certificate)", records: () => [rec(3, 0, 0, selfSigned.certPem)], chain: () => pems(selfSigned.chainPem), verified: true, depth: 0 },
    { name: "3 1 1 ignores expiry (RFC 7672 §3.1.1)", records: () => [rec(3, 1, 1, expired.certPem)], chain: () => pems(expired.chainPem), verified: true },
    { name: "3 1 1 ignores the name", records: () => [rec(3, 1, 1, wrongName.certPem)], chain: () => pems(wrongName.chainPem), verified: true },
    { name: "3 1 1 of another key fails", records: () => [rec(3, 1, 1, wrongName.certPem)], chain: () => pems(good.chainPem), verified: false },
    { name: "DANE-EE matches the leaf only, never an issuer", records: () => [rec(3, 1, 1, ca.intermediateCertPem)], chain: () => pems(good.chainPem), verified: false },
    { name: "2 1 1 of the intermediate in the chain", records: () => [rec(2, 1, 1, ca.intermediateCertPem)], chain: () => pems(good.chainPem), verified: true, depth: 1 },
    { name: "2 0 1 of the intermediate", records: () => [rec(2, 0, 1, ca.intermediateCertPem)], chain: () => pems(good.chainPem), verified: true, depth: 1 },
    { name: "2 0 1 of a root the server does not send fails (RFC 7672 §3.2.1)", records: () => [rec(2, 0, 1, ca.certPem)], chain: () => pems(good.chainPem), verified: false },
    { name: "2 0 1 of the root when the server sends it", records: () => [rec(2, 0, 1, ca.certPem)], chain: () => [...pems(good.chainPem), ca.certPem], verified: true, depth: 2 },
    { name: "2 1 0 of the root (full key) need not be sent (RFC 7671 §5.2.2)", records: () => [rec(2, 1, 0, ca.certPem)], chain: () => pems(good.chainPem), verified: true, depth: 2 },
    { name: "2 1 1 with the wrong name fails (RFC 7672 §3.2.3)", records: () => [rec(2, 1, 1, ca.intermediateCertPem)], chain: () => pems(wrongName.chainPem), verified: false },
    { name: "2 1 1 with a leftmost wildcard", records: () => [rec(2, 1, 1, ca.intermediateCertPem)], chain: () => pems(wildcard.chainPem), verified: true },
    { name: "2 1 1 with an expired leaf fails", records: () => [rec(2, 1, 1, ca.intermediateCertPem)], chain: () => pems(expired.chainPem), verified: false },
    { name: "2 1 1 of another CA fails", records: () => [rec(2, 1, 1, other.intermediateCertPem)], chain: () => pems(good.chainPem), verified: false },
    { name: "a leaf presented with a foreign intermediate does not chain", records: () => [rec(2, 1, 1, other.intermediateCertPem)], chain: () => [pems(good.chainPem)[0]!, other.intermediateCertPem], verified: false },
    { name: "1 1 1 (PKIX-EE) is never used", records: () => [rec(1, 1, 1, good.certPem)], chain: () => pems(good.chainPem), verified: false },
    { name: "0 1 1 (PKIX-TA) is never used", records: () => [rec(0, 1, 1, ca.intermediateCertPem)], chain: () => pems(good.chainPem), verified: false },
    { name: "one good record among bad ones is enough", records: () => [rec(1, 1, 1, good.certPem), rec(3, 1, 1, wrongName.certPem), rec(3, 1, 1, good.certPem)], chain: () => pems(good.chainPem), verified: true },
    { name: "no chain at all fails", records: () => [rec(3, 1, 1, good.certPem)], chain: () => [], verified: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = matchChain(c.records(), c.chain(), [HOST], new Date());
      assert.equal(r.verified, c.verified, r.problems.join("; "));
      if (c.depth !== undefined) assert.equal(r.matchedBy?.depth, c.depth);
      if (!c.verified) assert.ok(r.problems.length > 0);
    });
  }
});

describe("associationData", () => {
  it("3 1 1 equals the openssl recipe: sha256 of the DER SubjectPublicKeyInfo", () => {
    const cert = new X509Certificate(good.certPem);
    const spki = cert.publicKey.export({ type: "spki", format: "der" });
    assert.equal(associationData(cert, 1, 1), createHash("sha256").update(spki).digest("hex"));
    assert.equal(associationData(cert, 0, 0), cert.raw.toString("hex"));
  });
});

describe("usability", () => {
  const cases: { r: TlsaRecord; usable: boolean }[] = [
    { r: { usage: 3, selector: 1, matchingType: 1, data: "ab".repeat(32) }, usable: true },
    { r: { usage: 2, selector: 0, matchingType: 2, data: "ab".repeat(64) }, usable: true },
    { r: { usage: 3, selector: 1, matchingType: 1, data: "ab".repeat(31) }, usable: false },
    { r: { usage: 1, selector: 1, matchingType: 1, data: "ab".repeat(32) }, usable: false },
    { r: { usage: 0, selector: 0, matchingType: 1, data: "ab".repeat(32) }, usable: false },
    { r: { usage: 4, selector: 1, matchingType: 1, data: "ab".repeat(32) }, usable: false },
    { r: { usage: 3, selector: 2, matchingType: 1, data: "ab".repeat(32) }, usable: false },
    { r: { usage: 3, selector: 1, matchingType: 3, data: "ab".repeat(32) }, usable: false },
  ];
  for (const c of cases) {
    it(`${c.r.usage} ${c.r.selector} ${c.r.matchingType} (${c.r.data.length / 2} bytes) → ${c.usable ? "usable" : "unusable"}`, () => {
      assert.equal(usability(c.r).usable, c.usable);
    });
  }
});
