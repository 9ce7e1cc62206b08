// Reading SPF records into terms (RFC 7208 §4.6, §5, §6, §12), and the address arithmetic of §5.6.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inNetwork, parseIp, readableForm, reverseName } from "../../src/probe/spf/ip.js";
import { isSpfRecord, parseRecord } from "../../src/probe/spf/record.js";

describe("SPF record selection (RFC 7208 §4.5)", () => {
  const table: [string, boolean][] = [
    ["v=spf1", true],
    ["v=spf1 -all", true],
    ["V=SpF1 ~all", true],
    ["v=spf10", false],
    ["v=spf1mx", false],
    [" v=spf1 -all", false],
    ["v=DMARC1; p=reject", false],
  ];
  for (const [text, spf] of table) it(`"${text}" ${spf ? "is" : "is not"} an SPF record`, () => assert.equal(isSpfRecord(text), spf));
});

describe("SPF record syntax", () => {
  const valid: [string, string][] = [
    ["v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx/24//64 ptr:example.com exists:%{i}.bl.example.com include:_spf.example.com -all", "every mechanism"],
    ["v=spf1 a:foo:bar/baz.example.com -all", "a colon and a slash inside a name"],
    ["v=spf1 mx:example.com/24//64 ~all", "a dual CIDR length"],
    ["v=spf1 redirect=_spf.example.com", "redirect"],
    ["v=spf1 -all exp=explain.%{d}", "exp with a macro"],
    ["v=spf1 moo.cow-far_out=man:dog/cat ip4:192.0.2.1 -all", "an unknown modifier"],
    ["v=spf1  a   -all ", "several spaces and a trailing space"],
  ];
  for (const [record, what] of valid) it(`accepts ${what}`, () => assert.equal(parseRecord(record).ok, true, JSON.stringify(parseRecord(record))));

  const invalid: [string, RegExp][] = [
    ["v=spf1 ip4:192.0.2.1 -all moo", /unknown mechanism "moo"/],
    ["v=spf1 -all.", /takes no argument/],
    ["v=spf1 ip4:192.0.2.1/33", /CIDR length/],
    ["v=spf1 ip4:192.0.2.1/032", /CIDR length/],
    ["v=spf1 ip4:192.0.2", /not an IPv4 network/],
    ["v=spf1 ip4:192.0.2.1:8080", /not an IPv4 network/],
    ["v=spf1 ip6:2001:db8::/129", /CIDR length/],
    ["v=spf1 ip6::2001::db8", /not an IPv6 network/],
    ["v=spf1 a/24/64", /CIDR length/],
    ["v=spf1 include", /needs ":"/],
    ["v=spf1 include:", /empty/],
    ["v=spf1 exists:mail.example.com/24", /top-level label/],
    ["v=spf1 ptr/0", /ptr takes/],
    ["v=spf1 a:111.222.33.44", /top-level label/],
    ["v=spf1 redirect=a.example.com redirect=b.example.com", /more than once/],
    ["v=spf1 exp= -all", /empty/],
    ["v=spf1 redirect:example.com", /unknown mechanism "redirect"/],
    ["v=spf1 1up=foo", /neither a mechanism nor a modifier/],
    ["v=spf1 foo=%abc", /must be followed by/],
    ["v=spf1 a:example.com\r -all", /control character/],
    ["v=spf1 a:caf\u00e9.example.com -all", /non-ASCII/],
  ];
  for (const [record, error] of invalid) {
    it(`refuses ${JSON.stringify(record)}`, () => {
      const r = parseRecord(record);
      assert.equal(r.ok, false);
      assert.match(r.ok ? "" : r.error, error);
    });
  }

  it("reads qualifiers, names, targets and CIDR lengths", () => {
    const r = parseRecord("v=spf1 ~a:mail.example.com/24//64 -ip6:2001:db8::/32 ?all");
    assert.ok(r.ok);
    const [a, ip6, all] = r.ok ? r.record.mechanisms : [];
    assert.deepEqual([a?.qualifier, a?.name, a?.cidr4, a?.cidr6], ["~", "a", 24, 64]);
    assert.deepEqual([ip6?.qualifier, ip6?.name, ip6?.cidr6], ["-", "ip6", 32]);
    assert.deepEqual([all?.qualifier, all?.name], ["?", "all"]);
    assert.equal(r.ok && r.record.hasAll, true);
  });
});

describe("SPF addresses (RFC 7208 §5, §5.6)", () => {
  it("treats an IPv4-mapped IPv6 client as IPv4", () => assert.equal(parseIp("::ffff:192.0.2.1")?.version, 4));
  it("refuses what is not an address", () => {
    for (const bad of ["192.0.2", "example.com", "fe80::1%eth0", ""]) assert.equal(parseIp(bad), null, bad);
  });
  const table: [string, string, number, boolean][] = [
    ["192.0.2.130", "192.0.2.128", 25, true],
    ["192.0.2.127", "192.0.2.128", 25, false],
    ["192.0.2.1", "0.0.0.0", 0, true],
    ["2001:db8::1", "2001:db8::", 32, true],
    ["2001:db9::1", "2001:db8::", 32, false],
    ["cafe:babe:8000::", "cafe:babe:8000::", 33, true],
    ["192.0.2.1", "::ffff:192.0.2.1", 128, true],
    ["2001:db8::1", "192.0.2.0", 0, false],
  ];
  for (const [ip, network, prefix, match] of table) {
    it(`${ip} ${match ? "is" : "is not"} in ${network}/${prefix}`, () => assert.equal(inNetwork(parseIp(ip)!, parseIp(network)!, prefix), match));
  }
  it("names the reverse-mapping of both families (RFC 7208 §5.5)", () => {
    assert.equal(reverseName(parseIp("192.0.2.3")!), "3.2.0.192.in-addr.arpa");
    assert.equal(reverseName(parseIp("2001:db8::cb01")!), "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
  });
  it("writes IPv6 as RFC 5952 says", () => {
    assert.equal(readableForm(parseIp("2001:0db8:0000:0000:0001:0000:0000:0001")!), "2001:db8::1:0:0:1");
    assert.equal(readableForm(parseIp("2001:db8:0:1:1:1:1:1")!), "2001:db8:0:1:1:1:1:1");
  });
});
