// The DNS client against a real DNS server on loopback (the in-process sandbox server): every
// answer kind, TCP fallback, timeouts, bogus answers, and the cache's promise that identical
// queries go on the wire once.
import assert from "node:assert/strict";
import dgram from "node:dgram";
import { after, before, describe, it } from "node:test";
import { createResolver, DnsError, probeValidation } from "../../src/dns/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";

let server: RunningDnsServer;
const big = Array.from({ length: 12 }, (_, i) => `big TXT "${String(i).padStart(2, "0")}${"x".repeat(200)}"`);

before(async () => {
  server = await startDnsServer({
    zones: [
      zone("signed.example", "secure", ["@ MX 10 mx1", "mx1 A 192.0.2.1", '@ TXT "v=spf1 -all"', "www A 192.0.2.2", "alias CNAME www", "null MX 0 .", ...big]),
      zone("plain.example", "insecure", ['@ TXT "v=spf1 -all"', '*.wild TXT "from the wildcard"', "real.wild A 192.0.2.9"]),
      zone("bogus.example", "bogus", ["@ A 192.0.2.3"]),
    ],
    silent: ["silent.signed.example"],
  });
});
after(() => server.close());

describe("DNS client", () => {
  it("keeps the AD bit of a secure answer and drops it for an insecure one", async () => {
    const r = createResolver(server.spec);
    assert.equal((await r.query("signed.example", "MX")).ad, true);
    assert.equal((await r.query("plain.example", "TXT")).ad, false);
  });

  it("tells NXDOMAIN from NODATA", async () => {
    const r = createResolver(server.spec);
    assert.equal((await r.query("nope.signed.example", "A")).status, "nxdomain");
    const nodata = await r.query("www.signed.example", "TXT");
    assert.equal(nodata.status, "nodata");
    assert.equal(nodata.records.length, 0);
  });

  it("synthesises from a wildcard only for names that do not exist (RFC 4592)", async () => {
    const r = createResolver(server.spec);
    const synthesised = await r.query("anything.wild.plain.example", "TXT");
    assert.equal(synthesised.status, "answer");
    assert.equal(synthesised.records[0]?.name, "anything.wild.plain.example");
    assert.deepEqual(synthesised.records[0]?.data, ["from the wildcard"]);
    // real.wild exists (it has an A record): the wildcard does not cover it, so TXT there is NODATA.
    assert.equal((await r.query("real.wild.plain.example", "TXT")).status, "nodata");
    assert.equal((await r.query("anything.wild.plain.example", "A")).status, "nodata");
  });

  it("follows a CNAME and records the chain", async () => {
    const a = await createResolver(server.spec).query("alias.signed.example", "A");
    assert.deepEqual(a.cnameChain, ["www.signed.example"]);
    assert.equal(a.records[0]?.data, "192.0.2.2");
  });

  it("decodes Null MX (RFC 7505) as an empty exchange", async () => {
    const a = await createResolver(server.spec).query("null.signed.example", "MX");
    assert.deepEqual(a.records[0]?.data, { preference: 0, exchange: "" });
  });

  it("falls back to TCP when the UDP answer is truncated", async () => {
    const a = await createResolver(server.spec).query("big.signed.example", "TXT");
    assert.equal(a.truncatedUdp, true);
    assert.equal(a.transport, "tcp");
    assert.equal(a.records.length, 12);
  });

  it("reports a bogus answer as DNS_BOGUS with its Extended DNS Error", async () => {
    await assert.rejects(createResolver(server.spec).query("bogus.example", "A"), (err: unknown) => {
      assert.ok(err instanceof DnsError);
      assert.equal(err.code, "DNS_BOGUS");
      assert.equal(err.ede[0]?.code, 6);
      return true;
    });
  });

  it("times out with DNS_TIMEOUT, after one retry, against a name never answered", async () => {
    const r = createResolver(server.spec, { timeoutMs: 150 });
    const started = Date.now();
    await assert.rejects(r.query("silent.signed.example", "A"), (err: unknown) => err instanceof DnsError && err.code === "DNS_TIMEOUT");
    assert.ok(Date.now() - started >= 290, "two attempts of 150 ms");
    assert.equal(r.stats().sent, 2);
  });

  it("times out against a server that never answers anything", async () => {
    const sink = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => sink.bind(0, "127.0.0.1", () => resolve()));
    try {
      const r = createResolver(`127.0.0.1:${sink.address().port}`, { timeoutMs: 100, retries: 0 });
      await assert.rejects(r.query("example.com", "A"), (err: unknown) => err instanceof DnsError && err.code === "DNS_TIMEOUT");
    } finally {
      sink.close();
    }
  });

  it("sends identical concurrent queries once and answers repeats from the cache", async () => {
    const r = createResolver(server.spec);
    const before = server.queries();
    await Promise.all(Array.from({ length: 20 }, () => r.query("signed.example", "TXT")));
    await r.query("SIGNED.example.", "TXT");
    assert.equal(server.queries() - before, 1);
    assert.deepEqual(r.stats(), { queries: 21, cacheHits: 1, inflightJoins: 19, sent: 1 });
  });

  it("keeps the answers used most recently, so a long run's cache stays the same size", async () => {
    const r = createResolver(server.spec, { cacheAnswers: 3 });
    const before = server.queries();
    const ask = (n: string) => r.query(`${n}.signed.example`, "A");
    for (const n of ["a", "b", "c"]) await ask(n);
    await ask("a"); // used again: now the most recent
    await ask("d"); // one over: b, the least recent, goes
    assert.equal(server.queries() - before, 4);
    await ask("a");
    await ask("c");
    await ask("d");
    assert.equal(server.queries() - before, 4, "a, c and d are kept");
    await ask("b");
    assert.equal(server.queries() - before, 5, "b was asked again");
    assert.equal(r.stats().cacheHits, 4);
  });

  it("keeps to its concurrency limit", async () => {
    const r = createResolver(server.spec, { concurrency: 2 });
    const names = Array.from({ length: 10 }, (_, i) => `n${i}.signed.example`);
    const answers = await Promise.all(names.map((n) => r.query(n, "A")));
    assert.ok(answers.every((a) => a.status === "nxdomain"));
    assert.equal(r.stats().sent, 10);
  });

  it("finds that the sandbox resolver validates, and that a silent one is unknown", async () => {
    assert.equal((await probeValidation(createResolver(server.spec))).validates, true);
    const sink = dgram.createSocket("udp4");
    await new Promise<void>((resolve) => sink.bind(0, "127.0.0.1", () => resolve()));
    try {
      const v = await probeValidation(createResolver(`127.0.0.1:${sink.address().port}`, { timeoutMs: 50, retries: 0 }));
      assert.equal(v.validates, null);
    } finally {
      sink.close();
    }
  });

  it("refuses names longer than DNS allows without sending them", async () => {
    const r = createResolver(server.spec);
    await assert.rejects(r.query(`${"a".repeat(64)}.example`, "A"), (err: unknown) => err instanceof DnsError && err.code === "DNS_BAD_NAME");
    assert.equal(r.stats().sent, 0);
  });
});

