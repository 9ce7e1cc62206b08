// The _mta-sts TXT record (RFC 8461 §3.1): which records count, and what makes one invalid.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isStsRecord, parseStsRecord } from "../../src/probe/mtasts/index.js";

describe("isStsRecord (RFC 8461 §3.1: records not beginning v=STSv1; are discarded)", () => {
  const cases: [string, boolean][] = [
    ["v=STSv1; id=20190429T010101", true],
    ["v=STSv1;id=abc", true],
    ["v=STSv1 ; id=abc", true],
    ["v=STSv1", true],
    ["v=STSv10; id=abc", false],
    ["V=STSv1; id=abc", false],
    ["v=spf1 -all", false],
    [" v=STSv1; id=abc", false],
  ];
  for (const [text, counts] of cases) it(`${JSON.stringify(text)} → ${counts}`, () => assert.equal(isStsRecord(text), counts));
});

describe("parseStsRecord", () => {
  const cases: { raw: string; valid: boolean; id?: string | null; problem?: RegExp; extensions?: Record<string, string> }[] = [
    { raw: "v=STSv1; id=20190429T010101", valid: true, id: "20190429T010101" },
    { raw: "v=STSv1; id=abc;", valid: true, id: "abc" },
    { raw: "v=STSv1;id=abc ;  ", valid: true, id: "abc" },
    { raw: "v=STSv1; id=abc; foo=bar", valid: true, id: "abc", extensions: { foo: "bar" } },
    { raw: "v=STSv1; foo=bar; id=abc", valid: true, id: "abc" },
    { raw: `v=STSv1; id=${"a".repeat(32)}`, valid: true, id: "a".repeat(32) },
    { raw: `v=STSv1; id=${"a".repeat(33)}`, valid: false, id: null, problem: /1 to 32 letters and digits/ },
    { raw: "v=STSv1; id=2019-04-29", valid: false, id: null, problem: /1 to 32/ },
    { raw: "v=STSv1; id=", valid: false, problem: /not a field/ },
    { raw: "v=STSv1", valid: false, id: null, problem: /id field is missing/ },
    { raw: "v=STSv1; ID=abc", valid: false, problem: /id field is missing/ },
    { raw: "v=STSv1; id=abc; id=def", valid: false, id: "abc", problem: /more than once/ },
    { raw: "v=STSv1;; id=abc", valid: false, problem: /empty field/ },
    { raw: "v=STSv1; id=abc; note=two words", valid: false, problem: /not a field/ },
    { raw: "v=STSv2; id=abc", valid: false, problem: /must begin/ },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.raw)} → ${c.valid ? "valid" : "invalid"}`, () => {
      const r = parseStsRecord(c.raw);
      assert.equal(r.valid, c.valid, r.problems.join("; "));
      assert.equal(r.raw, c.raw);
      if (c.id !== undefined) assert.equal(r.id, c.id);
      if (c.problem) assert.ok(r.problems.some((p) => c.problem!.test(p)), r.problems.join("; "));
      if (c.extensions) assert.deepEqual(r.extensions, c.extensions);
      if (c.valid) assert.deepEqual(r.problems, []);
    });
  }
});
