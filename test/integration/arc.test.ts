// A sample message sealed by a "gateway" with a key made here (node:crypto) and published in the
// sandbox DNS, verified by the real message probe through our resolver and judged by arc.sample-chain:
// a valid chain from a trusted sealer passes, an untrusted one fails, a body changed after sealing
// fails, and a key lookup that times out is an error (never fail, never pass).
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { sealMessage } from "mailauth/lib/arc/index.js";
import { createResolver } from "../../src/dns/resolver.js";
import { defaultRulesDir } from "../../src/paths.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { probeAll } from "../../src/probe/run.js";
import { evaluate, loadPack } from "../../src/rules/index.js";
import { type RunningDnsServer, startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { tenantEvidenceOf } from "../../src/sandbox/tenants/mail-path/tenant.js";
import { tempDir } from "../helpers/tmp.js";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const spki = publicKey.export({ type: "spki", format: "der" }).toString("base64");
// RFC 6376 §3.6.2.2: a TXT record is split into character-strings of at most 255 octets.
const txt = (s: string) => (s.match(/.{1,250}/g) ?? []).map((c) => `"${c}"`).join(" ");

let dns: RunningDnsServer;
let dir: string;
before(async () => {
  dns = await startDnsServer({
    zones: [zone("gateway.example", "insecure", [`arc._domainkey TXT ${txt(`v=DKIM1; k=rsa; p=${spki}`)}`]), zone("slow.example", "insecure", ["x A 192.0.2.1"])],
    silent: ["arc._domainkey.slow.example"],
  });
  const body = "From: alice@sender.example\r\nTo: bob@path-county.example\r\nSubject: quarterly report\r\nDate: Thu, 01 Jan 2026 10:00:00 +0000\r\nMessage-ID: <1@sender.example>\r\n\r\nHello Bob,\r\nthe report is attached.\r\n";
  const seal = (domain: string) =>
    sealMessage(Buffer.from(body), { signingDomain: domain, selector: "arc", privateKey: privateKey.export({ type: "pkcs1", format: "pem" }), authResults: "mx.gateway.example; spf=pass smtp.mailfrom=sender.example; dkim=none; dmarc=pass header.from=sender.example", cv: "none" } as never);
  const sealed = Buffer.concat([await seal("gateway.example"), Buffer.from(body)]);
  const tampered = Buffer.from(sealed.toString("latin1").replace("the report is attached", "the invoice is attached"), "latin1");
  const slow = Buffer.concat([await seal("slow.example"), Buffer.from(body)]);
  dir = tempDir({ "sealed.eml": sealed.toString("latin1"), "tampered.eml": tampered.toString("latin1"), "slow.eml": slow.toString("latin1"), "not-mail.eml": "just text\n" });
});
after(() => dns.close());

const pack = loadPack(defaultRulesDir);
// The key lookups answer at once on loopback; 1.5 s is for a loaded CI machine (300 ms failed there once), and the silent server still times out.
const ctxOf = (): ProbeContext => ({ resolver: createResolver(dns.spec, { timeoutMs: 1500, retries: 0 }), now: () => new Date(), ca: [], timeoutMs: 1500, dkimSelectors: [], log: () => {} });

async function judge(file: string, trusted: string[] | null) {
  const path = join(dir, file);
  const tenant = trusted ? tenantEvidenceOf({ acceptedDomains: ["path-county.example"], arcTrustedSealers: trusted }) : null;
  const evidence = await probeAll([], ctxOf(), { tenant, messages: [path] });
  const finding = evaluate(pack, evidence).findings.find((f) => f.ruleId === "arc.sample-chain" && f.subject === `message:${path}`)!;
  return { message: evidence.messages![path]!, finding };
}

describe("ARC from a sample message", () => {
  it("validates the chain, names the sealer and what it recorded, and passes when the sealer is trusted", async () => {
    const { message, finding } = await judge("sealed.eml", ["gateway.example"]);
    assert.equal(message.arc.result, "pass", message.arc.comment ?? "");
    assert.equal(message.arc.sealer, "gateway.example");
    assert.deepEqual(message.arc.authenticationResults!.results, { spf: ["pass"], dkim: ["none"], dmarc: ["pass"] });
    assert.equal(finding.status, "pass", finding.message);
  });

  it("fails when the sealer is not in ArcTrustedSealers, with the Set-ArcConfig fix", async () => {
    const { finding } = await judge("sealed.eml", ["google.com"]);
    assert.equal(finding.status, "fail");
    assert.match(finding.remediation, /Set-ArcConfig -Identity default -ArcTrustedSealers "google\.com,gateway\.example"/);
  });

  it("reports the chain without a tenant, but does not call it trusted", async () => {
    assert.equal((await judge("sealed.eml", null)).finding.status, "info");
  });

  it("fails a chain whose body changed after sealing", async () => {
    const { message, finding } = await judge("tampered.eml", ["gateway.example"]);
    assert.equal(message.arc.result, "fail");
    assert.equal(finding.status, "fail");
  });

  it("makes a key lookup timeout an error", async () => {
    const { message, finding } = await judge("slow.eml", ["slow.example"]);
    assert.equal(message.arc.error?.code, "DNS_TIMEOUT");
    assert.equal(finding.status, "error");
  });

  it("refuses a file that is not a message", async () => {
    const { message, finding } = await judge("not-mail.eml", ["gateway.example"]);
    assert.equal(message.error?.code, "MESSAGE_NOT_RFC5322");
    assert.equal(finding.status, "error");
  });
});
