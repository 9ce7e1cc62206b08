// What an established TLS session shows of the server's certificate: the chain as PEM, and the two
// checks a WebPKI sender makes — a path to a trusted root (OpenSSL's verdict, with the system roots
// plus --ca-file as the store) and the MX host's name in the leaf (RFC 6125 via checkServerIdentity).
import tls from "node:tls";
import type { SmtpTls } from "../../evidence/smtp.js";
import { peerChain, pemOf, summarize } from "../tls/peer-chain.js";

export function tlsResultOf(socket: tls.TLSSocket, mxHost: string): SmtpTls {
  const peer = socket.getPeerCertificate(true);
  const chain = peerChain(socket, peer);
  const chainPem = chain.map(pemOf);
  const webpkiError = socket.authorized ? null : String(socket.authorizationError ?? "UNKNOWN");
  const nameError = tls.checkServerIdentity(mxHost, peer);
  return {
    version: socket.getProtocol() ?? "unknown",
    cipher: socket.getCipher()?.name ?? "unknown",
    chainPem,
    leaf: summarize(chain[0]!),
    webpki: webpkiError
      ? { valid: false, error: { code: "TLS_CERT_INVALID", message: `${webpkiError} (OpenSSL certificate verification against the system roots and --ca-file)` } }
      : { valid: true, error: null },
    nameMatch: nameError
      ? { valid: false, error: { code: "TLS_CERT_NAME_MISMATCH", message: nameError.message } }
      : { valid: true, error: null },
  };
}

/** The presented chain as PEM, leaf first (see peerChain). */
export function peerChainPem(socket: tls.TLSSocket): string[] {
  return peerChain(socket).map(pemOf);
}
