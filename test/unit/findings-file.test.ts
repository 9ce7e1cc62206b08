// findings.json format 2 (issue 29): each rule's fields once, under `rules`; read back into the
// findings the reports use, equal to what was written; format 1 files still read; a file whose
// finding names a rule it does not hold is refused in one line.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { type Finding, type Findings, FINDINGS_FORMAT, FINDINGS_FORMAT_V1, findingsFileSchema, fromFindingsFile, toFindingsFile } from "../../src/evidence/findings.js";
import { readComparableFindings, readFindingsFile } from "../../src/input/findings-file.js";
import { tempDir } from "../helpers/tmp.js";

const rule = { title: "DMARC policy", severity: "high" as const, control: "dmarc", references: [{ title: "RFC 9989", url: "https://www.rfc-editor.org/rfc/rfc9989" }], crosswalk: { govuk: ["dmarc"] } };
const f = (subject: string, status: Finding["status"], remediation = ""): Finding => ({ ruleId: "dmarc.policy", ...rule, status, subject, message: `m ${subject}`, evidence: ["/domains/x/dmarc"], remediation });
const findings: Findings = {
  format: FINDINGS_FORMAT, tool: { name: "exo-posture", version: "0" }, pack: { name: "ncsc", version: "0" }, generatedAt: "2026-12-06T00:00:00.000Z",
  evidenceCollectedAt: "2026-12-06T00:00:00.000Z", resolver: { spec: "t", server: "t", validatesDnssec: true },
  summary: { total: 3, byStatus: { pass: 1, fail: 1, warn: 0, info: 0, error: 0, not_applicable: 1, waived: 0 }, openBySeverity: { high: 1, medium: 0, low: 0, info: 0 } },
  assessment: { complete: true, couldNotAssess: 0, causes: [] }, notes: [], policies: [],
  findings: [f("domain:a.example", "fail", "publish p=reject"), f("domain:b.example", "pass"), f("domain:c.example", "not_applicable")],
};

describe("findings.json, format 2", () => {
  it("holds each rule's fields once and reads back equal", () => {
    const file = toFindingsFile(findings);
    assert.deepEqual(Object.keys(file.rules), ["dmarc.policy"]);
    assert.ok(file.findings.every((x) => !("title" in x) && !("references" in x)));
    assert.equal("remediation" in file.findings[1]!, false, "an empty remediation is left out");
    assert.equal(findingsFileSchema.safeParse(file).success, true);
    assert.deepEqual(fromFindingsFile(file), findings);
    assert.ok(JSON.stringify(file).length < JSON.stringify(findings).length);
  });
  it("reads format 1 as it was written, and format 2 expanded", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "v1.json"), JSON.stringify({ ...findings, format: FINDINGS_FORMAT_V1 }));
    writeFileSync(join(dir, "v2.json"), JSON.stringify(toFindingsFile(findings)));
    assert.deepEqual(await readFindingsFile(join(dir, "v1.json")), findings);
    assert.deepEqual(await readFindingsFile(join(dir, "v2.json")), findings);
    // A comparison (diff, --baseline) reads the rule's title and severity from either.
    for (const v of ["v1", "v2"]) assert.deepEqual((await readComparableFindings(join(dir, `${v}.json`))).findings.map((x) => [x.title, x.severity]), findings.findings.map((x) => [x.title, x.severity]));
  });
  it("refuses a finding whose rule the file does not hold", async () => {
    const dir = tempDir();
    const file = toFindingsFile(findings);
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...file, rules: {} }));
    await assert.rejects(readFindingsFile(join(dir, "bad.json"), "--baseline"), /--baseline .*bad\.json: a finding names rule dmarc\.policy, which its rules table does not hold/);
  });
});
