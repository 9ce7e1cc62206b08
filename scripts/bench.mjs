#!/usr/bin/env node
// Benchmark: how run time and DNS traffic grow with the number of domains. A synthetic world of N
// domains sharing a handful of MX hosts and SPF includes is served on loopback; the real probe
// pipeline runs against it. Cost should grow with unique names, not with domains × checks.
//   npm run bench [-- 50 200 1000]
import { startDnsServer } from "../dist/src/sandbox/dns/server.js";
import { zone } from "../dist/src/sandbox/dns/zone.js";
import { createResolver } from "../dist/src/dns/resolver.js";
import { probeAll } from "../dist/src/probe/run.js";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const n of sizes.length ? sizes : [10, 100, 500]) {
  const domains = Array.from({ length: n }, (_, i) => `d${i}.bench.example`);
  const zones = [
    zone("bench.example", "secure", domains.flatMap((d, i) => [
      `${d}. MX 10 mx${i % 4}.gateway.example.`,
      `${d}. TXT "v=spf1 include:spf.gateway.example -all"`,
      `_dmarc.${d}. TXT "v=DMARC1; p=reject"`,
    ])),
    zone("gateway.example", "secure", ["mx0 A 127.0.9.1", "mx1 A 127.0.9.2", "mx2 A 127.0.9.3", "mx3 A 127.0.9.4", 'spf TXT "v=spf1 ip4:192.0.2.0/24 -all"']),
  ];
  const server = await startDnsServer({ zones });
  const resolver = createResolver(server.spec, { timeoutMs: 2000 });
  // No SMTP server stands in this world: MX hosts are recorded as unreachable, never connected to.
  const ctx = { resolver, now: () => new Date(), ca: [], timeoutMs: 2000, dkimSelectors: [], log: () => {}, smtpEndpoint: () => null };
  const started = process.hrtime.bigint();
  const evidence = await probeAll(domains.map((name) => ({ name, input: name, source: "cli" })), ctx);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const s = evidence.stats;
  console.log(
    `${String(n).padStart(5)} domains, ${Object.keys(evidence.mxHosts).length} MX hosts: ${ms.toFixed(0).padStart(6)} ms, ` +
      `${s.dnsQueries} queries asked, ${s.dnsSent} sent (${(s.dnsSent / n).toFixed(2)} per domain), ` +
      `${s.dnsCacheHits} cache hits, ${s.dnsInflightJoins} joined in flight, server saw ${server.queries()}`,
  );
  await server.close();
}
