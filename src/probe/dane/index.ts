// The DANE probe (RFC 7672): the TLSA records a sender would use, then, for each address, a
// STARTTLS session whose presented chain is matched against them. The session trusts no store at
// all (ca: []), so the chain recorded is exactly what the server sent — never a root Node added.
import { errorOf } from "../evidence-of.js";
import type { DaneAddressMatch, DaneEvidence } from "../../evidence/dane.js";
import type { ProbeContext } from "../context.js";
import { peerChainPem } from "../smtp/certificate.js";
import { endpointOf, sessionLimits } from "../smtp/index.js";
import { SmtpProbeError } from "../smtp/reply.js";
import { closeSession, startTlsSession } from "../smtp/session.js";
import { matchChain } from "./match.js";
import { findTlsa } from "./tlsa.js";

/** Failures a DANE sender meets once TLS is mandatory (RFC 7672 §2.2): it defers the mail. */
const REFUSALS = new Set(["SMTP_NO_STARTTLS", "SMTP_STARTTLS_REFUSED", "TLS_HANDSHAKE", "SMTP_REJECTED"]);

export async function probeDane(host: string, addresses: string[], ctx: ProbeContext): Promise<DaneEvidence> {
  const tlsa = await findTlsa(host, ctx);
  if (tlsa.state !== "dane") return { ...tlsa, matches: [] };
  // RFC 7672 §3.2.3: the TLSA base domain is a reference identifier, and so is the MX host name.
  const names = [...new Set([tlsa.baseDomain, host])];
  const records = tlsa.records.filter((r) => r.usable);
  const matches = await Promise.all(addresses.map((a) => matchAddress(a, tlsa.baseDomain, records, names, ctx)));
  // Which record authenticates which address on its own: what rollover readiness is judged by.
  const withMatches = tlsa.records.map((r) => ({
    ...r,
    matchedAt: r.usable ? matches.filter((m) => m.chainPem.length > 0 && matchChain([r], m.chainPem, names, ctx.now()).verified).map((m) => m.address) : [],
  }));
  return { ...tlsa, records: withMatches, matches };
}

async function matchAddress(
  address: string,
  baseDomain: string,
  records: DaneEvidence["records"],
  names: string[],
  ctx: ProbeContext,
): Promise<DaneAddressMatch> {
  const none = { address, error: null, failure: null, chainPem: [], tlsVersion: null, verified: false, matchedBy: null, problems: [] };
  const endpoint = endpointOf(address, ctx);
  if (endpoint instanceof SmtpProbeError) return { ...none, error: errorOf(endpoint) };
  try {
    // RFC 7672 §8.1: SNI carries the TLSA base domain.
    const socket = await startTlsSession(
      { endpoint, mxHost: baseDomain, ...sessionLimits(ctx), tls: { ca: [] } },
      { banner: [], ehlo: [], starttlsOffered: null },
    );
    const chainPem = peerChainPem(socket);
    const tlsVersion = socket.getProtocol();
    closeSession(socket);
    return { ...none, chainPem, tlsVersion, ...matchChain(records, chainPem, names, ctx.now()) };
  } catch (err) {
    const e = errorOf(err);
    return REFUSALS.has(e.code) ? { ...none, failure: e, problems: [e.message] } : { ...none, error: e };
  }
}
