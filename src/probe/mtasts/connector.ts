// How the policy fetch reaches mta-sts.<domain>: a TLS connection for undici that resolves the host
// through our resolver, verifies the certificate against the system roots plus --ca-file for the
// policy host's name (RFC 8461 §3.3, RFC 6125), and keeps the certificate it was shown.
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import type { buildConnector } from "undici";
import type { PresentedCertificate } from "../../evidence/mtasts.js";
import type { Resolver } from "../../dns/types.js";
import { codedError, resolverLookup } from "./lookup.js";
import { presentedCertificate } from "./presented.js";
import { trustContext } from "../../tls/trust.js";

export interface TlsSeen {
  certificate: PresentedCertificate | null;
  tlsVersion: string | null;
}

export interface ConnectorOptions {
  resolver: Resolver;
  /** Extra trust anchors (PEM), from --ca-file. */
  ca: string[];
  /** Instead of the URL's port (443); for the sandbox only. */
  port?: number;
  /** For the TCP connection and the TLS handshake together. */
  timeoutMs: number;
  /** Filled in as soon as the handshake has shown a certificate. */
  seen: TlsSeen;
  /** false: refuse private addresses (ProbeContext.allowPrivate). */
  allowPrivate?: boolean;
}

export function policyConnector(o: ConnectorOptions): buildConnector.connector {
  const secureContext = trustContext(o.ca);
  const lookup = resolverLookup(o.resolver, o.allowPrivate);
  return (opts, callback) => {
    const servername = opts.servername || opts.hostname;
    const socket: TLSSocket = tlsConnect({
      host: opts.hostname,
      port: o.port ?? (Number(opts.port) || 443),
      servername,
      secureContext,
      lookup,
      ALPNProtocols: ["http/1.1"],
      // Certificate checks stay on: rejectUnauthorized is Node's default (true).
    });
    let done: buildConnector.Callback | null = callback;
    const finish = (err: Error | null) => {
      clearTimeout(timer);
      const cb = done;
      done = null;
      if (!cb) return;
      if (err) cb(err, null);
      else cb(null, socket);
    };
    const timer = setTimeout(
      () => socket.destroy(codedError("HTTP_TIMEOUT", `no TLS connection to ${servername} within ${o.timeoutMs} ms`)),
      o.timeoutMs,
    );
    // "secure" comes after the handshake and before Node verifies the chain and the name, so a
    // certificate that is then rejected is still recorded.
    socket.prependOnceListener("secure", () => {
      const peer = socket.getPeerCertificate(true);
      // Node reads the same detailed chain again straight after this, to check the name in it
      // (checkServerIdentity): it gets the one read here. Reading it twice was a tenth of the
      // probes' CPU in a run with 5,000 MTA-STS fetches; nothing about the check changes.
      const own = socket.getPeerCertificate.bind(socket);
      socket.getPeerCertificate = ((detailed?: boolean) => (detailed ? peer : own(detailed))) as TLSSocket["getPeerCertificate"];
      o.seen.certificate = presentedCertificate(socket, peer);
      o.seen.tlsVersion = socket.getProtocol() ?? null;
    });
    socket.setNoDelay(true);
    socket.once("secureConnect", () => finish(null));
    socket.once("error", (err) => finish(err));
  };
}
