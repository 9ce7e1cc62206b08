// The one IPv4/IPv6 address and prefix parser that SPF (RFC 7208 §5.6) and the mail path share.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inNetwork, isV4Mapped, parseAddress, parsePrefix, toBigInt } from "../../src/probe/ip.js";
import { parseIpRange } from "../../src/probe/ip-range.js";
import { parseIp } from "../../src/probe/spf/ip.js";

const bytes = (text: string) => [...parseAddress(text)!.bytes];

describe("parseAddress", () => {
  it("reads the dotted quad and the RFC 4291 §2.2 IPv6 forms into network-order bytes", () => {
    assert.deepEqual(parseAddress("192.0.2.1"), { version: 4, bytes: Uint8Array.from([192, 0, 2, 1]) });
    assert.deepEqual(bytes("2001:db8::1"), [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(bytes("1:2:3:4:5:6:192.0.2.1"), [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 192, 0, 2, 1]);
    assert.deepEqual(bytes("1::"), [0, 1, ...Array<number>(14).fill(0)]);
  });
  it('reads "::" as the unspecified address, sixteen zero bytes', () => {
    assert.deepEqual(parseAddress("::"), { version: 6, bytes: new Uint8Array(16) });
    assert.equal(toBigInt(parseAddress("::")!), 0n);
  });
  it("keeps an IPv4-mapped IPv6 address as IPv6 and says it is mapped (RFC 4291 §2.5.5.2)", () => {
    const mapped = parseAddress("::ffff:192.0.2.1")!;
    assert.equal(mapped.version, 6);
    assert.equal(isV4Mapped(mapped), true);
    assert.deepEqual([...mapped.bytes.slice(12)], [192, 0, 2, 1]);
    assert.equal(isV4Mapped(parseAddress("::fffe:192.0.2.1")!), false);
    assert.equal(isV4Mapped(parseAddress("192.0.2.1")!), false);
  });
  it("refuses zone ids, which name a link on this host rather than an address", () => {
    for (const zoned of ["fe80::1%eth0", "fe80::1%1", "::%eth0"]) assert.equal(parseAddress(zoned), null, zoned);
  });
  it("refuses what is not an address, white space included", () => {
    for (const bad of ["", "192.0.2", "192.0.2.256", "01.2.3.4", " 192.0.2.1", "192.0.2.1 ", "1::2::3", "1:2:3:4:5:6:7:8:9", "example.com", "::g"]) {
      assert.equal(parseAddress(bad), null, bad);
    }
  });
});

describe("parsePrefix", () => {
  it("takes a bare address as a /32 or /128", () => {
    assert.equal(parsePrefix("192.0.2.1")?.length, 32);
    assert.equal(parsePrefix("2001:db8::1")?.length, 128);
  });
  it("accepts lengths from 0 to 32 (IPv4) or 128 (IPv6) and refuses the rest", () => {
    assert.equal(parsePrefix("0.0.0.0/0")?.length, 0);
    assert.equal(parsePrefix("192.0.2.0/32")?.length, 32);
    assert.equal(parsePrefix("::/128")?.length, 128);
    for (const bad of ["192.0.2.0/33", "2001:db8::/129", "192.0.2.0/-1", "192.0.2.0/", "192.0.2.0/a", "192.0.2.0/24/8", "192.0.2.0/ 24", "/24"]) {
      assert.equal(parsePrefix(bad), null, bad);
    }
  });
  it("refuses a zone id before the length", () => assert.equal(parsePrefix("fe80::1%eth0/64"), null));
  it("keeps a non-canonical prefix as written, and matching ignores its host bits", () => {
    const p = parsePrefix("192.0.2.77/24")!;
    assert.deepEqual([...p.address.bytes], [192, 0, 2, 77]);
    assert.equal(p.length, 24);
    assert.equal(inNetwork(parseAddress("192.0.2.200")!, p.address, p.length), true);
    assert.equal(inNetwork(parseAddress("192.0.3.1")!, p.address, p.length), false);
    assert.deepEqual(parseIpRange("192.0.2.77/24"), parseIpRange("192.0.2.0/24"));
  });
});

describe("inNetwork", () => {
  it("matches on whole and partial bytes and never across versions", () => {
    assert.equal(inNetwork(parseAddress("10.1.2.3")!, parseAddress("10.0.0.0")!, 8), true);
    assert.equal(inNetwork(parseAddress("10.1.2.3")!, parseAddress("10.0.0.0")!, 15), true);
    assert.equal(inNetwork(parseAddress("10.2.2.3")!, parseAddress("10.0.0.0")!, 15), false);
    assert.equal(inNetwork(parseAddress("2001:db8::1")!, parseAddress("::")!, 0), true);
    assert.equal(inNetwork(parseAddress("192.0.2.1")!, parseAddress("::")!, 0), false);
  });
});

describe("the callers' own rules on top", () => {
  it("SPF treats an IPv4-mapped client as IPv4 (RFC 7208 §5); the mail path keeps it IPv6", () => {
    assert.deepEqual(parseIp("::ffff:192.0.2.1"), { version: 4, bytes: Uint8Array.from([192, 0, 2, 1]) });
    assert.equal(parseIpRange("::ffff:192.0.2.1")?.family, 6);
  });
  it("both refuse zone ids", () => {
    assert.equal(parseIp("fe80::1%eth0"), null);
    assert.equal(parseIpRange("fe80::1%eth0"), null);
  });
  it('the mail path reads "::/0" as every IPv6 address', () => {
    assert.deepEqual(parseIpRange("::/0"), { family: 6, first: 0n, last: (1n << 128n) - 1n });
  });
});