describe("hostile DNS answers", () => {
  it("rejects an answer for another question and a malformed message", async () => {
    const sock = dgram.createSocket("udp4");
    let mode: "garbage" | "wrong" = "garbage";
    sock.on("message", (msg, rinfo) => {
      if (mode === "garbage") {
        const out = Buffer.from(msg.subarray(0, 4));
        sock.send(Buffer.concat([out, Buffer.from([0, 1, 0, 9, 0xff, 0xff])]), rinfo.port, rinfo.address);
      } else {
        // Echo the header with QR set but a different question name.
        const reply = Buffer.from(msg);
        reply[2] = 0x81;
        reply[3] = 0x80;
        reply[13] = "z".charCodeAt(0);
        sock.send(reply, rinfo.port, rinfo.address);
      }
    });
    await new Promise<void>((resolve) => sock.bind(0, "127.0.0.1", () => resolve()));
    try {
      const spec = `127.0.0.1:${sock.address().port}`;
      await assert.rejects(createResolver(spec, { retries: 0 }).query("example.com", "A"), (e: unknown) => e instanceof DnsError && e.code === "DNS_BAD_RESPONSE");
      mode = "wrong";
      await assert.rejects(createResolver(spec, { retries: 0 }).query("example.com", "A"), (e: unknown) => e instanceof DnsError && e.code === "DNS_BAD_RESPONSE");
    } finally {
      sock.close();
    }
  });
});
