// Sending one query over UDP, TCP or DNS-over-HTTPS and returning the raw response.
import dgram from "node:dgram";
import net from "node:net";
import { request } from "undici";
import { DnsError } from "./errors.js";

export interface Server { host: string; port: number }
interface Query { name: string; type: string }

/** RFC 1035 §4.2.1: a 16-bit id matched on the reply; the id alone is not trusted (RFC 5452 §9.1). */
export function sendUdp(server: Server, message: Buffer, query: Query, timeoutMs: number): Promise<Buffer> {
  const id = message.readUInt16BE(0);
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(server.host) ? "udp6" : "udp4");
    const finish = (err: Error | null, buf?: Buffer) => {
      clearTimeout(timer);
      socket.close();
      if (err) reject(err);
      else resolve(buf as Buffer);
    };
    const timer = setTimeout(
      () => finish(new DnsError("DNS_TIMEOUT", `no answer over UDP from ${server.host}:${server.port} within ${timeoutMs} ms`, query)),
      timeoutMs,
    );
    socket.on("error", (err) => finish(new DnsError("DNS_NETWORK", `UDP: ${err.message}`, query)));
    socket.on("message", (buf, rinfo) => {
      // Answers from another address or with another id are ignored, as a stub resolver must.
      if (rinfo.port !== server.port || buf.length < 2 || buf.readUInt16BE(0) !== id) return;
      finish(null, buf);
    });
    socket.send(message, server.port, server.host);
  });
}

/** RFC 1035 §4.2.2 / RFC 7766 §8: over TCP each message is preceded by its 2-byte length. */
export function sendTcp(server: Server, message: Buffer, query: Query, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: server.host, port: server.port });
    let received = Buffer.alloc(0);
    const finish = (err: Error | null, buf?: Buffer) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(buf as Buffer);
    };
    const timer = setTimeout(
      () => finish(new DnsError("DNS_TIMEOUT", `no answer over TCP from ${server.host}:${server.port} within ${timeoutMs} ms`, query)),
      timeoutMs,
    );
    socket.on("connect", () => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(message.length);
      socket.write(Buffer.concat([len, message]));
    });
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        finish(null, received.subarray(2, 2 + received.readUInt16BE(0)));
      }
    });
    socket.on("error", (err) => finish(new DnsError("DNS_NETWORK", `TCP: ${err.message}`, query)));
    socket.on("end", () => finish(new DnsError("DNS_NETWORK", "TCP: the server closed the connection before answering", query)));
  });
}

/** RFC 8484 §4.1: POST with application/dns-message; the message id SHOULD be 0. */
export async function sendDoh(url: string, message: Buffer, query: Query, timeoutMs: number, dispatcher?: import("undici").Dispatcher): Promise<Buffer> {
  try {
    const res = await request(url, {
      method: "POST",
      headers: { "content-type": "application/dns-message", accept: "application/dns-message" },
      body: message,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
      ...(dispatcher ? { dispatcher } : {}),
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new DnsError("DNS_NETWORK", `DNS-over-HTTPS answered HTTP ${res.statusCode}`, query);
    }
    // A DNS message is at most 65535 bytes; refuse to buffer a larger body.
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > 65535) throw new DnsError("DNS_BAD_RESPONSE", "DNS-over-HTTPS body larger than a DNS message", query);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } catch (err) {
    if (err instanceof DnsError) throw err;
    const e = err as Error & { code?: string };
    if (e.name === "TimeoutError" || e.name === "AbortError" || /TIMEOUT/.test(e.code ?? "")) {
      throw new DnsError("DNS_TIMEOUT", `no answer from ${url} within ${timeoutMs} ms`, query);
    }
    throw new DnsError("DNS_NETWORK", `DNS-over-HTTPS: ${e.message}`, query);
  }
}
