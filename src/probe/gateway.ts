// MX host → the service behind it: Exchange Online (*.mail.protection.outlook.com, *.mx.microsoft),
// a third-party gateway from the catalogue, or unknown. Pure: the MX lookup is the mx probe's.
import type { DataCatalogue, GatewayEntry } from "../data/schema.js";
import type { GatewayEvidence, GatewayHost } from "../evidence/gateway.js";
import type { MxEvidence } from "../evidence/mx.js";

/**
 * "*.example.com" matches any name that ends in ".example.com" (one or more labels: gateways name
 * their hosts at varying depths, unlike MTA-STS's single-label rule); anything else matches exactly.
 * DNS names compare case-insensitively (RFC 4343 §3).
 */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase().replace(/\.$/, "");
  return p.startsWith("*.") ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p;
}

/** The catalogue entry whose pattern matches the host, the longest (most specific) pattern winning. */
export function gatewayOf(host: string, gateways: GatewayEntry[]): { entry: GatewayEntry; pattern: string } | null {
  let best: { entry: GatewayEntry; pattern: string } | null = null;
  for (const entry of gateways) {
    for (const pattern of entry.mx) {
      if (hostMatches(pattern, host) && (!best || pattern.length > best.pattern.length)) best = { entry, pattern };
    }
  }
  return best;
}

export function classifyHost(host: string, preference: number, gateways: GatewayEntry[]): GatewayHost {
  const m = gatewayOf(host, gateways);
  if (!m) return { host, preference, kind: "unknown", gatewayId: null, gatewayName: null, pattern: null };
  return {
    host,
    preference,
    kind: m.entry.kind === "exchange-online" ? "exchange-online" : "gateway",
    gatewayId: m.entry.id,
    gatewayName: m.entry.name,
    pattern: m.pattern,
  };
}

export function detectGateway(mx: MxEvidence, data: Pick<DataCatalogue, "gateways">): GatewayEvidence {
  if (mx.error) return { error: mx.error, kind: "none", hosts: [], gateways: [], unknownHosts: [] };
  const hosts = mx.hosts.map((h) => classifyHost(h.exchange, h.preference, data.gateways));
  const onExo = hosts.filter((h) => h.kind === "exchange-online").length;
  const kind = hosts.length === 0 ? "none" : onExo === hosts.length ? "exchange-online" : onExo === 0 ? "third-party" : "mixed";
  const gateways: GatewayEvidence["gateways"] = [];
  for (const h of hosts) {
    if (h.kind !== "gateway") continue;
    const seen = gateways.find((g) => g.id === h.gatewayId);
    if (seen) seen.hosts.push(h.host);
    else {
      const entry = data.gateways.find((g) => g.id === h.gatewayId)!;
      gateways.push({ id: entry.id, name: entry.name, arcSealers: [...entry.arcSealers], hosts: [h.host] });
    }
  }
  return { error: null, kind, hosts, gateways, unknownHosts: hosts.filter((h) => h.kind === "unknown").map((h) => h.host) };
}
