// The rule engine's promises: broken packs fail at load with file and line; missing or failed
// evidence is `error`, never pass; overrides and waivers behave as documented.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Evidence } from "../../src/evidence/evidence.js";
import { defaultRulesDir } from "../../src/paths.js";
import { evaluate, loadConfig, LoadError, loadPack } from "../../src/rules/index.js";
import { subjectsFor } from "../../src/rules/subjects.js";
import { tempDir } from "../helpers/tmp.js";

const packYaml = readFileSync(join(defaultRulesDir, "pack.yaml"), "utf8");
const rule = readFileSync(join(defaultRulesDir, "spf.present.yaml"), "utf8");

function loadError(files: Record<string, string>): LoadError {
  const dir = tempDir({ "pack.yaml": packYaml, ...files });
  try {
    loadPack(dir);
  } catch (err) {
    assert.ok(err instanceof LoadError, `expected LoadError, got ${String(err)}`);
    return err;
  }
  assert.fail("the pack loaded");
}

describe("loading a pack", () => {
  const cases: { name: string; files: Record<string, string>; line: number | null; reason: RegExp }[] = [
    { name: "YAML that does not parse", files: { "spf.present.yaml": "id: spf.present\ntitle: [unclosed\n" }, line: 3, reason: /./ },
    { name: "an unknown key", files: { "spf.present.yaml": rule.replace("severity: high", "severity: high\nseverty: low") }, line: null, reason: /severty/ },
    { name: "a bad severity", files: { "spf.present.yaml": rule.replace("severity: high", "severity: urgent") }, line: 3, reason: /severity/ },
    { name: "CEL that does not parse", files: { "spf.present.yaml": rule.replace("if: size(domain.spf.records) == 0", "if: size(domain.spf.records) == ") }, line: 15, reason: /CEL does not parse/ },
    { name: "an input the scope cannot see", files: { "spf.present.yaml": rule.replace("inputs: [domain.spf]", "inputs: [mx.smtp]") }, line: 12, reason: /domain rule sees/ },
    { name: "a file named unlike its id", files: { "spf.other.yaml": rule }, line: 1, reason: /must be named spf.present.yaml/ },
    { name: "a cause on an outcome that is not an error", files: { "spf.present.yaml": rule.replace("if: size(domain.spf.records) == 0", "cause: DNS_TIMEOUT\n    if: size(domain.spf.records) == 0") }, line: null, reason: /only an error outcome has a cause/ },
    { name: "a cause the catalogue does not hold", files: { "spf.present.yaml": rule.replace("if: size(domain.spf.records) == 0", "cause: DNS_SLOW\n    if: size(domain.spf.records) == 0") }, line: null, reason: /cause/ },
    { name: "a rule with one example", files: { "spf.present.yaml": rule.replace(/examples:[\s\S]*/, "examples:\n  - name: x\n    expect: pass\n    given: {}\n") }, line: null, reason: /examples/ },
  ];
  for (const c of cases) {
    it(`names file and line for ${c.name}`, () => {
      const err = loadError(c.files);
      assert.match(err.file, /\.yaml$/);
      if (c.line !== null) assert.equal(err.line, c.line, err.message);
      else assert.ok(err.line === null || err.line > 0);
      assert.match(err.reason, c.reason);
    });
  }
  it("refuses a pack without pack.yaml", () => {
    assert.throws(() => loadPack(tempDir({ "spf.present.yaml": rule })), /needs a pack.yaml/);
  });
});

function evidenceWith(domains: Record<string, unknown>): Evidence {
  return {
    format: "exo-posture-evidence/1",
    tool: { name: "exo-posture", version: "test" },
    collectedAt: "2026-11-22T00:00:00.000Z",
    resolver: { spec: "x", kind: "udp", server: "127.0.0.1:53", validatesDnssec: true, validationDetail: "" },
    tenant: null,
    domains: domains as Evidence["domains"],
    mxHosts: {},
    stats: { durationMs: 0, dnsQueries: 0, dnsSent: 0, dnsCacheHits: 0, dnsInflightJoins: 0 },
  };
}

const noSpf = { name: "a.example", input: "a.example", source: "cli", role: { value: "sending", reason: "MX" }, spf: { error: null, lookup: null, records: [], strings: [] } };

