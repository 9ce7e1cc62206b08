// The run-level verdict: unknowns grouped by cause and subject; any unknown makes a run incomplete.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { errorCodeIn, isErrorCode } from "../../src/evidence/errors.js";
import { defaultRulesDir } from "../../src/paths.js";
import { runExamples } from "../../src/rules/examples.js";
import { loadPack } from "../../src/rules/pack.js";
import type { Finding } from "../../src/evidence/findings.js";
import { assessmentOf } from "../../src/rules/assessment.js";
import { parseFailOn, reachesFailOn } from "../../src/cli/options.js";

const f = (subject: string, status: Finding["status"], cause?: Finding["cause"], message = "m", severity: Finding["severity"] = "high"): Finding => ({
  ruleId: `r.${Math.random().toString(36).slice(2, 8)}`, title: "", severity, status, control: "spf", subject, message, evidence: [], remediation: "", references: [],
  ...(cause ? { cause } : {}),
});

describe("the run's assessment", () => {
  it("is complete only when no finding is an error", () => {
    assert.deepEqual(assessmentOf([f("domain:a", "pass"), f("domain:a", "fail")]), { complete: true, couldNotAssess: 0, causes: [] });
    assert.equal(assessmentOf([f("domain:a", "pass"), f("domain:a", "error", "DNS_TIMEOUT")]).complete, false);
  });

  it("groups unknowns by cause, then subject, the commonest first, with the catalogue's meaning and remedy", () => {
    const a = assessmentOf([
      f("domain:a", "error", "DNS_TIMEOUT", "the domain's role is unknown: the MX lookup failed (DNS_TIMEOUT)"),
      f("domain:a", "error", "DNS_TIMEOUT", "domain.mx could not be assessed: DNS_TIMEOUT: no answer over UDP from 127.0.0.1:53 within 100 ms"),
      f("domain:b", "error", "DNS_TIMEOUT"),
      f("mx:mx.c", "error", "SMTP_TIMEOUT"),
      f("domain:a", "fail"),
    ]);
    assert.equal(a.couldNotAssess, 4);
    assert.deepEqual(a.causes.map((c) => [c.code, c.checks]), [["DNS_TIMEOUT", 3], ["SMTP_TIMEOUT", 1]]);
    assert.deepEqual(a.causes[0]!.subjects.map((s) => [s.subject, s.checks]), [["domain:a", 2], ["domain:b", 1]]);
    assert.match(a.causes[0]!.subjects[0]!.detail, /DNS_TIMEOUT: no answer over UDP/, "the message quoting the evidence error is the detail");
    assert.match(a.causes[0]!.remedy, /--dns-timeout/);
  });

  it("finds the catalogue code a message names, or calls the rule undecided", () => {
    assert.equal(errorCodeIn("mx.example could not be reached at 192.0.2.1: SMTP_TIMEOUT, so"), "SMTP_TIMEOUT");
    assert.equal(errorCodeIn("tag NOT_A_CODE then DNS_BOGUS"), "DNS_BOGUS");
    assert.equal(errorCodeIn("publishes 2 SPF records"), "RULE_UNDECIDED");
  });
});

describe("the causes the pack's rules give", () => {
  const pack = loadPack(defaultRulesDir);
  const results = pack.rules.flatMap((r) => runExamples(pack, r));

  it("gives every error a catalogue code", () => {
    const errors = results.filter((r) => r.actual === "error");
    assert.ok(errors.length > 20);
    for (const r of errors) assert.ok(r.cause && isErrorCode(r.cause), `${r.ruleId} "${r.name}": ${r.message}`);
  });

  it("says DNS_NOT_VALIDATING where the resolver does not validate DNSSEC", () => {
    const notValidating = results.filter((r) => r.actual === "error" && /does not validate DNSSEC/.test(r.message));
    assert.ok(notValidating.length >= 3, "the pack has examples of it");
    for (const r of notValidating) assert.equal(r.cause, "DNS_NOT_VALIDATING", `${r.ruleId} "${r.name}"`);
  });
});

describe("--fail-on", () => {
  it("trips on a failure or an unknown at that severity or above, and on any unknown with error", () => {
    const high = parseFailOn("high");
    assert.equal(reachesFailOn([f("domain:a", "error", "DNS_TIMEOUT", "m", "high")], high), true, "an unknown is never a pass");
    assert.equal(reachesFailOn([f("domain:a", "error", "DNS_TIMEOUT", "m", "low")], high), false);
    assert.equal(reachesFailOn([f("domain:a", "fail", undefined, "m", "medium")], parseFailOn("medium")), true);
    assert.equal(reachesFailOn([f("domain:a", "warn", undefined, "m", "high")], high), false);
    assert.equal(reachesFailOn([f("domain:a", "error", "DNS_TIMEOUT", "m", "low")], parseFailOn("error")), true);
  });
});
