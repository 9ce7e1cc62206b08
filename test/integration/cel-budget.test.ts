// A rule pack with a condition whose work grows exponentially (issue 23, case 6): nested .all()
// over a list, 20^6 loop steps. CEL evaluation has a budget; past it the rule is `error` with
// RULE_BUDGET for that subject, `rules validate` finishes and says so, and every other finding of
// the run is what it was without the rule.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { defaultRulesDir } from "../../src/paths.js";
import { runCli } from "../helpers/cli.js";
import { demoRun } from "../helpers/demo-run.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

const VICTIM = "good-council.example";
const KEPT = ["spf.present", "dmarc.present", "starttls.offered", "mtasts.mx-certificates"];
const exponentialRule = `id: test.exponential
title: A condition that grows exponentially
severity: low
scope: domain
control: spf
description: Nested .all() six deep over twenty numbers, 64 million steps.
inputs: [domain.spf]
let:
  l: "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]"
when: domain.name == '${VICTIM}' || domain.name == 'a.example'
outcomes:
  - status: fail
    if: "!l.all(a, l.all(b, l.all(c, l.all(d, l.all(e, l.all(f, a + b + c + d + e + f > 0))))))"
    message: "{{domain.name}} fails"
pass: "{{domain.name}} passes"
remediation: Nothing.
references:
  - { title: t, url: "https://example.test/" }
examples:
  - { name: passes, expect: pass, given: { domain: { name: a.example, spf: { error: null, records: [] } } } }
  - { name: elsewhere, expect: not_applicable, given: { domain: { name: b.example, spf: { error: null, records: [] } } } }
`;

let dir: string;
let pack: string;
before(async () => {
  dir = tempDir();
  pack = join(dir, "pack");
  // The pack file, a few shipped rules, and the exponential one.
  mkdirSync(pack, { recursive: true });
  for (const f of ["pack.yaml", ...KEPT.map((id) => `${id}.yaml`)]) cpSync(join(defaultRulesDir, f), join(pack, f));
  writeFileSync(join(pack, "test.exponential.yaml"), exponentialRule);
  await demoRun(join(dir, "run"), {}, [VICTIM, "parked-borough.example"]);
});

const bounded = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);

describe("a CEL condition over its budget", () => {
  it("rules validate finishes and names the example the budget stopped", async () => {
    const started = Date.now();
    const r = await bounded(runCli(["rules", "validate", pack]), 30_000);
    assert.ok(r, "rules validate did not finish within 30 s");
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /test\.exponential/);
    assert.match(r.stdout + r.stderr, /RULE_BUDGET/);
    assert.ok(Date.now() - started < 15_000, `${Date.now() - started} ms`);
  });

  it("evaluate makes that rule error (RULE_BUDGET) for its subject, and leaves every other finding as it was", async () => {
    const r = await bounded(runCli(["evaluate", "--evidence", join(dir, "run/evidence.json"), "--rules", pack, "--out", join(dir, "re"), "--format", "json", "-q"]), 60_000);
    assert.ok(r, "evaluate did not finish within 60 s");
    assert.equal(r.code, 0, r.stderr);
    const now = readFindings(join(dir, "re/findings.json"));
    const before = readFindings(join(dir, "run/findings.json"));
    before.findings = before.findings.filter((f) => KEPT.includes(f.ruleId));
    assert.ok(before.findings.length > 10);
    const mine = now.findings.filter((f) => f.ruleId === "test.exponential");
    const victim = mine.find((f) => f.subject === `domain:${VICTIM}`)!;
    assert.equal(victim.status, "error", victim.message);
    assert.equal(victim.cause, "RULE_BUDGET");
    assert.match(victim.message, /evaluation budget/);
    const others = mine.filter((f) => f !== victim);
    assert.ok(others.every((f) => f.status !== "error" || f.cause !== "RULE_BUDGET"), JSON.stringify(others.map((f) => [f.subject, f.status, f.message])));
    const key = (f: { ruleId: string; subject: string; status: string; message: string }) => `${f.ruleId} ${f.subject} ${f.status} ${f.message}`;
    assert.deepEqual(now.findings.filter((f) => f.ruleId !== "test.exponential").map(key), before.findings.map(key));
  });

  it("leaves a condition within the budget alone: loops keep their meaning", async () => {
    const { compile, evalBool } = await import("../../src/rules/cel.js");
    const cases: [string, boolean][] = [
      ["[1,2,3].exists(x, x == 2)", true], ["[1,2].all(x, x > 1)", false], ["[1,2,3].filter(x, x > 1) == [2,3]", true],
      ["[1,2].map(x, x * 2) == [2,4]", true], ["[1,2,3].exists_one(x, x > 2)", true], ["[[1,2],[3]].all(l, l.all(x, x > 0))", true],
    ];
    for (const [source, value] of cases) assert.deepEqual(evalBool(compile(source), {}), { ok: true, value }, source);
  });
});
