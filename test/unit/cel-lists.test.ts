// distinct() and flatten(), as cel-go's lists extension defines them, for rule authors.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compile, fromCel } from "../../src/rules/cel.js";

const run = (expr: string, vars: Record<string, unknown> = {}) => fromCel(compile(expr)(vars as never) as never);

describe("CEL list functions", () => {
  const cases: [string, unknown][] = [
    ['["b", "a", "b", "c", "a"].distinct()', ["b", "a", "c"]],
    ["[1, 2, 1, 3].distinct()", [1, 2, 3]],
    ["[].distinct()", []],
    ['[["a", "b"], ["c"], []].flatten()', ["a", "b", "c"]],
    ['[["a"], "b", [["c"]]].flatten()', ["a", "b", ["c"]]],
    ['[["x", "y"], ["x"]].flatten().distinct().join(",")', "x,y"],
  ];
  for (const [expr, want] of cases) it(`${expr} is ${JSON.stringify(want)}`, () => assert.deepEqual(run(expr), want));
  it("keeps lists and maps apart even when equal (no merging by value)", () => {
    assert.equal((run("[[1], [1]].distinct()") as unknown[]).length, 2);
  });
});
