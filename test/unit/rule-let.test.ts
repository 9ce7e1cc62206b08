// `let:` bindings: refused at load with file and line when a name could be misread, evaluated on
// first use at judge time, and a binding that fails makes whatever reads it `error`, never pass.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { defaultRulesDir } from "../../src/paths.js";
import { LoadError, loadPack, runExamples } from "../../src/rules/index.js";
import { judge } from "../../src/rules/judge.js";
import { tempDir } from "../helpers/tmp.js";

const packYaml = readFileSync(join(defaultRulesDir, "pack.yaml"), "utf8");

/** A domain rule whose `let:` block, outcome condition and pass message are given. */
function ruleText(lets: string, condition: string, pass = "{{domain.name}} passes"): string {
  return `id: test.let
title: A rule with bindings
severity: low
scope: domain
control: spf
description: Exercises let.
inputs: [domain.spf]
let:
${lets}
outcomes:
  - status: fail
    if: ${JSON.stringify(condition)}
    message: "{{domain.name}} fails"
pass: ${JSON.stringify(pass)}
remediation: Fix it.
references:
  - { title: t, url: "https://example.test/" }
examples:
  - { name: passes, expect: pass, given: { domain: { name: a.example, spf: { error: null, records: [] } } } }
  - { name: fails, expect: fail, given: { domain: { name: b.example, spf: { error: null, records: [x] } } } }
`;
}

function load(text: string) {
  return loadPack(tempDir({ "pack.yaml": packYaml, "test.let.yaml": text }));
}

function loadError(text: string): LoadError {
  try {
    load(text);
  } catch (err) {
    assert.ok(err instanceof LoadError, `expected LoadError, got ${String(err)}`);
    return err;
  }
  assert.fail("the pack loaded");
}

describe("let: at load", () => {
  const cases: { name: string; lets: string; condition?: string; line: number; reason: RegExp }[] = [
    { name: "a binding that shadows a variable", lets: "  tenant: size(domain.spf.records)", condition: "tenant > 0", line: 9, reason: /let tenant: shadows the variable tenant of a domain rule/ },
    { name: "a name that is not an identifier", lets: "  spf-count: size(domain.spf.records)", condition: "true", line: 9, reason: /must be a CEL identifier/ },
    { name: "a reserved word", lets: "  in: size(domain.spf.records)", condition: "true", line: 9, reason: /reserved word/ },
    { name: "CEL that does not parse", lets: "  a: size([])\n  count: size(domain.spf.records) ==", condition: "count && a > 0", line: 10, reason: /CEL does not parse/ },
    { name: "a binding used before it is defined", lets: "  many: count > 0\n  count: size(domain.spf.records)", condition: "many", line: 9, reason: /let many: uses count, which is defined below it/ },
    { name: "a binding that uses itself", lets: "  count: count + 1", condition: "count > 0", line: 9, reason: /let count: uses itself/ },
    { name: "a binding nobody reads", lets: "  count: size(domain.spf.records)\n  unused: size([])", condition: "count > 0", line: 10, reason: /let unused: is never used/ },
    { name: "two bindings of one name", lets: "  count: size([])\n  count: size(domain.spf.records)", condition: "count > 0", line: 10, reason: /unique|duplicate/i },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}, with its line`, () => {
      const err = loadError(ruleText(c.lets, c.condition ?? "true"));
      assert.match(err.file, /test\.let\.yaml$/);
      assert.equal(err.line, c.line, err.message);
      assert.match(err.reason, c.reason);
    });
  }

  it("does not count a macro's loop variable as a use of a binding of the same name", () => {
    const err = loadError(ruleText("  r: size([])\n  count: size(domain.spf.records)", "count > 0 && domain.spf.records.exists(r, r == 'x')"));
    assert.match(err.reason, /let r: is never used/);
  });

  it("loads bindings that use the ones above them, and judges with them", () => {
    const pack = load(ruleText("  records: domain.spf.records\n  many: size(records) > 0", "many", "{{domain.name}} has {{size(records)}} records"));
    const results = runExamples(pack, pack.rules[0]!);
    assert.deepEqual(results.map((r) => [r.actual, r.message]), [["pass", "a.example has 0 records"], ["fail", "b.example fails"]]);
  });
});

describe("let: at judge time", () => {
  // `bad` fails on every subject: spf has no field `missing`.
  const pack = load(ruleText("  bad: domain.spf.missing\n  good: size(domain.spf.records) > 0", "good && (bad || true)", "passes {{good}}"));
  const rule = pack.rules[0]!;
  const subject = (records: string[]) => ({
    id: "domain:a.example",
    vars: { domain: { name: "a.example", spf: { error: null, records } }, params: {}, tenant: null, mxHosts: {}, resolver: {} },
    pointers: { domain: "/domains/a.example" },
  });

  it("makes a condition that reads a failed binding error, naming it, even where CEL absorbs the error", () => {
    const v = judge(rule, subject(["v=spf1 -all"]));
    assert.equal(v.status, "error");
    assert.match(v.message, /the binding bad could not be evaluated/);
  });

  it("evaluates lazily: a failed binding the deciding path never reads is harmless", () => {
    // `good` is false, so `&&` stops before `bad`; the pass message reads only `good`.
    const v = judge(rule, subject([]));
    assert.equal(v.status, "pass");
    assert.equal(v.message, "passes false");
  });

  it("never passes on a message that reads a failed binding", () => {
    const p = load(ruleText("  bad: domain.spf.missing", "false", "{{domain.name}}: {{bad}}"));
    const v = judge(p.rules[0]!, subject([]));
    assert.equal(v.status, "error");
    assert.match(v.message, /binding bad could not be evaluated/);
  });

  it("reports the binding that failed, not the one that used it", () => {
    const p = load(ruleText("  bad: domain.spf.missing\n  usesBad: bad == 1", "usesBad"));
    const v = judge(p.rules[0]!, subject([]));
    assert.equal(v.status, "error");
    assert.match(v.message, /the binding bad could not be evaluated/);
  });
});
