// What a TLS server presented, read from an established session: used by the SMTP, DANE and
// MTA-STS probes alike, so the certificates in every report are described the same way.
import { X509Certificate } from "node:crypto";
import type { DetailedPeerCertificate, TLSSocket } from "node:tls";
import type { CertificateSummary } from "../../evidence/certificate.js";

/**
 * The presented certificates as DER, leaf first, then each issuer Node linked, stopping at a
 * self-issued certificate (which points at itself). Node orders the presented certificates by
 * issuer and, when the session had a trust store, appends the root it found there: a session with
 * `ca: []` gives exactly what the server sent. Only the leaf is parsed (summarize): parsing every
 * certificate of every MTA-STS fetch was 3 % of a 10,000-domain run's CPU.
 */
export function peerChain(socket: TLSSocket, peer: DetailedPeerCertificate = socket.getPeerCertificate(true)): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<string>();
  for (let c: DetailedPeerCertificate | undefined = peer; c?.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    out.push(c.raw);
  }
  return out;
}

export function pemOf(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

export function summarize(der: Buffer): CertificateSummary {
  const cert = new X509Certificate(der);
  return {
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    dnsNames: (cert.subjectAltName ?? "")
      .split(/,\s*/)
      .filter((n) => n.startsWith("DNS:"))
      .map((n) => n.slice(4)),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    fingerprintSha256: cert.fingerprint256,
  };
}

const oneLine = (dn: string) => dn.split("\n").filter(Boolean).join(", ");
