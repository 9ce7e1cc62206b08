// A token endpoint that accepts the request and never answers (issue 23, case 7). The sign-in is
// bounded (--cloud-timeout), its request aborted, and the process exits with one line: before,
// the message came after 30 s and the process then never exited, held by the open socket.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { AuthError } from "../../src/auth/errors.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { CONTOSO_APPS, CONTOSO_TENANT_ID } from "../../src/sandbox/tenants/index.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { type Contoso, startContoso } from "../fixtures/tenant/contoso.js";

let c: Contoso;
let dns: RunningDnsServer;
let endpoints: string;
before(async () => {
  c = await startContoso();
  // Ten minutes: for the client, an endpoint that never answers.
  c.cloud.inject({ target: "login:token", kind: "slow", delayMs: 600_000 });
  dns = await startDnsServer({ zones: [zone("quiet.example", "insecure", ["@ MX 0 ."])] });
  endpoints = join(c.dir, "endpoints.json");
  await c.cloud.writeEndpoints(endpoints);
});
after(async () => {
  await c.cloud.close();
  await dns.close();
});

describe("a token endpoint that never answers", () => {
  it("the library gives up after the timeout with AUTH_UNREACHABLE", async () => {
    const started = Date.now();
    await assert.rejects(c.collect({ timeoutMs: 800 }), (e: unknown) => e instanceof AuthError && e.code === "AUTH_UNREACHABLE" && /800 ms/.test(e.message));
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
  });

  it("assess exits by itself, with one line, soon after --cloud-timeout", async () => {
    const started = Date.now();
    const run = runCli([
      "assess", "-d", "quiet.example", "--resolver", dns.spec, "--out", tempDir(), "--format", "json",
      "--tenant", CONTOSO_TENANT_ID, "--client-id", CONTOSO_APPS.certificate, "--certificate", c.pem("certificate"),
      "--cloud-endpoints", endpoints, "--cloud-timeout", "1000",
    ]);
    // A process that never exits fails here rather than holding the suite.
    const r = await Promise.race([run, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000).unref())]);
    assert.ok(r, "the process did not exit within 20 s");
    const ms = Date.now() - started;
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /sign-in failed: .*did not answer within 1000 ms|sign-in endpoint could not be reached/);
    assert.ok(ms < 10_000, `took ${ms} ms with --cloud-timeout 1000`);
  });
});
