// A scan of hostile domains must not reach the assessor's own network (issue 27, "probes refuse
// private addresses"): by default the CLI connects to no MX or MTA-STS host that resolves to a
// private, loopback or link-local address, and says so per host; --allow-private lets it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { isPrivateAddress } from "../../src/probe/private-address.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { sampleWorld } from "../../src/sandbox/world/index.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readFindings } from "../helpers/findings.js";

let dns: RunningDnsServer;
before(async () => {
  dns = await startDnsServer({ zones: sampleWorld().zones });
});
after(() => dns.close());

let out = "";
const run = async (privateRefused: boolean) => {
  out = tempDir();
  const r = await runCli(["assess", "-d", "good-council.example", "--resolver", dns.spec, "--dns-timeout", "1000", "--smtp-timeout", "500", "--format", "json", "--out", out, "-q"], { privateRefused });
  assert.equal(r.code, 0, r.stderr);
  return { findings: readFindings(join(out, "findings.json")) };
};

describe("private addresses", () => {
  it("are not connected to by default: the MX and policy checks are unknown with their own codes", async () => {
    const { findings } = await run(true);
    const causes = new Set(findings.findings.filter((f) => f.status === "error").map((f) => f.cause));
    assert.ok(causes.has("SMTP_PRIVATE_ADDRESS"), [...causes].join(", "));
    assert.ok(findings.findings.some((f) => f.cause === "SMTP_PRIVATE_ADDRESS" && /127\.0\.\d+\.\d+ SMTP_PRIVATE_ADDRESS/.test(f.message)));
    const evidence = readFileSync(join(out, "evidence.json"), "utf8");
    assert.match(evidence, /127\.0\.\d+\.\d+ is a private, loopback or link-local address: not connected to \(give --allow-private to assess such hosts on purpose\)/);
    assert.equal(findings.findings.filter((f) => f.status === "pass" && f.ruleId.startsWith("starttls.")).length, 0, "no pass without a connection");
  });
  it("are connected to with --allow-private", async () => {
    const { findings } = await run(false);
    assert.equal(findings.findings.filter((f) => f.cause === "SMTP_PRIVATE_ADDRESS" || f.cause === "HTTP_PRIVATE_ADDRESS").length, 0);
  });
  const cases: [string, boolean][] = [
    ["10.1.2.3", true], ["172.16.0.1", true], ["172.32.0.1", false], ["192.168.1.1", true], ["127.0.0.53", true],
    ["169.254.169.254", true], ["100.64.0.1", true], ["0.0.0.0", true], ["192.0.2.1", false], ["8.8.8.8", false],
    ["::1", true], ["fe80::1", true], ["fd12:3456::1", true], ["::ffff:10.0.0.1", true], ["2001:db8::1", false], ["2a00:1450::1", false],
  ];
  for (const [address, expected] of cases) it(`${address} is ${expected ? "" : "not "}private`, () => assert.equal(isPrivateAddress(address), expected));
});
