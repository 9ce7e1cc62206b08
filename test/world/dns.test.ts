// The DNS client against the real loopback world: nsd serving a private signed root, test. and
// leaf zones, and unbound validating at 127.0.0.53 (test/world/README.md). Run by npm run test:world.
import assert from "node:assert/strict";
import dgram from "node:dgram";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createResolver, DnsError, probeValidation } from "../../src/dns/index.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

const RESOLVER = process.env.EXO_WORLD_RESOLVER ?? "127.0.0.53";
const resolver = () => createResolver(RESOLVER, { timeoutMs: 3000 });

describe("DNS client through unbound (127.0.0.53)", () => {
  it("finds that the resolver validates DNSSEC", async () => {
    assert.equal((await probeValidation(resolver())).validates, true);
  });

  it("sees AD on a signed name", async () => {
    const a = await resolver().query("example.test", "MX");
    assert.equal(a.status, "answer");
    assert.equal(a.ad, true);
    assert.deepEqual(a.records.map((r) => r.data), [{ preference: 10, exchange: "mx1.example.test" }]);
  });

  it("sees no AD on a zone without a DS (insecure)", async () => {
    const a = await resolver().query("unsigned.test", "TXT");
    assert.equal(a.status, "answer");
    assert.equal(a.ad, false);
  });

  it("reports a broken signature as DNS_BOGUS with EDE 6", async () => {
    await assert.rejects(resolver().query("broken.test", "TXT"), (e: unknown) => {
      assert.ok(e instanceof DnsError);
      assert.equal(e.code, "DNS_BOGUS");
      assert.ok(e.ede.some((x) => x.code === 6), JSON.stringify(e.ede));
      return true;
    });
    // The rest of the zone still validates.
    assert.equal((await resolver().query("broken.test", "SOA")).ad, true);
  });

  it("reports a DS that matches no key as DNS_BOGUS (EDE 9, or 6 once unbound remembers the bad key)", async () => {
    await assert.rejects(resolver().query("bogus.test", "TXT"), (e: unknown) => {
      assert.ok(e instanceof DnsError);
      assert.equal(e.code, "DNS_BOGUS");
      assert.ok(e.ede.some((x) => x.code === 9 || x.code === 6), JSON.stringify(e.ede));
      return true;
    });
  });

  it("tells NXDOMAIN from NODATA, both validated", async () => {
    const nx = await resolver().query("nonexistent.example.test", "A");
    assert.equal(nx.status, "nxdomain");
    assert.equal(nx.ad, true);
    const nodata = await resolver().query("www.example.test", "TXT");
    assert.equal(nodata.status, "nodata");
    assert.equal(nodata.ad, true);
  });

  it("falls back to TCP when unbound truncates the UDP answer", async () => {
    const a = await resolver().query("big.example.test", "TXT");
    assert.equal(a.truncatedUdp, true);
    assert.equal(a.transport, "tcp");
    assert.equal(a.records.length, 12);
    assert.equal(a.ad, true);
  });

  it("times out with DNS_TIMEOUT against a server that never answers", async () => {
    const sink = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => sink.bind(0, "127.0.0.1", () => resolve()));
    try {
      const r = createResolver(`127.0.0.1:${sink.address().port}`, { timeoutMs: 200 });
      await assert.rejects(r.query("example.test", "A"), (e: unknown) => e instanceof DnsError && e.code === "DNS_TIMEOUT");
      assert.equal(r.stats().sent, 2, "one retry");
    } finally {
      sink.close();
    }
  });
});

describe("exo-posture assess against the world", () => {
  it("assesses example.test through 127.0.0.53", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "--domain", "example.test", "--resolver", RESOLVER, "--format", "json", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const findings = readFindings(join(out, "findings.json"));
    const status = (id: string) => findings.findings.find((f: { ruleId: string }) => f.ruleId === id)?.status;
    assert.equal(findings.resolver.validatesDnssec, true);
    assert.equal(status("spf.present"), "pass");
    assert.equal(status("dmarc.present"), "pass");
    assert.equal(status("dmarc.policy"), "pass");
  });

  it("gives error, never pass, for a domain whose answers are bogus", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "--domain", "broken.test", "--resolver", RESOLVER, "--format", "json", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const findings = readFindings(join(out, "findings.json"));
    const spf = findings.findings.find((f: { ruleId: string }) => f.ruleId === "spf.present");
    assert.equal(spf?.status, "error");
    assert.match(spf?.message ?? "", /DNS_BOGUS/);
  });
});
