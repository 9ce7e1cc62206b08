// One table-driven test runs every example of every rule in the shipped pack (like ESLint's
// RuleTester), and checks each rule has examples that reach both pass and a failing outcome.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultRulesDir } from "../../src/paths.js";
import { coverageProblems, exampleEvidenceProblems, loadPack, runExamples } from "../../src/rules/index.js";

const pack = loadPack(defaultRulesDir);

describe("rule pack examples", () => {
  for (const rule of pack.rules) {
    describe(rule.meta.id, () => {
      it("has examples for passing and for failing", () => {
        assert.deepEqual(coverageProblems(rule), []);
      });
      it("gives examples only evidence the probes produce", () => {
        assert.deepEqual(exampleEvidenceProblems(pack, rule), []);
      });
      for (const result of runExamples(pack, rule)) {
        it(`${result.name} → ${result.expected}`, () => {
          assert.equal(result.actual, result.expected, `${result.file}: "${result.name}" gave ${result.actual}: ${result.message}`);
        });
      }
    });
  }
});
