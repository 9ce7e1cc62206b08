// The command line as a new user meets it: the demo, assess against a world on loopback, offline
// evaluate, the rules pages, the schemas, and every kind of bad input with its exit code.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

// A small world of its own, so these tests do not change when the demo world grows: one parked
// domain locked down as gov.uk asks, one parked domain with DMARC p=none, a DNS-only world
// (no SMTP or HTTPS servers, so nothing here has MX hosts or MTA-STS).
let world: RunningDnsServer & { resolver: string };
before(async () => {
  const dns = await startDnsServer({
    zones: [
      zone("locked.example", "secure", ["@ MX 0 .", '@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=reject; sp=reject"', '*._domainkey TXT "v=DKIM1; p="']),
      zone("lax.example", "secure", ["@ MX 0 .", '@ TXT "v=spf1 -all"', '_dmarc TXT "v=DMARC1; p=none"']),
    ],
  });
  world = Object.assign(dns, { resolver: dns.spec });
});
after(() => world.close());

const noStack = (text: string) => assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/, "no stack trace");

describe("exo-posture demo", () => {
  it("writes evidence, findings and checklist and prints a summary", async () => {
    const cwd = tempDir();
    const r = await runCli(["demo"], { cwd });
    assert.equal(r.code, 0, r.stderr);
    for (const f of ["evidence.json", "findings.json", "checklist.md"]) assert.ok(existsSync(join(cwd, "reports/demo", f)), f);
    assert.match(r.stdout, /^parked-borough\.example \(parked\) +FAIL +FAIL /m);
    assert.match(r.stdout, /^domain +SPF +DMARC +DKIM +STARTTLS +MTA-STS +TLS-RPT +DNSSEC +DANE +Path/m);
    assert.match(r.stdout, /FAIL\s+high\s+dmarc\.policy/);
    const findings = readFindings(join(cwd, "reports/demo/findings.json"));
    assert.equal(findings.pack.name, "ncsc");
    assert.ok(findings.findings.every((f: { ruleId: string; evidence: string[] }) => f.ruleId && f.evidence.length > 0));
  });
  it("--tenant-bundle takes the tenant from the sample bundle, as the README shows", async () => {
    const out = tempDir();
    const r = await runCli(["demo", "--tenant-bundle", "examples/contoso-county-bundle.json", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /and the tenant bundle examples\/contoso-county-bundle\.json\./);
    const evidence = JSON.parse(readFileSync(join(out, "evidence.json"), "utf8"));
    assert.equal(evidence.tenant.source, "bundle");
    assert.equal(evidence.tenant.collectedBy.bundleFile, "examples/contoso-county-bundle.json");
  });
  it("--tenant-bundle that cannot be read: one line, exit 2, nothing started", async () => {
    const r = await runCli(["demo", "--tenant-bundle", "/nonexistent/bundle.json", "--out", tempDir()]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read the tenant bundle \/nonexistent\/bundle\.json: no such file/);
    assert.doesNotMatch(r.stdout, /Sample world/);
    noStack(r.stderr);
  });
});

describe("exo-posture assess", () => {
  it("assesses a domain through the given resolver and writes JSON only when asked", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "--domain", "Locked.Example.", "--resolver", world.resolver, "--format", "json", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    const evidence = JSON.parse(readFileSync(join(out, "evidence.json"), "utf8"));
    assert.deepEqual(Object.keys(evidence.domains), ["locked.example"]);
    assert.equal(evidence.domains["locked.example"].input, "Locked.Example.");
    assert.equal(existsSync(join(out, "checklist.md")), false);
  });

  it("exits 1 when a failure reaches --fail-on, 0 when none does", async () => {
    const out = tempDir();
    const failing = await runCli(["assess", "-d", "lax.example", "--resolver", world.resolver, "--out", out, "--fail-on", "high", "-q"]);
    assert.equal(failing.code, 1);
    assert.equal(failing.stdout, "");
    const passing = await runCli(["assess", "-d", "locked.example", "--resolver", world.resolver, "--out", out, "--fail-on", "high,error", "-q"]);
    assert.equal(passing.code, 0, passing.stderr);
    const findings = readFindings(join(out, "findings.json"));
    assert.equal(findings.summary.byStatus.error, 0);
  });

  it("makes a DNS failure of a domain an error finding, and --fail-on error catches it", async () => {
    const dns = await startDnsServer({ zones: [zone("locked.example", "secure", ["@ MX 0 .", '@ TXT "v=spf1 -all"'])], silent: ["gone.example"] });
    try {
      const out = tempDir();
      const r = await runCli(["assess", "-d", "gone.example", "--resolver", dns.spec, "--dns-timeout", "100", "--out", out, "--fail-on", "error"]);
      assert.equal(r.code, 1, r.stderr);
      const findings = readFindings(join(out, "findings.json"));
      const domainFindings = findings.findings.filter((f: { subject: string }) => f.subject === "domain:gone.example");
      assert.ok(domainFindings.length > 10);
      assert.deepEqual([...new Set(domainFindings.map((f: { status: string }) => f.status))], ["error"], "nothing about the domain passes or fails when DNS failed");
      // Rules about a tenant do not apply (no tenant was assessed); none of them may pass either.
      assert.ok(findings.findings.every((f: { status: string }) => f.status === "error" || f.status === "not_applicable"));
      assert.equal(findings.assessment.complete, false);
      assert.deepEqual(findings.assessment.causes.map((c: { code: string }) => c.code), ["DNS_TIMEOUT"]);
    } finally {
      await dns.close();
    }
  });

  it("names every bad line of a domains file and exits 2 before any query", async () => {
    const dir = tempDir({ "d.txt": "good.example\n# a comment\n\nbad name.example\nx..example\n" + "a".repeat(64) + ".example\nBücher.example\n" });
    const r = await runCli(["assess", "--domains-file", join(dir, "d.txt"), "--resolver", world.resolver, "--out", dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /d\.txt:4: "bad name\.example": contains white space/);
    assert.match(r.stderr, /d\.txt:5: .*empty label/);
    assert.match(r.stderr, /d\.txt:6: .*longer than 63/);
    assert.doesNotMatch(r.stderr, /Bücher|:1:|:7:/);
    noStack(r.stderr);
  });

  it("turns an IDN into its A-label", async () => {
    const out = tempDir();
    const r = await runCli(["assess", "-d", "Bücher.example", "--resolver", world.resolver, "--format", "json", "--out", out, "-q"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(join(out, "evidence.json"), "utf8")).domains), ["xn--bcher-kva.example"]);
  });

  const usage: [string, string[], RegExp][] = [
    ["no domains", ["assess"], /no domains to assess/],
    ["a bad resolver", ["assess", "-d", "a.example", "--resolver", "dns.example"], /--resolver dns\.example/],
    ["a bad format", ["assess", "-d", "a.example", "--format", "pdf"], /unknown format pdf/],
    ["a bad --fail-on", ["assess", "-d", "a.example", "--fail-on", "urgent"], /--fail-on/],
    ["a bad timeout", ["assess", "-d", "a.example", "--dns-timeout", "-5"], /--dns-timeout/],
    ["a missing CA file", ["assess", "-d", "a.example", "--ca-file", "/nonexistent.pem"], /cannot read --ca-file/],
    ["an unknown option", ["assess", "--colour"], /unknown option/],
    ["a missing config", ["assess", "-d", "a.example", "--config", "/nonexistent.yaml"], /cannot read/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 on ${name}`, async () => {
      const r = await runCli(args);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      noStack(r.stderr);
    });
  }
});

describe("exo-posture evaluate", () => {
  it("re-evaluates saved evidence offline and matches the original findings", async () => {
    const out = tempDir();
    await runCli(["assess", "-d", "locked.example", "-d", "lax.example", "--resolver", world.resolver, "--out", out, "-q"]);
    const again = join(out, "again");
    const r = await runCli(["evaluate", "--evidence", join(out, "evidence.json"), "--out", again, "-q"]);
    assert.equal(r.code, 0, r.stderr);
    const strip = (f: { findings: object[] }) => f.findings;
    assert.deepEqual(strip(readFindings(join(again, "findings.json"))), strip(readFindings(join(out, "findings.json"))));
  });

  it("refuses evidence that fails the schema, naming the first bad field", async () => {
    const dir = tempDir();
    const out = tempDir();
    await runCli(["assess", "-d", "locked.example", "--resolver", world.resolver, "--out", out, "-q"]);
    const evidence = JSON.parse(readFileSync(join(out, "evidence.json"), "utf8"));
    evidence.domains["locked.example"].mx.nullMx = "no";
    writeFileSync(join(dir, "bad.json"), JSON.stringify(evidence));
    const r = await runCli(["evaluate", "--evidence", join(dir, "bad.json")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\/domains\/locked\.example\/mx\/nullMx/);
    writeFileSync(join(dir, "not.json"), "{ nope");
    const r2 = await runCli(["evaluate", "--evidence", join(dir, "not.json")]);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /is not JSON/);
    noStack(r2.stderr);
  });
});

describe("exo-posture rules and schema", () => {
  it("lists the pack and shows a rule as a page", async () => {
    const list = await runCli(["rules", "list"]);
    assert.equal(list.code, 0);
    const ids = list.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]!);
    assert.ok(ids.includes("dmarc.policy"));
    // Every page is checked in-process (test/unit/rule-catalogue.test.ts); one through the CLI here.
    const page = await runCli(["rules", "show", "gateway.enhanced-filtering"]);
    assert.equal(page.code, 0, page.stderr);
    assert.match(page.stdout, /^gateway\.enhanced-filtering — /);
    assert.match(page.stdout, /How to fix/);
    assert.match(page.stdout, /ORCA: 233/);
  });

  it("validates the shipped pack and rejects a broken one with file and line", async () => {
    const ok = await runCli(["rules", "validate"]);
    assert.equal(ok.code, 0, ok.stderr);
    const dir = tempDir({ "pack.yaml": "name: x\nversion: 1\nparameters: {}\n", "a.b.yaml": "id: a.b\ntitle: t\nseverity: high\nscope: domain\ndescription: d\noutcomes:\n  - status: fail\n    if: domain.x ==\n    message: m\npass: p\nremediation: r\nreferences: [{title: t, url: u}]\nexamples: []\n" });
    const bad = await runCli(["rules", "validate", dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /a\.b\.yaml:\d+: /);
  });

  it("prints JSON Schemas that describe the files assess writes", async () => {
    for (const which of ["evidence", "findings"]) {
      const r = await runCli(["schema", which]);
      assert.equal(r.code, 0);
      const schema = JSON.parse(r.stdout);
      assert.equal(schema.type, "object");
      assert.ok(schema.properties.format);
    }
    assert.equal((await runCli(["schema", "nope"])).code, 2);
  });
});
