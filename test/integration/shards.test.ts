// One domain list in shards (issue 30): the demo's world assessed whole, then in three shards
// (assess --shard k/3, the tenant collected in each), merged with `exo-posture merge`: the merged
// findings are the whole run's. Shards are a stable hash of each name, and the merge refuses a
// split with a shard missing or doubled, since its reports would leave domains out.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { assess, type AssessOptions } from "../../src/index.js";
import type { Finding } from "../../src/evidence/findings.js";
import { loadRules } from "../../src/evaluate.js";
import type { Evidence } from "../../src/evidence/evidence.js";
import { mergeEvidence, mergeRuns } from "../../src/merge.js";
import { defaultRulesDir } from "../../src/paths.js";
import { inShard, parseShard, shardOf } from "../../src/run/shard.js";
import { startSampleWorld, type RunningWorld } from "../../src/sandbox/demo.js";
import { runCli } from "../helpers/cli.js";
import { readFindings } from "../helpers/findings.js";
import { tempDir } from "../helpers/tmp.js";

let world: RunningWorld;
let out: string;
const NOW = new Date("2026-12-06T12:00:00Z");

const options = (outDir: string): AssessOptions => ({
  domains: world.domains, resolver: world.resolver, dnsTimeoutMs: 2000, rulesDir: defaultRulesDir, outDir, formats: ["json"],
  tenantCollect: world.tenant, messageFiles: world.messages, allowPrivate: true, now: () => NOW,
  context: { ...world.context, ca: world.ca, timeoutMs: 1500 },
});

before(async () => {
  world = await startSampleWorld();
  out = tempDir();
  (await assess(options(join(out, "whole")))).dispose();
  for (const k of [1, 2, 3]) (await assess({ ...options(join(out, `shard-${k}`)), shard: { index: k, count: 3 } })).dispose();
});
after(async () => {
  await world.close();
});

// The sample world issues a certificate per connection: validity times differ between runs, and only they.
const timeless = (s: string) => s.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z/g, "<time>");
const lines = (fs: Finding[]) => fs.map((f) => timeless(`${f.subject} ${f.ruleId} ${f.status} ${f.cause ?? ""} ${f.message}`)).sort();

