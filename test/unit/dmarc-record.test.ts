// DMARC records parsed into tags (RFC 7489 §6.3, §6.4; RFC 9989 §4.7, §4.8): a table of records and
// what the parser must make of each, including the hostile ones.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDmarc } from "../../src/probe/dmarc/record.js";

const tags200 = (extra: string) => `v=DMARC1; p=reject; ${extra}${Array.from({ length: extra ? 197 : 198 }, (_, i) => `x${i}=${i}`).join("; ")}`;

interface Case {
  name: string;
  raw: string;
  valid: boolean;
  p?: string | null;
  sp?: string | null;
  np?: string | null;
  pct?: number;
  testing?: boolean;
  psd?: string;
  /** Each must match one problem. */
  problems?: RegExp[];
  /** Each must match one warning. */
  warnings?: RegExp[];
  /** No warnings at all. */
  clean?: boolean;
}

const cases: Case[] = [
  { name: "the smallest valid record", raw: "v=DMARC1; p=reject", valid: true, p: "reject", sp: "reject", np: "reject", pct: 100, testing: false, psd: "u", clean: true },
  { name: "a trailing semicolon and white space are fine", raw: "v = DMARC1 ;\tp = quarantine ;", valid: true, p: "quarantine", clean: true },
  { name: "p=none; sp=reject is judged by p, not a substring", raw: "v=DMARC1; p=none; sp=reject", valid: true, p: "none", sp: "reject", np: "reject" },
  { name: "np defaults to sp, sp to p", raw: "v=DMARC1; p=reject; sp=quarantine", valid: true, sp: "quarantine", np: "quarantine" },
  { name: "np on its own", raw: "v=DMARC1; p=reject; np=none", valid: true, sp: "reject", np: "none" },
  { name: "policy values are case-insensitive (RFC 5234 strings)", raw: "v=DMARC1; P=Reject", valid: true, p: "reject" },
  { name: "v not first", raw: "p=reject; v=DMARC1", valid: false, problems: [/must begin with v=DMARC1/] },
  { name: "v=dmarc1 in lower case", raw: "v=dmarc1; p=reject", valid: false, problems: [/exactly DMARC1/] },
  // RFC 9989 §4.10.1: no valid p, or an invalid sp or np, with a usable rua: receivers act as if p=none.
  { name: "p missing, with a usable rua: applied as p=none", raw: "v=DMARC1; rua=mailto:a@example.org", valid: true, p: "none", sp: "none", np: "none", warnings: [/p tag \(policy\) is missing: receivers act as if the record said p=none/] },
  { name: "p missing, no rua: no policy at all", raw: "v=DMARC1; adkim=s", valid: false, p: null, problems: [/p tag \(policy\) is missing, and rua holds no usable URI/] },
  { name: "p missing, only an unusable rua: no policy at all", raw: "v=DMARC1; rua=ftp://example.org/x", valid: false, problems: [/rua holds no usable URI/] },
  { name: "an invalid p with a usable rua: applied as p=none", raw: "v=DMARC1; p=maybe; rua=mailto:a@example.org", valid: true, p: "none", warnings: [/p=maybe is not none, quarantine or reject: receivers act as if the record said p=none/] },
  { name: "an invalid sp with a usable rua: the whole record applies as p=none", raw: "v=DMARC1; p=reject; sp=strict; rua=mailto:a@example.org", valid: true, p: "none", sp: "none", np: "none", warnings: [/sp=strict/] },
  { name: "an invalid np with a usable rua: the whole record applies as p=none", raw: "v=DMARC1; p=reject; np=drop; rua=mailto:a@example.org", valid: true, p: "none", np: "none", warnings: [/np=drop/] },
  { name: "p not second only warns (RFC 9989 §4.8 drops the order)", raw: "v=DMARC1; rua=mailto:a@example.org; p=reject", valid: true, p: "reject", warnings: [/p is not the second tag/] },
  { name: "an invalid p", raw: "v=DMARC1; p=maybe", valid: false, problems: [/p=maybe is not none, quarantine or reject/] },
  { name: "an invalid sp without rua: no policy at all (RFC 9989 §4.10.1)", raw: "v=DMARC1; p=reject; sp=strict", valid: false, sp: "reject", problems: [/sp=strict/] },
  { name: "a duplicate tag invalidates the record (RFC 6376 §3.2)", raw: "v=DMARC1; p=reject; p=none", valid: false, problems: [/tag p appears more than once/] },
  { name: "unknown tags are ignored but reported", raw: "v=DMARC1; p=reject; foo=bar; baz=1", valid: true, warnings: [/2 unknown tags.*foo, baz/] },
  { name: "pct below 100", raw: "v=DMARC1; p=quarantine; pct=25", valid: true, pct: 25, warnings: [/pct=25 is historic \(RFC 9989 Appendix A.6\)/], testing: false },
  { name: "pct=0 is test mode, as t=y (RFC 9989 Appendix A.6)", raw: "v=DMARC1; p=reject; pct=0", valid: true, pct: 0, testing: true, warnings: [/pct=0 is historic/] },
  { name: "pct that is not a number falls back to 100", raw: "v=DMARC1; p=reject; pct=lots", valid: true, pct: 100, warnings: [/pct=lots is not a number/] },
  { name: "pct over 100 reads as 100", raw: "v=DMARC1; p=reject; pct=150", valid: true, pct: 100, warnings: [/pct=150 is over 100/] },
  { name: "t=y is test mode", raw: "v=DMARC1; p=reject; t=y", valid: true, testing: true },
  { name: "psd=n", raw: "v=DMARC1; p=reject; psd=n", valid: true, psd: "n" },
  { name: "a bad psd falls back to u", raw: "v=DMARC1; p=reject; psd=maybe", valid: true, psd: "u", warnings: [/psd=maybe/] },
  { name: "a part that is not tag=value warns", raw: "v=DMARC1; p=reject; oops", valid: true, warnings: [/not of the form tag=value.*oops/] },
  { name: "an empty record", raw: "", valid: false, problems: [/must begin with v=DMARC1/, /p tag/] },
  { name: "200 tags, 198 unknown: valid, one bounded warning", raw: tags200(""), valid: true, p: "reject", warnings: [/^198 unknown tags.*x0, x1, x2, x3, x4, x5, x6, x7 and 190 more$/] },
  { name: "200 tags with p twice: invalid, and the duplicate named", raw: tags200("p=none; "), valid: false, problems: [/tag p appears more than once/] },
  { name: "non-ASCII bytes in p", raw: "v=DMARC1; p=r\u00e9ject", valid: false, problems: [/p=r\\xe9ject is not none/], warnings: [/outside printable ASCII/] },
  { name: "a replacement character from undecodable bytes", raw: "v=DMARC1; p=reject; rua=mailto:a@ex\ufffdample.org", valid: true, warnings: [/outside printable ASCII/, /rua: 1 of 1 URI cannot be used/] },
];

