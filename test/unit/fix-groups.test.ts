// Fix groups: one a rule, each distinct fix once with the subjects it serves.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Finding } from "../../src/evidence/findings.js";
import { DASHED_DOMAIN, fixGroups, templated } from "../../src/report/fix-groups.js";

const f = (ruleId: string, name: string, status: Finding["status"], over: Partial<Finding> = {}): Finding => ({
  ruleId, title: ruleId, severity: "medium", status, control: "tls-rpt", subject: `domain:${name}`, evidence: [], references: [],
  message: `${name} publishes no TLS-RPT record at _smtp._tls.${name}.`,
  remediation: `Publish a TXT record at _smtp._tls.${name}:\n  _smtp._tls.${name}. TXT "v=TLSRPTv1; rua=mailto:tls@${name}"`,
  ...over,
});

describe("fix groups", () => {
  it("replaces a name only where it stands whole", () => {
    assert.equal(templated("_dmarc.a.example. and mta-sts.a.example/x", "a.example", "<domain>"), "_dmarc.<domain>. and mta-sts.<domain>/x");
    assert.equal(templated("ba.example a.example.uk a.examples A.EXAMPLE", "a.example", "<domain>"), "ba.example a.example.uk a.examples <domain>");
    assert.equal(templated("mx: a-example.mail.protection.outlook.com", "a.example", "<domain>"), `mx: ${DASHED_DOMAIN}.mail.protection.outlook.com`);
    assert.equal(templated("not-a-example.mail.protection.outlook.com", "a.example", "<domain>"), "not-a-example.mail.protection.outlook.com");
  });

  it("writes a fix that differs only by the subject's name once, for every subject", () => {
    const [g] = fixGroups([f("tlsrpt.record", "b.example", "fail"), f("tlsrpt.record", "a.example", "fail"), f("tlsrpt.record", "c.example", "pass")]);
    assert.deepEqual(g!.subjects.map((s) => s.name), ["a.example", "b.example"]);
    assert.equal(g!.sharedMessage, "<domain> publishes no TLS-RPT record at _smtp._tls.<domain>.");
    assert.equal(g!.fixes.length, 1);
    assert.deepEqual(g!.fixes[0]!.names, ["a.example", "b.example"]);
    assert.match(g!.fixes[0]!.text, /_smtp\._tls\.<domain>\. TXT "v=TLSRPTv1; rua=mailto:tls@<domain>"/);
  });

  it("keeps fixes that really differ apart, and a fix for one subject in its own words", () => {
    const groups = fixGroups([
      f("tlsrpt.record", "a.example", "fail"),
      f("tlsrpt.record", "b.example", "fail"),
      f("tlsrpt.record", "c.example", "warn", { remediation: "Something else for c.example <domain>", message: "other" }),
    ]);
    assert.equal(groups.length, 1);
    const [g] = groups;
    assert.equal(g!.fails, 2);
    assert.equal(g!.warns, 1);
    assert.equal(g!.sharedMessage, null);
    assert.deepEqual(g!.fixes.map((x) => x.names), [["a.example", "b.example"], ["c.example"]]);
    assert.equal(g!.fixes[1]!.text, "Something else for c.example <domain>", "a single subject's text is not templated");
  });

  it("orders by severity, then rules that fail before rules that only warn, then by how many subjects", () => {
    const groups = fixGroups([
      f("low.rule", "a.example", "fail", { severity: "low" }),
      f("warn.rule", "a.example", "warn", { severity: "high" }),
      f("one.rule", "a.example", "fail", { severity: "high" }),
      f("two.rule", "a.example", "fail", { severity: "high" }),
      f("two.rule", "b.example", "fail", { severity: "high" }),
    ]);
    assert.deepEqual(groups.map((g) => g.ruleId), ["two.rule", "one.rule", "warn.rule", "low.rule"]);
  });
});
