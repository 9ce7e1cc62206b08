// The SPF probe and linter through real DNS on loopback, and the spf.* rules over what they record:
// hostile records (include cycles, a chain 50 deep, a 4,000-byte record, non-ASCII bytes) end in
// evidence and findings with a clear reason, quickly, and ordinary ones are judged as they should be.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/resolver.js";
import type { SpfEvidence } from "../../src/evidence/spf.js";
import { defaultRulesDir } from "../../src/paths.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeSpf } from "../../src/probe/spf/probe.js";
import { EMPTY_CONFIG, loadPack, parametersOf } from "../../src/rules/index.js";
import { judge } from "../../src/rules/judge.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";

const ORIGIN = "spf-lint.example";
const DEPTH = 50;

/** A record of about 4,000 octets, valid, split into 255-octet strings as a zone file would hold it. */
const BIG = `v=spf1 ${Array.from({ length: 200 }, (_, i) => `ip4:198.51.${100 + Math.floor(i / 200)}.${i}/32`).join(" ")} -all`;
const split = (s: string) => Array.from({ length: Math.ceil(s.length / 255) }, (_, i) => `"${s.slice(i * 255, i * 255 + 255)}"`).join(" ");

let server: RunningDnsServer;
before(async () => {
  server = await startDnsServer({
    zones: [
      zone(ORIGIN, "insecure", [
        'good TXT "v=spf1 include:_spf.good.spf-lint.example -all"',
        '_spf.good TXT "v=spf1 ip4:192.0.2.128/25 include:spf.protection.outlook.com -all"',
        'cycle TXT "v=spf1 include:_a.cycle.spf-lint.example -all"',
        '_a.cycle TXT "v=spf1 include:_b.cycle.spf-lint.example ~all"',
        '_b.cycle TXT "v=spf1 include:cycle.spf-lint.example ~all"',
        ...Array.from({ length: DEPTH }, (_, i) => `d${i}.deep TXT "v=spf1 include:d${i + 1}.deep.spf-lint.example -all"`),
        `d${DEPTH}.deep TXT "v=spf1 -all"`,
        `big TXT ${split(BIG)}`,
        // é as UTF-8 (0xC3 0xA9), and a lone 0x80 that is not UTF-8 at all.
        'accent TXT "v=spf1 a:caf\\195\\169.spf-lint.example -all"',
        'rawbyte TXT "v=spf1 \\128ip4:192.0.2.1 -all"',
        'type99 TXT "v=spf1 ip4:192.0.2.1 -all"',
        'type99 SPF "v=spf1 ip4:192.0.2.1 -all"',
        'ptr TXT "v=spf1 ptr:spf-lint.example mx -all"',
        'ptr MX 10 mail.spf-lint.example.',
        'mail A 192.0.2.25',
        'plus TXT "v=spf1 +all"',
        'noall TXT "v=spf1 redirect=_noall.spf-lint.example"',
        '_noall TXT "v=spf1 ip4:192.0.2.1"',
        'dup TXT "v=spf1 include:spf.protection.outlook.com include:_spf.good.spf-lint.example -all ip4:192.0.2.9"',
        'slow TXT "v=spf1 include:silent.spf-lint.example -all"',
        'misc TXT "v=spf1 a:gone1.spf-lint.example a:gone2.spf-lint.example exists:gone3.spf-lint.example include:nothing.spf-lint.example -all redirect=_spf.good.spf-lint.example"',
        'two TXT "v=spf1 -all"',
        'two TXT "v=spf1 ~all"',
        // Issue 24: what follows "all" is never evaluated (RFC 7208 §5.1), so it breaks no limit.
        `dead-limit TXT ${split(`v=spf1 -all ${Array.from({ length: 11 }, (_, i) => `include:i${i}.spf-lint.example`).join(" ")}`)}`,
        ...Array.from({ length: 11 }, (_, i) => `i${i} TXT "v=spf1 -all"`),
        'dead-norecord TXT "v=spf1 -all include:nospf.spf-lint.example"',
        'nospf A 192.0.2.50',
        'dead-voids TXT "v=spf1 ip4:192.0.2.1 -all a:g1.spf-lint.example a:g2.spf-lint.example a:g3.spf-lint.example"',
        'dead-loop TXT "v=spf1 -all include:dead-loop.spf-lint.example"',
        'dead-mx TXT "v=spf1 ip4:192.0.2.1 ~all mx:many.spf-lint.example"',
        ...Array.from({ length: 12 }, (_, i) => `many MX ${i} m${i}.spf-lint.example.`),
        // The same terms before "all" are evaluated, and do break the limits.
        'live-voids TXT "v=spf1 a:g1.spf-lint.example a:g2.spf-lint.example a:g3.spf-lint.example -all"',
      ]),
      zone("outlook.com", "insecure", ['spf.protection TXT "v=spf1 ip4:40.92.0.0/15 -all"']),
    ],
    silent: [`silent.${ORIGIN}`],
  });
});
after(() => server.close());

