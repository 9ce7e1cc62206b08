// The SMTP probe (RFC 5321, RFC 3207): for each address of an MX host, a STARTTLS session with the
// usual versions (what a sender of today negotiates, and the chain it is shown), then a second one
// that offers only TLS 1.0 and 1.1, to find out whether the server still accepts them.
import { isPrivateAddress } from "../private-address.js";
import { errorOf } from "../evidence-of.js";
import type { EvidenceError } from "../../evidence/common.js";
import type { SmtpConnection, SmtpEvidence } from "../../evidence/smtp.js";
import type { ProbeContext } from "../context.js";
import { trustContext } from "../../tls/trust.js";
import { tlsResultOf } from "./certificate.js";
import { SmtpProbeError } from "./reply.js";
import { type Endpoint, type Transcript, closeSession, startTlsSession } from "./session.js";

export const SMTP_PORT = 25;

/** `incomplete`: the address lookup that failed while the other answered (addresses evidence), carried along. */
export async function probeSmtp(host: string, addresses: string[], ctx: ProbeContext, incomplete: EvidenceError | null = null): Promise<SmtpEvidence> {
  if (addresses.length === 0) {
    return { error: { code: "SMTP_NO_ADDRESS", message: `${host} has no A or AAAA address to connect to` }, port: SMTP_PORT, connections: [], incomplete };
  }
  const connections = await Promise.all(addresses.map((a) => probeAddress(host, a, ctx)));
  return { error: null, port: SMTP_PORT, connections, incomplete };
}

/** Each step's timeout (--smtp-timeout, else the run's step timeout) and the run deadline. */
export function sessionLimits(ctx: ProbeContext): { timeoutMs: number; signal?: AbortSignal } {
  return { timeoutMs: ctx.smtpTimeoutMs ?? ctx.timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) };
}

/** Where an address's SMTP service is, or why it is not reachable in this run. */
export function endpointOf(address: string, ctx: ProbeContext): Endpoint | SmtpProbeError {
  if (ctx.allowPrivate === false && isPrivateAddress(address)) {
    return new SmtpProbeError("SMTP_PRIVATE_ADDRESS", `${address} is a private, loopback or link-local address: not connected to (give --allow-private to assess such hosts on purpose)`);
  }
  if (!ctx.smtpEndpoint) return { host: address, port: SMTP_PORT };
  return ctx.smtpEndpoint(address) ?? new SmtpProbeError("SMTP_CONNECT", `${address} is not reachable in this world (no SMTP server stands for it)`);
}

async function probeAddress(host: string, address: string, ctx: ProbeContext): Promise<SmtpConnection> {
  const started = Date.now();
  const transcript: Transcript = { banner: [], ehlo: [], starttlsOffered: null };
  const result = (fields: Partial<SmtpConnection>): SmtpConnection => ({
    address,
    error: null,
    ...transcript,
    tls: null,
    legacyTls: null,
    ...fields,
    durationMs: Date.now() - started,
  });
  const endpoint = endpointOf(address, ctx);
  if (endpoint instanceof SmtpProbeError) return result({ error: errorOf(endpoint) });

  let modern: SmtpConnection["tls"] = null;
  let error: SmtpConnection["error"] = null;
  try {
    const socket = await retryReset(() => {
      // A retry starts the transcript afresh: it records the session that answered.
      Object.assign(transcript, { banner: [], ehlo: [], starttlsOffered: null });
      return startTlsSession({ endpoint, mxHost: host, ...sessionLimits(ctx), tls: { secureContext: trustContext(ctx.ca) } }, transcript);
    });
    modern = tlsResultOf(socket, host);
    closeSession(socket);
  } catch (err) {
    error = errorOf(err);
  }
  // Only a server that offers STARTTLS can be asked which TLS versions it takes.
  const legacyTls = transcript.starttlsOffered ? await probeLegacy(host, endpoint, ctx) : null;
  return result({ error, tls: modern, legacyTls });
}

/**
 * A handshake offering only TLS 1.0 and 1.1 (RFC 8996 deprecates both). OpenSSL 3 will not offer
 * them at its default security level, hence SECLEVEL=0 for this one session. Nothing is sent over
 * it and no certificate is trusted from it: it only answers "does the server accept TLS < 1.2?".
 */
async function probeLegacy(host: string, endpoint: Endpoint, ctx: ProbeContext): Promise<SmtpConnection["legacyTls"]> {
  const transcript: Transcript = { banner: [], ehlo: [], starttlsOffered: null };
  try {
    const socket = await retryReset(() =>
      startTlsSession({ endpoint, mxHost: host, ...sessionLimits(ctx), tls: { minVersion: "TLSv1", maxVersion: "TLSv1.1", ciphers: "DEFAULT@SECLEVEL=0" } }, transcript),
    );
    const version = socket.getProtocol();
    closeSession(socket);
    return { accepted: true, version, error: null };
  } catch (err) {
    // A handshake the server refused (an alert, no version in common) is the answer; a reset, a
    // timeout or anything before the handshake leaves it unknown (SMTP_RESET, SMTP_TIMEOUT …).
    if (err instanceof SmtpProbeError && err.code === "TLS_HANDSHAKE") return { accepted: false, version: null, error: null };
    return { accepted: null, version: null, error: errorOf(err) };
  }
}

/** A session reset by the server is tried once more: a flaky middlebox is not the server's answer. */
async function retryReset<T>(session: () => Promise<T>): Promise<T> {
  try {
    return await session();
  } catch (err) {
    if (err instanceof SmtpProbeError && err.code === "SMTP_RESET") return session();
    throw err;
  }
}
