// The policy view (issue 28): each requirement's verdict from the findings of the rules that serve
// it. Unknown is never met; a waived failure does not meet a requirement; a requirement no rule
// checks says so; and a crosswalk naming a requirement the policy lacks fails the pack at load.
import assert from "node:assert/strict";
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Finding } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import { loadPack } from "../../src/rules/pack.js";
import { policyResults } from "../../src/rules/policy-view.js";
import type { PolicyFile } from "../../src/rules/rule-schema.js";
import { LoadError } from "../../src/input/errors.js";

const policy: PolicyFile = {
  id: "govuk",
  title: "Test policy",
  short: "Test",
  source: { title: "t", url: "https://example.org/" },
  requirements: [{ id: "dmarc", level: "must", text: "Have DMARC.", checks: "the DMARC rules", source: { title: "t", url: "https://example.org/" } }],
};

const finding = (subject: string, status: Finding["status"], o: Partial<Finding> = {}): Finding => ({
  ruleId: "dmarc.policy", title: "t", severity: "high", status, control: "dmarc", subject, message: "m", evidence: [], remediation: "",
  references: [], crosswalk: { govuk: ["dmarc"] }, ...o,
});
const waived = (subject: string, originalStatus: Finding["status"]) =>
  finding(subject, "waived", { waiver: { reason: "r", approver: "a", expires: "2099-01-01", applied: true, originalStatus } });

const view = (findings: Finding[], tenantCollected = true, tenantRuleIds: string[] = []) =>
  policyResults([policy], { findings, tenantCollected, tenantRuleIds: new Set(tenantRuleIds) })[0]!.requirements[0]!;

describe("a requirement's verdict", () => {
  const cases: [string, Finding[], string, RegExp][] = [
    ["every check passed", [finding("domain:a.example", "pass"), finding("domain:b.example", "pass")], "met", /^Met by all 2: a\.example, b\.example\.$/],
    ["a warning is named, the requirement met", [finding("domain:a.example", "pass"), finding("domain:b.example", "warn")], "met", /Met by all 2, 1 with warnings: b\.example/],
    ["one failure", [finding("domain:a.example", "pass"), finding("domain:b.example", "fail")], "not_met", /^Not met by 1 of 2: b\.example\.$/],
    ["a failure beside an unknown", [finding("domain:a.example", "error"), finding("domain:b.example", "fail")], "not_met", /Not met by 1 of 2: b\.example; could not be assessed for 1 more/],
    ["an unknown and no failure is never met", [finding("domain:a.example", "pass"), finding("domain:b.example", "error")], "could_not_assess", /Could not be assessed for 1 of 2: b\.example/],
    ["a waived failure does not meet it", [finding("domain:a.example", "pass"), waived("domain:b.example", "fail")], "not_met", /b\.example \(waived\)/],
    ["a waived warning is a warning", [finding("domain:a.example", "pass"), waived("domain:b.example", "warn")], "met", /1 with warnings: b\.example \(waived\)/],
    ["nothing applied", [finding("domain:a.example", "not_applicable")], "not_applicable", /None of its checks applies/],
    ["no rule checks it", [], "not_checked", /^the DMARC rules$/],
  ];
  for (const [name, findings, verdict, reason] of cases) {
    it(`${name}: ${verdict}`, () => {
      const r = view(findings);
      assert.equal(r.verdict, verdict, r.reason);
      assert.match(r.reason, reason);
    });
  }
  it("a tenant rule that did not run (no tenant collected) is could not assess, never not applicable", () => {
    const r = view([finding("tenant", "not_applicable", { ruleId: "exo.honor-dmarc" })], false, ["exo.honor-dmarc"]);
    assert.equal(r.verdict, "could_not_assess");
    assert.match(r.reason, /No tenant was collected in this run/);
    // With a tenant, the same not_applicable is what it says.
    assert.equal(view([finding("tenant", "not_applicable", { ruleId: "exo.honor-dmarc" })], true, ["exo.honor-dmarc"]).verdict, "not_applicable");
  });
  it("lists every finding in the way, with its subject and rule", () => {
    const r = view([finding("domain:a.example", "fail"), finding("domain:b.example", "warn"), finding("domain:c.example", "pass")]);
    assert.deepEqual(r.open, [{ subject: "domain:a.example", ruleId: "dmarc.policy", status: "fail" }, { subject: "domain:b.example", ruleId: "dmarc.policy", status: "warn" }]);
  });
});

describe("the shipped GOV.UK policy", () => {
  const pack = loadPack(defaultRulesDir);
  it("is loaded with the pack, and every requirement is served by a rule or says why not", () => {
    const p = pack.policies.find((x) => x.id === "govuk")!;
    assert.equal(p.source.url, "https://www.gov.uk/guidance/securing-government-email");
    const served = new Set(pack.rules.flatMap((r) => r.meta.crosswalk?.govuk ?? []));
    for (const r of p.requirements) assert.ok(served.has(r.id) || /^Not checked/.test(r.checks), `${r.id} has no rule and does not say it is not checked`);
    assert.deepEqual(p.requirements.filter((r) => !served.has(r.id)).map((r) => r.id), ["filtering", "outbound-mta-sts"]);
  });
  it("names the rules that decide the three requirements issue 28 added", () => {
    const by = (id: string) => pack.rules.filter((r) => r.meta.crosswalk?.govuk?.includes(id)).map((r) => r.meta.id).sort();
    assert.deepEqual(by("inbound-dmarc"), ["exo.honor-dmarc", "gateway.enhanced-filtering"]);
    assert.deepEqual(by("ptr"), ["spf.sender-ptr"]);
    assert.deepEqual(by("tls-to-govuk"), ["connector.govuk-tls"]);
  });
  it("refuses a rule that names a requirement the policy does not have, with its file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "pack-"));
    cpSync(defaultRulesDir, dir, { recursive: true });
    const file = join(dir, "spf.present.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("govuk: [spf]", "govuk: [spf-records]"));
    assert.throws(() => loadPack(dir), (e: unknown) => e instanceof LoadError && /spf\.present\.yaml:\d+: crosswalk govuk: spf-records is not a requirement of UK government secure email policy/.test(String(e.message ?? e)));
  });
});
