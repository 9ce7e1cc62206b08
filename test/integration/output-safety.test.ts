// Nothing injected, nothing leaked (issue 27, cases 1-5): escapes from tenant data and server
// replies never reach a terminal or a report as control characters, and this run's secrets and
// tokens never reach stderr, the evidence or a report, whatever a server sends back.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { renderTenant } from "../../src/report/tenant-summary.js";
import { bundleOf } from "../../src/sandbox/bundle.js";
import { startDnsServer, type RunningDnsServer } from "../../src/sandbox/dns/server.js";
import { CONTOSO_APPS, CONTOSO_TENANT_ID, contosoScenario } from "../../src/sandbox/tenants/index.js";
import { sampleWorld } from "../../src/sandbox/world/index.js";
import { type Contoso, startContoso } from "../fixtures/tenant/contoso.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const ESC = "\u001b";
const HOSTILE = `Mimecast ${ESC}[2J${ESC}]8;;https://evil.example${"\u0007"}inbound${ESC}]8;;${"\u0007"}`;

let c: Contoso;
let dns: RunningDnsServer;
const dir = tempDir();
before(async () => {
  c = await startContoso();
  dns = await startDnsServer({ zones: sampleWorld().zones });
});
after(async () => {
  await c.cloud.close();
  await dns.close();
});

describe("escapes from tenant data", () => {
  it("reach neither the terminal nor checklist.md as control characters, and show as \\x1b", async () => {
    const scenario = contosoScenario();
    const inbound = scenario.exchange.cmdlets["Get-InboundConnector"][0]!;
    inbound.Name = HOSTILE;
    inbound.Identity = HOSTILE;
    const bundle = join(dir, "hostile-bundle.json");
    writeFileSync(bundle, JSON.stringify(bundleOf(scenario, { collectedAt: "2026-12-01T09:00:00Z" })));
    const out = join(dir, "hostile-out");
    const r = await runCli(["demo", "--tenant-bundle", bundle, "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    for (const [where, text] of [["stdout", r.stdout], ["stderr", r.stderr], ["checklist.md", readFileSync(join(out, "checklist.md"), "utf8")], ["report.html", readFileSync(join(out, "report.html"), "utf8")]] as const) {
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text.replace(/\r\n/g, "\n")), `${where} holds a control character`);
    }
    assert.match(r.stdout, /inbound connector "Mimecast \\x1b\[2J\\x1b\]8;;https:\/\/evil\.example\\x07inbound\\x1b\]8;;\\x07"/);
    assert.match(readFileSync(join(out, "checklist.md"), "utf8"), /Mimecast \\x1b\[2J/);
  });
});

describe("secrets a server sends back", () => {
  it("a token endpoint that reflects client_secret and escapes: stderr shows neither", async () => {
    c.cloud.inject({ target: "login:token", kind: "echo" });
    const endpoints = join(dir, "endpoints.json");
    await c.cloud.writeEndpoints(endpoints);
    const secret = c.secret("secret");
    const r = await runCli(
      ["assess", "--tenant", CONTOSO_TENANT_ID, "--client-id", CONTOSO_APPS.secret, "--cloud-endpoints", endpoints, "--resolver", dns.spec, "--out", join(dir, "echo-out")],
      { env: { AZURE_CLIENT_SECRET: secret } },
    );
    c.cloud.clearFaults();
    assert.equal(r.code, 2, r.stderr);
    assert.ok(!r.stderr.includes(secret), "the secret reached stderr");
    assert.ok(!r.stderr.includes(ESC), "an escape reached stderr");
    assert.match(r.stderr, /^exo-posture: sign-in failed: .*client_secret=\[redacted\].*\\x1b\[2J/);
    assert.equal(r.stderr.split("\n").length, 2, "one line");
  });
  it("an Exchange 403 that echoes the Authorization header: the token is in no evidence and no summary", async () => {
    c.cloud.inject({ target: "exo:Get-ArcConfig", kind: "echo" });
    const t = await c.collect();
    c.cloud.clearFaults();
    assert.equal(t.arcConfig.error?.code, "EXO_FORBIDDEN");
    assert.match(t.arcConfig.error!.message, /Authorization: Bearer \[redacted\]/);
    const text = `${JSON.stringify(t)}\n${renderTenant(t).join("\n")}`;
    assert.doesNotMatch(text, /Bearer (?!\[redacted\])\S{8,}/);
  });
});
