// Starts the MTA-STS case world of mtasts-cases.ts in-process: the sandbox DNS server with the
// cases' zone, one HTTPS server whose sites stand in for every mta-sts.<case>.sts.example, and an
// SMTP server per MX address of mxServers, with certificates from a throw-away test CA that the
// probe context trusts through `ca`.
import { X509Certificate, createHash } from "node:crypto";
import { createResolver } from "../../src/dns/index.js";
import type { ProbeContext } from "../../src/probe/context.js";
import { startDnsServer } from "../../src/sandbox/dns/server.js";
import { zone } from "../../src/sandbox/dns/zone.js";
import { type Site, startHttpsServer } from "../../src/sandbox/https/server.js";
import { createTestCa, type IssuedCert, type TestCa } from "../../src/sandbox/pki.js";
import { startSmtpServer } from "../../src/sandbox/smtp/server.js";
import { type CertKind, POLICY_PATH, ZONE, caseRecords, caseSilent, cases, domainOf, mxServers } from "./mtasts-cases.js";

export interface StsWorld {
  ctx: ProbeContext;
  ca: TestCa;
  httpsPort: number;
  requests(host: string): number;
  close(): Promise<void>;
}

const DAY = 86_400_000;

async function certFor(kind: CertKind, host: string, ca: TestCa, other: TestCa): Promise<IssuedCert> {
  switch (kind) {
    case "good": return ca.issue({ names: [host] });
    case "wrong-name": return ca.issue({ names: ["www.other.example"] });
    case "self-signed": return ca.selfSigned({ names: [host] });
    case "expired": return ca.issue({ names: [host], notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) });
    case "other-ca": return other.issue({ names: [host] });
  }
}

/** TLSA 3 1 1 (RFC 6698 §2.1, RFC 7672 §3.1.1): SHA-256 of the leaf's SubjectPublicKeyInfo. */
function daneEe(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: "spki", format: "der" });
  return `TLSA 3 1 1 ${createHash("sha256").update(spki).digest("hex")}`;
}

export async function startStsWorld(o: { timeoutMs?: number } = {}): Promise<StsWorld> {
  const ca = await createTestCa("sts cases CA");
  const other = await createTestCa("a CA nobody trusts");
  const sites: Site[] = await Promise.all(
    cases.filter((c) => c.site).map(async (c) => {
      const host = `mta-sts.${domainOf(c.label)}`;
      const cert = await certFor(c.site!.cert, host, ca, other);
      const paths: Site["paths"] = c.site!.response ? { [POLICY_PATH]: c.site!.response } : {};
      return { host, keyPem: cert.keyPem, certPem: cert.chainPem, paths };
    }),
  );
  const smtp = await Promise.all(
    mxServers.map(async (m) => {
      const cert = await certFor(m.cert, m.host, ca, other);
      const server = await startSmtpServer({ hostname: m.host, mode: m.mode, chainPem: cert.chainPem, keyPem: cert.keyPem });
      return { ...m, cert, server };
    }),
  );
  const tlsaOf = (address: string) => daneEe(smtp.find((m) => m.address === address)!.cert.certPem);
  const lines = cases.flatMap(caseRecords).map((l) => l.replace(/TLSA-OF (\S+)/, (_, a: string) => tlsaOf(a)));
  const dns = await startDnsServer({ zones: [zone(ZONE, "secure", lines)], silent: cases.flatMap(caseSilent) });
  const https = await startHttpsServer({ sites });
  const ctx: ProbeContext = {
    // Generous for a busy event loop (the servers run in this process); the silent names cost one wait.
    resolver: createResolver(dns.spec, { timeoutMs: 1000, retries: 0 }),
    now: () => new Date(),
    ca: [ca.certPem],
    timeoutMs: o.timeoutMs ?? 1000,
    dkimSelectors: [],
    log: () => {},
    httpsPort: https.port,
    // Only the addresses of mxServers answer SMTP; nothing else is dialled.
    smtpEndpoint: (address) => {
      const m = smtp.find((x) => x.address === address);
      return m ? { host: m.server.host, port: m.server.port } : null;
    },
  };
  return {
    ctx,
    ca,
    httpsPort: https.port,
    requests: https.requests,
    close: async () => {
      await Promise.all([https.close(), dns.close(), ...smtp.map((m) => m.server.close())]);
    },
  };
}
