// The posture matrix: a cell is the worst status of its control, and an MX host's findings count
// for every domain that names it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Finding } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import { postureMatrix } from "../../src/report/posture-matrix.js";
import { loadPack, type Pack } from "../../src/rules/pack.js";

const f = (ruleId: string, subject: string, status: Finding["status"]): Finding => ({
  ruleId, subject, status, control: "spf", title: "", severity: "medium", message: "", evidence: [], remediation: "", references: [],
});

const evidence = {
  domains: {
    "a.example": { role: { value: "sending" }, mx: { hosts: [{ preference: 10, exchange: "mx.shared.example" }] } },
    "b.example": { role: { value: "parked" }, mx: { hosts: [] } },
  },
} as unknown as Evidence;

describe("postureMatrix", () => {
  const rows = postureMatrix(
    [
      f("spf.present", "domain:a.example", "pass"),
      f("spf.valid", "domain:a.example", "warn"),
      f("dmarc.policy", "domain:a.example", "error"),
      f("dmarc.present", "domain:a.example", "fail"),
      f("dane.match", "mx:mx.shared.example", "fail"),
      f("spf.present", "domain:b.example", "pass"),
      f("dane.match", "mx:other.example", "fail"),
    ],
    evidence,
    loadPack(defaultRulesDir),
  );
  const cells = (domain: string) => rows.find((r) => r.startsWith(domain))!.split(/\s{2,}/).slice(1);

  it("shows the worst status of each control: fail over error over warn over pass", () => {
    const [spf, dmarc] = cells("a.example");
    assert.equal(spf, "warn");
    assert.equal(dmarc, "FAIL");
  });

  it("counts an MX host's findings for the domains that name it, and only those", () => {
    assert.equal(cells("a.example")[7], "FAIL");
    assert.equal(cells("b.example")[7], "-");
  });

  it("says not applicable where a control has no finding", () => {
    assert.equal(cells("b.example")[1], "-");
  });
});

describe("postureMatrix severity (issue 26)", () => {
  const low = (ruleId: string, subject: string, status: Finding["status"]): Finding => ({ ...f(ruleId, subject, status), severity: "low" });
  const cellsOf = (findings: Finding[]) => {
    const rows = postureMatrix(findings, evidence, loadPack(defaultRulesDir));
    return rows.find((r) => r.startsWith("a.example"))!.split(/\s{2,}/).slice(1).map((c) => c.trim());
  };
  it("a p=reject domain's DMARC cell is its verdict, with the low-severity note apart", () => {
    const [, dmarc] = cellsOf([{ ...f("dmarc.policy", "domain:a.example", "pass"), severity: "high" }, low("dmarc.external-report-auth", "domain:a.example", "fail")]);
    assert.equal(dmarc, "ok*");
  });
  it("a low note never hides a medium failure, and a column of low findings alone is judged by them", () => {
    const [spf, dmarc] = cellsOf([f("spf.valid", "domain:a.example", "fail"), low("spf.dead-terms", "domain:a.example", "warn"), low("dmarc.external-report-auth", "domain:a.example", "fail")]);
    assert.equal(spf, "FAIL*");
    assert.equal(dmarc, "FAIL");
  });
  it("a control that does not apply stays '-', its notes beside it", () => {
    const [spf] = cellsOf([f("spf.valid", "domain:a.example", "not_applicable"), low("spf.dead-terms", "domain:a.example", "warn")]);
    assert.equal(spf, "-*");
  });
  it("says what the * means", () => {
    assert.match(postureMatrix([], evidence, loadPack(defaultRulesDir)).at(-1)!, /\* with low-severity notes/);
  });
});

describe("postureMatrix columns", () => {
  it("has the shipped pack's controls as columns, in order", () => {
    const header = postureMatrix([], evidence, loadPack(defaultRulesDir))[0]!.split(/\s+/);
    assert.deepEqual(header, ["domain", "SPF", "DMARC", "DKIM", "STARTTLS", "MTA-STS", "TLS-RPT", "DNSSEC", "DANE", "Path"]);
  });

  it("takes each rule's column from its control, not its id, and shows only controls with domain or MX rules", () => {
    const rule = (id: string, scope: string, control: string) => ({ meta: { id, scope, control } });
    const pack = { rules: [rule("zz.dane-like", "mx", "dane"), rule("spf.present", "domain", "dmarc"), rule("exo.x", "tenant", "exchange")] } as unknown as Pick<Pack, "rules">;
    const rows = postureMatrix([f("spf.present", "domain:a.example", "fail"), f("zz.dane-like", "mx:mx.shared.example", "warn")], evidence, pack);
    assert.deepEqual(rows[0]!.split(/\s+/), ["domain", "DMARC", "DANE"]);
    assert.deepEqual(rows.find((r) => r.startsWith("a.example"))!.split(/\s{2,}/).slice(1).map((c) => c.trim()), ["FAIL", "warn"]);
  });
});
