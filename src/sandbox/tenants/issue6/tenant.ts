// Tenant evidence for the inbound-path scenarios, in the shape the normalizer (src/collect) emits:
// every collector section succeeded unless a scenario says otherwise. Connectors and the rest are
// given as partial objects and completed with the cmdlets' defaults.
import type { InboundConnector, OutboundConnector, TenantEvidence, TransportRule } from "../../../evidence/tenant.js";

const ok = { error: null, warnings: [], possiblyTruncated: false };

export function inboundConnector(c: Partial<InboundConnector> & { name: string }): InboundConnector {
  return {
    direction: "inbound", identity: c.name, enabled: true, connectorType: "Partner", comment: null, raw: {},
    connectorSource: "Default", senderIPAddresses: [], senderDomains: ["smtp:*;1"], associatedAcceptedDomains: [],
    requireTls: true, restrictDomainsToIPAddresses: false, restrictDomainsToCertificate: false, tlsSenderCertificateName: null,
    treatMessagesAsInternal: false, cloudServicesMailEnabled: false, efTestMode: false, efSkipLastIP: false, efSkipIPs: [],
    efSkipMailGateway: [], efUsers: [], ...c,
  };
}

export function outboundConnector(c: Partial<OutboundConnector> & { name: string }): OutboundConnector {
  return {
    direction: "outbound", identity: c.name, enabled: true, connectorType: "Partner", comment: null, raw: {},
    useMXRecord: true, recipientDomains: [], smartHosts: [], tlsDomain: null, tlsSettings: null, isTransportRuleScoped: false,
    routeAllMessagesViaOnPremises: false, allAcceptedDomains: false, testMode: false, senderRewritingEnabled: false, ...c,
  };
}

export function transportRule(r: Partial<TransportRule> & { name: string }): TransportRule {
  return {
    identity: r.name, state: "Enabled", mode: "Enforce", priority: 0, conditions: [], exceptions: [], actions: [],
    senderDomainIs: [], fromAddressContainsWords: [], fromAddressMatchesPatterns: [], subjectContainsWords: [],
    subjectMatchesPatterns: [], subjectOrBodyContainsWords: [], headerContainsMessageHeader: null, headerContainsWords: [],
    headerMatchesMessageHeader: null, headerMatchesPatterns: [], messageTypeMatches: null, fromScope: null, sentToScope: null,
    senderIpRanges: [], exceptIfSenderDomainIs: [], quarantine: null, setSCL: null, redirectMessageTo: [], deleteMessage: null,
    rejectMessageReasonText: null, setHeaderName: null, setHeaderValue: null, stopRuleProcessing: null, raw: {}, ...r,
  } as TransportRule;
}

export interface TenantShape {
  acceptedDomains: string[];
  connectors?: (InboundConnector | OutboundConnector)[];
  arcTrustedSealers?: string[];
  transportRules?: TransportRule[];
  rejectDirectSend?: boolean | null;
}

export function tenantEvidenceOf(t: TenantShape): TenantEvidence {
  const connectors = t.connectors ?? [];
  return {
    tenantId: "00000000-0000-0000-0000-0000000000c6",
    cloud: null,
    source: "bundle",
    collectedAt: "2026-01-01T00:00:00.000Z",
    collectedBy: { method: "bundle", clientId: null, certificateThumbprintSha256: null, bundleFile: "sandbox" },
    organization: { ...ok, id: null, displayName: "Contoso County Council", verifiedDomains: [], raw: null },
    domains: { ...ok, items: [] },
    acceptedDomains: {
      ...ok,
      items: t.acceptedDomains.map((d, i) => ({ domainName: d, domainType: "Authoritative", default: i === 0, initial: false, matchSubDomains: false, smtpDaneStatus: "Disabled", raw: {} })),
    },
    inboundConnectors: { ...ok, count: connectors.filter((c) => c.direction === "inbound").length },
    outboundConnectors: { ...ok, count: connectors.filter((c) => c.direction === "outbound").length },
    connectors,
    dkimSigningConfigs: { ...ok, items: [] },
    arcConfig: { ...ok, arcTrustedSealers: t.arcTrustedSealers ?? [], raw: null },
    transportRules: { ...ok, items: t.transportRules ?? [] },
    organizationConfig: { ...ok, rejectDirectSend: t.rejectDirectSend === undefined ? false : t.rejectDirectSend, raw: null },
    dnssecStatus: { error: null, domains: {} },
    smtpDaneInbound: { error: null, domains: {} },
  } as TenantEvidence;
}
