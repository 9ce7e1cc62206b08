// The certificate chain a TLS server presented, as evidence: read before Node decides whether to
// trust it, so a rejected certificate is still shown (which name it was for, who issued it).
import type { DetailedPeerCertificate, TLSSocket } from "node:tls";
import type { PresentedCertificate } from "../../evidence/mtasts.js";
import { peerChain, pemOf, summarize } from "../tls/peer-chain.js";

export function presentedCertificate(socket: TLSSocket, peer?: DetailedPeerCertificate): PresentedCertificate | null {
  const chain = peerChain(socket, peer);
  if (chain.length === 0) return null;
  return { ...summarize(chain[0]!), chainPem: chain.map(pemOf) };
}
