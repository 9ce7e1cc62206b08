// The pieces the mail path is matched with: IP prefixes (coverage and overlap), certificate names,
// and SenderDomains "*".
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { coveredBy, overlaps, parseIpRange } from "../../src/probe/ip-range.js";
import { certificateNameMatches, coversAllSenderDomains } from "../../src/probe/mailpath.js";

const r = (s: string) => parseIpRange(s)!;
describe("mail path matching", () => {
  const cover: [string, string[], boolean][] = [
    ["195.130.217.0/24", ["195.130.217.0/24"], true],
    ["195.130.217.0/24", ["195.130.217.0/25", "195.130.217.128/25"], true],
    ["195.130.217.0/24", ["195.130.217.0/25"], false],
    ["192.0.2.10", ["192.0.2.0-192.0.2.20"], true],
    ["2a01:111:f400::/48", ["2a01:111:f400::/40"], true],
    ["2a01:111:f400::/48", ["195.130.0.0/16"], false],
  ];
  for (const [inner, outer, want] of cover) it(`${inner} covered by ${outer.join(" + ")}: ${want}`, () => assert.equal(coveredBy(r(inner), outer.map(r)), want));
  it("tells overlapping prefixes from disjoint ones and refuses nonsense", () => {
    assert.equal(overlaps(r("10.0.0.0/8"), r("10.1.2.0/24")), true);
    assert.equal(overlaps(r("10.0.0.0/8"), r("11.0.0.0/8")), false);
    assert.equal(parseIpRange("300.1.1.1"), null);
    assert.equal(parseIpRange("10.0.0.0/33"), null);
  });
  it("matches certificate names within the gateway's domain", () => {
    assert.equal(certificateNameMatches("*.mimecast.com", "*.mimecast.com"), true);
    assert.equal(certificateNameMatches("mx.eu.mailmarshal.cloud", "*.eu.mailmarshal.cloud"), true);
    assert.equal(certificateNameMatches("mimecast.com.evil.example", "*.mimecast.com"), false);
  });
  it('reads SenderDomains "*" as every sender domain', () => {
    assert.equal(coversAllSenderDomains(["smtp:*;1"]), true);
    assert.equal(coversAllSenderDomains(["smtp:partner.example;1"]), false);
  });
});
