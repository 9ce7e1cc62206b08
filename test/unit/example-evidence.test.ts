// Rule examples may give only evidence the probes produce: a misspelt key, a wrong type, a variable
// the rule's scope does not see or an unknown parameter is reported with the file and line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { defaultRulesDir } from "../../src/paths.js";
import { exampleEvidenceProblems, loadPack } from "../../src/rules/index.js";
import { tempDir } from "../helpers/tmp.js";

const packYaml = readFileSync(join(defaultRulesDir, "pack.yaml"), "utf8");
const rule = readFileSync(join(defaultRulesDir, "spf.present.yaml"), "utf8");

function problemsWith(given: string): string[] {
  const text = rule.replace(/examples:[\s\S]*/, `examples:
  - name: good
    expect: pass
    given:
      domain: { name: a.example, spf: { error: null, records: ["v=spf1 -all"] } }
  - name: under test
    expect: fail
    given:
${given}
`);
  const pack = loadPack(tempDir({ "pack.yaml": packYaml, "spf.present.yaml": text }));
  return exampleEvidenceProblems(pack, pack.rules[0]!);
}

describe("example evidence", () => {
  const line = rule.replace(/examples:[\s\S]*/, "").split("\n").length + 8;
  const cases: { name: string; given: string; problem: RegExp }[] = [
    { name: "an unknown key", given: "      domain: { name: a.example, spf: { error: null, record: [] } }", problem: /: domain\.spf\.record: the evidence has no such key/ },
    { name: "a wrong type", given: "      domain: { name: a.example, spf: { error: null, records: [1] } }", problem: /: domain\.spf\.records\[0\]: .*expected string/ },
    { name: "a wrong enum value", given: "      domain: { name: a.example, role: { value: sendin, reason: r } }", problem: /: domain\.role\.value: .*expected one of/ },
    { name: "a variable the scope does not see", given: "      mx: { host: mx.example }", problem: /: mx: a domain rule sees domain, mxHosts/ },
    { name: "an MX host under its name", given: '      mxHosts: { "mx.a.example": { hots: x } }', problem: /: mxHosts\["mx\.a\.example"\]\.hots: the evidence has no such key/ },
    { name: "an unknown parameter", given: "      params: { spfMaxLookup: 3 }", problem: /: params\.spfMaxLookup: the pack has no such parameter/ },
  ];
  for (const c of cases) {
    it(`reports ${c.name} as file:line: example "name": path: reason`, () => {
      const problems = problemsWith(c.given);
      assert.equal(problems.length, 1, problems.join("\n"));
      assert.match(problems[0]!, new RegExp(`spf\\.present\\.yaml:${line}: example "under test": `));
      assert.match(problems[0]!, c.problem);
    });
  }

  it("accepts partial evidence, null MX hosts, a null tenant and known parameters", () => {
    assert.deepEqual(problemsWith('      domain: { name: a.example }\n      mxHosts: { "mx.a.example": null }\n      tenant: null\n      params: { mtastsMinMaxAge: 1 }'), []);
  });
});