describe("shards", () => {
  it("split the list by a hash of each name: every domain in exactly one shard, whatever the order", () => {
    // The given domains and the tenant's accepted ones: the shards split them all.
    const names = Object.keys((JSON.parse(readFileSync(join(out, "whole", "evidence.json"), "utf8")) as { domains: object }).domains);
    assert.ok(names.length > world.domains.length);
    for (const n of names) assert.equal([1, 2, 3].filter((k) => inShard(n, { index: k, count: 3 })).length, 1, n);
    assert.equal(shardOf("Example.GOV.uk", 7), shardOf("example.gov.uk", 7));
    const sizes = [1, 2, 3].map((k) => names.filter((n) => shardOf(n, 3) === k).length);
    assert.ok(sizes.every((s) => s > 0), `shard sizes ${sizes.join(", ")}`);
    for (const k of [1, 2, 3]) {
      const e = JSON.parse(readFileSync(join(out, `shard-${k}`, "evidence.json"), "utf8")) as { shard: unknown; domains: Record<string, unknown> };
      assert.deepEqual(e.shard, { index: k, count: 3 });
      assert.deepEqual(Object.keys(e.domains).sort(), names.filter((n) => shardOf(n, 3) === k).sort());
    }
    assert.deepEqual(parseShard("2/3"), { index: 2, count: 3 });
    for (const bad of ["0/3", "4/3", "3", "a/b", "1/0", ""]) assert.throws(() => parseShard(bad), /is not k\/n/, bad);
  });

  it("merge into the findings of the whole run (an MX host probed in two shards agrees)", async () => {
    const merged = await mergeRuns({ dirs: [1, 2, 3].map((k) => join(out, `shard-${k}`)), outDir: join(out, "merged"), formats: ["json", "csv"], rulesDir: defaultRulesDir, now: NOW });
    assert.deepEqual(merged.disagreements, []);
    const whole = readFindings(join(out, "whole", "findings.json"));
    const fromShards = readFindings(join(out, "merged", "findings.json"));
    assert.ok(whole.findings.length > 1000);
    assert.deepEqual(lines(fromShards.findings), lines(whole.findings));
    assert.deepEqual(fromShards.summary, whole.summary);
    assert.deepEqual(fromShards.assessment.causes.map((c) => [c.code, c.checks]), whole.assessment.causes.map((c) => [c.code, c.checks]));
    // Hosts named by domains of several shards serve them all again.
    const wholeEvidence = JSON.parse(readFileSync(join(out, "whole", "evidence.json"), "utf8")) as { mxHosts: Record<string, { domains: string[] }> };
    for (const [host, h] of Object.entries(merged.evidence.mxHosts)) assert.deepEqual(h.domains, [...wholeEvidence.mxHosts[host]!.domains].sort(), host);
  });

  it("merge from the command line, and refuse a split with a shard missing or doubled, in one line", async () => {
    const dirs = [1, 2, 3].map((k) => join(out, `shard-${k}`));
    const ok = await runCli(["merge", ...dirs, "--out", join(out, "cli"), "--format", "json", "-q"]);
    assert.ok(ok.code === 0 || ok.code === 1, ok.stderr);
    assert.equal(readFindings(join(out, "cli", "findings.json")).findings.length, readFindings(join(out, "whole", "findings.json")).findings.length);
    const missing = await runCli(["merge", dirs[0]!, dirs[2]!, "--out", join(out, "no"), "-q"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^exo-posture: merge: shard 2\/3 missing: without it the reports would leave out its domains\n$/);
    const doubled = await runCli(["merge", dirs[0]!, dirs[0]!, dirs[1]!, dirs[2]!, "--out", join(out, "no"), "-q"]);
    assert.equal(doubled.code, 2);
    assert.match(doubled.stderr, /both shard 1\/3/);
    const whole = await runCli(["merge", join(out, "whole"), "--out", join(out, "no"), "-q"]);
    assert.match(whole.stderr, /holds a run of a whole list, not a shard/);
  });

  it("say so when two shards saw an MX host differently, and keep what the worse-off one saw", () => {
    const read = (k: number) => JSON.parse(readFileSync(join(out, `shard-${k}`, "evidence.json"), "utf8")) as Evidence;
    const shards = [read(1), read(2), read(3)];
    const pairs = ([[0, 1], [0, 2], [1, 2]] as const).flatMap(([i, j]) => Object.keys(shards[i]!.mxHosts).filter((h) => h in shards[j]!.mxHosts && !shards[i]!.mxHosts[h]!.smtp.error).map((h) => ({ i, j, h })));
    assert.ok(pairs.length > 0, `a host that answered, probed in two shards: ${JSON.stringify([0, 1, 2].map((i) => Object.keys(shards[i]!.mxHosts)))}`);
    const { i, j, h: host } = pairs[0]!;
    const [a, b] = [shards[i]!, shards[j]!];
    const broken = structuredClone(b);
    broken.mxHosts[host]!.smtp = { ...broken.mxHosts[host]!.smtp, connections: [], error: { code: "SMTP_TIMEOUT", message: `${host} did not answer` } };
    const rules = loadRules({ rulesDir: defaultRulesDir });
    const { evidence, disagreements } = mergeEvidence([a, broken], rules, NOW);
    assert.equal(disagreements.length, 1, disagreements.join("\n"));
    assert.match(disagreements[0]!, new RegExp(`^The shards saw MX host ${host.replace(/\./g, "\\.")} differently \\(.*pass in shard ${i + 1}/3, error in shard ${j + 1}/3.*\\): the merge keeps what shard ${j + 1}/3 saw, the worse`));
    assert.equal(evidence.mxHosts[host]!.smtp.error?.code, "SMTP_TIMEOUT");
    assert.deepEqual(evidence.mxHosts[host]!.domains, [...new Set([...a.mxHosts[host]!.domains, ...b.mxHosts[host]!.domains])].sort());
  });
});
