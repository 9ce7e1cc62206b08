// Comparing two runs: each kind of move lands in one list, and nothing gone is called fixed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffFindings, newReaches } from "../../src/report/diff.js";

type F = { ruleId: string; subject: string; status: "pass" | "fail" | "warn" | "info" | "error" | "not_applicable" | "waived"; severity: "high" | "medium" | "low" | "info" };
const run = (fs: F[]) => ({ generatedAt: "t", evidenceCollectedAt: "t", findings: fs.map((f) => ({ ...f, title: f.ruleId, message: `${f.ruleId} ${f.status}` })) });
const f = (ruleId: string, subject: string, status: F["status"], severity: F["severity"] = "high"): F => ({ ruleId, subject, status, severity });

describe("diffFindings", () => {
  const cases: { name: string; before: F[]; after: F[]; list: "new" | "fixed" | "changed" | "unchanged" | "noLongerAssessed" | "ruleRemoved" }[] = [
    { name: "pass to fail is new", before: [f("r", "d:a", "pass")], after: [f("r", "d:a", "fail")], list: "new" },
    { name: "a failing subject new to the run is new", before: [f("r", "d:a", "pass")], after: [f("r", "d:a", "pass"), f("r", "d:b", "warn")], list: "new" },
    { name: "fail to pass is fixed", before: [f("r", "d:a", "fail")], after: [f("r", "d:a", "pass")], list: "fixed" },
    { name: "warn to not applicable is fixed", before: [f("r", "d:a", "warn")], after: [f("r", "d:a", "not_applicable")], list: "fixed" },
    { name: "fail to error is changed, never fixed", before: [f("r", "d:a", "fail")], after: [f("r", "d:a", "error")], list: "changed" },
    { name: "pass to error is changed", before: [f("r", "d:a", "pass")], after: [f("r", "d:a", "error")], list: "changed" },
    { name: "fail to warn is changed", before: [f("r", "d:a", "fail")], after: [f("r", "d:a", "warn")], list: "changed" },
    { name: "a failure's severity moving is changed", before: [f("r", "d:a", "fail", "high")], after: [f("r", "d:a", "fail", "low")], list: "changed" },
    { name: "fail to waived is changed, never fixed", before: [f("r", "d:a", "fail")], after: [f("r", "d:a", "waived")], list: "changed" },
    { name: "not applicable to pass changes nothing", before: [f("r", "d:a", "not_applicable")], after: [f("r", "d:a", "pass")], list: "unchanged" },
    { name: "a domain left out is no longer assessed", before: [f("r", "d:a", "fail"), f("r", "d:b", "pass")], after: [f("r", "d:b", "pass")], list: "noLongerAssessed" },
    { name: "a rule left out of the pack is said so", before: [f("gone", "d:a", "fail"), f("r", "d:a", "pass")], after: [f("r", "d:a", "pass")], list: "ruleRemoved" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = diffFindings(run(c.before), run(c.after));
      const lists = { new: d.new.length, fixed: d.fixed.length, changed: d.changed.length, noLongerAssessed: d.noLongerAssessed.length, ruleRemoved: d.ruleRemoved.length };
      for (const [k, n] of Object.entries(lists)) assert.equal(n, k === c.list ? 1 : 0, `${k}: ${JSON.stringify(d)}`);
      if (c.list === "unchanged") assert.equal(d.unchanged, 1);
    });
  }

  it("--fail-on trips on what is new at that severity or above", () => {
    const d = diffFindings(run([f("r", "d:a", "pass", "medium")]), run([f("r", "d:a", "fail", "medium")]));
    assert.equal(newReaches(d, new Set(["high"])), false);
    assert.equal(newReaches(d, new Set(["high", "medium"])), true);
  });
});