function context(): ProbeContext {
  const resolver = createResolver(server.spec, { timeoutMs: 300, retries: 0 });
  return { resolver, now: () => new Date(), ca: [], timeoutMs: 1000, dkimSelectors: [], log: () => {} };
}

const pack = loadPack(defaultRulesDir);
const params = parametersOf(pack, EMPTY_CONFIG);
const resolverInfo = { spec: "test", kind: "udp", server: "127.0.0.1", validatesDnssec: true, validationDetail: "test" };

function findings(name: string, spf: SpfEvidence): Record<string, { status: string; message: string }> {
  const domain = { name, role: { value: "sending", reason: "test" }, spf };
  const out: Record<string, { status: string; message: string }> = {};
  for (const rule of pack.rules.filter((r) => r.meta.id.startsWith("spf."))) {
    const v = judge(rule, { id: `domain:${name}`, vars: { domain, tenant: null, mxHosts: {}, params, resolver: resolverInfo }, pointers: { domain: "/domains/x" } });
    out[rule.meta.id] = { status: v.status, message: v.message };
  }
  return out;
}

const codes = (spf: SpfEvidence) => new Set(spf.lint?.problems.map((p) => p.code));

describe("terms after all (RFC 7208 §5.1): never evaluated, so no limit is broken by them", { timeout: 20_000 }, () => {
  const cases: [string, string][] = [
    ["dead-limit", "eleven includes after -all"],
    ["dead-norecord", "an include of a domain without SPF after -all"],
    ["dead-voids", "three void a: terms after -all"],
    ["dead-loop", "an include of itself after -all"],
    ["dead-mx", "an mx: with 12 MX hosts after ~all"],
  ];
  for (const [label, about] of cases) {
    it(`${about}: spf.valid passes, spf.dead-terms warns`, async () => {
      const spf = await probeSpf(`${label}.${ORIGIN}`, context());
      const f = findings(`${label}.${ORIGIN}`, spf);
      assert.equal(f["spf.valid"]?.status, "pass", f["spf.valid"]?.message);
      assert.equal(f["spf.dead-terms"]?.status, "warn", f["spf.dead-terms"]?.message);
      assert.match(f["spf.dead-terms"]!.message, /no receiver evaluates/);
      assert.ok(spf.lint!.lookups <= 10 && spf.lint!.voidLookups <= 2, JSON.stringify([spf.lint!.lookups, spf.lint!.voidLookups]));
      assert.ok(spf.lint!.terms.some((t) => t.reachable === false));
    });
  }
  it("the same void terms before -all are evaluated and fail spf.valid", async () => {
    const spf = await probeSpf(`live-voids.${ORIGIN}`, context());
    const f = findings(`live-voids.${ORIGIN}`, spf);
    assert.equal(f["spf.valid"]?.status, "fail", f["spf.valid"]?.message);
    assert.equal(f["spf.dead-terms"]?.status, "pass");
  });
});

