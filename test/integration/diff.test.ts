// diff between two runs of the sample world that differ in one setting: Enhanced Filtering turned
// on (skip last IP) on Contoso's Mimecast connector. The diff names exactly that change.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import type { SampleWorldOptions } from "../../src/sandbox/demo.js";
import { runCli } from "../helpers/cli.js";
import { demoRun } from "../helpers/demo-run.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

const enhancedFilteringOn: SampleWorldOptions = {
  tenant: (s) => {
    const connectors = s.exchange.cmdlets["Get-InboundConnector"].map((c) => (c.Name === "Mimecast inbound" ? { ...c, EFSkipLastIP: true } : c));
    return { ...s, exchange: { ...s.exchange, cmdlets: { ...s.exchange.cmdlets, "Get-InboundConnector": connectors } } };
  },
};

// Issue 28: with DMARC honoured too, the policy's inbound-DMARC requirement moves.
const dmarcEnforcedToo: SampleWorldOptions = {
  tenant: (s) => {
    const t = enhancedFilteringOn.tenant!(s);
    const policies = t.exchange.cmdlets["Get-AntiPhishPolicy"].map((p) => ({ ...p, HonorDmarcPolicy: true }));
    return { ...t, exchange: { ...t.exchange, cmdlets: { ...t.exchange.cmdlets, "Get-AntiPhishPolicy": policies } } };
  },
};

let dir: string;
before(async () => {
  dir = tempDir();
  await demoRun(join(dir, "before"));
  await demoRun(join(dir, "after"), enhancedFilteringOn);
  await demoRun(join(dir, "enforced"), dmarcEnforcedToo);
});

describe("diff of two runs", () => {
  it("says which policy requirements moved, and none when none did", async () => {
    const none = JSON.parse((await runCli(["diff", join(dir, "before/findings.json"), join(dir, "after/findings.json"), "--json"])).stdout);
    assert.deepEqual(none.requirements, []);
    const r = await runCli(["diff", join(dir, "before/findings.json"), join(dir, "enforced/findings.json")]);
    assert.equal(r.code, 0, r.stderr);
    // Both of its failures are fixed; the bogus-dane.example domain still cannot be assessed, so not "met".
    assert.match(r.stdout, /Policy requirements whose verdict moved \(1\):\n {2}Enforce DMARC on inbound email\. not met → could not assess/);
  });
  it("names exactly the one change between them", async () => {
    const r = await runCli(["diff", join(dir, "before/findings.json"), join(dir, "after/findings.json"), "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const d = JSON.parse(r.stdout);
    assert.deepEqual(d.fixed.map((c: { ruleId: string; subject: string }) => `${c.ruleId} ${c.subject}`), ["gateway.enhanced-filtering domain:contoso-county.example"]);
    assert.deepEqual([d.new, d.changed, d.noLongerAssessed, d.ruleRemoved], [[], [], [], []], JSON.stringify(d.changed));
    assert.equal(d.fixed[0].before.status, "fail");
    assert.equal(d.fixed[0].after.status, "pass");
    const total = readFindings(join(dir, "after/findings.json")).findings.length;
    assert.equal(d.unchanged, total - 1);
  });

  it("prints it for people, and --fail-on trips only on what is new", async () => {
    const forward = await runCli(["diff", join(dir, "before/findings.json"), join(dir, "after/findings.json"), "--fail-on", "high"]);
    assert.equal(forward.code, 0, "a fix is nothing new");
    assert.match(forward.stdout, /0 new, 1 fixed, 0 changed, \d+ unchanged/);
    assert.match(forward.stdout, /^Fixed \(1\):\n {2}fail \(high\) → pass +gateway\.enhanced-filtering +domain:contoso-county\.example$/m);
    // Backwards, the fix is a new high failure.
    const back = await runCli(["diff", join(dir, "after/findings.json"), join(dir, "before/findings.json"), "--fail-on", "high"]);
    assert.equal(back.code, 1, back.stdout);
    assert.match(back.stdout, /^New \(1\):\n {2}pass \(high\) → FAIL high +gateway\.enhanced-filtering +domain:contoso-county\.example — Enhanced Filtering is off/m);
  });

  it("reports a domain no longer assessed and a rule no longer in the pack as such, never as fixed", async () => {
    const after = readFindings(join(dir, "before/findings.json"));
    after.findings = after.findings.filter((f: { subject: string; ruleId: string }) => f.subject !== "domain:parked-borough.example" && f.ruleId !== "spf.size");
    const file = join(dir, "trimmed.json");
    writeFileSync(file, JSON.stringify(after));
    const d = JSON.parse((await runCli(["diff", join(dir, "before/findings.json"), file, "--json"])).stdout);
    assert.deepEqual(d.fixed, []);
    assert.ok(d.noLongerAssessed.length > 10 && d.noLongerAssessed.every((c: { subject: string }) => c.subject === "domain:parked-borough.example"));
    assert.ok(d.ruleRemoved.length > 10 && d.ruleRemoved.every((c: { ruleId: string }) => c.ruleId === "spf.size"));
  });

  it("puts the changes since a baseline in the summary, at the top of the checklist and on the workbook's Changes sheet", async () => {
    const out = tempDir();
    const r = await runCli(["evaluate", "--evidence", join(dir, "after/evidence.json"), "--baseline", join(dir, "before/findings.json"), "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Since the run of \S+: 0 new, 1 fixed, 0 changed, \d+ unchanged$/m);
    const checklist = readFileSync(join(out, "checklist.md"), "utf8");
    const at = checklist.indexOf("## Changes since ");
    assert.ok(at > 0 && at < checklist.indexOf("## To fix"), "near the top, before the fixes");
    assert.match(checklist, /### Fixed \(1\)\n\n- \*\*gateway\.enhanced-filtering\*\* on contoso-county\.example: fail \(high\) → pass\n/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "report.xlsx"));
    const sheet = wb.getWorksheet("Changes")!;
    assert.equal(wb.worksheets[1]!.name, "Changes");
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 6), ["fixed", "gateway.enhanced-filtering", "domain:contoso-county.example", "FAIL", "pass"]);
    assert.equal(String(sheet.getRow(3).getCell(1).value ?? ""), "", "one change, one row");
  });

  it("refuses a --baseline that does not read before any network step", async () => {
    const r = await runCli(["assess", "-d", "a.example", "--resolver", "127.0.0.1:9", "--baseline", join(dir, "nope.json"), "--out", tempDir()]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--baseline/);
    assert.doesNotMatch(r.stderr, /resolver/);
  });

  it("refuses a file that is not a findings file with one line, exit 2", async () => {
    const bad = join(tempDir({ "x.json": '{"findings": [{"ruleId": 1}]}' }), "x.json");
    const r = await runCli(["diff", bad, join(dir, "after/findings.json")]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /old findings file .*x\.json/);
  });
});
