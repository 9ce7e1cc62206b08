// What an established TLS session shows of the server's certificate: the chain as PEM, and the two
// checks a WebPKI sender makes — a path to a trusted root (OpenSSL's verdict, with the system roots
// plus --ca-file as the store) and the MX host's name in the leaf (RFC 6125 via checkServerIdentity).
import { X509Certificate } from "node:crypto";
import tls from "node:tls";
import type { SmtpTls } from "../../evidence/smtp.js";

export function tlsResultOf(socket: tls.TLSSocket, mxHost: string): SmtpTls {
  const peer = socket.getPeerCertificate(true);
  const chainPem = peerChainPem(socket);
  const leaf = new X509Certificate(chainPem[0] ?? "");
  const webpkiError = socket.authorized ? null : String(socket.authorizationError ?? "UNKNOWN");
  const nameError = tls.checkServerIdentity(mxHost, peer);
  return {
    version: socket.getProtocol() ?? "unknown",
    cipher: socket.getCipher()?.name ?? "unknown",
    chainPem,
    leaf: {
      subject: leaf.subject.replace(/\n/g, ", "),
      issuer: leaf.issuer.replace(/\n/g, ", "),
      dnsNames: dnsNamesOf(leaf),
      validFrom: new Date(leaf.validFrom).toISOString(),
      validTo: new Date(leaf.validTo).toISOString(),
      fingerprintSha256: leaf.fingerprint256,
    },
    webpki: webpkiError
      ? { valid: false, error: { code: "TLS_CERT_INVALID", message: `${webpkiError} (OpenSSL certificate verification against the system roots and --ca-file)` } }
      : { valid: true, error: null },
    nameMatch: nameError
      ? { valid: false, error: { code: "TLS_CERT_NAME_MISMATCH", message: nameError.message } }
      : { valid: true, error: null },
  };
}

/** The trust store for the WebPKI check: Node's bundled roots plus the user's --ca-file certificates. */
export function webpkiStore(extra: string[]): string[] {
  return [...tls.rootCertificates, ...extra];
}

/**
 * Leaf first, then each issuer Node linked, stopping at a self-issued certificate. Node orders the
 * presented certificates by issuer and, when the session had a trust store, appends the root it
 * found there: a session with `ca: []` gives exactly what the server sent.
 */
export function peerChainPem(socket: tls.TLSSocket): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let c: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true); c?.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    out.push(pemOf(c.raw));
  }
  return out;
}

export function pemOf(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

function dnsNamesOf(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? "")
    .split(", ")
    .filter((n) => n.startsWith("DNS:"))
    .map((n) => n.slice(4));
}