describe("SPF probe and linter against hostile records", { timeout: 20_000 }, () => {
  it("an include cycle: permerror, a loop problem, spf.valid fails naming the loop", async () => {
    const spf = await probeSpf(`cycle.${ORIGIN}`, context());
    assert.equal(spf.lint?.result, "permerror");
    assert.ok(codes(spf).has("loop"));
    const f = findings(`cycle.${ORIGIN}`, spf);
    assert.equal(f["spf.valid"]?.status, "fail");
    assert.match(f["spf.valid"]!.message, /loop/);
  });

  it(`an include chain ${DEPTH} deep: permerror at the 11th lookup, the walk stops early and says so`, async () => {
    const started = Date.now();
    const spf = await probeSpf(`d0.deep.${ORIGIN}`, context());
    assert.equal(spf.lint?.result, "permerror");
    assert.match(spf.lint!.reason, /more than 10 DNS-querying terms/);
    assert.ok(spf.lint!.lookups > 10);
    assert.ok(codes(spf).has("lookup-limit") && codes(spf).has("walk-truncated"));
    assert.equal(spf.lint?.complete, false);
    assert.ok(Date.now() - started < 10_000);
    const f = findings(`d0.deep.${ORIGIN}`, spf);
    assert.equal(f["spf.valid"]?.status, "fail");
    assert.match(f["spf.valid"]!.message, /or more DNS-querying terms/);
  });

  it("a 4,000-byte record in 255-byte strings: read over TCP, evaluated, and too long for spf.size", async () => {
    const ctx = context();
    const spf = await probeSpf(`big.${ORIGIN}`, ctx);
    assert.equal((await ctx.resolver.query(`big.${ORIGIN}`, "TXT")).truncatedUdp, true, "the answer came over TCP after a truncated UDP one");
    assert.equal(spf.records[0], BIG);
    assert.ok(BIG.length > 4000);
    assert.deepEqual(spf.lint?.sizes[0]?.strings.slice(0, 2), [255, 255]);
    assert.equal(spf.lint?.result, "fail");
    assert.ok(codes(spf).has("record-too-long"));
    const f = findings(`big.${ORIGIN}`, spf);
    assert.equal(f["spf.size"]?.status, "fail");
    assert.match(f["spf.size"]!.message, /\d{4} octets/);
    assert.equal(f["spf.valid"]?.status, "pass");
  });

  for (const [label, name] of [["UTF-8 é", "accent"], ["a lone 0x80 byte", "rawbyte"]] as const) {
    it(`non-ASCII bytes (${label}): a syntax permerror that names the character`, async () => {
      const spf = await probeSpf(`${name}.${ORIGIN}`, context());
      assert.equal(spf.lint?.result, "permerror");
      assert.ok(codes(spf).has("syntax"));
      const f = findings(`${name}.${ORIGIN}`, spf);
      assert.equal(f["spf.valid"]?.status, "fail");
      assert.match(f["spf.valid"]!.message, /non-ASCII character/);
    });
  }

  it("an include that never answers: temperror, an incomplete walk, and error findings (never pass)", async () => {
    const spf = await probeSpf(`slow.${ORIGIN}`, context());
    assert.equal(spf.lint?.result, "temperror");
    assert.equal(spf.lint?.complete, false);
    const f = findings(`slow.${ORIGIN}`, spf);
    assert.equal(f["spf.valid"]?.status, "error");
    assert.equal(f["spf.no-ptr"]?.status, "error");
    assert.equal(f["spf.all-strict"]?.status, "pass", "its own record ends in -all, which the timeout does not hide");
  });
});

