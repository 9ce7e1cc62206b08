// check_host() with an injected resolver (no network): the limits of RFC 7208 §4.6.4 as a receiver
// applies them, the linter's full walk beyond them, loops, the time limit, and DNS failures.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DnsError } from "../../src/dns/errors.js";
import type { DnsAnswer, MxData, RecordType, Resolver } from "../../src/dns/types.js";
import { checkHost } from "../../src/probe/spf/check-host.js";

type Data = string | MxData;
/** "name TYPE" → records, or a DnsError code to reject with. */
type FakeZone = Record<string, Data[] | "DNS_TIMEOUT" | "DNS_SERVFAIL">;

function fakeResolver(zone: FakeZone, onQuery: () => void = () => {}): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const names = new Set(Object.keys(zone).map((k) => k.split(" ")[0]!));
  return {
    asked,
    info: { spec: "fake", kind: "udp", server: "fake" },
    stats: () => ({ queries: asked.length, cacheHits: 0, inflightJoins: 0, sent: asked.length }),
    async query(name: string, type: RecordType): Promise<DnsAnswer> {
      const key = `${name.toLowerCase()} ${type}`;
      asked.push(key);
      onQuery();
      const v = zone[key];
      if (v === "DNS_TIMEOUT" || v === "DNS_SERVFAIL") throw new DnsError(v, "fake failure", { name, type });
      const records = (v ?? []).map((d) => ({ name, type, ttl: 300, data: type === "TXT" ? [d as string] : d, text: `${name} ${type}` }));
      const status = records.length > 0 ? "answer" : names.has(name.toLowerCase()) ? "nodata" : "nxdomain";
      return { name, type, status, ad: false, records, cnameChain: [], ede: [], transport: "udp", truncatedUdp: false };
    },
  };
}