describe("parseDmarc", () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = parseDmarc(c.raw);
      assert.equal(r.valid, c.valid, `problems: ${r.problems.join(" | ")}`);
      if (c.p !== undefined) assert.equal(r.policy.p, c.p);
      if (c.sp !== undefined) assert.equal(r.policy.sp, c.sp);
      if (c.np !== undefined) assert.equal(r.policy.np, c.np);
      if (c.pct !== undefined) assert.equal(r.policy.pct, c.pct);
      if (c.testing !== undefined) assert.equal(r.policy.testing, c.testing);
      if (c.psd !== undefined) assert.equal(r.psd, c.psd);
      for (const re of c.problems ?? []) assert.ok(r.problems.some((p) => re.test(p)), `no problem matches ${re}: ${r.problems.join(" | ")}`);
      for (const re of c.warnings ?? []) assert.ok(r.warnings.some((w) => re.test(w)), `no warning matches ${re}: ${r.warnings.join(" | ")}`);
      if (c.clean) assert.deepEqual(r.warnings, []);
      // Whatever the input, messages stay short enough to read.
      for (const m of [...r.problems, ...r.warnings]) assert.ok(m.length < 400, `message too long: ${m.length}`);
    });
  }

  it("parses rua and ruf into URIs", () => {
    const r = parseDmarc("v=DMARC1; p=reject; rua=mailto:a@Example.ORG!10m, mailto:b@example.net; ruf=mailto:c@example.org");
    assert.deepEqual(r.rua.map((u) => [u.uri, u.host, u.size]), [["mailto:a@example.org", "example.org", "10m"], ["mailto:b@example.net", "example.net", null]]);
    assert.deepEqual(r.ruf.map((u) => u.host), ["example.org"]);
  });

  it("handles a 10,000-tag record quickly", () => {
    const raw = `v=DMARC1; p=reject; ${Array.from({ length: 10000 }, (_, i) => `t${i}=${i}`).join("; ")}`;
    const started = performance.now();
    const r = parseDmarc(raw);
    assert.ok(performance.now() - started < 500);
    assert.equal(r.warnings.length, 1);
  });
});
