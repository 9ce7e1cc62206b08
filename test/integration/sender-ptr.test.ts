// Forward-confirmed PTR of the addresses a domain's SPF tree authorises (issue 28, GOV.UK's "ensure
// all email sending services have valid PTR records"), through real DNS on loopback: the SPF probe
// walks the tree, the PTR probe reads its terms, and spf.sender-ptr judges what it recorded.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/resolver.js";
import { defaultRulesDir } from "../../src/paths.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { MAX_SENDER_ADDRESSES, probeSenderPtr } from "../../src/probe/sender-ptr.js";
import { probeSpf } from "../../src/probe/spf/probe.js";
import { EMPTY_CONFIG, loadPack, parametersOf } from "../../src/rules/index.js";
import { judge } from "../../src/rules/judge.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";

const O = "ptr.example";
/** A long record as a zone file holds it: character-strings of at most 255 octets (RFC 1035 §3.3). */
const split = (t: string) => Array.from({ length: Math.ceil(t.length / 255) }, (_, i) => `"${t.slice(i * 255, i * 255 + 255)}"`).join(" ");
let server: RunningDnsServer;
before(async () => {
  server = await startDnsServer({
    zones: [
      zone(O, "insecure", [
        // A relay named back by its PTR, an include with a single address, a range and Exchange Online.
        `good TXT "v=spf1 a:relay.${O} include:_partner.${O} ip4:203.0.113.0/24 include:spf.protection.outlook.com -all"`,
        "relay A 192.0.2.25",
        `_partner TXT "v=spf1 ip6:2001:db8::25 -all"`,
        "partner-mta AAAA 2001:db8::25",
        // No PTR at all, and a PTR whose name resolves elsewhere.
        `noptr TXT "v=spf1 ip4:192.0.2.26/32 -all"`,
        `mismatch TXT "v=spf1 mx -all"`,
        `mismatch MX 10 mail.${O}.`,
        "mail A 192.0.2.27",
        "dsl-27 A 198.51.100.1",
        // Only what authorises counts: -ip4, ~ip4, ?ip4 and terms after "all" do not.
        `qualified TXT "v=spf1 -ip4:192.0.2.26 ~ip4:192.0.2.27 ?ip4:192.0.2.28 -all ip4:192.0.2.26"`,
        // A PTR lookup that never answers.
        `slow TXT "v=spf1 ip4:192.0.2.99 -all"`,
        // exists and a macro name no address; a lookup for an a target that fails is unknown.
        `unlisted TXT "v=spf1 exists:%{i}._spf.${O} a:%{d}.relay.${O} -all"`,
        `brokena TXT "v=spf1 a:silent-a.${O} -all"`,
        // More single addresses than the bound.
        `many TXT ${split(`v=spf1 ${Array.from({ length: MAX_SENDER_ADDRESSES + 3 }, (_, i) => `ip4:198.51.100.${i + 10}`).join(" ")} -all`)}`,
        ...Array.from({ length: MAX_SENDER_ADDRESSES + 3 }, (_, i) => `h${i + 10} A 198.51.100.${i + 10}`),
      ]),
      zone("2.0.192.in-addr.arpa", "insecure", [`25 PTR relay.${O}.`, `27 PTR dsl-27.${O}.`]),
      zone("5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "insecure", [`@ PTR partner-mta.${O}.`]),
      zone("100.51.198.in-addr.arpa", "insecure", Array.from({ length: MAX_SENDER_ADDRESSES + 3 }, (_, i) => `${i + 10} PTR h${i + 10}.${O}.`)),
      zone("outlook.com", "insecure", ['spf.protection TXT "v=spf1 ip4:40.92.0.0/15 -all"']),
    ],
    silent: ["99.2.0.192.in-addr.arpa", `silent-a.${O}`],
  });
});
after(() => server.close());

function context(): ProbeContext {
  return { resolver: createResolver(server.spec, { timeoutMs: 300, retries: 0 }), now: () => new Date(), ca: [], timeoutMs: 1000, dkimSelectors: [], log: () => {} };
}

const pack = loadPack(defaultRulesDir);
const rule = pack.rules.find((r) => r.meta.id === "spf.sender-ptr")!;
const params = parametersOf(pack, EMPTY_CONFIG);
const resolverInfo = { spec: "test", kind: "udp", server: "127.0.0.1", validatesDnssec: true, validationDetail: "test" };

async function probe(label: string) {
  const ctx = context();
  const name = `${label}.${O}`;
  const spf = await probeSpf(name, ctx);
  const senderPtr = await probeSenderPtr(spf, ctx);
  const domain = { name, role: { value: "sending", reason: "test" }, spf, senderPtr };
  const v = judge(rule, { id: `domain:${name}`, vars: { domain, tenant: null, mxHosts: {}, params, resolver: resolverInfo }, pointers: { domain: "/domains/x" } });
  return { senderPtr, v };
}

describe("spf.sender-ptr through real DNS", () => {
  it("passes addresses named back by their PTR, through a and include, and lists ranges unchecked", async () => {
    const { senderPtr, v } = await probe("good");
    assert.deepEqual(senderPtr.addresses.map((a) => [a.address, a.verdict]), [["192.0.2.25", "confirmed"], ["2001:db8::25", "confirmed"]]);
    assert.deepEqual(senderPtr.addresses[1]!.authorisedBy, [`ip6:2001:db8::25 in _partner.${O}`]);
    assert.deepEqual(senderPtr.ranges.map((r) => r.term), ["ip4:203.0.113.0/24", "ip4:40.92.0.0/15"]);
    assert.equal(v.status, "pass", v.message);
    assert.match(v.message, /192\.0\.2\.25 → relay\.ptr\.example; 2001:db8::25 → partner-mta\.ptr\.example\. Not checked, as ranges: ip4:203\.0\.113\.0\/24, ip4:40\.92\.0\.0\/15\./);
  });
  it("fails an address without a PTR record, naming the reverse name to publish", async () => {
    const { senderPtr, v } = await probe("noptr");
    assert.deepEqual(senderPtr.addresses.map((a) => [a.address, a.verdict, a.reverseName]), [["192.0.2.26", "no-ptr", "26.2.0.192.in-addr.arpa"]]);
    assert.equal(v.status, "fail");
    assert.match(v.remediation, /publish 26\.2\.0\.192\.in-addr\.arpa PTR <host>/);
  });
  it("fails an mx host whose PTR name resolves to another address", async () => {
    const { senderPtr, v } = await probe("mismatch");
    assert.equal(senderPtr.addresses[0]!.verdict, "mismatch");
    assert.equal(v.status, "fail");
    assert.match(v.message, /192\.0\.2\.27 \(PTR dsl-27\.ptr\.example → 198\.51\.100\.1; mx in mismatch\.ptr\.example\)/);
  });
  it("counts only terms that authorise and that a receiver reaches", async () => {
    const { senderPtr, v } = await probe("qualified");
    assert.deepEqual(senderPtr.addresses, []);
    assert.equal(v.status, "not_applicable");
  });
  it("a PTR lookup that times out is unknown, never a pass", async () => {
    const { senderPtr, v } = await probe("slow");
    assert.equal(senderPtr.addresses[0]!.verdict, "unknown");
    assert.equal(senderPtr.addresses[0]!.error?.code, "DNS_TIMEOUT");
    assert.equal(v.status, "error");
    assert.equal(v.cause, "DNS_TIMEOUT");
  });
  it("exists and macros name no address; an a target that does not answer is unknown", async () => {
    const { senderPtr, v } = await probe("unlisted");
    assert.deepEqual(senderPtr.unlisted.map((u) => [u.term, u.error]), [[`exists:%{i}._spf.${O}`, null], [`a:%{d}.relay.${O}`, null]]);
    assert.equal(v.status, "not_applicable");
    const broken = await probe("brokena");
    assert.equal(broken.senderPtr.unlisted[0]!.error?.code, "DNS_TIMEOUT");
    assert.equal(broken.v.status, "error");
  });
  it(`checks at most ${MAX_SENDER_ADDRESSES} addresses and does not pass the rest`, async () => {
    const { senderPtr, v } = await probe("many");
    assert.equal(senderPtr.addresses.length, MAX_SENDER_ADDRESSES);
    assert.equal(senderPtr.skipped, 3);
    assert.ok(senderPtr.addresses.every((a) => a.verdict === "confirmed"));
    assert.equal(v.status, "error");
    assert.equal(v.cause, "NOT_CHECKED");
    assert.match(v.message, /authorises 53 single addresses; only the first 50 were checked/);
  });
});
