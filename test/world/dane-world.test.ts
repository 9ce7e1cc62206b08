// exo-posture's DANE verdict for every MX host of the loopback world, compared with posttls-finger
// (Postfix's own DANE client, an independent implementation over OpenSSL) asking the same validating
// resolver. Any disagreement fails. Needs the world of test/world/start.sh (npm run test:world).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { createResolver } from "../../src/dns/resolver.js";
import type { Evidence } from "../../src/evidence/evidence.js";
import type { Findings } from "../../src/evidence/findings.js";
import { defaultRulesDir } from "../../src/paths.js";
import { probeAll } from "../../src/probe/run.js";
import { evaluate, loadPack } from "../../src/rules/index.js";
import { type DaneVerdict, worldMx } from "./smtp/cases.js";

const run = promisify(execFile);
const W = process.env.EXO_WORLD_DIR ?? "/tmp/exo-world";
const RESOLVER = process.env.EXO_WORLD_RESOLVER ?? "127.0.0.53";

let evidence: Evidence;
let findings: Findings;
const postfix = new Map<string, { verdict: DaneVerdict | "unknown"; output: string }>();

/**
 * posttls-finger reads its resolver from /etc/resolv.conf and its settings from $MAIL_CONFIG/main.cf.
 * A private mount namespace (unshare -m) bind-mounts a resolv.conf naming the world's resolver over
 * /etc/resolv.conf for that one process; `options trust-ad` keeps glibc from clearing the AD bit.
 */
async function postTlsFinger(host: string): Promise<string> {
  const dir = join(W, "posttls");
  const script = `mount --bind ${dir}/resolv.conf /etc/resolv.conf && exec posttls-finger -v -l dane -t 5 -T 5 '[${host}]'`;
  try {
    const r = await run("unshare", ["-m", "sh", "-c", script], { env: { ...process.env, MAIL_CONFIG: dir }, timeout: 60_000 });
    return r.stdout + r.stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return `${e.stdout ?? ""}${e.stderr ?? ""}\n(exit: ${e.message})`;
  }
}

/** posttls-finger's outcome in the same four words as ours (lines from Postfix 3.7's smtp client). */
function postfixVerdict(out: string): DaneVerdict | "unknown" {
  if (/no (usable )?TLSA records found, resorting to/.test(out)) return "no-dane";
  if (/Verified TLS connection established/.test(out)) return "verified";
  if (/Destination address lookup failed|timeout while|Connection refused|Connection timed out/.test(out)) return "unreachable";
  // Connected, TLSA in force, and no verified session: no STARTTLS, a failed handshake, no match.
  if (/Connected to /.test(out)) return "failed";
  return "unknown";
}

function ourVerdict(host: string): DaneVerdict | "unknown" {
  const f = findings.findings.find((x) => x.ruleId === "dane.match" && x.subject === `mx:${host}`);
  const map: Record<string, DaneVerdict> = { pass: "verified", fail: "failed", error: "unreachable", not_applicable: "no-dane" };
  return f ? (map[f.status] ?? "unknown") : "unknown";
}

before(async () => {
  const dir = join(W, "posttls");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.cf"), "compatibility_level = 3.6\nsmtp_dns_support_level = dnssec\nsmtp_tls_loglevel = 1\nmaillog_file = /dev/stdout\n");
  writeFileSync(join(dir, "resolv.conf"), `nameserver ${RESOLVER}\noptions trust-ad edns0\n`);
  const ctx = {
    resolver: createResolver(RESOLVER, { timeoutMs: 3000 }),
    now: () => new Date(),
    ca: [readFileSync(join(W, "smtp", "ca.pem"), "utf8")],
    timeoutMs: 3000,
    dkimSelectors: [],
    log: () => {},
  };
  const [ev] = await Promise.all([
    probeAll(worldMx.map((m) => ({ name: m.domain, input: m.domain, source: "cli" as const })), ctx, { hostConcurrency: 16 }),
    ...worldMx.map(async (m) => {
      const output = await postTlsFinger(m.host);
      postfix.set(m.host, { verdict: postfixVerdict(output), output });
    }),
  ]);
  evidence = ev as Evidence;
  findings = evaluate(loadPack(defaultRulesDir), evidence);
});
after(() => {
  // A table a person can read in the test log: host, expected, exo-posture, posttls-finger.
  for (const m of worldMx) console.log(`${m.host.padEnd(26)} expect ${m.expect.padEnd(11)} exo-posture ${ourVerdict(m.host).padEnd(11)} posttls-finger ${postfix.get(m.host)?.verdict}`);
});

describe("DANE verdicts: exo-posture and posttls-finger agree on every MX host of the world", () => {
  it("the resolver validates", () => {
    assert.equal(evidence.resolver.validatesDnssec, true, evidence.resolver.validationDetail);
  });
  for (const m of worldMx) {
    describe(`${m.host}: ${m.about}`, () => {
      it(`exo-posture and posttls-finger agree`, () => {
        const pf = postfix.get(m.host)!;
        assert.equal(ourVerdict(m.host), pf.verdict, `posttls-finger said:\n${pf.output}`);
      });
      it(`the verdict is ${m.expect}`, () => {
        const f = findings.findings.find((x) => x.ruleId === "dane.match" && x.subject === `mx:${m.host}`);
        assert.equal(ourVerdict(m.host), m.expect, f?.message);
      });
    });
  }
});

describe("the other transport rules on the world", () => {
  const cases: { host: string; rule: string; status: string }[] = [
    { host: "mx-good.dane.test", rule: "starttls.offered", status: "pass" },
    { host: "mx-good.dane.test", rule: "starttls.tls-version", status: "pass" },
    { host: "mx-good.dane.test", rule: "dnssec.mx", status: "pass" },
    { host: "mx-good.dane.test", rule: "dane.tlsa", status: "pass" },
    { host: "mx-good.dane.test", rule: "dane.rollover", status: "pass" },
    { host: "mx-ta.dane.test", rule: "dane.rollover", status: "fail" },
    { host: "mx-selfsigned.dane.test", rule: "dane.rollover", status: "pass" },
    { host: "mx-nostarttls.dane.test", rule: "starttls.offered", status: "fail" },
    { host: "mx-tls10.dane.test", rule: "starttls.tls-version", status: "fail" },
    { host: "mx-stall.dane.test", rule: "starttls.offered", status: "error" },
    { host: "mx-pkix.dane.test", rule: "dane.tlsa", status: "fail" },
    { host: "mx.dane-unsigned.test", rule: "dnssec.mx", status: "fail" },
    { host: "mx.dane-unsigned.test", rule: "dane.tlsa", status: "not_applicable" },
    { host: "mx.dane-bogus.test", rule: "dnssec.mx", status: "fail" },
  ];
  for (const c of cases) {
    it(`${c.host} ${c.rule} → ${c.status}`, () => {
      const f = findings.findings.find((x) => x.ruleId === c.rule && x.subject === `mx:${c.host}`);
      assert.equal(f?.status, c.status, f?.message);
    });
  }
  it("dnssec.domain: signed passes", () => {
    assert.equal(findings.findings.find((x) => x.ruleId === "dnssec.domain" && x.subject === "domain:good.dane.test")?.status, "pass");
  });
});
