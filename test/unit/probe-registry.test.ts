// The probe registry is the one list of probes: every section of a domain's and an MX host's
// evidence is made by exactly one line of it, and the runner assembles them in one pass.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { domainEvidence } from "../../src/evidence/domain.js";
import { mxHostEvidence } from "../../src/evidence/mx-host.js";
import { DOMAIN_PROBES, MX_HOST_PROBES } from "../../src/probe/registry.js";
import { entry, runProbes } from "../../src/probe/sections.js";

const keysOf = (list: readonly { key: string }[]) => list.map((p) => p.key);

describe("the probe registry", () => {
  it("makes every section of a domain's evidence once", () => {
    const sections = Object.keys(domainEvidence.shape).filter((k) => !["name", "input", "source", "role"].includes(k));
    assert.deepEqual([...keysOf(DOMAIN_PROBES)].sort(), sections.sort());
    assert.equal(new Set(keysOf(DOMAIN_PROBES)).size, DOMAIN_PROBES.length);
  });

  it("makes every section of an MX host's evidence once", () => {
    const sections = Object.keys(mxHostEvidence.shape).filter((k) => !["host", "domains"].includes(k));
    assert.deepEqual([...keysOf(MX_HOST_PROBES)].sort(), sections.sort());
    assert.equal(new Set(keysOf(MX_HOST_PROBES)).size, MX_HOST_PROBES.length);
  });

  it("names every probe for people", () => {
    for (const p of [...DOMAIN_PROBES, ...MX_HOST_PROBES]) assert.ok(p.name.length > 5, p.key);
  });
});

describe("runProbes", () => {
  type S = { a: number; b: number; c: string };
  const line = entry<S, { base: number }>();

  it("lets a probe await another's section, wherever it stands in the list, and runs each once", async () => {
    const calls: string[] = [];
    const probes = [
      line("c", "c from b", async (r) => { calls.push("c"); return `b=${await r.section("b")}`; }),
      line("b", "b from a", async (r) => { calls.push("b"); return (await r.section("a")) * 10; }),
      line("a", "a", async (r) => { calls.push("a"); return r.base + 1; }),
    ];
    assert.deepEqual(await runProbes(probes, { base: 1 }), { c: "b=20", b: 20, a: 2 });
    assert.deepEqual([...calls].sort(), ["a", "b", "c"]);
  });

  it("starts independent probes together", async () => {
    let running = 0;
    let most = 0;
    const slow = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return 1;
    };
    await runProbes([line("a", "a", slow), line("b", "b", slow)], { base: 0 });
    assert.equal(most, 2);
  });

  it("fails loudly when a probe asks for a section no probe makes", async () => {
    await assert.rejects(runProbes([line("a", "a", async (r) => (await r.section("b")) + 1)], { base: 0 }), /no probe in the registry makes the b section/);
  });
});
