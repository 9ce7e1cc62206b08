// CNAME chains that lead nowhere (issue 23, case 5): a loop, or a chain longer than 16 links, is
// an error with its own code (DNS_CNAME_CHAIN), never "no record"; a short chain still resolves,
// and a chain the resolver hands back short (the sandbox, like many resolvers, follows only 8
// links) is completed by the client.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createResolver, DnsError } from "../../src/dns/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

const chain = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1} CNAME c${i + 2}.chain.example.`);
let dns: RunningDnsServer;
before(async () => {
  dns = await startDnsServer({
    zones: [
      zone("chain.example", "secure", [
        "@ MX 0 .", '@ TXT "v=spf1 -all"',
        // _dmarc → c1 → … → c20 → c21, which holds the record: 21 links.
        "_dmarc CNAME c1.chain.example.", ...chain(20), 'c21 TXT "v=DMARC1; p=reject"',
      ]),
      zone("loop.example", "secure", ["@ MX 0 .", '@ TXT "v=spf1 -all"', "_dmarc CNAME l1.loop.example.", "l1 CNAME l2.loop.example.", "l2 CNAME l1.loop.example."]),
      zone("ten.example", "secure", [
        "@ MX 0 .", '@ TXT "v=spf1 -all"',
        "_dmarc CNAME c1.ten.example.", ...Array.from({ length: 9 }, (_, i) => `c${i + 1} CNAME c${i + 2}.ten.example.`), 'c10 TXT "v=DMARC1; p=reject"',
      ]),
    ],
  });
});
after(() => dns.close());

describe("CNAME chains", () => {
  it("throws DNS_CNAME_CHAIN for a loop and for a chain past 16 links", async () => {
    const resolver = createResolver(dns.spec, { timeoutMs: 1000 });
    for (const name of ["_dmarc.loop.example", "_dmarc.chain.example"]) {
      await assert.rejects(resolver.query(name, "TXT"), (e: unknown) => e instanceof DnsError && e.code === "DNS_CNAME_CHAIN", name);
    }
  });

  it("completes a 10-link chain the resolver returned after 8 links", async () => {
    const a = await createResolver(dns.spec, { timeoutMs: 1000 }).query("_dmarc.ten.example", "TXT");
    assert.equal(a.status, "answer");
    assert.equal(a.cnameChain.length, 10);
    assert.equal(a.cnameChain.at(-1), "c10.ten.example");
  });

  it("makes dmarc.present an error with that cause, and passes the domain whose chain ends in a record", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "-d", "chain.example", "-d", "loop.example", "-d", "ten.example", "--resolver", dns.spec, "--out", out, "--format", "json", "-q"]);
    assert.ok(r.code === 0, r.stderr);
    const findings = readFindings(join(out, "findings.json"));
    const present = (d: string) => findings.findings.find((f) => f.ruleId === "dmarc.present" && f.subject === `domain:${d}`)!;
    for (const d of ["chain.example", "loop.example"]) {
      assert.equal(present(d).status, "error", `${d}: ${present(d).message}`);
      assert.equal(present(d).cause, "DNS_CNAME_CHAIN");
    }
    assert.equal(present("ten.example").status, "pass", present("ten.example").message);
  });
});
