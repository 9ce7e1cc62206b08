// The certificate chain a TLS server presented, as evidence: read before Node decides whether to
// trust it, so a rejected certificate is still shown (which name it was for, who issued it).
import { X509Certificate } from "node:crypto";
import type { DetailedPeerCertificate, TLSSocket } from "node:tls";
import type { PresentedCertificate } from "../../evidence/mtasts.js";

export function presentedCertificate(socket: TLSSocket): PresentedCertificate | null {
  const peer = socket.getPeerCertificate(true) as DetailedPeerCertificate | null;
  if (!peer?.raw) return null;
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  // The issuer links end at a self-signed certificate, which points at itself.
  for (let c: DetailedPeerCertificate | undefined = peer; c?.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    chain.push(new X509Certificate(c.raw));
  }
  const leaf = chain[0]!;
  return {
    subject: oneLine(leaf.subject),
    issuer: oneLine(leaf.issuer),
    dnsNames: (leaf.subjectAltName ?? "")
      .split(/,\s*/)
      .filter((n) => n.startsWith("DNS:"))
      .map((n) => n.slice(4)),
    validFrom: new Date(leaf.validFrom).toISOString(),
    validTo: new Date(leaf.validTo).toISOString(),
    fingerprintSha256: leaf.fingerprint256,
    chainPem: chain.map((c) => c.toString()),
  };
}

const oneLine = (dn: string) => dn.split("\n").filter(Boolean).join(", ");
