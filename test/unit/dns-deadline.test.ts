// A resolver bound to the run's signal (src/dns/deadline.ts): the deadline or an interrupt cuts off
// every query in flight with its code and the query's own name, refuses new ones, and leaves an
// answer that came first alone.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withDeadline } from "../../src/dns/deadline.js";
import { DnsError } from "../../src/dns/errors.js";
import type { DnsAnswer, Resolver } from "../../src/dns/types.js";
import { deadlineError, interruptError } from "../../src/probe/deadline.js";

function resolverAnswering(quick: string): Resolver {
  return {
    info: { spec: "test", kind: "udp", server: "test" },
    stats: () => ({ queries: 0, cacheHits: 0, inflightJoins: 0, sent: 0 }),
    // `quick` is answered at once; every other name never is.
    query: (name) => (name === quick ? Promise.resolve({ name } as unknown as DnsAnswer) : new Promise<DnsAnswer>(() => {})),
  } as Resolver;
}

describe("a resolver bound to the run's signal", () => {
  for (const [code, reason] of [["RUN_INTERRUPTED", interruptError()], ["RUN_DEADLINE", deadlineError("passed")]] as const) {
    it(`cuts off every query in flight with ${code}, each with its own name, and asks nothing after`, async () => {
      const controller = new AbortController();
      const r = withDeadline(resolverAnswering("quick.example"), controller.signal);
      assert.deepEqual(await r.query("quick.example", "TXT"), { name: "quick.example" });
      const pending = ["a.example", "b.example"].map((n) => r.query(n, "MX").then(() => null, (e: unknown) => e));
      controller.abort(reason);
      const errors = (await Promise.all(pending)) as DnsError[];
      assert.deepEqual(errors.map((e) => [e instanceof DnsError, e.code, e.query.name]), [[true, code, "a.example"], [true, code, "b.example"]]);
      assert.match(errors[0]!.message, new RegExp(`^no answer before the run (was interrupted|deadline passed) \\(${code}\\)$`));
      await assert.rejects(r.query("quick.example", "TXT"), (e: DnsError) => e.code === code && /^not asked/.test(e.message));
    });
  }
});