describe("SPF linter findings on ordinary records", { timeout: 20_000 }, () => {
  it("a good record: every spf rule passes, Exchange Online found through a nested include", async () => {
    const spf = await probeSpf(`good.${ORIGIN}`, context());
    assert.equal(spf.lint?.lookups, 2);
    assert.equal(spf.lint?.exoIncluded, true);
    assert.deepEqual(spf.lint?.exoChain, [`good.${ORIGIN}`, `include:_spf.good.${ORIGIN}`, "include:spf.protection.outlook.com"]);
    const f = findings(`good.${ORIGIN}`, spf);
    for (const id of ["spf.present", "spf.valid", "spf.all-strict", "spf.no-ptr", "spf.size"]) assert.equal(f[id]?.status, "pass", `${id}: ${f[id]?.message}`);
  });

  it("ptr is found, and fails spf.no-ptr", async () => {
    const spf = await probeSpf(`ptr.${ORIGIN}`, context());
    assert.ok(codes(spf).has("ptr"));
    assert.equal(findings(`ptr.${ORIGIN}`, spf)["spf.no-ptr"]?.status, "fail");
  });

  it("+all fails spf.all-strict", async () => {
    const spf = await probeSpf(`plus.${ORIGIN}`, context());
    assert.equal(spf.lint?.allQualifier, "+");
    assert.ok(codes(spf).has("plus-all"));
    assert.equal(findings(`plus.${ORIGIN}`, spf)["spf.all-strict"]?.status, "fail");
  });

  it("no all, even through the redirect: missing-all, and spf.all-strict fails", async () => {
    const spf = await probeSpf(`noall.${ORIGIN}`, context());
    assert.equal(spf.lint?.allQualifier, null);
    assert.ok(codes(spf).has("missing-all"));
    assert.equal(findings(`noall.${ORIGIN}`, spf)["spf.all-strict"]?.status, "fail");
  });

  it("duplicate includes and terms after all are reported", async () => {
    const spf = await probeSpf(`dup.${ORIGIN}`, context());
    assert.ok(codes(spf).has("duplicate-include"), JSON.stringify(spf.lint?.problems));
    assert.ok(codes(spf).has("after-all"));
    const term = spf.lint?.terms.find((t) => t.term === "ip4:192.0.2.9");
    assert.deepEqual(term?.problems, ["after-all"]);
  });

  it("void lookups over the limit, an include of nothing and a redirect beside all are each reported", async () => {
    const spf = await probeSpf(`misc.${ORIGIN}`, context());
    assert.equal(spf.lint?.result, "permerror");
    assert.equal(spf.lint?.voidLookups, 3);
    for (const code of ["void-limit", "no-record", "redirect-ignored"] as const) assert.ok(codes(spf).has(code), code);
    assert.equal(spf.lint?.lookups, 4, "the ignored redirect is not counted");
    const f = findings(`misc.${ORIGIN}`, spf);
    assert.equal(f["spf.valid"]?.status, "fail");
    assert.match(f["spf.valid"]!.message, /3 lookups .* find nothing/);
  });

  it("a published type SPF (99) record is reported, when the caller asks for that query", async () => {
    assert.deepEqual((await probeSpf(`type99.${ORIGIN}`, context())).lint?.spfType, { error: null, records: [], asked: false });
    const spf = await probeSpf(`type99.${ORIGIN}`, { ...context(), spfTypeRecords: true });
    assert.deepEqual(spf.lint?.spfType.records, ["v=spf1 ip4:192.0.2.1 -all"]);
    assert.ok(codes(spf).has("spf-type"));
  });

  it("two records: spf.present and spf.valid fail, the linter says multiple-records", async () => {
    const spf = await probeSpf(`two.${ORIGIN}`, context());
    assert.equal(spf.records.length, 2);
    assert.ok(codes(spf).has("multiple-records"));
    const f = findings(`two.${ORIGIN}`, spf);
    assert.equal(f["spf.present"]?.status, "fail");
    assert.equal(f["spf.valid"]?.status, "fail");
  });
});
