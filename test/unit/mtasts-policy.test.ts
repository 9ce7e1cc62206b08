// The MTA-STS policy file (RFC 8461 §3.2): line endings, repeated and unknown keys, the values.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePolicy } from "../../src/probe/mtasts/index.js";

const good = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n";

describe("parsePolicy", () => {
  const cases: {
    name: string;
    body: string;
    valid: boolean;
    mode?: string | null;
    maxAge?: number | null;
    mx?: string[];
    problem?: RegExp;
    note?: RegExp;
    extensions?: Record<string, string>;
  }[] = [
    { name: "CRLF line endings", body: good, valid: true, mode: "enforce", maxAge: 604800, mx: ["mail.example.com", "*.example.net"] },
    { name: "LF line endings", body: good.replace(/\r\n/g, "\n"), valid: true, mode: "enforce", mx: ["mail.example.com", "*.example.net"] },
    { name: "mixed line endings", body: "version: STSv1\nmode: testing\r\nmx: a.example\nmax_age: 86400", valid: true, mode: "testing", maxAge: 86400 },
    { name: "no final line break", body: good.trimEnd(), valid: true },
    { name: "whitespace after the colon and at the end of a line", body: "version:STSv1  \nmode:\t enforce\nmx: a.example \nmax_age:   1\n", valid: true, mode: "enforce", mx: ["a.example"], maxAge: 1 },
    { name: "upper case and a trailing dot in mx are normalised", body: "version: STSv1\nmode: enforce\nmx: MAIL.Example.COM.\nmax_age: 1\n", valid: true, mx: ["mail.example.com"] },
    { name: "mode none needs no mx", body: "version: STSv1\nmode: none\nmax_age: 86400\n", valid: true, mode: "none", mx: [] },
    { name: "enforce without mx", body: "version: STSv1\nmode: enforce\nmax_age: 86400\n", valid: false, problem: /no mx line/ },
    { name: "repeated mode: the first counts", body: "version: STSv1\nmode: enforce\nmode: none\nmx: a.example\nmax_age: 1\n", valid: true, mode: "enforce", note: /mode appears again/ },
    { name: "repeated max_age: the first counts", body: "version: STSv1\nmode: testing\nmx: a.example\nmax_age: 100\nmax_age: 5\n", valid: true, maxAge: 100, note: /max_age appears again/ },
    { name: "repeated bad version after a good one is ignored", body: "version: STSv1\nversion: STSv2\nmode: none\nmax_age: 1\n", valid: true, note: /version appears again/ },
    { name: "unknown keys are ignored and recorded", body: good + "x_comment: hello world\n", valid: true, extensions: { x_comment: "hello world" }, note: /unknown key x_comment/ },
    { name: "missing version", body: "mode: enforce\nmx: a.example\nmax_age: 1\n", valid: false, problem: /version is missing/ },
    { name: "version is case-sensitive", body: "version: stsv1\nmode: enforce\nmx: a.example\nmax_age: 1\n", valid: false, problem: /not STSv1/ },
    { name: "keys are case-sensitive", body: "Version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1\n", valid: false, problem: /version is missing/ },
    { name: "mode is case-sensitive", body: "version: STSv1\nmode: Enforce\nmx: a.example\nmax_age: 1\n", valid: false, mode: null, problem: /not enforce, testing or none/ },
    { name: "unknown mode", body: "version: STSv1\nmode: report\nmx: a.example\nmax_age: 1\n", valid: false, problem: /not enforce/ },
    { name: "missing max_age", body: "version: STSv1\nmode: enforce\nmx: a.example\n", valid: false, problem: /max_age is missing/ },
    { name: "max_age at the limit", body: "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557600\n", valid: true, maxAge: 31557600 },
    { name: "max_age over the limit", body: "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557601\n", valid: false, maxAge: null, problem: /0 to 31557600/ },
    { name: "max_age not a number", body: "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1w\n", valid: false, problem: /max_age/ },
    { name: "max_age of 11 digits", body: "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 00000000001\n", valid: false },
    { name: "a wildcard in the middle is not a pattern", body: "version: STSv1\nmode: enforce\nmx: mail.*.example\nmax_age: 1\n", valid: false, problem: /not a host name/ },
    { name: "a partial-label wildcard is not a pattern", body: "version: STSv1\nmode: enforce\nmx: mx*.example.com\nmax_age: 1\n", valid: false, problem: /not a host name/ },
    { name: "a line without a colon", body: "version: STSv1\nmode enforce\nmx: a.example\nmax_age: 1\n", valid: false, problem: /line 2 is not/ },
    { name: "a space before the colon", body: "version : STSv1\nmode: none\nmax_age: 1\n", valid: false, problem: /line 1 is not/ },
    { name: "a blank line is noted", body: "version: STSv1\n\nmode: none\nmax_age: 1\n", valid: true, note: /line 2 is blank/ },
    { name: "a byte-order mark", body: "\uFEFF" + good, valid: false, problem: /byte-order mark/ },
    { name: "an HTML page", body: "<html><body>Not here</body></html>\n", valid: false, problem: /line 1 is not/ },
    { name: "empty", body: "", valid: false, problem: /version is missing/ },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.valid ? "valid" : "invalid"}`, () => {
      const p = parsePolicy(c.body);
      assert.equal(p.valid, c.valid, p.problems.join("; "));
      if (c.mode !== undefined) assert.equal(p.mode, c.mode);
      if (c.maxAge !== undefined) assert.equal(p.maxAge, c.maxAge);
      if (c.mx) assert.deepEqual(p.mx, c.mx);
      if (c.problem) assert.ok(p.problems.some((x) => c.problem!.test(x)), p.problems.join("; "));
      if (c.note) assert.ok(p.notes.some((x) => c.note!.test(x)), p.notes.join("; "));
      if (c.extensions) assert.deepEqual(p.extensions, c.extensions);
      if (c.valid) assert.deepEqual(p.problems, []);
    });
  }
});
