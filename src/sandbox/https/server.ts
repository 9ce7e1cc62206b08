// An in-process HTTPS server on loopback that stands in for many web hosts at once: it picks the
// certificate by SNI and the site by the Host header, so one port serves every mta-sts.<domain>
// of a world. Each site answers one path with a fixed response, or misbehaves on purpose (never
// answers, redirects, serves the wrong type or too much), to exercise the MTA-STS fetch.
import { createServer, type Server } from "node:https";
import { createSecureContext, type SecureContext } from "node:tls";

export interface SiteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Accept the request and never answer it (a stalled server). */
  stall?: boolean;
  /** Send the body in pieces without a Content-Length (chunked), so only reading tells its size. */
  chunked?: boolean;
  /** After the headers, send one byte of body every this many ms, forever (a server that never stops talking). */
  dripMs?: number;
}

export interface Site {
  /** The host name the site answers for (SNI and Host). */
  host: string;
  /** The server's key and certificate chain (leaf first), PEM. */
  keyPem: string;
  certPem: string;
  /** Responses by path; any other path is a 404. */
  paths: Record<string, SiteResponse>;
}

export interface RunningHttpsServer {
  host: string;
  port: number;
  /** Requests each site received, by host name. */
  requests(host: string): number;
  close(): Promise<void>;
}

export async function startHttpsServer(options: { sites: Site[]; host?: string; /** 0 (any free port) when absent. */ port?: number }): Promise<RunningHttpsServer> {
  const bind = options.host ?? "127.0.0.1";
  const byHost = new Map<string, Site>(options.sites.map((s) => [s.host.toLowerCase(), s]));
  const contexts = new Map<string, SecureContext>(
    options.sites.map((s) => [s.host.toLowerCase(), createSecureContext({ key: s.keyPem, cert: s.certPem })]),
  );
  const counts = new Map<string, number>();
  const fallback = options.sites[0];
  if (!fallback) throw new Error("sandbox HTTPS: at least one site is needed");

  const server: Server = createServer(
    {
      key: fallback.keyPem,
      cert: fallback.certPem,
      // RFC 6066 §3: the client names the host it wants; an unknown name gets the first site's certificate.
      SNICallback: (name, cb) => cb(null, contexts.get(name.toLowerCase()) ?? contexts.get(fallback.host.toLowerCase())),
    },
    (req, res) => {
      const hostName = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
      const site = byHost.get(hostName);
      counts.set(hostName, (counts.get(hostName) ?? 0) + 1);
      const path = (req.url ?? "/").split("?")[0]!;
      const answer = site?.paths[path] ?? { status: 404, headers: { "content-type": "text/plain" }, body: "not found\n" };
      if (answer.stall) return;
      if (answer.dripMs) {
        res.writeHead(answer.status, answer.headers ?? {});
        const drip = setInterval(() => res.write("x"), answer.dripMs);
        res.on("close", () => clearInterval(drip));
        return;
      }
      const body = Buffer.from(answer.body ?? "");
      if (!answer.chunked) {
        res.writeHead(answer.status, { "content-length": String(body.length), ...answer.headers });
        res.end(body);
        return;
      }
      // Without a Content-Length, Node sends the pieces with Transfer-Encoding: chunked.
      res.writeHead(answer.status, answer.headers ?? {});
      for (let i = 0; i < body.length; i += 4096) res.write(body.subarray(i, i + 4096));
      res.end();
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, bind, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    host: bind,
    port,
    requests: (h) => counts.get(h.toLowerCase()) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Stalled requests hold their connections open; end them so close() can finish.
        server.closeAllConnections();
      }),
  };
}
