// Reports as a user meets them: a run that could not look never reads as clean (a dead resolver
// stops it with exit 3; a domain whose lookups fail opens every report), --out is checked before
// any query, the format registry drives --format, and findings.csv reads back as findings.json.
import assert from "node:assert/strict";
import dgram from "node:dgram";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { type DefaultTreeAdapterMap, parse as parseHtml } from "parse5";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { REPORT_FORMATS } from "../../src/report/registry.js";
import type { Findings } from "../../src/evidence/findings.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// locked.example passes every high-severity check; broken.example's zone is bogus, so every
// lookup under it fails DNSSEC validation (SERVFAIL with EDE 6), as a broken DS at the parent does.
let dns: RunningDnsServer;
before(async () => {
  dns = await startDnsServer({
    zones: [
      zone("locked.example", "secure", ["@ MX 0 .", '@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=reject; sp=reject"', '*._domainkey TXT "v=DKIM1; p="']),
      zone("broken.example", "bogus", ["@ MX 0 .", '@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=reject"']),
      // Records a spreadsheet would evaluate, were they written as formulas.
      // Records written to run in a browser, were they pasted into a page unescaped.
      zone("script.example", "secure", [
        "@ MX 0 .",
        '@ TXT "v=spf1 include:<script>alert(1)</script> -all"',
        '_dmarc TXT "v=DMARC1; p=none; rua=javascript:alert(2),mailto:<img src=x onerror=alert(3)>@x.example"',
      ]),
      zone("formula.example", "secure", ["@ MX 0 .", '@ TXT "=HYPERLINK(\\"http://x\\",\\"y\\")"', '@ TXT "v=spf1 -all"', '_dmarc TXT "=1+1"']),
    ],
    // A name whose server never answers: nothing about it can be assessed, so nothing fails either.
    silent: ["gone.example"],
  });
});
after(() => dns.close());

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** A UDP "DNS server" that takes every query and never answers, counting what it was sent. */
async function silentServer(): Promise<{ spec: string; received: () => number; close: () => Promise<void> }> {
  const socket = dgram.createSocket("udp4");
  let received = 0;
  socket.on("message", () => received++);
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", () => resolve()));
  return { spec: `127.0.0.1:${socket.address().port}`, received: () => received, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

describe("a run that could not look", () => {
  it("stops with exit 3 and one line when the resolver never answers, before probing and writing", async () => {
    const server = await silentServer();
    try {
      const out = join(tempDir(), "reports");
      const r = await runCli(["assess", "-d", "example.gov.uk", "--resolver", server.spec, "--dns-timeout", "100", "--out", out, "--fail-on", "high"]);
      assert.equal(r.code, 3, r.stderr);
      assert.equal(r.stdout, "");
      const lines = r.stderr.trim().split("\n");
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0]!, new RegExp(`resolver ${server.spec.replace(/\./g, "\\.")} did not answer \\(DNS_TIMEOUT`));
      assert.match(lines[0]!, /nothing was probed/);
      // One question (. SOA) and its one retry: no domain was asked about.
      assert.equal(server.received(), 2);
    } finally {
      await server.close();
    }
  });

  it("opens the terminal, findings, checklist and CSV with what could not be assessed, and --fail-on high trips on it", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "-d", "locked.example", "-d", "broken.example", "--resolver", dns.spec, "--out", out, "--fail-on", "high"]);
    assert.equal(r.code, 1, `an unknown at high severity is never a pass\n${r.stderr}`);
    // The terminal: the verdict comes before the tenant, the matrix and the things to fix.
    const stdout = r.stdout.split("\n");
    const incomplete = stdout.findIndex((l) => l.startsWith("INCOMPLETE:"));
    assert.ok(incomplete >= 0 && incomplete <= 3, r.stdout);
    assert.match(stdout[incomplete + 1]!, /^ {2}DNS_BOGUS × \d+: broken\.example/);
    assert.ok(incomplete < stdout.findIndex((l) => l.startsWith("domain ")), "before the matrix");
    assert.doesNotMatch(r.stdout, /^tenant:/m, "no tenant line when no tenant was assessed");

    const findings = readJson<Findings>(join(out, "findings.json"));
    assert.equal(findings.assessment.complete, false);
    const [cause] = findings.assessment.causes;
    assert.equal(cause?.code, "DNS_BOGUS");
    assert.deepEqual(cause?.subjects.map((s) => s.subject), ["domain:broken.example"]);
    assert.equal(cause?.checks, findings.findings.filter((f) => f.status === "error").length);
    assert.match(cause!.remedy, /DS record/);

    const checklist = readFileSync(join(out, "checklist.md"), "utf8");
    const verdictAt = checklist.indexOf("## Verdict");
    assert.ok(verdictAt > 0 && verdictAt < checklist.indexOf("## To fix") || !checklist.includes("## To fix"));
    assert.match(checklist, /\*\*Incomplete: \d+ of \d+ checks could not be assessed/);
    assert.match(checklist, /- \*\*DNS_BOGUS\*\*, \d+ checks: .*\n {2}- domain broken\.example \(\d+ checks\): /);
    assert.ok(checklist.indexOf("DNS_BOGUS") < checklist.indexOf("## Posture by domain"));

    const rows = parse(readFileSync(join(out, "findings.csv")), { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(rows[0]!.Status, "error", "the CSV opens with the unknowns");
    assert.equal(rows[0]!["Could not assess because"], "DNS_BOGUS");

    // Quiet is not silent about it: silence would read as clean.
    const quietOut = tempDir();
    const quiet = await runCli(["assess", "-d", "gone.example", "--resolver", dns.spec, "--dns-timeout", "100", "--out", quietOut, "-q"]);
    assert.equal(quiet.code, 0);
    assert.equal(quiet.stdout, "");
    assert.match(quiet.stderr, /^exo-posture: incomplete: \d+ check\(s\) could not be assessed \(DNS_TIMEOUT\); see .*checklist\.md\n$/);
    // Nothing failed because nothing could be looked at: the checklist must not read as clean.
    const nothingFailed = readFileSync(join(quietOut, "checklist.md"), "utf8");
    assert.doesNotMatch(nothingFailed, /Nothing to fix/);
    assert.match(nothingFailed, /No check that could be assessed failed or warned, but \d+ checks could not be assessed: this is not a clean result\./);
  });

  it("reads as complete when every check could be assessed", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "-d", "locked.example", "--resolver", dns.spec, "--out", out, "--fail-on", "high"]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /INCOMPLETE/);
    assert.equal(readJson<Findings>(join(out, "findings.json")).assessment.complete, true);
    assert.match(readFileSync(join(out, "checklist.md"), "utf8"), /\*\*Complete: every one of the \d+ checks could be assessed\.\*\*/);
  });
});

