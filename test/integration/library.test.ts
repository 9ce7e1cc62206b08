// exo-posture as a library, imported by its own package name the way a user's program imports it
// (package.json "exports"), and from a project that installed the package from its folder. The
// demo's run is made through that API and re-evaluated offline with it: one pipeline, two doors.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import * as api from "exo-posture";
import { startSampleWorld, type RunningWorld } from "exo-posture/sandbox";
import { packageRoot } from "../../src/paths.js";
import { tempDir } from "../helpers/tmp.js";

let world: RunningWorld;
let run: api.AssessResult;
let out: string;
before(async () => {
  world = await startSampleWorld();
  out = tempDir();
  run = await api.assess({
    domains: world.domains,
    resolver: world.resolver,
    dnsTimeoutMs: 2000,
    outDir: out,
    tenantCollect: world.tenant,
    context: { ...world.context, ca: world.ca, timeoutMs: 1500 },
  });
});
after(() => world.close());

/** A finding without its clock: generatedAt aside, two evaluations of one evidence file agree. */
const timeless = (f: api.Findings) => ({ ...f, generatedAt: "" });

describe("the library", () => {
  it("exports the public API by the package's own name", () => {
    for (const name of ["assess", "evaluateFile", "loadRules", "probeDomain", "probeDomains", "loadPack", "readEvidence", "writeReports", "renderChecklist", "renderCsv", "renderSummary", "checkHost"]) {
      assert.equal(typeof (api as Record<string, unknown>)[name], "function", name);
    }
    assert.equal(api.evidenceSchema.safeParse(run.evidence).success, true);
    assert.equal(api.findingsSchema.safeParse(run.findings).success, true);
  });

  it("assesses the demo world and writes its reports", () => {
    assert.deepEqual(run.files.map((f) => f.slice(out.length + 1)), api.REPORT_FORMATS.flatMap((f) => f.files));
    assert.ok(run.files.some((f) => f.endsWith("report.html")) && run.files.some((f) => f.endsWith("report.xlsx")));
    assert.ok(Object.keys(run.evidence.domains).length >= 30, "the sample world's domains and the tenant's");
    assert.ok(run.findings.summary.byStatus.fail > 0, "the sample world has failures to find");
  });

  it("evaluates the demo evidence file offline to the same findings", async () => {
    const again = await api.evaluateFile({ evidenceFile: join(out, "evidence.json"), outDir: join(out, "again"), formats: ["json"] });
    assert.deepEqual(timeless(again.findings), timeless(run.findings));
    assert.deepEqual(again.files.map((f) => f.slice(out.length + 1)), ["again/evidence.json", "again/findings.json"]);
  });

  it("judges evidence in memory with rules loaded once", async () => {
    const rules = api.loadRules();
    const evidence = await api.readEvidence(join(out, "evidence.json"));
    assert.deepEqual(timeless(rules.evaluate(evidence)), timeless(run.findings));
  });

  it("refuses bad input with its own error types", async () => {
    await assert.rejects(api.evaluateFile({ evidenceFile: join(out, "nope.json") }), (e: unknown) => e instanceof api.InputError && /cannot read evidence file .*nope\.json: no such file \(ENOENT\)/.test((e as Error).message));
    await assert.rejects(api.assess({ domains: ["not a domain"] }), api.InputError);
    await assert.rejects(api.assess({}), /no domains to assess/);
    assert.throws(() => api.loadRules({ rulesDir: join(out, "missing-pack") }), api.LoadError);
  });

  it("imports from a project that installed the package from its folder", () => {
    // `npm install <folder>` links the folder into node_modules; the same link, made here without npm.
    const project = tempDir();
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", type: "module", private: true }));
    mkdirSync(join(project, "node_modules"));
    symlinkSync(packageRoot, join(project, "node_modules", "exo-posture"), "dir");
    const script = 'const m = await import("exo-posture"); const s = await import("exo-posture/sandbox"); console.log(typeof m.assess, typeof m.evaluateFile, typeof s.startSampleWorld, m.TOOL.name);';
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" });
    assert.equal(printed.trim(), "function function function exo-posture");
  });
});
