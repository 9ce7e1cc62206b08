// DNS-over-HTTPS (RFC 8484) through a real HTTPS server with a certificate from a test CA: the
// answer keeps its AD bit, an untrusted certificate is refused, and HTTP errors are DNS errors.
import assert from "node:assert/strict";
import dgram from "node:dgram";
import { createServer, type Server } from "node:https";
import { type AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { dohAgent } from "../../src/dns/doh-agent.js";
import { createResolver, DnsError } from "../../src/dns/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { createTestCa, type TestCa } from "../../src/sandbox/pki.js";

let dns: RunningDnsServer;
let https: Server;
let ca: TestCa;
let url: string;

/** A DoH front end that forwards each query over UDP to the sandbox server. */
function forward(body: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket("udp4");
    s.once("message", (m) => {
      s.close();
      resolve(m);
    });
    s.once("error", reject);
    s.send(body, dns.port, dns.host);
  });
}

before(async () => {
  dns = await startDnsServer({ zones: [zone("signed.example", "secure", ['@ TXT "v=spf1 -all"'])] });
  ca = await createTestCa();
  const leaf = await ca.issue({ names: ["localhost"] });
  https = createServer({ cert: leaf.chainPem, key: leaf.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      if (req.url === "/broken") {
        res.writeHead(502).end();
        return;
      }
      if (req.method !== "POST" || req.headers["content-type"] !== "application/dns-message") {
        res.writeHead(415).end();
        return;
      }
      const answer = await forward(Buffer.concat(chunks));
      res.writeHead(200, { "content-type": "application/dns-message" }).end(answer);
    });
  });
  await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", () => resolve()));
  url = `https://localhost:${(https.address() as AddressInfo).port}/dns-query`;
});
after(async () => {
  https.close();
  await dns.close();
});

describe("DNS-over-HTTPS", () => {
  it("answers through a DoH server the --ca-file trusts, keeping the AD bit", async () => {
    const a = await createResolver(url, { dispatcher: dohAgent([ca.certPem]) }).query("signed.example", "TXT");
    assert.equal(a.transport, "doh");
    assert.equal(a.ad, true);
    assert.deepEqual(a.records[0]?.data, ["v=spf1 -all"]);
  });

  it("refuses a DoH server whose certificate nobody trusts", async () => {
    await assert.rejects(createResolver(url, { retries: 0 }).query("signed.example", "TXT"), (e: unknown) => e instanceof DnsError && e.code === "DNS_NETWORK");
  });

  it("turns an HTTP error into a DNS error", async () => {
    const r = createResolver(url.replace("/dns-query", "/broken"), { retries: 0, dispatcher: dohAgent([ca.certPem]) });
    await assert.rejects(r.query("signed.example", "TXT"), (e: unknown) => e instanceof DnsError && /HTTP 502/.test(e.message));
  });
});
