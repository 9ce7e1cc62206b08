// The inbound path of one domain, MX → gateway → the tenant's inbound connector(s) for it →
// Enhanced Filtering → ARC trust. A connector is taken to receive from a gateway when its
// TlsSenderCertificateName names the gateway's certificate or MX domain, when its SenderIPAddresses
// overlap the gateway's published egress, when it is associated with the domain, or (weakest) when
// its name or comment names the gateway. Exchange Online picks the connector for a message by those
// same properties (certificate first, then sender IP), so every such connector is kept, enabled or not.
import type { DataCatalogue, GatewayEntry } from "../data/schema.js";
import type { GatewayEvidence } from "../evidence/gateway.js";
import type { EgressEvidence, GatewayPath, MailPathEvidence, PathConnector } from "../evidence/mailpath.js";
import type { InboundConnector, TenantEvidence } from "../evidence/tenant.js";
import type { ProbeContext } from "./context.js";
import { probeEgress } from "./egress.js";
import { coveredBy, type IpInterval, overlaps, parseIpRange } from "./ip-range.js";

const NO_EGRESS: EgressEvidence = { error: null, ranges: [], lookups: [] };

export async function probeMailPath(
  domain: string,
  gateway: GatewayEvidence,
  tenant: TenantEvidence | null,
  data: Pick<DataCatalogue, "gateways">,
  ctx: ProbeContext,
): Promise<MailPathEvidence> {
  if (!tenant) return { error: null, tenantAssessed: false, acceptedDomain: null, gateways: [], possiblyTruncated: false };
  const problem = tenant.inboundConnectors.error ?? tenant.acceptedDomains.error;
  if (problem) return { error: problem, tenantAssessed: true, acceptedDomain: null, gateways: [], possiblyTruncated: false };
  const possiblyTruncated = tenant.inboundConnectors.possiblyTruncated || tenant.acceptedDomains.possiblyTruncated;
  const acceptedDomain = tenant.acceptedDomains.items.some(
    (d) => d.domainName === domain || (d.matchSubDomains === true && domain.endsWith(`.${d.domainName}`)),
  );
  const inbound = tenant.connectors.filter((c): c is InboundConnector => c.direction === "inbound");
  const trusted = tenant.arcConfig.arcTrustedSealers.map((s) => s.toLowerCase());
  const paths: GatewayPath[] = [];
  for (const g of gateway.gateways) {
    const entry = data.gateways.find((e) => e.id === g.id);
    if (!entry) continue;
    const egress = await probeEgress(entry, ctx);
    paths.push({
      gatewayId: entry.id,
      name: entry.name,
      hosts: g.hosts,
      egress,
      connectors: matchConnectors(inbound, domain, egress, certificateNamesOf(entry), nameHintsOf(entry)),
      arc: { sealers: [...entry.arcSealers], trusted: entry.arcSealers.filter((s) => trusted.includes(s)) },
    });
  }
  if (gateway.unknownHosts.length > 0) {
    // An MX host the catalogue does not know (on-premises, an unlisted service): only its own names
    // and the domain association can tie a connector to it.
    paths.push({
      gatewayId: null,
      name: `unlisted MX host${gateway.unknownHosts.length > 1 ? "s" : ""} ${gateway.unknownHosts.join(", ")}`,
      hosts: gateway.unknownHosts,
      egress: NO_EGRESS,
      connectors: matchConnectors(inbound, domain, NO_EGRESS, gateway.unknownHosts, []),
      arc: { sealers: [], trusted: [] },
    });
  }
  return { error: null, tenantAssessed: true, acceptedDomain, gateways: paths, possiblyTruncated };
}

/** The certificate names a gateway presents, and its MX domains (a certificate for its own hosts). */
function certificateNamesOf(entry: GatewayEntry): string[] {
  return [...entry.certificateNames, ...entry.mx];
}

function nameHintsOf(entry: GatewayEntry): string[] {
  return [...new Set([entry.id.split("-")[0]!, entry.name.split(/[\s(]/)[0]!.toLowerCase()])].filter((w) => w.length >= 4);
}

const base = (name: string) => name.toLowerCase().replace(/\.$/, "").replace(/^\*\./, "");

/** The certificate name and the gateway name are the same, or one lies under the other. */
export function certificateNameMatches(certificateName: string, gatewayName: string): boolean {
  const c = base(certificateName);
  const g = base(gatewayName);
  if (!c.includes(".") || !g.includes(".")) return false;
  return c === g || c.endsWith(`.${g}`) || g.endsWith(`.${c}`);
}

/** SenderDomains as Get-InboundConnector lists them ("smtp:*;1"): "*" applies the connector to every sender domain. */
export function coversAllSenderDomains(senderDomains: string[]): boolean {
  return senderDomains.some((d) => /^(smtp:)?\*(;\d+)?$/i.test(d.trim()));
}

function matchConnectors(connectors: InboundConnector[], domain: string, egress: EgressEvidence, certNames: string[], hints: string[]): PathConnector[] {
  const egressRanges = egress.ranges.map(parseIpRange).filter((r): r is IpInterval => r !== null);
  const out: PathConnector[] = [];
  for (const c of connectors) {
    const matchedBy: PathConnector["matchedBy"] = [];
    if (c.tlsSenderCertificateName && certNames.some((n) => certificateNameMatches(c.tlsSenderCertificateName!, n))) matchedBy.push("certificate");
    const senderRanges = c.senderIPAddresses.map(parseIpRange).filter((r): r is IpInterval => r !== null);
    if (senderRanges.some((s) => egressRanges.some((e) => overlaps(s, e)))) matchedBy.push("senderIp");
    if (c.associatedAcceptedDomains.some((d) => d.toLowerCase() === domain)) matchedBy.push("associatedDomain");
    const text = `${c.name} ${c.comment ?? ""}`.toLowerCase();
    if (hints.some((h) => text.includes(h))) matchedBy.push("name");
    if (matchedBy.length === 0) continue;
    out.push({
      name: c.name,
      enabled: c.enabled,
      connectorType: c.connectorType,
      matchedBy,
      senderIPAddresses: c.senderIPAddresses,
      tlsSenderCertificateName: c.tlsSenderCertificateName,
      senderDomains: c.senderDomains,
      associatedAcceptedDomains: c.associatedAcceptedDomains,
      allSenderDomains: coversAllSenderDomains(c.senderDomains),
      requireTls: c.requireTls,
      restrictDomainsToIPAddresses: c.restrictDomainsToIPAddresses,
      restrictDomainsToCertificate: c.restrictDomainsToCertificate,
      enhancedFiltering: {
        skipLastIP: c.efSkipLastIP,
        skipIPs: c.efSkipIPs,
        testMode: c.efTestMode,
        users: c.efUsers,
        skipIPsCoverEgress: skipCoverage(c.efSkipIPs, egressRanges),
      },
    });
  }
  return out;
}

function skipCoverage(skipIPs: string[], egress: IpInterval[]): PathConnector["enhancedFiltering"]["skipIPsCoverEgress"] {
  if (skipIPs.length === 0) return "not-set";
  if (egress.length === 0) return "unknown";
  const skip = skipIPs.map(parseIpRange).filter((r): r is IpInterval => r !== null);
  const covered = egress.filter((e) => coveredBy(e, skip)).length;
  if (covered === egress.length) return "all";
  return egress.some((e) => skip.some((s) => overlaps(s, e))) ? "some" : "none";
}
