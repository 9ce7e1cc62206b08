// One SMTP session up to an established TLS layer: connect, greeting, EHLO, STARTTLS (RFC 3207),
// TLS handshake. Each step has its own deadline. What was seen before a failure stays in the
// transcript, so the evidence shows how far the session got.
import net from "node:net";
import tls from "node:tls";
import { cutOffCode, deadlineMessage } from "../deadline.js";
import { SmtpProbeError, replyReader } from "./reply.js";

export interface Endpoint {
  host: string;
  port: number;
}

export interface Transcript {
  banner: string[];
  ehlo: string[];
  starttlsOffered: boolean | null;
}

export interface SessionOptions {
  endpoint: Endpoint;
  /** The MX host name: TLS SNI (RFC 6066 §3), as RFC 7672 §8.1 asks of a DANE client. */
  mxHost: string;
  timeoutMs: number;
  /** The run deadline or interrupt: when it aborts, the session is cut off with its code (RUN_DEADLINE, RUN_INTERRUPTED). */
  signal?: AbortSignal;
  /** Versions, ciphers and trust store for the handshake. */
  tls: Pick<tls.ConnectionOptions, "ca" | "secureContext" | "minVersion" | "maxVersion" | "ciphers">;
}

export async function startTlsSession(o: SessionOptions, transcript: Transcript): Promise<tls.TLSSocket> {
  const signal = o.signal;
  if (!signal) return session(o, transcript, () => {});
  if (signal.aborted) throw new SmtpProbeError(cutOffCode(signal), `not started: ${deadlineMessage(signal)}`);
  // Every socket the session opens is destroyed when the deadline passes, so nothing stays open.
  const sockets = new Set<net.Socket>();
  let onAbort = () => {};
  const cutOff = new Promise<never>((_, reject) => {
    onAbort = () => {
      for (const s of sockets) s.destroy();
      reject(new SmtpProbeError(cutOffCode(signal), `cut off: ${deadlineMessage(signal)}`));
    };
  });
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await Promise.race([session(o, transcript, (s) => sockets.add(s)), cutOff]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

async function session(o: SessionOptions, transcript: Transcript, track: (s: net.Socket) => void): Promise<tls.TLSSocket> {
  const plain = await connect(o.endpoint, o.timeoutMs, track);
  try {
    const reader = replyReader(plain);
    const greeting = await reader.next(o.timeoutMs, "the greeting");
    transcript.banner = greeting.lines;
    // RFC 5321 §3.1: 220 is the only greeting that invites a session; 554 turns the client away.
    if (greeting.code !== 220) throw new SmtpProbeError("SMTP_REJECTED", `greeting ${greeting.code} ${greeting.lines[0] ?? ""}`.trim());

    plain.write(`EHLO ${addressLiteral(plain.localAddress)}\r\n`);
    const ehlo = await reader.next(o.timeoutMs, "EHLO");
    if (ehlo.code !== 250) {
      transcript.starttlsOffered = false;
      throw new SmtpProbeError("SMTP_NO_STARTTLS", `EHLO refused (${ehlo.code}): without ESMTP there is no STARTTLS`);
    }
    transcript.ehlo = ehlo.lines.slice(1).map((l) => l.toUpperCase());
    // RFC 3207 §4: the STARTTLS keyword in the EHLO response.
    transcript.starttlsOffered = transcript.ehlo.some((k) => k.split(" ")[0] === "STARTTLS");
    if (!transcript.starttlsOffered) throw new SmtpProbeError("SMTP_NO_STARTTLS", "EHLO does not advertise STARTTLS");

    plain.write("STARTTLS\r\n");
    const ready = await reader.next(o.timeoutMs, "STARTTLS");
    if (ready.code !== 220) throw new SmtpProbeError("SMTP_STARTTLS_REFUSED", `STARTTLS answered ${ready.code} ${ready.lines[0] ?? ""}`.trim());
    // RFC 3207 §4.2 / §6: bytes sent before the handshake must not be taken into the TLS session;
    // they are dropped here, as the TLS layer starts on what follows.
    reader.detach();
    // From here the TLS layer owns the socket and reports its errors; keep none unhandled.
    plain.on("error", () => plain.destroy());
    return await handshake(plain, o, track);
  } catch (err) {
    plain.destroy();
    throw err;
  }
}

/** Ends a session politely (QUIT over TLS) without waiting on a server that does not answer. */
export function closeSession(socket: tls.TLSSocket): void {
  if (socket.destroyed) return;
  socket.on("error", () => socket.destroy());
  socket.end("QUIT\r\n");
  setTimeout(() => socket.destroy(), 200).unref();
}

function connect(endpoint: Endpoint, timeoutMs: number, track: (s: net.Socket) => void): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: endpoint.host, port: endpoint.port });
    track(socket);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SmtpProbeError("SMTP_TIMEOUT", `no TCP connection to ${endpoint.host} port ${endpoint.port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new SmtpProbeError("SMTP_CONNECT", `cannot connect to ${endpoint.host} port ${endpoint.port}: ${e.code ?? e.message}`));
    });
  });
}

function handshake(plain: net.Socket, o: SessionOptions, track: (s: net.Socket) => void): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // Certificate checks are made by the caller from the established session and recorded
    // (webpki, name match, DANE); refusing here would leave no chain to record or match.
    const socket = tls.connect({
      socket: plain,
      servername: net.isIP(o.mxHost) ? undefined : o.mxHost,
      rejectUnauthorized: false,
      // Node folds the name check into `authorized`; the caller checks the name on its own, so
      // `authorized` stays OpenSSL's verdict on the chain alone.
      checkServerIdentity: () => undefined,
      ...o.tls,
    });
    track(socket);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SmtpProbeError("SMTP_TIMEOUT", `TLS handshake not finished within ${o.timeoutMs} ms`));
    }, o.timeoutMs);
    socket.once("secureConnect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      // A TLS alert or a failed negotiation is the server's answer; a reset or a closed socket
      // (Node: ECONNRESET, EPIPE, "socket disconnected before secure TLS connection") is not.
      const dropped = e.code === "ECONNRESET" || e.code === "EPIPE" || /socket disconnected|socket hang up/i.test(e.message);
      reject(new SmtpProbeError(dropped ? "SMTP_RESET" : "TLS_HANDSHAKE", `TLS handshake ${dropped ? "cut off" : "failed"}: ${e.code ? `${e.code}: ` : ""}${e.message}`));
    });
  });
}

/** RFC 5321 §4.1.3: an address literal for our side of the connection. */
function addressLiteral(address: string | undefined): string {
  if (!address) return "[127.0.0.1]";
  const v4 = address.replace(/^::ffff:/, "");
  return net.isIPv4(v4) ? `[${v4}]` : `[IPv6:${address}]`;
}
