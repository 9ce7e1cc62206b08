// probeDkim against the sandbox DNS server: which selectors are asked, CNAME chains followed (as
// Exchange Online publishes its keys), the *._domainkey check, and failures kept per selector.
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createResolver } from "../../src/dns/resolver.js";
import { dkimEvidence } from "../../src/evidence/dkim.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeDkim } from "../../src/probe/dkim/index.js";
import { plannedSelectors } from "../../src/probe/dkim/selectors.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";

const key = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "der", type: "spki" }).toString("base64");

let server: RunningDnsServer;
const ctxWith = (dkimSelectors: string[]): ProbeContext => ({
  resolver: createResolver(server.spec, { timeoutMs: 150, retries: 0 }),
  now: () => new Date(),
  ca: [],
  timeoutMs: 1000,
  dkimSelectors,
  log: () => {},
});
before(async () => {
  server = await startDnsServer({
    zones: [
      zone("exo.test", "insecure", [
        "selector1._domainkey CNAME selector1-exo-test._domainkey.tenant.onmicrosoft.test.",
        "selector2._domainkey CNAME selector2-exo-test._domainkey.tenant.onmicrosoft.test.",
        `custom._domainkey TXT "v=DKIM1; p=${key}"`,
      ]),
      zone("onmicrosoft.test", "insecure", [`selector1-exo-test._domainkey.tenant TXT "v=DKIM1; k=rsa; p=${key}"`]),
      zone("parked.test", "insecure", ['*._domainkey TXT "v=DKIM1; p="']),
      zone("slow.test", "insecure", ['selector2._domainkey TXT "v=DKIM1; p="']),
    ],
    silent: ["selector1._domainkey.slow.test"],
  });
});
after(() => server.close());

describe("plannedSelectors", () => {
  it("asks Exchange Online's two, the tenant's and --dkim-selector's, each once, with why", () => {
    assert.deepEqual(plannedSelectors(["Selector1", "tenantsel"], ["custom", "tenantsel"]), [
      { selector: "selector1", sources: ["default", "tenant"] },
      { selector: "selector2", sources: ["default"] },
      { selector: "tenantsel", sources: ["tenant", "cli"] },
      { selector: "custom", sources: ["cli"] },
    ]);
  });
});

describe("probeDkim", () => {
  it("follows each selector's CNAME and records the chain", async () => {
    const e = await probeDkim("exo.test", ctxWith(["custom"]));
    assert.doesNotThrow(() => dkimEvidence.parse(e));
    const [s1, s2, custom] = e.selectors;
    assert.deepEqual(s1!.cnameChain, ["selector1-exo-test._domainkey.tenant.onmicrosoft.test"]);
    assert.deepEqual(s1!.keys.map((k) => [k.publicKey?.type, k.publicKey?.bits]), [["rsa", 1024]]);
    // The CNAME is there, its target is not: published but not resolving.
    assert.deepEqual(s2!.cnameChain, ["selector2-exo-test._domainkey.tenant.onmicrosoft.test"]);
    assert.equal(s2!.lookup?.status, "nxdomain");
    assert.deepEqual(s2!.keys, []);
    assert.deepEqual(custom!.sources, ["cli"]);
    assert.equal(custom!.keys[0]?.valid, true);
    assert.equal(e.wildcard.lookup?.status, "nxdomain");
  });

  it("passes the tenant's selectors through", async () => {
    const e = await probeDkim("exo.test", ctxWith([]), ["custom"]);
    assert.deepEqual(e.selectors.map((s) => [s.selector, s.sources]), [["selector1", ["default"]], ["selector2", ["default"]], ["custom", ["tenant"]]]);
  });

  it("finds the empty key at *._domainkey of a parked domain", async () => {
    const e = await probeDkim("parked.test", ctxWith([]));
    assert.equal(e.wildcard.name, "*._domainkey.parked.test");
    assert.deepEqual(e.wildcard.keys.map((k) => [k.revoked, k.problems]), [[true, []]]);
  });

  it("keeps a timeout on one selector as that selector's error", async () => {
    const e = await probeDkim("slow.test", ctxWith([]));
    assert.equal(e.error, null);
    assert.equal(e.selectors[0]!.error?.code, "DNS_TIMEOUT");
    assert.equal(e.selectors[1]!.error, null);
    assert.equal(e.selectors[1]!.keys[0]?.revoked, true);
  });

  it("refuses a selector that is not DNS labels without asking", async () => {
    const before = server.queries();
    const e = await probeDkim("exo.test", ctxWith(["bad selector!"]));
    const bad = e.selectors.find((s) => s.selector === "bad selector!");
    assert.equal(bad?.error?.code, "DKIM_BAD_SELECTOR");
    assert.ok(server.queries() - before <= 3, "only selector1, selector2 and the wildcard were asked");
  });
});
