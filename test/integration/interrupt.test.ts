// Ctrl-C during a run (issue 30): the first SIGINT stops new work, cuts off what is in flight,
// writes the reports with what the run has and every domain it did not reach as `error` with
// RUN_INTERRUPTED (never missing), and exits 130; a second SIGINT quits at once. Either way the
// run's hidden spool folder is gone. The world answers every DNS question after 150 ms, so a run of
// 60 domains two at a time is still going when the signal comes.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Finding } from "../../src/evidence/findings.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { CLI } from "../helpers/cli.js";
import { readFindings } from "../helpers/findings.js";
import { tempDir } from "../helpers/tmp.js";

const DOMAINS = Array.from({ length: 60 }, (_, i) => `d${String(i).padStart(2, "0")}.slow.example`);
let dns: RunningDnsServer;

before(async () => {
  dns = await startDnsServer({
    zones: [zone("slow.example", "insecure", DOMAINS.flatMap((d) => [`${d}. MX 0 .`, `${d}. TXT "v=spf1 -all"`, `_dmarc.${d}. TXT "v=DMARC1; p=reject"`]))],
    delayMs: 150,
  });
});
after(async () => {
  await dns.close();
});

interface Interrupted { code: number | null; stderr: string; out: string; ms: number }

/** Runs assess, sends SIGINT once some domains are done (--verbose says so), and with `twice` again once the first is taken. */
function interruptedRun(twice: boolean): Promise<Interrupted> {
  const out = tempDir({ "domains.txt": `${DOMAINS.join("\n")}\n` });
  const args = [CLI, "assess", "--domains-file", join(out, "domains.txt"), "--resolver", dns.spec, "--concurrency", "2", "--out", out, "--format", "json,csv", "--verbose", "--allow-private"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let sentAt = 0;
    let sent = 0;
    child.stdout.resume();
    child.stderr.on("data", (d) => {
      stderr += d;
      if (sentAt === 0 && (stderr.match(/: done \(/g) ?? []).length >= 3) {
        sentAt = Date.now();
        sent++;
        child.kill("SIGINT");
      } else if (twice && sent === 1 && /interrupted \(Ctrl-C\)/.test(stderr)) {
        sent++;
        // Signals are not queued: the second is sent once the first has been taken.
        child.kill("SIGINT");
      }
    });
    child.on("close", (code) => resolve({ code, stderr, out, ms: Date.now() - sentAt }));
  });
}

describe("Ctrl-C during a run", () => {
  let run: Interrupted;
  before(async () => {
    run = await interruptedRun(false);
  });

  it("exits 130 within seconds of the signal, saying what it does", () => {
    assert.equal(run.code, 130, run.stderr);
    assert.ok(run.ms < 10_000, `${run.ms} ms after SIGINT`);
    assert.match(run.stderr, /^exo-posture: interrupted \(Ctrl-C\): no new work is started .*\(RUN_INTERRUPTED\)/m);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });

  it("writes the evidence and findings of every domain: those done as usual, the rest as error with RUN_INTERRUPTED", () => {
    const findings = readFindings(join(run.out, "findings.json"));
    const evidence = JSON.parse(readFileSync(join(run.out, "evidence.json"), "utf8")) as { domains: Record<string, unknown> };
    assert.deepEqual(Object.keys(evidence.domains).sort(), DOMAINS, "no domain missing from the evidence");
    const bySubject = new Map<string, Finding[]>();
    for (const f of findings.findings) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
    const cut = DOMAINS.filter((d) => bySubject.get(`domain:${d}`)!.some((f) => f.cause === "RUN_INTERRUPTED"));
    const done = DOMAINS.filter((d) => !cut.includes(d));
    assert.ok(done.length >= 3, `${done.length} domains done before the signal`);
    assert.ok(cut.length >= DOMAINS.length / 2, `${cut.length} domains cut off`);
    for (const d of DOMAINS) assert.ok((bySubject.get(`domain:${d}`) ?? []).length > 0, `${d} has findings`);
    // A domain never reached has no pass: what it could not look at is unknown.
    const last = bySubject.get(`domain:${DOMAINS.at(-1)}`)!;
    assert.ok(last.some((f) => f.status === "error" && f.cause === "RUN_INTERRUPTED"));
    assert.equal(last.filter((f) => f.status === "pass").length, 0, last.filter((f) => f.status === "pass").map((f) => f.ruleId).join());
    assert.equal(findings.assessment.complete, false);
    assert.ok(findings.notes.some((n) => /^This run was interrupted at .*: its evidence and findings are partial/.test(n)), findings.notes.join("\n"));
    assert.ok(findings.assessment.causes.some((c) => c.code === "RUN_INTERRUPTED" && /interrupted/.test(c.meaning)));
    const csv = readFileSync(join(run.out, "findings.csv"), "utf8");
    assert.match(csv, /RUN_INTERRUPTED/);
  });

  it("leaves no spool folder behind", () => {
    assert.deepEqual(readdirSync(run.out).filter((n) => n.startsWith(".exo-posture-spool-")), []);
  });
});

describe("Ctrl-C twice", () => {
  it("quits at once with 130, without reports, and removes the spool folder", async () => {
    const run = await interruptedRun(true);
    assert.equal(run.code, 130, run.stderr);
    assert.ok(run.ms < 5_000, `${run.ms} ms`);
    assert.match(run.stderr, /SIGINT again: quitting at once/);
    assert.deepEqual(readdirSync(run.out).filter((n) => n.startsWith(".exo-posture-spool-") || n === "findings.json"), []);
  });
});