const hosts = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}.example.com A`, ["198.51.100.1"]]));

describe("check_host() limits and the full walk", () => {
  const twelve = Array.from({ length: 12 }, (_, i) => `a:h${i}.example.com`).join(" ");
  const zone: FakeZone = { "example.com TXT": [`v=spf1 ${twelve} -all`], ...hosts(12, "h") };

  it("a receiver stops with permerror at the 11th DNS-querying term", async () => {
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver(zone) });
    assert.equal(r.result, "permerror");
    assert.equal(r.lookups, 11);
    assert.match(r.reason, /the 11th is a:h10\.example\.com/);
    assert.equal(r.walk.lookups, 11, "without exhaustive the walk is the receiver's");
  });

  it("the full walk goes on and counts all 12, with the receiver's result kept", async () => {
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver(zone), exhaustive: true });
    assert.equal(r.result, "permerror");
    assert.equal(r.lookups, 11);
    assert.equal(r.walk.lookups, 12);
    const last = r.trace.filter((s) => s.term === "a:h11.example.com")[0];
    assert.equal(last?.live, false, "a step only the walk takes is not live");
  });

  it("after a match the full walk visits the remaining terms without changing the result", async () => {
    const resolver = fakeResolver({ "example.com TXT": ["v=spf1 ip4:192.0.2.1 include:other.example.net -all"], "other.example.net TXT": ["v=spf1 a -all"], "other.example.net A": ["198.51.100.9"] });
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver, exhaustive: true });
    assert.equal(r.result, "pass");
    assert.equal(r.lookups, 0, "the receiver stopped at ip4");
    assert.equal(r.walk.lookups, 2, "the walk counted the include and the a inside it");
    assert.ok(resolver.asked.includes("other.example.net TXT"));
  });

  it("three void lookups are a permerror, two are not", async () => {
    const three = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": ["v=spf1 a:x.example.com a:y.example.com a:z.example.com ?all"] }) });
    assert.equal(three.result, "permerror");
    assert.equal(three.voidLookups, 3);
    const two = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": ["v=spf1 a:x.example.com a:y.example.com ?all"] }) });
    assert.equal(two.result, "neutral");
  });

  it("more than 10 MX records is a permerror (RFC 7208 §4.6.4)", async () => {
    const mx = Array.from({ length: 11 }, (_, i) => ({ preference: i, exchange: `mx${i}.example.com` }));
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": ["v=spf1 mx -all"], "example.com MX": mx }) });
    assert.equal(r.result, "permerror");
    assert.equal(r.trace.find((s) => s.name === "mx")?.problem, "mx-limit");
  });

  it("stops descending after its own cap on a hostile tree", async () => {
    const chain: FakeZone = {};
    for (let i = 0; i < 60; i++) chain[`l${i}.example.com TXT`] = [`v=spf1 include:l${i + 1}.example.com -all`];
    const r = await checkHost("192.0.2.1", "l0.example.com", "a@l0.example.com", { resolver: fakeResolver(chain), exhaustive: true });
    assert.equal(r.result, "permerror");
    assert.equal(r.walk.truncated, true);
    assert.ok(r.walk.lookups <= 42, `the walk stopped (${r.walk.lookups})`);
  });
});

describe("check_host() loops, failures and time", () => {
  it("an include loop is a permerror named as a loop", async () => {
    const r = await checkHost("192.0.2.1", "a.example.com", "x@a.example.com", {
      resolver: fakeResolver({ "a.example.com TXT": ["v=spf1 include:b.example.com -all"], "b.example.com TXT": ["v=spf1 include:a.example.com -all"] }),
    });
    assert.equal(r.result, "permerror");
    assert.ok(r.trace.some((s) => s.problem === "loop"));
  });

  it("a timeout on the record is temperror, never none", async () => {
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": "DNS_TIMEOUT" }) });
    assert.equal(r.result, "temperror");
    assert.match(r.reason, /DNS_TIMEOUT/);
  });

  it("SERVFAIL inside an include is temperror", async () => {
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": ["v=spf1 include:broken.example.net -all"], "broken.example.net TXT": "DNS_SERVFAIL" }) });
    assert.equal(r.result, "temperror");
  });

  it("a failed PTR lookup makes ptr not match, not temperror (RFC 7208 §5.5)", async () => {
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": ["v=spf1 ptr -all"], "1.2.0.192.in-addr.arpa PTR": "DNS_TIMEOUT" }) });
    assert.equal(r.result, "fail");
  });

  it("gives up with temperror when the time limit passes (RFC 7208 §4.6.4)", async () => {
    let clock = 0;
    const resolver = fakeResolver({ "example.com TXT": ["v=spf1 a:h0.example.com a:h1.example.com -all"], ...hosts(2, "h") }, () => (clock += 15_000));
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver, now: () => clock });
    assert.equal(r.result, "temperror");
    assert.match(r.reason, /time limit/);
  });

  it("a Null MX names no host to ask about", async () => {
    const resolver = fakeResolver({ "example.com TXT": ["v=spf1 mx -all"], "example.com MX": [{ preference: 0, exchange: "" }] });
    const r = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver });
    assert.equal(r.result, "fail");
    assert.deepEqual(resolver.asked, ["example.com TXT", "example.com MX"]);
  });
});

describe("check_host() explanations (RFC 7208 §6.2)", () => {
  it("expands the exp= record of the record that failed, with explanation-only macros", async () => {
    const r = await checkHost("192.0.2.1", "example.com", "alice@example.com", {
      resolver: fakeResolver({ "example.com TXT": ["v=spf1 -all exp=why.%{d}"], "why.example.com TXT": ["%{l}: %{c} is not a sender of %{o}"] }),
    });
    assert.equal(r.result, "fail");
    assert.equal(r.explanation, "alice: 192.0.2.1 is not a sender of example.com");
    assert.equal(r.explanationSource, "exp");
  });

  it("falls back to the default when the exp= lookup fails, and never explains a pass", async () => {
    const failed = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": ["v=spf1 -all exp=why.example.com"], "why.example.com TXT": "DNS_TIMEOUT" }) });
    assert.equal(failed.explanationSource, "default");
    const passed = await checkHost("192.0.2.1", "example.com", "a@example.com", { resolver: fakeResolver({ "example.com TXT": ["v=spf1 +all exp=why.example.com"] }) });
    assert.equal(passed.explanation, null);
  });
});
