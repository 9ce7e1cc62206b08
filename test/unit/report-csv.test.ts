// findings.csv field by field: RFC 4180 quoting, and values a spreadsheet would evaluate kept as text.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import type { Finding } from "../../src/evidence/findings.js";
import { CSV_COLUMNS, field, renderCsv } from "../../src/report/csv.js";

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: "dmarc.present", title: "t", severity: "high", status: "fail", control: "dmarc", subject: "domain:a.example",
  message: "m", evidence: ["/domains/a.example/dmarc"], remediation: "", references: [], ...over,
});

describe("findings.csv", () => {
  it("quotes every field and doubles quotes (RFC 4180 §2)", () => {
    assert.equal(field('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
    assert.equal(field(""), '""');
  });

  it("writes a value that begins with = + - @ tab or CR with a leading apostrophe (OWASP CSV injection)", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) assert.equal(field(v), `"'${v}"`);
    for (const v of ["v=spf1 -all", "a=b", "1-2"]) assert.equal(field(v), `"${v}"`);
  });

  it("keeps a TXT record of =HYPERLINK(...) as text through a CSV parser", () => {
    const record = '=HYPERLINK("http://x","y")';
    // As a rule quotes a record it read, in the message and the subject of a finding.
    const csv = renderCsv([finding({ message: record, subject: `message:${record}`, remediation: `${record}\nsecond line` })]);
    const [row] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(row!.Message, `'${record}`);
    assert.equal(row!.Remediation, `'${record}\nsecond line`);
    assert.equal(row!.Subject, `message:${record}`, "not at the start of the cell: harmless, kept as it is");
    for (const value of Object.values(row!)) assert.doesNotMatch(value, /^[=+\-@\t\r]/);
  });

  it("opens with a BOM and the header, ends records with CRLF, and puts unknowns first", () => {
    const csv = renderCsv([
      finding({ status: "pass", subject: "domain:b.example" }),
      finding({ status: "error", cause: "DNS_TIMEOUT", severity: "low" }),
      finding({ status: "fail", severity: "medium" }),
      finding({ status: "waived", waiver: { reason: "migrating", approver: "J. Smith", expires: "2027-03-31", applied: true, originalStatus: "fail" } }),
    ]);
    assert.ok(csv.startsWith(`\uFEFF"${CSV_COLUMNS[0]}"`));
    assert.equal(csv.split("\r\n").length, 6, "4 rows, the header and the empty string after the last CRLF");
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => r.Status), ["error", "fail", "waived", "pass"]);
    assert.equal(rows[0]!["Could not assess because"], "DNS_TIMEOUT");
    assert.equal(rows[1]!.Control, "DMARC");
    assert.match(rows[2]!.Waiver!, /^waived \(was fail\) until 2027-03-31: migrating \(approved by J\. Smith\)$/);
  });
});
