// An MX host whose AAAA lookup times out while A answers (issue 23, case 2): its IPv4 address is
// probed, but "at every address" is unknown, so the verdicts that rest on it are `error` with the
// lookup's code; a failure found at the known address stays a failure.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/index.js";
import { defaultRulesDir } from "../../src/paths.js";
import { probeAddresses } from "../../src/probe/addresses.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeSmtp } from "../../src/probe/smtp/index.js";
import { judge } from "../../src/rules/judge.js";
import { loadPack } from "../../src/rules/pack.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { createTestCa } from "../../src/sandbox/pki.js";
import { type RunningSmtpServer, startSmtpServer } from "../../src/sandbox/smtp/server.js";

const pack = loadPack(defaultRulesDir);
const resolverInfo = { spec: "t", kind: "udp", server: "t", validatesDnssec: true, validationDetail: "" };
const verdict = (ruleId: string, host: string, mx: unknown) =>
  judge(pack.rules.find((r) => r.meta.id === ruleId)!, { id: `mx:${host}`, vars: { mx, tenant: null, resolver: resolverInfo, params: {} }, pointers: { mx: "/mxHosts/x" } });

let dns: RunningDnsServer;
const servers: RunningSmtpServer[] = [];
let ca: string;
let chain: { chainPem: string; keyPem: string };
before(async () => {
  dns = await startDnsServer({
    zones: [zone("v6.example", "secure", ["mx-both A 192.0.2.61", "mx-both AAAA 2001:db8::61", "mx-v4 A 192.0.2.62", "mx-v4 AAAA 2001:db8::62"])],
    // The AAAA question of one host is never answered.
    silent: ["mx-v4.v6.example|AAAA"],
  });
  const testCa = await createTestCa();
  const issued = await testCa.issue({ names: ["mx-both.v6.example", "mx-v4.v6.example"] });
  ca = testCa.certPem;
  chain = { chainPem: issued.chainPem, keyPem: issued.keyPem };
});
after(async () => {
  await dns.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function probe(host: string, mode: "starttls" | "no-starttls") {
  const server = await startSmtpServer({ hostname: host, mode, ...chain });
  servers.push(server);
  const ctx = { resolver: createResolver(dns.spec, { timeoutMs: 200, retries: 0 }), timeoutMs: 1500, ca: [ca], smtpEndpoint: () => ({ host: server.host, port: server.port }) } as unknown as ProbeContext;
  const addresses = await probeAddresses(host, ctx);
  const smtp = await probeSmtp(host, addresses.list, ctx, addresses.incomplete ?? null);
  return { addresses, smtp, mx: { host, addresses, smtp } };
}

describe("an MX host whose AAAA lookup fails while A answers", () => {
  it("records the gap, and makes 'at every address' verdicts error with the lookup's code", async () => {
    const { addresses, smtp, mx } = await probe("mx-v4.v6.example", "starttls");
    assert.deepEqual(addresses.list, ["192.0.2.62"]);
    assert.equal(addresses.error, null, "IPv4 still works");
    assert.equal(addresses.incomplete?.code, "DNS_TIMEOUT");
    assert.equal(smtp.incomplete?.code, "DNS_TIMEOUT");
    for (const rule of ["starttls.offered", "starttls.tls-version"]) {
      const v = verdict(rule, "mx-v4.v6.example", mx);
      assert.equal(v.status, "error", `${rule}: ${v.message}`);
      assert.equal(v.cause, "DNS_TIMEOUT");
    }
  });

  it("keeps a failure found at the known address a failure", async () => {
    const { mx } = await probe("mx-v4.v6.example", "no-starttls");
    assert.equal(verdict("starttls.offered", "mx-v4.v6.example", mx).status, "fail");
  });

  it("passes a host whose both lookups answered", async () => {
    const { addresses, mx } = await probe("mx-both.v6.example", "starttls");
    assert.equal(addresses.incomplete, null);
    assert.equal(addresses.list.length, 2);
    assert.equal(verdict("starttls.offered", "mx-both.v6.example", mx).status, "pass");
  });
});