describe("--out is checked before any network step", () => {
  for (const [what, make] of [
    ["an existing file", (dir: string) => { writeFileSync(join(dir, "taken"), "x"); return join(dir, "taken"); }],
    ["a folder under a file", (dir: string) => { writeFileSync(join(dir, "file"), "x"); return join(dir, "file", "reports"); }],
  ] as const) {
    it(`refuses ${what} with exit 2 and one line, having sent no query`, async () => {
      const server = await silentServer();
      try {
        const out = make(tempDir());
        const r = await runCli(["assess", "-d", "example.gov.uk", "--resolver", server.spec, "--out", out]);
        assert.equal(r.code, 2, r.stderr);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.match(r.stderr, new RegExp(`--out ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
        assert.equal(server.received(), 0, "no DNS query before the folder was found writable");
      } finally {
        await server.close();
      }
    });
  }
});

describe("the format registry", () => {
  it("is what --help lists and --format accepts", async () => {
    const help = await runCli(["assess", "--help"]);
    for (const f of REPORT_FORMATS) assert.match(help.stdout, new RegExp(`^ {2}${f.id} +${f.description.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
    for (const bad of ["", " , ", "pdf", "json,pdf"]) {
      const r = await runCli(["assess", "-d", "a.example", "--format", bad, "--out", tempDir()]);
      assert.equal(r.code, 2, `--format "${bad}": ${r.stderr}`);
      assert.equal(r.stderr.trim().split("\n").length, 1);
    }
  });

  it("writes only the formats asked for, and every one by default", async () => {
    const some = tempDir();
    const r = await runCli(["assess", "-d", "locked.example", "--resolver", dns.spec, "--out", some, "--format", "csv", "-q"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdir(some), ["findings.csv"]);
    const all = tempDir();
    await runCli(["assess", "-d", "locked.example", "--resolver", dns.spec, "--out", all, "-q"]);
    assert.deepEqual(readdir(all), REPORT_FORMATS.flatMap((f) => f.files).sort());
  });
});

describe("report.html from outside text", () => {
  it("keeps records holding <script> and javascript: links inert, as the parsed page shows", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "-d", "script.example", "--resolver", dns.spec, "--out", out, "--format", "html", "-q"]);
    assert.equal(r.code, 0, r.stderr);
    const doc = parseHtml(readFileSync(join(out, "report.html"), "utf8"));
    const all: DefaultTreeAdapterMap["element"][] = [];
    const walk = (n: DefaultTreeAdapterMap["parentNode"]) => { for (const c of n.childNodes) if ("tagName" in c) { all.push(c); walk(c); } };
    walk(doc);
    assert.deepEqual(all.filter((e) => ["script", "img", "iframe", "object", "embed"].includes(e.tagName)).map((e) => e.tagName), []);
    for (const e of all) {
      for (const a of e.attrs) {
        assert.doesNotMatch(a.name, /^on/i);
        assert.doesNotMatch(a.value, /^\s*javascript:/i, `${e.tagName} ${a.name}`);
      }
    }
    // The hostile text is there, as text a reader sees, not as markup.
    const text = (n: DefaultTreeAdapterMap["node"]): string => ("value" in n && n.nodeName === "#text" ? String(n.value) : "childNodes" in n ? n.childNodes.map(text).join("") : "");
    const page = text(doc);
    for (const hostile of ["<script>alert(1)</script>", "javascript:alert(2)", "<img src=x onerror=alert(3)>"]) assert.ok(page.includes(hostile), `${hostile} reached the page as text`);
  });
});

describe("report.xlsx from outside text", () => {
  it("keeps a TXT record of =HYPERLINK(...) a string: no cell of the workbook is a formula", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "-d", "formula.example", "--resolver", dns.spec, "--out", out, "--format", "xlsx,json", "-q"]);
    assert.equal(r.code, 0, r.stderr);
    const evidence = readFileSync(join(out, "evidence.json"), "utf8");
    assert.ok(evidence.includes("=HYPERLINK("), "the record reached the evidence");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "report.xlsx"));
    const hits: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${ws.name}!${cell.address}`);
        if (String(cell.value).includes("HYPERLINK")) {
          assert.equal(cell.type, ExcelJS.ValueType.String);
          hits.push(`${ws.name}!${cell.address}`);
        }
      }));
    }
    assert.ok(hits.some((h) => h.startsWith("Evidence!")), `the record is on the Evidence sheet: ${hits.join(", ")}`);
  });
});

function readdir(dir: string): string[] {
  return readdirSync(dir).sort();
}
