// A run's economy (issue 29), on the benchmark's world at small scale: no question whose answer is
// already known (the domain's DNSSEC status from the AD bits of its MX and TXT answers, no SOA; no
// query of the retired SPF type; the wildcard DKIM key only for parked domains), every MX host
// probed once, and the same findings whatever the concurrency.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { assess } from "../../src/index.js";
import { startDnsServer, type RunningDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { createTestCa } from "../../src/sandbox/pki.js";
import { startSmtpServer, type RunningSmtpServer } from "../../src/sandbox/smtp/server.js";
import { startHttpsServer, type RunningHttpsServer } from "../../src/sandbox/https/server.js";
import { BENCH_GATEWAY, BENCH_POLICY, benchWorld } from "../../src/sandbox/world/bench.js";
import { tempDir } from "../helpers/tmp.js";

const N = 12;
const HOSTS = 4;
const world = benchWorld(N, HOSTS);
// One parked domain beside them: Null MX, SPF -all, and the empty wildcard key gov.uk asks for.
const PARKED = "parked.bench-parked.example";
const asked: string[] = [];
let dns: RunningDnsServer;
let smtp: RunningSmtpServer;
let https: RunningHttpsServer;
let caFile: string;

before(async () => {
  const ca = await createTestCa();
  const dir = tempDir();
  caFile = join(dir, "ca.pem");
  writeFileSync(caFile, ca.certPem);
  dns = await startDnsServer({
    zones: [...world.zones, zone("bench-parked.example", "insecure", ["parked MX 0 .", 'parked TXT "v=spf1 -all"', '_dmarc.parked TXT "v=DMARC1; p=reject"', '*._domainkey.parked TXT "v=DKIM1; p="'])],
    onQuery: (name, type) => asked.push(`${type} ${name}`),
  });
  const certs = new Map<string, Promise<{ chainPem: string; keyPem: string }>>();
  const certFor = (host: string) => {
    if (!certs.has(host)) certs.set(host, ca.issue({ names: [host] }).then((c) => ({ chainPem: c.chainPem, keyPem: c.keyPem })));
    return certs.get(host)!;
  };
  smtp = await startSmtpServer({ hostname: `mx.${BENCH_GATEWAY}`, mode: "starttls", certFor });
  const sites = await Promise.all(world.domains.filter((_, i) => world.hasMtaSts(i)).map(async (d) => {
    const c = await certFor(`mta-sts.${d}`);
    return { host: `mta-sts.${d}`, keyPem: c.keyPem, certPem: c.chainPem, paths: { "/.well-known/mta-sts.txt": { status: 200, headers: { "content-type": "text/plain" }, body: BENCH_POLICY } } };
  }));
  https = await startHttpsServer({ sites });
});
after(async () => {
  await Promise.all([dns.close(), smtp.close(), https.close()]);
});

async function run(concurrency: number) {
  asked.length = 0;
  const smtpBefore = smtp.connections();
  const r = await assess({
    domains: [...world.domains, PARKED],
    resolver: dns.spec,
    caFiles: [caFile],
    allowPrivate: true,
    concurrency,
    context: { smtpEndpoint: () => ({ host: "127.0.0.1", port: smtp.port }), httpsPort: https.port },
  });
  return { r, questions: [...asked], smtpConnections: smtp.connections() - smtpBefore };
}

describe("a run asks no question whose answer it has", () => {
  let first: Awaited<ReturnType<typeof run>>;
  let second: Awaited<ReturnType<typeof run>>;
  before(async () => {
    first = await run(1);
    second = await run(16);
  });

  it("asks the world's minimum, once each: no SOA per domain, no type SPF, no wildcard DKIM key but the parked domain's", () => {
    const q = first.questions;
    assert.equal(new Set(q).size, q.length, `asked twice: ${q.filter((x, i) => q.indexOf(x) !== i).join(", ")}`);
    assert.deepEqual(q.filter((x) => x.startsWith("SOA ")), ["SOA ."], "only the resolver's own check asks SOA");
    assert.deepEqual(q.filter((x) => x.startsWith("SPF ")), []);
    assert.deepEqual(q.filter((x) => x.includes("*._domainkey")), [`TXT *._domainkey.${PARKED}`]);
    // The bench world's minimum, plus what the parked domain and the DMARC discovery of its own need.
    const benchQuestions = q.filter((x) => x.includes("bench.example") || x.includes("bench-rua.example") || x === "SOA .");
    assert.ok(benchQuestions.length <= world.minimumQueries * 1.1, `${benchQuestions.length} questions, the world's minimum is ${world.minimumQueries}`);
  });

  it("still finds the domains' DNSSEC status from the answers in hand", () => {
    const d = first.r.evidence.domains[world.domains[0]!]!;
    assert.equal(d.dnssec.status, "secure");
    assert.deepEqual(d.dnssec.lookups.map((l) => `${l.type} ${l.status}`), ["TXT secure", "MX secure"]);
    assert.equal(first.r.findings.findings.find((f) => f.ruleId === "dnssec.domain" && f.subject === `domain:${world.domains[0]}`)?.status, "pass");
    assert.equal(first.r.findings.findings.find((f) => f.ruleId === "parked.locked-down" && f.subject === `domain:${PARKED}`)?.status, "pass");
  });

  // Two SMTP dialogues a host (its one address): one with today's TLS, one offering only TLS 1.0
  // and 1.1 (starttls.tls-version), however many of the 12 domains name it.
  it("probes each MX host once, however many domains name it", () => {
    assert.equal(Object.keys(first.r.evidence.mxHosts).length, HOSTS);
    assert.equal(first.smtpConnections, 2 * HOSTS);
  });

  it("gives the same findings with one domain at a time as with sixteen", () => {
    const key = (f: { ruleId: string; subject: string; status: string; message: string }) => `${f.ruleId} ${f.subject} ${f.status} ${f.message}`;
    assert.deepEqual(second.r.findings.findings.map(key).sort(), first.r.findings.findings.map(key).sort());
    assert.equal(second.smtpConnections, 2 * HOSTS);
  });
});
