// Evidence past the longest string V8 can hold (issue 23, case 9): 25,000 domains made
// `assess` die with "Invalid string length" after probing, and `evaluate` could not read a
// 17,578-domain file. Here a 560 MB evidence file (a parked domain of the sample world and 265
// copies of it, each carrying 2 MB in an Extended DNS Error text, which no rule reads) is
// evaluated: it reads, every finding is what it is for the same domains without the padding, and
// evidence.json is written back whole.
import assert from "node:assert/strict";
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { assess } from "../../src/assess.js";
import { loadRules } from "../../src/evaluate.js";
import { readEvidence } from "../../src/input/evidence-file.js";
import type { DomainEvidence } from "../../src/evidence/domain.js";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Findings } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import { jsonFile } from "../../src/report/json-chunks.js";
import { startSampleWorld } from "../../src/sandbox/demo.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

const MODEL = "parked-borough.example";
const COPIES = 265;
const PADDING = 2 * 1024 * 1024;
/** V8's longest string (2^29 - 24 characters on 64-bit). */
const LONGEST_STRING = 2 ** 29 - 24;
let dir: string;
let probed: Evidence;

/** The probed evidence with COPIES more domains like it; `pad` puts PADDING characters in each. */
function withCopies(pad: boolean): Evidence {
  const model = probed.domains[MODEL]!;
  const filler = pad ? "x".repeat(PADDING) : "";
  const domains: Record<string, DomainEvidence> = { ...probed.domains };
  for (let i = 0; i < COPIES; i++) {
    const name = `copy-${String(i).padStart(4, "0")}.example`;
    const mx = { ...model.mx, lookup: { ...model.mx.lookup!, name, ede: pad ? [{ code: 0, text: filler }] : [] } };
    domains[name] = { ...model, name, input: name, mx };
  }
  return { ...probed, domains };
}

/** Written piece by piece: the test cannot hold the file as one string either. */
function writeJson(path: string, value: unknown): void {
  const fd = openSync(path, "w");
  try {
    for (const piece of jsonFile(value)) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

before(async () => {
  dir = tempDir();
  const world = await startSampleWorld();
  try {
    probed = (await assess({ domains: [MODEL], resolver: world.resolver, dnsTimeoutMs: 2000, rulesDir: defaultRulesDir, context: { ...world.context, ca: world.ca, timeoutMs: 1500 } })).evidence;
  } finally {
    await world.close();
  }
  writeJson(join(dir, "large.json"), withCopies(true));
  writeJson(join(dir, "small.json"), withCopies(false));
});

describe("an evidence file larger than a string can be", () => {
  it("is evaluated, with the findings of the same evidence without the padding, and written back whole", async () => {
    const size = statSync(join(dir, "large.json")).size;
    assert.ok(size > LONGEST_STRING, `the file is ${size} bytes`);
    const large = await runCli(["evaluate", "--evidence", join(dir, "large.json"), "--out", join(dir, "large"), "--format", "json", "-q"]);
    assert.equal(large.code, 0, large.stderr);
    const judged = (f: Findings) => f.findings.map((x) => `${x.ruleId} ${x.subject} ${x.status} ${x.message}`);
    const findings = judged(readFindings(join(dir, "large/findings.json")));
    assert.ok(findings.length > COPIES * 20, `${findings.length} findings`);
    assert.deepEqual(findings, judged(loadRules().evaluate(await readEvidence(join(dir, "small.json")))));
    // The evidence written back is the evidence read: the same bytes, though the schema may order a
    // section's fields differently from the probes that wrote it.
    assert.equal(statSync(join(dir, "large/evidence.json")).size, size);
  });

  it("a report that cannot be written does not take the others with it", async () => {
    // A folder where report.xlsx should go (say, a sync client's conflict): that one file fails.
    const out = join(dir, "blocked");
    mkdirSync(join(out, "report.xlsx"), { recursive: true });
    writeFileSync(join(out, "report.xlsx", "keep"), "");
    const r = await runCli(["evaluate", "--evidence", join(dir, "small.json"), "--out", out, "-q"]);
    assert.equal(r.code, 3, r.stderr);
    // -q: the line on what could not be assessed, and one on the report that could not be written.
    assert.match(r.stderr, /^exo-posture: the xlsx report could not be written: .+$/m);
    assert.equal(r.stderr.trim().split("\n").filter((l) => /could not be written/.test(l)).length, 1, r.stderr);
    for (const f of ["evidence.json", "findings.json", "checklist.md", "findings.csv", "report.html"]) assert.ok(existsSync(join(out, f)), f);
  });
});
