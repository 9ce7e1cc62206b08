// A run in flat memory (src/run/spooled.ts) judges each domain as its evidence completes and keeps
// it on disk. What it concludes must be what judging the whole evidence file concludes: the demo's
// world, assessed, then its evidence.json judged again offline, gives the same findings.json.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { assess, evaluateFile, type AssessResult } from "../../src/index.js";
import { defaultRulesDir } from "../../src/paths.js";
import { startSampleWorld, type RunningWorld } from "../../src/sandbox/demo.js";
import { tempDir } from "../helpers/tmp.js";

let world: RunningWorld;
let result: AssessResult;
let out: string;
const NOW = new Date("2026-12-06T12:00:00Z");

before(async () => {
  world = await startSampleWorld();
  out = tempDir();
  result = await assess({
    domains: world.domains, resolver: world.resolver, dnsTimeoutMs: 2000, rulesDir: defaultRulesDir, outDir: out, formats: ["json", "md", "csv", "html"],
    tenantCollect: world.tenant, messageFiles: world.messages, allowPrivate: true, now: () => NOW,
    context: { ...world.context, ca: world.ca, timeoutMs: 1500 },
  });
});
after(async () => {
  await world.close();
});

const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

describe("a spooled run", () => {
  it("writes the findings that judging its evidence file again writes, byte for byte but the time of judging", async () => {
    const again = join(out, "again");
    await evaluateFile({ evidenceFile: join(out, "evidence.json"), outDir: again, formats: ["json", "md", "csv"], rulesDir: defaultRulesDir, now: NOW });
    assert.equal(readFileSync(join(again, "findings.json"), "utf8"), readFileSync(join(out, "findings.json"), "utf8"));
    assert.equal(readFileSync(join(again, "findings.csv"), "utf8"), readFileSync(join(out, "findings.csv"), "utf8"));
    assert.equal(readFileSync(join(again, "checklist.md"), "utf8"), readFileSync(join(out, "checklist.md"), "utf8"));
  });

  it("with a second thread (judging, half the reports), writes the same files as with one", async () => {
    const threaded = join(out, "threaded");
    const r = await assess({
      domains: world.domains, resolver: world.resolver, dnsTimeoutMs: 2000, rulesDir: defaultRulesDir, outDir: threaded, formats: ["json", "md", "csv", "html"],
      tenantCollect: world.tenant, messageFiles: world.messages, allowPrivate: true, now: () => NOW,
      context: { ...world.context, ca: world.ca, timeoutMs: 1500 }, threads: true,
    });
    r.dispose();
    // The sample world issues a certificate per connection: its validity times differ between the two runs, and only they.
    const text = (file: string) => readFileSync(file, "utf8").replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<time>");
    for (const file of ["findings.json", "findings.csv", "checklist.md", "report.html"]) assert.equal(text(join(threaded, file)), text(join(out, file)), file);
    // Listed in the same order (the checklist and the page were written by the other thread).
    assert.deepEqual(r.files.map((f) => basename(f)), result.files.map((f) => basename(f)));
    assert.ok(r.view.findings.summary.total > 1000);
  });

  it("gives the caller the evidence and findings whole, as the files hold them", () => {
    const f = json(join(out, "findings.json")) as { findings: { ruleId: string; subject: string; status: string }[] };
    assert.deepEqual(result.findings.findings.map((x) => `${x.ruleId} ${x.subject} ${x.status}`), f.findings.map((x) => `${x.ruleId} ${x.subject} ${x.status}`));
    assert.deepEqual(JSON.parse(JSON.stringify(result.evidence)), json(join(out, "evidence.json")));
    assert.equal(result.view.findings.summary.total, f.findings.length);
    // Findings come subject by subject in name order, each subject's in rule order.
    const subjects = f.findings.map((x) => x.subject);
    assert.deepEqual(subjects, [...subjects].sort());
  });

  it("keeps its files in a hidden folder of the output folder until it is disposed of", () => {
    assert.equal(readdirSync(out).filter((n) => n.startsWith(".exo-posture-spool-")).length, 1);
    result.dispose();
    assert.deepEqual(readdirSync(out).filter((n) => n.startsWith(".exo-posture-spool-")), []);
    // Read before dispose, so still there.
    assert.ok(result.findings.findings.length > 1000);
  });
});
