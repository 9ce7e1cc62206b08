// An in-process SMTP server on loopback for the demo, `npm test` and the loopback test world: the
// banner, EHLO, STARTTLS (RFC 3207) with a given certificate chain, and the ways real MX hosts go
// wrong — no STARTTLS, only TLS 1.0, silence after the banner, a banner that never ends.
// It speaks just enough SMTP for a probe or posttls-finger: EHLO/HELO, STARTTLS, NOOP, RSET, QUIT.
import net from "node:net";
import tls from "node:tls";

export type SmtpServerMode =
  /** EHLO advertises STARTTLS; TLS 1.2 and 1.3. */
  | "starttls"
  /** EHLO does not advertise STARTTLS, and the command is refused. */
  | "no-starttls"
  /** STARTTLS, but the handshake only accepts TLS 1.0. */
  | "tls10-only"
  /** Sends the banner, then never says anything again. */
  | "stall-after-banner"
  /** Sends an endless multi-line banner ("220-…" lines forever). */
  | "endless-banner";

export interface SmtpServerOptions {
  /** The name in the banner and the EHLO reply. */
  hostname: string;
  mode: SmtpServerMode;
  /** PEM: the leaf then the intermediates the server presents. Needed unless the mode never does TLS. */
  chainPem?: string;
  keyPem?: string;
  /**
   * Instead of one chain: a certificate for whatever name the client sends in SNI (RFC 6066 §3),
   * so one catch-all server can stand for every MX host of the sample world.
   */
  certFor?: (servername: string) => Promise<{ chainPem: string; keyPem: string }>;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The connections (1 for the first) that are reset (TCP RST) right after the banner, as a flaky middlebox does. */
  resetAfterBanner?: number[];
  /** The connections that are reset when the client starts the TLS handshake (after "220 Ready to start TLS"). */
  resetAtStarttls?: number[];
}

