// An evidence file edited by hand (issue 23, case 3): emptied mxHosts, a domain filed under another
// name. What the file cannot vouch for is `error` with EVIDENCE_INCONSISTENT; no finding vanishes,
// and every subject the edit did not touch is judged exactly as before.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Finding } from "../../src/evidence/findings.js";
import { evaluateFile } from "../../src/evaluate.js";
import { runCli } from "../helpers/cli.js";
import { demoRun } from "../helpers/demo-run.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

let dir: string;
let original: Evidence;
let originalFindings: Finding[];

before(async () => {
  dir = tempDir();
  await demoRun(join(dir, "run"), {}, ["good-council.example", "dane-good.example", "no-starttls.example", "parked-borough.example"]);
  original = JSON.parse(readFileSync(join(dir, "run/evidence.json"), "utf8"));
  originalFindings = (await evaluateFile({ evidenceFile: join(dir, "run/evidence.json"), outDir: join(dir, "again"), formats: ["json"] })).findings.findings;
});

async function evaluateEdited(name: string, edit: (e: Evidence) => Evidence): Promise<Finding[]> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(edit(structuredClone(original))));
  return (await evaluateFile({ evidenceFile: file, outDir: join(dir, name), formats: ["json"] })).findings.findings;
}

const key = (f: Finding) => `${f.ruleId} ${f.subject}`;
const judged = (f: Finding) => `${f.status} ${f.message}`;

describe("evidence that contradicts itself", () => {
  it("emptied mxHosts: every MX finding is still there, as error EVIDENCE_INCONSISTENT", async () => {
    const findings = await evaluateEdited("no-hosts", (e) => ({ ...e, mxHosts: {} }));
    const mxBefore = originalFindings.filter((f) => f.subject.startsWith("mx:"));
    const mxNow = findings.filter((f) => f.subject.startsWith("mx:"));
    assert.ok(mxBefore.length > 20, `the demo has MX findings (${mxBefore.length})`);
    assert.deepEqual(mxNow.map(key).sort(), mxBefore.map(key).sort(), "no MX finding vanishes");
    for (const f of mxNow) {
      assert.equal(f.status, "error", key(f));
      assert.equal(f.cause, "EVIDENCE_INCONSISTENT", key(f));
      assert.match(f.message, /names? .+ as MX, but the file holds no evidence for it/);
    }
    assert.equal(findings.some((f) => f.status === "pass" && /mx-certificates|mtasts-consistent/.test(f.ruleId) && f.message.includes("every")), false);
  });

  it("a domain filed under another name: its findings are error; other domains are judged as before", async () => {
    const [victim, donor] = ["contoso-libraries.example", "contoso-county.example"];
    assert.ok(original.domains[victim] && original.domains[donor]);
    // The donor's evidence is copied over the victim's key: without a check, the victim inherits the donor's passes.
    const findings = await evaluateEdited("renamed", (e) => ({ ...e, domains: { ...e.domains, [victim]: e.domains[donor]! } }));
    const mine = findings.filter((f) => f.subject === `domain:${victim}`);
    assert.ok(mine.length > 20);
    for (const f of mine) {
      assert.equal(f.status, "error", key(f));
      assert.equal(f.cause, "EVIDENCE_INCONSISTENT");
      assert.match(f.message, new RegExp(`filed under ${victim.replace(/\./g, "\\.")} but names ${donor.replace(/\./g, "\\.")}`));
    }
    const before = new Map(originalFindings.map((f) => [key(f), judged(f)]));
    const untouched = findings.filter((f) => f.subject.startsWith("domain:") && f.subject !== `domain:${victim}`);
    assert.ok(untouched.length > 100);
    for (const f of untouched) assert.equal(judged(f), before.get(key(f)), key(f));
  });

  it("a domain renamed key and name alike is caught by its own MX answer and its hosts' domain lists", async () => {
    const [from, to] = ["contoso-county.example", "renamed.example"];
    const findings = await evaluateEdited("renamed-fully", (e) => {
      const { [from]: d, ...rest } = e.domains;
      return { ...e, domains: { ...rest, [to]: { ...d!, name: to, input: to } } };
    });
    const mine = findings.filter((f) => f.subject === `domain:${to}`);
    assert.ok(mine.length > 20);
    for (const f of mine) assert.equal(f.status, "error", `${key(f)}: ${f.message}`);
    assert.match(mine[0]!.message, /its MX answer is for contoso-county\.example/);
  });

  it("the CLI says the run is incomplete, and the untouched evidence still evaluates clean of it", async () => {
    const r = await runCli(["evaluate", "--evidence", join(dir, "no-hosts.json"), "--out", join(dir, "cli"), "--format", "json", "-q"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /could not be assessed/);
    const findings = readFindings(join(dir, "cli/findings.json"));
    assert.ok(findings.assessment.causes.some((c: { code: string }) => c.code === "EVIDENCE_INCONSISTENT"));
    assert.equal(originalFindings.some((f) => f.cause === "EVIDENCE_INCONSISTENT"), false, "a file as assess wrote it is consistent");
  });
});