describe("evaluating", () => {
  const pack = loadPack(defaultRulesDir);
  const find = (e: Evidence, id: string, config = undefined as never, now = new Date("2026-11-22T12:00:00Z")) =>
    evaluate(pack, e, config, now).findings.find((f) => f.ruleId === id)!;

  it("gives error, not pass, when a section the rule reads is missing from the evidence", () => {
    const f = find(evidenceWith({ "a.example": { ...noSpf, spf: undefined } }), "spf.present");
    assert.equal(f.status, "error");
    assert.match(f.message, /no domain.spf/);
  });

  it("gives error when a field the condition reads is missing", () => {
    const f = find(evidenceWith({ "a.example": { ...noSpf, spf: { error: null } } }), "spf.present");
    assert.equal(f.status, "error");
  });

  it("points each finding at its evidence", () => {
    const f = find(evidenceWith({ "a.example": noSpf }), "spf.present");
    assert.deepEqual(f.evidence, ["/domains/a.example/spf"]);
    assert.equal(f.subject, "domain:a.example");
    assert.match(f.remediation, /a\.example\. TXT "v=spf1/);
  });

  const configFile = (text: string) => join(tempDir({ "c.yaml": text }), "c.yaml");

  it("applies a severity override and a waiver, and keeps the waived finding visible", () => {
    const config = loadConfig(configFile(`severity:\n  spf.present: low\nwaivers:\n  - rule: spf.present\n    subject: domain:a.example\n    reason: moving to a new provider\n    approver: CISO\n    expires: 2026-12-31\n`), pack);
    const f = find(evidenceWith({ "a.example": noSpf }), "spf.present", config as never);
    assert.equal(f.severity, "low");
    assert.equal(f.status, "waived");
    assert.equal(f.waiver?.originalStatus, "fail");
    assert.equal(f.waiver?.applied, true);
  });

  it("stops applying an expired waiver and says so", () => {
    const config = loadConfig(configFile(`waivers:\n  - rule: spf.present\n    subject: "*"\n    reason: r\n    approver: a\n    expires: 2026-11-21\n`), pack);
    const result = evaluate(pack, evidenceWith({ "a.example": noSpf }), config, new Date("2026-11-22T00:00:01Z"));
    const f = result.findings.find((x) => x.ruleId === "spf.present")!;
    assert.equal(f.status, "fail");
    assert.equal(f.waiver?.applied, false);
    assert.match(f.message, /waiver expired on 2026-11-21/);
    assert.ok(result.notes.some((n) => /expired/.test(n)));
  });

  it("never waives an error: an unknown stays visible", () => {
    const config = loadConfig(configFile(`waivers:\n  - rule: spf.present\n    subject: "*"\n    reason: r\n    approver: a\n    expires: 2099-01-01\n`), pack);
    const failed = { ...noSpf, spf: { error: { code: "DNS_TIMEOUT", message: "t" }, lookup: null, records: [], strings: [] } };
    assert.equal(find(evidenceWith({ "a.example": failed }), "spf.present", config as never).status, "error");
  });

  it("refuses a config naming an unknown rule or parameter, with the line", () => {
    assert.throws(() => loadConfig(configFile("severity:\n  spf.presnt: low\n"), pack), (e: unknown) => e instanceof LoadError && e.line === 2 && /unknown rule spf.presnt/.test(e.reason));
    assert.throws(() => loadConfig(configFile("parameters:\n  nope: 1\n"), pack), (e: unknown) => e instanceof LoadError && /unknown parameter nope/.test(e.reason));
    assert.throws(() => loadConfig(configFile("waivers:\n  - rule: spf.present\n    subject: x\n    reason: r\n    approver: a\n    expires: soon\n"), pack), /expires must be a date/);
  });

  it("never passes on a list the tenant reported as possibly truncated, and notes it on a failure", () => {
    const rulesDir = tempDir({ "pack.yaml": packYaml, "spf.present.yaml": rule });
    const p = loadPack(rulesDir);
    const passing = { ...noSpf, spf: { error: null, lookup: null, records: ["v=spf1 -all"], strings: [["v=spf1 -all"]], possiblyTruncated: true } };
    const f = evaluate(p, evidenceWith({ "a.example": passing })).findings[0]!;
    assert.equal(f.status, "error");
    assert.match(f.message, /domain\.spf may be incomplete/);
    const failing = { ...noSpf, spf: { ...noSpf.spf, possiblyTruncated: true } };
    const g = evaluate(p, evidenceWith({ "a.example": failing })).findings[0]!;
    assert.equal(g.status, "fail");
    assert.match(g.message, /may be incomplete/);
  });

  it("uses a parameter override in messages", () => {
    const config = loadConfig(configFile('parameters:\n  dmarcReportingAddress: "mailto:reports@example.net"\n'), pack);
    const e = evidenceWith({ "a.example": { ...noSpf, dmarc: { error: null, lookup: null, records: [], record: null, source: "none", organizationalDomain: "a.example", appliedPolicy: null } } });
    assert.match(find(e, "dmarc.present", config as never).remediation, /mailto:reports@example\.net/);
  });
});

describe("subjects", () => {
  it("names a connector connector:<name>, adding the direction only when two share a name", () => {
    const e = evidenceWith({});
    (e as { tenant: unknown }).tenant = {
      connectors: [
        { name: "Mimecast", direction: "inbound" },
        { name: "Mimecast", direction: "outbound" },
        { name: "Partner relay", direction: "outbound" },
      ],
    };
    assert.deepEqual(subjectsFor("connector", e, {}).map((s) => s.id), ["connector:Mimecast (inbound)", "connector:Mimecast (outbound)", "connector:Partner relay"]);
  });
});
