// The policy fetch itself: where trust comes from, where names are resolved, and what a closed
// port looks like.
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, it } from "node:test";
import type { RecordType, Resolver } from "../../src/dns/types.js";
import { fetchPolicy } from "../../src/probe/mtasts/index.js";
import { type StsWorld, startStsWorld } from "./mtasts-world.js";

let world: StsWorld;
before(async () => {
  world = await startStsWorld();
});
after(() => world.close());

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", () => resolve()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe("fetchPolicy", () => {
  it("fetches a good policy when the test CA is trusted through ctx.ca", async () => {
    const p = await fetchPolicy("good.sts.example", world.ctx);
    assert.equal(p.failure, null);
    assert.equal(p.parsed?.valid, true);
  });

  it("trusts the test CA only through ctx.ca: without it the same server fails validation", async () => {
    const p = await fetchPolicy("good.sts.example", { ...world.ctx, ca: [] });
    assert.equal(p.failure?.code, "TLS_CERT_INVALID");
    assert.match(p.failure!.message, /UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    assert.equal(p.parsed, null);
  });

  it("resolves the policy host with ctx.resolver, for the evidence and for the connection", async () => {
    const asked: string[] = [];
    const recording: Resolver = {
      info: world.ctx.resolver.info,
      stats: () => world.ctx.resolver.stats(),
      query: (name: string, type: RecordType) => {
        asked.push(`${name} ${type}`);
        return world.ctx.resolver.query(name, type);
      },
    };
    const p = await fetchPolicy("good.sts.example", { ...world.ctx, resolver: recording });
    assert.equal(p.failure, null);
    // Once to record the addresses, once more (from the cache) when the socket connects. The
    // system resolver knows nothing of sts.example, so the connection can only have come from ours.
    assert.ok(asked.filter((q) => q === "mta-sts.good.sts.example A").length >= 2, asked.join(", "));
    assert.deepEqual(p.addresses, ["127.0.0.1"]);
  });

  it("reports a port nobody listens on as HTTP_CONNECT_REFUSED", async () => {
    const p = await fetchPolicy("good.sts.example", { ...world.ctx, httpsPort: await closedPort() });
    assert.equal(p.error, null);
    assert.equal(p.failure?.code, "HTTP_CONNECT_REFUSED");
  });

  it("keeps to its deadline with a server that never answers", async () => {
    const started = Date.now();
    const p = await fetchPolicy("slow.sts.example", { ...world.ctx, timeoutMs: 300 });
    assert.equal(p.error?.code, "HTTP_TIMEOUT");
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  });

  it("keeps to its deadline with a server that never stops talking", async () => {
    const started = Date.now();
    const p = await fetchPolicy("drip.sts.example", { ...world.ctx, timeoutMs: 300 });
    assert.equal(p.error?.code, "HTTP_TIMEOUT");
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
  });
});