export interface RunningSmtpServer {
  host: string;
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

const MAX_LINE = 4096;

export async function startSmtpServer(o: SmtpServerOptions): Promise<RunningSmtpServer> {
  const host = o.host ?? "127.0.0.1";
  const secureContext = needsTls(o.mode) ? tlsContext(o) : null;
  const sockets = new Set<net.Socket>();
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    // Never keep a test or the world waiting on a client that went away silently.
    socket.setTimeout(60_000, () => socket.destroy());
    if (o.resetAfterBanner?.includes(count)) {
      socket.write(`220 ${o.hostname} ESMTP exo-posture sandbox\r\n`, () => setTimeout(() => socket.resetAndDestroy(), 20));
      return;
    }
    serve(socket, o, secureContext, sockets, o.resetAtStarttls?.includes(count) ?? false);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    host,
    port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function needsTls(mode: SmtpServerMode): boolean {
  return mode === "starttls" || mode === "tls10-only";
}

function tlsContext(o: SmtpServerOptions): tls.SecureContext {
  if (o.certFor) return tls.createSecureContext({ minVersion: "TLSv1.2" });
  if (!o.chainPem || !o.keyPem) throw new Error(`sandbox SMTP ${o.hostname}: mode ${o.mode} needs chainPem and keyPem`);
  if (o.mode === "tls10-only") {
    // OpenSSL 3 refuses TLS 1.0 at its default security level (SHA-1 in the handshake), so the
    // deliberately weak server lowers it: SECLEVEL=0.
    return tls.createSecureContext({ cert: o.chainPem, key: o.keyPem, minVersion: "TLSv1", maxVersion: "TLSv1", ciphers: "DEFAULT@SECLEVEL=0" });
  }
  return tls.createSecureContext({ cert: o.chainPem, key: o.keyPem, minVersion: "TLSv1.2" });
}

function serve(plain: net.Socket, o: SmtpServerOptions, secureContext: tls.SecureContext | null, sockets: Set<net.Socket>, resetAtStarttls = false): void {
  if (o.mode === "endless-banner") {
    talkForever(plain, o.hostname);
    return;
  }
  // RFC 5321 §4.2: a multi-line banner, "220-" on every line but the last.
  plain.write(`220-${o.hostname} ESMTP exo-posture sandbox\r\n220 ${o.hostname} ready\r\n`);
  if (o.mode === "stall-after-banner") return;

  let socket: net.Socket = plain;
  let secure = false;
  let buf = "";
  const onData = (chunk: Buffer) => {
    buf += chunk.toString("latin1");
    if (buf.length > MAX_LINE && !buf.includes("\n")) {
      socket.end("500 5.5.2 line too long\r\n");
      return;
    }
    for (let i = buf.indexOf("\n"); i >= 0; i = buf.indexOf("\n")) {
      const line = buf.slice(0, i).replace(/\r$/, "");
      buf = buf.slice(i + 1);
      if (command(line) === "starttls") return;
    }
  };
  const command = (line: string): "starttls" | null => {
    const verb = line.split(" ")[0]!.toUpperCase();
    const offersTls = secureContext !== null && !secure;
    switch (verb) {
      case "EHLO": {
        const caps = [o.hostname, "PIPELINING", "SIZE 10240000", ...(offersTls ? ["STARTTLS"] : []), "ENHANCEDSTATUSCODES", "8BITMIME"];
        socket.write(caps.map((c, i) => `250${i === caps.length - 1 ? " " : "-"}${c}\r\n`).join(""));
        return null;
      }
      case "HELO":
        socket.write(`250 ${o.hostname}\r\n`);
        return null;
      case "STARTTLS":
        if (!offersTls) {
          socket.write("502 5.5.1 STARTTLS not available\r\n");
          return null;
        }
        // RFC 3207 §4.2: anything the client pipelined after STARTTLS is discarded, never
        // carried into the TLS session (the CVE-2011-0411 command-injection class).
        buf = "";
        socket.removeListener("data", onData);
        socket.write("220 2.0.0 Ready to start TLS\r\n");
        // A reset instead of a handshake: what a middlebox that drops the session looks like.
        if (resetAtStarttls) plain.once("data", () => plain.resetAndDestroy());
        else upgrade();
        return "starttls";
      case "NOOP":
      case "RSET":
      case "MAIL":
      case "RCPT":
        socket.write("250 2.0.0 OK\r\n");
        return null;
      case "QUIT":
        socket.end("221 2.0.0 Bye\r\n");
        return null;
      default:
        socket.write("502 5.5.2 command not implemented\r\n");
        return null;
    }
  };
  const upgrade = () => {
    const tlsSocket = new tls.TLSSocket(plain, { isServer: true, secureContext: secureContext!, SNICallback: sniCallback(o) });
    sockets.add(tlsSocket);
    tlsSocket.on("close", () => sockets.delete(tlsSocket));
    tlsSocket.on("error", () => tlsSocket.destroy());
    tlsSocket.on("data", onData);
    socket = tlsSocket;
    secure = true;
  };
  plain.on("data", onData);
}

function sniCallback(o: SmtpServerOptions): tls.TlsOptions["SNICallback"] {
  const certFor = o.certFor;
  if (!certFor) return undefined;
  const cache = new Map<string, Promise<tls.SecureContext>>();
  return (servername, cb) => {
    const name = (servername || o.hostname).toLowerCase();
    if (!cache.has(name)) cache.set(name, certFor(name).then((c) => tls.createSecureContext({ cert: c.chainPem, key: c.keyPem, minVersion: "TLSv1.2" })));
    cache.get(name)!.then((ctx) => cb(null, ctx), (err: Error) => cb(err, undefined));
  };
}

/** A server that never finishes its greeting: what the probe's byte and line caps are for. */
function talkForever(socket: net.Socket, hostname: string): void {
  const line = `220-${hostname} ${"x".repeat(60)}\r\n`.repeat(64);
  const write = () => {
    if (socket.destroyed) return;
    if (socket.write(line)) setImmediate(write);
    else socket.once("drain", write);
  };
  write();
}
