// Reading the --resolver option: `system`, an IP with an optional port, or a DoH URL.
import { readFileSync } from "node:fs";
import net from "node:net";
import type { Server } from "./transport.js";

/**
 * The default for probing from the outside: a public validating resolver over DoH, so that split
 * DNS on the assessor's network cannot change the verdicts and DNSSEC is validated.
 */
export const DEFAULT_RESOLVER = "https://cloudflare-dns.com/dns-query";

export type ParsedResolver =
  | { kind: "udp"; spec: string; server: Server }
  | { kind: "doh"; spec: string; url: string };

export class ResolverSpecError extends Error {}

export function parseResolverSpec(spec: string, resolvConf = "/etc/resolv.conf"): ParsedResolver {
  const s = spec.trim();
  if (s === "system") return { kind: "udp", spec: s, server: systemNameserver(resolvConf) };
  if (/^https:\/\//i.test(s)) {
    try {
      return { kind: "doh", spec: s, url: new URL(s).toString() };
    } catch {
      throw new ResolverSpecError(`--resolver ${spec}: not a valid URL`);
    }
  }
  const server = parseAddress(s);
  if (!server) {
    throw new ResolverSpecError(
      `--resolver ${spec}: expected "system", an IP address with an optional port (1.1.1.1, 127.0.0.53:53, [::1]:53) or an https:// DoH URL`,
    );
  }
  return { kind: "udp", spec: s, server };
}

function parseAddress(s: string): Server | null {
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(s);
  if (v6 && net.isIPv6(v6[1]!)) return withPort(v6[1]!, v6[2]);
  if (net.isIPv6(s)) return { host: s, port: 53 };
  const v4 = /^([0-9.]+)(?::(\d+))?$/.exec(s);
  if (v4 && net.isIPv4(v4[1]!)) return withPort(v4[1]!, v4[2]);
  return null;
}

function withPort(host: string, port: string | undefined): Server | null {
  const p = port === undefined ? 53 : Number(port);
  return Number.isInteger(p) && p > 0 && p < 65536 ? { host, port: p } : null;
}

/** resolv.conf(5): the first `nameserver` line. */
function systemNameserver(path: string): Server {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ResolverSpecError(`--resolver system: cannot read ${path}`);
  }
  for (const line of text.split("\n")) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    const server = m ? parseAddress(m[1]!.replace(/%.*$/, "")) : null;
    if (server) return server;
  }
  throw new ResolverSpecError(`--resolver system: no nameserver line in ${path}`);
}
