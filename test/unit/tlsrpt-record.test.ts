// The TLS-RPT record (RFC 8460 §3).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTlsRptRecord, parseTlsRpt } from "../../src/probe/tlsrpt-parse.js";

describe("isTlsRptRecord (RFC 8460 §3: records not beginning v=TLSRPTv1; are discarded)", () => {
  const cases: [string, boolean][] = [
    ["v=TLSRPTv1; rua=mailto:a@example.com", true],
    ["v=TLSRPTv1;rua=mailto:a@example.com", true],
    ["v=TLSRPTv1", true],
    ["v=tlsrptv1; rua=mailto:a@example.com", false],
    ["v=TLSRPTv10; rua=mailto:a@example.com", false],
    ["v=STSv1; id=1", false],
  ];
  for (const [text, counts] of cases) it(`${JSON.stringify(text)} → ${counts}`, () => assert.equal(isTlsRptRecord(text), counts));
});

describe("parseTlsRpt", () => {
  const cases: { raw: string; valid: boolean; rua?: [string, boolean][]; problem?: RegExp }[] = [
    { raw: "v=TLSRPTv1; rua=mailto:tls@example.com", valid: true, rua: [["mailto:tls@example.com", true]] },
    { raw: "v=TLSRPTv1;rua=https://reports.example.com/tlsrpt;", valid: true, rua: [["https://reports.example.com/tlsrpt", true]] },
    {
      raw: "v=TLSRPTv1; rua=mailto:a@example.com, https://r.example.net/v1",
      valid: true,
      rua: [["mailto:a@example.com", true], ["https://r.example.net/v1", true]],
    },
    { raw: "v=TLSRPTv1; rua=mailto:a@example.com,ftp://x.example", valid: true, rua: [["mailto:a@example.com", true], ["ftp://x.example", false]] },
    { raw: "v=TLSRPTv1; rua=mailto:a@example.com; ext=1", valid: true },
    { raw: "v=TLSRPTv1", valid: false, problem: /rua field is missing/ },
    { raw: "v=TLSRPTv1; rua=http://r.example.com/", valid: false, problem: /no usable/ },
    { raw: "v=TLSRPTv1; rua=mailto:nobody", valid: false, problem: /no usable/ },
    { raw: "v=TLSRPTv1; rua=tls@example.com", valid: false, problem: /no usable/ },
    { raw: "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com", valid: false, problem: /more than once/ },
    { raw: "v=TLSRPTv1; RUA=mailto:a@example.com", valid: false, problem: /rua field is missing/ },
    { raw: "v=TLSRPTv1;; rua=mailto:a@example.com", valid: false, problem: /empty field/ },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.raw)} → ${c.valid ? "valid" : "invalid"}`, () => {
      const r = parseTlsRpt(c.raw);
      assert.equal(r.valid, c.valid, r.problems.join("; "));
      if (c.rua) assert.deepEqual(r.rua.map((u) => [u.uri, u.valid]), c.rua);
      if (c.problem) assert.ok(r.problems.some((p) => c.problem!.test(p)), r.problems.join("; "));
      if (c.valid) assert.deepEqual(r.problems, []);
    });
  }
});
