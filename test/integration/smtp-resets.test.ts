// An MX host whose connection is reset after the banner: a reset is not an answer. Not a refusal
// of old TLS versions (a false pass), not "no STARTTLS" (a false fail): the probe retries a reset
// session once, and what stays unknown is recorded as SMTP_RESET, which the rules make `error`.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { SmtpEvidence } from "../../src/evidence/smtp.js";
import { defaultRulesDir } from "../../src/paths.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeSmtp } from "../../src/probe/smtp/index.js";
import { judge } from "../../src/rules/judge.js";
import { loadPack } from "../../src/rules/pack.js";
import { createTestCa } from "../../src/sandbox/pki.js";
import { type RunningSmtpServer, startSmtpServer } from "../../src/sandbox/smtp/server.js";

const HOST = "mx.reset.example";
const pack = loadPack(defaultRulesDir);
const verdict = (ruleId: string, smtp: SmtpEvidence) => {
  const rule = pack.rules.find((r) => r.meta.id === ruleId)!;
  return judge(rule, { id: `mx:${HOST}`, vars: { mx: { host: HOST, smtp }, tenant: null, resolver: { spec: "t", kind: "udp", server: "t", validatesDnssec: true, validationDetail: "" }, params: {} }, pointers: { mx: "/mxHosts/x" } });
};

let cert: { chainPem: string; keyPem: string; ca: string };
const servers: RunningSmtpServer[] = [];
before(async () => {
  const ca = await createTestCa();
  const issued = await ca.issue({ names: [HOST] });
  cert = { chainPem: issued.chainPem, keyPem: issued.keyPem, ca: ca.certPem };
});
after(async () => Promise.all(servers.map((s) => s.close())));

async function probeWith(resetAfterBanner: number[], resetAtStarttls: number[] = []): Promise<{ smtp: SmtpEvidence; server: RunningSmtpServer }> {
  const server = await startSmtpServer({ hostname: HOST, mode: "starttls", chainPem: cert.chainPem, keyPem: cert.keyPem, resetAfterBanner, resetAtStarttls });
  servers.push(server);
  const ctx = { timeoutMs: 1500, ca: [cert.ca], smtpEndpoint: () => ({ host: server.host, port: server.port }) } as unknown as ProbeContext;
  return { smtp: await probeSmtp(HOST, ["192.0.2.25"], ctx), server };
}

describe("SMTP sessions reset after the banner", () => {
  it("case 1: a reset legacy-TLS session is unknown, never a refusal of TLS 1.0 and 1.1", async () => {
    // The first session (today's TLS) is fine; the legacy session and its retry are reset.
    const { smtp } = await probeWith([2, 3]);
    const c = smtp.connections[0]!;
    assert.equal(c.tls?.version, "TLSv1.3");
    assert.equal(c.legacyTls?.accepted, null);
    assert.equal(c.legacyTls?.error?.code, "SMTP_RESET");
    const v = verdict("starttls.tls-version", smtp);
    assert.equal(v.status, "error", v.message);
    assert.equal(v.cause, "SMTP_RESET");
  });

  it("case 1: a legacy-TLS handshake cut off by a reset is unknown, never a refusal (it was a pass)", async () => {
    const { smtp } = await probeWith([], [2, 3]);
    const c = smtp.connections[0]!;
    assert.equal(c.tls?.version, "TLSv1.3");
    assert.equal(c.legacyTls?.accepted, null, JSON.stringify(c.legacyTls));
    assert.equal(c.legacyTls?.error?.code, "SMTP_RESET");
    const v = verdict("starttls.tls-version", smtp);
    assert.equal(v.status, "error", v.message);
  });

  it("a legacy-TLS handshake the server really refuses is still a refusal: the verdict passes", async () => {
    const { smtp } = await probeWith([]);
    assert.equal(smtp.connections[0]!.legacyTls?.accepted, false);
    assert.equal(verdict("starttls.tls-version", smtp).status, "pass");
  });

  it("case 4: a first session reset once is retried, and the verdict is the same as without the reset", async () => {
    const { smtp, server } = await probeWith([1]);
    const c = smtp.connections[0]!;
    assert.equal(c.error, null);
    assert.equal(c.starttlsOffered, true);
    assert.equal(verdict("starttls.offered", smtp).status, "pass");
    assert.equal(verdict("starttls.tls-version", smtp).status, "pass");
    assert.equal(server.connections(), 3, "the reset session, its retry, and the legacy session");
  });

  it("case 4: a session reset every time is unknown, not 'no STARTTLS'", async () => {
    const { smtp } = await probeWith([1, 2, 3, 4]);
    const c = smtp.connections[0]!;
    assert.equal(c.error?.code, "SMTP_RESET");
    const v = verdict("starttls.offered", smtp);
    assert.equal(v.status, "error", v.message);
    assert.equal(v.cause, "SMTP_RESET");
  });
});
