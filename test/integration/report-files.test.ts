// The output folder is not a way in (issue 27, case 8): a symlink planted there is never written
// through, reports holding tenant data are readable by their owner only, and a run's folder holds
// that run's reports, not an earlier run's beside them.
import assert from "node:assert/strict";
import { lstatSync, readFileSync, statSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { demoRun } from "../helpers/demo-run.js";
import { tempDir } from "../helpers/tmp.js";

const out = tempDir();
const victims = tempDir();
const victim = (name: string) => join(victims, name);

before(async () => {
  writeFileSync(victim("a"), "keep me\n");
  writeFileSync(victim("b"), "keep me too\n");
  // Links where a report will be written, and where its temporary file will be.
  symlinkSync(victim("a"), join(out, "findings.json"));
  symlinkSync(victim("b"), join(out, "evidence.json.partial"));
  // An earlier run's reports in formats not asked for this time, and a file of the user's.
  for (const stale of ["report.html", "report.xlsx", "checklist.md", "findings.csv"]) writeFileSync(join(out, stale), "from an earlier run\n");
  writeFileSync(join(out, "my-notes.txt"), "mine\n");
  await demoRun(out, {}, ["good-council.example"]);
});

describe("the output folder", () => {
  it("never writes through a symlink: the link is replaced, its target untouched", () => {
    assert.equal(readFileSync(victim("a"), "utf8"), "keep me\n");
    assert.equal(readFileSync(victim("b"), "utf8"), "keep me too\n");
    for (const name of ["findings.json", "evidence.json"]) {
      assert.ok(lstatSync(join(out, name)).isFile(), `${name} is a file of its own`);
      assert.ok(JSON.parse(readFileSync(join(out, name), "utf8")).format, name);
    }
    assert.equal(existsSync(join(out, "evidence.json.partial")), false);
  });
  it("writes reports with tenant data readable by their owner only (0600)", () => {
    for (const name of ["findings.json", "evidence.json"]) assert.equal(statSync(join(out, name)).mode & 0o777, 0o600, name);
  });
  it("holds this run's reports only, and leaves the user's own files alone", () => {
    for (const stale of ["report.html", "report.xlsx", "checklist.md", "findings.csv"]) assert.equal(existsSync(join(out, stale)), false, stale);
    assert.equal(readFileSync(join(out, "my-notes.txt"), "utf8"), "mine\n");
  });
});
